"""The fused state in the database: provenance (with MinHash signatures), merged sources,
origins, flow summaries, estimates, contradictions and the grade of every claim.

These tables are derived: `armsledger.fuse` recomputes them flow by flow, and `write_fusion`
replaces the rows of the flows it was given. They carry no foreign keys to the core tables, so
a recomputation can be written in any order and a regrade never touches a claim row.
Nested values (reasons, claim ids, signatures) are JSON; what commands filter on is a column.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    Double,
    Index,
    Integer,
    String,
    Table,
    Text,
    and_,
    delete,
    false,
    insert,
    or_,
    select,
    true,
    tuple_,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column

from armsledger.domain.core import Quantity, SourceKind, Stage
from armsledger.domain.fusion import (
    ClaimAssessment,
    Contradiction,
    ContradictionKind,
    DocumentLink,
    DocumentProvenance,
    Estimate,
    Figure,
    FlowKey,
    FlowSummary,
    FusionResult,
    Grade,
    LinkKind,
    Origin,
    OutletEvidence,
    RelayedSource,
    SourceEntity,
)
from armsledger.errors import StoreError
from armsledger.store.database import Store
from armsledger.store.engine import SQLITE_BEGIN, describe_url, first_line
from armsledger.store.tables import BIG_ID, Base

CHUNK = 500  # keys per IN clause: well under SQLite's bound-parameter limit


class FusionProvenanceRow(Base):
    __tablename__ = "fusion_provenance"

    doc_id: Mapped[str] = mapped_column(String(), primary_key=True)
    outlet: Mapped[str | None] = mapped_column(String())
    outlet_evidence: Mapped[str] = mapped_column(String())
    outlet_quote: Mapped[str] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    syndicated_from: Mapped[str | None] = mapped_column(String())
    relayed: Mapped[list[Any]] = mapped_column(JSON)
    links: Mapped[list[Any]] = mapped_column(JSON)
    signature: Mapped[list[Any]] = mapped_column(JSON)  # MinHash values, for later documents
    rules_version: Mapped[int] = mapped_column(Integer)


class FusionSourceRow(Base):
    __tablename__ = "fusion_sources"

    id: Mapped[str] = mapped_column(String(), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String())
    role: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str | None] = mapped_column(String())
    variants: Mapped[list[Any]] = mapped_column(JSON)
    claim_ids: Mapped[list[Any]] = mapped_column(JSON)
    doc_ids: Mapped[list[Any]] = mapped_column(JSON)


class FusionOriginRow(Base):
    __tablename__ = "fusion_origins"

    id: Mapped[str] = mapped_column(String(), primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    keys: Mapped[list[Any]] = mapped_column(JSON)
    source_ids: Mapped[list[Any]] = mapped_column(JSON)
    channels: Mapped[list[Any]] = mapped_column(JSON)
    doc_ids: Mapped[list[Any]] = mapped_column(JSON)
    reasons: Mapped[list[Any]] = mapped_column(JSON)


class FusionFlowRow(Base):
    """One flow's summary; its series and contradictions are rows of their own tables."""

    __tablename__ = "fusion_flows"

    supplier: Mapped[str] = mapped_column(String(), primary_key=True)
    recipient: Mapped[str] = mapped_column(String(), primary_key=True)
    item: Mapped[str] = mapped_column(String(), primary_key=True)
    claim_count: Mapped[int] = mapped_column(Integer)
    independent_origins: Mapped[int] = mapped_column(Integer)
    grade_code: Mapped[str | None] = mapped_column(String())
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)


