"""`explain`: per sentence, the mentions, speaker, hedges and the rule behind each claim."""

from __future__ import annotations

from armsledger.domain.core import Document, MentionKind
from armsledger.extract.claims import Extractor
from armsledger.extract.explain import render_explanation

TEXT = "Russia could have received Iranian missiles, officials said. The weather was fine."


def test_explain_lists_mentions_speaker_hedges_and_claims(extractor: Extractor) -> None:
    explanations = extractor.explain(Document(id="d", text=TEXT, content_hash="x"))
    assert len(explanations) == 2
    first = explanations[0]
    kinds = {mention.kind for mention in first.mentions}
    assert {MentionKind.ACTOR, MentionKind.ITEM, MentionKind.TRIGGER, MentionKind.HEDGE} <= kinds
    assert first.speaker is not None
    assert first.speaker.name == "officials"
    assert first.hedges == ("could",)
    assert [(c.supplier.id, c.recipient.id, c.modality.value) for c in first.claims] == [
        ("IRN", "RUS", "hedged")
    ]
    assert "direction.get.v1" in first.notes
    assert explanations[1].claims == ()


def test_explain_render_is_plain_text_with_rules(extractor: Extractor) -> None:
    rendered = render_explanation(extractor.explain(Document(id="d", text=TEXT, content_hash="x")))
    assert rendered.startswith("[1] 0-")
    assert "CLAIM    IRN -> RUS missiles" in rendered
    assert "rule=direction.get.v1" in rendered
    assert render_explanation([]) == ""
