"""Attachment work for the Attachments tab, run on the DB worker thread (no widgets).

Nothing here writes an attachment to disk: images are decoded with Pillow, upright as the
export derivative sees them, and handed over as RGB bytes; PDFs are rendered in memory by pdfium
(the export preview's renderer); anything else is only described.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nkcase.errors import NkcaseError
from nkcase.vault import attachments as att
from nkcase.vault.vault import Vault

Box = tuple[int, int, int, int]  # x, y, width, height in image pixels
log = logging.getLogger(__name__)

PDF_SCALE = 1.3
PDF_PAGE_LIMIT = 20


def _row(info: att.AttachmentInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "filename": info.filename,
        "media_type": info.media_type,
        "size": info.size,
        "created_at": info.created_at,
        "include": info.include_in_export,
        "is_image": info.is_image,
        "blackout": [list(b) for b in info.blackout],
    }


def list_op(case_id: int) -> Callable[[Vault], list[dict[str, Any]]]:
    def op(vault: Vault) -> list[dict[str, Any]]:
        with vault.session() as session:
            return [_row(i) for i in att.list_attachments(session, case_id)]

    return op


def add_op(case_id: int, path: Path) -> Callable[[Vault, Callable[[int, int], None]], dict]:
    """Stream the file into the vault in chunks, reporting progress; the source is only read."""

    def op(vault: Vault, progress: Callable[[int, int], None]) -> dict[str, Any]:
        try:
            fh = path.open("rb")
        except OSError:
            raise NkcaseError(f"Cannot read {path}; nothing was attached.") from None
        with fh:
            total = path.stat().st_size
            info = att.add_attachment(vault, case_id, fh, path.name, total=total, progress=progress)
        return _row(info)

    return op


def remove_op(attachment_id: int) -> Callable[[Vault], None]:
    def op(vault: Vault) -> None:
        with vault.session() as session:
            att.remove_attachment(session, attachment_id)

    return op


def include_op(
    attachment_id: int, include: bool, boxes: list[Box] | None = None
) -> Callable[[Vault], dict[str, Any]]:
    def op(vault: Vault) -> dict[str, Any]:
        with vault.session() as session:
            att.set_include_in_export(session, attachment_id, include, blackout=boxes)
            return _row(att.get_attachment(session, attachment_id))

    return op


def boxes_op(attachment_id: int, boxes: list[Box]) -> Callable[[Vault], dict[str, Any]]:
    def op(vault: Vault) -> dict[str, Any]:
        with vault.session() as session:
            att.set_blackout(session, attachment_id, [list(b) for b in boxes])
            return _row(att.get_attachment(session, attachment_id))

    return op


@dataclass
class Preview:
    """What the viewer shows: an upright RGB image, PDF pages, or nothing (``kind`` other)."""

    attachment_id: int
    kind: str  # "image" | "pdf" | "other"
    width: int = 0
    height: int = 0
    rgb: bytes = field(default=b"", repr=False)
    pages: list[tuple[int, int, int, bytes]] = field(default_factory=list, repr=False)
    problem: str = ""


def _image_preview(attachment_id: int, raw: bytes) -> Preview:
    from PIL import Image, ImageOps

    from nkcase.vault.attachment_images import MAX_IMAGE_PIXELS

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with Image.open(io.BytesIO(raw)) as src:
            src.load()
            rgb = ImageOps.exif_transpose(src).convert("RGB")  # as the export derivative sees it
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return Preview(attachment_id, "other", problem="undecodable")
    return Preview(attachment_id, "image", rgb.width, rgb.height, rgb.tobytes())


def view_op(attachment_id: int) -> Callable[[Vault], Preview]:
    """Read (hash-checked) and decode in memory; never a temporary file."""

    def op(vault: Vault) -> Preview:
        with vault.session() as session:
            info = att.get_attachment(session, attachment_id)
            if info.is_image:
                return _image_preview(attachment_id, att.read_bytes(session, attachment_id))
            if info.media_type == "application/pdf":
                raw = att.read_bytes(session, attachment_id)
            else:
                return Preview(attachment_id, "other")
        from nkcase.gui.export.ops import render_pages

        try:
            pages = render_pages(raw, PDF_SCALE, PDF_PAGE_LIMIT)()
        except Exception as exc:  # pdfium's errors carry no text of ours; say what, not why
            log.info("PDF attachment not renderable: %s", type(exc).__name__)
            return Preview(attachment_id, "other", problem="undecodable")
        return Preview(attachment_id, "pdf", pages=pages)

    return op