class FusionEstimateRow(Base):
    __tablename__ = "fusion_estimates"
    __table_args__ = (Index(None, "supplier", "recipient", "item"),)

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True, autoincrement=True)
    supplier: Mapped[str] = mapped_column(String())
    recipient: Mapped[str] = mapped_column(String())
    item: Mapped[str] = mapped_column(String())
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Double)
    low: Mapped[float | None] = mapped_column(Double)
    high: Mapped[float | None] = mapped_column(Double)
    unit: Mapped[str] = mapped_column(String())
    per: Mapped[str | None] = mapped_column(String())
    quantity_text: Mapped[str] = mapped_column(Text)
    time: Mapped[date | None] = mapped_column(Date)
    claim_ids: Mapped[list[Any]] = mapped_column(JSON)
    origin_id: Mapped[str] = mapped_column(String())
    source_names: Mapped[list[Any]] = mapped_column(JSON)
    stage: Mapped[str] = mapped_column(String())
    hedged: Mapped[bool] = mapped_column(Boolean)
    derived: Mapped[bool] = mapped_column(Boolean)
    derivation: Mapped[str] = mapped_column(Text)


class FusionContradictionRow(Base):
    __tablename__ = "fusion_contradictions"
    __table_args__ = (Index(None, "supplier", "recipient", "item"),)

    id: Mapped[str] = mapped_column(String(), primary_key=True)
    kind: Mapped[str] = mapped_column(String())
    supplier: Mapped[str] = mapped_column(String())
    recipient: Mapped[str] = mapped_column(String())
    item: Mapped[str] = mapped_column(String())
    other_flow: Mapped[list[Any]] = mapped_column(JSON)
    claim_ids: Mapped[list[Any]] = mapped_column(JSON)
    other_claim_ids: Mapped[list[Any]] = mapped_column(JSON)
    sources: Mapped[list[Any]] = mapped_column(JSON)
    other_sources: Mapped[list[Any]] = mapped_column(JSON)
    explanation: Mapped[str] = mapped_column(Text)


class FusionAssessmentRow(Base):
    """A claim's source chain, origin and Admiralty grade; `claim_id` is `Claim.id`."""

    __tablename__ = "fusion_assessments"
    __table_args__ = (Index(None, "supplier", "recipient", "item"),)

    claim_id: Mapped[str] = mapped_column(String(), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(), index=True)
    supplier: Mapped[str] = mapped_column(String())
    recipient: Mapped[str] = mapped_column(String())
    item: Mapped[str] = mapped_column(String())
    source_id: Mapped[str] = mapped_column(String(), index=True)
    speaker: Mapped[str] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(String())
    outlet: Mapped[str | None] = mapped_column(String())
    origin_id: Mapped[str] = mapped_column(String(), index=True)
    reliability: Mapped[str] = mapped_column(String())
    credibility: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list[Any]] = mapped_column(JSON)
    rules_version: Mapped[int] = mapped_column(Integer)


def _table(row: type[Base]) -> Table:
    table = row.__table__
    assert isinstance(table, Table)
    return table


PROVENANCE = _table(FusionProvenanceRow)
SOURCES = _table(FusionSourceRow)
ORIGINS = _table(FusionOriginRow)
FLOWS = _table(FusionFlowRow)
ESTIMATES = _table(FusionEstimateRow)
CONTRADICTIONS = _table(FusionContradictionRow)
ASSESSMENTS = _table(FusionAssessmentRow)


def write_provenance(store: Store, provenance: Iterable[DocumentProvenance]) -> None:
    """Store documents' provenance, signatures included, replacing earlier rows."""
    rows = [provenance_values(item) for item in provenance]
    with _writing(store, "write provenance") as connection:
        _replace(connection, PROVENANCE, "doc_id", rows)


