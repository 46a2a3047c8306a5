"""The speed shortcuts of the grammar slice, fourth round: each gives what the look-up or pattern
it spares gives (a prefilter passes every place the look-up could answer)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.lookup import _WORDS_BEFORE, MarkerIndex, fold
from armsledger.extract.structure import MarkerWords, last_marker_word

# Characters the marker words are made of, their marks, and some that are neither.
_MARKER_TEXT = st.lists(
    st.sampled_from([*"ab_7' ’-;:()–—&.,\t\n", "to", "the", "by", "é", "ǅ", "٣"]),
    max_size=40,
).map("".join)
_TABLE = {
    "to": frozenset({"recipient_markers"}),
    "on behalf of": frozenset({"weak_recipient_markers"}),
    "in exchange for": frozenset({"counterflow_markers"}),
    "it's": frozenset({"subject_words"}),
    "by": frozenset({"agent_markers", "recipient_markers"}),
    "'s": frozenset({"passive_aux"}),
    "(": frozenset({"prepositions"}),
}


@settings(max_examples=2000, deadline=None)
@given(_MARKER_TEXT, st.data())
def test_last_marker_word_is_the_last_word_the_index_reads(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    floor = data.draw(st.integers(0, len(folded) + 2))
    position = data.draw(st.integers(0, len(folded) + 40))
    markers = MarkerIndex(_TABLE, folded, floor)
    words = _WORDS_BEFORE.findall(folded[max(floor, position - 30) : position])
    assert last_marker_word(markers, position) == (words[-1] if words else "")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["to ", "the ", "by ", "on behalf of ", "it's ", "( ", "x "])))
def test_no_marker_ends_where_the_last_word_ends_none(parts: list[str]) -> None:
    folded = "".join(parts)
    markers = MarkerIndex(_TABLE, folded, 0)
    words = MarkerWords(_TABLE)
    for position in range(len(folded) + 1):
        last = last_marker_word(markers, position)
        found = markers.ending_at(position)
        if last not in words.any:
            assert not found
        if last not in words.verbal:
            assert not found & {"subject_words", "relatives"}
        if last not in words.passive:
            assert "passive_aux" not in found
