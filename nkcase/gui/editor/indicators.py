"""ILO indicators: a checklist of the eleven, each with evidence quotes from the narrative."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nkcase.domain import vocab
from nkcase.gui.editor import ops
from nkcase.services import editing

if TYPE_CHECKING:
    from nkcase.gui.editor.editor import CaseEditor

_ID = Qt.ItemDataRole.UserRole


class IndicatorsSection(QWidget):
    def __init__(self, editor: CaseEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self._rows: list[dict[str, Any]] = []
        self._loading = False
        self._shown_once = False
        lang = "ko" if self.tr("en") == "ko" else "en"

        self.checklist = QListWidget()
        self.checklist.setObjectName("indicator_checklist")
        for code, term in vocab.indicators().items():
            item = QListWidgetItem(term.label(lang))
            item.setData(_ID, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.checklist.addItem(item)
        self.checklist.itemChanged.connect(self._toggled)
        self.checklist.currentItemChanged.connect(lambda *_: self._show_quotes())

        self.quotes_title = QLabel()
        self.quotes = QListWidget()
        self.quotes.setWordWrap(True)
        self.quotes.itemChanged.connect(self._quote_edited)
        add = QPushButton(self.tr("Add the narrative's selected passage"))
        add.clicked.connect(self._add_selection)
        remove = QPushButton(self.tr("Remove quote"))
        remove.clicked.connect(self._remove_quote)
        hint = QLabel(
            self.tr(
                "Select a passage in the Interviews tab, then add it here (or use "
                "“Quote selection as evidence for…” there). Double-click a quote to edit it."
            )
        )
        hint.setWordWrap(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.quotes_title)
        rl.addWidget(self.quotes, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        rl.addWidget(hint)

        splitter = QSplitter()
        splitter.addWidget(self.checklist)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.checklist.setCurrentRow(0)
        editor.loaded.connect(self.show_case)

    def current_code(self) -> str | None:
        item = self.checklist.currentItem()
        return item.data(_ID) if item else None

    def show_case(self, snap: ops.Snapshot) -> None:
        self._rows = list(snap.case.get("indicators") or [])
        codes = {r["code"] for r in self._rows}
        self._loading = True
        try:
            for i in range(self.checklist.count()):
                item = self.checklist.item(i)
                n = sum(1 for r in self._rows if r["code"] == item.data(_ID))
                item.setCheckState(
                    Qt.CheckState.Checked if item.data(_ID) in codes else Qt.CheckState.Unchecked
                )
                item.setToolTip(self.tr("%n evidence quote(s)", "", n))
        finally:
            self._loading = False
        if not self._shown_once and codes:
            self._shown_once = True  # open on the first indicator found, not an empty one
            for i in range(self.checklist.count()):
                if self.checklist.item(i).data(_ID) in codes:
                    self.checklist.setCurrentRow(i)
                    break
        self._show_quotes()

    def _show_quotes(self) -> None:
        code = self.current_code()
        item = self.checklist.currentItem()
        self.quotes_title.setText(f"<b>{item.text()}</b>" if item else "")
        self._loading = True
        try:
            self.quotes.clear()
            for row in self._rows:
                if row["code"] == code and row.get("evidence"):
                    q = QListWidgetItem(row["evidence"])
                    q.setData(_ID, row["id"])
                    q.setFlags(q.flags() | Qt.ItemFlag.ItemIsEditable)
                    self.quotes.addItem(q)
        finally:
            self._loading = False

    def _toggled(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        code = item.data(_ID)
        present = [r for r in self._rows if r["code"] == code]
        if item.checkState() == Qt.CheckState.Checked and not present:
            self.editor.edit(editing.add_indicator, code, None)
        elif item.checkState() == Qt.CheckState.Unchecked and present:
            for row in present:
                self.editor.edit(editing.remove_indicator, row["id"])

    def _add_selection(self) -> None:
        code = self.current_code()
        if code:
            self.editor.interviews.quote_selection(code)

    def _remove_quote(self) -> None:
        item = self.quotes.currentItem()
        if item is not None:
            self.editor.edit(editing.remove_indicator, item.data(_ID))

    def _quote_edited(self, item: QListWidgetItem) -> None:
        if not self._loading:
            self.editor.edit(editing.set_indicator_evidence, item.data(_ID), item.text())
