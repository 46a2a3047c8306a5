"""Build script: compiles the extraction engine with mypyc; setuptools stays the backend.

Everything else (metadata, dependencies, package data) lives in pyproject.toml. Set
ARMSLEDGER_PURE_PYTHON=1 to build without compiling: no C compiler needed, and edits to the
engine's sources take effect without a rebuild (see docs/performance.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import Extension, setup

ENGINE = Path("src") / "armsledger" / "extract"
# Not compiled: the package's __init__ runs the staleness guard, which lives in compiled.py and
# must stay interpreted to judge the others; explain.py formats text for people, off the hot path.
INTERPRETED = {"__init__.py", "compiled.py", "explain.py"}


def pure_python() -> bool:
    return os.environ.get("ARMSLEDGER_PURE_PYTHON", "").strip() not in ("", "0")


def engine_extensions() -> list[Extension]:
    if pure_python():
        return []
    from mypyc.build import mypycify  # a build requirement, needed only when compiling

    sources = sorted(str(p) for p in ENGINE.glob("*.py") if p.name not in INTERPRETED)
    # A fixed group name: the shared library keeps its name when modules come and go.
    return mypycify(sources, opt_level="3", group_name="armsledger_extract")


setup(ext_modules=engine_extensions())
