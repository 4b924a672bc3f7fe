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
from nkcase.packets import attachment_files, layout
from nkcase.redaction.api import Registry

log = logging.getLogger(__name__)

CONFIDENTIAL_KEY = "confidential_identity"
# A leak checker returns (case, category, matched text); the text never leaves this module.
LeakCheck = Callable[[str], list[tuple[str, str, str]]]
_MONTH = re.compile(r"\d{4}-\d{2}")
# Files where nkcase itself writes event months (YYYY-MM) and dates.
_GENERATED_MONTHS = (
    "submission.json",
    "patterns.json",
    "submission.pdf",
    "custody.jsonl",
    "manifest.json",
    "consent.json",
)


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
        elif attachment_files.is_attachment(name):
            yield from attachment_files.image_texts(name, data)
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


def registry_checker(registries: list[tuple[str, Registry]]) -> LeakCheck:
    """One pass over a text for the registered terms of every case, each hit named by case."""
    merged = Registry.merged(reg for _, reg in registries)
    owners: list[str] = []
    for name, reg in registries:
        owners.extend([name] * len(reg.terms))

    def check(text: str) -> list[tuple[str, str, str]]:
        return [
            (owners[m.term], merged.terms[m.term].category, text[m.start : m.end])
            for m in merged.find(text)
        ]

    return check


def scan_packet(
    files: dict[str, bytes],
    check: LeakCheck,
    confidential_pages: frozenset[int] = frozenset(),
    public_phrases: list[str] | None = None,
    several_cases: bool = False,
) -> None:
    """Raise ExportRefused on the first registered term found anywhere in the packet.

    Every case's terms are looked for in every file, other cases' content included (siblings
    interviewed apart name each other). One exception, in packets of several cases only: a
    month-precision birth date written YYYY-MM in a file where nkcase writes event months is
    a coincidence of calendars (one witness born the month another was sent abroad), not a leak.
    """
    for where, raw in packet_texts(files, confidential_pages):
        text = mask_phrases(raw, public_phrases or [])
        generated = where.startswith(_GENERATED_MONTHS)
        for case_name, category, matched in check(text):
            coincidence = category == "birth_date" and _MONTH.fullmatch(matched) is not None
            if several_cases and generated and coincidence:
                continue
            log.warning("leak check refused an export")
            raise ExportRefused(
                f"{case_name}: the leak check found a registered {category.replace('_', ' ')} "
                f"in {where}; nothing was written. Review the redactions of this case and "
                "export again.",
                found=matched,
                where=where,
                category=category,
            )
