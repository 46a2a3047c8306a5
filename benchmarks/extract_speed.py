"""Extraction speed against spaCy's bare tokenizer, on the same articles, in the same run.

    .venv/bin/python benchmarks/extract_speed.py [FOLDER ...] [--rounds N]

Reads every *.txt under the folders (default: ../shared/seeds and tests/data/dev/articles),
runs the whole extraction (sentences, look-up, grammar, attribution, claims) and, separately,
spaCy's blank English tokenizer alone, each over all articles, taking turns for N rounds on one
core (default 20), the best round of each counted. Prints
both throughputs in articles/s and MB/s, their ratio, and the peak memory of the process, and
whether the engine ran compiled (mypyc, the default install) or interpreted
(ARMSLEDGER_PURE_PYTHON=1).
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

import armsledger.extract.claims
from armsledger.domain.core import Document
from armsledger.extract.claims import Extractor
from armsledger.extract.compiled import is_compiled
from armsledger.lexicon import load_lexicons

REPO_DIR = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = (
    REPO_DIR.parent / "shared" / "seeds",
    REPO_DIR / "tests" / "data" / "dev" / "articles",
)


def read_articles(folders: list[Path]) -> list[Document]:
    documents: list[Document] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            documents.append(Document(id=path.stem, text=text, content_hash=digest))
    return documents


def timed(rounds: int, works: list[Callable[[], object]]) -> list[float]:
    """Best of `rounds` timings of each work, in seconds: the least disturbed by other load on
    the machine. The works take turns within each round, so a slow spell of a shared machine
    falls on both sides of the ratio rather than on whichever ran during it."""
    best = [float("inf")] * len(works)
    for _ in range(rounds):
        for index, work in enumerate(works):
            started = time.perf_counter()
            work()
            best[index] = min(best[index], time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    documents = read_articles(args.folders or [f for f in DEFAULT_FOLDERS if f.is_dir()])
    if not documents:
        print("no articles found", file=sys.stderr)
        return 1
    megabytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1_000_000
    tokenizer = spacy.blank("en").tokenizer
    extractor = Extractor(load_lexicons())
    extractor.extract(documents[0])  # build caches before timing

    token_s, extract_s = timed(
        args.rounds,
        [
            lambda: [tokenizer(d.text) for d in documents],
            lambda: [extractor.extract(d) for d in documents],
        ],
    )
    claims = sum(len(extractor.extract(d)) for d in documents)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    count = len(documents)
    engine = "compiled (mypyc)" if is_compiled(armsledger.extract.claims) else "interpreted"
    print(f"engine: {engine}")
    print(f"articles: {count}, {megabytes:.3f} MB, {claims} claims, best of {args.rounds} rounds")
    print(f"spaCy tokenizer : {count / token_s:8.1f} articles/s  {megabytes / token_s:6.2f} MB/s")
    print(
        f"full extraction : {count / extract_s:8.1f} articles/s  {megabytes / extract_s:6.2f} MB/s"
    )
    print(f"ratio (extraction / tokenizer throughput): {token_s / extract_s:.3f}")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
