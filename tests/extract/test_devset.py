"""Extraction quality on the seeds and the development set, by the shared scorer, against the
floors pinned in tests/quality_floors.json; and exact offsets for every claim."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.extract.corpus import extract_all, read_folder, score

from armsledger.domain.core import Claim, Document
from armsledger.extract.claims import Extractor

FLOORS_PATH = Path(__file__).resolve().parents[1] / "quality_floors.json"
DEV_DIR = Path(__file__).resolve().parents[1] / "data" / "dev"
METRICS = ("f1", "attribution", "modality")


def _floors(corpus: str) -> dict[str, float]:
    floors: dict[str, dict[str, float]] = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    return floors[corpus]


@pytest.fixture(scope="module")
def seed_run(extractor: Extractor, seeds_dir: Path) -> tuple[list[Document], list[Claim]]:
    documents = read_folder(seeds_dir)
    return documents, extract_all(extractor, documents)


@pytest.fixture(scope="module")
def dev_run(extractor: Extractor) -> tuple[list[Document], list[Claim]]:
    if not (DEV_DIR / "gold.jsonl").exists():
        pytest.skip(f"{DEV_DIR} has no gold.jsonl yet")
    documents = read_folder(DEV_DIR / "articles")
    return documents, extract_all(extractor, documents)


@pytest.mark.parametrize("metric", METRICS)
def test_devset_seed_scores_stay_above_floors(
    seed_run: tuple[list[Document], list[Claim]],
    score_script: Path,
    seeds_gold: Path,
    tmp_path: Path,
    metric: str,
) -> None:
    scores = score(score_script, seeds_gold, seed_run[1], tmp_path / "seeds.jsonl")
    assert scores[metric] >= _floors("seeds")[metric], scores


@pytest.mark.parametrize("metric", METRICS)
def test_devset_dev_scores_stay_above_floors(
    dev_run: tuple[list[Document], list[Claim]],
    score_script: Path,
    tmp_path: Path,
    metric: str,
) -> None:
    scores = score(score_script, DEV_DIR / "gold.jsonl", dev_run[1], tmp_path / "dev.jsonl")
    assert scores[metric] >= _floors("dev")[metric], scores


@pytest.mark.parametrize("corpus", ["seeds", "dev"])
def test_devset_every_quote_is_the_text_at_its_offsets(
    request: pytest.FixtureRequest, corpus: str
) -> None:
    documents, claims = request.getfixturevalue(f"{corpus}_run".replace("seeds", "seed"))
    texts = {document.id: document.text for document in documents}
    assert claims, f"{corpus}: no claims at all"
    for claim in claims:
        record = claim.to_record()
        assert texts[claim.doc_id][record["start"] : record["end"]] == record["quote"], record


def test_devset_claims_are_deterministic_and_sorted(
    extractor: Extractor, seed_run: tuple[list[Document], list[Claim]]
) -> None:
    documents, claims = seed_run
    again = extract_all(extractor, documents)
    assert again == claims
    for document in documents:
        starts = [c.evidence.start for c in claims if c.doc_id == document.id]
        assert starts == sorted(starts)
