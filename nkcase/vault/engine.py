"""SQLCipher 4 under SQLAlchemy 2, keyed with the raw data key (never a passphrase)."""

from __future__ import annotations

import ast
import functools
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool, StaticPool

from nkcase.errors import (
    DatabaseDamaged,
    NkcaseError,
    UnsupportedFormat,
    disk_full,
    is_disk_full,
    nearly_full,
    read_only_media,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"

# Messages SQLCipher/SQLite give when pages fail their HMAC or the file is not what we wrote.
# Found by flipping one byte in every page of a seeded vault and running every command: a page
# failing its HMAC surfaces as SQLITE_NOTADB or SQLITE_CORRUPT ("file is not a database",
# "database disk image is malformed"), except a page of the FTS5 index's own tables, which
# SQLite reports as "vtable constructor failed: search_index" when the index is opened.
_DAMAGE_MARKERS = (
    "not a database",
    "malformed",
    "hmac",
    "corrupt",
    "disk i/o error",
    "vtable constructor failed",
)


def is_damage(exc: BaseException) -> bool:
    message = str(getattr(exc, "orig", exc)).lower()
    return any(marker in message for marker in _DAMAGE_MARKERS)


def storage_problem(exc: BaseException, db_path: Path) -> NkcaseError | None:
    """What a driver error means for the person at the keyboard, or None for "not storage".

    A full disk is never called damage (restoring a backup would throw newer work away): SQLite
    says SQLITE_FULL ("database or disk is full") when a write finds no room, but only "disk
    I/O error" when there is no room to size its shared-memory file, so an I/O error on a
    volume with (almost) no free space is taken for a full disk. A write refused because the
    file or the medium is read-only is said so.
    """
    message = str(getattr(exc, "orig", exc)).lower()
    if is_disk_full(exc):
        return disk_full(db_path.parent)
    if "readonly" in message or "read-only" in message:
        return read_only_media(db_path.parent)
    if is_damage(exc):
        if "disk i/o error" in message and nearly_full(db_path.parent):
            return disk_full(db_path.parent)
        return damaged(db_path)
    return None


def raise_storage_problem(exc: BaseException, db_path: Path) -> None:
    """Raise :func:`storage_problem`'s error for ``exc`` (from None), if it has one."""
    problem = storage_problem(exc, db_path)
    if problem is not None:
        raise problem from None


def damaged(db_path: Path) -> DatabaseDamaged:
    return DatabaseDamaged(
        f"The vault database in {db_path.parent} is damaged: some of its pages fail their "
        "integrity check. Nothing was changed. Restore the vault from a backup, or run "
        "`nkcase check` for details."
    )


# Page cache per connection. Pages read from the OS cache must be decrypted and their HMAC
# checked; keeping the hot FTS doclists decrypted in memory is what keeps encrypted search close
# to plaintext speed on large vaults. SQLite grows the cache only as pages are used.
CACHE_MIB = 256


def quiet(conn: Any) -> None:
    """Silence SQLCipher's own logging (WARN by default): it writes "ERROR CORE ..." lines on
    stderr for every damaged page read, beside the clear error we give. Set on every
    connection, before the key."""
    conn.execute("PRAGMA cipher_log_level = NONE")


# make_engine(MEMORY, key): a database that lives in this process only (the duress decoy): one
# connection, shared by every session, gone when the engine is disposed.
MEMORY = Path(":memory:")


def on_read_only_media(folder: Path) -> bool:
    """Whether ``folder`` is on a read-only file system (or cannot be written by us)."""
    if hasattr(os, "statvfs"):
        try:
            if os.statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1):
                return True
        except OSError:
            pass
    return not os.access(folder, os.W_OK)


def _read_only_uri(db_path: Path) -> str:
    """A read-only URI. ``immutable=1`` (no locks, no shared-memory file, which could not be
    created) unless a write-ahead log with content lies beside it: that must be read, and
    needs SQLite's ordinary read-only mode."""
    wal = Path(f"{db_path}-wal")
    has_log = wal.exists() and wal.stat().st_size > 0
    return f"{db_path.absolute().as_uri()}?mode=ro" + ("" if has_log else "&immutable=1")


