"""Prepared reads (server/prepared_reads.py) against the DB-API driver itself, on both databases."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, bindparam, select, text
from sqlalchemy.exc import DBAPIError

from server import models
from server.catalog import demo_catalog_path, load_catalog, seed_if_empty
from server.database import build_engine, build_read_engine, migrate_to_head, session_factory
from server.prepared_reads import HotReads, PreparedRead
from server.status_lookup import BY_REFERENCE

DATABASES = ("sqlite", "postgresql")
SUBMITTED = dt.datetime(2026, 11, 29, 23, 30, 5, tzinfo=dt.UTC)


@pytest.fixture(params=DATABASES)
def engines(
    request: pytest.FixtureRequest, database_factory: Callable[[str], str]
) -> Iterator[tuple[Engine, Engine]]:
    """A migrated database with the demo catalog: its engine and its read engine."""
    url = database_factory(request.param)
    engine = build_engine(url)
    read_engine = build_read_engine(url, engine)
    migrate_to_head(engine)
    with session_factory(engine).begin() as session:
        seed_if_empty(session, load_catalog(demo_catalog_path()))
    try:
        yield engine, read_engine
    finally:
        read_engine.dispose()
        engine.dispose()


def file(engine: Engine, steps: int, *, provisional_ref: str | None = None) -> str:
    """An application with ``steps`` lifecycle events; its number."""
    number = f"OS{uuid.uuid4().hex[:14].upper()}"
    with session_factory(engine).begin() as session:
        application = models.Application(
            number=number,
            service_code="BR-001",
            department_code="market",
            kiosk_id="K-1",
            applicant_name="王五",
            applicant_id_number="11010519491231002X",
            applicant_document_kind="resident_id",
            identity_hash="0" * 64,
            access_code="ABCDEFGHJK",
            provisional_ref=provisional_ref,
            form={},
            language="zh-Hans",
            status="accepted",
            submitted_at=SUBMITTED,
            submitted_on=SUBMITTED.date(),
            promised_by=dt.date(2026, 12, 4),
        )
        session.add(application)
        session.flush()
        for step in range(steps):
            session.add(
                models.ApplicationEvent(
                    application_id=application.id,
                    status="submitted" if step == 0 else "accepted",
                    note=f"step {step}",
                    actor="K-1",
                    at=SUBMITTED + dt.timedelta(minutes=step),
                )
            )
    return number


def on_event_loop(reads: HotReads, read: PreparedRead, **values: Any) -> list[Any]:
    async def run() -> list[Any]:
        return reads.rows(read, values)

    return asyncio.run(run())


def driver_rows(engine: Engine, read: PreparedRead, reference: str) -> list[tuple[Any, ...]]:
    """The rows of ``read`` from a plain DB-API cursor of ``engine``'s driver."""
    compiled = read.compiled(engine.dialect)
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(compiled.sql, compiled.parameters({"p_reference": reference}))
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        connection.close()


def test_rows_are_what_the_driver_returns(engines: tuple[Engine, Engine]) -> None:
    engine, read_engine = engines
    with_events, without = file(engine, 3), file(engine, 0, provisional_ref="K03-0000abcd")
    reads = HotReads(read_engine)
    try:
        for reference in (with_events, without, "K03-0000abcd", "OS-NOT-THERE"):
            rows = on_event_loop(reads, BY_REFERENCE, p_reference=reference)
            expected = driver_rows(engine, BY_REFERENCE, reference)
            assert sorted(map(tuple, rows), key=repr) == sorted(expected, key=repr)
            assert len(rows) == {with_events: 3, without: 1}.get(
                reference, 0 if "NOT" in reference else 1
            )
    finally:
        reads.close()

    [first, *_] = on_event_loop(HotReads(read_engine), BY_REFERENCE, p_reference=with_events)
    columns = dict(zip(BY_REFERENCE.column_names, first, strict=True))
    assert columns["number"] == with_events and columns["decided_on"] is None
    assert columns["event_note"] in {"step 0", "step 1", "step 2"}
    # As the driver hands them over: SQLite's dates and timestamps are the text SQLAlchemy
    # stored; PostgreSQL's are dates and aware datetimes.
    if engine.dialect.name == "sqlite":
        assert columns["submitted_at"] == "2026-11-29 23:30:05.000000"
        assert columns["promised_by"] == "2026-12-04"
    else:
        assert columns["submitted_at"] == SUBMITTED
        assert columns["promised_by"] == dt.date(2026, 12, 4)


def test_a_read_with_one_parameter(engines: tuple[Engine, Engine]) -> None:
    engine, read_engine = engines
    number = file(engine, 2)
    read = PreparedRead(
        select(models.Application.number, models.Application.access_code).where(
            models.Application.number == bindparam("p_number")
        )
    )
    reads = HotReads(read_engine)
    try:
        assert on_event_loop(reads, read, p_number=number) == [(number, "ABCDEFGHJK")]
        assert on_event_loop(reads, read, p_number="OS-NOT-THERE") == []
    finally:
        reads.close()


def test_the_held_connection_sees_later_writes_and_holds_no_transaction(
    engines: tuple[Engine, Engine],
) -> None:
    engine, read_engine = engines
    reads = HotReads(read_engine)
    try:
        before = file(engine, 1)
        assert len(on_event_loop(reads, BY_REFERENCE, p_reference=before)) == 1
        later = file(engine, 2)
        assert len(on_event_loop(reads, BY_REFERENCE, p_reference=later)) == 2
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                states = connection.execute(
                    text(
                        "SELECT state FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).scalars()
                assert set(states) <= {"idle"}
    finally:
        reads.close()


def test_other_threads_borrow_a_pooled_connection_and_give_it_back(
    engines: tuple[Engine, Engine],
) -> None:
    engine, read_engine = engines
    number = file(engine, 1)
    reads = HotReads(read_engine)
    found: list[int] = []
    try:
        on_event_loop(reads, BY_REFERENCE, p_reference=number)  # the loop's thread holds one
        held = read_engine.pool.checkedout()  # type: ignore[attr-defined]
        worker = threading.Thread(
            target=lambda: found.append(len(reads.rows(BY_REFERENCE, {"p_reference": number})))
        )
        worker.start()
        worker.join(timeout=30)
        assert found == [1]
        assert read_engine.pool.checkedout() == held  # type: ignore[attr-defined]
    finally:
        reads.close()


# PostgreSQL only: a SQLite file has no server that could drop the connection.
@pytest.mark.parametrize("engines", ["postgresql"], indirect=True)
def test_a_dropped_connection_is_replaced_after_one_error(
    engines: tuple[Engine, Engine],
) -> None:
    engine, read_engine = engines
    assert engine.dialect.name == "postgresql"
    number = file(engine, 1)
    reads = HotReads(read_engine)
    try:
        assert len(on_event_loop(reads, BY_REFERENCE, p_reference=number)) == 1
        with engine.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            connection.commit()

        with pytest.raises(DBAPIError) as raised:
            on_event_loop(reads, BY_REFERENCE, p_reference=number)
        # What AppContext.fetch retries on, as it does for SQLAlchemy's own reads.
        assert raised.value.connection_invalidated
        assert number not in str(raised.value)
        assert len(on_event_loop(reads, BY_REFERENCE, p_reference=number)) == 1
    finally:
        reads.close()
