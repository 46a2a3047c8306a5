"""The README documents every command and option, and every command has help text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer.main

from armsledger.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
# Typer ships its own copy of click, so the group is inspected by its attributes, not its class.
COMMANDS: list[tuple[str, Any]] = sorted(typer.main.get_command(app).commands.items())  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_command_has_help_and_is_in_readme(name: str, command: Any) -> None:
    assert (command.help or "").strip(), f"{name} has no help text"
    assert f"armsledger {name}" in README, f"README does not show `armsledger {name}`"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_command_options_have_help_and_are_in_readme(name: str, command: Any) -> None:
    for param in command.params:
        if param.param_type_name != "option" or param.name == "help":
            continue
        flag = max(param.opts, key=len)
        assert (param.help or "").strip(), f"{name} {flag} has no help text"
        assert flag in README, f"README does not mention {name} {flag}"
