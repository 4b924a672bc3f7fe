"""User-facing errors.

Every foreseeable failure is an :class:`NkcaseError` whose ``str()`` is a complete, readable
message for the person at the keyboard. The CLI prints it and exits non-zero; the GUI shows it.
Messages never contain case content, names or passphrases.
"""

from __future__ import annotations

import errno
import os
import shutil
import traceback
from pathlib import Path


def describe_exception(exc: BaseException) -> str:
    """Type and stack frames only: never the exception's message (it can quote case text)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.name}@{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames[-6:])
    return f"{type(exc).__module__}.{type(exc).__qualname__} at {where or '?'}"


class NkcaseError(Exception):
    """Base of every error a user may see. ``exit_code`` is what the CLI returns."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(NkcaseError):
    exit_code = 2


class VaultError(NkcaseError):
    """Something about the vault folder itself."""


class VaultNotFound(VaultError):
    pass


class VaultExists(VaultError):
    pass


class WrongPassphrase(VaultError):
    exit_code = 3


class WrongRecoveryKey(VaultError):
    exit_code = 3


class WeakPassphrase(NkcaseError):
    """A passphrase refused at creation or change; the message gives the reason."""


class KeyFileDamaged(VaultError):
    exit_code = 4


class DatabaseDamaged(VaultError):
    exit_code = 4


class UnsupportedFormat(NkcaseError):
    exit_code = 4


class CaseFileError(NkcaseError):
    """A case file that does not follow case-file-v1; the message names the JSON path.

    The path is shown escaped and each of its keys cut short (a key is input too: an unknown
    key may hold terminal escapes or a name); the value is never shown.
    """

    def __init__(self, path: str, problem: str, source: str = "") -> None:
        path = _safe_json_path(path)
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{path}: {problem}")
        self.path = path
        self.problem = problem


class CaseNotFound(NkcaseError):
    pass


class ExportRefused(NkcaseError):
    """An export blocked by consent, review state or the leak check; nothing was written.

    ``found`` holds the text the leak check matched, kept out of the message (messages may be
    logged): the CLI shows it on the terminal of the person exporting, so they can fix it.
    """

    exit_code = 5

    def __init__(
        self,
        message: str,
        found: str | None = None,
        where: str | None = None,
        category: str | None = None,
    ) -> None:
        super().__init__(message)
        self.found = found
        self.where = where  # the packet file the leak check found it in
        self.category = category  # the registered term's category


class PacketInvalid(NkcaseError):
    """A packet that fails verification; the message names the first failure."""

    exit_code = 6


class IntegrityError(NkcaseError):
    """`nkcase check` found a problem (audit chain, database integrity)."""

    exit_code = 7


class InvalidEdit(NkcaseError):
    """An edit refused by validation; the message names the field, never the value."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class VaultLocked(VaultError):
    """An operation asked for the vault while it is locked (the GUI's auto-lock or panic lock)."""


class AttachmentDamaged(NkcaseError):
    """An attachment whose stored chunks fail their checksums; nothing from it was used."""

    exit_code = 4


class BackupDamaged(NkcaseError):
    """A backup file that fails its checks (truncated, altered, not a backup); nothing written."""

    exit_code = 4


class KeySlotError(NkcaseError):
    """A key-slot change refused (last passphrase, unknown slot, duress clash); nothing changed."""


class VaultBusy(VaultError):
    """The vault is open elsewhere (or being rekeyed or restored); this needs it alone."""


class DiskFull(NkcaseError):
    """The disk (or the user's quota) is full. Never reported as damage: restoring a backup
    would throw away newer work. Whatever was under way was rolled back. Made by
    :func:`disk_full`."""

    exit_code = 8


class ReadOnlyMedia(VaultError):
    """A change asked of a vault on read-only media (a write-protected USB stick, a CD).
    Made by :func:`read_only_media`."""


def read_only_media(folder: str | os.PathLike[str]) -> ReadOnlyMedia:
    return ReadOnlyMedia(
        f"This vault is on read-only media ({folder}): it can be read and searched, but not "
        "changed, and exports are refused too (each is recorded in the vault). Copy the vault "
        "folder to a writable disk to change or export from it. Nothing was changed."
    )


# -- telling a full disk apart from damage ----------------------------------------------------
# ENOSPC and EDQUOT on POSIX; ERROR_HANDLE_DISK_FULL (39) and ERROR_DISK_FULL (112) on Windows.
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_FULL_WINERRORS = {39, 112}
_SQLITE_FULL = "database or disk is full"
# Free space below which an unspecific I/O error from SQLite is taken for a full disk: SQLite
# reports a full disk met while sizing its shared-memory file as a plain "disk I/O error".
NEARLY_FULL_BYTES = 8 << 20


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or any(item is s for s in seen) or len(seen) > 20:
            continue
        seen.append(item)
        todo += [getattr(item, "orig", None), item.__cause__, item.__context__]
    return seen


def is_disk_full(exc: BaseException) -> bool:
    """True for ENOSPC/EDQUOT, Windows' disk-full errors and SQLite's SQLITE_FULL, anywhere in
    the exception's chain (a driver error wrapped by SQLAlchemy, an OSError re-raised)."""
    for item in _chain(exc):
        if isinstance(item, DiskFull):
            return True
        if isinstance(item, OSError) and (
            item.errno in _FULL_ERRNOS or getattr(item, "winerror", None) in _FULL_WINERRORS
        ):
            return True
        if not isinstance(item, NkcaseError) and _SQLITE_FULL in str(item).lower():
            return True
    return False


def volume_of(path: str | os.PathLike[str]) -> str:
    """The mount point (or drive) ``path`` is on, for "free space on ..."."""
    current = Path(os.path.abspath(path))
    while not current.exists() and current != current.parent:
        current = current.parent
    while current != current.parent and not os.path.ismount(current):
        current = current.parent
    return str(current)


def nearly_full(path: str | os.PathLike[str]) -> bool:
    """Whether the volume holding ``path`` has (almost) no room left; False if unknown."""
    try:
        return shutil.disk_usage(volume_of(path)).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def disk_full(path: str | os.PathLike[str] | None) -> DiskFull:
    """The one disk-full error, naming the volume ``path`` is on (when known)."""
    if path is None:
        return DiskFull("The disk is full: free space and try again. Nothing was changed.")
    return DiskFull(
        f"The disk is full: free space on {volume_of(path)} and try again. Nothing was changed."
    )


# -- making a JSON path from input safe to show ---------------------------------------------
KEY_SHOWN_CHARS = 32


def _safe_json_path(path: str) -> str:
    from nkcase.textsafe import printable

    parts = str(path).split(".")
    return ".".join(printable(part, limit=KEY_SHOWN_CHARS) for part in parts)
