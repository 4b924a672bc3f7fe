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
from dataclasses import dataclass
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


# Keys whose strings are redacted texts (review acts on them); any other string is a field.
# A deployment's region, a passport holder or a currency written out are reviewed fields too
# (nkcase.redaction.engine.structured_fields): review redacts them.
_TEXT_KEYS = frozenset({"narrative", "translation", "evidence", "excerpt", "excerpts", "quote",
                        "quotes", "text", "region", "passport_held_by",
                        "currency"})  # fmt: skip
# The case editor's tab holding each part of a packet's case entry (for the advice).
_TABS = {
    "deployments": "Deployments",
    "perpetrators": "Deployments",
    "indicators": "ILO indicators",
    "witness": "Identity (sealed)",
    "interviews": "Interviews",
    "consent": "Consent",
    "relatives": "Relatives and terms",
}


@dataclass(frozen=True)
class FieldPlace:
    """Where in a JSON file of the packet a hit is: a packet-local label of the field."""

    label: str  # "W-7Q4K deployment 1 region"
    text: bool  # a redacted text (narrative, evidence quote): review redacts it
    tab: str | None  # the case editor's tab for a structured field ("Deployments")


class LeakRefused(ExportRefused):
    """A leak-check refusal. ``field`` names the structured field of the case the term is in
    (None when it is in a redacted text, which review fixes); ``tab`` the editor tab for it."""

    def __init__(
        self,
        message: str,
        found: str,
        where: str,
        category: str,
        field: FieldPlace | None = None,
    ) -> None:
        super().__init__(message, found=found, where=where, category=category)
        self.field = field

    @property
    def structured(self) -> bool:
        return self.field is not None and not self.field.text


def _json_paths(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, string) for every string of a JSON value (keys too), confidential part left out."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == CONFIDENTIAL_KEY:
                continue
            yield (*path, key), key
            yield from _json_paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _json_paths(item, (*path, i))


def _label(root: Any, path: tuple[str | int, ...]) -> FieldPlace:
    """``cases[0].deployments[1].region`` -> "W-7Q4K deployment 2 region"."""
    words: list[str] = []
    node = root
    tab: str | None = None
    in_case = False
    for k, step in enumerate(path):
        parent_key = path[k - 1] if k else None
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            if parent_key == "cases" and isinstance(item, dict) and item.get("pseudonym"):
                words.append(str(item["pseudonym"]))
                in_case = True
            elif isinstance(parent_key, str):
                words[-1] = f"{words[-1]} {step + 1}"
            node = item
            continue
        if in_case and tab is None:
            tab = _TABS.get(step)
        name = step[:-1] if (k + 1 < len(path) and isinstance(path[k + 1], int)
                             and step.endswith("s")) else step  # fmt: skip
        if not (step == "cases" and k == 0):
            words.append(name.replace("_", " "))
        node = node.get(step) if isinstance(node, dict) else None
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    return FieldPlace(" ".join(words) or "the file", last in _TEXT_KEYS, tab)


_WHERE = re.compile(r"(?P<label>.+) \((?P<file>[\w./-]+\.jsonl?)\)")
_TAB_OF_WORD = {**_TABS, **{k[:-1]: tab for k, tab in _TABS.items() if k.endswith("s")}}


def field_of(where: str | None) -> FieldPlace | None:
    """The field a refusal's ``where`` names ("W-7Q4K deployment 1 region (submission.json)"),
    or None for a file or PDF page: lets a caller that only has ``where`` (the GUI) tell a
    structured field, which review cannot fix, from a redacted text."""
    m = _WHERE.fullmatch(where or "")
    if not m:
        return None
    words = m["label"].split()
    tab = next((_TAB_OF_WORD[w] for w in words if w in _TAB_OF_WORD), None)
    return FieldPlace(m["label"], bool(words) and words[-1] in _TEXT_KEYS, tab)


def locate(
    name: str, data: bytes, check: LeakCheck, phrases: list[str], case_name: str, category: str
) -> FieldPlace | None:
    """The field of JSON file ``name`` that holds a hit of ``case_name``'s ``category`` term."""
    if not name.endswith((".json", ".jsonl")):
        return None
    raw = data.decode("utf-8")
    root: Any = (
        [json.loads(line) for line in raw.splitlines() if line]
        if name.endswith(".jsonl")
        else json.loads(raw)
    )
    for path, string in _json_paths(root):
        hits = check(mask_phrases(string, phrases))
        if any(c == case_name and cat == category for c, cat, _m in hits):
            place = _label(root, path)
            if check(place.label):  # a key made of data (a count by place): name no key
                return FieldPlace("a field", place.text, place.tab)
            return place
    return None


def scan_packet(
    files: dict[str, bytes],
    check: LeakCheck,
    confidential_pages: frozenset[int] = frozenset(),
    public_phrases: list[str] | None = None,
    several_cases: bool = False,
) -> None:
    """Raise LeakRefused on the first registered term found anywhere in the packet.

    Every case's terms are looked for in every file, other cases' content included (siblings
    interviewed apart name each other). One exception, in packets of several cases only: a
    month-precision birth date written YYYY-MM in a file where nkcase writes event months is
    a coincidence of calendars (one witness born the month another was sent abroad), not a leak.
    A hit in a JSON file is traced to its field: a structured field of the case (a deployment's
    region) is fixed by editing the case, not by review, and the refusal says so.
    """
    for where, raw in packet_texts(files, confidential_pages):
        text = mask_phrases(raw, public_phrases or [])
        generated = where.startswith(_GENERATED_MONTHS)
        for case_name, category, matched in check(text):
            coincidence = category == "birth_date" and _MONTH.fullmatch(matched) is not None
            if several_cases and generated and coincidence:
                continue
            # INFO, not WARNING: the refusal itself is the user's message (the CLI prints it).
            log.info("leak check refused an export")
            kind = category.replace("_", " ")
            place = (
                locate(where, files[where], check, public_phrases or [], case_name, category)
                if where in files
                else None
            )
            if place is not None and not place.text:
                label = f"{place.label} ({where})"
                raise LeakRefused(
                    f"{case_name}: the leak check found a registered {kind} in {label}, a field "
                    "of the case that review does not redact; nothing was written. Edit that "
                    "field of the case and export again.",
                    found=matched,
                    where=label,
                    category=category,
                    field=place,
                )
            label = f"{place.label} ({where})" if place is not None else where
            raise LeakRefused(
                f"{case_name}: the leak check found a registered {kind} "
                f"in {label}; nothing was written. Review the redactions of this case and "
                "export again.",
                found=matched,
                where=label,
                category=category,
                field=place,
            )
