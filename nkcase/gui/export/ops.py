"""Worker operations for the export dialog (plain Python, no Qt; PDF pages as raw pixels)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nkcase.errors import ExportRefused, NkcaseError
from nkcase.packets import gates, layout
from nkcase.packets.build import BuiltPacket
from nkcase.packets.export import build_from_vault, save_built
from nkcase.packets.verify import VerifiedPacket, verify_packet
from nkcase.redaction import api as redaction
from nkcase.redaction.store import load_decisions
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
                pending = len(redaction.redact_case(data, decisions).pending)
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

    @property
    def pdf(self) -> bytes:
        return self.built.files[layout.SUBMISSION_PDF]


def build(
    case_ids: Sequence[int], target: str, pattern: bool
) -> Callable[[Vault, Progress], Preview]:
    ids = list(case_ids)

    def op(vault: Vault, progress: Progress) -> Preview:
        progress(0, 3)
        with vault.session() as session:
            progress(1, 3)
            # Building writes nothing to the vault; saving records the export.
            built, found = build_from_vault(session, vault, [str(i) for i in ids], target, pattern)
            found_ids, pseudonyms = [c.id for c in found], [c.pseudonym for c in found]
        progress(3, 3)
        return Preview(built, found_ids, pseudonyms, target, pattern)

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
