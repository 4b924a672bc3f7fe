"""Render the editor, review and export screens to docs/screenshots/ (offscreen, seeds vault).

    python -m tests.gui.editor.screenshots [--lang ko]

Uses a throw-away vault made from seeds/ (fictional people) in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.umask(0o077)

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "docs" / "screenshots"


def _wait(app: object, done: Callable[[], bool], timeout_s: float = 30) -> None:
    import time

    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout_s
    while not done():
        QApplication.processEvents()
        time.sleep(0.01)
        if time.monotonic() > end:
            raise TimeoutError("screen did not settle")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from nkcase.gui.editor import CaseEditor
    from nkcase.gui.export import ExportDialog
    from nkcase.gui.worker import DbWorker
    from nkcase.services import cases, vaults
    from nkcase.vault.keyslots import TEST_KDF

    app = QApplication(sys.argv[:1])
    from nkcase.gui.i18n import install_language, load_fonts

    load_fonts(app)
    install_language(app, args.lang)
    suffix = "" if args.lang == "en" else f"-{args.lang}"
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = vaults.create_vault(
            Path(tmp) / "v", "Demo Centre", "plum-vortex-harbor-81", TEST_KDF
        )
        for path in sorted((ROOT / "seeds").glob("*.json")):
            cases.import_case_file(vault, path)
        folder = vault.folder
        vault.close()
        worker = DbWorker()
        worker.start()
        opened: list[object] = []
        worker.open_vault(
            lambda: vaults.open_vault(folder, passphrase="plum-vortex-harbor-81"),
            on_success=opened.append,
        )
        _wait(app, lambda: bool(opened))

        editor = CaseEditor(worker, 1)
        editor.resize(1280, 820)
        editor.show()
        _wait(app, lambda: editor.snapshot is not None)
        pane = editor.interviews.translation
        _wait(app, lambda: bool(pane.live.highlighter.spans))
        _wait(app, lambda: bool(editor.interviews.narrative.live.highlighter.spans))

        def shot(widget: object, name: str) -> None:
            _wait(app, lambda: worker.pending == 0)
            app.processEvents()
            widget.grab().save(str(OUT / f"{name}{suffix}.png"))  # type: ignore[attr-defined]
            print(OUT / f"{name}{suffix}.png")

        shot(editor, "editor-interviews")
        for index, name in ((1, "identity"), (2, "people"), (3, "deployments"),
                            (4, "indicators"), (5, "consent")):  # fmt: skip
            editor.tabs.setCurrentIndex(index)
            shot(editor, f"editor-{name}")
        editor.tabs.setCurrentIndex(7)
        _wait(app, lambda: editor.history.audit.rowCount() > 0)
        shot(editor, "editor-history")
        editor.tabs.setCurrentIndex(6)
        _wait(app, lambda: editor.review.state is not None)
        editor.review.next_pending()
        shot(editor.review, "review-pending")
        # Decide everything so the export can go ahead.
        while editor.review.pending_count > 0:
            before = editor.review.pending_count
            editor.review.decide("reject", "span")
            _wait(app, lambda b=before: editor.review.pending_count < b)  # type: ignore[misc]
        shot(editor.review, "review-done")

        dialog = ExportDialog(worker, [1])
        dialog.show()
        _wait(app, lambda: bool(dialog.checks))
        dialog.target.setCurrentIndex(dialog.target.findData("sanctions"))
        _wait(app, lambda: bool(dialog.checks) and dialog.checks[0].blocked is not None)
        shot(dialog, "export-consent-blocked")
        dialog.target.setCurrentIndex(dialog.target.findData("sr_slavery"))
        _wait(app, lambda: bool(dialog.checks) and dialog.checks[0].ok)
        dialog.build()
        _wait(app, lambda: dialog.preview is not None and dialog.page_count > 0, 60)
        shot(dialog, "export-preview")
        dialog.close()
        editor.close()
        worker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
