"""Redacted derivatives of image attachments: the only form in which an attachment leaves.

A derivative is re-encoded from the pixels alone, so no EXIF, GPS, XMP, ICC profile, comment or
thumbnail of the original survives, and only for attachments a reviewer marked for export
(:func:`nkcase.vault.attachments.set_include_in_export`). Storage of the originals is
:mod:`nkcase.vault.attachments`.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Sequence

from sqlalchemy.orm import Session

from nkcase.errors import ExportRefused
from nkcase.vault.attachments import (
    AttachmentInfo,
    get_attachment,
    list_attachments,
    read_bytes,
)

log = logging.getLogger(__name__)

# Images above this many pixels are refused outright (read from the header, before decoding).
MAX_IMAGE_PIXELS = 100_000_000
# A derivative is at most this many pixels on its long side: plenty for a packet's PDF. JPEGs
# are decoded at a reduced scale (Image.draft: 1/2, 1/4 or 1/8, done by the decoder itself), so
# a 9000 x 9000 photo never exists in memory at full size.
MAX_SIDE = 4096
# Other formats cannot be decoded small: above this many pixels they are refused (a decoded RGB
# copy of 40 MP is 120 MB; the derivative needs two or three of them).
MAX_DECODED_PIXELS = 40_000_000


def image_derivative(
    session: Session,
    attachment_id: int,
    blackout: Sequence[tuple[int, int, int, int]] = (),
) -> bytes:
    """A JPEG re-encoded from the pixels only: no EXIF, GPS, XMP, ICC, comments or thumbnails.

    Refused unless the reviewer marked the attachment for export. ``blackout`` boxes
    (left, top, right, bottom, in pixels of the upright image) are painted black first;
    :func:`exportable_images` passes the boxes the reviewer stored (see :func:`stored_boxes`).
    Large JPEGs come out scaled down (at most ``MAX_SIDE`` pixels on the long side, the boxes
    scaled with them); other images above ``MAX_DECODED_PIXELS`` are refused.
    """
    from PIL import Image, ImageDraw, ImageOps

    info = get_attachment(session, attachment_id)
    if not info.include_in_export:
        raise ExportRefused(
            f"Attachment {attachment_id} is not marked for export; a reviewer must include it "
            "explicitly."
        )
    raw = read_bytes(session, attachment_id)
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with Image.open(io.BytesIO(raw)) as src:
            width, height = src.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ExportRefused(
                    f"Attachment {attachment_id} is larger than {MAX_IMAGE_PIXELS // 1_000_000} "
                    "megapixels; it cannot be exported."
                )
            if max(width, height) > MAX_SIDE and src.format == "JPEG":
                ratio = MAX_SIDE / max(width, height)
                src.draft("RGB", (max(1, int(width * ratio)), max(1, int(height * ratio))))
            elif width * height > MAX_DECODED_PIXELS:
                raise ExportRefused(
                    f"Attachment {attachment_id} is larger than {MAX_DECODED_PIXELS // 1_000_000} "
                    "megapixels (only JPEG photos may be larger); it cannot be exported."
                )
            src.load()
            scale = src.size[0] / width
            upright = ImageOps.exif_transpose(src)  # keep the orientation, drop the tag
        rgb = upright if upright.mode == "RGB" else upright.convert("RGB")
        del upright
        if max(rgb.size) > MAX_SIDE:  # the decoder scales by powers of two only
            shrink = MAX_SIDE / max(rgb.size)
            scale *= shrink
            rgb = rgb.resize(
                (max(1, round(rgb.width * shrink)), max(1, round(rgb.height * shrink)))
            )
    except ExportRefused:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ExportRefused(
            f"Attachment {attachment_id} is not an image nkcase can re-encode; it cannot be "
            "exported."
        ) from None
    # A fresh image holding the pixels only carries no info dict, palette comments or profiles.
    clean = Image.new("RGB", rgb.size)
    clean.paste(rgb)
    del rgb
    draw = ImageDraw.Draw(clean)
    for left, top, right, bottom in blackout:
        box = (
            math.floor(left * scale),
            math.floor(top * scale),
            math.ceil((right + 1) * scale) - 1,
            math.ceil((bottom + 1) * scale) - 1,
        )
        draw.rectangle(box, fill=(0, 0, 0))
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=90, optimize=True)
    return out.getvalue()


def stored_boxes(info: AttachmentInfo) -> list[tuple[int, int, int, int]]:
    """The reviewer's boxes (x, y, width, height) as (left, top, right, bottom), inclusive."""
    return [(x, y, x + w - 1, y + h - 1) for x, y, w, h in info.blackout]


def exportable_images(session: Session, case_id: int) -> list[tuple[AttachmentInfo, bytes]]:
    """Every image of a case the reviewer included, as redacted derivatives with the stored
    blackout boxes painted (for packets), in attachment order."""
    return [
        (info, image_derivative(session, info.id, stored_boxes(info)))
        for info in list_attachments(session, case_id)
        if info.include_in_export and info.is_image
    ]
