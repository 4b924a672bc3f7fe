"""Starting the desktop app: QApplication, fonts, language, worker, main window."""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from nkcase.errors import describe_exception
from nkcase.gui.i18n import install_language, load_fonts
from nkcase.gui.main_window import MainWindow
from nkcase.gui.settings import AppSettings
from nkcase.gui.worker import DbWorker
from nkcase.process_hardening import harden_process
from nkcase.vault.keyslots import KdfParams
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)


def _quiet_excepthook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
    """Uncaught errors in slots: log the type and code places, never the message (it can
    quote case text) -- Python's default hook would print it all to the terminal."""
    log.error("unexpected error: %s", describe_exception(exc.with_traceback(tb)))  # type: ignore[arg-type]


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("nkcase")
    QCoreApplication.setApplicationName("nkcase")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("nkcase")
    load_fonts(app)
    return app


def run_app(
    folder: Path,
    settings: AppSettings | None = None,
    kdf: KdfParams | None = None,
    demo_passphrase: str | None = None,
    opener: Callable[[], Vault] | None = None,
    quit_after_ms: int | None = None,
) -> int:
    """Run the GUI on the vault in ``folder`` until the window closes; returns the exit code.

    ``opener`` (the demo) opens or creates the vault on the worker at start instead of showing
    the lock screen. ``quit_after_ms`` closes the window after that time (smoke tests).
    """
    harden_process()  # no core dump or crash report holds the data key (also done by the CLI)
    app = make_application()
    sys.excepthook = _quiet_excepthook
    settings = settings or AppSettings()
    install_language(app, settings.language)
    worker = DbWorker()
    worker.start()
    window = MainWindow(worker, settings, folder, kdf=kdf, demo_passphrase=demo_passphrase)
    window.show()
    if opener is not None:
        window.open_with(opener)
    else:
        QTimer.singleShot(0, window.first_run)
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, window.close)
    # Ctrl+C or a TERM signal closes the window properly (the vault locks, the demo is removed).
    signal.signal(signal.SIGINT, lambda *_: window.close())
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, lambda *_: window.close())
    ticker = QTimer()  # lets Python run signal handlers while Qt's loop waits
    ticker.start(250)
    ticker.timeout.connect(lambda: None)
    try:
        return int(app.exec())
    finally:
        ticker.stop()
        worker.stop()
