"""Relatives and sensitive terms: what the redaction registry is built from."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nkcase.domain import vocab
from nkcase.gui.editor import ops
from nkcase.gui.editor.models import Column, RecordsModel
from nkcase.services import editing

if TYPE_CHECKING:
    from nkcase.gui.editor.editor import CaseEditor


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for a column that takes one of a few codes (shown by their labels)."""

    def __init__(
        self, choices: list[str], parent: Any = None, labels: dict[str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.labels = labels or {}

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for code in self.choices:
            combo.addItem(self.labels.get(code, code), code)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _table(model: RecordsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setVisible(False)
    return view


class PeopleSection(QWidget):
    def __init__(self, editor: CaseEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.relatives = RecordsModel(
            [
                Column("pseudonym", self.tr("Pseudonym in exports")),
                Column("relation", self.tr("Relation"), editable=True),
                Column("name", self.tr("Name"), editable=True),
                Column("name_ko", self.tr("Name (Hangul)"), editable=True),
                Column("location", self.tr("Where they live"), editable=True),
                Column("details", self.tr("Identifying details"), editable=True),
            ],
            self,
        )
        self.category_labels = {
            "work_unit": self.tr("work unit"),
            "village": self.tr("village"),
            "employer": self.tr("employer"),
            "event": self.tr("event"),
            "place": self.tr("place"),
            "organisation": self.tr("organisation"),
            "other": self.tr("other"),
        }
        labels = self.category_labels
        self.terms = RecordsModel(
            [
                Column("text", self.tr("Term"), editable=True),
                Column("text_ko", self.tr("Term (Hangul)"), editable=True),
                Column(
                    "category",
                    self.tr("Category"),
                    editable=True,
                    show=lambda d: labels.get(d.get("category") or "", d.get("category") or ""),
                ),
            ],
            self,
        )
        self.relatives.edited.connect(
            lambda rid, key, value: editor.edit(editing.update_relative, rid, {key: value})
        )
        self.terms.edited.connect(
            lambda tid, key, value: editor.edit(editing.update_term, tid, {key: value})
        )
        self.relatives_view = _table(self.relatives)
        self.terms_view = _table(self.terms)
        self.terms_view.setItemDelegateForColumn(
            2, ChoiceDelegate(vocab.enum("sensitive_term_category"), self.terms_view, labels)
        )

        note = QLabel(
            self.tr(
                "Everything here is replaced in every export, in every spelling the app can "
                "derive (Latin and Hangul). Double-click a cell to edit it."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(
            self._group(
                self.tr("Relatives"),
                self.relatives_view,
                self._add_relative,
                lambda: self._remove(self.relatives_view, self.relatives, editing.remove_relative),
            ),
            3,
        )
        layout.addWidget(
            self._group(
                self.tr("Sensitive terms (work units, villages, events…)"),
                self.terms_view,
                self._add_term,
                lambda: self._remove(self.terms_view, self.terms, editing.remove_term),
            ),
            2,
        )
        editor.loaded.connect(self.show_case)

    def _group(
        self,
        title: str,
        view: QTableView,
        add: Callable[[], object],
        remove: Callable[[], None],
    ) -> QGroupBox:
        box = QGroupBox(title)
        add_button = QPushButton(self.tr("Add"))
        add_button.clicked.connect(add)
        remove_button = QPushButton(self.tr("Remove"))
        remove_button.clicked.connect(remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add_button)
        buttons.addWidget(remove_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(view)
        inner.addLayout(buttons)
        return box

    def show_case(self, snap: ops.Snapshot) -> None:
        self.relatives.set_rows(snap.case.get("relatives") or [])
        self.terms.set_rows(snap.case.get("sensitive_terms") or [])

    def add_relative(self, values: dict[str, Any]) -> None:
        self.editor.edit(editing.add_relative, values)

    def _add_relative(self) -> None:
        self.add_relative({"relation": self.tr("relative")})

    def _add_term(self) -> QInputDialog:
        """Ask for the term first: a term is registered (and redacted everywhere) only once it
        has real text, never as a placeholder."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Add a sensitive term"))
        dialog.setLabelText(self.tr("Term to redact in every export (Latin or Hangul):"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.add_term)
        dialog.open()
        self.add_term_dialog = dialog
        return dialog

    def add_term(self, text: str, category: str = "other") -> None:
        text = text.strip()
        if text:
            self.editor.edit(editing.add_term, {"text": text, "category": category})

    def _remove(self, view: QTableView, model: RecordsModel, fn: Callable[..., Any]) -> None:
        rows = view.selectionModel().selectedRows()
        if rows:
            self.editor.edit(fn, model.row_id(rows[0].row()))
