"""The store layer: the ledger in SQLite or PostgreSQL, written and read as domain types.

Nothing outside this package touches the database; see docs/schema.md for the tables.
"""

from armsledger.store import fusion  # noqa: F401  (declares the fusion tables on the metadata)
from armsledger.store.database import Store, open_store
from armsledger.store.read import ClaimFilter, RunRecord

__all__ = ["ClaimFilter", "RunRecord", "Store", "open_store"]