def write_fusion(store: Store, result: FusionResult) -> None:
    """Replace the fused rows of the flows in `result`, in one transaction."""
    flows = [summary.flow for summary in result.flows]
    with _writing(store, "write fusion") as connection:
        _replace(
            connection, PROVENANCE, "doc_id", [provenance_values(p) for p in result.provenance]
        )
        _replace(connection, SOURCES, "id", [source_values(s) for s in result.sources])
        _replace(connection, ORIGINS, "id", [origin_values(o) for o in result.origins])
        _replace(
            connection, ASSESSMENTS, "claim_id", [assessment_values(a) for a in result.assessments]
        )
        for table in (ESTIMATES, CONTRADICTIONS):
            for chunk in _chunks(flows):
                connection.execute(delete(table).where(_flow_in(table, chunk)))
        _replace(connection, FLOWS, None, [summary_values(s) for s in result.flows])
        estimates = [
            estimate_values(estimate, position)
            for summary in result.flows
            for position, estimate in enumerate(summary.series)
        ]
        if estimates:
            connection.execute(insert(ESTIMATES), estimates)
        _replace(
            connection,
            CONTRADICTIONS,
            "id",
            [contradiction_values(c) for c in result.contradictions],
        )


def read_provenance(
    store: Store, doc_ids: Collection[str] | None = None
) -> dict[str, DocumentProvenance]:
    """Stored provenance by document id (all documents when `doc_ids` is None)."""
    with _reading(store, "read provenance") as connection:
        rows = _select_by(connection, PROVENANCE, PROVENANCE.c.doc_id, doc_ids)
    return {row["doc_id"]: provenance_from_row(row) for row in rows}


def read_fusion(store: Store, flows: Collection[FlowKey] | None = None) -> FusionResult:
    """The stored fused state of some flows (all when None), as domain types."""
    with _reading(store, "read fusion") as connection:
        summaries = _read_summaries(connection, flows)
        keys = [summary.flow for summary in summaries]
        assessments = [
            assessment_from_row(row)
            for chunk in _chunks(keys)
            for row in _mappings(
                connection, select(ASSESSMENTS).where(_flow_in(ASSESSMENTS, chunk))
            )
        ]
        source_ids = {a.source_id for a in assessments}
        origin_ids = {a.origin_id for a in assessments}
        doc_ids = {a.doc_id for a in assessments}
        sources = [
            source_from_row(r) for r in _select_by(connection, SOURCES, SOURCES.c.id, source_ids)
        ]
        origins = [
            origin_from_row(r) for r in _select_by(connection, ORIGINS, ORIGINS.c.id, origin_ids)
        ]
        provenance = _select_by(connection, PROVENANCE, PROVENANCE.c.doc_id, doc_ids)
    return _result(
        summaries, assessments, sources, origins, [provenance_from_row(r) for r in provenance]
    )


def graded_rules_versions(store: Store) -> set[int]:
    """The grading.yaml versions behind stored grades: regrade when the current one is absent."""
    with _reading(store, "read grade versions") as connection:
        rows = connection.execute(select(ASSESSMENTS.c.rules_version).distinct()).scalars()
        return set(rows)


def _read_summaries(connection: Connection, flows: Collection[FlowKey] | None) -> list[FlowSummary]:
    chunks = [None] if flows is None else list(_chunks(sorted(flows)))
    summaries = []
    for chunk in chunks:
        where = _flow_in(FLOWS, chunk) if chunk is not None else true()
        for row in _mappings(connection, select(FLOWS).where(where)):
            flow = (row["supplier"], row["recipient"], row["item"])
            summaries.append(
                summary_from_row(row, _series(connection, flow), _contradictions(connection, flow))
            )
    return sorted(summaries, key=lambda summary: summary.flow)


def _series(connection: Connection, flow: FlowKey) -> tuple[Estimate, ...]:
    query = select(ESTIMATES).where(_flow_in(ESTIMATES, [flow])).order_by(ESTIMATES.c.position)
    return tuple(estimate_from_row(row) for row in _mappings(connection, query))


def _contradictions(connection: Connection, flow: FlowKey) -> tuple[Contradiction, ...]:
    """Contradictions listed under a flow: those of its own rows and those naming it as the
    other side (a denial of `weapons` is stored under the affirmed narrower flow)."""
    pair = and_(CONTRADICTIONS.c.supplier == flow[0], CONTRADICTIONS.c.recipient == flow[1])
    rows = _mappings(connection, select(CONTRADICTIONS).where(pair))
    found = [contradiction_from_row(row) for row in rows]
    return tuple(sorted((c for c in found if flow in (c.flow, c.other_flow)), key=lambda c: c.id))


