"""The redaction review screen: proposals grouped by text, decided a group at a time, by key.

One row per proposed text and category ("진혁 ×7"); a decision on the row settles every
occurrence at once. Keys (active while the review has the focus): A redact all, K keep
(public figures and organisations go on the organisation's keep list), R reject (keep as
written in this case), Shift+A / Shift+R this occurrence only, N or J the next group still to
review, P the one before, O the group's next occurrence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
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
from nkcase.gui.review.labels import category_label, source_label, status_label
from nkcase.gui.worker import DbWorker, user_message
from nkcase.redaction import api as redaction
from nkcase.redaction.review import KEEP_RULE, keep_key

log = logging.getLogger(__name__)

CONTEXT_CHARS = 30  # around an occurrence in the list of occurrences


class TokenHighlighter(SpanHighlighter):
    """Paints the replacement tokens in the redacted text."""

    def set_ranges(self, ranges: list[tuple[int, int, str]], text: str) -> None:
        to_qt = utf16_offsets(text)
        self._ranges = [(to_qt(a), to_qt(b), status) for a, b, status in ranges]
        self.rehighlight()


class RedactionReview(QWidget):
    """Proposals grouped by text; accept, keep or reject a group (or one occurrence) by key."""

    #: ``list[int]``: the case to export (the button is enabled only when nothing is pending).
    export_requested = Signal(list)
    #: emitted after decisions were stored in the vault.
    decisions_changed = Signal()
    #: ``int``: occurrences still waiting for a decision, after each refresh.
    pending_changed = Signal(int)
    #: ``int``: texts analysed by the finder since the review opened (all proposals are in).
    proposals_found = Signal(int)

    def __init__(self, worker: DbWorker, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.case_id = case_id
        self.state: ops.ReviewState | None = None
        self.groups: list[ops.Group] = []
        self._occurrence = 0
        self._finding: tuple[int, int] | None = None  # texts analysed, texts to analyse

        self.counter = QLabel()
        self.counter.setObjectName("review_counter")
        self.keep_list_button = QPushButton(self.tr("Keep list…"))
        self.keep_list_button.setToolTip(
            self.tr("Public names, state organs and companies kept as evidence in every case.")
        )
        self.keep_list_button.clicked.connect(self.open_keep_list)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit([self.case_id]))
        top = QHBoxLayout()
        top.addWidget(self.counter, 1)
        top.addWidget(self.keep_list_button)
        top.addWidget(self.export_button)

        self.finding_label = QLabel()
        self.finding_bar = QProgressBar()
        self.finding_bar.setTextVisible(False)
        self.finding_bar.setMaximumHeight(10)
        finding = QHBoxLayout()
        finding.addWidget(self.finding_label)
        finding.addWidget(self.finding_bar, 1)
        self.finding_row = QWidget()
        self.finding_row.setLayout(finding)
        finding.setContentsMargins(0, 0, 0, 0)
        self.finding_row.hide()

        self.model = RecordsModel(
            [
                Column("text", self.tr("Found")),
                Column("category", self.tr("Category")),
                Column("status", self.tr("Decision")),
                Column("source", self.tr("Source")),
                Column("field", self.tr("Where")),
            ],
            self,
        )
        self.view = _table(self.model)
        self.view.setObjectName("review_groups")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show(cur.row()))

        self.occurrences = QListWidget()
        self.occurrences.setObjectName("review_occurrences")
        self.occurrences.setWordWrap(True)
        self.occurrences.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.occurrences.currentRowChanged.connect(self._show_occurrence)
        self.original = QPlainTextEdit()
        self.original.setReadOnly(True)
        self.original.setObjectName("review_original")
        self.redacted = QPlainTextEdit()
        self.redacted.setReadOnly(True)
        self.redacted.setObjectName("review_redacted")
        self._orig_hl = SpanHighlighter(self.original.document())
        self._red_hl = TokenHighlighter(self.redacted.document())
        self._shown_field: str | None = None

        self.accept_all_button = self._button(
            self.tr("Redact all (A)"), "A", lambda: self.decide("accept", "all"),
            self.tr("Redact every occurrence of this text in the case (A)."),
        )  # fmt: skip
        self.keep_button = self._button(
            self.tr("Keep (K)"), "K", self.keep_group,
            self.tr("Evidence, not a family detail: keep every occurrence as written (K). "
                    "A public figure, state organ or company also goes on the keep list, "
                    "so no other case asks again."),
        )  # fmt: skip
        self.reject_all_button = self._button(
            self.tr("Reject (R)"), "R", lambda: self.decide("reject", "all"),
            self.tr("Not identifying: keep every occurrence as written in this case (R)."),
        )  # fmt: skip
        self.accept_button = self._button(
            self.tr("Redact this one (Shift+A)"), "Shift+A", lambda: self.decide("accept", "span"),
            self.tr("Redact only the occurrence shown (Shift+A)."),
        )  # fmt: skip
        self.reject_button = self._button(
            self.tr("Keep this one (Shift+R)"), "Shift+R", lambda: self.decide("reject", "span"),
            self.tr("Keep only the occurrence shown as written (Shift+R)."),
        )  # fmt: skip
        self.previous_button = self._button(
            self.tr("Previous (P)"), "P", self.previous_pending,
            self.tr("The previous group still to review (P)."),
        )  # fmt: skip
        self.next_button = self._button(
            self.tr("Next (N)"), "N", self.next_pending,
            self.tr("The next group still to review (N or J); O shows its next occurrence."),
        )  # fmt: skip
        self._shortcut("J", self.next_pending)
        self._shortcut("O", self.next_occurrence)
        buttons = QHBoxLayout()
        for b in (self.accept_all_button, self.keep_button, self.reject_all_button):
            buttons.addWidget(b)
        buttons.addSpacing(16)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)

        texts = QSplitter()
        for title, pane_widget in (
            (self.tr("Occurrences"), self.occurrences),
            (self.tr("Original"), self.original),
            (self.tr("As exported"), self.redacted),
        ):
            pane = QWidget()
            pl = QVBoxLayout(pane)
            pl.setContentsMargins(0, 0, 0, 0)
            pl.addWidget(QLabel(f"<b>{title}</b>"))
            pl.addWidget(pane_widget)
            texts.addWidget(pane)
        texts.setSizes([260, 420, 420])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(texts)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([320, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.finding_row)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _shortcut(self, key: str, slot: Callable[[], None]) -> QShortcut:
        # Only while the review (or a child) has the focus: never while typing in another tab.
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _button(
        self, text: str, key: str, slot: Callable[[], None], tip: str
    ) -> QPushButton:  # fmt: skip
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())

        def press() -> None:
            if button.isEnabled():
                button.click()

        shortcut = self._shortcut(key, press)
        button.setProperty("shortcut_key", shortcut.key().toString())
        return button

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.worker.submit(ops.load(self.case_id), self._on_state, self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.counter.setText(user_message(exc))

    def _on_state(self, state: ops.ReviewState) -> None:
        current = self.current_group()
        keep = (keep_key(current.text), current.category) if current else None
        self.state = state
        self.groups = state.groups
        self.model.set_rows([self._row(i, g) for i, g in enumerate(self.groups)])
        self._update_counter()
        self._shown_field = None
        row = next((i for i, g in enumerate(self.groups)
                    if keep == (keep_key(g.text), g.category)), 0)  # fmt: skip
        if self.groups:
            self._select(row)
        elif state.fields:
            self.occurrences.clear()
            self._show_field(next(iter(state.fields)), None)
        self._update_buttons()
        if state.finding and self._finding is None:
            self._find(state.finding)
        self.pending_changed.emit(len(state.pending))

    def _row(self, i: int, g: ops.Group) -> dict[str, Any]:
        assert self.state is not None
        keys = list(dict.fromkeys(k for k, _s in g.occurrences))
        where = field_label(self.state.case, keys[0])
        if len(keys) > 1:
            where += f" +{len(keys) - 1}"
        left = len(g.pending)
        return {
            "id": i,
            "text": f"{g.text} ×{len(g.occurrences)}",
            "category": category_label(g.category),
            "source": source_label(g.source),
            "status": status_label(g.status)
            + (f" ({left}/{len(g.occurrences)})" if 0 < left < len(g.occurrences) else ""),
            "field": where,
        }

    def _update_counter(self) -> None:
        assert self.state is not None
        left = [g for g in self.groups if g.pending]
        occurrences = len(self.state.pending)
        total = sum(len(g.occurrences) for g in self.groups)
        if left:
            text = (
                self.tr("%1 proposals left (%2 of %3 occurrences)")
                .replace("%1", str(len(left)))
                .replace("%2", str(occurrences))
                .replace("%3", str(total))
            )
        elif self.state.finding:
            text = self.tr("No proposals yet: still finding names…")
        else:
            text = self.tr(
                "All %1 proposals reviewed; registered terms are replaced automatically."
            ).replace("%1", str(len(self.groups)))
        self.counter.setText(text)

    def _find(self, field_keys: list[str]) -> None:
        """Run the finder on the texts with no cached proposals, one worker job per text."""
        total = len(field_keys)
        self._finding = (0, total)
        self._show_finding()
        worker = self.worker
        opened = worker.is_unlocked

        def wanted() -> bool:  # worker thread: reads a flag only
            return not (opened and not worker.is_unlocked)

        for key in field_keys:
            worker.submit(ops.find(self.case_id, key, wanted), self._on_found, self._on_find_failed)

    def _on_found(self, _analysed: int) -> None:
        if self._finding is None:
            return
        done, total = self._finding
        self._finding = (done + 1, total)
        self._show_finding()
        if done + 1 >= total:
            self._finding = None
            self._show_finding()
            self.proposals_found.emit(total)
            self.refresh()

    def _on_find_failed(self, exc: BaseException) -> None:
        self._finding = None
        self._show_finding()
        self._on_failed(exc)

    def _show_finding(self) -> None:
        if self._finding is None:
            self.finding_row.hide()
            return
        done, total = self._finding
        self.finding_label.setText(
            self.tr("Finding names… %1 of %2 texts").replace("%1", str(done))
            .replace("%2", str(total))
        )  # fmt: skip
        self.finding_bar.setRange(0, total)
        self.finding_bar.setValue(done)
        self.finding_row.show()
        self._update_buttons()

    @property
    def pending_count(self) -> int:
        return len(self.state.pending) if self.state else -1

    @property
    def finding(self) -> bool:
        return self.state is None or bool(self.state.finding) or self._finding is not None

    def _update_buttons(self) -> None:
        pending = self.pending_count
        group = self.current_group()
        occurrence = self.current()
        for b in (self.accept_all_button, self.keep_button, self.reject_all_button):
            b.setEnabled(group is not None)
        for b in (self.accept_button, self.reject_button):
            b.setEnabled(occurrence is not None)
        if group is not None:
            self.keep_button.setText(
                self.tr("Keep, add to keep list (K)") if ops.keeps_on_list(group.category)
                else self.tr("Keep (K)")
            )  # fmt: skip
        self.next_button.setEnabled(pending > 0)
        self.previous_button.setEnabled(pending > 0)
        ready = pending == 0 and not self.finding
        self.export_button.setEnabled(ready)
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
        elif self.finding:
            self.export_button.setText(self.tr("Export…"))
            self.export_button.setToolTip(self.tr("Still finding names in the texts…"))
        else:
            self.export_button.setText(self.tr("Export…"))
            self.export_button.setToolTip(self.tr("Choose the target and preview the packet."))

    # -- showing ----------------------------------------------------------------------------
    def current_group(self) -> ops.Group | None:
        row = self.view.currentIndex().row()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def current(self) -> tuple[str, redaction.Span] | None:
        """The occurrence shown: its field key and span."""
        group = self.current_group()
        if group is None or not group.occurrences:
            return None
        return group.occurrences[min(self._occurrence, len(group.occurrences) - 1)]

    def _select(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._show(row)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.groups) or self.state is None:
            self._update_buttons()
            return
        group = self.groups[row]
        first = next((i for i, (_k, s) in enumerate(group.occurrences)
                      if s.status == "pending"), 0)  # fmt: skip
        self.occurrences.blockSignals(True)
        self.occurrences.clear()
        for key, span in group.occurrences:
            text = self.state.fields[key].original
            before = text[max(0, span.start - CONTEXT_CHARS) : span.start].replace("\n", " ")
            after = text[span.end : span.end + CONTEXT_CHARS].replace("\n", " ")
            item = QListWidgetItem(
                f"{field_label(self.state.case, key)} · {status_label(status_of(span))}\n"
                f"…{before}[{span.text}]{after}…"
            )
            item.setToolTip(status_label(status_of(span)))
            self.occurrences.addItem(item)
        self.occurrences.blockSignals(False)
        self.occurrences.setCurrentRow(first)
        self._show_occurrence(first)

    def _show_occurrence(self, index: int) -> None:
        group = self.current_group()
        if group is None or not 0 <= index < len(group.occurrences):
            self._update_buttons()
            return
        self._occurrence = index
        key, span = group.occurrences[index]
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
        """Accept (redact) or reject (keep as written) the group ("all") or the occurrence."""
        item = self.current()
        if item is None or self.state is None:
            return
        key, span = item
        decision = redaction.decide(
            span,
            "accept" if verdict == "accept" else "reject",
            scope="all" if scope == "all" else "span",
            field_key=key,
            original=self.state.fields[key].original,
        )
        self.worker.submit(ops.store(self.case_id, [decision]), self._on_decided, self._on_failed)

    def keep_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        self.worker.submit(ops.keep(self.case_id, group), self._on_decided, self._on_failed)

    def _on_decided(self, state: ops.ReviewState) -> None:
        self._on_state(state)
        self.decisions_changed.emit()
        group = self.current_group()
        if group is None or not group.pending:
            self.next_pending()

    def next_pending(self, step: int = 1) -> None:
        """The next group (``step`` -1: the previous one) with an occurrence still to review."""
        n = len(self.groups)
        if not n:
            return
        start = self.view.currentIndex().row()
        for i in range(1, n + 1):
            row = (start + step * i) % n if start >= 0 else (i - 1 if step > 0 else n - i)
            if self.groups[row].pending:
                self._select(row)
                return

    def previous_pending(self) -> None:
        self.next_pending(-1)

    def next_occurrence(self) -> None:
        group = self.current_group()
        if group is not None and group.occurrences:
            self.occurrences.setCurrentRow((self._occurrence + 1) % len(group.occurrences))

    def open_keep_list(self) -> None:
        from nkcase.gui.review.keep_list import KeepListDialog

        dialog = KeepListDialog(self.worker, self)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.state is None:
            self.refresh()
        self.view.setFocus()


def status_of(span: redaction.Span) -> str:
    return "kept" if span.rule == KEEP_RULE else span.status


__all__ = ["RedactionReview", "format_for"]
