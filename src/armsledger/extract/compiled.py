"""Whether the engine runs compiled, and a guard against compiled modules older than their source.

`pip install -e .` compiles the engine with mypyc (setup.py) and leaves each module's extension
file beside its source; Python then imports the extension, not the .py. An edit to a source after
the build would silently change nothing, so the package refuses to import in that state. This
module is never compiled itself (setup.py leaves it out): it must judge the others.
"""

from __future__ import annotations

import importlib.machinery
from pathlib import Path
from types import ModuleType

from armsledger.errors import ArmsledgerError

REBUILD_HINT = (
    "rebuild with `make setup` (or `pip install -e .`), "
    "or install it interpreted with `ARMSLEDGER_PURE_PYTHON=1 make setup`"
)


def is_compiled(module: ModuleType) -> bool:
    """Whether a module was loaded from an extension file rather than its .py source."""
    origin = getattr(module, "__file__", None) or ""
    return origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def stale_modules(package_dir: Path) -> list[str]:
    """Modules of a package directory whose extension file is older than their .py source."""
    stale: list[str] = []
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for extension in sorted(package_dir.glob(f"*{suffix}")):
            source = package_dir / (extension.name.removesuffix(suffix) + ".py")
            if source.is_file() and extension.stat().st_mtime < source.stat().st_mtime:
                stale.append(source.stem)
    return stale


def check_fresh(package_dir: Path, package: str) -> None:
    """Raise when a compiled module of a source checkout is older than its source.

    Only a source checkout (a pyproject.toml above src/) is checked: an installed wheel is never
    edited, and an installer may write the .py after the extension file.
    """
    parents = package_dir.parents
    if len(parents) < 3 or not (parents[2] / "pyproject.toml").is_file():
        return
    stale = stale_modules(package_dir)
    if stale:
        raise ArmsledgerError(
            f"{package}.{stale[0]} is compiled from an older {stale[0]}.py: {REBUILD_HINT}"
        )
