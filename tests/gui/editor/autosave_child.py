"""Child process for the kill test: opens the editor, types, then waits to be killed.

Usage: python -m tests.gui.editor.autosave_child VAULT_DIR CASE_ID TEXT [--steady]
Prints "TYPED" once the text was typed (keystroke by keystroke, as a person would). With
--steady it types one word every 250 ms and never pauses, printing "WORD n" after word n.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.umask(0o077)


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from nkcase.gui.editor import CaseEditor
    from nkcase.gui.worker import DbWorker
    from nkcase.services.vaults import open_vault

    folder, case_id, text = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    steady = "--steady" in sys.argv[4:]
    passphrase = os.environ["NKCASE_PASSPHRASE"]
    app = QApplication([])
    worker = DbWorker()
    worker.start()
    editor_box: list[CaseEditor] = []

    def opened(_vault: object) -> None:
        editor = CaseEditor(worker, case_id)
        editor_box.append(editor)
        editor.show()
        editor.loaded.connect(type_text)

    def type_text(_snap: object) -> None:
        if getattr(type_text, "done", False):
            return
        type_text.done = True  # type: ignore[attr-defined]
        edit = editor_box[0].interviews.narrative.edit
        edit.setFocus()
        if not steady:
            QTest.keyClicks(edit, text)
            print("TYPED", flush=True)
            return
        words = [w + " " for w in text.split(" ")]

        def next_word() -> None:
            if not words:
                return
            QTest.keyClicks(edit, words.pop(0))
            print(f"WORD {len(text.split(' ')) - len(words)}", flush=True)
            timer.start()

        timer = QTimer(app)
        timer.setSingleShot(True)
        timer.setInterval(250)  # well under the 1.5 s pause autosave waits for
        timer.timeout.connect(next_word)
        next_word()

    worker.open_vault(lambda: open_vault(folder, passphrase=passphrase), on_success=opened)
    QTimer.singleShot(120_000, app.quit)  # never outlive a broken test
    app.exec()


if __name__ == "__main__":
    main()
