"""redaction_proposals (the finder's cached proposals per text version) and keep_list

Revision ID: 0003_redaction_proposals
Revises: 0002
Create Date: 2026-12-04

Two new tables, nothing existing is touched: downgrading drops them (the cache is rebuilt from
the texts; the keep list's additions and removals stay in the audit log).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_redaction_proposals"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "redaction_proposals",
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("finder_version", sa.String(length=32), nullable=False),
        sa.Column("detections", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint(
            "text_sha256", "finder_version", name=op.f("pk_redaction_proposals")
        ),
    )
    op.create_table(
        "keep_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("folded", sa.String(length=300), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("removed_by", sa.String(length=64), nullable=True),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_keep_list")),
    )
    op.create_index(op.f("ix_keep_list_folded"), "keep_list", ["folded"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_keep_list_folded"), table_name="keep_list")
    op.drop_table("keep_list")
    op.drop_table("redaction_proposals")
