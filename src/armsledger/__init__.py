"""armsledger: a source-attributed ledger of arms-transfer claims from news reports."""

__version__ = "0.1.0"
