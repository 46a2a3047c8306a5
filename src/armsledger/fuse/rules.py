"""Load the fusion data files (outlets.yaml, conversions.yaml, grading.yaml) into typed rules.

The files are plain data an analyst edits; every problem is reported as one
`<file>: <problem>` line. Loaders are cached by path, so a changed copy at a new path (as the
tests write) is read afresh.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from armsledger.errors import LexiconError

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
OUTLETS_PATH = LEXICON_DIR / "outlets.yaml"
CONVERSIONS_PATH = LEXICON_DIR / "conversions.yaml"
GRADING_PATH = LEXICON_DIR / "grading.yaml"

ROLES = ("own_outlet", "syndicated_from", "relay")
RELIABILITY_LETTERS = "ABCDEF"
# The facts fuse/grading.py computes for every claim; a rule may test only these.
KNOWN_FACTS = frozenset(
    {
        "source_kind",
        "has_name",
        "has_state",
        "relayed",
        "hedged",
        "denied",
        "accused_denies",
        "denied_by_accused",
        "contradicted",
        "other_origins",
        "corroborated",
        "syndicated_copy",
    }
)

Condition = Any  # a value, a list of values, or {"min": n} / {"max": n}


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    id: str
    role: str
    strong: bool
    relays_anonymous: bool
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class KnownOutlet:
    id: str
    name: str
    aliases: tuple[str, ...]
    hosts: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProvenanceRules:
    version: int
    cues: tuple[Cue, ...]
    outlet_words: frozenset[str]
    trailing_words: tuple[str, ...]  # longest first
    outlets: tuple[KnownOutlet, ...]
    person_titles: frozenset[str]
    shingle_words: int
    num_perm: int
    threshold: float
    candidate_threshold: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Conversion:
    id: str
    from_unit: str
    to_unit: str
    items: frozenset[str]
    low: float
    high: float
    note: str
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ConversionRules:
    version: int
    max_steps: int
    entries: tuple[Conversion, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class GradeRule:
    id: str
    when: Mapping[str, Condition]
    grade: str  # a reliability letter or a credibility digit, as text
    steps: int
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Scale:
    """One axis of the Admiralty grade: base rules, adjustments, bounds and a fallback."""

    base: tuple[GradeRule, ...]
    adjust: tuple[GradeRule, ...]
    best: str
    worst: str
    fallback: GradeRule


@dataclass(frozen=True, slots=True, kw_only=True)
class GradingRules:
    version: int
    reliability: Scale
    credibility: Scale
    well_sourced_reliability: str
    well_sourced_credibility: int
    amount_margin: float
    same_period_days: int


def read_data_file(path: Path, kind: str) -> dict[str, Any]:
    """Read a YAML data file and check its `version:` and `kind:` headers."""
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise LexiconError(f"{path.name}: cannot be read ({error.strerror})") from None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else "?"
        raise LexiconError(f"{path.name}:{line}: not valid YAML ({error.problem})") from None
    except yaml.YAMLError:
        raise LexiconError(f"{path.name}: not valid YAML") from None
    if not isinstance(loaded, dict):
        raise LexiconError(f"{path.name}: not a mapping")
    if loaded.get("kind") != kind:
        raise LexiconError(f"{path.name}: kind is {loaded.get('kind')!r}, expected {kind!r}")
    if not isinstance(loaded.get("version"), int):
        raise LexiconError(f"{path.name}: missing integer 'version'")
    return loaded


def _field(path: Path, entry: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in entry:
        raise LexiconError(f"{path.name}: {where}: missing '{key}'")
    return entry[key]


@cache
def load_provenance_rules(path: Path = OUTLETS_PATH) -> ProvenanceRules:
    loaded = read_data_file(path, "provenance-cues")
    name_pattern = f"(?P<name>{_field(path, loaded, 'name_pattern', 'header')})"
    cues = tuple(_cue(path, number, entry, name_pattern) for number, entry in _entries(loaded))
    near = loaded.get("near_duplicate", {})
    return ProvenanceRules(
        version=loaded["version"],
        cues=cues,
        outlet_words=frozenset(word.lower() for word in loaded.get("outlet_words", [])),
        trailing_words=tuple(sorted(loaded.get("trailing_words", []), key=len, reverse=True)),
        outlets=tuple(_outlet(path, entry) for entry in loaded.get("outlets", [])),
        person_titles=frozenset(str(word).lower() for word in loaded.get("person_titles", [])),
        shingle_words=int(near.get("shingle_words", 5)),
        num_perm=int(near.get("num_perm", 128)),
        threshold=float(near.get("threshold", 0.6)),
        candidate_threshold=float(near.get("candidate_threshold", 0.4)),
    )


def _entries(loaded: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    return list(enumerate(loaded.get("cues", []), start=1))


def _cue(path: Path, number: int, entry: Mapping[str, Any], name_pattern: str) -> Cue:
    where = f"cue {number} ({entry.get('id', '?')})"
    role = _field(path, entry, "role", where)
    if role not in ROLES:
        raise LexiconError(f"{path.name}: {where}: unknown role {role!r}")
    pattern = str(_field(path, entry, "pattern", where))
    if "{name}" in pattern:
        pattern = pattern.replace("{name}", name_pattern)
    try:
        regex = re.compile(pattern)
    except re.error as error:
        raise LexiconError(f"{path.name}: {where}: bad pattern ({error})") from None
    if "name" not in regex.groupindex:
        raise LexiconError(f"{path.name}: {where}: pattern has no {{name}}")
    return Cue(
        id=str(_field(path, entry, "id", where)),
        role=role,
        strong=entry.get("strength", "weak") == "strong",
        relays_anonymous=bool(entry.get("relays_anonymous", False)),
        regex=regex,
    )


def _outlet(path: Path, entry: Mapping[str, Any]) -> KnownOutlet:
    where = f"outlet {entry.get('id', '?')}"
    return KnownOutlet(
        id=str(_field(path, entry, "id", where)),
        name=str(_field(path, entry, "name", where)),
        aliases=tuple(str(alias) for alias in entry.get("aliases", [])),
        hosts=tuple(str(host) for host in entry.get("hosts", [])),
    )


@cache
def load_conversion_rules(path: Path = CONVERSIONS_PATH) -> ConversionRules:
    loaded = read_data_file(path, "unit-conversions")
    entries = []
    for number, entry in enumerate(loaded.get("entries", []), start=1):
        where = f"entry {number} ({entry.get('id', '?')})"
        low = float(_field(path, entry, "low", where))
        high = float(_field(path, entry, "high", where))
        if not 0 < low <= high:
            raise LexiconError(f"{path.name}: {where}: needs 0 < low <= high")
        entries.append(
            Conversion(
                id=str(_field(path, entry, "id", where)),
                from_unit=str(_field(path, entry, "from_unit", where)),
                to_unit=str(_field(path, entry, "to_unit", where)),
                items=frozenset(_field(path, entry, "items", where)),
                low=low,
                high=high,
                note=str(entry.get("note", "")),
                source=str(entry.get("source", "")),
            )
        )
    return ConversionRules(
        version=loaded["version"],
        max_steps=int(loaded.get("max_steps", 2)),
        entries=tuple(entries),
    )


@cache
def load_grading_rules(path: Path = GRADING_PATH) -> GradingRules:
    loaded = read_data_file(path, "grading-rules")
    well = loaded.get("well_sourced", {})
    contradictions = loaded.get("contradictions", {})
    return GradingRules(
        version=loaded["version"],
        reliability=_scale(path, loaded, "reliability"),
        credibility=_scale(path, loaded, "credibility"),
        well_sourced_reliability=str(well.get("reliability", "C")),
        well_sourced_credibility=int(well.get("credibility", 3)),
        amount_margin=float(contradictions.get("amount_margin", 0.25)),
        same_period_days=int(contradictions.get("same_period_days", 120)),
    )


def _scale(path: Path, loaded: Mapping[str, Any], axis: str) -> Scale:
    section = _field(path, loaded, axis, "header")
    fallback = _field(path, section, "fallback", axis)
    return Scale(
        base=tuple(_rule(path, axis, "base", rule) for rule in section.get("base", [])),
        adjust=tuple(_rule(path, axis, "adjust", rule) for rule in section.get("adjust", [])),
        best=str(_field(path, section, "best", axis)),
        worst=str(_field(path, section, "worst", axis)),
        fallback=_rule(path, axis, "fallback", {"id": "fallback", "when": {}, **fallback}),
    )


def _rule(path: Path, axis: str, part: str, entry: Mapping[str, Any]) -> GradeRule:
    where = f"{axis} {part} rule {entry.get('id', '?')}"
    grade = str(entry.get("grade", ""))
    valid = RELIABILITY_LETTERS if axis == "reliability" else "123456"
    if part != "adjust" and (len(grade) != 1 or grade not in valid):
        raise LexiconError(f"{path.name}: {where}: grade {grade!r} is not one of {valid}")
    when = entry.get("when", {})
    if not isinstance(when, dict):
        raise LexiconError(f"{path.name}: {where}: 'when' must be a mapping")
    unknown = sorted(set(when) - KNOWN_FACTS)
    if unknown:
        raise LexiconError(f"{path.name}: {where}: unknown fact(s) {', '.join(unknown)}")
    return GradeRule(
        id=str(_field(path, entry, "id", where)),
        when=when,
        grade=grade,
        steps=int(entry.get("steps", 0)),
        reason=str(_field(path, entry, "reason", where)),
    )


def rules_versions(
    provenance: ProvenanceRules, conversions: ConversionRules, grading: GradingRules
) -> tuple[tuple[str, int], ...]:
    return (
        ("provenance-cues", provenance.version),
        ("unit-conversions", conversions.version),
        ("grading-rules", grading.version),
    )
