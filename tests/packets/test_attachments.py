"""Image attachments in packets: only included images, as redacted derivatives without metadata,
blackout boxes painted, named by pseudonym, listed and signed like every other file."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from nkcase.errors import ExportRefused
from nkcase.packets import attachment_files, export, leaks
from nkcase.packets.verify import verify_packet
from nkcase.services import cases
from nkcase.vault import attachments as att
from nkcase.vault.vault import Vault
from tests.conftest import SEEDS, run_cli
from tests.packets.conftest import exportable, review_all, stock_check, unzip

CANARIES = [
    b"CANARY-ARTIST-5521",
    b"CANARY-DESC-5521",
    b"CANARY-COMMENT-5521",
    b"CANARY-XMP-5521",
    b"CANARY-ICC-5521",
    b"CANARYFILENAME",
    b"CANARY-PDF-5521",
]
BOX = (20, 10, 60, 40)  # x, y, w, h


def _photo(colour: tuple[int, int, int]) -> bytes:
    img = Image.new("RGB", (160, 120), colour)
    exif = Image.Exif()
    exif[0x013B] = "CANARY-ARTIST-5521"  # Artist
    exif[0x010E] = "CANARY-DESC-5521"  # ImageDescription
    exif[0x8825] = {1: "N", 2: (41.0, 47.0, 3.0), 3: "E", 4: (129.0, 49.0, 7.0)}  # GPS
    out = io.BytesIO()
    img.save(
        out,
        format="JPEG",
        exif=exif.tobytes(),
        comment=b"CANARY-COMMENT-5521",
        xmp=b"<x:xmpmeta>CANARY-XMP-5521</x:xmpmeta>",
        icc_profile=b"CANARY-ICC-5521" * 8,
    )
    data = out.getvalue()
    assert all(c in data for c in CANARIES[:5])
    return data


@pytest.fixture
def packet(vault: Vault, tmp_path: Path) -> tuple[Path, str, Vault]:
    seed = sorted(p.name for p in SEEDS.glob("*.json"))[0]
    [(case_id, ref)] = cases.import_case_file(vault, SEEDS / seed)[:1]
    review_all(vault, ref)
    target = (exportable(vault, "sr_slavery") and "sr_slavery") or "ohchr_seoul"
    included = att.add_attachment(
        vault, case_id, io.BytesIO(_photo((230, 230, 230))), "CANARYFILENAME family.jpg"
    )
    att.add_attachment(vault, case_id, io.BytesIO(_photo((10, 10, 240))), "other.jpg")
    pdf = b"%PDF-1.4\n% CANARY-PDF-5521\n%%EOF\n"
    att.add_attachment(vault, case_id, io.BytesIO(pdf), "CANARYFILENAME scan.pdf")
    with vault.session() as s:
        att.set_include_in_export(s, included.id, True, blackout=[BOX])
    out = tmp_path / "packet.zip"
    export.export_packet(vault, [ref], target, out)
    return out, ref, vault


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_packet_carries_only_the_redacted_included_image(packet, tmp_path):
    out, _ref, _vault = packet
    files = _members(out)
    images = sorted(n for n in files if n.startswith("attachments/"))
    [name] = json.loads(files["manifest.json"])["cases"]  # the case's name in this packet
    assert images == [f"attachments/{name}-1.jpg"]  # not the other image, not the PDF
    data = files[images[0]]
    for marker in (b"Exif", b"http://ns.adobe.com/xap", b"ICC_PROFILE", b"GPS"):
        assert marker not in data
    img = Image.open(io.BytesIO(data))
    assert img.size == (160, 120)
    assert not img.getexif() and not {"comment", "icc_profile", "xmp", "exif"} & set(img.info)
    x, y, w, h = BOX
    for px in [(x, y), (x + w - 1, y + h - 1), (x + w // 2, y + h // 2)]:
        assert max(img.getpixel(px)) < 40, px  # type: ignore[arg-type]
    for px in [(x - 2, y), (x + w + 1, y + h + 1), (5, 100)]:
        assert min(img.getpixel(px)) > 200, px  # type: ignore[arg-type]
    # The canaries (metadata, file names, the PDF) are nowhere: not in any member, not in the
    # ZIP's own bytes (names, comments).
    raw = out.read_bytes()
    for canary in CANARIES:
        assert canary not in raw
        for name, content in files.items():
            assert canary not in content and canary.decode() not in name, (canary, name)
    assert not any(c.startswith(b"%PDF") for n, c in files.items() if n != "submission.pdf")
    # Listed and signed like every other file.
    manifest = json.loads(files["manifest.json"])
    assert images[0] in {f["path"] for f in manifest["files"]}
    sums = files["SHA256SUMS"].decode().splitlines()
    assert any(line.endswith(f"  {images[0]}") for line in sums)
    assert "attachments/" in files["README.txt"].decode()
    assert verify_packet(out).packet_id == manifest["packet_id"]
    folder = unzip(out, tmp_path / "unzipped")
    results = stock_check(folder)
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert f"{images[0]}: OK" in results[0].stdout
    assert results[-1].stdout == ""  # no file outside the signed list
    proc = run_cli("verify", out)
    assert proc.returncode == 0 and proc.stdout.startswith("intact"), proc.stderr


def test_excluded_image_leaves_no_attachment_and_no_readme_line(packet, tmp_path):
    _out, ref, vault = packet
    with vault.session() as s:
        case_id = cases.find_case(s, ref).id
        for info in att.list_attachments(s, case_id):
            att.set_include_in_export(s, info.id, False)
    out = tmp_path / "again.zip"
    export.export_packet(vault, [ref], verify_packet(_out).target, out)
    files = _members(out)
    assert not [n for n in files if n.startswith("attachments/")]
    assert "attachments/" not in files["README.txt"].decode()


def _clean_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (128, 128, 128)).save(out, format="JPEG")
    return out.getvalue()


def test_leak_check_reads_image_headers_and_trailer():
    name = attachment_files.packet_name("W-TEST", 1)
    term = "Kim Myong Chol"

    def check(text: str) -> list[tuple[str, str, str]]:
        return [("W-TEST", "name", term)] if term in text else []

    clean = _clean_jpeg()
    leaks.scan_packet({name: clean}, check)  # passes
    with pytest.raises(ExportRefused, match="leak check") as err:
        leaks.scan_packet({name: clean + term.encode()}, check)
    assert err.value.where == name
    # A metadata segment refuses whatever it says.
    with_comment = io.BytesIO()
    Image.new("RGB", (16, 16)).save(with_comment, format="JPEG", comment=b"harmless")
    with pytest.raises(ExportRefused, match="metadata segment"):
        leaks.scan_packet({name: with_comment.getvalue()}, check)
    with pytest.raises(ExportRefused, match="well-formed"):
        leaks.scan_packet({name: b"\x89PNG not a jpeg"}, check)
