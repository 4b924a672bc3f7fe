"""Export a packet from the vault: gather, redact, gate, build, leak-check, write atomically.

    result = export_packet(vault, ["W-7Q4K"], "sr_slavery", Path("out.zip"))

or in two steps, to show the packet before saving it (the GUI export dialog):

    built, found = build_from_vault(session, vault, ["W-7Q4K"], "sr_slavery")
    result = save_built(session, built, [c.id for c in found], Path("out.zip"), "sr_slavery")

Refusals raise ExportRefused naming the case and the reason; then nothing is written.

Each packet names its cases by per-packet pseudonyms (build.packet_pseudonym) unless the
caller links them on purpose (``link_pseudonyms``); either way the name each case got is kept
in its ``packet.exported`` audit entry (nkcase.services.exports looks them up).
"""

from __future__ import annotations

import hashlib
import logging
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from nkcase.errors import CaseNotFound, ExportRefused, UsageError
from nkcase.packets import gates, layout
from nkcase.packets.build import (
    LINKED,
    PER_PACKET,
    BuiltPacket,
    CaseInput,
    CustodyEvent,
    PacketRequest,
    build_packet,
    field_label,
    new_packet_id,
    packet_pseudonym,
)
from nkcase.redaction import api as redaction
from nkcase.redaction.store import ProposalCache, load_decisions
from nkcase.services import audit, cases, vaults
from nkcase.services.exports import EXPORTED
from nkcase.vault.atomic import atomic_writer
from nkcase.vault.attachment_images import exportable_images
from nkcase.vault.models import AuditEntry, Case, TextVersion
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

ACTOR_KEY_PURPOSE = "packet-actor-pseudonyms"
CUSTODY_KEY_PURPOSE = "packet-custody-commitments"
CASE_KEY_PURPOSE = "packet-case-pseudonyms"
# Text versions of these fields are the texts a packet carries (redacted); other versioned
# fields (identity, relatives, terms, deployments) are kept in the vault's history but are not
# part of a packet's custody record.
_CUSTODY_FIELD_KINDS = ("interview/", "indicator/")
SOURCE_RULE = {"registry": "registry", "pattern": "pattern", "suggestion": "reviewed suggestion"}
# Audit actions already told by text_versions (one custody line per text version).
_TOLD_BY_TEXT_VERSIONS = {"text.edited"}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    packet_id: str
    fingerprint: str
    cases: list[str]
    size: int
    sha256: str  # of the ZIP file, as recorded in each case's audit trail
    pseudonyms: dict[str, str] = field(default_factory=dict)  # vault -> packet pseudonym
    linked: bool = False


def _history(session: Session, case_id: int) -> list[CustodyEvent]:
    events: list[CustodyEvent] = []
    previous: dict[str, str] = {}
    for tv in session.scalars(
        select(TextVersion)
        .where(TextVersion.case_id == case_id)
        .order_by(TextVersion.created_at, TextVersion.id)
    ):
        if not tv.field_key.startswith(_CUSTODY_FIELD_KINDS):
            continue
        events.append(
            CustodyEvent(
                at=tv.created_at,
                actor=tv.actor,
                action=tv.action,
                field_key=tv.field_key,
                input_sha256=previous.get(tv.field_key),
                output_sha256=tv.sha256,
            )
        )
        previous[tv.field_key] = tv.sha256
    for entry in session.scalars(
        select(AuditEntry).where(AuditEntry.case_id == case_id).order_by(AuditEntry.id)
    ):
        if entry.action in _TOLD_BY_TEXT_VERSIONS:
            continue
        if entry.action.startswith("packet."):
            # Other exports are not part of this packet's chain: listing them would tell each
            # recipient where else (and when) the witness's testimony went, and link packets.
            continue
        detail = entry.detail or {}
        field_key = detail.get("field") if isinstance(detail.get("field"), str) else None
        out_hash = detail.get("sha256") or detail.get("output_sha256")
        in_hash = detail.get("input_sha256")
        events.append(
            CustodyEvent(
                at=entry.at,
                actor=entry.actor,
                action=entry.action,
                field_key=field_key,
                input_sha256=in_hash if layout.is_sha256_hex(in_hash) else None,
                output_sha256=out_hash if layout.is_sha256_hex(out_hash) else None,
            )
        )
    # Same-second events keep their order (text versions before the audit entries about them).
    events.sort(key=lambda e: e.at.replace(microsecond=0))
    return events


