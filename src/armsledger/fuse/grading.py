"""Admiralty grades for every claim, from the facts of its chain and the rules in grading.yaml.

The code computes facts (who speaks, through whom, how hedged, how corroborated, whether
contradicted); which facts give which grade is data, so an analyst changes the rules without
touching code, and every grade carries the version of the rules that made it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from armsledger.domain.core import Claim, Modality, Polarity, SourceKind
from armsledger.domain.fusion import Contradiction, DocumentProvenance, Grade, LinkKind
from armsledger.fuse.flows import covers
from armsledger.fuse.rules import RELIABILITY_LETTERS, GradeRule, GradingRules, Scale

NAMED = {SourceKind.PERSON, SourceKind.GOVERNMENT, SourceKind.ORGANIZATION, SourceKind.MEDIA}
Facts = Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class GradingContext:
    """What the facts of a claim depend on besides the claim itself."""

    claims: Sequence[Claim]
    origin_by_claim: Mapping[str, str]
    channel_by_claim: Mapping[str, str | None]
    entity_by_claim: Mapping[str, str]
    provenance_by_doc: Mapping[str, DocumentProvenance]
    contradictions: Sequence[Contradiction]
    item_parents: Mapping[str, str | None]


OriginsByItem = dict[tuple[str, str, Polarity], dict[str, set[str]]]


def origins_by_item(context: GradingContext) -> OriginsByItem:
    """(supplier, recipient, polarity) → item → origins, so support is found without pairs."""
    index: OriginsByItem = {}
    for claim in context.claims:
        key = (claim.supplier.id, claim.recipient.id, claim.polarity)
        items = index.setdefault(key, {})
        items.setdefault(claim.item.category, set()).add(context.origin_by_claim[claim.id])
    return index


def supporting_origins(
    claim: Claim, index: OriginsByItem, item_parents: Mapping[str, str | None]
) -> frozenset[str]:
    """Origins making the same claim: same polarity, and for an affirmation the same or a
    narrower item (shells sent means weapons sent), for a denial the same or a wider one."""
    found: set[str] = set()
    items = index.get((claim.supplier.id, claim.recipient.id, claim.polarity), {})
    for item, origins in items.items():
        wider, narrower = claim.item.category, item
        if claim.polarity == Polarity.DENIED:
            wider, narrower = narrower, wider
        if covers(wider, narrower, item_parents):
            found.update(origins)
    return frozenset(found)


def grade_claims(context: GradingContext, rules: GradingRules) -> dict[str, Grade]:
    index = origins_by_item(context)
    others = {
        c.id: supporting_origins(c, index, context.item_parents) - {context.origin_by_claim[c.id]}
        for c in context.claims
    }
    record = _records(context, others)
    contradicted = {i for c in context.contradictions for i in (*c.claim_ids, *c.other_claim_ids)}
    deniers = _accused_deniers(context)
    grades = {}
    for claim in context.claims:
        facts = claim_facts(claim, context, others[claim.id], record, contradicted, deniers)
        grades[claim.id] = grade(facts, rules)
    return grades


def claim_facts(
    claim: Claim,
    context: GradingContext,
    other_origins: frozenset[str],
    record: Mapping[str, int],
    contradicted: set[str],
    deniers: Mapping[tuple[str, str], list[tuple[str, str]]],
) -> dict[str, Any]:
    source = claim.source
    provenance = context.provenance_by_doc.get(claim.doc_id)
    accused = {claim.supplier.id, claim.recipient.id}
    flow_deniers = [
        name
        for item, name in deniers.get(claim.flow_key[:2], [])
        if covers(item, claim.item.category, context.item_parents)
    ]
    return {
        "source_kind": source.kind.value,
        "source_state": source.state or "unknown",
        "has_name": source.kind in NAMED and bool(source.name),
        "has_state": bool(source.state),
        "relayed": bool(context.channel_by_claim.get(claim.id)),
        "hedged": claim.modality == Modality.HEDGED,
        "denied": claim.polarity == Polarity.DENIED,
        "accused_denies": claim.polarity == Polarity.DENIED and source.state in accused,
        "denied_by_accused": bool(flow_deniers),
        "deniers": ", ".join(sorted(set(flow_deniers))),
        "contradicted": claim.id in contradicted,
        "other_origins": len(other_origins),
        "corroborated": record.get(context.entity_by_claim.get(claim.id, ""), 0),
        "syndicated_copy": bool(provenance and _is_copy(provenance)),
    }


def _is_copy(provenance: DocumentProvenance) -> bool:
    return bool(provenance.syndicated_from) or any(
        link.kind == LinkKind.SYNDICATED for link in provenance.links
    )


def _records(context: GradingContext, others: Mapping[str, frozenset[str]]) -> dict[str, int]:
    """A source's record: how many of its claims other origins corroborate."""
    record: dict[str, int] = {}
    for claim in context.claims:
        if others[claim.id] and claim.polarity == Polarity.AFFIRMED:
            entity = context.entity_by_claim.get(claim.id, "")
            record[entity] = record.get(entity, 0) + 1
    return record


def _accused_deniers(context: GradingContext) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(supplier, recipient) → [(denied item, denier)] for denials by either accused side."""
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for claim in context.claims:
        pair = (claim.supplier.id, claim.recipient.id)
        if claim.polarity == Polarity.DENIED and claim.source.state in pair:
            found.setdefault(pair, []).append((claim.item.category, claim.source.name))
    return found


def grade(facts: Facts, rules: GradingRules) -> Grade:
    letter, letter_reasons = _apply(rules.reliability, facts, "reliability", RELIABILITY_LETTERS)
    number, number_reasons = _apply(rules.credibility, facts, "credibility", "123456")
    return Grade(
        reliability=letter,
        credibility=int(number),
        reasons=(*letter_reasons, *number_reasons),
        rules_version=rules.version,
    )


def _apply(scale: Scale, facts: Facts, axis: str, ladder: str) -> tuple[str, list[str]]:
    base = next((rule for rule in scale.base if matches(rule.when, facts)), None)
    if base is None:
        return scale.fallback.grade, [
            f"{axis} {scale.fallback.grade}: {_say(scale.fallback, facts)}"
        ]
    position = ladder.index(base.grade)
    reasons = [f"{axis} {base.grade}: {_say(base, facts)}"]
    for rule in scale.adjust:
        if matches(rule.when, facts):
            position += rule.steps
            reasons.append(f"{axis} {_steps(rule.steps)}: {_say(rule, facts)}")
    position = min(max(position, ladder.index(scale.best)), ladder.index(scale.worst))
    return ladder[position], reasons


def matches(when: Mapping[str, Any], facts: Facts) -> bool:
    """Every condition holds: a value, a list of accepted values, or {min: n} / {max: n}."""
    for name, condition in when.items():
        value = facts[name]
        if isinstance(condition, dict):
            if "min" in condition and value < condition["min"]:
                return False
            if "max" in condition and value > condition["max"]:
                return False
        elif isinstance(condition, list):
            if value not in condition:
                return False
        elif value != condition:
            return False
    return True


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def _say(rule: GradeRule, facts: Facts) -> str:
    return rule.reason.format_map(_Blank(facts))


def _steps(steps: int) -> str:
    if steps == 0:
        return "note"
    return f"{steps:+d} ({'worse' if steps > 0 else 'better'})"
