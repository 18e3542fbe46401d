"""When the health report kept for each kiosk was received, apart from when it was last seen.

A command's acknowledgement marks the kiosk seen (with the out-of-service flag it set); the
report of a heartbeat received just before it, written a moment later with its batch, was then
dropped whole as older news. Now the report is kept by its own time and only the flag and the
last-seen time follow the newer of the two.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("kiosks") as batch:
        batch.add_column(sa.Column("health_reported_at", sa.DateTime(timezone=True), nullable=True))
    # The report each kiosk has now came with its last heartbeat, or with none.
    op.execute("UPDATE kiosks SET health_reported_at = last_seen_at")


def downgrade() -> None:
    with op.batch_alter_table("kiosks") as batch:
        batch.drop_column("health_reported_at")
