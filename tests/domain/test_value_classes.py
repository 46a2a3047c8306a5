"""The value types the extractor builds by the thousand behave as frozen dataclasses do, for
everything but the run-time guard on assignment (which the type checker enforces instead)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from armsledger.domain.core import Quantity, Source, SourceKind, Span


def test_value_classes_compare_and_hash_by_their_fields() -> None:
    a = Span(doc_id="d", start=0, end=4, text="Kyiv")
    b = Span(doc_id="d", start=0, end=4, text="Kyiv")
    c = Span(doc_id="d", start=1, end=4, text="yiv")
    assert a == b
    assert hash(a) == hash(b)
    assert a != c
    assert len({a, b, c}) == 2


def test_value_classes_are_keyword_only_and_slotted() -> None:
    with pytest.raises(TypeError):
        Quantity(1.0, 1.0, 1.0)  # type: ignore[call-arg]
    quantity = Quantity(value=1.0, low=1.0, high=None)
    assert not hasattr(quantity, "__dict__")
    assert dataclasses.replace(quantity, high=2.0).high == 2.0


def test_value_classes_survive_pickling() -> None:
    # Claims cross process boundaries (Dask/Ray workers): they must pickle as they compare.
    source = Source(name="Yonhap", kind=SourceKind.MEDIA)
    assert pickle.loads(pickle.dumps(source)) == source
