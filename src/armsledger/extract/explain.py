"""`armsledger explain`: sentence by sentence, what the extractor saw and why each claim exists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from armsledger.domain.core import Claim, Document, Mention, MentionKind, Source, Span
from armsledger.extract.model import SentenceView


@dataclass(frozen=True, slots=True, kw_only=True)
class SentenceExplanation:
    sentence: Span
    mentions: tuple[Mention, ...]
    speaker: Source | None
    hedges: tuple[str, ...]
    claims: tuple[Claim, ...]
    notes: tuple[str, ...]  # rule ids, why a sentence gave no claim


def explain_views(
    document: Document, views: Sequence[SentenceView], claims: Sequence[Claim]
) -> list[SentenceExplanation]:
    by_start: dict[int, list[Claim]] = {}
    for claim in claims:
        by_start.setdefault(claim.evidence.start, []).append(claim)
    explanations: list[SentenceExplanation] = []
    for view in views:
        sentence_claims = tuple(by_start.get(view.start, []))
        explanations.append(
            SentenceExplanation(
                sentence=_span(document, view.start, view.end),
                mentions=_mentions(document, view),
                speaker=view.source,
                hedges=tuple(cue.text for cue in view.cues if cue.kind == "hedge"),
                claims=sentence_claims,
                notes=_notes(view, sentence_claims),
            )
        )
    return explanations


def _span(document: Document, start: int, end: int) -> Span:
    return Span(doc_id=document.id, start=start, end=end, text=document.text[start:end])


def _mentions(document: Document, view: SentenceView) -> tuple[Mention, ...]:
    mentions = [
        Mention(
            span=_span(document, a.start, a.end),
            kind=MentionKind.ACTOR,
            entry_id=a.actor_id,
            rule_id=f"actor.{a.role}.v1",
        )
        for a in view.actors
        if a.end > a.start
    ]
    mentions += [
        Mention(
            span=_span(document, i.start, i.end),
            kind=MentionKind.ITEM,
            entry_id=i.designation or i.category,
            rule_id="item.lexicon.v1",
        )
        for i in view.items
    ]
    mentions += [
        Mention(
            span=_span(document, q.start, q.end),
            kind=MentionKind.QUANTITY,
            entry_id=q.quantity.unit,
            rule_id="amount.number.v1",
        )
        for q in view.amounts
    ]
    mentions += [
        Mention(
            span=_span(document, t.start, t.end),
            kind=MentionKind.TRIGGER,
            entry_id=t.trigger.id,
            rule_id=f"trigger.{t.pattern}{'_passive' if t.passive else ''}.v1",
        )
        for t in view.triggers
    ]
    kinds = {
        "hedge": MentionKind.HEDGE,
        "denial": MentionKind.DENIAL,
        "speech": MentionKind.SPEAKER,
    }
    mentions += [
        Mention(
            span=_span(document, c.start, c.end),
            kind=kinds[c.kind],
            entry_id=getattr(c.payload, "id", c.text),
            rule_id=f"cue.{c.kind}.v1",
        )
        for c in view.cues
        if c.kind in kinds
    ]
    return tuple(sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.kind.value)))


def _notes(view: SentenceView, claims: tuple[Claim, ...]) -> tuple[str, ...]:
    notes = [f"speaker: {view.source_rule}"] if view.source_rule else []
    notes += sorted({claim.rule_id for claim in claims})
    if view.triggers and not claims:
        notes.append("no claim: a transfer word without a complete supplier, recipient and item")
    return tuple(notes + view.notes)


def render_explanation(explanations: Sequence[SentenceExplanation]) -> str:
    """Plain text, one block per sentence, for the analyst and for debugging."""
    lines: list[str] = []
    for number, explanation in enumerate(explanations, 1):
        sentence = explanation.sentence
        lines.append(f"[{number}] {sentence.start}-{sentence.end}: {sentence.text}")
        for mention in explanation.mentions:
            lines.append(
                f"    {mention.kind.value:<8} {mention.span.text!r} -> {mention.entry_id} "
                f"({mention.rule_id})"
            )
        if explanation.speaker is not None:
            speaker = explanation.speaker
            lines.append(
                f"    speaker  {speaker.name or '(outlet)'} [{speaker.kind.value}]"
                + (f" role={speaker.role}" if speaker.role else "")
                + (f" channel={speaker.channel}" if speaker.channel else "")
            )
        if explanation.hedges:
            lines.append(f"    hedges   {', '.join(explanation.hedges)}")
        for claim in explanation.claims:
            lines.append("    CLAIM    " + _claim_line(claim))
        for note in explanation.notes:
            lines.append(f"    note     {note}")
    return "\n".join(lines) + ("\n" if lines else "")


def _claim_line(claim: Claim) -> str:
    quantity = claim.quantity
    amount = ""
    if quantity is not None:
        amount = f" qty={quantity.value}/{quantity.low}/{quantity.high} {quantity.unit}"
        amount += f"/{quantity.per}" if quantity.per else ""
    return (
        f"{claim.supplier.id} -> {claim.recipient.id} {claim.item.category}"
        f"{' (' + claim.item.designation + ')' if claim.item.designation else ''}{amount} "
        f"{claim.polarity.value} {claim.modality.value} {claim.stage.value} "
        f"source={claim.source.name or '(outlet)'}[{claim.source.kind.value}] rule={claim.rule_id}"
    )
