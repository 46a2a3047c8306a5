"""Loads and validates the versioned lexicon files in lexicons/ into typed objects.

Every file starts with `version:` and `kind:` (TSV files as `# version: N` / `# kind: K`
comment lines). A broken file raises LexiconError naming the file and the entry, so an analyst
who extends a lexicon sees at once what to fix.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml

from armsledger.domain.core import Actor, ActorKind, Stage
from armsledger.errors import LexiconError

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
EVAL_CATEGORIES = [
    "weapons",
    "ammunition",
    "artillery_ammunition",
    "rockets",
    "missiles",
    "drones",
    "small_arms",
    "artillery_systems",
    "armored_vehicles",
    "aircraft",
    "air_defense",
    "naval",
    "personnel",
    "workers",
    "technology",
    "components",
    "raw_materials",
    "fuel",
    "food",
    "money",
    "cargo",
]
TRIGGER_PATTERNS = frozenset(
    {
        "give",
        "get",
        "pay",
        "trade",
        "carry",
        "arrive",
        "noun_give",
        "noun_get",
        "agent_give",
        "agent_get",
    }
)
# Files owned by other layers: versioned here too, but read by their own loaders.
FOREIGN_FILES = frozenset({"boilerplate", "grading", "conversions", "outlets"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorTerm:
    """One way of naming an actor; `role` says how: name, adjective, capital, organ, leader..."""

    text: str
    actor_id: str
    role: str
    needs_prior: str | None = None  # a surname counts only after the full name appeared
    leader: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemTerm:
    text: str
    category: str
    designation: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    """A word form that expresses a transfer, with the role pattern of its arguments."""

    id: str
    form: str
    pattern: str
    stage: Stage
    ambiguous: bool = False
    always_ambiguous: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    """A hedge, denial, speech or stage cue; `kind` holds its type, scope or stage."""

    id: str
    text: str
    kind: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Leader:
    id: str
    state: str
    from_year: int | None = None
    to_year: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AmountWords:
    words: Mapping[str, float]
    scales: Mapping[str, float]
    vague: Mapping[str, tuple[float | None, float | None]]
    qualifiers: Mapping[str, str]  # phrase -> low | high | none
    units: Mapping[str, str]  # phrase -> unit id
    currency_symbols: Mapping[str, str]
    currency_words: Mapping[str, str]
    rates: Mapping[str, str]
    descriptor_units: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Grammar:
    """Closed-class word lists of grammar.yaml, keyed by their role."""

    lists: Mapping[str, tuple[str, ...]]
    backrefs: Mapping[str, str]  # phrase -> resolution (former, latter, last, pair, subject)

    def words(self, name: str) -> tuple[str, ...]:
        return self.lists.get(name, ())


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeWords:
    months: Mapping[str, int]
    openers: Mapping[str, str]
    relative_units: Mapping[str, str]
    weekdays: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicons:
    """Everything the extractor reads, typed; `versions` is recorded with every claim."""

    versions: Mapping[str, int]
    item_parents: Mapping[str, str | None]
    actors: Mapping[str, Actor]
    actor_terms: tuple[ActorTerm, ...]
    generic_organs: tuple[str, ...]
    collectives: frozenset[str]  # "Chinese suppliers", "Iranian firms": only after an adjective
    divided: Mapping[str, tuple[str, str]]  # divided country -> (north, south)
    leaders: Mapping[str, Leader]
    item_terms: tuple[ItemTerm, ...]
    blocking_heads: frozenset[str]
    blocking_modifiers: frozenset[str] = frozenset()
    triggers: tuple[Trigger, ...]
    speech: tuple[Cue, ...]
    hedges: tuple[Cue, ...]
    denials: tuple[Cue, ...]
    stages: tuple[Cue, ...]
    amounts: AmountWords
    grammar: Grammar
    times: TimeWords
    notes: Mapping[str, str] = field(default_factory=dict)
    # Designation id, lower-cased -> the state whose industry makes it ("storm shadow": GBR).
    designation_makers: Mapping[str, str] = field(default_factory=dict)
    # Word lists of organisations.yaml: the markers of companies and armed groups no lexicon lists.
    organisations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def actor_by_id(self, actor_id: str) -> Actor | None:
        """The canonical Actor for an ISO3 code or a non-state actor's canonical name."""
        return self.actors.get(actor_id)

    def depth(self, category: str) -> int:
        """How far a category sits below the root: a deeper category is more specific."""
        depth, parent = 0, self.item_parents.get(category)
        while parent is not None and depth < 10:
            depth, parent = depth + 1, self.item_parents.get(parent)
        return depth


