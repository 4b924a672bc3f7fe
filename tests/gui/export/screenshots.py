"""Render the leak-check refusal of the export dialog to docs/screenshots/ (offscreen).

    python -m tests.gui.export.screenshots [--lang ko]

Writes export-leak-refused-{en,ko}.png: a pattern export of the seed cases (fictional people)
for the OHCHR office in Seoul, refused because one case's narrative names another case's
registered place; the text found and the one-click fix are on screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.umask(0o077)

from tests.gui.editor.screenshots import OUT, ROOT, _wait  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from nkcase.gui.export import ExportDialog
    from nkcase.gui.i18n import install_language, load_fonts
    from nkcase.gui.worker import DbWorker
    from nkcase.services import cases, vaults
    from nkcase.vault.keyslots import TEST_KDF
    from tests.packets.conftest import case_dicts, exportable, review_all

    app = QApplication(sys.argv[:1])
    load_fonts(app)
    install_language(app, args.lang)
    OUT.mkdir(parents=True, exist_ok=True)
    passphrase = "plum-vortex-harbor-81"
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = vaults.create_vault(Path(tmp) / "v", "Demo Centre", passphrase, TEST_KDF)
        for path in sorted((ROOT / "seeds").glob("*.json")):
            cases.import_case_file(vault, path)
        for c in case_dicts(vault):
            review_all(vault, c["pseudonym"])
        with vault.session() as session:
            ids = [cases.find_case(session, r).id for r in exportable(vault, "ohchr_seoul")]
        folder = vault.folder
        vault.close()
        worker = DbWorker()
        worker.start()
        opened: list[object] = []
        worker.open_vault(
            lambda: vaults.open_vault(folder, passphrase=passphrase), on_success=opened.append
        )
        _wait(app, lambda: bool(opened))

        dialog = ExportDialog(worker, ids)
        dialog.show()
        _wait(app, lambda: bool(dialog.checks))
        dialog.target.setCurrentIndex(dialog.target.findData("ohchr_seoul"))
        dialog.pattern.setChecked(True)
        _wait(app, lambda: len(dialog.checks) == len(ids) and dialog.build_button.isEnabled())
        dialog.build()
        _wait(app, lambda: dialog.leak is not None and dialog.redact_button.isEnabled(), 60)
        _wait(app, lambda: worker.pending == 0)
        app.processEvents()
        out = OUT / f"export-leak-refused-{args.lang}.png"
        dialog.grab().save(str(out))
        print(out)
        dialog.close()
        worker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
