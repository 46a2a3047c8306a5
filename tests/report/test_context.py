"""The claim in context: sentence bounds, margins cut at words, segments of a document."""

from __future__ import annotations

import pytest

from armsledger.domain.core import Document
from armsledger.report.context import document_segments, sentence_bounds, span_in_context
from tests.report.sample_ledger import SampleLedger

TEXT = "First sentence here. Iran sent drones to Russia, officials said. Last one!\nNext line."


@pytest.mark.parametrize(
    ("quote", "sentence"),
    [
        ("Iran sent drones", "Iran sent drones to Russia, officials said."),
        ("officials said", "Iran sent drones to Russia, officials said."),
        ("First", "First sentence here."),
        ("Last one", "Last one!"),
        ("Next line", "Next line."),
    ],
)
def test_sentence_bounds_cover_the_whole_sentence(quote: str, sentence: str) -> None:
    start = TEXT.index(quote)
    sentence_start, sentence_end = sentence_bounds(TEXT, start, start + len(quote))
    assert TEXT[sentence_start:sentence_end] == sentence


def test_span_in_context_parts_rebuild_the_text() -> None:
    document = Document(id="d", text=TEXT, content_hash="h")
    start = TEXT.index("sent drones")
    context = span_in_context(document, start, start + len("sent drones"), margin_chars=8)
    assert context.evidence == "sent drones"
    assert context.sentence_before == "Iran "
    assert context.sentence_after == " to Russia, officials said."
    # Eight characters back from the sentence land inside "sentence"; the lead starts at a word.
    assert context.lead == "here. "
    assert context.tail == " Last"
    assert context.clipped_start
    assert context.clipped_end
    parts = context.lead + context.sentence_before + context.evidence
    parts += context.sentence_after + context.tail
    assert parts in TEXT


def test_document_segments_mark_evidence_and_rebuild_the_text(sample: SampleLedger) -> None:
    paper = sample.documents[1]
    claims = [claim for claim in sample.claims if claim.doc_id == paper.id]
    segments = document_segments(paper, claims)
    assert "".join(segment.text for segment in segments) == paper.text
    marked = {segment.text for segment in segments if segment.claim_ids}
    assert marked == {claim.evidence.text for claim in claims}
    anchors = {anchor for segment in segments for anchor in segment.anchors}
    assert anchors == {f"span-{c.evidence.start}-{c.evidence.end}" for c in claims}
