"""Alembic migrations on SQLite and PostgreSQL: up, down, up again, and data carried across."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from server.database import build_engine, downgrade, upgrade
from server.keyed_hash import identity_hash
from server.models import Base
from tests.integration.server.conftest import DATABASES
from tests.integration.server.server_test_support import VALID_ID_NUMBER


@pytest.fixture(params=DATABASES)
def engine(
    request: pytest.FixtureRequest, database_factory: Callable[[str], str]
) -> Iterator[Engine]:
    built = build_engine(database_factory(request.param))
    yield built
    built.dispose()


def revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_head_schema_is_exactly_the_models(engine: Engine) -> None:
    upgrade(engine, "head")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_down_to_nothing_and_up_again(engine: Engine) -> None:
    upgrade(engine, "head")
    upgrade(engine, "head")  # a second start of the server changes nothing
    assert revision(engine) == "0003"

    downgrade(engine, "0001")
    assert revision(engine) == "0001"
    assert tables(engine) == {"services", "applications", "idempotency_records", "holidays"}
    downgrade(engine, "base")
    assert revision(engine) is None and tables(engine) == set()

    upgrade(engine, "head")
    assert tables(engine) == set(Base.metadata.tables)


def test_applications_filed_before_0002_are_carried_over(engine: Engine) -> None:
    upgrade(engine, "0001")
    submitted = dt.datetime(2026, 3, 2, 1, 30, tzinfo=dt.UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO services (code, name, department, category, theme, legal_days, "
                "promised_days, materials, fields, sort_order) VALUES ('BR-001', '{}', "
                """'{"en": "County Tax Bureau"}', 'approval', 'tax', 5, 1, '[]', '[]', 0)"""
            )
        )
        connection.execute(
            text(
                "INSERT INTO applications (number, service_code, kiosk_id, applicant_name, "
                "applicant_id_number, applicant_document_kind, form, language, status, "
                "submitted_at, promised_by) VALUES ('OS20260302000001', 'BR-001', 'k-1', "
                "'张三', :id_number, 'resident_id', '{}', 'zh-Hans', 'submitted', :at, "
                "'2026-03-03')"
            ),
            {"id_number": VALID_ID_NUMBER, "at": submitted.replace(tzinfo=None)},
        )

    upgrade(engine, "head")

    with engine.connect() as connection:
        secret = connection.scalar(
            text("SELECT value FROM server_settings WHERE name = 'identity_hmac_key'")
        )
        row = connection.execute(
            text(
                "SELECT identity_hash, access_code, department_code, applicant_id_number "
                "FROM applications"
            )
        ).one()
        events = connection.execute(text("SELECT status, actor FROM application_events")).all()
        department = connection.scalar(text("SELECT department_code FROM services"))
    assert secret and len(secret) == 64
    assert row.identity_hash == identity_hash(secret, "resident_id", VALID_ID_NUMBER)
    assert len(row.access_code) == 10
    assert department == row.department_code == "county-tax-bureau"
    assert row.applicant_id_number == VALID_ID_NUMBER
    assert [tuple(event) for event in events] == [("submitted", "k-1")]

    downgrade(engine, "0001")
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT number, applicant_name FROM applications")).all()
    assert [tuple(r) for r in kept] == [("OS20260302000001", "张三")]
