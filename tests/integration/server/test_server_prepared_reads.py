"""Prepared reads (server/prepared_reads.py) against SQLAlchemy itself, on both databases."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from server import models
from server.applications import _BY_REFERENCE
from server.catalog import demo_catalog_path, load_catalog, seed_if_empty
from server.database import build_engine, build_read_engine, migrate_to_head, session_factory
from server.prepared_reads import HotReads, PreparedRead

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


def test_rows_are_what_sqlalchemy_returns(engines: tuple[Engine, Engine]) -> None:
    engine, read_engine = engines
    with_events, without = file(engine, 3), file(engine, 0, provisional_ref="K03-0000abcd")
    reads = HotReads(read_engine)
    try:
        for reference in (with_events, without, "K03-0000abcd", "OS-NOT-THERE"):
            with engine.connect() as connection:
                expected = connection.execute(
                    _BY_REFERENCE.statement, {"p_reference": reference}
                ).all()
            rows = on_event_loop(reads, _BY_REFERENCE, p_reference=reference)
            assert [tuple(row) for row in rows] == [tuple(row) for row in expected]
    finally:
        reads.close()

    [first, *_] = on_event_loop(HotReads(read_engine), _BY_REFERENCE, p_reference=with_events)
    # Typed as the columns say: aware UTC timestamps and dates, even from SQLite's text.
    assert first.submitted_at == SUBMITTED and first.submitted_at.tzinfo == dt.UTC
    assert first.promised_by == dt.date(2026, 12, 4) and first.decided_on is None
    assert first.event_note == "step 0"


def test_the_held_connection_sees_later_writes_and_holds_no_transaction(
    engines: tuple[Engine, Engine],
) -> None:
    engine, read_engine = engines
    reads = HotReads(read_engine)
    try:
        before = file(engine, 1)
        assert len(on_event_loop(reads, _BY_REFERENCE, p_reference=before)) == 1
        later = file(engine, 2)
        assert len(on_event_loop(reads, _BY_REFERENCE, p_reference=later)) == 2
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
        on_event_loop(reads, _BY_REFERENCE, p_reference=number)  # the loop's thread holds one
        held = read_engine.pool.checkedout()  # type: ignore[attr-defined]
        worker = threading.Thread(
            target=lambda: found.append(len(reads.rows(_BY_REFERENCE, {"p_reference": number})))
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
        assert len(on_event_loop(reads, _BY_REFERENCE, p_reference=number)) == 1
        with engine.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            connection.commit()

        with pytest.raises(DBAPIError) as raised:
            on_event_loop(reads, _BY_REFERENCE, p_reference=number)
        # What AppContext.fetch retries on, as it does for SQLAlchemy's own reads.
        assert raised.value.connection_invalidated
        assert number not in str(raised.value)
        assert len(on_event_loop(reads, _BY_REFERENCE, p_reference=number)) == 1
    finally:
        reads.close()
