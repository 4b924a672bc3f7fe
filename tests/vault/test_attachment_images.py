"""Redacted image derivatives: metadata stripped, orientation kept, only when included."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from nkcase.errors import ExportRefused
from nkcase.services import cases
from nkcase.vault import attachment_images as images
from nkcase.vault import attachments as att


def _case_id(vault) -> int:
    (case_id, _pseudonym), *_ = cases.import_case_file(
        vault, Path(__file__).resolve().parent.parent / "data" / "one_case.json"
    )
    return case_id


def _photo_with_metadata() -> bytes:
    img = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010E] = "CANARY-DESCRIPTION"  # ImageDescription
    exif[0x0110] = "CANARY-CAMERA"  # Model
    exif[0x0112] = 6  # orientation: rotate 90
    gps = {1: "N", 2: (38.0, 59.0, 1.0), 3: "E", 4: (125.0, 45.0, 2.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif.tobytes(), comment=b"CANARY-COMMENT")
    return out.getvalue()


def test_image_derivative_strips_metadata_and_needs_inclusion(vault):
    case_id = _case_id(vault)
    raw = _photo_with_metadata()
    assert b"CANARY-CAMERA" in raw and b"CANARY-COMMENT" in raw
    info = att.add_attachment(vault, case_id, io.BytesIO(raw), "IMG_0001.jpg")
    assert info.is_image
    with vault.session() as s, pytest.raises(ExportRefused, match="not marked"):
        images.image_derivative(s, info.id)
    with vault.session() as s:
        att.set_include_in_export(s, info.id, True)
    with vault.session() as s:
        out = images.image_derivative(s, info.id, blackout=[(0, 0, 10, 10)])
        assert [i.id for i, _ in images.exportable_images(s, case_id)] == [info.id]
    assert b"CANARY" not in out and b"Exif" not in out
    img = Image.open(io.BytesIO(out))
    assert img.size == (48, 64)  # the orientation was applied before the tag was dropped
    assert not img.getexif() and "comment" not in img.info and "icc_profile" not in img.info
    dark, red = img.getpixel((2, 2)), img.getpixel((40, 40))
    assert isinstance(dark, tuple) and isinstance(red, tuple)
    assert max(dark) < 30 and red[0] > 150  # blacked out; the rest kept


def test_only_images_can_be_included(vault):
    case_id = _case_id(vault)
    info = att.add_attachment(vault, case_id, io.BytesIO(b"ID3 audio"), "rec.mp3")
    with vault.session() as s, pytest.raises(ExportRefused, match="Only images"):
        att.set_include_in_export(s, info.id, True)
    fake = att.add_attachment(vault, case_id, io.BytesIO(b"not a jpeg"), "x.jpg")
    with vault.session() as s:
        att.set_include_in_export(s, fake.id, True)
    with vault.session() as s, pytest.raises(ExportRefused, match="not an image"):
        images.image_derivative(s, fake.id)
