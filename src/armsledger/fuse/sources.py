"""Merge the speakers of claims across documents into SourceEntities.

"Shin Won-sik", "Shin Wonsik", "Defence Minister Shin Won-sik", "Shin" and "the minister" are one
person when they share a kind and a state: names are compared without titles, hyphens and case
(rapidfuzz for spelling variants), a lone surname joins the one entity it fits, and a bare role
("the minister") joins the one speaker of the same document with that role.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from armsledger.domain.core import Claim, Source, SourceKind
from armsledger.domain.fusion import DocumentProvenance, SourceEntity
from armsledger.fuse.names import name_key
from armsledger.fuse.rules import ProvenanceRules

NAMED_KINDS = (SourceKind.PERSON, SourceKind.GOVERNMENT, SourceKind.ORGANIZATION, SourceKind.MEDIA)
SPELLING_MIN_SCORE = 90  # token-set similarity for two multi-word spellings of one name


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceMerge:
    entities: tuple[SourceEntity, ...]
    entity_by_claim: Mapping[str, str]


@dataclass(slots=True, kw_only=True)
class _Group:
    """An entity being built: mutable only inside merge_sources."""

    kind: SourceKind
    state: str | None
    core: str  # the name key without titles
    variants: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def voice_outlet(provenance: DocumentProvenance | None, doc_id: str) -> str:
    """Whose voice an unattributed claim is: the original of a copy, else the outlet."""
    if provenance is None:
        return doc_id
    return provenance.syndicated_from or provenance.outlet or doc_id


def merge_sources(
    claims: Sequence[Claim],
    provenance_by_doc: Mapping[str, DocumentProvenance],
    rules: ProvenanceRules,
) -> SourceMerge:
    groups: dict[str, _Group] = {}
    named: list[_Group] = []
    ordered = sorted(claims, key=lambda claim: _fullness(claim.source))
    for claim in ordered:
        source = claim.source
        if source.kind in NAMED_KINDS:
            group = _named_group(claim, named, rules)
        else:
            key = _unnamed_key(claim, provenance_by_doc)
            group = groups.setdefault(key, _Group(kind=source.kind, state=None, core=key))
        group.claims.append(claim)
        group.variants.append(_display_name(claim, provenance_by_doc))
        if source.role:
            group.roles.append(source.role)
    entities: dict[str, SourceEntity] = {}
    entity_by_claim: dict[str, str] = {}
    for group in [*groups.values(), *named]:
        entity = _entity(group)
        entities[entity.id] = entity
        entity_by_claim.update({claim.id: entity.id for claim in group.claims})
    return SourceMerge(
        entities=tuple(entities[key] for key in sorted(entities)), entity_by_claim=entity_by_claim
    )


def _fullness(source: Source) -> tuple[int, int, str]:
    # Full names first, so "Shin" and "the minister" find "Shin Won-sik" already there.
    has_capital = any(word[:1].isupper() for word in source.name.split())
    return (-int(has_capital), -len(source.name.split()), source.name)


def _unnamed_key(claim: Claim, provenance_by_doc: Mapping[str, DocumentProvenance]) -> str:
    if claim.source.kind == SourceKind.UNATTRIBUTED:
        voice = voice_outlet(provenance_by_doc.get(claim.doc_id), claim.doc_id)
        return f"voice:{name_key(voice)}"
    # Unnamed sources are never merged across documents: "a source" here is not "a source" there.
    return f"anonymous:{claim.doc_id}:{name_key(claim.source.name)}"


def _display_name(claim: Claim, provenance_by_doc: Mapping[str, DocumentProvenance]) -> str:
    if claim.source.kind == SourceKind.UNATTRIBUTED:
        voice = voice_outlet(provenance_by_doc.get(claim.doc_id), claim.doc_id)
        return f"{voice} (own reporting)"
    return claim.source.name


def core_name(name: str, rules: ProvenanceRules) -> str:
    """The name key without leading titles: "major general vadym skibitsky" → "vadym skibitsky"."""
    words = name_key(name).split()
    while len(words) > 1 and words[0] in rules.person_titles:
        words = words[1:]
    return " ".join(words)


def _named_group(claim: Claim, named: list[_Group], rules: ProvenanceRules) -> _Group:
    source = claim.source
    core = core_name(source.name, rules)
    scope = [
        group
        for group in named
        if group.kind == source.kind
        and (group.state is None or source.state in (None, group.state))
    ]
    match = (
        _same_government(source, scope)
        or _same_name(core, scope)
        or _descriptor_match(source, claim.doc_id, scope, rules)
    )
    if match is None:
        match = _Group(kind=source.kind, state=source.state, core=core)
        named.append(match)
    elif match.state is None and source.state:
        match.state = source.state
    return match


def _same_government(source: Source, scope: Sequence[_Group]) -> _Group | None:
    # "South Korea", "Seoul" and "South Korean officials" speak for one government.
    if source.kind != SourceKind.GOVERNMENT or not source.state:
        return None
    return next((group for group in scope if group.state == source.state), None)


def _same_name(core: str, scope: Sequence[_Group]) -> _Group | None:
    words = core.split()
    for group in scope:
        if group.core.replace(" ", "") == core.replace(" ", ""):
            return group
    if len(words) > 1:
        for group in scope:
            if (
                len(group.core.split()) > 1
                and fuzz.token_set_ratio(core, group.core) >= SPELLING_MIN_SCORE
            ):
                return group
        return None
    # A lone surname joins the single entity it fits; two candidates means we cannot tell.
    fits = [group for group in scope if core in group.core.split()]
    return fits[0] if len(fits) == 1 else None


def _descriptor_match(
    source: Source, doc_id: str, scope: Sequence[_Group], rules: ProvenanceRules
) -> _Group | None:
    """ "the minister" joins the one speaker of the same document whose role or title has it."""
    if any(word[:1].isupper() for word in source.name.split()):
        return None
    head = name_key(source.name).split()[-1:] or [""]
    fits = [
        group
        for group in scope
        if any(claim.doc_id == doc_id for claim in group.claims)
        and head[0] in _role_words(group, rules)
    ]
    return fits[0] if len(fits) == 1 else None


def _role_words(group: _Group, rules: ProvenanceRules) -> set[str]:
    words = {word for role in group.roles for word in name_key(role).split()}
    titles = {word for name in group.variants for word in name_key(name).split()}
    return words | (titles & rules.person_titles)


def _entity(group: _Group) -> SourceEntity:
    variants = sorted(set(group.variants))
    canonical = max(variants, key=lambda name: (len(name.split()), len(name), name))
    role = Counter(group.roles).most_common(1)[0][0] if group.roles else None
    digest_input = f"{group.kind.value}|{group.state}|{group.core}"
    if group.kind in (SourceKind.ANONYMOUS, SourceKind.UNATTRIBUTED):
        digest_input = group.core
    entity_id = "src-" + hashlib.sha1(digest_input.encode("utf-8")).hexdigest()[:12]
    return SourceEntity(
        id=entity_id,
        name=canonical,
        kind=group.kind,
        role=role,
        state=group.state,
        variants=tuple(variants),
        claim_ids=tuple(sorted({claim.id for claim in group.claims})),
        doc_ids=tuple(sorted({claim.doc_id for claim in group.claims})),
    )
