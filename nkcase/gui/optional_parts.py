"""Parts of the window that other modules provide, loaded if this build has them.

The shell runs without them: no case editor shows a notice, no export dialog disables Export,
no field dialogs means no Vault menu and no backup reminder.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from nkcase.errors import describe_exception

log = logging.getLogger(__name__)


def optional(module: str, name: str | None = None) -> Any:
    """A part built by another engineer, or None while it is not in this build."""
    try:
        found = importlib.import_module(module)
    except ImportError:
        return None
    return getattr(found, name, None) if name else found


def editor_class() -> Any:
    return optional("nkcase.gui.editor", "CaseEditor")


def export_dialog_class() -> Any:
    return optional("nkcase.gui.export", "ExportDialog")


def field_dialogs() -> Any:
    return optional("nkcase.gui.field_dialogs")


def add_vault_menu(bar: QMenuBar, worker: Any, parent: QWidget) -> QMenu | None:
    """The Vault menu (backup, restore, key slots...) if the field dialogs provide it."""
    field = field_dialogs()
    if field is None or not hasattr(field, "add_vault_menu_actions"):
        return None
    menu = QMenu(parent)
    try:
        field.add_vault_menu_actions(menu, worker, parent)
        bar.addMenu(menu)
    except Exception as exc:
        log.error("the Vault menu could not be built: %s", describe_exception(exc))
        return None
    return menu


def backup_reminder_check() -> Callable[[Any], object] | None:
    """The worker operation telling whether a backup is due, if the field dialogs have one."""
    return getattr(field_dialogs(), "backup_reminder_due", None)
