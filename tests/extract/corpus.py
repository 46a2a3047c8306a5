"""Reading a folder of articles (with sidecar metadata) as the pipeline would, for scoring."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from armsledger.domain.core import Claim, Document, DocumentMeta
from armsledger.extract.claims import Extractor


def read_folder(folder: Path) -> list[Document]:
    """Every *.txt article of a folder; boilerplate marked when the ingest layer offers it."""
    documents = [_document(path) for path in sorted(folder.glob("*.txt"))]
    try:
        from armsledger.ingest.boilerplate import mark_boilerplate
    except ImportError:  # the ingest layer is optional for extraction alone
        return documents
    return mark_boilerplate(documents)


def _document(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    meta = DocumentMeta()
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        fields = json.loads(sidecar.read_text(encoding="utf-8"))
        published = fields.get("published")
        meta = DocumentMeta(
            title=fields.get("title"),
            outlet=fields.get("outlet"),
            url=fields.get("url"),
            published=date.fromisoformat(published[:10]) if published else None,
        )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(id=path.stem, text=text, content_hash=digest, meta=meta)


def extract_all(extractor: Extractor, documents: list[Document]) -> list[Claim]:
    return [claim for document in documents for claim in extractor.extract(document)]


def score(score_script: Path, gold: Path, claims: list[Claim], pred_path: Path) -> dict[str, float]:
    """Run the shared scorer on the claims; its summary line as numbers."""
    pred_path.write_text(
        "".join(json.dumps(claim.to_record()) + "\n" for claim in claims), encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, str(score_script), "--gold", str(gold), "--pred", str(pred_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = run.stdout.strip().splitlines()[-1]
    return {key: float(value) for key, value in (part.split("=") for part in summary.split())}