def _result(
    summaries: Sequence[FlowSummary],
    assessments: Sequence[ClaimAssessment],
    sources: Sequence[SourceEntity],
    origins: Sequence[Origin],
    provenance: Sequence[DocumentProvenance],
) -> FusionResult:
    contradictions = {c.id: c for summary in summaries for c in summary.contradictions}
    versions = sorted({a.grade.rules_version for a in assessments})
    return FusionResult(
        provenance=tuple(sorted(provenance, key=lambda p: p.doc_id)),
        sources=tuple(sorted(sources, key=lambda s: s.id)),
        origins=tuple(sorted(origins, key=lambda o: o.id)),
        assessments=tuple(sorted(assessments, key=lambda a: (a.doc_id, a.claim_id))),
        flows=tuple(summaries),
        contradictions=tuple(contradictions[key] for key in sorted(contradictions)),
        rules_versions=tuple(("grading-rules", version) for version in versions),
    )


def _flow_in(table: Table, flows: Sequence[FlowKey]) -> Any:
    columns = tuple_(table.c.supplier, table.c.recipient, table.c.item)
    return or_(*(columns == tuple_(*flow) for flow in flows)) if flows else false()


def _replace(
    connection: Connection, table: Table, key: str | None, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Delete the rows with these keys, then insert them: an upsert every dialect runs."""
    if not rows:
        return
    if key is None:
        flows = [(row["supplier"], row["recipient"], row["item"]) for row in rows]
        for chunk in _chunks(flows):
            connection.execute(delete(table).where(_flow_in(table, chunk)))
    else:
        for chunk in _chunks(sorted({row[key] for row in rows})):
            connection.execute(delete(table).where(table.c[key].in_(chunk)))
    unique = {tuple(row[c.name] for c in table.primary_key.columns): row for row in rows}
    connection.execute(insert(table), [unique[k] for k in sorted(unique, key=str)])


def _select_by(
    connection: Connection, table: Table, column: Any, keys: Collection[str] | None
) -> list[Mapping[str, Any]]:
    if keys is None:
        return _mappings(connection, select(table))
    return [
        row
        for chunk in _chunks(sorted(keys))
        for row in _mappings(connection, select(table).where(column.in_(chunk)))
    ]


def _mappings(connection: Connection, query: Any) -> list[Mapping[str, Any]]:
    return [dict(row) for row in connection.execute(query).mappings()]


def _chunks(keys: Sequence[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(keys), CHUNK):
        yield list(keys[start : start + CHUNK])


class _Transaction:
    """A transaction whose database errors become one StoreError line."""

    def __init__(self, store: Store, action: str, *, write: bool) -> None:
        engine = store.engine
        if write:
            engine = engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
        self._context = engine.begin()
        self._store = store
        self._action = action

    def __enter__(self) -> Connection:
        try:
            return self._context.__enter__()
        except SQLAlchemyError as error:
            raise self._error(error) from error

    def __exit__(self, *exc_info: Any) -> None:
        try:
            self._context.__exit__(*exc_info)
        except SQLAlchemyError as error:
            raise self._error(error) from error
        if isinstance(exc_info[1], SQLAlchemyError):
            raise self._error(exc_info[1]) from exc_info[1]

    def _error(self, error: BaseException) -> StoreError:
        where = describe_url(self._store.url)
        return StoreError(f"{where}: cannot {self._action}: {first_line(error)}")


def _writing(store: Store, action: str) -> _Transaction:
    return _Transaction(store, action, write=True)


def _reading(store: Store, action: str) -> _Transaction:
    return _Transaction(store, action, write=False)


# Converting between domain types and rows. JSON holds plain lists and dicts; dates are ISO text.


def provenance_values(provenance: DocumentProvenance) -> dict[str, Any]:
    return {
        "doc_id": provenance.doc_id,
        "outlet": provenance.outlet,
        "outlet_evidence": provenance.outlet_evidence.value,
        "outlet_quote": provenance.outlet_quote,
        "published": provenance.published,
        "syndicated_from": provenance.syndicated_from,
        "relayed": [asdict(relay) for relay in provenance.relayed],
        "links": [{**asdict(link), "kind": link.kind.value} for link in provenance.links],
        "signature": list(provenance.signature),
        "rules_version": provenance.rules_version,
    }


def provenance_from_row(row: Mapping[str, Any]) -> DocumentProvenance:
    return DocumentProvenance(
        doc_id=row["doc_id"],
        outlet=row["outlet"],
        outlet_evidence=OutletEvidence(row["outlet_evidence"]),
        outlet_quote=row["outlet_quote"],
        published=row["published"],
        syndicated_from=row["syndicated_from"],
        relayed=tuple(RelayedSource(**relay) for relay in row["relayed"]),
        links=tuple(
            DocumentLink(**{**link, "kind": LinkKind(link["kind"])}) for link in row["links"]
        ),
        signature=tuple(int(value) for value in row["signature"]),
        rules_version=row["rules_version"],
    )


def source_values(source: SourceEntity) -> dict[str, Any]:
    values = _plain(asdict(source))
    values["kind"] = source.kind.value
    return values


def source_from_row(row: Mapping[str, Any]) -> SourceEntity:
    values = _tupled(row, ("variants", "claim_ids", "doc_ids"))
    return SourceEntity(**{**values, "kind": SourceKind(row["kind"])})


def origin_values(origin: Origin) -> dict[str, Any]:
    return _plain(asdict(origin))


def origin_from_row(row: Mapping[str, Any]) -> Origin:
    return Origin(**_tupled(row, ("keys", "source_ids", "channels", "doc_ids", "reasons")))


def assessment_values(assessment: ClaimAssessment) -> dict[str, Any]:
    supplier, recipient, item = assessment.flow
    grade = assessment.grade
    return {
        "claim_id": assessment.claim_id,
        "doc_id": assessment.doc_id,
        "supplier": supplier,
        "recipient": recipient,
        "item": item,
        "source_id": assessment.source_id,
        "speaker": assessment.speaker,
        "channel": assessment.channel,
        "outlet": assessment.outlet,
        "origin_id": assessment.origin_id,
        "reliability": grade.reliability,
        "credibility": grade.credibility,
        "reasons": list(grade.reasons),
        "rules_version": grade.rules_version,
    }


def assessment_from_row(row: Mapping[str, Any]) -> ClaimAssessment:
    return ClaimAssessment(
        claim_id=row["claim_id"],
        doc_id=row["doc_id"],
        flow=(row["supplier"], row["recipient"], row["item"]),
        source_id=row["source_id"],
        speaker=row["speaker"],
        channel=row["channel"],
        outlet=row["outlet"],
        origin_id=row["origin_id"],
        grade=Grade(
            reliability=row["reliability"],
            credibility=row["credibility"],
            reasons=tuple(row["reasons"]),
            rules_version=row["rules_version"],
        ),
    )


def estimate_values(estimate: Estimate, position: int) -> dict[str, Any]:
    supplier, recipient, item = estimate.flow
    quantity = estimate.quantity
    return {
        "supplier": supplier,
        "recipient": recipient,
        "item": item,
        "position": position,
        "value": quantity.value,
        "low": quantity.low,
        "high": quantity.high,
        "unit": quantity.unit,
        "per": quantity.per,
        "quantity_text": quantity.text,
        "time": estimate.time,
        "claim_ids": list(estimate.claim_ids),
        "origin_id": estimate.origin_id,
        "source_names": list(estimate.source_names),
        "stage": estimate.stage.value,
        "hedged": estimate.hedged,
        "derived": estimate.derived,
        "derivation": estimate.derivation,
    }


def estimate_from_row(row: Mapping[str, Any]) -> Estimate:
    return Estimate(
        flow=(row["supplier"], row["recipient"], row["item"]),
        quantity=Quantity(
            value=row["value"],
            low=row["low"],
            high=row["high"],
            unit=row["unit"],
            per=row["per"],
            text=row["quantity_text"],
        ),
        time=row["time"],
        claim_ids=tuple(row["claim_ids"]),
        origin_id=row["origin_id"],
        source_names=tuple(row["source_names"]),
        stage=Stage(row["stage"]),
        hedged=bool(row["hedged"]),
        derived=bool(row["derived"]),
        derivation=row["derivation"],
    )


def contradiction_values(contradiction: Contradiction) -> dict[str, Any]:
    supplier, recipient, item = contradiction.flow
    return {
        "id": contradiction.id,
        "kind": contradiction.kind.value,
        "supplier": supplier,
        "recipient": recipient,
        "item": item,
        "other_flow": list(contradiction.other_flow),
        "claim_ids": list(contradiction.claim_ids),
        "other_claim_ids": list(contradiction.other_claim_ids),
        "sources": list(contradiction.sources),
        "other_sources": list(contradiction.other_sources),
        "explanation": contradiction.explanation,
    }


def contradiction_from_row(row: Mapping[str, Any]) -> Contradiction:
    other = row["other_flow"]
    return Contradiction(
        kind=ContradictionKind(row["kind"]),
        flow=(row["supplier"], row["recipient"], row["item"]),
        other_flow=(other[0], other[1], other[2]),
        claim_ids=tuple(row["claim_ids"]),
        other_claim_ids=tuple(row["other_claim_ids"]),
        sources=tuple(row["sources"]),
        other_sources=tuple(row["other_sources"]),
        explanation=row["explanation"],
    )


def summary_values(summary: FlowSummary) -> dict[str, Any]:
    supplier, recipient, item = summary.flow
    latest = summary.series.index(summary.latest) if summary.latest in summary.series else None
    return {
        "supplier": supplier,
        "recipient": recipient,
        "item": item,
        "claim_count": summary.claim_count,
        "independent_origins": summary.independent_origins,
        "grade_code": summary.grade.code if summary.grade else None,
        "summary": {
            "affirmed_count": summary.affirmed_count,
            "denied_count": summary.denied_count,
            "latest_position": latest,
            "conservative": asdict(summary.conservative) if summary.conservative else None,
            "high": asdict(summary.high) if summary.high else None,
            "origin_ids": list(summary.origin_ids),
            "independence_reason": summary.independence_reason,
            "grade": asdict(summary.grade) if summary.grade else None,
        },
    }


def summary_from_row(
    row: Mapping[str, Any], series: tuple[Estimate, ...], contradictions: tuple[Contradiction, ...]
) -> FlowSummary:
    stored = row["summary"]
    latest = stored["latest_position"]
    return FlowSummary(
        flow=(row["supplier"], row["recipient"], row["item"]),
        claim_count=row["claim_count"],
        affirmed_count=stored["affirmed_count"],
        denied_count=stored["denied_count"],
        series=series,
        latest=series[latest] if latest is not None and latest < len(series) else None,
        conservative=_figure(stored["conservative"]),
        high=_figure(stored["high"]),
        independent_origins=row["independent_origins"],
        origin_ids=tuple(stored["origin_ids"]),
        independence_reason=stored["independence_reason"],
        contradictions=contradictions,
        grade=_grade(stored["grade"]),
    )


def _figure(stored: Mapping[str, Any] | None) -> Figure | None:
    return Figure(**_tupled(stored, ("claim_ids",))) if stored else None


def _grade(stored: Mapping[str, Any] | None) -> Grade | None:
    return Grade(**_tupled(stored, ("reasons",))) if stored else None


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {
        key: list(value) if isinstance(value, tuple) else value for key, value in values.items()
    }


def _tupled(row: Mapping[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    return {key: tuple(value) if key in keys else value for key, value in dict(row).items()}
