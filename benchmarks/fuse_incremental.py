"""What does one more document cost the fuser, as the ledger grows to 10,000 documents?

Builds a synthetic ledger in memory (seeded, so every run sees the same data): documents of
random words about random supplier/recipient pairs, a share of them syndicated copies of earlier
ones. At 100, 1,000 and 10,000 documents it adds probe documents one by one through
`Ledger.add_document` (provenance from the text and the stored signatures, then only the touched
flows) and prints the median cost. Incremental fusion is flat when that cost does not grow with
the ledger; it grows only with the size of the flows a document touches.

    .venv/bin/python benchmarks/fuse_incremental.py [--max-docs 10000] [--probes 25]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass

from armsledger.domain.core import (
    Actor,
    Claim,
    Document,
    Item,
    Modality,
    Polarity,
    Quantity,
    Source,
    SourceKind,
    Span,
    Stage,
)
from armsledger.fuse.engine import load_fusion_rules
from armsledger.fuse.ledger import Ledger
from armsledger.fuse.provenance import document_provenance

ITEM_PARENTS: dict[str, str | None] = {
    "weapons": None,
    "ammunition": "weapons",
    "artillery_ammunition": "ammunition",
    "missiles": "weapons",
    "drones": "weapons",
    "small_arms": "weapons",
    "food": None,
    "fuel": None,
    "technology": None,
    "cargo": None,
}
STATES = [f"S{number:02d}" for number in range(60)]
WORDS = [f"w{number}" for number in range(3000)]
KINDS = [SourceKind.PERSON, SourceKind.GOVERNMENT, SourceKind.ANONYMOUS, SourceKind.UNATTRIBUTED]
COPY_SHARE = 0.05  # share of documents that are syndicated copies of an earlier one


@dataclass(frozen=True, slots=True, kw_only=True)
class Synthetic:
    document: Document
    claims: list[Claim]


def synthetic_document(number: int, rng: random.Random, texts: Sequence[str]) -> Synthetic:
    if texts and rng.random() < COPY_SHARE:
        text = rng.choice(texts) + " This article first appeared in Wire Agency."
    else:
        text = " ".join(rng.choice(WORDS) for _ in range(150))
    doc_id = f"d{number:06d}"
    document = Document(id=doc_id, text=text, content_hash=hashlib.sha1(text.encode()).hexdigest())
    return Synthetic(document=document, claims=[_claim(doc_id, text, rng) for _ in range(2)])


def _claim(doc_id: str, text: str, rng: random.Random) -> Claim:
    supplier, recipient = rng.sample(STATES, 2)
    start = rng.randrange(0, max(1, len(text) - 40))
    kind = rng.choice(KINDS)
    amount = rng.choice([None, float(rng.randrange(100, 100_000))])
    return Claim(
        doc_id=doc_id,
        supplier=Actor(id=supplier, name=supplier),
        recipient=Actor(id=recipient, name=recipient),
        item=Item(category=rng.choice(list(ITEM_PARENTS))),
        quantity=Quantity(value=amount, low=None, high=None) if amount else None,
        polarity=Polarity.DENIED if rng.random() < 0.05 else Polarity.AFFIRMED,
        modality=rng.choice([Modality.ASSERTED, Modality.HEDGED]),
        stage=Stage.DELIVERED,
        source=Source(name=f"speaker {rng.randrange(500)}", kind=kind, state=rng.choice(STATES)),
        evidence=Span(doc_id=doc_id, start=start, end=start + 40, text=text[start : start + 40]),
        rule_id="synthetic",
    )


def measure(ledger: Ledger, probes: Sequence[Synthetic]) -> tuple[float, float]:
    """Median milliseconds per added document, and median claims re-read per document."""
    costs, reads = [], []
    for probe in probes:
        started = time.perf_counter()
        result = ledger.add_document(probe.document, probe.claims)
        costs.append((time.perf_counter() - started) * 1000)
        reads.append(float(len(result.assessments)))
    return statistics.median(costs), statistics.median(reads)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--max-docs", type=int, default=10_000)
    parser.add_argument("--probes", type=int, default=25)
    options = parser.parse_args()
    rules = load_fusion_rules(ITEM_PARENTS)
    rng = random.Random(20240601)
    ledger = Ledger(rules)
    texts: list[str] = []
    checkpoints = [size for size in (100, 1_000, 10_000) if size <= options.max_docs]
    number = 0
    print("documents  ms per added document (median)  claims re-graded (median)")
    for checkpoint in checkpoints:
        while ledger.document_count < checkpoint:
            item = synthetic_document(number, rng, texts)
            number += 1
            # bulk load, as the pipeline loads stored state: provenance from the text once
            provenance = document_provenance(
                item.document, item.claims, ledger.signature_index, rules.provenance
            )
            ledger.load(provenance, item.claims)
            texts.append(item.document.text)
        probes = [synthetic_document(number + i, rng, texts) for i in range(options.probes)]
        number += options.probes
        cost_ms, reads = measure(ledger, probes)
        print(f"{checkpoint:>9,}  {cost_ms:>32.2f}  {reads:>25.0f}")


if __name__ == "__main__":
    main()
