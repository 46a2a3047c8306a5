"""Layer boundaries of docs/ARCHITECTURE.md, checked on every module's armsledger imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "src" / "armsledger"

BASE = {"domain", "errors", "settings"}
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "errors": set(),
    "settings": BASE,
    "lexicon": BASE,
    "ingest": BASE | {"lexicon"},
    "extract": BASE | {"lexicon"},
    "fuse": BASE | {"lexicon"},
    "store": BASE,
    "pipeline": BASE | {"lexicon", "ingest", "extract", "fuse", "store", "pipeline_fusion"},
    "pipeline_fusion": BASE | {"lexicon", "fuse", "store"},
    "report": BASE | {"store", "lexicon"},
    "export": BASE | {"store", "lexicon"},
    "web": BASE | {"store", "report", "export", "lexicon"},
}


def layers_imported_by(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    return {name.split(".")[1] for name in names if name.startswith("armsledger.")}


@pytest.mark.parametrize(
    "path",
    sorted(PACKAGE_DIR.rglob("*.py")),
    ids=lambda p: str(p.relative_to(PACKAGE_DIR)),
)
def test_module_imports_only_allowed_layers(path: Path) -> None:
    layer = path.relative_to(PACKAGE_DIR).parts[0].removesuffix(".py")
    if layer in ALLOWED:
        forbidden = layers_imported_by(path) - ALLOWED[layer] - {layer}
        assert not forbidden, f"{path.name}: {layer} must not import {sorted(forbidden)}"


def test_nothing_imports_cli() -> None:
    importers = [
        path.name
        for path in PACKAGE_DIR.rglob("*.py")
        if "cli" in layers_imported_by(path)
        and path.relative_to(PACKAGE_DIR).parts[0] not in {"cli", "__main__.py"}
    ]
    assert importers == []


def test_package_import_does_no_work() -> None:
    """Importing armsledger loads none of the heavy libraries (spaCy, SQLAlchemy)."""
    code = (
        "import sys, armsledger; heavy = {'spacy', 'sqlalchemy', 'trafilatura'}; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"