@functools.cache
def load_lexicons(directory: Path | None = None) -> Lexicons:
    """Read, validate and type every lexicon file; LexiconError names the file and entry."""
    return _build(directory or LEXICON_DIR)


def read_yaml(path: Path) -> dict[str, Any]:
    """A YAML lexicon file as a mapping with an integer version and a kind."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LexiconError(f"{path.name}: cannot be read: {error}") from None
    if not isinstance(content, dict):
        raise LexiconError(f"{path.name}: not a mapping")
    _check_header(path, content.get("version"), content.get("kind"))
    return content


def read_tsv(path: Path) -> tuple[int, list[dict[str, str]]]:
    """A TSV lexicon file: `# version:`/`# kind:` comments, a header row starting with `id`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise LexiconError(f"{path.name}: cannot be read: {error}") from None
    header: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    columns: list[str] = []
    for number, line in enumerate(lines, 1):
        if line.startswith("#"):
            key, _, value = line.lstrip("# ").partition(":")
            if key in ("version", "kind") and value.strip():
                header[key] = value.strip()
            continue
        if not line.strip():
            continue
        cells = line.split("\t")
        if not columns:
            columns = cells
            continue
        if len(cells) < 2 or not cells[0].strip():
            raise LexiconError(f"{path.name}:{number}: entry without id or columns")
        rows.append(dict(zip(columns, (cell.strip() for cell in cells), strict=False)))
    version = header.get("version", "")
    _check_header(path, int(version) if version.isdigit() else None, header.get("kind"))
    _check_unique(path, [row["id"] for row in rows])
    return int(version), rows


def _check_header(path: Path, version: object, kind: object) -> None:
    if not isinstance(version, int) or isinstance(version, bool):
        raise LexiconError(f"{path.name}: missing integer `version:` header")
    if not isinstance(kind, str) or not kind:
        raise LexiconError(f"{path.name}: missing `kind:` header")


def _check_unique(path: Path, ids: list[str]) -> None:
    seen: set[str] = set()
    for index, entry_id in enumerate(ids, 1):
        if entry_id in seen:
            raise LexiconError(f"{path.name}: entry {index} ({entry_id}): duplicate id")
        seen.add(entry_id)


