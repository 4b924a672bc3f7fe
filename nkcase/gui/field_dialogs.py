"""The Vault menu: backup, restore, key slots, recovery key, rekey, duress; the backup reminder.

Every vault operation runs on the DB worker (``worker.submit``); these widgets only ask, show
progress and report. Secrets typed here go straight to the worker and are not kept.

Texts of the module-level functions are in the "VaultMenu" translation context (written out as
``QCoreApplication.translate("VaultMenu", ...)`` so that lupdate finds them); the dialog's are
in "KeySlotsDialog" (``self.tr``, in key_slots.py); shared prompts are in vault_prompts.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QMenu,
    QMessageBox,
    QWidget,
)

from nkcase.gui import file_dialogs
from nkcase.gui.key_slots import KeySlotsDialog
from nkcase.gui.vault_prompts import (
    ask_secret,
    progress_dialog,
    show_error,
)
from nkcase.services import backup
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)


def backup_reminder_due(vault: Vault) -> str:
    """Why a backup is due: "never" (cases, never backed up), "stale" (last one over a week
    old), or "" when none is due. Worker thread."""
    if not backup.backup_due(vault):
        return ""
    return "never" if backup.last_backup(vault) is None else "stale"


def start_backup(
    worker: Any,
    parent: QWidget | None,
    out: Path,
    on_done: Callable[[backup.BackupInfo], None] | None = None,
) -> int:
    """Write a backup to ``out`` on the worker, with a progress dialog."""
    progress = progress_dialog(
        parent, QCoreApplication.translate("VaultMenu", "Writing the backup…")
    )

    def finished(info: backup.BackupInfo) -> None:
        progress.close()
        if on_done is not None:
            on_done(info)
        else:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("VaultMenu", "Backup"),
                QCoreApplication.translate("VaultMenu", "Backup written to %1 (%2 MiB).")
                .replace("%1", str(info.path))
                .replace("%2", f"{info.size / 2**20:.1f}"),
            )

    def failed(exc: BaseException) -> None:
        progress.close()
        show_error(parent, exc)

    return int(
        worker.submit(
            lambda vault, report: backup.write_backup(vault, out, progress=report),
            on_success=finished,
            on_failure=failed,
            on_progress=lambda done, total: progress.setValue(100 * done // max(total, 1)),
        )
    )


def backup_action(worker: Any, parent: QWidget | None) -> None:
    name = file_dialogs.get_save_file_name(
        parent,
        QCoreApplication.translate("VaultMenu", "Back up the vault"),
        "vault-backup.nkbak",
        QCoreApplication.translate("VaultMenu", "nkcase backups (*.nkbak)"),
    )
    if name:
        start_backup(worker, parent, Path(name))


def start_restore(
    worker: Any,
    parent: QWidget | None,
    source: Path,
    folder: Path,
    passphrase: str,
    on_done: Callable[[backup.RestoreInfo], None] | None = None,
) -> int:
    """Restore ``source`` into ``folder`` (a new or empty folder) on the worker; no vault needed."""

    def finished(info: backup.RestoreInfo) -> None:
        if on_done is not None:
            on_done(info)
        else:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("VaultMenu", "Restore"),
                QCoreApplication.translate(
                    "VaultMenu", "Restored %1 cases into %2. Open that folder to use it."
                )
                .replace("%1", str(info.cases))
                .replace("%2", str(info.folder)),
            )

    return int(
        worker.run(
            lambda: backup.restore_backup(source, folder, passphrase=passphrase),
            on_success=finished,
            on_failure=lambda exc: show_error(parent, exc),
        )
    )


def restore_action(worker: Any, parent: QWidget | None) -> None:
    name = file_dialogs.get_open_file_name(
        parent,
        QCoreApplication.translate("VaultMenu", "Restore a backup"),
        "",
        QCoreApplication.translate("VaultMenu", "nkcase backups (*.nkbak);;All files (*)"),
    )
    if not name:
        return
    folder = file_dialogs.get_existing_directory(
        parent, QCoreApplication.translate("VaultMenu", "Restore into an empty folder")
    )
    if not folder:
        return
    secret = ask_secret(
        parent,
        QCoreApplication.translate("VaultMenu", "Restore"),
        QCoreApplication.translate("VaultMenu", "Passphrase of the backup:"),
    )
    if secret is not None:
        start_restore(worker, parent, Path(name), Path(folder), secret)


# -- key slots ----------------------------------------------------------------------------


class VaultMenu(QObject):
    """The Vault menu's actions, retranslated when the language changes.

    The main window owns the menu and its title; a menu handed over without a title gets one.
    """

    def __init__(self, menu: QMenu, worker: Any, parent: QWidget | None) -> None:
        super().__init__(menu)
        self.menu = menu
        self._owns_title = not menu.title()
        self.backup_action: QAction = menu.addAction("")
        self.backup_action.triggered.connect(lambda: backup_action(worker, parent))
        self.restore_action: QAction = menu.addAction("")
        self.restore_action.triggered.connect(lambda: restore_action(worker, parent))
        menu.addSeparator()
        self.key_slots_action: QAction = menu.addAction("")
        self.key_slots_action.triggered.connect(lambda: open_key_slots(worker, parent))
        menu.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        if self._owns_title:
            self.menu.setTitle(self.tr("&Vault"))
        self.backup_action.setText(self.tr("&Back up…"))
        self.restore_action.setText(self.tr("&Restore a backup…"))
        self.key_slots_action.setText(self.tr("&Key slots, recovery key, duress…"))


def open_key_slots(worker: Any, parent: QWidget | None) -> None:
    """Show the key slots dialog modally; it is deleted when closed (a lock closes it too)."""
    dialog = KeySlotsDialog(worker, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()


def add_vault_menu_actions(menu: QMenu, worker: Any, parent: QWidget | None) -> VaultMenu:
    """Fill the main window's Vault menu."""
    return VaultMenu(menu, worker, parent)