def _refuse_pending(case: dict[str, Any], result: redaction.CaseRedaction) -> None:
    pending = result.pending
    if not pending:
        return
    fields = sorted({field_label(case, key) or key for key, _ in pending})
    n = len(pending)
    raise ExportRefused(
        f"{case['pseudonym']}: {n} redaction suggestion{'s are' if n > 1 else ' is'} still "
        f"unreviewed ({', '.join(fields)}); review {'them' if n > 1 else 'it'} before exporting."
    )


def prepare_case(
    session: Session,
    case: Case,
    target: str,
    actor: str,
    now: datetime,
    images: bool = True,
) -> CaseInput:
    data = cases.case_to_dict(case, identity=True)
    data["persons"] = [
        {"role": p.role, "pseudonym": p.pseudonym, "perpetrator": p.perpetrator}
        for p in case.persons
    ]
    gates.check_gates(data, target)  # fail fast, before any redaction work
    decisions = load_decisions(session, case.id)
    registry = redaction.build_registry(data, decisions)
    # The finder's proposals as cached when the texts were saved (the review saw the same).
    result = redaction.redact_case(data, decisions, registry, ProposalCache(session))
    _refuse_pending(data, result)
    texts = {key: f.redacted for key, f in result.fields.items()}
    counts = []
    for rule, per_field in result.counts().items():
        source, _, category = rule.partition(":")
        for key, n in per_field.items():
            counts.append(
                {
                    "field": key,
                    "rule": SOURCE_RULE.get(source, source),
                    "category": category,
                    "count": n,
                }
            )
    history = _history(session, case.id)
    for key, f in result.fields.items():
        if f.redacted != f.original:
            history.append(
                CustodyEvent(
                    at=now,
                    actor=actor,
                    action="redacted",
                    field_key=key,
                    input_sha256=layout.sha256_hex(f.original.encode("utf-8")),
                    output_sha256=layout.sha256_hex(f.redacted.encode("utf-8")),
                    output_in_packet=True,
                )
            )
    # Only images a reviewer included, re-encoded without metadata, blackout boxes painted.
    derivatives = [d for _, d in exportable_images(session, case.id)] if images else []
    return CaseInput(data, texts, counts, history, registry, derivatives)


def write_zip(files: dict[str, bytes], out: Path, created: date) -> int:
    """Write the packet atomically: a crash leaves no partial packet."""
    out = Path(out)
    if out.suffix.lower() != ".zip":
        raise UsageError("The packet file name must end in .zip")
    if not out.parent.is_dir():
        raise UsageError(f"The folder {out.parent} does not exist.")
    stamp = (created.year, created.month, created.day, 0, 0, 0)
    with atomic_writer(out) as fh:
        with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name in sorted(files):
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.external_attr = 0o100644 << 16
                info.create_system = 3
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, files[name])
        size = fh.tell()
    return size


def issued_pseudonyms(session: Session) -> set[str]:
    """Every name a case has had in this vault: its pseudonym, and its name in each packet."""
    names = set(session.scalars(select(Case.pseudonym)))
    for detail in session.scalars(select(AuditEntry.detail).where(AuditEntry.action == EXPORTED)):
        name = (detail or {}).get("packet_pseudonym")
        if isinstance(name, str):
            names.add(name)
    return names


def packet_names(
    session: Session, vault: Vault, packet_id: str, found: Sequence[Case]
) -> dict[int, str]:
    """Per-packet pseudonyms for the cases of one packet, none ever given out before."""
    key = vault.subkey(CASE_KEY_PURPOSE)
    taken = issued_pseudonyms(session)
    out: dict[int, str] = {}
    for case in found:
        attempt = 0
        name = packet_pseudonym(key, packet_id, case.id, attempt)
        while name in taken:  # 2^-40 odds per earlier name; the attempt is recorded
            attempt += 1
            name = packet_pseudonym(key, packet_id, case.id, attempt)
        taken.add(name)
        out[case.id] = name
    return out


