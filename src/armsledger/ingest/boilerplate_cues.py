"""Loads lexicons/boilerplate.yaml: the cue patterns that mark boilerplate lines."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml

from armsledger.errors import LexiconError

CUES_PATH = Path(__file__).resolve().parents[1] / "lexicons" / "boilerplate.yaml"
CUES_KIND = "boilerplate-cues"


class CueScope(StrEnum):
    LINE = "line"  # the matching line only
    BLOCK = "block"  # a heading and the headline-like lines under it
    TAIL = "tail"  # the line and the rest of the document, when in its second half


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    id: str
    pattern: re.Pattern[str]
    scope: CueScope = CueScope.LINE
    max_chars: int | None = None
    note: str = ""

    def matches(self, line: str) -> bool:
        """True when `line` (stripped) is short enough for this cue and contains it."""
        if self.max_chars is not None and len(line) > self.max_chars:
            return False
        return self.pattern.search(line) is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class CueLexicon:
    version: int
    cues: tuple[Cue, ...]


@functools.cache
def load_boilerplate_cues(path: Path = CUES_PATH) -> CueLexicon:
    """The cue file parsed and checked; raises LexiconError naming the file and entry."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LexiconError(f"{path.name}: cannot be loaded: {error}") from None
    if not isinstance(document, dict):
        raise LexiconError(f"{path.name}: not a mapping")
    version = document.get("version")
    if not isinstance(version, int) or document.get("kind") != CUES_KIND:
        raise LexiconError(f"{path.name}: needs an integer version and kind: {CUES_KIND}")
    entries = document.get("entries")
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{path.name}: needs a non-empty list of entries")
    cues = tuple(_cue(path.name, number, entry) for number, entry in enumerate(entries, 1))
    _check_unique_ids(path.name, cues)
    return CueLexicon(version=version, cues=cues)


def _cue(file_name: str, number: int, entry: object) -> Cue:
    if not isinstance(entry, dict):
        raise LexiconError(f"{file_name}: entry {number}: not a mapping")
    cue_id = entry.get("id")
    where = f"{file_name}: entry {number} ({cue_id})"
    pattern = entry.get("pattern")
    if not isinstance(cue_id, str) or not isinstance(pattern, str) or not pattern:
        raise LexiconError(f"{where}: needs a string id and pattern")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise LexiconError(f"{where}: bad pattern: {error}") from None
    try:
        scope = CueScope(entry.get("scope", CueScope.LINE))
    except ValueError:
        raise LexiconError(f"{where}: unknown scope {entry.get('scope')!r}") from None
    max_chars = entry.get("max_chars")
    if max_chars is not None and (not isinstance(max_chars, int) or max_chars <= 0):
        raise LexiconError(f"{where}: max_chars must be a positive integer")
    note = entry.get("note", "")
    return Cue(id=cue_id, pattern=compiled, scope=scope, max_chars=max_chars, note=str(note))


def _check_unique_ids(file_name: str, cues: tuple[Cue, ...]) -> None:
    seen: set[str] = set()
    for cue in cues:
        if cue.id in seen:
            raise LexiconError(f"{file_name}: duplicate id {cue.id!r}")
        seen.add(cue.id)
