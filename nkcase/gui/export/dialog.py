"""The export dialog: target and cases, consent per case, PDF preview, leak check, save."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nkcase.domain import vocab
from nkcase.gui import file_dialogs
from nkcase.gui.editor.models import Column, RecordsModel
from nkcase.gui.editor.people import _table
from nkcase.gui.error_details import translate_detail
from nkcase.gui.export import ops
from nkcase.gui.export.leak_panel import LeakFixPanel
from nkcase.gui.pdf_pages import clear_layout, page_label
from nkcase.gui.worker import DbWorker, user_message

log = logging.getLogger(__name__)

PREVIEW_SCALE = 1.0


class ExportDialog(QDialog):
    """Build a packet in memory, look at it, then save exactly what was previewed."""

    #: ``list`` of :class:`ops.CaseCheck`: the consent and review check for each case.
    cases_checked = Signal(list)
    #: ``object`` (:class:`ops.Preview`): a packet was built, signed and leak-checked.
    packet_built = Signal(object)
    #: ``str``: a user-facing reason the packet could not be built or saved.
    export_failed = Signal(str)
    #: ``str``: the path of the packet written (and verified) on disk.
    packet_saved = Signal(str)

    def __init__(
        self, worker: DbWorker, case_ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a testimony packet"))
        self.worker = worker
        self.case_refs: list[int | str] = list(dict.fromkeys(case_ids))
        self.checks: list[ops.CaseCheck] = []
        self.preview: ops.Preview | None = None
        self._progress: QProgressDialog | None = None
        lang = "ko" if self.tr("en") == "ko" else "en"

        self.target = QComboBox()
        # Long target names must not push the "Send to" label out of the narrow left column.
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.target.setMinimumContentsLength(24)
        for code, term in vocab.targets().items():
            self.target.addItem(term.label(lang), code)
        self.target.currentIndexChanged.connect(self.recheck)
        self.target_note = QLabel()
        self.target_note.setWordWrap(True)
        self.pattern = QCheckBox(
            self.tr("Pattern submission (statistics across the cases, no individual)")
        )
        self.pattern.toggled.connect(self._invalidate)
        # Off by default: each packet names its cases its own way. On, recipients can link this
        # packet to others about the same witnesses (recorded in the manifest and audit log).
        self.link = QCheckBox(self.tr("Link to other packets (keep the cases' usual pseudonyms)"))
        self.link.setToolTip(
            self.tr(
                "Off: the cases get pseudonyms of this packet only, so two packets about one "
                "witness cannot be joined by name. Never allowed for a packet that carries an "
                "identity to OHCHR."
            )
        )
        self.link.toggled.connect(self._invalidate)
        self.add_ref = QLineEdit()
        self.add_ref.setPlaceholderText(self.tr("case number or pseudonym"))
        add = QPushButton(self.tr("Add case"))
        add.clicked.connect(self._add_case)
        self.add_ref.returnPressed.connect(self._add_case)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_ref, 1)
        add_row.addWidget(add)

        self.model = RecordsModel(
            [
                Column("pseudonym", self.tr("Case")),
                Column("consent", self.tr("Consent for this target")),
                Column("review", self.tr("Redaction review")),
            ],
            self,
        )
        self.view = _table(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The consent column takes the room and wraps: a refusal is read in full, not elided.
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if self.model.columns[column].key == "consent":
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.build_button = QPushButton(self.tr("Build and preview"))
        self.build_button.clicked.connect(self.build)

        form = QFormLayout()
        form.addRow(self.tr("Send to"), self.target)
        form.addRow("", self.target_note)
        form.addRow("", self.pattern)
        form.addRow("", self.link)
        left = QWidget()
        left.setMaximumWidth(480)
        ll = QVBoxLayout(left)
        ll.addLayout(form)
        ll.addWidget(self.view, 1)
        ll.addLayout(add_row)
        ll.addWidget(self.summary)
        ll.addWidget(self.build_button)

        self.pages_label = QLabel(self.tr("No preview yet."))
        self.leak_label = QLabel()
        self.leak_label.setWordWrap(True)
        self.leak_label.setObjectName("leak_result")
        self.leak_label.setTextFormat(Qt.TextFormat.PlainText)
        # A leak-check refusal the reviewer can fix: the text found, on screen only.
        self.leak_box = LeakFixPanel(self.worker, self.ready_ids)
        self.leak_box.redacted.connect(self.build)
        self.leak_box.redact_failed.connect(self._on_redact_failed)
        self.found_label = self.leak_box.found_label
        self.redact_button = self.leak_box.redact_button
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_layout.setSpacing(12)
        scroll = self.page_view = QScrollArea()
        scroll.setWidget(self.pages)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll.setMinimumWidth(520)
        self.save_button = QPushButton(self.tr("Save packet…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._choose_file)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.pages_label)
        rl.addWidget(scroll, 1)
        rl.addWidget(self.leak_label)
        rl.addWidget(self.leak_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        rl.addLayout(buttons)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setSizes([420, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.resize(1100, 760)
        self.recheck()

    # -- checking ---------------------------------------------------------------------------
    @property
    def target_code(self) -> str:
        return str(self.target.currentData())

    def _invalidate(self) -> None:
        self.preview = None
        self.save_button.setEnabled(False)
        self.leak_label.clear()
        self.leak_box.clear()
        clear_layout(self.pages_layout)
        self.pages_label.setText(self.tr("No preview yet."))
        self._update_build_button()

    def recheck(self) -> None:
        self._invalidate()
        code = self.target_code
        self.target_note.setText(
            self.tr(
                "Letters go to the governments concerned, the DPRK and the host state included."
            )
            if vocab.target_reaches_governments(code)
            else ""
        )
        self.worker.submit(
            ops.check_cases(self.case_refs, code), self._on_checked, self._on_check_failed
        )

    def _on_check_failed(self, exc: BaseException) -> None:
        self.summary.setText(user_message(exc))
        self.export_failed.emit(user_message(exc))

    def _on_checked(self, checks: list[ops.CaseCheck]) -> None:
        self.checks = checks
        self.case_refs = [c.case_id for c in checks]
        self.refusals = {c.case_id: self._refusal_text(c.blocked) for c in checks if c.blocked}
        rows = []
        for c in checks:
            rows.append(
                {
                    "id": c.case_id,
                    "pseudonym": c.pseudonym,
                    "consent": self.tr("allowed")
                    if c.blocked is None
                    else self.refusals[c.case_id].removeprefix(f"{c.pseudonym}: "),
                    "review": self.tr("reviewed")
                    if c.pending == 0
                    else self.tr("%n suggestion(s) to review", "", c.pending),
                }
            )
        self.model.set_rows(rows)
        self._update_build_button()
        self.cases_checked.emit(checks)

    def _refusal_text(self, blocked: str) -> str:
        """The core's consent refusal in the interface language, the target by its name."""
        text = translate_detail(blocked)
        code, name = self.target_code, self.target.currentText()
        return (
            re.sub(rf"(?<![A-Za-z0-9_-]){re.escape(code)}(?![A-Za-z0-9_-])", name, text)
            if name
            else text
        )

    def ready_ids(self) -> list[int]:
        return [c.case_id for c in self.checks if c.ok]

    def _update_build_button(self) -> None:
        ready = self.ready_ids()
        left_out = [c for c in self.checks if not c.ok]
        pattern = self.pattern.isChecked()
        self.pattern.setEnabled(len(self.checks) > 1)
        needed = 2 if pattern else 1
        self.build_button.setEnabled(len(ready) >= needed and (pattern or len(ready) == 1))
        if not self.checks:
            self.summary.setText("")
        elif not pattern and len(ready) > 1:
            self.summary.setText(
                self.tr("Several cases: tick “Pattern submission”, or export them one by one.")
            )
        elif len(ready) < needed:
            reasons = "\n".join(self.refusals.get(c.case_id, "") for c in self.checks if c.blocked)
            self.summary.setText(
                self.tr("Nothing can be exported to this target yet.")
                + (f"\n{reasons}" if reasons else "")
            )
        elif left_out:
            self.summary.setText(
                self.tr("Left out of this packet: %1.").replace(
                    "%1", ", ".join(c.pseudonym for c in left_out)
                )
            )
        else:
            self.summary.setText(self.tr("Ready to build."))

    def _add_case(self) -> None:
        ref = self.add_ref.text().strip()
        if ref:
            self.add_ref.clear()
            self.case_refs.append(ref)
            self.recheck()

    # -- building ---------------------------------------------------------------------------
    def build(self) -> None:
        ids = self.ready_ids()
        self._invalidate()
        self.build_button.setEnabled(False)
        self.pages_label.setText(self.tr("Building, signing and checking the packet…"))
        progress = QProgressDialog(self.tr("Building the packet…"), "", 0, 3, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(1000)  # only for builds that take longer than a second
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress = progress
        self.worker.submit(
            ops.build(ids, self.target_code, self.pattern.isChecked(), self.link.isChecked()),
            self._on_built,
            self._on_build_failed,
            on_progress=lambda done, total: progress.setValue(done),
        )

    def _end_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _on_build_failed(self, exc: BaseException) -> None:
        self._end_progress()
        message = user_message(exc)
        self.pages_label.setText(self.tr("The packet was not built."))
        self.leak_label.setStyleSheet("color: #b00020;")
        self.leak_label.setText(message)
        self._update_build_button()
        leak = ops.leak_of(exc)
        if leak is not None:
            self.leak_box.show_leak(leak)
        self.export_failed.emit(message)  # the message only: the text found is never emitted

    def _on_redact_failed(self, message: str) -> None:
        self.leak_label.setText(message)
        self.export_failed.emit(message)

    @property
    def leak(self) -> ops.Leak | None:
        return self.leak_box.leak

    def _on_built(self, preview: ops.Preview) -> None:
        self._end_progress()
        self.preview = preview
        self._update_build_button()
        files = len(preview.built.files)
        self.leak_label.setStyleSheet("color: #1b5e20;")
        self.leak_label.setText(
            self.tr(
                "Leak check passed: no registered name or term, in any spelling, in any of the "
                "%1 files (PDF text and metadata included). Signed by %2."
            )
            .replace("%1", str(files))
            .replace("%2", preview.built.fingerprint)
        )
        self.save_button.setEnabled(True)
        self.pages_label.setText(self.tr("Rendering the pages…"))
        self.worker.run(ops.render_pages(preview.pdf, PREVIEW_SCALE), self._show_pages)
        self.packet_built.emit(preview)

    def _show_pages(self, pages: list[tuple[int, int, int, bytes]]) -> None:
        clear_layout(self.pages_layout)
        for page in pages:
            label = page_label(page, self.page_view.viewport().width() - 44)
            label.setFixedSize(label.pixmap().size())  # a page keeps its size; the view scrolls
            self.pages_layout.addWidget(label)
            label.show()  # counted by the layout now, not after the next event loop turn
        self.pages_layout.activate()
        self.pages.resize(self.pages_layout.sizeHint())
        if self.preview is not None:
            self.pages_label.setText(
                self.tr("Preview of submission.pdf · %n page(s) · %1", "", len(pages)).replace(
                    "%1", ", ".join(self.preview.pseudonyms)
                )
            )

    @property
    def page_count(self) -> int:
        return self.pages_layout.count()

    # -- saving -----------------------------------------------------------------------------
    def _choose_file(self) -> None:
        if self.preview is None:
            return
        name = f"packet-{self.preview.target}-{self.preview.built.packet_id}.zip"
        path = file_dialogs.get_save_file_name(
            self, self.tr("Save packet"), str(Path.home() / name), self.tr("Packets (*.zip)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        if self.preview is None:
            return
        self.save_button.setEnabled(False)
        self.worker.submit(ops.save(self.preview, path), self._on_saved, self._on_save_failed)

    def _on_saved(self, saved: ops.Saved) -> None:
        self.leak_label.setText(
            self.leak_label.text()
            + "\n"
            + self.tr("Saved and verified: %1 (%2 bytes).")
            .replace("%1", str(saved.path))
            .replace("%2", str(saved.size))
        )
        self.packet_saved.emit(str(saved.path))

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        message = user_message(exc)
        self.leak_label.setText(message)
        self.export_failed.emit(message)

    def done(self, result: int) -> None:
        self.preview = None  # drop the packet from memory
        clear_layout(self.pages_layout)
        super().done(result)


__all__ = ["ExportDialog"]
