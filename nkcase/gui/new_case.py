"""Creating a case from the window: ask for the interviewee's name, create it on the worker."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QWidget

from nkcase.redaction.hangul import is_hangul_text
from nkcase.services import editing
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)


class NewCaseDialog(QInputDialog):
    """The interviewee's name, which a case needs in either script (see the case-file spec).

    The name goes into the sealed identity only: the window title, the tab and the list show
    the pseudonym. OK stays disabled while the name is blank.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCaseDialog")
        self.setInputMode(QInputDialog.InputMode.TextInput)
        self.setWindowTitle(self.tr("New case"))
        self.setLabelText(
            self.tr(
                "The interviewee's name, in Latin letters or in Hangul. It stays inside the "
                "vault: the case list and the window show only a pseudonym."
            )
        )
        self.setOkButtonText(self.tr("Create"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ok_guarded = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._ok_guarded:
            return
        # The buttons exist once the dialog is shown.
        buttons = self.findChild(QDialogButtonBox)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok) if buttons is not None else None
        if ok is not None:
            self._ok_guarded = True
            ok.setEnabled(bool(self.textValue().strip()))
            self.textValueChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))


def create_case_op(name: str) -> Callable[[Vault], tuple[int, str]]:
    """The worker operation creating a case for the interviewee ``name`` (either script);
    it returns the new case's id and pseudonym."""
    korean = is_hangul_text(name)

    def op(vault: Vault) -> tuple[int, str]:
        with vault.session() as session:
            case = editing.create_case(
                session,
                name=None if korean else name,
                name_ko=name if korean else None,
                actor="gui",
            )
            return case.id, case.pseudonym

    return op
