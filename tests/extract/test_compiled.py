"""The guard against compiled engine modules older than their sources, on real files."""

from __future__ import annotations

import importlib.machinery
import os
from pathlib import Path
from types import ModuleType

import pytest

import armsledger.extract.compiled
from armsledger.errors import ArmsledgerError
from armsledger.extract.compiled import check_fresh, is_compiled, stale_modules

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _engine(root: Path, ages: dict[str, tuple[int, int]], checkout: bool = True) -> Path:
    """A package directory under root/src/pkg/engine with, per module, (source mtime,
    extension mtime) in seconds; a pyproject.toml in root makes it a source checkout."""
    package_dir = root / "src" / "pkg" / "engine"
    package_dir.mkdir(parents=True)
    if checkout:
        (root / "pyproject.toml").write_text("[project]\nname = 'pkg'\n", encoding="utf-8")
    for name, (source_time, extension_time) in ages.items():
        source, extension = package_dir / f"{name}.py", package_dir / f"{name}{SUFFIX}"
        source.write_text("VALUE = 1\n", encoding="utf-8")
        extension.write_bytes(b"")
        os.utime(source, (source_time, source_time))
        os.utime(extension, (extension_time, extension_time))
    return package_dir


@pytest.mark.parametrize(
    ("ages", "expected"),
    [
        ({"lookup": (1000, 2000), "roles": (1000, 2000)}, []),
        ({"lookup": (3000, 2000), "roles": (1000, 2000)}, ["lookup"]),
        ({"lookup": (3000, 2000), "roles": (3000, 2000)}, ["lookup", "roles"]),
    ],
)
def test_stale_modules_lists_sources_newer_than_their_build(
    tmp_path: Path, ages: dict[str, tuple[int, int]], expected: list[str]
) -> None:
    assert stale_modules(_engine(tmp_path, ages)) == expected


def test_stale_modules_ignores_a_source_without_extension(tmp_path: Path) -> None:
    package_dir = _engine(tmp_path, {})
    (package_dir / "explain.py").write_text("VALUE = 1\n", encoding="utf-8")
    assert stale_modules(package_dir) == []


def test_check_fresh_names_the_module_and_the_fix(tmp_path: Path) -> None:
    package_dir = _engine(tmp_path, {"lookup": (3000, 2000), "roles": (1000, 2000)})
    with pytest.raises(ArmsledgerError) as raised:
        check_fresh(package_dir, "pkg.engine")
    message = str(raised.value)
    assert message.startswith("pkg.engine.lookup is compiled from an older lookup.py")
    assert "make setup" in message
    assert "\n" not in message


def test_check_fresh_accepts_a_fresh_build(tmp_path: Path) -> None:
    check_fresh(_engine(tmp_path, {"lookup": (1000, 2000)}), "pkg.engine")


def test_check_fresh_leaves_an_installed_package_alone(tmp_path: Path) -> None:
    # No pyproject.toml above src/: an installed copy, whose files an installer may write in
    # any order, and which nobody edits.
    check_fresh(_engine(tmp_path, {"lookup": (3000, 2000)}, checkout=False), "pkg.engine")


def test_check_fresh_accepts_a_package_too_near_the_root_for_a_checkout() -> None:
    check_fresh(Path("/engine"), "engine")  # no src/ and project folder above it


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [("lookup.py", False), (f"lookup{SUFFIX}", True)],
)
def test_is_compiled_tells_an_extension_from_a_source(file_name: str, expected: bool) -> None:
    module = ModuleType("lookup")
    module.__file__ = f"/somewhere/{file_name}"
    assert is_compiled(module) is expected


def test_is_compiled_the_guard_itself_stays_interpreted() -> None:
    # setup.py leaves compiled.py out of the build: a stale guard could not judge the others.
    assert not is_compiled(armsledger.extract.compiled)
