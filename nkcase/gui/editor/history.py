"""History: every earlier version of each text, and the case's audit trail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nkcase.gui.editor import ops
from nkcase.gui.editor.models import Column, RecordsModel
from nkcase.gui.editor.people import _table

if TYPE_CHECKING:
    from nkcase.gui.editor.editor import CaseEditor


_NARRATIVE = QT_TRANSLATE_NOOP("FieldLabel", "Interview %1, narrative")
_TRANSLATION = QT_TRANSLATE_NOOP("FieldLabel", "Interview %1, translation")
_EVIDENCE = QT_TRANSLATE_NOOP("FieldLabel", "Evidence quote %1")
_DEPLOYMENT = QT_TRANSLATE_NOOP("FieldLabel", "Deployment %1, %2")


def _tr(text: object) -> str:
    return QCoreApplication.translate("FieldLabel", str(text))


def field_label(case: dict[str, Any], key: str) -> str:
    """ "interview/12/narrative" -> "Interview 1, narrative" (numbered as the editor shows)."""
    kind, num, which = key.split("/")
    if kind == "deployment":  # a reviewed structured field (deployment/<n>/region)
        return _tr(_DEPLOYMENT).replace("%1", num).replace("%2", which.replace("_", " "))
    if kind == "interview":
        ids = [iv["id"] for iv in case.get("interviews") or []]
        n = ids.index(int(num)) + 1 if int(num) in ids else num
        if which == "narrative":
            return _tr(_NARRATIVE).replace("%1", str(n))
        return _tr(_TRANSLATION).replace("%1", str(n))
    return _tr(_EVIDENCE).replace("%1", num)


class HistorySection(QWidget):
    def __init__(self, editor: CaseEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.field = QComboBox()
        self.field.activated.connect(lambda _i: self.refresh())
        self.versions = QListWidget()
        self.versions.currentItemChanged.connect(self._show_version)
        self.version_text = QPlainTextEdit()
        self.version_text.setReadOnly(True)
        self._versions: list[dict[str, Any]] = []
        self.audit = RecordsModel(
            [
                Column("at", self.tr("When (UTC)")),
                Column("actor", self.tr("Who")),
                Column("action", self.tr("What")),
                Column("detail", self.tr("Details"), show=self._detail),
                Column("hash", self.tr("Entry hash"), show=lambda e: e["hash"][:16] + "…"),
            ],
            self,
        )
        self.audit_view: QTableView = _table(self.audit)
        self.audit_view.setEditTriggers(self.audit_view.EditTrigger.NoEditTriggers)

        versions_box = QGroupBox(self.tr("Earlier versions of a text"))
        vb = QVBoxLayout(versions_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Text")))
        row.addWidget(self.field, 1)
        vb.addLayout(row)
        split = QSplitter()
        split.addWidget(self.versions)
        split.addWidget(self.version_text)
        split.setStretchFactor(1, 3)
        vb.addWidget(split)
        audit_box = QGroupBox(self.tr("Audit trail (hash-chained; never holds case text)"))
        QVBoxLayout(audit_box).addWidget(self.audit_view)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(versions_box)
        outer.addWidget(audit_box)
        layout = QVBoxLayout(self)
        layout.addWidget(outer)
        editor.loaded.connect(self.show_case)

    @staticmethod
    def _detail(entry: dict[str, Any]) -> str:
        detail = dict(entry.get("detail") or {})
        return ", ".join(
            f"{k}={str(v)[:12]}" if k in ("sha256", "hash") else f"{k}={v}"
            for k, v in sorted(detail.items())
        )

    def show_case(self, snap: ops.Snapshot) -> None:
        current = self.field.currentData()
        from nkcase.redaction.api import narrative_fields

        keys = list(narrative_fields(snap.case))  # the texts with a version history
        for iv in snap.case.get("interviews") or []:
            key = f"interview/{iv['id']}/narrative"
            if key not in keys:
                keys.insert(0, key)
        self.field.clear()
        for key in keys:
            self.field.addItem(field_label(snap.case, key), key)
        if current in keys:
            self.field.setCurrentIndex(keys.index(current))

    def refresh(self) -> None:
        key = self.field.currentData()
        self.editor.worker.submit(ops.history(self.editor.case_id, key), self._on_history)

    def _on_history(self, result: dict[str, Any]) -> None:
        self._versions = result["versions"]
        self.versions.clear()
        for v in reversed(self._versions):
            item = QListWidgetItem(
                self.tr("v%1 · %2 · %3")
                .replace("%1", str(v["version"]))
                .replace("%2", v["at"].replace("T", " "))
                .replace("%3", v["action"])
            )
            item.setData(Qt.ItemDataRole.UserRole, v["version"])
            self.versions.addItem(item)
        if self.versions.count():
            self.versions.setCurrentRow(0)
        else:
            self.version_text.clear()
        self.audit.set_rows(list(reversed(result["audit"])))

    def _show_version(self, item: QListWidgetItem | None, _prev: Any = None) -> None:
        if item is None:
            return
        number = item.data(Qt.ItemDataRole.UserRole)
        version = next((v for v in self._versions if v["version"] == number), None)
        self.version_text.setPlainText(version["text"] if version else "")
