"""Extraction: from a Document's text to transfer Claims, with the rule behind each one."""

from pathlib import Path

from armsledger.extract.compiled import check_fresh

# Before any engine module is imported: a compiled module older than its source would shadow it.
check_fresh(Path(__file__).resolve().parent, __name__)
