"""Clause splitting: where the participants of one transfer word stop.

A clause ends at a closing word of grammar.yaml ("but", "while", ";"), before a coordinated
clause with its own subject, after a wire dateline and at the main verb after a reduced
relative; a semicolon that only separates items of one list does not end it.
"""

from __future__ import annotations

import re

from armsledger.extract.model import SentenceView

# Compiled at import: these run on hot paths, once per sentence or item.
# ", and Denmark has delivered": a comma and conjunction before a new subject ...
_CONJUNCTION_BEFORE_SUBJECT = re.compile(r",\s*(?:and|but|while)\s+(?:the\s+)?$")
# ... and the verb after it.
_VERB_AFTER_SUBJECT = re.compile(
    r"\s+(?:has|have|had|is|was|were|will|would|also|then|"
    r"later|reportedly|sent|sold|gave|bought|got|took|brought|paid|lent|\w+ed)\b"
)

_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?$")
_FINITE = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|can|could|may|might)\b")
# A wire dateline ("KYIV, March 3 (Reuters) - ", "NEW YORK - ") names where the story was filed,
# not a party: it is a clause of its own.
# "said Iran had delivered missiles and that Russian personnel had been trained": a second
# reported clause; ", with the Netherlands contributing funding": an absolute clause with its
# own subject and verb.
_OWN_CLAUSE = re.compile(
    r"\band\s+that\b|,\s+with\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,4}(?:\w+ly\s+)?\w+ing\b"
)
# A literal that each alternative of _OWN_CLAUSE contains (case-sensitive, as the pattern);
# may_own_clause is the finer prefilter the grammar uses.
OWN_CLAUSE_WORDS = ("that", "with")
_DATELINE = re.compile(r"[A-Z][A-Z .’'-]{1,30}(?:,[\w .]{1,20})?(?:\s*\([^)]{1,40}\))?\s+[-–—]\s+")


def clauses(view: SentenceView, text: str) -> list[tuple[int, int]]:
    """The clauses of a sentence: spans between clause-closing words, new subjects,
    the end of a reduced relative and a dateline; list items after semicolons stay joined."""
    breaks = [m.start for m in view.markers if m.kind == "marker:clause_breaks"]
    breaks += _new_subject_breaks(view, text)
    breaks += _reduced_relative_ends(view, text)
    if may_own_clause(text, view.start, view.end):
        breaks += [m.start() for m in _OWN_CLAUSE.finditer(text, view.start, view.end)]
    dateline = _DATELINE.match(text, view.start, view.end)
    if dateline:
        breaks.append(dateline.end())
    bounds = [view.start, *sorted(set(breaks)), view.end]
    # Index pairs, not itertools.pairwise: compiled, a loop over a list needs no iterator object.
    spans: list[tuple[int, int]] = []
    for index in range(1, len(bounds)):
        if bounds[index] > bounds[index - 1]:
            spans.append((bounds[index - 1], bounds[index]))
    return _join_list_items(view, spans)


def may_own_clause(text: str, start: int, end: int) -> bool:
    """Whether _OWN_CLAUSE may match in text[start:end]: its matches open with "and", spaces and
    "that", or a comma, spaces and "with" (a prefilter: a few finds, where the pattern is tried
    at every position of the sentence)."""
    return _after_spaces(text, "that", "and", start, end) or _after_spaces(
        text, "with", ",", start, end
    )


def _after_spaces(text: str, word: str, lead: str, start: int, end: int) -> bool:
    """Whether `word` occurs in text[start:end] right after one or more spaces that follow
    `lead`, all inside the window."""
    at = text.find(word, start, end)
    while at >= 0:
        gap = at
        while gap > start and text[gap - 1].isspace():
            gap -= 1
        if gap < at and gap - len(lead) >= start and text.startswith(lead, gap - len(lead)):
            return True
        at = text.find(word, at + 1, end)
    return False


def _reduced_relative_ends(view: SentenceView, text: str) -> list[int]:
    """ "Patriot systems sent to Ukraine by Germany have shot down Russian missiles": a
    passive participle with no "be" before it modifies the noun before it, and the
    sentence's own verb, which closes it, is the first finite auxiliary after it."""
    ends: list[int] = []
    for trigger in view.triggers:
        if not trigger.passive:
            continue
        before = text[max(view.start, trigger.start - 20) : trigger.start]
        if _BE_BEFORE.search(before):
            continue
        finite = _FINITE.search(text, trigger.end, view.end)
        if finite:
            ends.append(finite.start())
    return ends


def _new_subject_breaks(view: SentenceView, text: str) -> list[int]:
    """ ", and Denmark has delivered 19": a coordinated clause with its own subject."""
    breaks: list[int] = []
    for actor in view.actors:
        # A match holds one comma, the last before the actor (only spaces and words after it):
        # matching from there finds what a search of the whole stretch would.
        comma = text.rfind(",", view.start, actor.start)
        if comma < 0:
            continue
        lead = _CONJUNCTION_BEFORE_SUBJECT.match(text, comma, actor.start)
        if lead and _VERB_AFTER_SUBJECT.match(text[actor.end : actor.end + 30]):
            breaks.append(lead.start())
    return breaks


def _join_list_items(view: SentenceView, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "requested three NASAMS units; up to 123 AMRAAMs; and up to four radars": a part after
    a semicolon with neither a transfer word nor a party is one more item of the list before."""
    joined: list[tuple[int, int]] = []
    for start, end in clauses:
        if joined and _bare(view, start, end) and _opened_by_semicolon(view, start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _bare(view: SentenceView, start: int, end: int) -> bool:
    """Whether the span holds neither a transfer word nor a party."""
    for trigger in view.triggers:
        if start <= trigger.start < end:
            return False
    for actor in view.actors:  # noqa: SIM110 (compiled: a loop, no generator)
        if start <= actor.start < end:
            return False
    return True


def _opened_by_semicolon(view: SentenceView, start: int) -> bool:
    for marker in view.markers:
        if marker.kind.endswith("breaks") and marker.start == start and marker.text == ";":
            return True
    return False
