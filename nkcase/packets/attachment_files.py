"""Image attachments in a packet: an nkcase extension to packet-v1 (docs/packet.md).

Only redacted derivatives travel (:func:`nkcase.vault.attachment_images.exportable_images`:
re-encoded from the pixels, metadata gone, the reviewer's blackout boxes painted), named
``attachments/<case pseudonym>-<n>.jpg`` -- never the original bytes, never the original file
name (it may name a person), never a recording or a document.

For the leak check, :func:`image_texts` gives every part of a JPEG that can carry text: all
marker segments outside the entropy-coded image data (where EXIF, XMP, ICC and comments live)
and anything after the end-of-image marker. The compressed pixel data itself is not searched:
it is not text, and random bytes would match short terms by chance. A metadata segment of any
kind (APP1-APP15, COM) refuses the export outright.
"""

from __future__ import annotations

from collections.abc import Iterator

from nkcase.errors import ExportRefused

ATTACHMENTS_DIR = "attachments/"
SUFFIX = ".jpg"
_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA
_APP0, _APP15, _COM = 0xE0, 0xEF, 0xFE
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM, RST0-7: no length field


def packet_name(pseudonym: str, n: int) -> str:
    return f"{ATTACHMENTS_DIR}{pseudonym}-{n}{SUFFIX}"


def is_attachment(name: str) -> bool:
    return name.startswith(ATTACHMENTS_DIR)


def _malformed(name: str) -> ExportRefused:
    return ExportRefused(f"{name} is not a well-formed JPEG image; nothing was written.")


def _segments(name: str, data: bytes) -> Iterator[bytes]:
    """The bytes of every non-entropy-coded part of a baseline/progressive JPEG."""
    if data[:2] != b"\xff\xd8":
        raise _malformed(name)
    i = 2
    end = len(data)
    while i < end:
        if data[i] != 0xFF:
            raise _malformed(name)
        while i < end and data[i] == 0xFF:  # fill bytes
            i += 1
        if i >= end:
            break
        marker = data[i]
        i += 1
        if marker == _EOI:
            yield data[i:]  # a trailer after the image (should be empty)
            return
        if marker in _STANDALONE:
            continue
        if i + 2 > end:
            raise _malformed(name)
        length = int.from_bytes(data[i : i + 2], "big")
        segment = data[i + 2 : i + length]
        if (
            marker == _COM
            or (_APP0 < marker <= _APP15)
            or (marker == _APP0 and not segment.startswith(b"JFIF\0"))
        ):
            raise ExportRefused(f"{name} still carries a metadata segment; nothing was written.")
        yield segment
        i += length
        if marker == _SOS:
            # Entropy-coded data: skip to the next marker that is not a stuffed 0x00 or RSTn.
            while i < end - 1:
                if data[i] == 0xFF and data[i + 1] != 0x00 and not 0xD0 <= data[i + 1] <= 0xD7:
                    break
                i += 1
    raise _malformed(name)


def image_texts(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """(where, text) for the leak check: each header segment and any trailer, as UTF-8."""
    for segment in _segments(name, data):
        if segment:
            yield name, segment.decode("utf-8", "replace")
