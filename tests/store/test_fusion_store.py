"""The fused state in the store: schema, round trips, incremental replacement, signatures."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select

from armsledger.domain.fusion import FusionResult
from armsledger.fuse.engine import load_fusion_rules
from armsledger.fuse.ledger import Ledger
from armsledger.fuse.provenance import SignatureIndex, document_provenance
from armsledger.lexicon import load_lexicons
from armsledger.store import Store
from armsledger.store.fusion import (
    ESTIMATES,
    graded_rules_versions,
    read_fusion,
    read_provenance,
    write_fusion,
    write_provenance,
)
from armsledger.store.migrate import head_revision, include_name, migration_config
from armsledger.store.tables import Base
from tests.fuse.story import ORDER, SHELLS, make_document, story_claims, story_ledger

FUSION_TABLES = {
    "fusion_provenance",
    "fusion_sources",
    "fusion_origins",
    "fusion_flows",
    "fusion_estimates",
    "fusion_contradictions",
    "fusion_assessments",
}


def fused_story() -> tuple[Ledger, FusionResult]:
    ledger = story_ledger(load_fusion_rules(load_lexicons().item_parents))
    return ledger, ledger.refuse_all()


def test_fusion_migration_is_head_and_creates_tables(store: Store) -> None:
    assert head_revision() == "0002_fusion"
    assert set(inspect(store.engine).get_table_names()) >= FUSION_TABLES


def test_fusion_migration_matches_declared_tables(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": include_name, "compare_type": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_fusion_downgrade_removes_fusion_tables_only(store: Store) -> None:
    with store.engine.begin() as connection:
        command.downgrade(migration_config(connection), "0001_core")
    names = set(inspect(store.engine).get_table_names())
    assert not FUSION_TABLES & names
    assert "claims" in names


def test_write_fusion_reads_back_equal(store: Store) -> None:
    _, result = fused_story()
    write_fusion(store, result)
    stored = read_fusion(store)
    assert stored.flows == result.flows
    assert stored.assessments == tuple(
        sorted(result.assessments, key=lambda a: (a.doc_id, a.claim_id))
    )
    assert stored.provenance == result.provenance
    assert {o.id for o in stored.origins} == {o.id for o in result.origins}
    assert set(stored.sources) <= set(result.sources)
    assert stored.contradictions == result.contradictions


def test_read_fusion_of_one_flow(store: Store) -> None:
    _, result = fused_story()
    write_fusion(store, result)
    stored = read_fusion(store, [SHELLS])
    assert [summary.flow for summary in stored.flows] == [SHELLS]
    # the denial of weapons is listed under the shells it contradicts
    assert any(c.other_flow[2] == "weapons" for c in stored.flows[0].contradictions)


def test_write_fusion_replaces_a_flow_without_duplicating(store: Store) -> None:
    ledger, result = fused_story()
    write_fusion(store, result)
    update = ledger.add_document(make_document("late"), story_claims("late"))
    write_fusion(store, update)
    (shells,) = read_fusion(store, [SHELLS]).flows
    assert shells == ledger.summary(SHELLS)
    assert shells.independent_origins == 3
    with store.engine.connect() as connection:
        count = connection.execute(
            select(func.count()).select_from(ESTIMATES).where(ESTIMATES.c.item == SHELLS[2])
        ).scalar_one()
    assert count == len(shells.series)


def test_stored_signatures_find_a_copy_without_the_original_text(store: Store) -> None:
    rules = load_fusion_rules(load_lexicons().item_parents).provenance
    index = SignatureIndex(rules)
    write_provenance(store, [document_provenance(make_document("wire"), [], index, rules)])
    restored = SignatureIndex(rules)
    for provenance in read_provenance(store).values():
        restored.add(provenance)
    copy = document_provenance(make_document("copy"), [], restored, rules)
    assert [link.other_doc_id for link in copy.links] == ["wire"]


def test_graded_rules_versions_tell_when_to_regrade(store: Store) -> None:
    assert graded_rules_versions(store) == set()
    _, result = fused_story()
    write_fusion(store, result)
    assert graded_rules_versions(store) == {1}
    assert set(ORDER) <= {p.doc_id for p in read_provenance(store).values()}
