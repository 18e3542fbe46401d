"""Lifecycle events, queue, hotline, evaluations, kiosks, staff tokens and server secrets.

Existing applications get an identity hash under a newly created server secret, an access
code and their service's department; existing services get a department code derived from
their English department name, no fee and one visit.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from server.keyed_hash import SECRET_SETTING, identity_hash, new_access_code, new_secret

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_UTC = sa.DateTime(timezone=True)


# The default hall time zone, for the rare old application whose number does not carry its date.
_FALLBACK_HALL_TIMEZONE = ZoneInfo("Asia/Shanghai")
_NUMBER_DATE = re.compile(r"^OS([0-9]{8})[0-9]+$")


def _submitted_on(number: str, submitted_at: dt.datetime) -> dt.date:
    """The hall date an application was filed on: the one its number was dated with."""
    match = _NUMBER_DATE.match(number)
    if match:
        try:
            return dt.datetime.strptime(match.group(1), "%Y%m%d").date()
        except ValueError:
            pass
    aware = submitted_at if submitted_at.tzinfo else submitted_at.replace(tzinfo=dt.UTC)
    return aware.astimezone(_FALLBACK_HALL_TIMEZONE).date()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64] or "unknown"


def upgrade() -> None:
    op.create_table(
        "server_settings",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    secret = new_secret()
    connection = op.get_bind()
    connection.execute(
        sa.text("INSERT INTO server_settings (name, value) VALUES (:name, :value)"),
        {"name": SECRET_SETTING, "value": secret},
    )
    _upgrade_services(connection)
    _upgrade_applications(connection, secret)
    with op.batch_alter_table("idempotency_records") as batch:
        batch.add_column(
            sa.Column("scope", sa.String(32), nullable=False, server_default="application")
        )
    op.create_table(
        "application_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("note", sa.String(500), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name="fk_application_events_application"
        ),
    )
    op.create_index(
        "ix_application_events_application_id", "application_events", ["application_id"]
    )
    connection.execute(
        sa.text(
            "INSERT INTO application_events (application_id, status, note, actor, at) "
            "SELECT id, 'submitted', '', kiosk_id, submitted_at FROM applications"
        )
    )
    _create_queue_tables()
    _create_hotline_tables()
    _create_evaluations()
    _create_kiosk_tables()


def _upgrade_services(connection: sa.Connection) -> None:
    with op.batch_alter_table("services") as batch:
        batch.add_column(
            sa.Column("department_code", sa.String(64), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("fee_cents", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("max_visits", sa.Integer(), nullable=False, server_default="1"))
    services = sa.table(
        "services",
        sa.column("code"),
        sa.column("department", sa.JSON()),
        sa.column("department_code"),
    )
    for code, department in connection.execute(sa.select(services.c.code, services.c.department)):
        connection.execute(
            services.update()
            .where(services.c.code == code)
            .values(department_code=_slug(str(department.get("en", ""))))
        )
    op.create_index("ix_services_department_code", "services", ["department_code"])


def _upgrade_applications(connection: sa.Connection, secret: str) -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(
            sa.Column("identity_hash", sa.String(64), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("access_code", sa.String(16), nullable=False, server_default=""))
        batch.add_column(sa.Column("provisional_ref", sa.String(40), nullable=True))
        batch.add_column(
            sa.Column("department_code", sa.String(64), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("decided_at", _UTC, nullable=True))
        batch.add_column(sa.Column("decided_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("completed_at", _UTC, nullable=True))
        # Filled below, then made NOT NULL.
        batch.add_column(sa.Column("submitted_on", sa.Date(), nullable=True))
        batch.create_unique_constraint("uq_applications_provisional_ref", ["provisional_ref"])
    applications = sa.table(
        "applications",
        sa.column("id"),
        sa.column("service_code"),
        sa.column("applicant_id_number"),
        sa.column("applicant_document_kind"),
        sa.column("identity_hash"),
        sa.column("access_code"),
        sa.column("department_code"),
        sa.column("number"),
        sa.column("submitted_at", sa.DateTime(timezone=True)),
        sa.column("submitted_on", sa.Date()),
    )
    services = sa.table("services", sa.column("code"), sa.column("department_code"))
    departments = {
        code: department
        for code, department in connection.execute(
            sa.select(services.c.code, services.c.department_code)
        )
    }
    rows = connection.execute(
        sa.select(
            applications.c.id,
            applications.c.service_code,
            applications.c.applicant_document_kind,
            applications.c.applicant_id_number,
            applications.c.number,
            applications.c.submitted_at,
        )
    ).all()
    for row_id, service_code, kind, id_number, number, submitted_at in rows:
        connection.execute(
            applications.update()
            .where(applications.c.id == row_id)
            .values(
                identity_hash=identity_hash(secret, kind, id_number),
                access_code=new_access_code(),
                department_code=departments.get(service_code, "unknown"),
                submitted_on=_submitted_on(number, submitted_at),
            )
        )
    with op.batch_alter_table("applications") as batch:
        batch.alter_column("submitted_on", existing_type=sa.Date(), nullable=False)
    op.create_index("ix_applications_identity_hash", "applications", ["identity_hash"])
    op.create_index("ix_applications_submitted_on", "applications", ["submitted_on"])
    op.create_index("ix_applications_status", "applications", ["status"])
    op.create_index("ix_applications_department_code", "applications", ["department_code"])


def _create_queue_tables() -> None:
    op.create_table(
        "queue_categories",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("prefix", sa.String(2), nullable=False),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.UniqueConstraint("prefix", name="uq_queue_categories_prefix"),
    )
    op.create_table(
        "queue_tickets",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("category_code", sa.String(32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(16), nullable=False),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("counter", sa.String(32), nullable=True),
        sa.Column("issued_at", _UTC, nullable=False),
        sa.Column("called_at", _UTC, nullable=True),
        sa.Column("finished_at", _UTC, nullable=True),
        sa.ForeignKeyConstraint(
            ["category_code"], ["queue_categories.code"], name="fk_queue_tickets_category"
        ),
        sa.UniqueConstraint("category_code", "day", "sequence", name="uq_ticket_day"),
    )
    op.create_index("ix_queue_tickets_category_code", "queue_tickets", ["category_code"])
    op.create_index("ix_queue_tickets_status", "queue_tickets", ["status"])


def _create_hotline_tables() -> None:
    op.create_table(
        "hotline_requests",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("description", sa.String(4000), nullable=False),
        sa.Column("contact_name", sa.String(100), nullable=True),
        sa.Column("contact_phone", sa.String(32), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("address", sa.String(300), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("kiosk_id", sa.String(64), nullable=True),
        sa.Column("access_code", sa.String(16), nullable=False),
        sa.Column("provisional_ref", sa.String(40), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.UniqueConstraint("number", name="uq_hotline_requests_number"),
        sa.UniqueConstraint("provisional_ref", name="uq_hotline_requests_provisional_ref"),
    )
    op.create_index("ix_hotline_requests_category", "hotline_requests", ["category"])
    op.create_index("ix_hotline_requests_status", "hotline_requests", ["status"])
    op.create_index("ix_hotline_requests_created_at", "hotline_requests", ["created_at"])
    op.create_table(
        "hotline_replies",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(4000), nullable=False),
        sa.Column("staff_name", sa.String(64), nullable=False),
        sa.Column("at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["hotline_requests.id"], name="fk_hotline_replies_request"
        ),
    )
    op.create_index("ix_hotline_replies_request_id", "hotline_replies", ["request_id"])


def _create_evaluations() -> None:
    op.create_table(
        "evaluations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("transaction_kind", sa.String(32), nullable=False),
        sa.Column("transaction_ref", sa.String(40), nullable=False),
        sa.Column("department_code", sa.String(64), nullable=True),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("indicators", sa.JSON(), nullable=False),
        sa.Column("comment", sa.String(500), nullable=False),
        sa.Column("rater_hash", sa.String(64), nullable=True),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.UniqueConstraint(
            "transaction_kind", "transaction_ref", name="uq_evaluation_transaction"
        ),
    )
    op.create_index("ix_evaluations_department_code", "evaluations", ["department_code"])


def _create_kiosk_tables() -> None:
    op.create_table(
        "kiosks",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("provisioned_at", _UTC, nullable=False),
        sa.Column("last_seen_at", _UTC, nullable=True),
        sa.Column("version", sa.String(32), nullable=True),
        sa.Column("health", sa.JSON(), nullable=False),
        sa.Column("outbox_depth", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("out_of_service", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("revoked_at", _UTC, nullable=True),
        sa.UniqueConstraint("token_sha256", name="uq_kiosks_token_sha256"),
    )
    op.create_table(
        "kiosk_commands",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("message", sa.String(500), nullable=True),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("acknowledged_at", _UTC, nullable=True),
        sa.Column("outcome", sa.String(200), nullable=True),
        sa.Column("outcome_detail", sa.String(200), nullable=True),
        sa.ForeignKeyConstraint(["kiosk_id"], ["kiosks.id"], name="fk_kiosk_commands_kiosk"),
    )
    op.create_index("ix_kiosk_commands_kiosk_id", "kiosk_commands", ["kiosk_id"])
    # Heartbeats look up unacknowledged commands only; this partial index holds just those.
    pending = sa.text("acknowledged_at IS NULL")
    op.create_index(
        "ix_kiosk_commands_pending",
        "kiosk_commands",
        ["kiosk_id"],
        postgresql_where=pending,
        sqlite_where=pending,
    )
    op.create_table(
        "provisioning_tokens",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("expires_at", _UTC, nullable=False),
        sa.Column("used_at", _UTC, nullable=True),
        sa.Column("kiosk_id", sa.String(64), nullable=True),
    )
    op.create_table(
        "staff_tokens",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("revoked_at", _UTC, nullable=True),
        sa.UniqueConstraint("token_sha256", name="uq_staff_tokens_token_sha256"),
    )


def downgrade() -> None:
    for table in (
        "staff_tokens",
        "provisioning_tokens",
        "kiosk_commands",
        "kiosks",
        "evaluations",
        "hotline_replies",
        "hotline_requests",
        "queue_tickets",
        "queue_categories",
        "application_events",
    ):
        op.drop_table(table)
    with op.batch_alter_table("idempotency_records") as batch:
        batch.drop_column("scope")
    op.drop_index("ix_applications_status", table_name="applications")
    op.drop_index("ix_applications_submitted_on", table_name="applications")
    op.drop_index("ix_applications_department_code", table_name="applications")
    op.drop_index("ix_applications_identity_hash", table_name="applications")
    with op.batch_alter_table("applications") as batch:
        batch.drop_constraint("uq_applications_provisional_ref", type_="unique")
        for column in (
            "submitted_on",
            "completed_at",
            "decided_on",
            "decided_at",
            "department_code",
            "provisional_ref",
            "access_code",
            "identity_hash",
        ):
            batch.drop_column(column)
    op.drop_index("ix_services_department_code", table_name="services")
    with op.batch_alter_table("services") as batch:
        for column in ("max_visits", "fee_cents", "department_code"):
            batch.drop_column(column)
    op.drop_table("server_settings")
