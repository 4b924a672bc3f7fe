"""File dialogs leave no folder history behind (QtProject.conf, recently-used.xbel)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from nkcase.gui import file_dialogs

GUI = Path(__file__).resolve().parents[2] / "nkcase" / "gui"


@pytest.fixture
def tmp_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Qt's user settings (QtProject.conf) and the XDG files under a temp home."""
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    # QSettings caches the user path it resolved first: point it at the temp home.
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home / ".config")
    )
    return home


def _accept_when_shown(chosen: Path) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def poke() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                seen["native"] = widget.testOption(QFileDialog.Option.DontUseNativeDialog)
                if chosen.is_dir():
                    widget.setDirectory(str(chosen))
                else:  # typed, as a user would (selectFile waits for the folder to load)
                    edit = widget.findChild(QLineEdit, "fileNameEdit")
                    assert edit is not None
                    edit.setText(str(chosen))
                widget.accept()
                if not widget.isVisible():
                    return
        QTimer.singleShot(50, poke)

    QTimer.singleShot(50, poke)
    return seen


def _files_mentioning(root: Path, word: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and word in p.read_bytes().decode("latin-1")]


def test_saving_leaves_no_trace_of_the_folder(qapp: Any, tmp_path: Path, tmp_home: Path) -> None:
    folder = tmp_path / "sr_slavery_packets_for_geneva"
    folder.mkdir()
    target = folder / "packet.zip"
    seen = _accept_when_shown(target)
    got = file_dialogs.get_save_file_name(None, "Save packet", str(target), "Packets (*.zip)")
    assert Path(got) == target
    assert seen["native"] is True  # Qt's own dialog: no GTK recent files
    conf = tmp_home / ".config" / "QtProject.conf"
    assert conf.exists()  # Qt did write its settings (sidebar, view mode...)...
    assert _files_mentioning(tmp_home, folder.name) == []  # ...but not where the packet went
    assert _files_mentioning(tmp_home, "packet.zip") == []


def test_opening_and_choosing_a_folder_leave_no_trace(
    qapp: Any, tmp_path: Path, tmp_home: Path
) -> None:
    folder = tmp_path / "restore_of_the_wife_case"
    folder.mkdir()
    backup = folder / "b.nkbak"
    backup.write_bytes(b"x")
    _accept_when_shown(backup)
    assert Path(file_dialogs.get_open_file_name(None, "Restore", str(folder), "*")) == backup
    _accept_when_shown(folder)
    assert Path(file_dialogs.get_existing_directory(None, "Into", str(folder))) == folder
    assert _files_mentioning(tmp_home, folder.name) == []


def _file_dialog_calls(tree: ast.AST) -> list[int]:
    """Lines calling QFileDialog(...) or QFileDialog.get*(...)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id == "QFileDialog":
                lines.append(node.lineno)
            if (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id == "QFileDialog"
                and func.attr.startswith("get")
            ):
                lines.append(node.lineno)
    return lines


def test_only_the_wrapper_opens_file_dialogs() -> None:
    offenders = {}
    for path in sorted(GUI.rglob("*.py")):
        if path.name == "file_dialogs.py" and path.parent == GUI:
            continue
        lines = _file_dialog_calls(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            offenders[str(path.relative_to(GUI))] = lines
    assert offenders == {}
    assert _file_dialog_calls(ast.parse((GUI / "file_dialogs.py").read_text())) != []
