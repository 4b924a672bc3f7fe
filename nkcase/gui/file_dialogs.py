"""Open/save/folder dialogs that leave no trace of where files went.

Qt's file dialog remembers the folders it visited in ``QtProject.conf`` (``[FileDialog]``
``history=`` and ``lastVisited=``), outside the app's own settings, and a native GTK dialog adds
the chosen file to ``recently-used.xbel``. A folder's name can say what is in it (and a packet's
name names its target), so every file dialog of nkcase goes through here: Qt's own dialog (never
the native one) and, once it is gone, the remembered folders are removed again.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

log = logging.getLogger(__name__)

#: The keys Qt 6 writes into the ``FileDialog`` group that name visited folders.
TRACE_KEYS = ("FileDialog/history", "FileDialog/lastVisited")


def forget_visited_folders() -> None:
    """Remove the file dialogs' folder history from Qt's own user settings."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    for key in TRACE_KEYS:
        settings.remove(key)
    settings.sync()


def _run(dialog: QFileDialog) -> list[str]:
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = list(dialog.selectedFiles()) if accepted else []
    finally:
        # Qt writes its history when the dialog is destroyed: destroy it now, then forget.
        shiboken6.delete(dialog)
        forget_visited_folders()
    return chosen


def _dialog(parent: QWidget | None, caption: str, directory: str, filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, filter)
    dialog.setObjectName("nkcaseFileDialog")
    return dialog


def get_save_file_name(
    parent: QWidget | None, caption: str, path: str = "", filter: str = ""
) -> str:
    """The file the user chose to write (``""`` if cancelled); ``path`` is the suggested one."""
    dialog = _dialog(parent, caption, path, filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def get_open_file_name(
    parent: QWidget | None, caption: str, directory: str = "", filter: str = ""
) -> str:
    """An existing file the user chose to read (``""`` if cancelled)."""
    dialog = _dialog(parent, caption, directory, filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def get_existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """A folder the user chose (``""`` if cancelled)."""
    dialog = _dialog(parent, caption, directory, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""
