"""Korean is complete, current and rendered; the language switch retranslates the window."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication

from nkcase.config import resource_path
from nkcase.gui.i18n import install_language, load_fonts
from nkcase.vault.vault import Vault
from tests.gui.conftest import unlock_window

ROOT = Path(__file__).resolve().parents[2]
TS = resource_path("translations", "nkcase_ko.ts")
QM = resource_path("translations", "nkcase_ko.qm")
BIN = Path(sys.executable).parent


def _unfinished(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            text = "".join(tr.itertext()).strip() if tr is not None else ""
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not text:
                problems.append(f"{name}: {message.findtext('source')!r}")
    return problems


def test_korean_translation_is_complete() -> None:
    assert TS.exists() and QM.exists()
    assert _unfinished(TS) == []


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_every_gui_string_is_in_the_translation(tmp_path: Path) -> None:
    """lupdate over today's sources adds nothing untranslated, and the .qm is current."""
    copy = tmp_path / "nkcase_ko.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "nkcase" / "gui").rglob("*.py"))
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert _unfinished(copy) == []
    qm = tmp_path / "nkcase_ko.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert qm.read_bytes() == QM.read_bytes(), "run pyside6-lrelease: nkcase_ko.qm is stale"


def test_hangul_renders_with_the_bundled_font(qapp: Any) -> None:
    families = load_fonts(qapp)
    assert "NanumGothic" in families
    assert QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems("NanumGothic")
    assert "NanumGothic" in QApplication.font().families()

    def ink(text: str) -> int:
        image = QImage(200, 40, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        painter = QPainter(image)
        painter.setFont(QFont("NanumGothic", 14))
        painter.drawText(5, 30, text)
        painter.end()
        return sum(
            1 for x in range(200) for y in range(40) if image.pixel(x, y) & 0xFFFFFF != 0xFFFFFF
        )

    # Different syllables draw different shapes (not the same missing-glyph box).
    assert ink("보관소") > 50
    assert ink("보관소") != ink("잠금해")


def test_language_switch_retranslates_the_window(
    make_window: Any, qtbot: Any, seeded_vault: Vault, app_settings: Any
) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    assert window.menus.file_menu.title() == "&File"
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("ko"))
    try:
        dialog.accept()
        assert app_settings.language == "ko"
        qtbot.waitUntil(lambda: window.menus.file_menu.title() == "파일(&F)")
        assert window.case_list.search_box.placeholderText().startswith("진술")
        model = window.case_list.model
        assert model.headerData(0, _horizontal()) == "사례"
        countries = {model.index(r, 1).data() for r in range(model.rowCount())}
        assert "러시아" in ", ".join(c for c in countries if c)
        assert "사례" in window.case_list.count_label.text()
        window.lock("manual")
        assert window.unlock_page.title.text() == "보관소가 잠겨 있습니다"
    finally:
        app = QApplication.instance()
        assert app is not None
        install_language(app, "en")
    qtbot.waitUntil(lambda: window.unlock_page.title.text() == "The vault is locked")


def test_language_switch_retranslates_an_open_case_editor(
    make_window: Any, qtbot: Any, seeded_vault: Vault, app_settings: Any
) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    window.open_case(window.case_list.model.case_id(0))
    editor = window.case_tabs.tabs.currentWidget()
    qtbot.waitUntil(lambda: editor.snapshot is not None, timeout=10_000)
    assert editor.tabs.tabText(0) == "Interviews"
    editor.tabs.setCurrentIndex(3)
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("ko"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.case_tabs.tabs.currentWidget() is not editor)
    reopened = window.case_tabs.tabs.currentWidget()
    texts = [reopened.tabs.tabText(i) for i in range(reopened.tabs.count())]
    assert texts[0] == "면담" and "가림 처리 검토" in texts
    assert reopened.tabs.currentIndex() == 3  # the section the user was in
    assert window.case_tabs.tabs.count() == 1
    qtbot.waitUntil(lambda: reopened.snapshot is not None, timeout=10_000)
    assert reopened.pseudonym_label.text() == window.case_tabs.current_title()


def _horizontal() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
