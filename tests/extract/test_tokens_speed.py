"""split_sentences finds candidate ends in one pass over the text: the same sentences as one
pass per line, as it did before."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.extract.tokens import (
    _CANDIDATE_END,
    _LINE,
    Sentence,
    _append,
    _ends_with_split_stop,
    split_sentences,
)

_PIECES = ["Iran", "sent", "U.S.", "Gen.", "drones", ".", "!", "?", "”", "’", ")", '"', "(",
           " ", " ", "\t", "\n", "\n\n", "42", "A", "“", "said.", "Jan."]  # fmt: skip


def _per_line(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(_LINE.finditer(text)):
        start = line.start()
        for match in _CANDIDATE_END.finditer(text, line.start(), line.end()):
            if _ends_with_split_stop(text, line.start(), match.start()):
                _append(sentences, text, start, match.end(), paragraph)
                start = match.end()
        _append(sentences, text, start, line.end(), paragraph)
    return sentences


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_one_pass_finds_the_sentences_of_one_pass_per_line(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert split_sentences(text) == _per_line(text)


def test_sentence_keeps_the_dataclass_behaviour() -> None:
    one = Sentence(index=0, start=1, end=5, paragraph=0)
    assert one == Sentence(index=0, start=1, end=5, paragraph=0)
    assert one != Sentence(index=1, start=1, end=5, paragraph=0)
    assert hash(one) == hash(Sentence(index=0, start=1, end=5, paragraph=0))
    assert repr(one) == "Sentence(index=0, start=1, end=5, paragraph=0)"
