"""attachments.blackout: the reviewer's blackout boxes of an image included for export

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Plain ``ALTER TABLE ... ADD/DROP COLUMN`` (SQLite >= 3.35), not a batch table copy: copying
``attachments`` would drop the old table, and with ``foreign_keys = ON`` that cascades to
``attachment_chunks`` and deletes every attachment's content.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "attachments",
        sa.Column("blackout", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
    )


def downgrade() -> None:
    op.drop_column("attachments", "blackout")
