"""The packets a vault has written, and which case each packet-local pseudonym stands for.

Every packet names its cases by pseudonyms of its own (``W-XXXX-XXXX``, docs/packet.md) unless
the export linked them on purpose. The map back is kept in one place only: the
``packet.exported`` entry of each case's hash-chained audit log (packet id, target, the
pseudonym the case had in that packet, linked or not). This module reads it:

    records = packet_records(session)                 # every export, oldest first
    records = packet_records(session, case_id=3)      # the exports of one case
    [record] = find_packet_pseudonym(session, "W-3KQ9-7MX2")   # -> record.case_pseudonym

Exports written before per-packet pseudonyms (no ``packet_pseudonym`` in the entry) used the
case's stable pseudonym; they are reported as linked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nkcase.vault.models import AuditEntry, Case

log = logging.getLogger(__name__)

EXPORTED = "packet.exported"
LINKED, PER_PACKET = "linked", "per-packet"  # as in manifest.json (nkcase.packets.build)


@dataclass(frozen=True)
class PacketRecord:
    """One case in one written packet."""

    at: datetime  # when the packet was written (UTC, exact: this stays in the vault)
    case_id: int
    case_pseudonym: str  # the case's stable pseudonym in this vault
    packet_id: str
    target: str
    pattern: bool
    packet_pseudonym: str  # the name the case has in that packet
    linked: bool  # True: the packet used the stable pseudonym (a decision, or an old export)
    sha256: str | None  # of the ZIP file written

    def as_dict(self) -> dict[str, object]:
        return {
            "at": self.at.replace(microsecond=0).isoformat() + "Z",
            "case_id": self.case_id,
            "case": self.case_pseudonym,
            "packet_id": self.packet_id,
            "target": self.target,
            "pattern": self.pattern,
            "packet_pseudonym": self.packet_pseudonym,
            "pseudonyms": LINKED if self.linked else PER_PACKET,
            "sha256": self.sha256,
        }


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def packet_records(session: Session, case_id: int | None = None) -> list[PacketRecord]:
    """Every ``packet.exported`` entry (of one case, or all), oldest first."""
    query = (
        select(AuditEntry, Case.pseudonym)
        .join(Case, Case.id == AuditEntry.case_id)
        .where(AuditEntry.action == EXPORTED)
        .order_by(AuditEntry.id)
    )
    if case_id is not None:
        query = query.where(AuditEntry.case_id == case_id)
    out: list[PacketRecord] = []
    for entry, pseudonym in session.execute(query):
        detail = entry.detail or {}
        local = _str(detail.get("packet_pseudonym"))
        out.append(
            PacketRecord(
                at=entry.at,
                case_id=int(entry.case_id or 0),
                case_pseudonym=pseudonym,
                packet_id=_str(detail.get("packet_id")) or "?",
                target=_str(detail.get("target")) or "?",
                pattern=detail.get("pattern") is True,
                packet_pseudonym=local or pseudonym,
                linked=local is None or detail.get("pseudonyms") == LINKED,
                sha256=_str(detail.get("sha256")),
            )
        )
    return out


def find_packet_pseudonym(session: Session, name: str) -> list[PacketRecord]:
    """The exports in which a case appeared as ``name`` (a recipient's question: "who is
    W-3KQ9-7MX2 in your packet P-...?"). Case-insensitive; empty when no packet used it."""
    wanted = name.strip().upper()
    return [r for r in packet_records(session) if r.packet_pseudonym.upper() == wanted]
