"""Worker operations for the export dialog (plain Python, no Qt; PDF pages as raw pixels)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nkcase.errors import ExportRefused, NkcaseError
from nkcase.packets import gates, layout
from nkcase.packets.build import BuiltPacket
from nkcase.packets.export import build_from_vault, save_built
from nkcase.packets.verify import VerifiedPacket, verify_packet
from nkcase.redaction import api as redaction
from nkcase.redaction.review import Decision
from nkcase.redaction.store import ProposalCache, load_decisions, save_decision
from nkcase.services import cases
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CaseCheck:
    """Can this case go to this target? ``blocked`` names the missing gate, or is None."""

    case_id: int
    pseudonym: str
    blocked: str | None
    pending: int  # redaction suggestions still to review

    @property
    def ok(self) -> bool:
        return self.blocked is None and self.pending == 0


def check_cases(case_refs: Sequence[int | str], target: str) -> Callable[[Vault], list[CaseCheck]]:
    refs = list(case_refs)

    def op(vault: Vault) -> list[CaseCheck]:
        out: list[CaseCheck] = []
        with vault.session() as session:
            for ref in refs:
                case = cases.find_case(session, str(ref))
                data = cases.case_to_dict(case, identity=True)
                try:
                    gates.check_gates(data, target)
                    blocked = None
                except ExportRefused as exc:
                    blocked = str(exc)
                decisions = load_decisions(session, case.id)
                cache = ProposalCache(session)  # the proposals the review showed
                pending = len(redaction.redact_case(data, decisions, None, cache).pending)
                out.append(CaseCheck(case.id, case.pseudonym, blocked, pending))
        return out

    return op


@dataclass
class Preview:
    """A built, signed, leak-checked packet held in memory until the user saves it."""

    built: BuiltPacket = field(repr=False)
    case_ids: list[int]
    pseudonyms: list[str]
    target: str
    pattern: bool
    linked: bool = False  # the cases keep their stable pseudonyms (a decision, audited)

    @property
    def pdf(self) -> bytes:
        return self.built.files[layout.SUBMISSION_PDF]


def build(
    case_ids: Sequence[int], target: str, pattern: bool, link_pseudonyms: bool = False
) -> Callable[[Vault, Progress], Preview]:
    """Build in memory; ``link_pseudonyms`` keeps the cases' stable pseudonyms (default: this
    packet's own, so two packets about one witness cannot be joined on the name)."""
    ids = list(case_ids)

    def op(vault: Vault, progress: Progress) -> Preview:
        progress(0, 3)
        with vault.session() as session:
            progress(1, 3)
            # Building writes nothing to the vault; saving records the export.
            built, found = build_from_vault(
                session,
                vault,
                [str(i) for i in ids],
                target,
                pattern,
                link_pseudonyms=link_pseudonyms,
            )
            found_ids, pseudonyms = [c.id for c in found], [c.pseudonym for c in found]
        progress(3, 3)
        return Preview(built, found_ids, pseudonyms, target, pattern, built.linked)

    return op


def render_pages(
    pdf: bytes, scale: float = 1.0, limit: int = 40
) -> Callable[[], list[tuple[int, int, int, bytes]]]:
    """Pages as (width, height, stride, RGB bytes), rendered in memory: no file is ever written."""

    def op() -> list[tuple[int, int, int, bytes]]:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(pdf)
        try:
            out = []
            for i in range(min(len(doc), limit)):
                page = doc[i]
                bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, 3 bytes a pixel
                out.append((bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer)))
                page.close()
            return out
        finally:
            doc.close()

    return op


@dataclass(frozen=True)
class Saved:
    path: Path
    size: int
    verified: VerifiedPacket = field(repr=False)


def save(preview: Preview, out: Path) -> Callable[[Vault], Saved]:
    """Write exactly the previewed packet, record the export, then verify the file written."""

    def op(vault: Vault) -> Saved:
        with vault.session() as session:
            result = save_built(
                session, preview.built, preview.case_ids, Path(out), preview.target, preview.pattern
            )
        try:
            verified = verify_packet(result.path)
        except NkcaseError:
            log.error("a packet just written fails verification")
            raise
        return Saved(result.path, result.size, verified)

    return op


# -- leak-check refusals the reviewer can fix ---------------------------------------------------
_NARRATIVE = re.compile(r"^narratives/(?P<pseudonym>[^/.\s]+)\.[^/\s]+\.txt$")
_PLACES = {"hometown", "relative_location", "interview_place", "place"}
_NAMES = {"witness_name", "relative_name", "interviewer", "name"}
_OTHER = {"birth_date": "dob", "phone": "phone"}


@dataclass(frozen=True)
class Leak:
    """What the leak check found, for the reviewer's screen only (never logged, never emitted).

    ``where`` is the file (or PDF page) it was found in; ``pseudonym`` the case whose text that
    file is, when its name tells (``narratives/<pseudonym>.<lang>.txt``); ``category`` the
    category to redact it under in that case.
    """

    found: str = field(repr=False)
    where: str
    category: str
    pseudonym: str | None


def leak_of(exc: BaseException) -> Leak | None:
    """The fixable part of a leak-check refusal, or None for any other failure."""
    found = getattr(exc, "found", None)
    if not isinstance(exc, ExportRefused) or not isinstance(found, str) or not found.strip():
        return None
    where = exc.where or ""
    registered = exc.category or "place"
    if registered in _PLACES:
        category = "place"
    elif registered in _NAMES:
        category = "name"
    else:
        category = _OTHER.get(registered, registered)
    n = _NARRATIVE.match(where)
    return Leak(found, where, category, n.group("pseudonym") if n else None)


def cases_containing(case_ids: Sequence[int], text: str) -> Callable[[Vault], list[str]]:
    """Pseudonyms of the cases whose redacted texts still hold ``text`` (any case)."""
    ids, needle = list(case_ids), text.casefold()

    def op(vault: Vault) -> list[str]:
        out = []
        with vault.session() as session:
            for case_id in ids:
                case = cases.find_case(session, str(case_id))
                data = cases.case_to_dict(case, identity=True)
                result = redaction.redact_case(
                    data, load_decisions(session, case.id), None, ProposalCache(session)
                )
                if any(needle in f.redacted.casefold() for f in result.fields.values()):
                    out.append(case.pseudonym)
        return out

    return op


def redact_everywhere(pseudonym: str, text: str, category: str) -> Callable[[Vault], int]:
    """Accept ``text`` for redaction in every field of the case (scope "all"); its case id."""

    def op(vault: Vault) -> int:
        with vault.session() as session:
            case = cases.find_case(session, pseudonym)
            save_decision(session, case.id, Decision(text, category, "accept", "all"))
            log.info("leak-check text accepted for redaction in case %d", case.id)
            return case.id

    return op
