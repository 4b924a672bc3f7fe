"""The few preferences kept in Qt settings: nothing sensitive, ever.

Only the keys listed in :data:`ALLOWED_KEYS` are ever written: the interface language, the two
protection timeouts and the window geometry. No vault path, no organisation, no pseudonym, no
passphrase, no search text. Tests check the file after a whole session.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

LANGUAGES = ("en", "ko")
DEFAULT_AUTOLOCK_SECONDS = 5 * 60
DEFAULT_CLIPBOARD_SECONDS = 30
MIN_AUTOLOCK_SECONDS = 1  # tests use one second; the settings dialog offers whole minutes
MAX_AUTOLOCK_SECONDS = 4 * 60 * 60

LANGUAGE = "ui/language"
AUTOLOCK = "protection/autolock_seconds"
CLIPBOARD = "protection/clipboard_seconds"
GEOMETRY = "window/geometry"
STATE = "window/state"
ALLOWED_KEYS = frozenset({LANGUAGE, AUTOLOCK, CLIPBOARD, GEOMETRY, STATE})


def default_qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "nkcase", "nkcase")


class AppSettings:
    """Typed access to the allowed keys of one ``QSettings`` (passed in: no singleton)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings if qsettings is not None else default_qsettings()

    def _int(self, key: str, default: int, low: int, high: int) -> int:
        raw = self.q.value(key, default)
        try:
            value = int(str(raw))
        except (TypeError, ValueError):
            return default
        return min(max(value, low), high)

    def _set(self, key: str, value: object) -> None:
        if key not in ALLOWED_KEYS:  # pragma: no cover - a programming error
            raise KeyError(key)
        self.q.setValue(key, value)
        self.q.sync()

    @property
    def language(self) -> str:
        value = str(self.q.value(LANGUAGE, "en"))
        return value if value in LANGUAGES else "en"

    @language.setter
    def language(self, code: str) -> None:
        self._set(LANGUAGE, code if code in LANGUAGES else "en")

    @property
    def autolock_seconds(self) -> int:
        return self._int(
            AUTOLOCK, DEFAULT_AUTOLOCK_SECONDS, MIN_AUTOLOCK_SECONDS, MAX_AUTOLOCK_SECONDS
        )

    @autolock_seconds.setter
    def autolock_seconds(self, seconds: int) -> None:
        self._set(AUTOLOCK, max(MIN_AUTOLOCK_SECONDS, min(int(seconds), MAX_AUTOLOCK_SECONDS)))

    @property
    def clipboard_seconds(self) -> int:
        return self._int(CLIPBOARD, DEFAULT_CLIPBOARD_SECONDS, 1, 600)

    @clipboard_seconds.setter
    def clipboard_seconds(self, seconds: int) -> None:
        self._set(CLIPBOARD, max(1, min(int(seconds), 600)))

    def geometry(self) -> tuple[QByteArray | None, QByteArray | None]:
        geo, state = self.q.value(GEOMETRY), self.q.value(STATE)
        return (
            geo if isinstance(geo, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self._set(GEOMETRY, geometry)
        self._set(STATE, state)