def pycountry_names() -> dict[str, str]:
    """Country names from ISO 3166 (pycountry), name -> alpha-3, skipping inverted forms."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name and "(" not in name:
                names[name] = country.alpha_3
    return names


def actor_kind(value: str, where: str) -> ActorKind:
    try:
        return ActorKind(value)
    except ValueError:
        raise LexiconError(f"{where}: unknown actor kind {value!r}") from None


def stage_of(value: str, where: str) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        raise LexiconError(f"{where}: unknown stage {value!r}") from None


def _build(directory: Path) -> Lexicons:
    versions: dict[str, int] = {}
    yamls: dict[str, dict[str, Any]] = {}
    tsvs: dict[str, list[dict[str, str]]] = {}
    for path in sorted(directory.glob("*.yaml")):
        content = read_yaml(path)
        versions[path.stem] = content["version"]
        yamls[path.stem] = content
    for path in sorted(directory.glob("*.tsv")):
        versions[path.stem], tsvs[path.stem] = read_tsv(path)
    for required in ("actors", "items", "numbers", "grammar", "times"):
        if required not in yamls:
            raise LexiconError(f"{required}.yaml: missing from {directory}")
    for required in ("verbs", "speech", "hedges", "denials", "stages"):
        if required not in tsvs:
            raise LexiconError(f"{required}.tsv: missing from {directory}")
    actors, actor_terms, leaders = _actors(yamls["actors"])
    parents, item_terms = _items(yamls["items"])
    return Lexicons(
        versions={stem: versions[stem] for stem in sorted(versions)},
        item_parents=parents,
        designation_makers=_makers(yamls["items"], item_terms, actors),
        actors=actors,
        actor_terms=actor_terms,
        generic_organs=_generic_organs(yamls["actors"]),
        collectives=frozenset(
            name.lower()
            for name in _names(
                {"id": "collectives", **yamls["actors"]}, "collectives", "actors.yaml"
            )
        ),
        divided=_divided(yamls["actors"]),
        leaders=leaders,
        item_terms=item_terms,
        blocking_heads=frozenset(str(w).lower() for w in yamls["items"].get("blocking_heads", [])),
        blocking_modifiers=frozenset(
            str(w).lower() for w in yamls["items"].get("blocking_modifiers", [])
        ),
        triggers=_triggers(tsvs["verbs"]),
        speech=_cues(tsvs["speech"], "speech.tsv", "type"),
        hedges=_cues(tsvs["hedges"], "hedges.tsv", "scope"),
        denials=_cues(tsvs["denials"], "denials.tsv", "type"),
        stages=_stage_cues(tsvs["stages"]),
        amounts=_amounts(yamls["numbers"]),
        grammar=_grammar(yamls["grammar"]),
        times=_times(yamls["times"]),
        organisations=_word_lists(yamls.get("organisations", {})),
    )


def _entries(content: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    entries = content.get(key) or []
    if not isinstance(entries, list):
        raise LexiconError(f"{where}: `{key}` is not a list")
    for index, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("id"):
            raise LexiconError(f"{where}: {key} entry {index}: not a mapping with an id")
    _check_unique(Path(where), [str(entry["id"]) for entry in entries])
    return entries


def _names(entry: dict[str, Any], key: str, where: str) -> list[str]:
    names = entry.get(key) or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise LexiconError(f"{where}: entry {entry['id']}: `{key}` must be a list of strings")
    return list(names)


def _actors(
    content: dict[str, Any],
) -> tuple[dict[str, Actor], tuple[ActorTerm, ...], dict[str, Leader]]:
    where = "actors.yaml"
    actors: dict[str, Actor] = {}
    terms: list[ActorTerm] = []
    for name, code in pycountry_names().items():
        actors.setdefault(code, Actor(id=code, name=name))
        terms.append(ActorTerm(text=name, actor_id=code, role="name"))
    for entry in _entries(content, "states", where):
        code = str(entry["id"])
        if pycountry.countries.get(alpha_3=code) is None:
            raise LexiconError(f"{where}: state {code}: not an ISO 3166-1 alpha-3 code")
        names = _names(entry, "names", where)
        actors[code] = Actor(id=code, name=names[0] if names else code)
        for role in ("names", "adjectives", "capitals"):
            terms += [
                ActorTerm(text=t, actor_id=code, role=role) for t in _names(entry, role, where)
            ]
    for entry in _entries(content, "organs", where):
        state = _known_state(actors, entry, where)
        terms += [
            ActorTerm(text=t, actor_id=state, role="organ") for t in _names(entry, "names", where)
        ]
    if content.get("divided"):
        # "the North" / "the South": resolved in context to the half of a divided country.
        terms += [
            ActorTerm(text=f"the {side}", actor_id="", role=f"half_{side.lower()}")
            for side in ("North", "South")
        ]
    for entry in _entries(content, "nonstate", where):
        kind = actor_kind(str(entry.get("kind", "armed_group")), f"{where}: {entry['id']}")
        actor_id = str(entry["id"])
        actors[actor_id] = Actor(id=actor_id, name=actor_id, kind=kind, state=entry.get("state"))
        terms += [
            ActorTerm(text=t, actor_id=actor_id, role="nonstate")
            for t in _names(entry, "names", where)
        ]
    # After the non-state actors: an armed group's leader stands for the group.
    leaders = _leaders(content, actors, terms)
    return actors, tuple(terms), leaders


def _known_state(actors: Mapping[str, Actor], entry: dict[str, Any], where: str) -> str:
    state = str(entry.get("state") or "")
    if state not in actors:
        raise LexiconError(f"{where}: entry {entry['id']}: unknown state {state!r}")
    return state


def _leaders(
    content: dict[str, Any], actors: Mapping[str, Actor], terms: list[ActorTerm]
) -> dict[str, Leader]:
    where = "actors.yaml"
    leaders: dict[str, Leader] = {}
    for entry in _entries(content, "leaders", where):
        state = _known_state(actors, entry, where)
        leader_id = str(entry["id"])
        leaders[leader_id] = Leader(
            id=leader_id, state=state, from_year=entry.get("from"), to_year=entry.get("to")
        )
        terms += [
            ActorTerm(text=t, actor_id=state, role="leader", leader=leader_id)
            for t in _names(entry, "names", where)
        ]
        terms += [
            ActorTerm(
                text=t, actor_id=state, role="leader", needs_prior=leader_id, leader=leader_id
            )
            for t in _names(entry, "short_after_full", where)
        ]
        terms += [
            ActorTerm(text=t, actor_id=state, role="leader", leader=leader_id)
            for t in _names(entry, "short", where)
        ]
    return leaders


def _generic_organs(content: dict[str, Any]) -> tuple[str, ...]:
    entries = _entries(content, "generic_organs", "actors.yaml")
    return tuple(name for entry in entries for name in _names(entry, "names", "actors.yaml"))


def _divided(content: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {
        str(entry["id"]): (str(entry["north"]), str(entry["south"]))
        for entry in _entries(content, "divided", "actors.yaml")
    }


def _items(content: dict[str, Any]) -> tuple[dict[str, str | None], tuple[ItemTerm, ...]]:
    where = "items.yaml"
    entries = _entries(content, "entries", where)
    parents: dict[str, str | None] = {str(e["id"]): e.get("parent") for e in entries}
    for category, parent in parents.items():
        if parent is not None and parent not in parents:
            raise LexiconError(f"{where}: entry {category}: unknown parent {parent!r}")
    missing = [c for c in EVAL_CATEGORIES if c not in parents]
    if missing:
        raise LexiconError(f"{where}: evaluation categories missing: {', '.join(missing)}")
    plurals = {str(k): str(v) for k, v in (content.get("irregular_plurals") or {}).items()}
    terms: list[ItemTerm] = []
    for entry in entries:
        category = str(entry["id"])
        for term in _names(entry, "terms", where):
            terms += [
                ItemTerm(text=form, category=category) for form in _plural_forms(term, plurals)
            ]
        for designation in entry.get("designations") or []:
            label = str(designation["id"])
            for alias in [label, *(designation.get("aliases") or [])]:
                terms += [
                    ItemTerm(text=variant, category=category, designation=label)
                    for variant in designation_variants(str(alias))
                ]
    return parents, tuple(terms)


def _makers(
    content: dict[str, Any], terms: tuple[ItemTerm, ...], actors: Mapping[str, Actor]
) -> dict[str, str]:
    """The `makers` block of items.yaml: each state's designations, checked against both."""
    known = {term.designation for term in terms if term.designation}
    makers: dict[str, str] = {}
    for state, designations in (content.get("makers") or {}).items():
        if str(state) not in actors:
            raise LexiconError(f"items.yaml: makers: unknown state {state!r}")
        for designation in designations or []:
            if str(designation) not in known:
                raise LexiconError(
                    f"items.yaml: makers: {state}: unknown designation {designation!r}"
                )
            makers[str(designation).lower()] = str(state)
    return makers


