"""Interface language (Qt translators) and the Korean-capable font."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from nkcase.config import resource_path

log = logging.getLogger(__name__)

FALLBACK_FONTS = ("NanumGothic.ttf", "NanumGothicBold.ttf")
_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(resource_path("translations"))


def install_language(app: QCoreApplication, code: str) -> bool:
    """Swap the app's translators for ``code`` ("en" or "ko"); widgets get a LanguageChange.

    Returns False if the nkcase translation for ``code`` could not be loaded (English is used).
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Korean if code == "ko" else QLocale.Language.English)
    )
    if code == "en":
        return True  # removing the translators sent every widget a LanguageChange already
    ok = True
    ours = QTranslator(app)
    if ours.load(f"nkcase_{code}", translations_dir()):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no nkcase translation for language %s", code)
        ok = False
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{code}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return ok


def load_fonts(app: QApplication) -> list[str]:
    """Register the bundled NanumGothic and put it behind the default family as a fallback.

    Hangul then renders even on a machine without a CJK system font.
    """
    families: list[str] = []
    for name in FALLBACK_FONTS:
        path = resource_path("fonts", name)
        if not path.exists():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    families = list(dict.fromkeys(families))
    if families:
        font = QFont(app.font())
        font.setFamilies([app.font().family(), *families])
        app.setFont(font)
    return families


class Retranslatable:
    """Mixin for widgets (list it before the Qt class): ``retranslate()`` runs again whenever
    the application's language changes, so every visible string follows the switch."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
