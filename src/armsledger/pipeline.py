"""analyze(): ingest → extract → store → fuse, in batches of documents, with a run record.

Each batch is written in one transaction, so a crash loses at most the batch in flight and a
re-run completes the rest. A document whose id is already stored with the same content hash is
left alone, which makes re-running on the same input a no-op; the run record itself is only
written once a run has something new to store, so a repeated run leaves the database unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from armsledger.domain import Claim, Document, InputProblem
from armsledger.extract.claims import Extractor
from armsledger.fuse import load_fusion_rules
from armsledger.ingest.boilerplate import mark_boilerplate
from armsledger.ingest.read import iter_inputs
from armsledger.lexicon import load_lexicons
from armsledger.pipeline_fusion import FusionStep
from armsledger.settings import DEFAULT_BATCH_SIZE
from armsledger.store import Store

ProgressCallback = Callable[[Document | InputProblem], None]


@dataclass(slots=True, kw_only=True)
class RunSummary:
    """What one `analyze` run did, for the CLI to print."""

    run_id: int | None = None
    documents_read: int = 0
    documents_stored: int = 0
    documents_unchanged: int = 0
    claims_stored: int = 0
    skipped: list[InputProblem] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "read": self.documents_read,
            "stored": self.documents_stored,
            "unchanged": self.documents_unchanged,
            "skipped": len(self.skipped),
            "claims": self.claims_stored,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class AnalyzeOptions:
    paths: Sequence[str]
    batch_size: int
    lexicon_versions: Mapping[str, int]
    command: str = "analyze"


def read_documents(paths: Sequence[str]) -> tuple[list[Document], list[InputProblem]]:
    """Read every input at once and mark boilerplate across all of them (for `extract`)."""
    documents: list[Document] = []
    problems: list[InputProblem] = []
    for read in iter_inputs(paths):
        if isinstance(read, InputProblem):
            problems.append(read)
        else:
            documents.append(read)
    return mark_boilerplate(documents), problems


def extract_all(extractor: Extractor, documents: Iterable[Document]) -> list[Claim]:
    claims: list[Claim] = []
    for document in documents:
        claims.extend(extractor.extract(document))
    return claims


def analyze(
    options: AnalyzeOptions,
    store: Store,
    extractor: Extractor,
    fusion: FusionStep,
    on_item: ProgressCallback | None = None,
) -> RunSummary:
    summary = RunSummary()
    fusion.fuse_unfused_documents()
    fusion.regrade_if_rules_changed()
    for batch, problems in _batches(iter_inputs(options.paths), options.batch_size, on_item):
        summary.skipped.extend(problems)
        summary.documents_read += len(batch)
        summary.doc_ids.extend(document.id for document in batch)
        new_documents = _changed_documents(store, mark_boilerplate(batch))
        summary.documents_unchanged += len(batch) - len(new_documents)
        if not new_documents:
            continue
        if summary.run_id is None:
            summary.run_id = store.start_run(
                command=options.command,
                paths=list(options.paths),
                lexicon_versions=options.lexicon_versions,
            )
        claims = extract_all(extractor, new_documents)
        store.write_batch(summary.run_id, new_documents, claims)
        fusion.add_documents(new_documents, claims)
        summary.documents_stored += len(new_documents)
        summary.claims_stored += len(claims)
    if summary.run_id is not None:
        # Skipped inputs are kept with a run that stored something; a run with nothing new to
        # store writes nothing at all, so repeating a run leaves the database as it was.
        store.record_skipped(summary.run_id, summary.skipped)
        store.finish_run(summary.run_id, counts=summary.counts)
    return summary


def analyze_paths(
    store: Store,
    paths: Sequence[str],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_item: ProgressCallback | None = None,
) -> RunSummary:
    """The main job as `armsledger analyze` runs it, with the packaged lexicons and rules."""
    lexicons = load_lexicons()
    rules = load_fusion_rules(lexicons.item_parents)
    options = AnalyzeOptions(
        paths=paths,
        batch_size=batch_size,
        lexicon_versions={**lexicons.versions, **dict(rules.versions)},
    )
    return analyze(options, store, Extractor(lexicons), FusionStep(store, rules), on_item)


def _changed_documents(store: Store, documents: Sequence[Document]) -> list[Document]:
    known = store.known_hashes([document.id for document in documents])
    return [document for document in documents if known.get(document.id) != document.content_hash]


def _batches(
    reads: Iterator[Document | InputProblem],
    batch_size: int,
    on_item: ProgressCallback | None,
) -> Iterator[tuple[list[Document], list[InputProblem]]]:
    documents: list[Document] = []
    problems: list[InputProblem] = []
    for read in reads:
        if on_item is not None:
            on_item(read)
        if isinstance(read, InputProblem):
            problems.append(read)
        else:
            documents.append(read)
        if len(documents) >= batch_size:
            yield documents, problems
            documents, problems = [], []
    if documents or problems:
        yield documents, problems
