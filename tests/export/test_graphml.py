"""GraphML export: read back with networkx.read_graphml, actors as nodes, one edge per flow."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from armsledger.export import FORMATS
from armsledger.export.bundle import LedgerBundle


@pytest.fixture
def graph(ledger: LedgerBundle, tmp_path: Path) -> Any:
    out = io.StringIO()
    FORMATS["graphml"].write(ledger, out)
    path = tmp_path / "ledger.graphml"
    path.write_text(out.getvalue(), encoding="utf-8")
    return nx.read_graphml(path, force_multigraph=True)


def test_export_graphml_nodes_are_actors(graph: Any) -> None:
    assert sorted(graph.nodes) == ["IRN", "PRK", "RUS"]
    assert graph.nodes["PRK"]["label"] == "North Korea"
    assert graph.nodes["PRK"]["kind"] == "state"
    assert graph.is_directed()


def test_export_graphml_one_edge_per_flow(graph: Any) -> None:
    assert sorted(graph.edges(keys=True)) == [
        ("IRN", "RUS", "drones"),
        ("PRK", "RUS", "artillery_ammunition"),
        ("RUS", "PRK", "money"),
    ]


def test_export_graphml_flow_counts_and_amounts(graph: Any) -> None:
    shells = graph.edges["PRK", "RUS", "artillery_ammunition"]
    assert (shells["claim_count"], shells["affirmed_count"], shells["denied_count"]) == (2, 1, 1)
    assert shells["doc_count"] == 1
    assert shells["amounts"] == "1000 container"
    assert shells["max_amount"] == 1000.0
    assert shells["amount_unit"] == "container"
    assert shells["confidence"] == 70


def test_export_graphml_money_flow_in_usd(graph: Any) -> None:
    money = graph.edges["RUS", "PRK", "money"]
    assert money["max_amount"] == 20_000_000.0
    assert money["amount_unit"] == "usd"
    assert money["confidence"] == 50


def test_export_graphml_leaves_out_absent_values(graph: Any) -> None:
    drones = graph.edges["IRN", "RUS", "drones"]
    assert drones["hedged_count"] == 1
    assert "max_amount" not in drones
    assert "confidence" not in drones