def make_engine(
    db_path: Path, data_key: bytes, *, cache_mib: int | None = None, read_only: bool = False
) -> Engine:
    """An engine whose every connection is keyed and configured before first use.

    ``read_only``: for a vault on read-only media; any write fails (and says so).
    """
    cache_mib = cache_mib or CACHE_MIB
    hex_key = data_key.hex()

    def connect() -> Any:
        if read_only:
            conn = sqlcipher.connect(_read_only_uri(db_path), uri=True, check_same_thread=False)
        else:
            conn = sqlcipher.connect(str(db_path), check_same_thread=False)
        quiet(conn)
        conn.execute(f"PRAGMA key = \"x'{hex_key}'\"")
        return conn

    pool: dict[str, Any] = (
        {"poolclass": StaticPool}
        if db_path == MEMORY
        else {"poolclass": QueuePool, "pool_size": 2, "max_overflow": 4}
    )
    engine = create_engine("sqlite://", creator=connect, module=sqlcipher, **pool)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        try:
            # First read: fails here if the key is wrong or page 1 is damaged.
            cur.execute("SELECT count(*) FROM sqlite_master")
            if not read_only:
                cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")  # a reported commit survives power loss
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA temp_store = MEMORY")  # no temp files, even encrypted ones
            cur.execute("PRAGMA secure_delete = ON")
            cur.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")
        finally:
            cur.close()

    return engine


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic filter: the FTS5 index and its shadow tables are created by hand in migrations."""
    return not (type_ == "table" and name is not None and name.startswith("search_index"))


def _alembic_config(engine: Engine) -> Config:
    # Alembic (with its dialect modules, mako, ...) is imported only when a migration runs or
    # a revision cannot be read the quick way: opening a vault at the head never loads it.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def _scripted_revisions() -> dict[str, str | None] | None:
    """revision -> down_revision of every migration script, read from their source without
    Alembic; None if a script does not say both plainly (then Alembic is asked)."""
    revisions: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        found: dict[str, Any] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and isinstance(node.value, ast.Constant):
                    found[target.id] = node.value.value
        rev, down = found.get("revision"), found.get("down_revision", ...)
        if not isinstance(rev, str) or not (down is None or isinstance(down, str)):
            return None
        revisions[rev] = down
    return revisions or None


@functools.cache
def head_revision() -> str:
    revisions = _scripted_revisions()
    if revisions is not None:
        heads = set(revisions) - set(revisions.values())
        if len(heads) == 1:
            return heads.pop()
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(create_engine("sqlite://")))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The vault's schema revision, read from alembic_version with one query."""
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if has_table is None:
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        if len(rows) <= 1:
            return str(rows[0][0]) if rows else None
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(conn).get_current_revision()  # its error: several


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(_alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(_alembic_config(engine), revision)


def ensure_schema(engine: Engine, db_path: Path) -> None:
    """Bring an opened vault to the current schema; refuse one written by a newer nkcase."""
    try:
        current = current_revision(engine)
    except DBAPIError as exc:
        raise_storage_problem(exc, db_path)
        raise
    head = head_revision()
    if current == head:
        return
    from alembic.script import ScriptDirectory

    known = {
        rev.revision
        for rev in ScriptDirectory.from_config(_alembic_config(engine)).walk_revisions()
    }
    if current is not None and current not in known:
        raise UnsupportedFormat(
            "This vault was written by a newer version of nkcase. Upgrade nkcase to open it."
        )
    log.info("upgrading vault schema from %s to %s", current, head)
    try:
        upgrade(engine)
    except DBAPIError as exc:
        raise_storage_problem(exc, db_path)
        # A damaged page met half-way through a migration can surface as a schema error
        # ("duplicate column name" on the next try): the page check decides.
        if _fails_page_check(engine):
            raise damaged(db_path) from None
        raise


def _fails_page_check(engine: Engine) -> bool:
    try:
        return bool(integrity_problems(engine))
    except DBAPIError:
        return True


# cipher_integrity_check's answer for a MEMORY database: no pages on disk to check.
_NO_FILE = "database file is undefined"


def integrity_problems(engine: Engine) -> list[str]:
    """SQLCipher's page HMAC check and SQLite's structural check; empty when all is well."""
    problems: list[str] = []
    with engine.connect() as conn:
        for pragma in ("cipher_integrity_check", "integrity_check"):
            # integrity_check gives its findings as lines of one row, under a header line.
            try:
                lines = [
                    line.strip()
                    for row in conn.execute(text(f"PRAGMA {pragma}"))
                    for line in str(row[0]).splitlines()
                ]
            except DBAPIError as exc:
                if not is_damage(exc):
                    raise
                # e.g. the FTS5 index cannot even be opened; the HMAC check above says where.
                lines = ["stopped at a damaged page"]
            problems.extend(
                f"{pragma}: {line}"
                for line in lines
                if line
                and line.lower() != "ok"
                and not line.startswith("*** in database")
                and line != _NO_FILE
            )
    return problems
