"""Render the app shell's screens to docs/screenshots/app-*-{en,ko}.png (offscreen).

    python docs/screenshots/make_screenshots.py            # English and Korean
    python docs/screenshots/make_screenshots.py --lang ko

Uses throw-away vaults in a temporary folder: one made by the first-run wizard, one made from
seeds/ (fictional people). The editor, review and export screens are rendered by
tests/gui/editor/screenshots.py.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.umask(0o077)

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

WIDTH = int(os.environ.get("NKCASE_SHOT_WIDTH", "1280"))
PASSPHRASE = "lantern-quartz-meadow-orbit-57"


def wait(done: Callable[[], bool], timeout_s: float = 30) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout_s
    while not done():
        QApplication.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the screen did not get ready in time")
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


def save(widget: object, name: str, lang: str) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    for _ in range(5):
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
    path = OUT / f"app-{name}-{lang}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def save_with_menu(window: object, menu: object, lang: str) -> None:
    """The window with one of its menus open (offscreen, a popup is a window of its own)."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

    assert isinstance(window, QMainWindow) and isinstance(menu, QMenu)
    bar = window.menuBar()
    corner = bar.actionGeometry(menu.menuAction()).bottomLeft()
    menu.popup(bar.mapToGlobal(corner))
    for _ in range(5):
        QApplication.processEvents()
    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(bar.mapTo(window, corner), menu.grab())
    painter.end()
    menu.hide()
    path = OUT / f"app-vault-menu-{lang}.png"
    shot.save(str(path))
    print(path.relative_to(ROOT))


def render(lang: str, scratch: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from nkcase.gui.app import make_application
    from nkcase.gui.i18n import install_language
    from nkcase.gui.main_window import MainWindow
    from nkcase.gui.settings import AppSettings
    from nkcase.gui.worker import DbWorker
    from nkcase.services import cases, keys, vaults
    from nkcase.vault.keyslots import TEST_KDF

    app = make_application()
    settings = AppSettings(QSettings(str(scratch / f"{lang}.ini"), QSettings.Format.IniFormat))
    settings.language = lang
    install_language(app, lang)
    worker = DbWorker()
    worker.start()
    try:
        # First run: the wizard.
        window = MainWindow(worker, settings, scratch / f"new-{lang}", kdf=TEST_KDF)
        window.resize(WIDTH, 800)
        window.show()
        save(window, "first-run", lang)
        wizard = window.start_wizard()
        wizard.organisation_page.organisation.setText("Seoul Documentation Centre")
        save(wizard, "wizard-organisation", lang)
        wizard.next()
        page = wizard.passphrase_page
        page.passphrase.setText("password123")
        page.repeat.setText("password123")
        page.update_meter()
        save(wizard, "wizard-weak-passphrase", lang)
        page.passphrase.setText(PASSPHRASE)
        page.repeat.setText(PASSPHRASE)
        page.update_meter()
        wizard.next()
        wait(lambda: wizard.currentPage() is wizard.recovery_page)
        save(wizard, "wizard-recovery-key", lang)
        wizard.recovery_page.confirm.setChecked(True)
        wizard.accept()
        wait(lambda: window.is_unlocked and not window.case_list.model.loading)
        window.lock("manual")
        window.close()

        # A vault with the fictional seed cases.
        folder = scratch / f"seeds-{lang}"
        vault, _ = vaults.create_vault(folder, "Seoul Documentation Centre", PASSPHRASE, TEST_KDF)
        for path in sorted((ROOT / "seeds").glob("*.json")):
            cases.import_case_file(vault, path)
        # Slots as a team would have them: a second interviewer's passphrase and a duress one.
        keys.add_passphrase(
            vault, "harbour-violet-cinder-maple-31", label="Field laptop (Min-ji)", kdf=TEST_KDF
        )
        keys.set_duress(vault, "copper-willow-tundra-ember-88", kdf=TEST_KDF)
        vault.close()
        window = MainWindow(worker, settings, folder, kdf=TEST_KDF)
        window.resize(WIDTH, 800)
        window.show()
        unlock = window.unlock_page
        unlock.passphrase.setText("not the passphrase")
        failed: list[str] = []
        unlock.unlock_failed.connect(failed.append)
        unlock.submit()
        wait(lambda: bool(failed))
        save(window, "unlock-wrong-passphrase", lang)
        unlock.set_recovery_mode(True)
        save(window, "unlock-recovery-key", lang)
        unlock.set_recovery_mode(False)
        shown: list[float] = []
        window.first_page_shown.connect(shown.append)
        unlock.passphrase.setText(PASSPHRASE)
        unlock.submit()
        wait(lambda: bool(shown))
        save(window, "case-list", lang)
        panel = window.case_list
        loaded: list[float] = []
        panel.model.first_page_loaded.connect(loaded.append)
        panel.search_box.setText("passport" if lang == "en" else "여권")
        panel.apply_query()
        wait(lambda: bool(loaded))
        loaded.clear()
        panel.sector.setCurrentIndex(panel.sector.findData("logging"))
        wait(lambda: bool(loaded))
        save(window, "search-and-filter", lang)
        panel.search_box.clear()
        panel.sector.setCurrentIndex(0)
        panel.apply_query()
        wait(lambda: not panel.model.loading and panel.model.rowCount() > 5)
        # The open case: the one with the most redaction suggestions still to review, so that
        # the shot shows them (yellow) beside the registered terms (pink).
        from nkcase.gui.export import ops as export_ops

        ids = [panel.model.case_id(r) for r in range(panel.model.rowCount())]
        checks: list[object] = []
        worker.submit(
            export_ops.check_cases([i for i in ids if i is not None], "sr_slavery"),
            on_success=checks.extend,
        )
        wait(lambda: bool(checks))
        first = max(checks, key=lambda c: c.pending).case_id if checks else panel.model.case_id(0)  # type: ignore[attr-defined]
        if first is not None:
            panel.select_case(first)
            window.open_case(first)
            wait(lambda: window.tabs.count() == 1, 10)
            time.sleep(0.3)
            wait(lambda: worker.pending == 0)
            save(window, "case-open", lang)
        if window.menus.vault_menu is not None:
            from nkcase.gui.field_dialogs import KeySlotsDialog

            save_with_menu(window, window.menus.vault_menu, lang)
            slots = KeySlotsDialog(worker, window)
            slots.show()
            wait(lambda: slots.table.topLevelItemCount() == 4)
            slots.table.setCurrentIndex(slots.table.model().index(2, 0))
            save(slots, "key-slots", lang)
            slots.close()
        dialog = window.open_settings()
        save(dialog, "settings", lang)
        dialog.reject()
        window.lock("panic")
        save(window, "locked-after-panic", lang)
        window.close()
    finally:
        worker.stop()
        install_language(QApplication.instance(), "en")  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=["en", "ko"], action="append")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nkcase-shots-") as tmp:
        for lang in args.lang or ["en", "ko"]:
            render(lang, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
