"""A 9000 x 9000 JPEG goes into a packet without holding it at full size (issue 9, item 10)."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from nkcase.errors import ExportRefused
from nkcase.services import cases, vaults
from nkcase.vault import attachment_images, attachments
from nkcase.vault.keyslots import TEST_KDF
from tests.conftest import ORGANISATION, PASSPHRASE, ROOT, seed_files
from tests.peak_memory import measured, peak_kib

# Peak memory (RSS) of the whole child process -- Python, nkcase, SQLCipher, Pillow -- that
# makes the derivative. Measured for this image: 1,539 MB before Image.draft, 360 MB after in a
# plain child and about 920 MB when run under pytest (inherited allocator state); the limit
# sits between, below the 1.5 GB the issue reported.
LIMIT_MB = 1100

CHILD = textwrap.dedent(
    """
    import resource, sys
    from nkcase.services import vaults
    from nkcase.vault import attachment_images
    vault = vaults.open_vault(sys.argv[1], sys.argv[2])
    with vault.session() as s:
        data = attachment_images.image_derivative(s, int(sys.argv[3]), [(0, 0, 899, 899)])
    print(len(data), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """
)


def _store(vault, image: Image.Image, fmt: str) -> int:
    buf = io.BytesIO()
    image.save(buf, format=fmt, quality=85) if fmt == "JPEG" else image.save(buf, format=fmt)
    with vault.session() as s:
        case_id = cases.find_case(s, "1").id
    info = attachments.add_attachment(vault, case_id, io.BytesIO(buf.getvalue()), f"x.{fmt}")
    with vault.session() as s:
        attachments.set_include_in_export(s, info.id, True)
    return info.id


@pytest.mark.skipif(sys.platform == "win32", reason="ru_maxrss")
def test_a_9000_pixel_jpeg_is_scaled_down_at_decode_time(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    try:
        cases.import_case_file(vault, seed_files()[0])
        big = Image.new("RGB", (9000, 9000), (200, 180, 160))
        ImageDraw.Draw(big).rectangle((2000, 2000, 7000, 7000), fill=(20, 40, 200))
        attachment_id = _store(vault, big, "JPEG")
        del big
    finally:
        vault.close()
    peak_file = tmp_path / "peak"
    proc = subprocess.run(
        measured(
            [sys.executable, "-c", CHILD, str(folder), PASSPHRASE, str(attachment_id)],
            peak_file,
            300,
        ),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=330,
    )
    assert proc.returncode == 0, proc.stderr
    size = int(proc.stdout.split()[0])
    peak = peak_kib(peak_file)
    assert peak / 1024 < LIMIT_MB, f"peak {peak // 1024} MB"
    with Image.open(io.BytesIO(_derivative(folder, attachment_id))) as out:
        assert max(out.size) <= attachment_images.MAX_SIDE
        assert out.getpixel((10, 10)) == (0, 0, 0)  # the box, scaled with the image
        assert out.getpixel((out.width // 2, out.height // 2))[2] > 150
    assert size > 0


def _derivative(folder: Path, attachment_id: int) -> bytes:
    with vaults.open_vault(folder, PASSPHRASE) as vault, vault.session() as s:
        return attachment_images.image_derivative(s, attachment_id, [(0, 0, 899, 899)])


def test_a_huge_png_is_refused_with_the_limit(vault) -> None:
    cases.import_case_file(vault, seed_files()[0])
    attachment_id = _store(vault, Image.new("L", (7000, 7000)), "PNG")
    with vault.session() as s, pytest.raises(ExportRefused, match="40 megapixels"):
        attachment_images.image_derivative(s, attachment_id)