def _plural_forms(term: str, irregular: Mapping[str, str]) -> tuple[str, ...]:
    """The term and its plural: regular English rules unless items.yaml lists an exception."""
    if term in irregular:
        return tuple(dict.fromkeys((term, irregular[term])))
    if term.endswith(("s", "x", "ch", "sh")):
        plural = term + "es" if not term.endswith("s") else term
    elif term.endswith("y") and term[-2:-1] not in "aeiou":
        plural = term[:-1] + "ies"
    else:
        plural = term + "s"
    return tuple(dict.fromkeys((term, plural)))


def designation_variants(designation: str) -> tuple[str, ...]:
    """ "KN-23" is also written "KN 23" and "KN23"; each variant may take a plural "s"."""
    variants = {designation}
    for joiner in ("-", " "):
        if joiner in designation:
            variants.add(designation.replace(joiner, ""))
            variants.add(designation.replace(joiner, " " if joiner == "-" else "-"))
    return tuple(sorted(variants | {v + "s" for v in variants}))


def _triggers(rows: list[dict[str, str]]) -> tuple[Trigger, ...]:
    triggers: list[Trigger] = []
    for row in rows:
        where = f"verbs.tsv: entry {row['id']}"
        pattern = row.get("pattern", "")
        if pattern not in TRIGGER_PATTERNS:
            raise LexiconError(f"{where}: unknown pattern {pattern!r}")
        stage = stage_of(row.get("stage", ""), where)
        forms = [form.strip() for form in row.get("forms", "").split(",") if form.strip()]
        if not forms:
            raise LexiconError(f"{where}: no forms")
        ambiguous = row.get("ambiguous", "no") in ("yes", "always")
        always = row.get("ambiguous", "no") == "always"
        triggers += [
            Trigger(
                id=row["id"],
                form=f,
                pattern=pattern,
                stage=stage,
                ambiguous=ambiguous,
                always_ambiguous=always,
            )
            for f in forms
        ]
    return tuple(triggers)


