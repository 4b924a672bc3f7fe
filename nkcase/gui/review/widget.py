"""The redaction review screen."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nkcase.gui.editor.highlight import SpanHighlighter, format_for, utf16_offsets
from nkcase.gui.editor.history import field_label
from nkcase.gui.editor.models import Column, RecordsModel
from nkcase.gui.editor.people import _table
from nkcase.gui.review import ops
from nkcase.gui.worker import DbWorker, user_message
from nkcase.redaction import api as redaction

log = logging.getLogger(__name__)


class TokenHighlighter(SpanHighlighter):
    """Paints the replacement tokens in the redacted text."""

    def set_ranges(self, ranges: list[tuple[int, int, str]], text: str) -> None:
        to_qt = utf16_offsets(text)
        self._ranges = [(to_qt(a), to_qt(b), status) for a, b, status in ranges]
        self.rehighlight()


class RedactionReview(QWidget):
    """Every suggestion listed with its source and category; accept, reject, or accept all."""

    #: ``list[int]``: the case to export (the button is enabled only when nothing is pending).
    export_requested = Signal(list)
    #: emitted after decisions were stored in the vault.
    decisions_changed = Signal()
    #: ``int``: suggestions still waiting for a decision, after each refresh.
    pending_changed = Signal(int)

    def __init__(self, worker: DbWorker, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.case_id = case_id
        self.state: ops.ReviewState | None = None
        self.items: list[tuple[str, redaction.Span]] = []

        self.counter = QLabel()
        self.counter.setObjectName("review_counter")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit([self.case_id]))
        top = QHBoxLayout()
        top.addWidget(self.counter, 1)
        top.addWidget(self.export_button)

        self.model = RecordsModel(
            [
                Column("field", self.tr("Where")),
                Column("text", self.tr("Found")),
                Column("category", self.tr("Category")),
                Column("source", self.tr("Source")),
                Column("status", self.tr("Decision")),
            ],
            self,
        )
        self.view = _table(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show(cur.row()))

        self.original = QPlainTextEdit()
        self.original.setReadOnly(True)
        self.original.setObjectName("review_original")
        self.redacted = QPlainTextEdit()
        self.redacted.setReadOnly(True)
        self.redacted.setObjectName("review_redacted")
        self._orig_hl = SpanHighlighter(self.original.document())
        self._red_hl = TokenHighlighter(self.redacted.document())
        self._shown_field: str | None = None

        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.accept_all_button = QPushButton(self.tr("Accept all occurrences"))
        self.reject_all_button = QPushButton(self.tr("Reject all occurrences"))
        self.next_button = QPushButton(self.tr("Next unreviewed"))
        self.accept_button.clicked.connect(lambda: self.decide("accept", "span"))
        self.reject_button.clicked.connect(lambda: self.decide("reject", "span"))
        self.accept_all_button.clicked.connect(lambda: self.decide("accept", "all"))
        self.reject_all_button.clicked.connect(lambda: self.decide("reject", "all"))
        self.next_button.clicked.connect(self.next_pending)
        self.accept_button.setShortcut("A")
        self.reject_button.setShortcut("R")
        self.next_button.setShortcut("N")
        buttons = QHBoxLayout()
        for b in (
            self.accept_button,
            self.reject_button,
            self.accept_all_button,
            self.reject_all_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)

        texts = QSplitter()
        for title, edit in ((self.tr("Original"), self.original),
                            (self.tr("As exported"), self.redacted)):  # fmt: skip
            pane = QWidget()
            pl = QVBoxLayout(pane)
            pl.setContentsMargins(0, 0, 0, 0)
            pl.addWidget(QLabel(f"<b>{title}</b>"))
            pl.addWidget(edit)
            texts.addWidget(pane)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(texts)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.worker.submit(ops.load(self.case_id), self._on_state, self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.counter.setText(user_message(exc))

    def _on_state(self, state: ops.ReviewState) -> None:
        keep = self.view.currentIndex().row()
        self.state = state
        self.items = state.suggestions
        self.model.set_rows(
            [
                {
                    "id": i,
                    "field": field_label(state.case, key),
                    "text": span.text,
                    "category": self._category_label(span.category),
                    "source": self._source_label(span.source),
                    "status": self._status_label(span.status),
                }
                for i, (key, span) in enumerate(self.items)
            ]
        )
        pending = len(state.pending)
        total = len(self.items)
        self.counter.setText(
            self.tr("%1 of %2 suggestions remain to be reviewed")
            .replace("%1", str(pending))
            .replace("%2", str(total))
            if pending
            else self.tr(
                "All %1 suggestions reviewed; registered terms are replaced automatically."
            ).replace("%1", str(total))
        )
        self._shown_field = None
        if self.items:
            self._select(min(max(keep, 0), len(self.items) - 1))
        elif state.fields:
            self._show_field(next(iter(state.fields)), None)
        self._update_buttons()
        self.pending_changed.emit(pending)

    def _category_label(self, category: str) -> str:
        return {
            "witness_name": self.tr("witness's name"),
            "relative_name": self.tr("relative's name"),
            "hometown": self.tr("hometown"),
            "phone": self.tr("phone number"),
            "case_ref": self.tr("case reference"),
            "relative_location": self.tr("relative's location"),
            "relative_detail": self.tr("identifying detail"),
            "interview_place": self.tr("interview place"),
            "interviewer": self.tr("interviewer"),
            "dob": self.tr("date of birth"),
            "birth_date": self.tr("date of birth"),
            "passport": self.tr("document number"),
            "id_number": self.tr("document number"),
            "email": self.tr("e-mail address"),
            "name": self.tr("possible name"),
            "work_unit": self.tr("work unit"),
            "village": self.tr("village"),
            "employer": self.tr("employer"),
            "event": self.tr("event"),
            "place": self.tr("place"),
            "organisation": self.tr("organisation"),
            "other": self.tr("other"),
        }.get(category, category.replace("_", " "))

    def _source_label(self, source: str) -> str:
        return {
            "registry": self.tr("registered term"),
            "pattern": self.tr("pattern"),
            "suggestion": self.tr("name suggestion"),
        }.get(source, source)

    def _status_label(self, status: str) -> str:
        return {
            "pending": self.tr("to review"),
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
            "auto": self.tr("automatic"),
        }.get(status, status)

    @property
    def pending_count(self) -> int:
        return len(self.state.pending) if self.state else -1

    def _update_buttons(self) -> None:
        pending = self.pending_count
        has_item = self.current() is not None
        for b in (self.accept_button, self.reject_button, self.accept_all_button,
                  self.reject_all_button):  # fmt: skip
            b.setEnabled(has_item)
        self.next_button.setEnabled(pending > 0)
        self.export_button.setEnabled(pending == 0)
        if pending < 0:
            self.export_button.setText(self.tr("Export…"))
            self.export_button.setToolTip(self.tr("Checking the redactions…"))
        elif pending:
            self.export_button.setText(
                self.tr("Export: %n suggestion(s) still to review", "", pending)
            )
            self.export_button.setToolTip(
                self.tr("Every suggestion needs a decision before this case can be exported.")
            )
        else:
            self.export_button.setText(self.tr("Export…"))
            self.export_button.setToolTip(self.tr("Choose the target and preview the packet."))

    # -- showing ----------------------------------------------------------------------------
    def current(self) -> tuple[str, redaction.Span] | None:
        row = self.view.currentIndex().row()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _select(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._show(row)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.items):
            key, span = self.items[row]
            self._show_field(key, span)
        self._update_buttons()

    def _show_field(self, key: str, span: redaction.Span | None) -> None:
        assert self.state is not None
        f = self.state.fields[key]
        if self._shown_field != key:
            self._shown_field = key
            self.original.setPlainText(f.original)
            self.redacted.setPlainText(f.redacted)
            self._orig_hl.set_spans(f.spans, f.original)
            self._red_hl.set_ranges(ops.token_ranges(f.spans), f.redacted)
        if span is not None:
            to_qt = utf16_offsets(f.original)
            cursor = QTextCursor(self.original.document())
            cursor.setPosition(to_qt(span.start))
            cursor.setPosition(to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
            self.original.setTextCursor(cursor)
            self.original.centerCursor()

    # -- deciding ---------------------------------------------------------------------------
    def decide(self, verdict: str, scope: str) -> None:
        item = self.current()
        if item is None or self.state is None:
            return
        key, span = item
        original = self.state.fields[key].original
        decision = redaction.decide(
            span,
            "accept" if verdict == "accept" else "reject",
            scope="all" if scope == "all" else "span",
            field_key=key,
            original=original,
        )
        self.worker.submit(ops.store(self.case_id, [decision]), self._on_decided, self._on_failed)

    def _on_decided(self, state: ops.ReviewState) -> None:
        self._on_state(state)
        self.decisions_changed.emit()
        self.next_pending()

    def next_pending(self) -> None:
        if not self.items:
            return
        start = self.view.currentIndex().row()
        n = len(self.items)
        for step in range(1, n + 1):
            row = (start + step) % n if start >= 0 else step - 1
            if self.items[row][1].status == "pending":
                self._select(row)
                return

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.state is None:
            self.refresh()


__all__ = ["RedactionReview", "format_for"]
