"""The shortcuts of the reading slice (lookup, organisations, discourse, actors, analysis) give
what the regexes and sorts they stand in for give."""

from __future__ import annotations

import bisect

from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.extract.prefilters import SAYS_PIECES

from armsledger.extract.actors import (
    _DATELINE,
    _GOVERNMENT_AFTER,
    _GOVERNMENT_FIRSTS,
    _MEMBER_FIRSTS,
    _MEMBER_NOUN,
    _may_open_dateline,
    _spaced_after,
)
from armsledger.extract.analysis import _ANTI, _SAYS_IT, SAYS_IT_VERBS, _anti_before, _distribute
from armsledger.extract.discourse import company_endings, company_pattern
from armsledger.extract.lookup import Hit, first_of, longest_first, span_order
from armsledger.extract.model import SentenceView
from armsledger.extract.organisations import _COMPANY_BACKREF, _COMPANY_BACKREF_WORDS
from armsledger.lexicon import load_lexicons


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SAYS_PIECES), max_size=20), st.integers(0, 6), st.integers(0, 6))
@example(["unsaid", " ", "it"], 0, 0)
@example(["x", "said", " ", "it"], 1, 0)
def test_says_it_search_may_start_at_the_first_verb(
    pieces: list[str], lead: int, tail: int
) -> None:
    text = "".join(pieces)
    start, end = min(lead, len(text)), max(min(lead, len(text)), len(text) - tail)
    every = [m.regs for m in _SAYS_IT.finditer(text, start, end)]
    first = first_of(text, SAYS_IT_VERBS, start, end)
    if first < 0:
        assert every == []
    else:
        assert [m.regs for m in _SAYS_IT.finditer(text, first, end)] == every


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="abcab-", max_size=30),
    st.lists(st.text(alphabet="abc", min_size=1, max_size=3), min_size=1, max_size=4),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_first_of_is_the_first_place_of_any_word(
    text: str, words: list[str], start: int, end: int
) -> None:
    places = [
        at
        for word in words
        for at in range(start, len(text))
        if text.startswith(word, at) and at + len(word) <= min(end, len(text))
    ]
    assert first_of(text, tuple(words), start, end) == (min(places) if places else -1)


_COMPANY_WORDS = ("Components", "Trading", "Holdings", "Holding", "Arms", "Co")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_COMPANY_WORDS, "Kestrel", "x", "_", " ", "-", "’", "é", "1", ".", "\n"]),
        max_size=20,
    )
)
@example(["Holdings_"])
@example(["xArms", " ", "Arms"])
def test_company_endings_are_the_ending_pattern(pieces: list[str]) -> None:
    pattern = company_pattern(_COMPANY_WORDS)
    assert pattern is not None
    text = "".join(pieces)
    assert company_endings(text, pattern) == [m.span() for m in pattern.ending.finditer(text)]


def test_company_endings_of_the_lexicon_words() -> None:
    pattern = company_pattern(load_lexicons().grammar.words("company_name_words"))
    assert pattern is not None
    text = "Kestrel Components and Vostok Trading LLC; TradingX, Microsystems_ Shipping."
    assert company_endings(text, pattern) == [m.span() for m in pattern.ending.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["the", "The", "he", "same", "company", "firm", " ", "x", "-"])),
    st.integers(0, 10),
)
def test_company_backref_search_may_start_before_its_words(pieces: list[str], start: int) -> None:
    text = "".join(pieces)
    start = min(start, len(text))
    every = [m.span() for m in _COMPANY_BACKREF.finditer(text, start)]
    first = first_of(text, _COMPANY_BACKREF_WORDS, start, len(text))
    if first < 0:
        assert every == []
    else:
        later = _COMPANY_BACKREF.finditer(text, max(start, first - 1))
        assert [m.span() for m in later] == every


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="antiCOUNTERc- \nx", max_size=14))
def test_anti_prefilter_is_the_pattern(before: str) -> None:
    text = before + "tank"
    hit = Hit(start=len(before), end=len(text), kind="item", payload="tank", text="tank")
    expected = _ANTI.search(text, max(0, hit.start - 8), hit.start) is not None
    assert _anti_before(hit, text) == expected


