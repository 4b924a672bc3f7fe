"""GUI fixtures: a real worker thread over a real (test-KDF) vault, settings in a temp file.

Shared with the editor/review/export tests. Nothing here mocks the store: the worker opens the
same SQLCipher vault the ``seeded_vault`` fixture created.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from nkcase.gui.worker import DbWorker
from nkcase.services.vaults import open_vault
from nkcase.vault.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def worker(qapp: Any) -> Iterator[DbWorker]:
    """A started worker with no vault open (locked)."""
    w = DbWorker()
    w.start()
    try:
        yield w
    finally:
        w.stop()


def _open_on(worker: DbWorker, qtbot: Any, folder: Path) -> DbWorker:
    with qtbot.waitSignal(worker.vault_opened, timeout=10_000):
        worker.open_vault(lambda: open_vault(folder, passphrase=PASSPHRASE))
    return worker


@pytest.fixture
def open_worker(worker: DbWorker, qtbot: Any, vault: Vault) -> DbWorker:
    """The worker with a fresh empty vault open on its thread."""
    return _open_on(worker, qtbot, vault.folder)


@pytest.fixture
def seeded_worker(worker: DbWorker, qtbot: Any, seeded_vault: Vault) -> DbWorker:
    """The worker with the seeds/ vault open on its thread."""
    return _open_on(worker, qtbot, seeded_vault.folder)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "nkcase.ini"


@pytest.fixture
def qsettings(settings_file: Path) -> QSettings:
    """Qt settings in a temp ini file (never the user's real settings)."""
    return QSettings(str(settings_file), QSettings.Format.IniFormat)


def call_on_worker(worker: DbWorker, qtbot: Any, fn: Any, timeout: int = 10_000) -> Any:
    """Run ``fn(vault)`` on the worker and return its result (or raise its exception)."""
    box: dict[str, Any] = {}
    worker.submit(
        fn,
        on_success=lambda r: box.setdefault("ok", r),
        on_failure=lambda e: box.setdefault("err", e),
    )
    qtbot.waitUntil(lambda: "ok" in box or "err" in box, timeout=timeout)
    if "err" in box:
        raise box["err"]
    return box["ok"]


@pytest.fixture
def app_settings(qsettings: QSettings) -> Any:
    from nkcase.gui.settings import AppSettings

    return AppSettings(qsettings)


@pytest.fixture
def make_window(qtbot: Any, worker: DbWorker, app_settings: Any) -> Iterator[Any]:
    """``make_window(folder)``: a shown MainWindow on the shared worker (test KDF)."""
    from nkcase.gui.main_window import MainWindow
    from nkcase.vault.keyslots import TEST_KDF

    windows: list[Any] = []

    def make(folder: Path, **kwargs: Any) -> Any:
        window = MainWindow(worker, app_settings, folder, kdf=TEST_KDF, **kwargs)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.deleteLater()


def unlock_window(window: Any, qtbot: Any, passphrase: str = PASSPHRASE) -> float:
    """Type the passphrase, press Unlock, wait for the first page of the case list (its ms)."""
    from PySide6.QtCore import Qt

    window.unlock_page.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.first_page_shown, timeout=20_000) as blocker:
        qtbot.mouseClick(window.unlock_page.unlock_button, Qt.MouseButton.LeftButton)
    return float(blocker.args[0])


@pytest.fixture(autouse=True)
def _english_again(qapp: Any) -> Iterator[None]:
    """A test that switches the language must not leave the next one in Korean."""
    yield
    from nkcase.gui.i18n import install_language

    install_language(qapp, "en")
