"""The sixth round's shortcuts of the scanning and amounts slice give what they stand in for:
the number words read from the document automaton's NUMBERS group instead of an automaton of
their own; the amount patterns' alternations behind a look-ahead of their first characters."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.lookup import (
    _WORDS_BEFORE,
    LETTER_SCALES,
    NUMBERS,
    Automaton,
    MarkerIndex,
    _case_ok,
    amount_anchor_entries,
    document_automaton,
    fold,
    marker_table,
    prefilter_text,
    words_before,
)
from armsledger.extract.quantities import _NUMERAL, AmountReader
from armsledger.extract.tokens import split_sentences
from armsledger.lexicon import AmountWords, Lexicons, load_lexicons

_DATA = Path(__file__).parent.parent / "data"
_DEV = _DATA / "dev" / "articles"


@functools.cache
def _lexicons() -> Lexicons:
    return load_lexicons()


@functools.cache
def _document_automaton() -> Automaton:
    return document_automaton(_lexicons())


@functools.cache
def _number_automaton() -> Automaton:
    return Automaton(amount_anchor_entries(_lexicons().amounts))


def _anchor_pieces() -> list[str]:
    """Number words, scales, vague words and their neighbours in every case, lexicon words that
    share keys or letters with them, and what separates words."""
    words = _lexicons().amounts
    pieces = ["a", "an", "A", "between", "Between", "BETWEEN", "someone", "phone", "tone"]
    for listed in (words.words, words.scales, words.vague, words.qualifiers):
        for word in listed:
            pieces += [word, word.upper(), word.capitalize()]
    pieces += ["Iran", "drones", "shells", "said", "to", "and", "which", "US", "Group", "Ltd"]
    pieces += [" ", " ", "  ", "-", ",", ".", "’", "“", "\n", "5", "1,200", "x", "ſ", "İ"]
    return pieces


_PIECES = _anchor_pieces()


def _number_hits(automaton: Automaton, text: str, group: int) -> list[tuple[int, int, str]]:
    return [(h.start, h.end, h.kind) for h in automaton.hits(text, fold(text), group=group)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_numbers_group_is_the_number_automaton(pieces: list[str]) -> None:
    text = "".join(pieces)
    alone = _number_hits(_number_automaton(), text, 0)
    assert _number_hits(_document_automaton(), text, NUMBERS) == alone


def _texts() -> list[str]:
    paths = sorted(_DEV.glob("*.txt"))
    assert paths
    return [path.read_text(encoding="utf-8") for path in paths]


def test_numbers_group_of_the_dev_articles() -> None:
    for text in _texts():
        alone = _number_hits(_number_automaton(), text, 0)
        assert _number_hits(_document_automaton(), text, NUMBERS) == alone


def test_amount_reader_on_the_document_automaton_finds_the_same() -> None:
    words = _lexicons().amounts
    alone, shared = AmountReader(words), AmountReader(words, _document_automaton())
    found = 0
    for text in _texts():
        folded = fold(text)
        for sentence in split_sentences(text):
            expected = alone.find(text, folded, sentence.start, sentence.end)
            assert shared.find(text, folded, sentence.start, sentence.end) == expected
            found += len(expected)
            assert shared.may_contain(text, folded, sentence.start, sentence.end) == (
                alone.may_contain(text, folded, sentence.start, sentence.end)
            )
    assert found > 100


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def _unguarded(words: AmountWords) -> dict[str, re.Pattern[str]]:
    """AmountReader's patterns as they were before their alternations were guarded by a
    look-ahead of their first characters (the fifth round's code, copied)."""
    number_words = [w for w in words.words if w not in ("a", "an")]
    scales = [s for s in words.scales if s not in LETTER_SCALES]
    qualifier = _alternation(list(words.qualifiers))
    symbol = _alternation(list(words.currency_symbols))
    scale_words = rf"(?:\s+(?:{_alternation(scales)})\b)*"
    rates = _alternation(list(words.rates))
    return {
        "_number": re.compile(
            rf"(?:\b(?P<qual>{qualifier})\s+)?(?:(?P<sym>{symbol})\s?)?"
            rf"(?P<num>(?<![\w.,/-]){_NUMERAL}|\b(?:{_alternation(number_words)})(?:-\w+)?"
            rf"|\ban?(?=\s+(?:{_alternation(scales)})))"
            rf"(?P<scale>(?:[\s-]+(?:{_alternation(scales)})\b)*)"
            rf"(?P<letter>(?:{_alternation(list(LETTER_SCALES))})\b)?",
            re.IGNORECASE,
        ),
        "_vague": re.compile(
            rf"(?:\b(?P<qual>{qualifier})\s+)?\b(?P<vague>{_alternation(list(words.vague))})\b",
            re.IGNORECASE,
        ),
        "_range": re.compile(
            rf"\b(?:between\s+(?P<low>{_NUMERAL})(?P<lscale>{scale_words})\s+and\s+"
            rf"(?P<high>{_NUMERAL})"
            rf"|(?P<low2>{_NUMERAL})(?P<lscale2>{scale_words})\s*(?:to|-|–)\s*(?P<high2>{_NUMERAL}))"
            rf"(?P<scale>{scale_words})",
            re.IGNORECASE,
        ),
        "_unit": re.compile(rf"\s*(?P<unit>{_alternation(list(words.units))})(?!\w)", re.I),
        "_currency_word": re.compile(
            rf"\s+(?P<cur>{_alternation(list(words.currency_words))})\b", re.IGNORECASE
        ),
        "_descriptor": re.compile(
            rf"\s?-?\s?(?:{_alternation(list(words.descriptor_units))})(?![a-z])", re.IGNORECASE
        ),
        "_rate": re.compile(
            r"^(?:\s+(?!(?:to|in|from|by|for|since|after|before|last|this|next)\b)[\w-]+){0,2}"
            rf"\s+(?P<rate>{rates})\b(?!\s+(?:ago|earlier|later))",
            re.IGNORECASE,
        ),
        "_clause_rate": re.compile(
            r"^(?:\s+(?!(?:and|or|but|while|which|that|who|as|than|after|before|since)\b)"
            r"[^\W\d][\w'’-]*){1,8}?"
            rf"\s+(?P<rate>{rates})"
            r"(?=\s*(?:[.,;:!?)\"”—–]|$)|\s+(?:since|until|under|according)\b)",
            re.IGNORECASE,
        ),
    }


@functools.cache
def _pattern_pairs() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    words = _lexicons().amounts
    reader = AmountReader(words)
    old = _unguarded(words)
    return [(name, getattr(reader, name), pattern) for name, pattern in old.items()]


def _answer(match: re.Match[str] | None) -> object:
    return None if match is None else (match.regs, match.groupdict())


def _same_everywhere(text: str) -> None:
    for name, new, old in _pattern_pairs():
        for position in range(len(text) + 1):
            assert _answer(new.match(text, position)) == _answer(old.match(text, position)), (
                name,
                text,
                position,
            )


def _amount_pieces() -> list[str]:
    words = _lexicons().amounts
    pieces = list(_PIECES)
    for listed in (words.units, words.currency_words, words.currency_symbols, words.rates):
        for word in listed:
            pieces += [word, word.upper(), word.capitalize()]
    pieces += [*words.descriptor_units, "K", "k", "ſ", "Kelvin", "\u212a", "ı", "500", "2,000"]
    pieces += ["3.5", "to", "and", "ago", "every", "month", "x", "mm", "$", "(", ")"]
    return pieces


_AMOUNT_PIECES = _amount_pieces()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_AMOUNT_PIECES), max_size=12))
def test_guarded_patterns_match_as_the_unguarded(pieces: list[str]) -> None:
    _same_everywhere("".join(pieces))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_AMOUNT_PIECES), max_size=6).map(" ".join))
