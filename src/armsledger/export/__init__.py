"""Standard exports of the ledger: JSONL, CSV, STIX 2.1, FollowTheMoney and GraphML.

`FORMATS` maps a format name to its `Exporter`. An exporter's module is imported only when it
writes, so listing the formats (for `--help`) does not load stix2, followthemoney or networkx.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TextIO, cast

from armsledger.export.bundle import LedgerBundle

ExportFunction = Callable[[LedgerBundle, TextIO], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class Exporter:
    name: str
    suffix: str  # the file extension a saved export takes, with its dot
    media_type: str
    description: str
    module: str  # armsledger.export.<module> holds the function
    function: str

    def write(self, bundle: LedgerBundle, out: TextIO) -> None:
        module = importlib.import_module(f"armsledger.export.{self.module}")
        cast(ExportFunction, getattr(module, self.function))(bundle, out)


FORMATS: Mapping[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter(
            name="jsonl",
            suffix=".jsonl",
            media_type="application/x-ndjson",
            description="documents, sources and claims, one JSON object a line",
            module="jsonl",
            function="export_jsonl",
        ),
        Exporter(
            name="csv",
            suffix=".csv",
            media_type="text/csv",
            description="one table: claims (sources and documents with export_csv's table)",
            module="csv",
            function="export_csv",
        ),
        Exporter(
            name="stix",
            suffix=".json",
            media_type="application/stix+json;version=2.1",
            description="a STIX 2.1 bundle: reports, identities, locations, flows, notes",
            module="stix",
            function="export_stix",
        ),
        Exporter(
            name="ftm",
            suffix=".ftm.json",
            media_type="application/x-ndjson",
            description="FollowTheMoney entities, one a line (Aleph, ftm)",
            module="ftm",
            function="export_ftm",
        ),
        Exporter(
            name="graphml",
            suffix=".graphml",
            media_type="application/graphml+xml",
            description="the network of actors and flows (Gephi, yEd, networkx)",
            module="graphml",
            function="export_graphml",
        ),
    )
}

__all__ = ["FORMATS", "ExportFunction", "Exporter", "LedgerBundle"]
