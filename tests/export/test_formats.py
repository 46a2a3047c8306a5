"""The registry of export formats: every format writes, and listing them loads no exporter."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from armsledger.export import FORMATS
from armsledger.export.bundle import LedgerBundle


def test_formats_are_the_five_of_the_cli() -> None:
    assert sorted(FORMATS) == ["csv", "ftm", "graphml", "jsonl", "stix"]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_formats_write_the_ledger_deterministically(ledger: LedgerBundle, name: str) -> None:
    first, second = io.StringIO(), io.StringIO()
    FORMATS[name].write(ledger, first)
    FORMATS[name].write(ledger, second)
    assert first.getvalue()
    assert first.getvalue() == second.getvalue()


def test_formats_import_no_exporter_library() -> None:
    code = (
        "import sys, armsledger.export; "
        "print(sorted(m for m in sys.modules "
        "if m.split('.')[0] in {'stix2', 'followthemoney', 'networkx'}))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"
