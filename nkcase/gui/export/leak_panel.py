"""A leak-check refusal the reviewer can fix: the text found (on screen only), and one button
that redacts it in its case for all occurrences. A term in a structured field of a case (a
deployment's region) is not redacted by review: no button then, a note to edit that field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nkcase.gui.export import ops
from nkcase.gui.worker import DbWorker, user_message
from nkcase.packets.leaks import field_of


class LeakFixPanel(QWidget):
    """Shown under the preview after a leak-check refusal. The text found never leaves the
    screen: no signal carries it, nothing logs it."""

    #: the text was redacted in its case; build the packet again.
    redacted = Signal()
    #: ``str``: a user-facing reason the redaction could not be stored.
    redact_failed = Signal(str)

    def __init__(
        self, worker: DbWorker, case_ids: Callable[[], list[int]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("leak_fix")
        self.worker = worker
        self._case_ids = case_ids
        self.leak: ops.Leak | None = None
        self.found_label = QLabel()
        self.found_label.setObjectName("leak_found")
        self.found_label.setWordWrap(True)
        self.found_label.setTextFormat(Qt.TextFormat.PlainText)
        self.found_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.redact_button = QPushButton()
        self.redact_button.clicked.connect(self.redact_found)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.found_label)
        row = QHBoxLayout()
        row.addWidget(self.redact_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()

    def clear(self) -> None:
        self.leak = None
        self.found_label.clear()
        self.redact_button.setText("")
        self.hide()

    def show_leak(self, leak: ops.Leak) -> None:
        self.leak = leak
        self.found_label.setText(
            self.tr("Found “%1” in %2 (shown on this screen only, never logged).")
            .replace("%2", leak.where or self.tr("the packet"))
            .replace("%1", leak.found)
        )
        self.redact_button.setEnabled(False)
        self.redact_button.show()
        self.show()
        place = field_of(leak.where)
        if place is not None and not place.text:
            # Review only acts on narratives and evidence: redacting would change nothing here.
            self.redact_button.hide()
            note = (
                self.tr(
                    "This is a field of the case (%1), not a text: edit it on the case's %2 tab, "
                    "then build the packet again."
                )
                if place.tab
                else self.tr(
                    "This is a field of the case (%1), not a text: edit it in the case, then "
                    "build the packet again."
                )
            )
            tab = QCoreApplication.translate("CaseEditor", place.tab) if place.tab else ""
            self.found_label.setText(
                self.found_label.text() + "\n" + note.replace("%2", tab).replace("%1", place.label)
            )
            return
        if leak.pseudonym is not None:
            self._offer_redaction([leak.pseudonym])
        else:  # a PDF page or a JSON file: find the case whose text still holds it
            self.worker.submit(
                ops.cases_containing(self._case_ids(), leak.found),
                self._offer_redaction,
                lambda _exc: self._offer_redaction([]),
            )

    def _offer_redaction(self, pseudonyms: list[str]) -> None:
        if self.leak is None:
            return
        if not pseudonyms:
            self.redact_button.setText(self.tr("Redact this text in its case"))
            self.redact_button.setToolTip(
                self.tr("The case could not be told; review the redactions of each case.")
            )
            return
        self.leak = replace(self.leak, pseudonym=pseudonyms[0])
        self.redact_button.setText(self.tr("Redact this text in %1").replace("%1", pseudonyms[0]))
        self.redact_button.setToolTip(
            self.tr("Redact every occurrence in %1, then build the packet again.").replace(
                "%1", pseudonyms[0]
            )
        )
        self.redact_button.setEnabled(True)

    def redact_found(self) -> None:
        """Accept the text found for redaction in its case (all occurrences)."""
        leak = self.leak
        if leak is None or leak.pseudonym is None:
            return
        self.redact_button.setEnabled(False)
        self.worker.submit(
            ops.redact_everywhere(leak.pseudonym, leak.found, leak.category),
            lambda _case_id: self.redacted.emit(),
            self._on_redact_failed,
        )

    def _on_redact_failed(self, exc: BaseException) -> None:
        self.redact_button.setEnabled(True)
        self.redact_failed.emit(user_message(exc))
