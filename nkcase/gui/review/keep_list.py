"""The keep list dialog: public names kept as evidence in every case, listed, added, removed.

Every change runs on the DB worker and is audited there (nkcase.services.keeplist).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nkcase.gui.editor.models import Column, RecordsModel
from nkcase.gui.editor.people import _table
from nkcase.gui.review import ops
from nkcase.gui.review.labels import category_label
from nkcase.gui.worker import DbWorker, user_message
from nkcase.services import keeplist

log = logging.getLogger(__name__)


class KeepListDialog(QDialog):
    """The organisation's keep list: text, category, who added it and when."""

    #: ``int``: entries on the list after each load or change.
    entries_changed = Signal(int)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.entries: list[keeplist.KeepEntry] = []
        self.setWindowTitle(self.tr("Keep list"))
        intro = QLabel(
            self.tr(
                "Names that are evidence, not family details: public figures, state organs, "
                "the companies that employed or dispatched workers. Their proposals are kept as "
                "written in every case. Registered terms are always redacted, kept or not."
            )
        )
        intro.setWordWrap(True)
        self.model = RecordsModel(
            [
                Column("text", self.tr("Text")),
                Column("category", self.tr("Category")),
                Column("added_by", self.tr("Added by")),
                Column("added_at", self.tr("Added (UTC)")),
            ],
            self,
        )
        self.view = _table(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )  # fmt: skip
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(
            self.tr("Take the selected names off the list: they are proposed for review again.")
        )
        self.remove_button.clicked.connect(self.remove_selected)

        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Name, organ or company, as written"))
        self.text.textChanged.connect(lambda _t: self._update())
        self.text.returnPressed.connect(self.add)
        self.category = QComboBox()
        for code in keeplist.CATEGORIES:
            self.category.addItem(category_label(code), code)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        add_row = QHBoxLayout()
        add_row.addWidget(self.text, 1)
        add_row.addWidget(self.category)
        add_row.addWidget(self.add_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addLayout(add_row)
        layout.addWidget(close)
        self.resize(640, 420)
        self._update()
        self.worker.submit(ops.keep_list(), self._on_entries, self._on_failed)

    def _on_entries(self, entries: list[keeplist.KeepEntry]) -> None:
        self.entries = entries
        self.model.set_rows(
            [
                {
                    "id": i,
                    "text": e.text,
                    "category": category_label(e.category),
                    "added_by": e.added_by,
                    "added_at": f"{e.added_at:%Y-%m-%d %H:%M}",
                }
                for i, e in enumerate(entries)
            ]
        )
        self.status.setText(self.tr("%n name(s) on the keep list", "", len(entries)))
        self._update()
        self.entries_changed.emit(len(entries))

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(user_message(exc))
        self._update()

    def _selected(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.entries[r].text for r in rows if r < len(self.entries)]

    def _update(self) -> None:
        self.remove_button.setEnabled(bool(self._selected()))
        self.add_button.setEnabled(bool(self.text.text().strip()))

    def add(self) -> None:
        text = self.text.text().strip()
        if not text:
            return
        self.text.clear()
        self.worker.submit(
            ops.add_kept(text, str(self.category.currentData())), self._on_entries, self._on_failed
        )

    def remove_selected(self) -> None:
        texts = self._selected()
        if texts:
            self.worker.submit(ops.remove_kept(texts), self._on_entries, self._on_failed)

    def keyPressEvent(self, event: object) -> None:  # Delete removes the selected names
        from PySide6.QtGui import QKeyEvent

        if (
            isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.view.hasFocus()
        ):
            self.remove_selected()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