def test_guarded_patterns_match_as_the_unguarded_between_spaces(text: str) -> None:
    _same_everywhere(text)


def test_guarded_patterns_on_the_dev_articles() -> None:
    for text in _texts()[:12]:
        for line in text.splitlines():
            _same_everywhere(line)


_BEFORE_PIECES = [
    "to", "Kyiv", "in exchange", "for", "which", "é", "ı", "²", "_", "'", "’", "-", ";", ":",
    "(", ")", "–", "—", "&", " ", "  ", ",", ".", "\n", "5", "x", "according", "by", "is",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_BEFORE_PIECES), max_size=20).map("".join),
    st.integers(0, 60),
    st.integers(0, 60),
    st.integers(0, 5),
)
def test_words_before_reads_the_last_matches(text: str, low: int, stop: int, count: int) -> None:
    expected = _WORDS_BEFORE.findall(text[low:stop])[-count:] if count else []
    expected.reverse()
    assert words_before(text, low, min(stop, len(text)), count) == expected


def _old_look_up(table: dict[str, frozenset[str]], folded: str, floor: int, at: int) -> object:
    """MarkerIndex._look_up as it was (the fifth round's code)."""
    words = _WORDS_BEFORE.findall(folded[max(floor, at - 30) : at])
    roles: set[str] = set()
    for count in range(1, min(4, len(words)) + 1):
        roles |= table.get(" ".join(words[-count:]), frozenset())
    return frozenset(roles)


def test_marker_index_answers_as_the_regex_over_the_window() -> None:
    table = marker_table(_lexicons())
    found = 0
    for text in _texts()[:10]:
        folded = fold(text)
        for sentence in split_sentences(text):
            index = MarkerIndex(table, folded, sentence.start)
            for at in range(sentence.start, sentence.end + 1):
                expected = _old_look_up(table, folded, sentence.start, at)
                assert index.ending_at(at) == expected
                found += bool(expected)
    assert found > 100


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["to", "in exchange for", "according to", " ", "(", "’s"]), max_size=9
    ),
    st.integers(-3, 40),
    st.integers(-40, 40),
)
def test_marker_index_on_generated_places(pieces: list[str], floor: int, at: int) -> None:
    table = marker_table(_lexicons())
    folded = fold("".join(pieces))
    expected = _old_look_up(table, folded, floor, at)
    assert MarkerIndex(table, folded, floor).ending_at(at) == expected


def test_a_term_written_as_listed_passes_the_case_check() -> None:
    lexicons = _lexicons()
    terms = [term.text for term in lexicons.actor_terms] + [t.text for t in lexicons.item_terms]
    terms += [cue.text for cue in lexicons.speech] + [t.form for t in lexicons.triggers]
    for term in terms:
        assert _case_ok(term, term), term


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=40))
def test_fold_of_ascii_text_is_its_prefilter_text(text: str) -> None:
    assert fold(text) == prefilter_text(text)
