"""Alembic environment: runs on the engine handed over by nkcase.vault.engine (already keyed)."""

from __future__ import annotations

from typing import Any

from alembic import context

from nkcase.vault.models import Base

target_metadata = Base.metadata


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    # The FTS5 index and its shadow tables are created by hand in the migrations.
    return not (type_ == "table" and name is not None and name.startswith("search_index"))


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
            render_as_batch=True,
        )
        context.run_migrations()


run_migrations_online()
