"""End-to-end fixtures: the CLI runner."""

from __future__ import annotations


import pytest
from typer.testing import CliRunner


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
