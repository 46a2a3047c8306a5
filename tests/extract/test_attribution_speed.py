"""The fourth round's speed shortcuts in attribution, speakers and the pronoun tests of analysis:
each prefilter lets through every text its pattern matches, and each rewrite gives what the
code it replaced gave (that code is kept here, as the reference)."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.analysis import (
    _OPENING_PRONOUN,
    _WE_SUBJECT,
    OPENING_WORDS,
    WE_WORDS,
    may_hold_word_and_space,
    may_open_with_pronoun,
)
from armsledger.extract.attribution import (
    _ACCORDING_PHRASE_END,
    _AGENT_AFTER_BY_OR_FROM,
    _AUX_TAIL,
    _DATED,
    _DEFINITE,
    _LEADING_LINK,
    _RELATIVE,
    _RELATIVE_SPEAKER,
    _SPEAKER_TAIL_END,
    _THAT_OR_CLAUSE_PUNCTUATION,
    LEAD_CHARS,
    LINK_WORDS,
    _according_phrase,
    _may_open_relative,
    _may_open_with_link,
    without_aux_tail,
)
from armsledger.extract.lookup import Hit
from armsledger.extract.model import ActorRef, ItemRef, SentenceView
from armsledger.extract.speakers import (
    _DETERMINERS,
    _PARTICLES,
    _PLACE_PREPOSITIONS,
    DATA_WORDS,
    DETERMINER_FIRST_WORDS,
    SpeakerNamer,
    _actor_words,
    _alternation,
    _heads,
    _sentence_case,
    _without_determiners,
    _without_possessive,
    boundary_alternation,
)
from armsledger.lexicon import Lexicons

_WORDS = st.sampled_from(
    [
        "while", "As", "so", "and", "of which", "Which", "who", "the", "The", "this", "a", "An",
        "one", "of", "several", "Former", "in", "In", "since", "by", "from", "2021", "1999",
        "20", "It", "it", "They", "they", "has", "sent", "We", "we", "our", "Our", "weapons",
        "factories", "have", "Reuters", "AP", "APx", "Daily NK", "Telegram", "on", "via",
        "General", "Defence", "Minister", "Mr.", "Shin", "Won-sik", "Iran's", "al", "source",
        "near", "that", "ſo", "ıt", "Kyiv", "“", '"', "_", "last", "week", "thıs", "continued",
        "to", "publicly", "Has", "ALSO", "had", "on Monday",
    ]
)  # fmt: skip
_GAPS = st.sampled_from([" ", "  ", "\n", "\t", "\xa0", "", ",", ", ", ". ", " - ", "\u2009"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_WORDS, _GAPS), max_size=10))
    return "".join(word + gap for word, gap in parts)


_ANY_TEXT = _texts() | st.text(alphabet=" \n,.'’-“\"_aAsSoOwWhHtT9ſıé", max_size=30)


@pytest.fixture(scope="module")
def namer(lexicons: Lexicons) -> SpeakerNamer:
    return SpeakerNamer(lexicons)


def _search_span(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    found = pattern.search(text)
    return found.span() if found else None


@pytest.mark.parametrize("extra", [(), ("_x", "9 lives"), ("-dash",)])
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_WORDS | _texts(), _GAPS), max_size=6))
def test_boundary_alternation_is_the_pattern(
    lexicons: Lexicons, extra: tuple[str, ...], parts: list[tuple[str, str]]
) -> None:
    words = (*lexicons.grammar.words("media_names"), *extra)
    text = "".join(word + gap for word, gap in parts)
    plain = re.compile(rf"\b(?:{_alternation(words)})\b")
    fast = re.compile(rf"{boundary_alternation(words)}\b", re.DOTALL)
    assert _search_span(fast, text) == _search_span(plain, text)


def test_determiner_first_words_are_the_patterns() -> None:
    alternatives = re.search(r"\(\?:\(\?:(.*?)\)", _DETERMINERS.pattern)
    assert alternatives is not None
    firsts = {words.split()[0] for words in alternatives.group(1).split("|")}
    assert firsts == DETERMINER_FIRST_WORDS


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_DETERMINERS) | _ANY_TEXT)
def test_without_determiners_is_the_pattern(phrase: str) -> None:
    found = _DETERMINERS.match(phrase)
    assert _without_determiners(phrase) == (phrase[found.end() :] if found else phrase)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_LEADING_LINK) | _ANY_TEXT)
def test_link_prefilter_never_hides_a_match(text: str) -> None:
    phrase = text.strip()
    if _LEADING_LINK.match(phrase):
        assert _may_open_with_link(phrase)
    assert set(_LEADING_LINK.pattern.split("(?:")[2].split(")")[0].split("|")) == LINK_WORDS


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_RELATIVE_SPEAKER) | _ANY_TEXT)
def test_relative_prefilter_never_hides_a_match(phrase: str) -> None:
    if _RELATIVE_SPEAKER.match(phrase):
        assert _may_open_relative(phrase)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(_DEFINITE) | _ANY_TEXT)
def test_definite_phrases_start_with_th(phrase: str) -> None:
    if _DEFINITE.match(phrase):
        assert phrase.startswith(("th", "Th"))


@settings(max_examples=200, deadline=None)
@given(st.from_regex(_DATED) | _ANY_TEXT)
def test_dated_matches_hold_a_year_prefix(text: str) -> None:
    if _DATED.search(text):
        assert "19" in text or "20" in text


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT | st.from_regex(_ACCORDING_PHRASE_END), _ANY_TEXT, _ANY_TEXT)
def test_according_phrase_is_the_split(before: str, after: str, rest: str) -> None:
    text = before + after + rest
    start, end = len(before), len(before) + len(after)
    phrase = _ACCORDING_PHRASE_END.split(text[start:end], maxsplit=1)[0]
    agent = _AGENT_AFTER_BY_OR_FROM.search(phrase)
    expected = (agent.group("agent") if agent else phrase).strip(LEAD_CHARS)
    assert _according_phrase(text, start, end) == expected


@settings(max_examples=200, deadline=None)
@given(st.from_regex(_AGENT_AFTER_BY_OR_FROM) | _ANY_TEXT)
def test_agent_matches_hold_by_or_from(phrase: str) -> None:
    if _AGENT_AFTER_BY_OR_FROM.search(phrase):
        assert "by" in phrase or "from" in phrase


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT, _ANY_TEXT | st.from_regex(_SPEAKER_TAIL_END), _ANY_TEXT)
def test_speaker_tail_search_is_the_split(before: str, after: str, rest: str) -> None:
    text = before + after + rest
    start, end = len(before), len(before) + len(after)
    stop = _SPEAKER_TAIL_END.search(text, start, end)
    tail = text[start : stop.start() if stop else end]
    assert tail == _SPEAKER_TAIL_END.split(text[start:end], maxsplit=1)[0]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_channel_matches_hold_a_channel_word(namer: SpeakerNamer, data: st.DataObject) -> None:
    pattern = namer._channel_patterns[1]
    text = data.draw(st.from_regex(pattern) | _ANY_TEXT)
    if pattern.search(text):
        assert namer._may_name_channel(text)


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT, st.from_regex(_OPENING_PRONOUN) | _ANY_TEXT)
def test_opening_pronoun_prefilter_never_hides_a_match(before: str, sentence: str) -> None:
    text = before + sentence
    if _OPENING_PRONOUN.match(text, len(before)):
        assert may_open_with_pronoun(text, len(before), len(text))


def test_opening_words_are_the_patterns() -> None:
    openers = re.search(r"\(\?:\(\?:(.*?)\)\\b", _OPENING_PRONOUN.pattern)
    assert openers is not None
    assert set(OPENING_WORDS) == {*openers.group(1).split("|"), "It", "They", "it", "they"}


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT, st.from_regex(_WE_SUBJECT) | _ANY_TEXT, _ANY_TEXT)
def test_we_prefilter_never_hides_a_match(before: str, window: str, after: str) -> None:
    text = before + window + after
    start, end = len(before), len(before) + len(window)
    if _WE_SUBJECT.search(text, start, end):
        assert may_hold_word_and_space(text, WE_WORDS, start, end)


# The speaker namer's rewrites against the code they replaced.


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS.map(str.lower), max_size=6))
def test_heads_are_the_set_expression(lowered: list[str]) -> None:
    heads = set(lowered) | {f"{a} {b}" for a, b in itertools.pairwise(lowered)}
    heads |= {head.removesuffix("s") for head in heads}
    assert _heads(lowered) == heads


@settings(max_examples=200, deadline=None)
@given(_ANY_TEXT)
def test_sentence_case_is_the_expression(core: str) -> None:
    words = core.split()
    first = words[0].strip(".,’'") if words else ""
    # "SIPRI data" names who holds the data ("The PL variant" is no one).
    acronym = len(first) > 1 and first.isupper() and words[-1].lower() in DATA_WORDS
    expected = (
        len(words) > 1
        and not acronym
        and not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])
    )
    assert _sentence_case(core) == expected


def _view(actors: list[str], organs: list[str], items: list[str]) -> SentenceView:
    view = SentenceView(index=0, start=0, end=0, paragraph=0)
    view.actors = [
        ActorRef(start=0, end=0, actor_id="X", role="leader" if i % 3 == 2 else "names", text=t)
        for i, t in enumerate(actors)
    ]
    view.organs = [Hit(start=0, end=0, kind="organ", payload="", text=t) for t in organs]
    view.items = [ItemRef(start=0, end=0, category="c", designation=None, text=t) for t in items]
    return view


@settings(max_examples=200, deadline=None)
@given(st.lists(_texts(), max_size=4), st.lists(_texts(), max_size=2), st.lists(_texts()))
def test_actor_words_are_the_set_expression(
    actors: list[str], organs: list[str], items: list[str]
) -> None:
    view = _view(actors, organs, items)
    words = {w for ref in view.actors if ref.role != "leader" for w in ref.text.split()}
    words |= {w for hit in view.organs for w in hit.text.split()}
    words |= {w for item in view.items for w in item.text.split()}
    assert _actor_words(view) == {_without_possessive(w) for w in words}


def _reference_person(namer: SpeakerNamer, words: list[str], actor_words: set[str]) -> str:
    """SpeakerNamer._person as it was before the fourth round."""

    def is_name_word(bare: str, around: tuple[str, str]) -> bool:
        lowered = bare.lower().rstrip(".")
        previous, following = (word.lower().rstrip(".") for word in around)
        modifier_in_name = (
            lowered in namer.title_modifiers
            and previous not in namer.title_words
            and following not in namer.title_words
            and around[1][:1].isupper()
        )
        return (
            bare[:1].isupper()
            and bare.split("-")[0] not in actor_words
            and (lowered not in namer.title_words or modifier_in_name)
            and bare not in actor_words
            and bare.lower() not in namer.anonymous
            and bare.lower() not in _PLACE_PREPOSITIONS
        )

    runs: list[list[str]] = [[]]
    place = False
    previous = ""
    bares = [_without_possessive(word).strip(".,’'") for word in words]
    for index, bare in enumerate(bares):
        around = (
            bares[index - 1] if index else "",
            bares[index + 1] if index + 1 < len(bares) else "",
        )
        is_name = is_name_word(bare, around) or (bare.lower() in _PARTICLES and bool(runs[-1]))
        place = is_name and (place or previous in _PLACE_PREPOSITIONS)
        if is_name and not place:
            runs[-1].append(bare)
        elif runs[-1]:
            runs.append([])
        if not (is_name or bare.lower() in ("the", "a", "an")):
            previous = bare.lower()
    named = [run for run in runs if run]
    return " ".join(named[-1]) if named else ""


_NAME_WORDS = st.sampled_from(
    [
        "General", "Major", "Defence", "Procurement", "Weekly", "Minister", "Mr.", "Gen.", "Shin",
        "Won-sik", "Iran's", "Iran", "al", "bin", "the", "a", "source", "near", "In", "in", "for",
        "Foreign", "Office", "Kyiv", "İstanbul", "Ministry", "officials", "Daily", "NK", "said,",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_NAME_WORDS, max_size=7), st.sets(_NAME_WORDS, max_size=3))
def test_person_is_the_reference(
    namer: SpeakerNamer, words: list[str], actor_words: set[str]
) -> None:
    assert namer._person(words, actor_words) == _reference_person(namer, words, actor_words)


@settings(max_examples=500, deadline=None)
@given(_ANY_TEXT, st.from_regex(_AUX_TAIL) | _ANY_TEXT)
def test_without_aux_tail_is_the_sub(before: str, tail: str) -> None:
    lead = before + tail
    assert without_aux_tail(lead) == _AUX_TAIL.sub("", lead)


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT)
def test_that_or_clause_pattern_is_the_plain_one(lead: str) -> None:
    plain = re.compile(r"\bthat\s|[;:]")
    assert _THAT_OR_CLAUSE_PUNCTUATION.split(lead) == plain.split(lead)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_RELATIVE) | _ANY_TEXT)
def test_relative_matches_hold_two_commas(lead: str) -> None:
    if _RELATIVE.search(lead):
        assert lead.count(",") > 1
