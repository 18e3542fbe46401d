"""Create services, applications, idempotency records and holidays.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "services",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("department", sa.JSON(), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("theme", sa.String(32), nullable=False),
        sa.Column("legal_days", sa.Integer(), nullable=False),
        sa.Column("promised_days", sa.Integer(), nullable=False),
        sa.Column("materials", sa.JSON(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
    )
    op.create_index("ix_services_sort_order", "services", ["sort_order"])
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("service_code", sa.String(32), nullable=False),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("applicant_name", sa.String(100), nullable=False),
        sa.Column("applicant_id_number", sa.String(32), nullable=False),
        sa.Column("applicant_document_kind", sa.String(32), nullable=False),
        sa.Column("form", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("promised_by", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_code"], ["services.code"], name="fk_applications_service_code_services"
        ),
        sa.UniqueConstraint("number", name="uq_applications_number"),
    )
    op.create_index("ix_applications_service_code", "applications", ["service_code"])
    op.create_table(
        "idempotency_records",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("request_sha256", sa.String(64), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=False),
        sa.Column("response_body", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("kiosk_id", "key", name="uq_idempotency_kiosk_key"),
    )
    op.create_table(
        "holidays",
        sa.Column("date", sa.Date(), primary_key=True),
        sa.Column("is_workday", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("name", sa.String(100), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("holidays")
    op.drop_table("idempotency_records")
    op.drop_index("ix_applications_service_code", table_name="applications")
    op.drop_table("applications")
    op.drop_index("ix_services_sort_order", table_name="services")
    op.drop_table("services")
