"""Interviews: narrative and translation editors, highlighted live, autosaved."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nkcase.domain import vocab
from nkcase.gui.editor import ops
from nkcase.gui.editor.highlight import LiveHighlight
from nkcase.services import editing

if TYPE_CHECKING:
    from nkcase.gui.editor.editor import CaseEditor

_META = ("date", "place", "interviewer", "language")


class TextPane(QWidget):
    """One text field of the current interview: a title, the editor, live highlighting."""

    def __init__(self, section: InterviewsSection, which: str, title: str) -> None:
        super().__init__(section)
        self.section = section
        self.which = which
        self.title = QLabel(f"<b>{title}</b>")
        self.edit = QPlainTextEdit()
        self.edit.setObjectName(which)
        self.edit.setTabChangesFocus(True)
        self.field_key = ""
        editor = section.editor
        self.live = LiveHighlight(editor.worker, self.edit, "", editor.registry_context)
        self._text = ""
        # contentsChanged also fires on repaints by the highlighter: compare before saving.
        self.edit.document().contentsChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.edit)
        self._loading = False

    def load(self, interview_id: int, text: str) -> None:
        self.field_key = f"interview/{interview_id}/{self.which}"
        self.live.field_key = self.field_key
        self._loading = True
        try:
            self._text = text
            self.edit.setPlainText(text)
        finally:
            self._loading = False
        self.live.refresh()

    def _changed(self) -> None:
        if self._loading or not self.field_key:
            return
        text = self.edit.toPlainText()
        if text != self._text:
            self._text = text
            self.section.editor.autosave.text_changed(self.field_key, text)


class InterviewsSection(QWidget):
    def __init__(self, editor: CaseEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self._interviews: list[dict[str, Any]] = []
        self._shown: int | None = None

        self.chooser = QComboBox()
        self.chooser.activated.connect(lambda i: self.show_interview(self.chooser.itemData(i)))
        add = QPushButton(self.tr("Add interview"))
        add.clicked.connect(lambda: editor.edit(editing.add_interview, {}, on_done=self._added))
        self.meta: dict[str, QLineEdit] = {}
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(add)
        meta_row = QHBoxLayout()
        labels = {
            "date": self.tr("Date"),
            "place": self.tr("Place"),
            "interviewer": self.tr("Interviewer"),
            "language": self.tr("Language"),
        }
        for key in _META:
            line = QLineEdit()
            line.setObjectName(f"interview_{key}")
            line.setPlaceholderText(labels[key])
            line.editingFinished.connect(lambda k=key: self._save_meta(k))
            self.meta[key] = line
            meta_row.addWidget(QLabel(labels[key]))
            meta_row.addWidget(line, 2 if key in ("place", "interviewer") else 1)

        self.narrative = TextPane(self, "narrative", self.tr("Narrative"))
        self.translation = TextPane(self, "translation", self.tr("Translation"))
        splitter = QSplitter()
        splitter.addWidget(self.narrative)
        splitter.addWidget(self.translation)

        self.quote_button = QToolButton()
        self.quote_button.setText(self.tr("Quote selection as evidence for…"))
        self.quote_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.quote_button)
        lang = "ko" if self.tr("en") == "ko" else "en"
        for code, term in vocab.indicators().items():
            action = menu.addAction(term.label(lang))
            action.triggered.connect(lambda _c=False, c=code: self.quote_selection(c))
        self.quote_button.setMenu(menu)
        # Room for the menu arrow too: the style's size hint leaves it over the last letters.
        self.quote_button.setMinimumWidth(self.quote_button.sizeHint().width() + 16)
        legend = QLabel(
            self.tr(
                '<span style="background:#f6c9c9">&nbsp;registered: replaced in exports&nbsp;'
                '</span>&nbsp;&nbsp;<span style="background:#fff0b3">&nbsp;suggestion: '
                "review before export&nbsp;</span>"
            )
        )
        bottom = QHBoxLayout()
        bottom.addWidget(legend, 1)
        bottom.addWidget(self.quote_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(meta_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        editor.loaded.connect(self.show_case)

    # -- showing ----------------------------------------------------------------------------
    def show_case(self, snap: ops.Snapshot) -> None:
        self._interviews = list(snap.case.get("interviews") or [])
        self.chooser.clear()
        for i, iv in enumerate(self._interviews):
            label = self.tr("Interview %1").replace("%1", str(i + 1))
            if iv.get("date"):
                label += f" · {iv['date']}"
            self.chooser.addItem(label, iv["id"])
        ids = [iv["id"] for iv in self._interviews]
        if self._shown in ids:
            self.chooser.setCurrentIndex(ids.index(self._shown))
            self._show_meta(self._interviews[ids.index(self._shown)])
            # Texts on screen may be newer than the vault's (autosave pending): keep them.
            self.narrative.live.refresh()
            self.translation.live.refresh()
        elif ids:
            self.show_interview(ids[0])

    def show_interview(self, interview_id: int) -> None:
        iv = next((i for i in self._interviews if i["id"] == interview_id), None)
        if iv is None:
            return
        self.editor.autosave.flush()  # the texts of the interview we leave land first
        self._shown = interview_id
        self.chooser.setCurrentIndex(max(self.chooser.findData(interview_id), 0))
        self._show_meta(iv)
        self.narrative.load(interview_id, iv.get("narrative") or "")
        self.translation.load(interview_id, (iv.get("translation") or {}).get("text") or "")

    def _show_meta(self, iv: dict[str, Any]) -> None:
        for key, line in self.meta.items():
            if not line.hasFocus():
                line.setText(iv.get(key) or "")

    def _added(self, interview_id: int) -> None:
        self.show_interview(interview_id)

    # -- editing ----------------------------------------------------------------------------
    def _save_meta(self, key: str) -> None:
        iv = next((i for i in self._interviews if i["id"] == self._shown), None)
        value = self.meta[key].text().strip()
        if iv is None or (iv.get(key) or "") == value:
            return
        iv[key] = value or None
        self.editor.edit(editing.update_interview, iv["id"], {key: value})

    def commit_metadata(self) -> None:
        for key in _META:
            self._save_meta(key)

    def current_text_edit(self) -> QPlainTextEdit:
        return self.translation.edit if self.translation.edit.hasFocus() else self.narrative.edit

    def selected_text(self) -> str:
        for pane in (self.narrative, self.translation):
            cursor = pane.edit.textCursor()
            if cursor.hasSelection():
                return cursor.selectedText().replace("\u2029", "\n").strip()
        return ""

    def quote_selection(self, code: str) -> None:
        text = self.selected_text()
        if not text:
            self.editor._show_error(self.tr("Select a passage of the narrative first."))
            return
        self.editor.edit(editing.add_indicator, code, text)
