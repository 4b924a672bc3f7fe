"""The main window's actions and menu bar: File, Vault (when this build has it) and Help."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from nkcase.gui.optional_parts import add_vault_menu

log = logging.getLogger(__name__)


class MainMenus(QObject):
    """Builds the menu bar of ``window``; the window connects the actions to what they do.

    Not a widget: the window calls :meth:`retranslate` when the language changes.
    """

    def __init__(self, window: QMainWindow, worker: Any, panic_shortcut: str) -> None:
        super().__init__(window)
        self.new_case_action = QAction(window)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.export_action = QAction(window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        # The key itself is caught by PanicKey (works over modal dialogs); the menu shows it.
        self.lock_action = QAction(window)
        self.lock_action.setObjectName("panicLock")
        self.lock_action.setShortcut(QKeySequence(panic_shortcut))
        self.settings_action = QAction(window)
        self.quit_action = QAction(window)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.about_action = QAction(window)

        bar = window.menuBar()
        self.file_menu = QMenu(window)
        for action in (self.new_case_action, self.export_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        bar.addMenu(self.file_menu)
        self.vault_menu = add_vault_menu(bar, worker, window)
        self.help_menu = QMenu(window)
        self.help_menu.addAction(self.about_action)
        bar.addMenu(self.help_menu)
        self.retranslate()

    def set_unlocked(self, on: bool) -> None:
        """Case and vault actions only while the vault is open (Export also needs a selection,
        which the window decides)."""
        self.new_case_action.setEnabled(on)
        self.lock_action.setEnabled(on)
        if self.vault_menu is not None:
            self.vault_menu.setEnabled(on)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        if self.vault_menu is not None:
            self.vault_menu.setTitle(self.tr("&Vault"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.new_case_action.setText(self.tr("&New case"))
        self.export_action.setText(self.tr("&Export packet…"))
        self.lock_action.setText(self.tr("&Lock now"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("Protection in the field"))
