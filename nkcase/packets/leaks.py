"""The final leak check: every file of a packet, the PDF's extracted text and metadata included.

A hit refuses the whole export. Messages name the case whose registry matched, what kind of
term it was and where, never the term itself.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

from pypdf import PdfReader

from nkcase.errors import ExportRefused
from nkcase.packets import layout

log = logging.getLogger(__name__)

CONFIDENTIAL_KEY = "confidential_identity"
LeakCheck = Callable[[str], list[str]]


def _strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value (keys too), leaving out the confidential OHCHR section."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == CONFIDENTIAL_KEY:
                continue
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def pdf_texts(data: bytes, skip_pages: frozenset[int] = frozenset()) -> Iterator[tuple[str, str]]:
    """(where, text) for the PDF's metadata and every page outside ``skip_pages`` (1-based)."""
    reader = PdfReader(io.BytesIO(data))
    meta: dict[str, Any] = dict(reader.metadata or {})
    yield "submission.pdf metadata", "\n".join(f"{k} {v}" for k, v in meta.items())
    xmp = reader.xmp_metadata
    if xmp is not None:
        yield "submission.pdf XMP metadata", xmp.stream.get_data().decode("utf-8", "replace")
    for number, page in enumerate(reader.pages, start=1):
        if number in skip_pages:
            continue
        yield f"submission.pdf page {number}", page.extract_text() or ""


def packet_texts(
    files: dict[str, bytes], confidential_pages: frozenset[int] = frozenset()
) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a reader of the packet could see."""
    yield "file names", "\n".join(sorted(files))
    for name, data in sorted(files.items()):
        if name == layout.SUBMISSION_PDF:
            yield from pdf_texts(data, confidential_pages)
        elif name.endswith(".json"):
            yield name, "\n".join(_strings(json.loads(data.decode("utf-8"))))
        elif name.endswith(".jsonl"):
            rows = [json.loads(line) for line in data.decode("utf-8").splitlines() if line]
            yield name, "\n".join(_strings(rows))
        else:
            yield name, data.decode("utf-8")


_SPACE = re.compile(r"\s+")


def mask_phrases(text: str, phrases: list[str]) -> str:
    """``text`` with whitespace collapsed and the fixed public phrases blanked out.

    The target's name ("OHCHR office in Seoul") and the organisation's name are printed on
    purpose; a registered term inside them (an interview place "Seoul") is not a leak there.
    """
    text = _SPACE.sub(" ", text)
    for phrase in sorted(phrases, key=len, reverse=True):
        phrase = _SPACE.sub(" ", phrase).strip()
        if phrase:
            text = text.replace(phrase, " ")
    return text


def scan_packet(
    files: dict[str, bytes],
    checkers: list[tuple[str, LeakCheck]],
    confidential_pages: frozenset[int] = frozenset(),
    public_phrases: list[str] | None = None,
) -> None:
    """Raise ExportRefused on the first registered term found anywhere in the packet."""
    for where, raw in packet_texts(files, confidential_pages):
        text = mask_phrases(raw, public_phrases or [])
        for case_name, check in checkers:
            hits = check(text)
            if hits:
                log.warning("leak check refused an export")
                raise ExportRefused(
                    f"{case_name}: the leak check found {hits[0]} in {where}; nothing was "
                    "written. Review the redactions of this case and export again."
                )
