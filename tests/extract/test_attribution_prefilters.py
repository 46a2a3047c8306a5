"""The speed shortcuts of attribution, speakers, actors and analysis give what the patterns and
scans they stand in for gave: a prefilter never hides a match, a rewrite gives the same value."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.actors import _DATELINE, _RANK, DATELINE_PREFIX, _first_ranked, datelines
from armsledger.extract.attribution import (
    _AUX_TAIL,
    _DETERMINER_BEFORE,
    _LEAD,
    _NEGATED_SPEECH,
    _RELATIVE_END,
    LEAD_CHARS,
    WHITESPACE,
    Attributor,
    _may_end_negated,
    may_end_in_aux_tail,
)
from armsledger.extract.model import SentenceView
from armsledger.extract.speakers import SpeakerNamer, _contains_words, _without_dateline
from armsledger.lexicon import ActorTerm, Lexicons

# Words and separators the patterns care about, mixed with others, in both cases.
_WORDS = st.sampled_from(
    [
        "has", "Has", "said", "last", "this", "on", "week", "the", "The", "an", "A", "not",
        "never", "n't", "declined", "to", "continue", "Iran", "Iran's", "Iranian", "_", "9",
        "ſince", "May", "Jan", "12", "KYIV", "(Reuters)", "-", "—", "–", ",", "’s", "who",
    ]
)  # fmt: skip
_GAPS = st.sampled_from([" ", "  ", "\n", "\t", "\xa0", "", ",", " - ", "\u2009"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_WORDS, _GAPS), max_size=12))
    return "".join(word + gap for word, gap in parts)


_ANY_TEXT = _texts() | st.text(alphabet=" \n\t,.'’-—–()_aAsS9ſéhtwnoT", max_size=30)


def test_whitespace_is_every_character_regex_space_matches() -> None:
    spaces = "".join(chr(c) for c in range(0x110000) if re.match(r"\s", chr(c)))
    assert spaces == WHITESPACE
    assert set(LEAD_CHARS) - set(WHITESPACE) == set(",“”\"'‘’:–—-")


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT | st.text(alphabet=LEAD_CHARS + "ab", max_size=20))
def test_strip_is_the_lead_pattern(text: str) -> None:
    assert text.strip(LEAD_CHARS) == _LEAD.sub("", text)


@settings(max_examples=400, deadline=None)
@given(st.from_regex(_AUX_TAIL) | _ANY_TEXT)
def test_aux_tail_prefilter_never_hides_a_match(text: str) -> None:
    if _AUX_TAIL.search(text):
        assert may_end_in_aux_tail(text)


@settings(max_examples=400, deadline=None)
@given(st.from_regex(_NEGATED_SPEECH) | st.from_regex(_DETERMINER_BEFORE) | _ANY_TEXT)
def test_negation_prefilter_never_hides_a_match(text: str) -> None:
    if _NEGATED_SPEECH.search(text) or _DETERMINER_BEFORE.search(text):
        assert _may_end_negated(text)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_RELATIVE_END) | _ANY_TEXT)
def test_an_aside_ends_in_a_comma(text: str) -> None:
    stripped = text.rstrip()
    if _RELATIVE_END.search(stripped):
        assert stripped.endswith(",")


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT, _WORDS | st.text(alphabet="aI_9'é", min_size=1, max_size=3))
def test_contains_words_is_the_pattern(phrase: str, words: str) -> None:
    pattern = rf"(?<!\w){re.escape(words)}(?![^\W_])"
    assert _contains_words(phrase, words) == (re.search(pattern, phrase) is not None)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(DATELINE_PREFIX) | _ANY_TEXT)
def test_without_dateline_is_the_pattern_sub(phrase: str) -> None:
    assert _without_dateline(phrase) == DATELINE_PREFIX.sub("", phrase)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.from_regex(_DATELINE) | _ANY_TEXT, max_size=4), _GAPS)
def test_datelines_are_the_pattern_matches(pieces: list[str], gap: str) -> None:
    text = gap.join(pieces)
    assert datelines(text) == [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


@given(st.lists(st.sampled_from([*_RANK, "other"]), min_size=1, max_size=6))
def test_first_ranked_is_min_by_rank(roles: list[str]) -> None:
    terms = [ActorTerm(text=str(i), actor_id=str(i), role=r) for i, r in enumerate(roles)]
    assert _first_ranked(terms) is min(terms, key=lambda t: _RANK.get(t.role, 9))


@pytest.fixture(scope="module")
def namer(lexicons: Lexicons) -> SpeakerNamer:
    return SpeakerNamer(lexicons)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='ab "“”\n ', max_size=40))
def test_region_lookups_are_the_scans(namer: SpeakerNamer, text: str) -> None:
    attributor = Attributor(namer, text, None)
    regions = attributor.regions
    for position in range(len(text) + 2):
        inside = any(start < position < end for start, end in regions)
        assert attributor._in_region(position) == inside
        view = SentenceView(index=0, start=position, end=position + 1, paragraph=0)
        first = next(((s, e) for s, e in regions if s <= position + 1 and position < e), None)
        assert attributor._region_of(view) == first
        assert attributor._inside_quote(view) == (first is not None)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_channel_literals_are_in_every_match(namer: SpeakerNamer, data: st.DataObject) -> None:
    for index, literals in ((1, ("on", "via")), (2, ("according to",))):
        pattern = namer._channel_patterns[index]
        text = data.draw(st.from_regex(pattern))
        assert pattern.search(text)
        assert any(literal in text for literal in literals)
