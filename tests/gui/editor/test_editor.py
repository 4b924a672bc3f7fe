"""The case editor over a real vault and the real worker thread (offscreen)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCursor

from nkcase.gui.editor import CaseEditor
from nkcase.services import cases, editing
from nkcase.vault.vault import Vault
from tests.gui.conftest import call_on_worker


def _open(qtbot: Any, worker: Any, case_id: int) -> CaseEditor:
    editor = CaseEditor(worker, case_id)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.show()
    return editor


def _read(worker: Any, qtbot: Any, case_id: int) -> dict[str, Any]:
    def op(vault: Vault) -> dict[str, Any]:
        with vault.session() as s:
            return cases.case_to_dict(cases.find_case(s, str(case_id)))

    return call_on_worker(worker, qtbot, op)


def _new_case(worker: Any, qtbot: Any) -> int:
    def op(vault: Vault) -> int:
        with vault.session() as s:
            return editing.create_case(s, name="Han Chol Jin", name_ko="한철진", language="en").id

    return call_on_worker(worker, qtbot, op)


def test_add_case_type_narrative_register_relative_and_see_it_highlighted(
    qtbot: Any, open_worker: Any
) -> None:
    case_id = _new_case(open_worker, qtbot)
    editor = _open(qtbot, open_worker, case_id)
    assert editor.pseudonym_label.text().startswith("W-")
    assert "Han" not in editor.windowTitle()
    assert not editor.identity.revealed

    pane = editor.interviews.narrative
    text = "My wife Ri Sun Hui stayed in Hoeryong. The minder kept our passports."
    with qtbot.waitSignal(editor.autosave.saved, timeout=10_000):
        qtbot.keyClicks(pane.edit, text)
    iv = _read(open_worker, qtbot, case_id)["interviews"][0]
    assert iv["narrative"] == text

    # Not registered yet: at most a suggestion (a detector thinks it looks like a name).
    qtbot.waitUntil(lambda: bool(pane.live.highlighter.spans), timeout=5_000)
    before = [s for s in pane.live.highlighter.spans if "Sun Hui" in s.text]
    assert all(s.source == "suggestion" and s.status == "pending" for s in before)

    with qtbot.waitSignal(pane.live.spans_changed, timeout=10_000):
        editor.people.add_relative({"relation": "wife", "name": "Ri Sun Hui", "name_ko": "리순희"})
    spans = pane.live.highlighter.spans
    hit = next(s for s in spans if s.text == "Ri Sun Hui")
    assert (hit.source, hit.status, hit.token) == ("registry", "auto", "[Relative A (wife)]")
    # The paint really landed in the document's layout at her name.
    block = pane.edit.document().firstBlock()
    formats = block.layout().formats()
    start = text.index("Ri Sun Hui")
    assert any(
        f.start <= start < f.start + f.length and f.format.background().color().name() == "#f6c9c9"
        for f in formats
    )


def test_typing_more_keeps_highlights_fresh_and_texts_versioned(
    qtbot: Any, seeded_worker: Any
) -> None:
    editor = _open(qtbot, seeded_worker, 1)
    pane = editor.interviews.translation
    qtbot.waitUntil(lambda: bool(pane.live.highlighter.spans), timeout=10_000)
    pane.edit.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(pane.live.spans_changed, timeout=10_000):
        qtbot.keyClicks(pane.edit, " Later Sun-ok wrote to me.")
    ends = [s for s in pane.live.highlighter.spans if s.text == "Sun-ok"]
    assert ends and ends[-1].end == len(pane.edit.toPlainText()) - len(" wrote to me.")
    with qtbot.waitSignal(editor.case_saved, timeout=10_000):
        editor.flush()
    key = pane.field_key

    def versions(vault: Vault) -> list[dict[str, Any]]:
        with vault.session() as s:
            return editing.text_versions(s, 1, key)

    found = call_on_worker(seeded_worker, qtbot, versions)
    assert len(found) >= 2 and found[-1]["text"].endswith("Later Sun-ok wrote to me.")
