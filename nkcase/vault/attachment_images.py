"""Redacted derivatives of image attachments: the only form in which an attachment leaves.

A derivative is re-encoded from the pixels alone, so no EXIF, GPS, XMP, ICC profile, comment or
thumbnail of the original survives, and only for attachments a reviewer marked for export
(:func:`nkcase.vault.attachments.set_include_in_export`). Storage of the originals is
:mod:`nkcase.vault.attachments`.
"""

from __future__ import annotations

import io
import logging
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

MAX_IMAGE_PIXELS = 100_000_000


def image_derivative(
    session: Session,
    attachment_id: int,
    blackout: Sequence[tuple[int, int, int, int]] = (),
) -> bytes:
    """A JPEG re-encoded from the pixels only: no EXIF, GPS, XMP, ICC, comments or thumbnails.

    Refused unless the reviewer marked the attachment for export. ``blackout`` boxes
    (left, top, right, bottom, in pixels of the upright image) are painted black first;
    :func:`exportable_images` passes the boxes the reviewer stored (see :func:`stored_boxes`).
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
            src.load()
            upright = ImageOps.exif_transpose(src)  # keep the orientation, drop the tag
            rgb = upright.convert("RGB")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ExportRefused(
            f"Attachment {attachment_id} is not an image nkcase can re-encode; it cannot be "
            "exported."
        ) from None
    # A fresh image from raw pixel bytes carries no info dict, palette comments or profiles.
    clean = Image.frombytes("RGB", rgb.size, rgb.tobytes())
    draw = ImageDraw.Draw(clean)
    for box in blackout:
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
