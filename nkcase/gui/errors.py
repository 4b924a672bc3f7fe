"""What the GUI shows for a failure: a translated headline above the translated detail.

The core (no Qt) writes its messages in English; they carry the specifics a reader needs (a
path, a JSON path, a case pseudonym, a field key). The GUI puts one translated sentence per
error class above that detail, and translates the detail itself through its template
(:mod:`nkcase.gui.error_details`), so an interviewer working in Korean reads both in Korean with
the specifics unchanged::

    내보내기가 거부되었습니다.
    W-EED0: 유출 검사에서 narratives/W-N4NR.en.txt에 등록된 고향이(가) 발견되어 ...

Every :class:`NkcaseError` subclass has a headline of its own (tests/gui/test_errors.py walks
the subclasses); a class added later without one gets its nearest ancestor's.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nkcase import errors as e
from nkcase.gui.error_details import translate_detail
from nkcase.packets.leaks import LeakRefused
from nkcase.packets.sshsig import SignatureError
from nkcase.vault.anchor import VaultRolledBack

CONTEXT = "Errors"

GENERIC_FAILURE = QT_TRANSLATE_NOOP(
    "DbWorker", "Something unexpected went wrong; the details were logged without case content."
)

# QT_TRANSLATE_NOOP returns its text unchanged (typed ``object`` by the stubs).
HEADLINES: dict[type[e.NkcaseError], object] = {
    e.NkcaseError: QT_TRANSLATE_NOOP("Errors", "The operation could not be completed."),
    e.UsageError: QT_TRANSLATE_NOOP("Errors", "The request could not be carried out."),
    e.VaultError: QT_TRANSLATE_NOOP("Errors", "There is a problem with the vault."),
    e.VaultNotFound: QT_TRANSLATE_NOOP("Errors", "No vault was found."),
    e.VaultExists: QT_TRANSLATE_NOOP("Errors", "A vault already exists there."),
    e.WrongPassphrase: QT_TRANSLATE_NOOP("Errors", "Wrong passphrase."),
    e.WrongRecoveryKey: QT_TRANSLATE_NOOP("Errors", "Wrong recovery key."),
    e.WeakPassphrase: QT_TRANSLATE_NOOP("Errors", "This passphrase is too weak."),
    e.KeyFileDamaged: QT_TRANSLATE_NOOP("Errors", "The vault's key file is damaged."),
    e.DatabaseDamaged: QT_TRANSLATE_NOOP("Errors", "The vault's database is damaged."),
    e.UnsupportedFormat: QT_TRANSLATE_NOOP("Errors", "This format is not supported."),
    e.CaseFileError: QT_TRANSLATE_NOOP("Errors", "The case file is not valid."),
    e.CaseNotFound: QT_TRANSLATE_NOOP("Errors", "The case was not found."),
    e.ExportRefused: QT_TRANSLATE_NOOP("Errors", "The export was refused."),
    e.PacketInvalid: QT_TRANSLATE_NOOP("Errors", "The packet failed verification."),
    SignatureError: QT_TRANSLATE_NOOP("Errors", "The packet's signature does not verify."),
    LeakRefused: QT_TRANSLATE_NOOP("Errors", "The export was refused: identifying text was found."),
    e.IntegrityError: QT_TRANSLATE_NOOP("Errors", "The integrity check found a problem."),
    e.InvalidEdit: QT_TRANSLATE_NOOP("Errors", "The change was not saved: a value is not valid."),
    e.VaultLocked: QT_TRANSLATE_NOOP("Errors", "The vault is locked."),
    e.VaultBusy: QT_TRANSLATE_NOOP("Errors", "The vault is open in another program or window."),
    e.AttachmentDamaged: QT_TRANSLATE_NOOP("Errors", "An attachment is damaged."),
    e.BackupDamaged: QT_TRANSLATE_NOOP("Errors", "The backup is damaged."),
    e.KeySlotError: QT_TRANSLATE_NOOP("Errors", "The key slot change was refused."),
    e.DiskFull: QT_TRANSLATE_NOOP("Errors", "The disk is full."),
    e.ReadOnlyMedia: QT_TRANSLATE_NOOP("Errors", "The vault is on read-only media."),
    VaultRolledBack: QT_TRANSLATE_NOOP("Errors", "The vault is older than its last saved state."),
}


def headline(error: BaseException) -> str:
    """The translated one-sentence headline for ``error`` (its class or nearest ancestor)."""
    if not isinstance(error, e.NkcaseError) and e.is_disk_full(error):
        error = e.disk_full(None)
    if isinstance(error, e.NkcaseError):
        for cls in type(error).__mro__:
            text = HEADLINES.get(cls)
            if text is not None:
                return QCoreApplication.translate(CONTEXT, str(text))
    return QCoreApplication.translate("DbWorker", str(GENERIC_FAILURE))


def user_message(error: BaseException) -> str:
    """What to show for a failure: the translated headline, then the translated detail (if any).

    Anything but an :class:`NkcaseError` gets the generic sentence only: its message may quote
    case text and is never shown or logged.
    """
    if not isinstance(error, e.NkcaseError) and e.is_disk_full(error):
        # A full disk met below the core's own checks (a driver error): the one disk-full path.
        error = e.disk_full(getattr(error, "filename", None))
    title = headline(error)
    if not isinstance(error, e.NkcaseError):
        return title
    detail = translate_detail(str(error).strip())
    return f"{title}\n{detail}" if detail and detail != title else title


__all__ = ["GENERIC_FAILURE", "HEADLINES", "headline", "user_message"]
