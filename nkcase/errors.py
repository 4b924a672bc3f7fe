"""User-facing errors.

Every foreseeable failure is an :class:`NkcaseError` whose ``str()`` is a complete, readable
message for the person at the keyboard. The CLI prints it and exits non-zero; the GUI shows it.
Messages never contain case content, names or passphrases.
"""

from __future__ import annotations

import traceback


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
    """A case file that does not follow case-file-v1; the message names the JSON path."""

    def __init__(self, path: str, problem: str, source: str = "") -> None:
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