def _cues(rows: list[dict[str, str]], where: str, kind_column: str) -> tuple[Cue, ...]:
    cues: list[Cue] = []
    for row in rows:
        kind = row.get(kind_column, "")
        texts = [text.strip() for text in row.get("cue", "").split(",") if text.strip()]
        if not kind or not texts:
            raise LexiconError(f"{where}: entry {row['id']}: needs `cue` and `{kind_column}`")
        cues += [Cue(id=row["id"], text=text, kind=kind) for text in texts]
    return tuple(cues)


def _stage_cues(rows: list[dict[str, str]]) -> tuple[Cue, ...]:
    cues = _cues(rows, "stages.tsv", "stage")
    for cue in cues:
        stage_of(cue.kind, f"stages.tsv: entry {cue.id}")
    return cues


def _phrase_map(entries: list[dict[str, Any]], key: str, value: str) -> dict[str, Any]:
    return {
        str(term).lower(): entry.get(value, entry["id"]) for entry in entries for term in entry[key]
    }


def _amounts(content: dict[str, Any]) -> AmountWords:
    where = "numbers.yaml"
    currencies = _entries(content, "currencies", where)
    vague = _entries(content, "vague", where)
    return AmountWords(
        words={str(k).lower(): float(v) for k, v in (content.get("words") or {}).items()},
        scales={str(k).lower(): float(v) for k, v in (content.get("scales") or {}).items()},
        vague={
            str(term).lower(): (entry.get("low"), entry.get("high"))
            for entry in vague
            for term in entry["terms"]
        },
        qualifiers=_phrase_map(_entries(content, "qualifiers", where), "terms", "bound"),
        units=_phrase_map(_entries(content, "units", where), "terms", "id"),
        currency_symbols={str(s): str(c["id"]) for c in currencies for s in c["symbols"]},
        currency_words=_phrase_map(currencies, "words", "id"),
        rates=_phrase_map(_entries(content, "rates", where), "terms", "id"),
        descriptor_units=tuple(str(u).lower() for u in content.get("descriptor_units") or []),
    )


def _grammar(content: dict[str, Any]) -> Grammar:
    lists = {
        str(key): tuple(str(word) for word in value)
        for key, value in content.items()
        if isinstance(value, list) and key != "backrefs"
    }
    backrefs = {
        str(term).lower(): str(entry["resolve"])
        for entry in _entries(content, "backrefs", "grammar.yaml")
        for term in entry["terms"]
    }
    return Grammar(lists=lists, backrefs=backrefs)


def _times(content: dict[str, Any]) -> TimeWords:
    return TimeWords(
        months={str(k).lower(): int(v) for k, v in (content.get("months") or {}).items()},
        openers={str(k).lower(): str(v) for k, v in (content.get("openers") or {}).items()},
        relative_units={
            str(k).lower(): str(v) for k, v in (content.get("relative_units") or {}).items()
        },
        weekdays=tuple(str(day).lower() for day in content.get("weekdays") or []),
    )


def _word_lists(content: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {str(k): tuple(str(w) for w in v) for k, v in content.items() if isinstance(v, list)}