_GOVERNMENT_PIECES = ["Mali", "'s", "’s", "'", " ", "\n", "\u00a0", ",", "military", "government"]
_GOVERNMENT_PIECES += ["and", "member", "states", "junta", "x", "s", "ruling", "allies", "Mali's"]
_GOVERNMENT_PIECES += ["a", "an", "m", "mem", "rule", "rulers", "nations", "countr", "country"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(_GOVERNMENT_PIECES),
        max_size=8,
    ),
    st.integers(0, 10),
)
def test_spaced_after_passes_every_match(pieces: list[str], end: int) -> None:
    text = "".join(pieces)
    end = min(end, len(text))
    if _GOVERNMENT_AFTER.match(text, end):
        assert _spaced_after(text, end, _GOVERNMENT_FIRSTS)
    if _MEMBER_NOUN.match(text, end):
        assert _spaced_after(text, end, _MEMBER_FIRSTS)


_spans = st.lists(st.tuples(st.integers(0, 12), st.integers(1, 5)), max_size=12)


def _hits(spans: list[tuple[int, int]]) -> list[Hit]:
    return [
        Hit(start=s, end=s + n, kind="actor", payload=str(i), text="x" * n)
        for i, (s, n) in enumerate(spans)
    ]


@settings(max_examples=400, deadline=None)
@given(_spans)
def test_span_order_is_the_stable_sort(spans: list[tuple[int, int]]) -> None:
    hits = _hits(spans)
    assert span_order(hits) == sorted(hits, key=lambda h: (h.start, h.start - h.end))
    assert span_order(sorted(hits, key=lambda h: (h.start, h.start - h.end))) == sorted(
        hits, key=lambda h: (h.start, h.start - h.end)
    )


@settings(max_examples=400, deadline=None)
@given(_spans)
def test_longest_first_keeps_what_the_sort_kept(spans: list[tuple[int, int]]) -> None:
    hits = _hits(spans)
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
        if kept and hit.start < kept[-1].end:
            if (hit.start, hit.end) == (kept[-1].start, kept[-1].end):
                kept.append(hit)
            continue
        kept.append(hit)
    assert longest_first(hits) == kept
    assert [h.payload for h in longest_first(hits)] == [h.payload for h in kept]


_DATELINE_PIECES = ["KYIV", "Kyiv", "Ukraine", "New", "York", "U.S.", "O’Neill", "Jan", "March"]
_DATELINE_PIECES += ["3", "12", "2024", "(Reuters)", "(AP)", "-", "–", " ", "  ", "\t", "\n", ","]
_DATELINE_PIECES += ["(", ")", "Iran", "has", "sent", ":", "É", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DATELINE_PIECES), max_size=16))
@example(["KYIV", ",", " ", "March", " ", "3", " ", "(Reuters)", " ", "-", " ", "Iran"])
@example(["SEOUL", " ", "(AP)", " ", "–", " ", "x"])
@example(["New", " ", "York", ",", " ", "Ukraine", ",", " ", "Jan", " ", "3", " ", "-", " "])
def test_dateline_prefilter_passes_every_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for start in starts:
        if _DATELINE.match(text, start):
            assert _may_open_dateline(text, start)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=6),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 6)), max_size=20),
)
def test_distribute_is_the_bisection(
    sentences: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> None:
    views: list[SentenceView] = []
    start = 0
    for index, (gap, size) in enumerate(sentences):
        start += gap
        views.append(SentenceView(index=index, start=start, end=start + size, paragraph=0))
        start += size
    hits = _hits([(s, max(1, n)) for s, n in spans])
    starts = [view.start for view in views]
    expected: list[list[Hit]] = [[] for _ in views]
    for hit in hits:
        index = bisect.bisect_right(starts, hit.start) - 1
        if index >= 0 and hit.end <= views[index].end:
            expected[index].append(hit)
    assert _distribute(views, hits) == expected
    ordered = span_order(hits)
    assert _distribute(views, ordered) == [span_order(bucket) for bucket in expected]
