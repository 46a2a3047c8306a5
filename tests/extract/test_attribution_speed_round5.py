"""The fifth round's speed shortcuts in attribution, speakers and the analyser's own pronoun and
hint steps: each prefilter lets through every text its pattern matches, and each rewrite gives
what the code it replaced gave (that code is kept here, as the reference)."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.analysis import (
    _OPENING_PRONOUN,
    PRONOUN_WORDS,
    Analyser,
    may_hold_word_and_space,
    may_open_with_pronoun,
    starts_at,
)
from armsledger.extract.attribution import (
    _LEADING_LINK,
    _PASSIVE_AUX_BEFORE,
    _RELATIVE_END,
    LINK_INITIALS,
    LINK_WORDS,
    PASSIVE_AUX_WORDS,
    _holds_aside_word,
    _may_end_with,
    _may_open_with_link,
    _next_open,
)
from armsledger.extract.discourse import PartyHints
from armsledger.extract.speakers import (
    _DETERMINERS,
    _WORD,
    DETERMINER_FIRST_WORDS,
    DETERMINER_INITIALS,
    SpeakerNamer,
    _without_determiners,
    may_hold_name_word,
    word_runs,
)
from armsledger.lexicon import Lexicons

_WORDS = st.sampled_from(
    [
        "was", "Was", "WERE", "is", "are", "be", "been", "being", "wasn't", "this", "It", "it",
        "They", "they", "In", "Since", "who", "which", "Who", "while", "and", "so", "ſo", "As",
        "the", "The", "a", "An", "one", "several", "former", "Shin", "Won-sik", "U.S.", "Iran's",
        "Kremlin’s", "al_Qaeda", "2021", "²", "Ⅻ", "é", "ıt", "“", '"', "_", "-", ".", "'", "’",
    ]
)  # fmt: skip
_GAPS = st.sampled_from([" ", "  ", "\n", "\t", "\xa0", "", ",", ", ", ". ", " - ", "\u2009"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_WORDS, _GAPS), max_size=10))
    return "".join(word + gap for word, gap in parts)


_ANY_TEXT = _texts() | st.text(max_size=30) | st.text(alphabet=" .'’-_aAwWsSı“\"\n9", max_size=20)


@settings(max_examples=400, deadline=None)
@given(st.from_regex(_PASSIVE_AUX_BEFORE) | _ANY_TEXT)
def test_passive_prefilter_never_hides_a_match(text: str) -> None:
    if _PASSIVE_AUX_BEFORE.search(text):
        assert _may_end_with(text, PASSIVE_AUX_WORDS)


def test_passive_words_are_the_patterns() -> None:
    words = re.search(r"\(\?:(.*?)\)", _PASSIVE_AUX_BEFORE.pattern)
    assert words is not None
    assert set(words.group(1).split("|")) == set(PASSIVE_AUX_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_RELATIVE_END) | _ANY_TEXT)
def test_an_aside_holds_an_aside_word(text: str) -> None:
    if _RELATIVE_END.search(text):
        assert _holds_aside_word(text)


@settings(max_examples=400, deadline=None)
@given(st.from_regex(_LEADING_LINK) | _ANY_TEXT)
def test_link_initials_never_hide_a_match(text: str) -> None:
    phrase = text.strip()
    if _LEADING_LINK.match(phrase):
        assert _may_open_with_link(phrase)
    assert {word[0] for word in LINK_WORDS} | {word[0].upper() for word in LINK_WORDS} == (
        LINK_INITIALS
    )


@settings(max_examples=400, deadline=None)
@given(st.from_regex(_DETERMINERS) | _ANY_TEXT)
def test_determiner_initials_keep_the_pattern(phrase: str) -> None:
    found = _DETERMINERS.match(phrase)
    assert _without_determiners(phrase) == (phrase[found.end() :] if found else phrase)
    assert {word[0].lower() for word in DETERMINER_FIRST_WORDS} <= DETERMINER_INITIALS


@settings(max_examples=600, deadline=None)
@given(_ANY_TEXT | st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
def test_word_runs_are_the_findall(core: str) -> None:
    assert word_runs(core) == _WORD.findall(core)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT, st.integers(min_value=0, max_value=40))
def test_next_open_is_the_nearest_quote(text: str, position: int) -> None:
    found = [i for i in (text.find("“", position), text.find('"', position)) if i >= 0]
    assert _next_open(text, position) == (min(found) if found else -1)


@settings(max_examples=400, deadline=None)
@given(
    _ANY_TEXT,
    _WORDS | st.text(max_size=3, min_size=1),
    st.integers(min_value=0, max_value=35),
    st.integers(min_value=0, max_value=35),
)
def test_starts_at_is_startswith(text: str, word: str, start: int, end: int) -> None:
    assert starts_at(text, word, start, end) == text.startswith(word, start, end)


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT, st.from_regex(_OPENING_PRONOUN) | _ANY_TEXT)
def test_opening_pronoun_prefilters_never_hide_a_match(before: str, sentence: str) -> None:
    text = before + sentence
    start, end = len(before), len(text)
    if _OPENING_PRONOUN.match(text, start, end):
        assert may_open_with_pronoun(text, start, end)
        assert may_hold_word_and_space(text, PRONOUN_WORDS, start, end)


def test_pronoun_words_are_the_patterns() -> None:
    assert "(It|They|(?<=\\s)it|(?<=\\s)they)\\s+" in _OPENING_PRONOUN.pattern
    assert set(PRONOUN_WORDS) == {"It", "They", "it", "they"}


def test_hints_are_the_replace(lexicons: Lexicons) -> None:
    analyser = Analyser(lexicons)
    assert analyser._hints("Some text.") == dataclasses.replace(
        analyser.party_hints, text="Some text."
    )
    # The fields _hints gives: a field added to PartyHints must be added there too.
    given_fields = {"text", "makers", "need", "homes", "bodies", "not_names"}
    assert {field.name for field in dataclasses.fields(PartyHints)} == given_fields


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_media_prefilter_never_hides_a_match(lexicons: Lexicons, data: st.DataObject) -> None:
    namer = SpeakerNamer(lexicons)
    assert namer.media_need_capital  # every media name of the lexicon holds a capital
    names = st.sampled_from(lexicons.grammar.words("media_names"))
    text = data.draw(_ANY_TEXT | names | names.map(str.lower) | st.from_regex(namer._media_names))
    if namer._media_names.search(text):
        assert namer._may_name_media(text)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_name_word_prefilter_never_hides_a_name(lexicons: Lexicons, data: st.DataObject) -> None:
    namer = SpeakerNamer(lexicons)
    words = word_runs(data.draw(_ANY_TEXT | _WORDS.map(str.lower)))
    # No actor words: the most names _person can find.
    if namer._person(words, set()):
        assert may_hold_name_word(words)
