"""Small dialogs shared by the Vault menu and the key-slots dialog: errors, secrets, progress.

Texts are in the "VaultMenu" translation context.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from nkcase.errors import NkcaseError
from nkcase.gui.errors import user_message

log = logging.getLogger(__name__)

APP_NAME = "nkcase"  # a name, not translated


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """The translated headline and detail of an NkcaseError; one generic sentence otherwise."""
    message = (
        user_message(exc)
        if isinstance(exc, NkcaseError)
        else QCoreApplication.translate("VaultMenu", "The operation failed.")
    )
    QMessageBox.warning(parent, APP_NAME, message)


def ask_secret(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def ask_new_secret(parent: QWidget | None, title: str) -> str | None:
    first = ask_secret(parent, title, QCoreApplication.translate("VaultMenu", "New passphrase:"))
    if first is None:
        return None
    if ask_secret(parent, title, QCoreApplication.translate("VaultMenu", "Repeat it:")) != first:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("VaultMenu", "The two entries differ; nothing was changed."),
        )
        return None
    return first


def progress_dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "", 0, 100, parent)
    dialog.setCancelButton(None)  # these operations are safe to interrupt only by a crash
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    return dialog


def show_secret_once(parent: QWidget | None, title: str, intro: str, secret: str) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setText(intro)
    box.setInformativeText(secret)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


# -- backup and restore -------------------------------------------------------------------
