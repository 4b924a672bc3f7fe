"""An editor closed while its save is on the worker: the text is saved, nothing is logged."""

from __future__ import annotations

import logging
import threading
from typing import Any

from nkcase.gui.editor import CaseEditor
from nkcase.services import cases
from nkcase.vault.vault import Vault
from tests.gui.conftest import call_on_worker
from tests.gui.editor.test_editor import _new_case


def test_save_result_after_the_editor_is_gone(qtbot: Any, open_worker: Any, caplog: Any) -> None:
    case_id = _new_case(open_worker, qtbot)
    editor = CaseEditor(open_worker, case_id)  # not qtbot.addWidget: this test deletes it
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.show()
    text = "Typed just before the tab was closed."
    editor.interviews.narrative.edit.setPlainText(text)
    gate = threading.Event()
    # Hold the worker so the save is still queued when the editor is deleted.
    open_worker.submit(lambda _vault: gate.wait(5))
    editor.flush()
    editor.close()
    editor.deleteLater()
    qtbot.waitUntil(lambda: not _alive(editor), timeout=5_000)
    gate.set()

    def read(vault: Vault) -> str:
        with vault.session() as s:
            return cases.find_case(s, str(case_id)).interviews[0].narrative

    with caplog.at_level(logging.ERROR):
        assert call_on_worker(open_worker, qtbot, read) == text
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def _alive(obj: Any) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
