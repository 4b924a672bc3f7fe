"""Attachments tab: list, attach (streamed into the vault on the worker), remove, and view.

Nothing here writes an attachment to disk. Images are decoded on the worker (Pillow, upright as
the export derivative sees them) and shown from memory; PDFs are rendered in memory by pdfium
(the export preview's renderer); anything else is described, not shown. For images the reviewer
decides here whether it may go into exports and draws the boxes to black out (image pixels);
both are stored through :mod:`nkcase.vault.attachments` on the worker.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nkcase.gui import file_dialogs
from nkcase.gui.editor.attachment_canvas import ImageCanvas, as_box
from nkcase.gui.editor.attachment_ops import (
    Box,
    Preview,
    add_op,
    boxes_op,
    include_op,
    list_op,
    remove_op,
    view_op,
)
from nkcase.gui.editor.models import Column, RecordsModel
from nkcase.gui.editor.people import _table
from nkcase.gui.pdf_pages import clear_layout, page_label
from nkcase.gui.worker import user_message

if TYPE_CHECKING:
    from nkcase.gui.editor.editor import CaseEditor

log = logging.getLogger(__name__)


# -- the tab ------------------------------------------------------------------------------
def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    value = float(n)
    for unit in ("KiB", "MiB", "GiB"):
        value /= 1024
        if value < 1024 or unit == "GiB":
            break
    return f"{value:.1f} {unit}"


class AttachmentsSection(QWidget):
    """The case's attachments: a table, attach/remove, and a viewer (never a temp file)."""

    #: emitted after the list was refreshed from the vault.
    refreshed = Signal()
    #: ``object`` (:class:`Preview`): after the viewer shows an attachment.
    shown = Signal(object)
    #: ``object`` (row dict): after an export choice or boxes were stored.
    stored = Signal(object)
    #: ``str``: a user-facing message of a failed operation.
    failed = Signal(str)

    def __init__(self, editor: CaseEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.worker = editor.worker
        self.case_id = editor.case_id
        self.preview: Preview | None = None
        self._pending_select = 0
        self.model = RecordsModel(
            [
                Column("filename", self.tr("File name")),
                Column("media_type", self.tr("Type")),
                Column("size", self.tr("Size"), show=lambda r: _size(int(r["size"]))),
                Column(
                    "created_at",
                    self.tr("Added (UTC)"),
                    show=lambda r: r["created_at"].strftime("%Y-%m-%d %H:%M"),
                ),
                Column(
                    "include",
                    self.tr("In exports"),
                    show=lambda r: self._included_text(r),
                ),
            ],
            self,
        )
        self.view: QTableView = _table(self.model)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select())

        self.attach_button = QPushButton(self.tr("Attach…"))
        self.attach_button.clicked.connect(self.choose_and_attach)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: self.remove_selected(ask=True))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.canvas = ImageCanvas()
        self.canvas.box_drawn.connect(lambda _box: self._store_boxes(self.canvas.boxes))
        self.include_box = QCheckBox(self.tr("Include in exports (a copy without metadata)"))
        self.include_box.toggled.connect(self.set_included)
        self.clear_button = QPushButton(self.tr("Clear boxes"))
        self.clear_button.clicked.connect(lambda: self._store_boxes([]))
        self.hint = QLabel(
            self.tr(
                "Drag on the image to black out a face, a name or a place; the boxes are "
                "painted black in every export."
            )
        )
        self.hint.setWordWrap(True)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_area = QScrollArea()
        self.pages_area.setWidgetResizable(True)
        self.pages_area.setWidget(self.pages)
        self.info = QLabel()
        self.info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.progress, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(buttons)
        lv.addWidget(self.view, 1)
        lv.addWidget(self.status)
        tools = QHBoxLayout()
        tools.addWidget(self.include_box)
        tools.addStretch(1)
        tools.addWidget(self.clear_button)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(tools)
        rv.addWidget(self.hint)
        rv.addWidget(self.canvas, 1)
        rv.addWidget(self.pages_area, 1)
        rv.addWidget(self.info, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_nothing()

    def _included_text(self, row: dict[str, Any]) -> str:
        if not row["is_image"]:
            return self.tr("never")
        if not row["include"]:
            return self.tr("no")
        n = len(row["blackout"])
        return self.tr("yes, %1 boxes").replace("%1", str(n)) if n else self.tr("yes")

    # -- list ---------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self.worker.submit(list_op(self.case_id), self._on_list, self._on_failed)

    def _on_list(self, rows: list[dict[str, Any]]) -> None:
        current = self.current_row()
        keep = current["id"] if current else None
        self.model.set_rows(rows)
        for n, row in enumerate(rows):
            if row["id"] == keep:
                self.view.selectRow(n)
        if self.current_row() is None:
            self._show_nothing()
        self.remove_button.setEnabled(self.current_row() is not None)
        self.refreshed.emit()

    def current_row(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def select_id(self, attachment_id: int) -> None:
        for n, row in enumerate(self.model.rows):
            if row["id"] == attachment_id:
                self.view.selectRow(n)
                return

    def _on_failed(self, exc: BaseException) -> None:
        message = user_message(exc)
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020;")
        self.failed.emit(message)

    def _say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    # -- attach and remove --------------------------------------------------------------------
    def choose_and_attach(self) -> None:
        chosen = file_dialogs.get_open_file_name(self, self.tr("Attach a file to this case"))
        if chosen:
            self.attach_file(Path(chosen))

    def attach_file(self, path: Path) -> None:
        """Stream ``path`` into the vault on the worker, with progress (what "Attach…" does)."""
        self.attach_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._say(self.tr("Encrypting into the vault…"))

        def progress(done: int, total: int) -> None:
            self.progress.setValue(100 * done // total if total else 100)

        def done(row: dict[str, Any]) -> None:
            self._end_attach()
            self._say(self.tr("Attached (%1).").replace("%1", _size(int(row["size"]))))
            self._pending_select = int(row["id"])
            self.worker.submit(list_op(self.case_id), self._after_attach, self._on_failed)

        def failed(exc: BaseException) -> None:
            self._end_attach()
            self._on_failed(exc)

        self.worker.submit(add_op(self.case_id, Path(path)), done, failed, progress)

    def _after_attach(self, rows: list[dict[str, Any]]) -> None:
        self._on_list(rows)
        self.select_id(self._pending_select)
        self.editor.case_saved.emit(self.case_id)

    def _end_attach(self) -> None:
        self.attach_button.setEnabled(True)
        self.progress.setVisible(False)

    def remove_selected(self, ask: bool = True) -> None:
        row = self.current_row()
        if row is None:
            return
        if ask:
            answer = QMessageBox.question(
                self,
                self.tr("Remove attachment"),
                self.tr("Remove this attachment from the vault? This cannot be undone."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.worker.submit(remove_op(int(row["id"])), lambda _r: self._removed(), self._on_failed)

    def _removed(self) -> None:
        self._say(self.tr("Removed."))
        self.view.clearSelection()
        self.view.setCurrentIndex(self.model.index(-1, -1))
        self._show_nothing()
        self.refresh()
        self.editor.case_saved.emit(self.case_id)

    # -- viewer -------------------------------------------------------------------------------
    def _select(self) -> None:
        row = self.current_row()
        self.remove_button.setEnabled(row is not None)
        if row is None:
            self._show_nothing()
            return
        if self.preview is not None and self.preview.attachment_id == row["id"]:
            self._sync_controls(row)
            return
        self.info.setText(self.tr("Opening…"))
        self.worker.submit(view_op(int(row["id"])), self._show, self._on_failed)

    def _show_nothing(self) -> None:
        self.preview = None
        self.canvas.clear()
        self.canvas.setVisible(False)
        self.pages_area.setVisible(False)
        for w in (self.include_box, self.clear_button, self.hint):
            w.setVisible(False)
        self.info.setVisible(True)
        self.info.setText(self.tr("Choose an attachment to view it."))

    def _show(self, preview: Preview) -> None:
        row = self.current_row()
        if row is None or row["id"] != preview.attachment_id:
            return  # the selection moved on meanwhile
        self.preview = preview
        clear_layout(self.pages_layout)
        is_image = preview.kind == "image"
        self.canvas.setVisible(is_image)
        self.pages_area.setVisible(preview.kind == "pdf")
        self.info.setVisible(preview.kind == "other")
        for w in (self.include_box, self.clear_button, self.hint):
            w.setVisible(is_image)
        if is_image:
            image = QImage(
                preview.rgb,
                preview.width,
                preview.height,
                3 * preview.width,
                QImage.Format.Format_RGB888,
            ).copy()  # own the pixels: the bytes object may go
            boxes = [as_box(b) for b in row["blackout"]]
            self.canvas.set_image(QPixmap.fromImage(image), boxes)
            self._sync_controls(row)
        elif preview.kind == "pdf":
            for page in preview.pages:
                self.pages_layout.addWidget(page_label(page))
        else:
            text = (
                self.tr("Not previewable: %1, %2.")
                .replace("%1", str(row["media_type"]))
                .replace("%2", _size(int(row["size"])))
            )
            if preview.problem:
                text += " " + self.tr("The file could not be decoded.")
            self.info.setText(text)
        self.shown.emit(preview)

    def _sync_controls(self, row: dict[str, Any]) -> None:
        self.include_box.blockSignals(True)
        self.include_box.setChecked(bool(row["include"]))
        self.include_box.blockSignals(False)
        self.canvas.editable = bool(row["include"])
        self.canvas.boxes = [as_box(b) for b in row["blackout"]]
        self.canvas.update()
        self.clear_button.setEnabled(bool(row["include"]) and bool(row["blackout"]))
        self.hint.setEnabled(bool(row["include"]))

    # -- the reviewer's decision --------------------------------------------------------------
    def set_included(self, include: bool) -> None:
        row = self.current_row()
        if row is None or not row["is_image"]:
            return
        self.worker.submit(
            include_op(int(row["id"]), include), self._on_stored, self._on_stored_failed
        )

    def _store_boxes(self, boxes: list[Box]) -> None:
        row = self.current_row()
        if row is None:
            return
        self.worker.submit(
            boxes_op(int(row["id"]), list(boxes)), self._on_stored, self._on_stored_failed
        )

    def _on_stored(self, updated: dict[str, Any]) -> None:
        for n, row in enumerate(self.model.rows):
            if row["id"] == updated["id"]:
                self.model.rows[n] = updated
                self.model.dataChanged.emit(
                    self.model.index(n, 0), self.model.index(n, len(self.model.columns) - 1)
                )
        current = self.current_row()
        if current is not None and current["id"] == updated["id"]:
            self._sync_controls(updated)
        self.editor.case_saved.emit(self.case_id)
        self.stored.emit(updated)

    def _on_stored_failed(self, exc: BaseException) -> None:
        self._on_failed(exc)
        row = self.current_row()
        if row is not None:
            self._sync_controls(row)  # put the refused choice back
