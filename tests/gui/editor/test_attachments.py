"""The Attachments tab on a real vault: attach through the tab (worker, progress), view images
and PDFs from memory, include with blackout boxes, remove; nothing lands on disk in clear."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from nkcase.gui.editor import CaseEditor
from nkcase.gui.editor.attachments import AttachmentsSection
from nkcase.vault import attachments as att
from nkcase.vault.vault import Vault
from tests.gui.conftest import call_on_worker
from tests.gui.editor.test_editor import _new_case, _open

IMAGE_CANARY = b"CANARY-GUI-IMAGE-4471"
NAME_CANARY = "Canaryguiphoto"


def _jpeg(path: Path, size: tuple[int, int] = (320, 240)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (240, 240, 240)).save(out, format="JPEG", comment=IMAGE_CANARY)
    path.write_bytes(out.getvalue())
    return out.getvalue()


def _tab(qtbot: Any, worker: Any) -> tuple[CaseEditor, AttachmentsSection, int]:
    case_id = _new_case(worker, qtbot)
    editor = _open(qtbot, worker, case_id)
    tab = editor.attachments
    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        editor.tabs.setCurrentWidget(tab)
    return editor, tab, case_id


def _attach(qtbot: Any, tab: AttachmentsSection, path: Path) -> None:
    seen: list[int] = []
    tab.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(tab.refreshed, timeout=20_000):
        tab.attach_file(path)  # what "Attach…" calls with the chosen file
    assert seen and seen[-1] == 100 and not tab.progress.isVisible()


def _stored(vault_worker: Any, qtbot: Any, attachment_id: int) -> att.AttachmentInfo:
    def op(vault: Vault) -> att.AttachmentInfo:
        with vault.session() as s:
            return att.get_attachment(s, attachment_id)

    return call_on_worker(vault_worker, qtbot, op)


def test_attach_view_include_and_draw_a_box(qtbot: Any, open_worker: Any, tmp_path: Path):
    _editor, tab, _case_id = _tab(qtbot, open_worker)
    photo = tmp_path / f"{NAME_CANARY}.jpg"
    _jpeg(photo)
    with qtbot.waitSignal(tab.shown, timeout=20_000) as shown:
        _attach(qtbot, tab, photo)
    assert [r["filename"] for r in tab.model.rows] == [photo.name]
    row = tab.model.rows[0]
    assert row["media_type"] == "image/jpeg" and row["size"] == photo.stat().st_size
    assert shown.args[0].kind == "image"
    assert tab.canvas.pixmap.width() == 320 and tab.canvas.pixmap.height() == 240
    assert tab.canvas.isVisible() and tab.include_box.isVisible()
    assert not tab.canvas.editable  # boxes only once the image is included

    with qtbot.waitSignal(tab.stored, timeout=10_000):
        tab.include_box.setChecked(True)
    assert tab.canvas.editable and tab.model.rows[0]["include"]

    # Drag a box over the image: from image pixel (40, 30) to (120, 90).
    shown_rect = tab.canvas.image_rect()
    scale = shown_rect.width() / 320

    def at(x: int, y: int) -> QPoint:
        return QPoint(shown_rect.x() + round(x * scale), shown_rect.y() + round(y * scale))

    with qtbot.waitSignal(tab.stored, timeout=10_000) as stored:
        QTest.mousePress(tab.canvas, Qt.MouseButton.LeftButton, pos=at(40, 30))
        QTest.mouseMove(tab.canvas, at(80, 60))
        QTest.mouseRelease(tab.canvas, Qt.MouseButton.LeftButton, pos=at(120, 90))
    [(x, y, w, h)] = stored.args[0]["blackout"]
    tolerance = 1 + 1 / scale
    assert abs(x - 40) <= tolerance and abs(y - 30) <= tolerance
    assert abs(w - 80) <= 2 * tolerance and abs(h - 60) <= 2 * tolerance
    info = _stored(open_worker, qtbot, row["id"])
    assert info.include_in_export and info.blackout == ((x, y, w, h),)
    assert "1" in tab.model.data(tab.model.index(0, 4))

    with qtbot.waitSignal(tab.stored, timeout=10_000):
        tab.clear_button.click()
    assert _stored(open_worker, qtbot, row["id"]).blackout == ()
    with qtbot.waitSignal(tab.stored, timeout=10_000):
        tab.include_box.setChecked(False)
    info = _stored(open_worker, qtbot, row["id"])
    assert not info.include_in_export and not tab.canvas.editable

    with qtbot.waitSignal(tab.refreshed, timeout=10_000):
        tab.remove_selected(ask=False)
    assert tab.model.rows == [] and tab.canvas.pixmap.isNull()


def _pdf(path: Path) -> None:
    from fpdf import FPDF

    doc = FPDF(format=(105, 148))
    doc.add_page()
    doc.set_font("helvetica", size=14)
    doc.cell(text="scanned document")
    path.write_bytes(bytes(doc.output()))


def test_pdf_rendered_in_memory_and_other_files_described(
    qtbot: Any, open_worker: Any, tmp_path: Path
):
    _editor, tab, _case_id = _tab(qtbot, open_worker)
    scan = tmp_path / "scan.pdf"
    _pdf(scan)
    with qtbot.waitSignal(tab.shown, timeout=20_000) as shown:
        _attach(qtbot, tab, scan)
    preview = shown.args[0]
    assert preview.kind == "pdf" and len(preview.pages) == 1
    assert tab.pages_area.isVisible() and not tab.canvas.isVisible()
    assert not tab.include_box.isVisible()  # documents never go into exports
    audio = tmp_path / "talk.m4a"
    audio.write_bytes(os.urandom(3000))
    with qtbot.waitSignal(tab.shown, timeout=20_000) as shown:
        _attach(qtbot, tab, audio)
    assert shown.args[0].kind == "other"
    assert "Not previewable" in tab.info.text() and "audio/mp4" in tab.info.text()
    assert "2.9 KiB" in tab.info.text()
    assert "never" in tab.model.data(tab.model.index(1, 4))


def test_unreadable_file_reports_and_attaches_nothing(qtbot: Any, open_worker: Any, tmp_path: Path):
    _editor, tab, case_id = _tab(qtbot, open_worker)
    with qtbot.waitSignal(tab.failed, timeout=10_000) as failed:
        tab.attach_file(tmp_path / "missing.jpg")
    assert "nothing was attached" in failed.args[0]
    assert tab.attach_button.isEnabled() and not tab.progress.isVisible()

    def count(vault: Vault) -> int:
        with vault.session() as s:
            return len(att.list_attachments(s, case_id))

    assert call_on_worker(open_worker, qtbot, count) == 0


@pytest.fixture
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """HOME, TMPDIR and the XDG folders pointed at empty folders for the test."""
    dirs = []
    for var in ("HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / "env" / var.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(var, str(folder))
        dirs.append(folder)
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    return dirs


def test_viewing_leaves_no_image_bytes_or_name_on_disk(
    qtbot: Any, open_worker: Any, tmp_path: Path, private_dirs: list[Path], vault: Vault
):
    source_dir = tmp_path / "source"
    source_dir.mkdir()
    photo = source_dir / f"{NAME_CANARY}.jpg"
    raw = _jpeg(photo, (200, 160))
    _editor, tab, _case_id = _tab(qtbot, open_worker)
    with qtbot.waitSignal(tab.shown, timeout=20_000):
        _attach(qtbot, tab, photo)
    assert tab.canvas.pixmap.width() == 200
    tab.canvas.grab()  # paint it
    with qtbot.waitSignal(tab.stored, timeout=10_000):
        tab.include_box.setChecked(True)
    # The PDF viewer path too.
    scan = source_dir / f"{NAME_CANARY}-scan.pdf"
    _pdf(scan)
    with qtbot.waitSignal(tab.shown, timeout=20_000):
        _attach(qtbot, tab, scan)
    tab.select_id(tab.model.rows[0]["id"])
    qtbot.waitUntil(lambda: tab.preview is not None and tab.preview.kind == "image", timeout=10_000)

    def checkpoint(v: Vault) -> None:
        with v.session() as s:
            s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    call_on_worker(open_worker, qtbot, checkpoint)
    body = raw[len(raw) // 3 : len(raw) // 3 + 64]  # a run of the JPEG's own bytes
    needles = [IMAGE_CANARY, body, NAME_CANARY.encode(), NAME_CANARY.encode("utf-16-le")]
    scanned = 0
    roots = [*private_dirs, vault.folder]
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and source_dir not in path.parents:
                data = path.read_bytes()
                scanned += 1
                for needle in needles:
                    assert needle not in data, (path.name, needle[:20])
    assert scanned >= 2  # at least the vault's database and key file were read
