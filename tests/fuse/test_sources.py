"""Merging speakers across documents under their name variants."""

from __future__ import annotations

import pytest

from armsledger.domain.core import Claim, Source, SourceKind
from armsledger.fuse.engine import FusionRules
from armsledger.fuse.sources import core_name, merge_sources
from tests.fuse.story import TEXTS, Said, claim_in, make_document

TEXT = "Nordland has sent at least one million artillery shells to Selvia"


def spoken_by(*sources: Source, doc_ids: tuple[str, ...] = ()) -> list[Claim]:
    """One claim per source, each in its own document unless doc ids are given."""
    claims = []
    for number, source in enumerate(sources):
        doc_id = doc_ids[number] if doc_ids else f"doc{number}"
        document = make_document(doc_id, TEXTS["official"])
        claims.append(claim_in(document, Said(quote=TEXT, source=source)))
    return claims


def person(name: str, state: str | None = "ORT", role: str | None = None) -> Source:
    return Source(name=name, kind=SourceKind.PERSON, state=state, role=role)


def groups_of(claims: list[Claim], rules: FusionRules) -> list[set[str]]:
    merged = merge_sources(claims, {}, rules.provenance)
    by_entity: dict[str, set[str]] = {}
    for claim in claims:
        by_entity.setdefault(merged.entity_by_claim[claim.id], set()).add(claim.source.name)
    return sorted(by_entity.values(), key=sorted)


@pytest.mark.parametrize(
    "variants",
    [
        ("Ilse Varga", "Ilse-Varga"),
        ("Ilse Varga", "ilse varga"),
        ("Defence Minister Ilse Varga", "Ilse Varga", "Minister Ilse Varga"),
        ("Ilse Varga", "Varga"),
        ("Jan Kowalczyk", "Jan Kowalcyzk"),  # a transposition, caught by the fuzzy match
    ],
)
def test_merge_sources_joins_name_variants(
    variants: tuple[str, ...], fusion_rules: FusionRules
) -> None:
    claims = spoken_by(*(person(name) for name in variants))
    assert groups_of(claims, fusion_rules) == [set(variants)]


def test_merge_sources_keeps_same_surname_of_other_state_apart(fusion_rules: FusionRules) -> None:
    claims = spoken_by(person("Ilse Varga"), person("Peter Varga", state="KES"), person("Varga"))
    assert groups_of(claims, fusion_rules) == [{"Ilse Varga", "Varga"}, {"Peter Varga"}]


def test_merge_sources_leaves_ambiguous_surname_alone(fusion_rules: FusionRules) -> None:
    claims = spoken_by(person("Ilse Varga"), person("Peter Varga"), person("Varga"))
    assert groups_of(claims, fusion_rules) == [{"Ilse Varga"}, {"Peter Varga"}, {"Varga"}]


def test_merge_sources_joins_bare_role_in_same_document(fusion_rules: FusionRules) -> None:
    claims = spoken_by(
        person("Ilse Varga", role="defence minister"),
        person("the minister"),
        person("the minister"),
        doc_ids=("a", "a", "b"),
    )
    merged = merge_sources(claims, {}, fusion_rules.provenance)
    ids = [merged.entity_by_claim[claim.id] for claim in claims]
    assert ids[0] == ids[1]  # "the minister" in the same article is Varga
    assert ids[2] != ids[0]  # in another article it could be anyone


def test_merge_sources_never_merges_anonymous_across_documents(fusion_rules: FusionRules) -> None:
    anonymous = Source(name="a source", kind=SourceKind.ANONYMOUS)
    claims = spoken_by(anonymous, anonymous, doc_ids=("a", "b"))
    assert len(groups_of(claims, fusion_rules)) == 2


def test_merge_sources_government_of_one_state_is_one_entity(fusion_rules: FusionRules) -> None:
    claims = spoken_by(
        Source(name="Ortland", kind=SourceKind.GOVERNMENT, state="ORT"),
        Source(name="Ortland's defence ministry", kind=SourceKind.GOVERNMENT, state="ORT"),
        Source(name="Kestria", kind=SourceKind.GOVERNMENT, state="KES"),
    )
    assert groups_of(claims, fusion_rules) == [
        {"Kestria"},
        {"Ortland", "Ortland's defence ministry"},
    ]


def test_merge_sources_entity_lists_variants_claims_and_documents(
    fusion_rules: FusionRules,
) -> None:
    claims = spoken_by(person("Defence Minister Ilse Varga"), person("Varga"))
    (entity,) = merge_sources(claims, {}, fusion_rules.provenance).entities
    assert entity.name == "Defence Minister Ilse Varga"
    assert entity.variants == ("Defence Minister Ilse Varga", "Varga")
    assert set(entity.claim_ids) == {claim.id for claim in claims}
    assert entity.doc_ids == ("doc0", "doc1")
    assert entity.state == "ORT"


def test_merge_sources_entity_id_is_stable_across_runs(fusion_rules: FusionRules) -> None:
    claims = spoken_by(person("Ilse Varga"), person("Varga"))
    first = merge_sources(claims, {}, fusion_rules.provenance).entities
    second = merge_sources(list(reversed(claims)), {}, fusion_rules.provenance).entities
    assert [entity.id for entity in first] == [entity.id for entity in second]


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Major General Ilse Varga", "ilse varga"),
        ("Lt. Col. Jan Nowak", "jan nowak"),
        ("Minister", "minister"),  # a title alone stays, or nothing would be left
    ],
)
def test_core_name_drops_titles(name: str, core: str, fusion_rules: FusionRules) -> None:
    assert core_name(name, fusion_rules.provenance) == core