def build_from_vault(
    session: Session,
    vault: Vault,
    refs: Sequence[str],
    target: str,
    pattern: bool = False,
    actor: str = audit.DEFAULT_ACTOR,
    link_pseudonyms: bool = False,
) -> tuple[BuiltPacket, list[Case]]:
    """Build one packet in memory. ``link_pseudonyms`` keeps the cases' stable pseudonyms (so
    recipients can link this packet to others about the same witnesses); by default each case
    gets a name of its own in this packet."""
    gates.check_target(target)
    if not refs:
        raise UsageError("Name at least one case with --case.")
    if pattern and len(refs) < 2:
        raise UsageError("A pattern submission needs at least two cases.")
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    found: list[Case] = []
    for ref in refs:
        case = cases.find_case(session, ref)
        if any(c.id == case.id for c in found):
            raise UsageError(f"Case {case.pseudonym} is named twice.")
        found.append(case)
    inputs = [prepare_case(session, c, target, actor, now, images=not pattern) for c in found]
    packet_id = new_packet_id()
    if not link_pseudonyms:
        names = packet_names(session, vault, packet_id, found)
        for case, item in zip(found, inputs, strict=True):
            item.packet_pseudonym = names[case.id]
    request = PacketRequest(
        target=target,
        organisation=vaults.organisation(session),
        signing_key=vaults.signing_key(session),
        actor_key=vault.subkey(ACTOR_KEY_PURPOSE),
        custody_key=vault.subkey(CUSTODY_KEY_PURPOSE),
        actor=actor,
        pattern=pattern,
        packet_id=packet_id,
        linked=link_pseudonyms,
    )
    return build_packet(request, inputs), found


def save_built(
    session: Session,
    built: BuiltPacket,
    case_ids: Sequence[int],
    out: Path,
    target: str,
    pattern: bool = False,
    actor: str = audit.DEFAULT_ACTOR,
) -> ExportResult:
    """Write a built packet atomically and record ``packet.exported`` for each of its cases.

    The one way a packet reaches the disk: ``export_packet`` and the GUI export dialog (which
    builds first, shows the preview, then saves exactly what was previewed) both end here.
    """
    out = Path(out)
    found: list[Case] = []
    for case_id in case_ids:  # before writing: an unknown case writes nothing
        case = session.get(Case, case_id)
        if case is None:
            raise CaseNotFound(f"There is no case {case_id}.")
        found.append(case)
    # The vault's write lock first (what audit.record takes): a vault that cannot record this
    # export -- on read-only media, say -- refuses before any packet is written.
    session.execute(text("UPDATE audit_log SET id = id WHERE 0"))
    size = write_zip(built.files, out, built.created)
    with out.open("rb") as fh:
        zip_hash = hashlib.file_digest(fh, "sha256").hexdigest()
    for case in found:
        # The map back from this packet's names to the case: kept here, in the vault's
        # hash-chained audit log, and nowhere else (nkcase.services.exports reads it).
        audit.record(
            session,
            EXPORTED,
            case_id=case.id,
            actor=actor,
            detail={
                "packet_id": built.packet_id,
                "target": target,
                "pattern": pattern,
                "sha256": zip_hash,
                "packet_pseudonym": built.pseudonyms.get(case.pseudonym, case.pseudonym),
                "pseudonyms": LINKED if built.linked else PER_PACKET,
            },
        )
    log.info("packet written: %d cases", len(found))
    return ExportResult(
        out,
        built.packet_id,
        built.fingerprint,
        [c.pseudonym for c in found],
        size,
        zip_hash,
        dict(built.pseudonyms),
        built.linked,
    )


def export_packet(
    vault: Vault,
    refs: Sequence[str],
    target: str,
    out: Path,
    pattern: bool = False,
    actor: str = audit.DEFAULT_ACTOR,
    link_pseudonyms: bool = False,
) -> ExportResult:
    """Build, check and write one packet; record the export in each case's audit trail."""
    with vault.session() as session:
        built, found = build_from_vault(
            session, vault, refs, target, pattern, actor, link_pseudonyms
        )
        return save_built(session, built, [c.id for c in found], out, target, pattern, actor)
