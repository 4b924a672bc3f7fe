"""Protection in the field: lock after idle time, and a clipboard that forgets.

Both are plain QObjects the main window owns; neither knows about the vault.
"""

from __future__ import annotations

import hashlib
import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence

log = logging.getLogger(__name__)

# Input that counts as "someone is at the keyboard".
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits :attr:`idle_timed_out` after ``timeout_ms`` without keyboard, mouse or touch input.

    Installed as an application-wide event filter while armed; disarmed while locked.
    """

    #: no payload: the idle time ran out.
    idle_timed_out = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, timeout_ms))
        self._timer.timeout.connect(self.idle_timed_out)
        self._armed = False

    @property
    def armed(self) -> bool:
        return self._armed

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timer.setInterval(max(1, timeout_ms))
        if self._armed:
            self._timer.start()

    def timeout_ms(self) -> int:
        return self._timer.interval()

    def arm(self) -> None:
        app = QGuiApplication.instance()
        if not self._armed and app is not None:
            app.installEventFilter(self)
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        app = QGuiApplication.instance()
        if self._armed and app is not None:
            app.removeEventFilter(self)
        self._armed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in _ACTIVITY:
            self._timer.start()
        return False


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class ClipboardGuard(QObject):
    """Clears the clipboard ``timeout_ms`` after nkcase put text on it (if it still holds it).

    Only a digest of what we copied is kept, so the guard itself holds no case text. Whatever
    is still ours is also cleared at once by :meth:`clear_now` (on lock and quit).

    On X11 (and Wayland's primary selection) merely *selecting* text -- with the mouse or with
    Shift+arrows -- publishes it to every other program as the PRIMARY selection, no copy
    needed: a highlighted relative's name could be middle-click pasted anywhere. While nkcase
    owns that selection it is cleared after the same delay, and at once on lock and quit.
    """

    #: no payload: the clipboard was cleared because our copy expired or the vault locked.
    clipboard_cleared = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, timeout_ms))
        self._timer.timeout.connect(self._expire)
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(max(1, timeout_ms))
        self._selection_timer.timeout.connect(self._clear_selection)
        self._ours: bytes | None = None
        self._enabled = False
        self._clipboard.dataChanged.connect(self._changed)
        self._clipboard.selectionChanged.connect(self._selection_changed)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timer.setInterval(max(1, timeout_ms))
        self._selection_timer.setInterval(max(1, timeout_ms))

    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_enabled(self, enabled: bool) -> None:
        """Watch copies only while a vault is open (the wizard's recovery key is separate)."""
        self._enabled = enabled

    @property
    def holding(self) -> bool:
        """True while text we copied is on the clipboard and a clear is scheduled."""
        return self._ours is not None

    def _copied_by_us(self) -> bool:
        if self._clipboard.ownsClipboard():
            return True
        # Platforms without clipboard ownership: a change while our window has focus is ours.
        return QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive

    def _changed(self) -> None:
        text = self._clipboard.text()
        if not self._enabled or not text:
            return
        if self._ours is not None and _digest(text) == self._ours:
            return
        if not self._copied_by_us():
            self._ours = None
            self._timer.stop()
            return
        self.track(text)

    def track(self, text: str) -> None:
        """Schedule clearing of ``text`` (for copies made through a QClipboard API)."""
        self._ours = _digest(text)
        self._timer.start()

    def _expire(self) -> None:
        self.clear_now()

    def _owns_selection(self) -> bool:
        return self._clipboard.supportsSelection() and self._clipboard.ownsSelection()

    def _selection_changed(self) -> None:
        if self._enabled and self._owns_selection():
            self._selection_timer.start()  # restarts: counts from the last selection change
        else:
            self._selection_timer.stop()

    @property
    def holding_selection(self) -> bool:
        """True while a selection of ours is published and its clear is scheduled."""
        return self._selection_timer.isActive()

    def _clear_selection(self) -> None:
        self._selection_timer.stop()
        if self._owns_selection():
            self._clipboard.clear(QClipboard.Mode.Selection)
            log.info("primary selection cleared")

    def clear_now(self) -> None:
        """Clear the clipboard if it still holds what we copied; forget it either way.

        The primary selection is cleared whenever it is still ours.
        """
        self._clear_selection()
        self._timer.stop()
        if self._ours is None:
            return
        ours, self._ours = self._ours, None
        if _digest(self._clipboard.text()) == ours:
            self._clipboard.clear(QClipboard.Mode.Clipboard)
            if self._clipboard.supportsSelection():
                self._clipboard.clear(QClipboard.Mode.Selection)
            log.info("clipboard cleared")
            self.clipboard_cleared.emit()


class PanicKey(QObject):
    """Ctrl+Shift+L anywhere in the app, modal dialogs included: emits :attr:`panic_pressed`.

    A QAction shortcut is blocked while a modal dialog is open, so the key is caught by an
    application-wide event filter instead (the menu action shows the same shortcut).
    """

    #: no payload: the panic key was pressed.
    panic_pressed = Signal()

    def __init__(self, sequence: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        combo = QKeySequence(sequence)[0]  # type: ignore[index]
        self._key = combo.key()
        self._modifiers = combo.keyboardModifiers()
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def _matches(self, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return event.key() == self._key and mods == self._modifiers

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and self._matches(event):
            event.accept()  # claim the key before any shortcut (or modal block) sees it
            return True
        if kind == QEvent.Type.KeyPress and self._matches(event):
            if not event.isAutoRepeat():  # type: ignore[attr-defined]
                self.panic_pressed.emit()
            return True
        return False

    def uninstall(self) -> None:
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
