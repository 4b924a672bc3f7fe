"""Assemble a packet (packet-v1) from prepared, already redacted inputs; sign it; leak-check it.

Pure: no vault, no files. :mod:`nkcase.packets.export` gathers the inputs from the vault and
writes the ZIP. Everything a refusal needs is decided here before a single byte is written.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nkcase import __version__
from nkcase.domain import vocab
from nkcase.errors import ExportRefused
from nkcase.packets import attachment_files, gates, layout, patterns, render, sshsig, submission
from nkcase.packets.leaks import LeakRefused, registry_checker, scan_packet
from nkcase.packets.readme import readme_text
from nkcase.redaction.api import Registry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CustodyEvent:
    at: datetime
    actor: str  # as recorded in the vault; pseudonymised on the way out
    action: str  # recorded, edited, translated, redacted, reviewed, exported, ...
    field_key: str | None = None
    input_sha256: str | None = None  # plain SHA-256 as stored; committed on the way out
    output_sha256: str | None = None
    # True only when the output text itself is in this packet (a redacted text): then its
    # plain SHA-256 is published, since anyone can compute it from the packet anyway.
    output_in_packet: bool = False


# Hashes of texts that are NOT in the packet (the unredacted originals, earlier versions) are
# never published as plain SHA-256: the redacted text with its [Relative A (son)] tokens is in
# the packet, so a recipient could fill the tokens with guessed names and test each guess
# against a plain hash. They are published as commitments instead (docs/packet.md):
#     commitment = HMAC-SHA-256(packet_key, SHA-256(text))
#     packet_key = HMAC-SHA-256(custody_key, "nkcase/custody/" + packet_id)
# custody_key is a vault subkey; the organisation can open a commitment for a court by revealing
# the text and that one packet's key, which opens nothing in any other packet.
PLAIN = "sha256"
COMMITTED = "hmac-sha256-commitment"


@dataclass
class CaseInput:
    case: dict[str, Any]  # case_to_dict(identity=True)
    texts: dict[str, str]  # redacted texts by field key
    redactions: list[dict[str, Any]] = field(default_factory=list)  # field, rule, category, count
    history: list[CustodyEvent] = field(default_factory=list)  # oldest first
    registry: Registry | None = None  # this case's registered terms and their variants
    # Redacted image derivatives the reviewer included (never originals); not in pattern packets.
    images: list[bytes] = field(default_factory=list)
    # The case's name in this packet (see packet_pseudonym); required unless the request links.
    packet_pseudonym: str | None = None


@dataclass(frozen=True)
class PacketRequest:
    target: str
    organisation: str
    signing_key: Ed25519PrivateKey
    actor_key: bytes  # keys the actor pseudonyms (one set per packet, meaningless elsewhere)
    custody_key: bytes  # keys the custody hash commitments (see COMMITTED)
    actor: str = "local-user"
    pattern: bool = False
    created: date | None = None
    packet_id: str | None = None
    # True: the cases keep their stable vault pseudonyms, so recipients can link this packet to
    # others (an explicit choice, recorded in the manifest); False: per-packet pseudonyms.
    linked: bool = False


@dataclass(frozen=True)
class BuiltPacket:
    files: dict[str, bytes]
    packet_id: str
    fingerprint: str
    created: date
    # vault pseudonym -> the case's pseudonym in this packet (recorded in the vault on saving)
    pseudonyms: dict[str, str] = field(default_factory=dict)
    linked: bool = False


def new_packet_id() -> str:
    return "P-" + base64.b32encode(secrets.token_bytes(10)).decode("ascii")


_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LINKED, PER_PACKET = "linked", "per-packet"


def packet_pseudonym(case_key: bytes, packet_id: str, case_id: int, attempt: int = 0) -> str:
    """The case's pseudonym in one packet: ``W-XXXX-XXXX`` (40 bits) from a vault subkey, the
    packet id and the case's id. Two packets about one witness show unrelated names; the
    organisation can recompute (or look up: ``nkcase packets``) which case each one is. The
    second hyphen keeps it apart from every vault pseudonym (``W-XXXX``); ``attempt`` moves on
    in the (2^-40) event that it equals a name this vault already gave out."""
    message = f"nkcase/packet-case/{packet_id}/{case_id}/{attempt}".encode()
    value = int.from_bytes(hmac.new(case_key, message, hashlib.sha256).digest()[:5], "big")
    chars = "".join(_CROCKFORD[(value >> (5 * i)) & 31] for i in reversed(range(8)))
    return f"W-{chars[:4]}-{chars[4:]}"


def actor_pseudonym(actor_key: bytes, actor: str, packet_id: str) -> str:
    """An actor's name in one packet: the same actor within the packet (the chain can be
    followed), unrelated names in two packets (no actor id links them)."""
    message = f"{packet_id}\0{actor}".encode()
    return "actor-" + hmac.new(actor_key, message, hashlib.sha256).hexdigest()[:10]


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()


def _utc_month(at: datetime) -> str:
    """A custody time as packets give it: the UTC month ("2026-03"), the precision
    submission.json gives events and interviews; the exact time stays in the vault."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m")


def field_label(case: dict[str, Any], field_key: str | None) -> str | None:
    """A packet-local name for a field key (database ids stay in the vault)."""
    if not field_key:
        return None
    parts = field_key.split("/")
    if len(parts) == 3 and parts[0] == "interview":
        ids = [str(i["id"]) for i in case.get("interviews") or []]
        n = ids.index(parts[1]) + 1 if parts[1] in ids else "?"
        return f"interview {n} {parts[2]}"
    if len(parts) == 3 and parts[0] == "indicator":
        inds = case.get("indicators") or []
        for n, ind in enumerate(inds, start=1):
            if str(ind["id"]) == parts[1]:
                return f"indicator {n} ({ind['code']}) evidence"
        return "indicator evidence"
    if len(parts) == 3 and parts[0] == "deployment":  # a reviewed structured field
        return f"deployment {parts[1]} {parts[2].replace('_', ' ').replace('.', ' ')}"
    return parts[0]


def packet_custody_key(custody_key: bytes, packet_id: str) -> bytes:
    return hmac.new(custody_key, f"nkcase/custody/{packet_id}".encode(), hashlib.sha256).digest()


def commit_hash(packet_key: bytes, sha256_hex: str) -> str:
    """The commitment published for a text not in the packet (see COMMITTED)."""
    return hmac.new(packet_key, bytes.fromhex(sha256_hex), hashlib.sha256).hexdigest()


def _custody_lines(
    req: PacketRequest, item: CaseInput, packet_id: str, packet_key: bytes
) -> list[dict[str, Any]]:
    case = item.case

    def committed(digest: str | None) -> str | None:
        return commit_hash(packet_key, digest) if digest else None

    lines = []
    for ev in item.history:  # already in the order things happened
        out_plain = ev.output_in_packet and ev.output_sha256 is not None
        lines.append(
            {
                "case": case["pseudonym"],
                "at": _utc_month(ev.at),
                "actor": actor_pseudonym(req.actor_key, ev.actor, packet_id),
                "action": ev.action,
                "field": field_label(case, ev.field_key),
                "input_sha256": committed(ev.input_sha256),
                "input_hash": COMMITTED if ev.input_sha256 else None,
                "output_sha256": ev.output_sha256 if out_plain else committed(ev.output_sha256),
                "output_hash": (PLAIN if out_plain else COMMITTED) if ev.output_sha256 else None,
                "app_version": __version__,
            }
        )
    return lines


def _redaction_entry(item: CaseInput) -> dict[str, Any]:
    rows = [
        {
            "field": field_label(item.case, r.get("field")),
            "rule": r["rule"],
            "category": r.get("category"),
            "count": int(r["count"]),
        }
        for r in item.redactions
    ]
    return {
        "case": item.case["pseudonym"],
        "spans_redacted": sum(r["count"] for r in rows),
        "by_field_and_rule": rows,
    }


def _packet_views(
    req: PacketRequest, inputs: list[CaseInput], decisions: list[gates.GateDecision]
) -> list[CaseInput]:
    """The inputs as this packet names them: each case under its packet pseudonym.

    A packet that carries a witness's identity (OHCHR, G3) never uses the stable pseudonym:
    whoever holds it and any other packet about the witness must not be able to join them on
    the name, and so put a name to the other packet."""
    views: list[CaseInput] = []
    for item, decision in zip(inputs, decisions, strict=True):
        own = str(item.case["pseudonym"])
        local = own if req.linked else item.packet_pseudonym
        if local is None:  # the caller's bug: per-packet names are given by the caller
            raise RuntimeError("a per-packet pseudonym is missing")
        if decision.include_identity and not req.pattern and local == own:
            raise ExportRefused(
                f"{own}: this packet carries the witness's identity for OHCHR (consent G3), so "
                "it never uses the case's stable pseudonym; export it without linking "
                "pseudonyms."
            )
        views.append(dataclasses.replace(item, case={**item.case, "pseudonym": local}))
    names = [v.case["pseudonym"] for v in views]
    if len(set(names)) != len(names):  # the caller's bug, not the user's input
        raise RuntimeError("two cases of one packet share a pseudonym")
    return views


def _vault_names(exc: LeakRefused, back: dict[str, str]) -> LeakRefused:
    """A leak refusal as the person exporting reads it: cases under their vault pseudonyms
    (the packet was not written, its per-packet names mean nothing to them)."""

    def swap(text: str) -> str:
        for local, own in back.items():
            text = text.replace(local, own)
        return text

    place = exc.field
    if place is not None:
        place = dataclasses.replace(place, label=swap(place.label))
    return LeakRefused(
        swap(str(exc)), exc.found or "", swap(exc.where or ""), exc.category or "", place
    )


def build_packet(req: PacketRequest, inputs: list[CaseInput]) -> BuiltPacket:
    """Every file of the packet, signed, after the gates and the leak check passed."""
    gates.check_target(req.target)
    if not inputs:
        raise ExportRefused("No case to export.")
    decisions = [gates.check_gates(item.case, req.target) for item in inputs]
    created = req.created or datetime.now(UTC).date()
    packet_id = req.packet_id or new_packet_id()
    owners = [str(item.case["pseudonym"]) for item in inputs]  # the vault's names, for messages
    inputs = _packet_views(req, inputs, decisions)
    names = {own: str(v.case["pseudonym"]) for own, v in zip(owners, inputs, strict=True)}
    public = req.signing_key.public_key()
    fingerprint = sshsig.fingerprint(public)
    target = vocab.targets()[req.target]
    now = datetime.now(UTC).replace(microsecond=0)

    entries = [
        submission.case_entry(item.case, item.texts, d, pattern=req.pattern)
        for item, d in zip(inputs, decisions, strict=True)
    ]
    narratives: dict[str, str] = {}
    for item in inputs:
        narratives.update(submission.narrative_files(item.case, item.texts))
    sub = {
        "format": "nkcase/submission-v1",
        "kind": "pattern" if req.pattern else "individual",
        "packet_id": packet_id,
        "created": created.isoformat(),
        "organisation": req.organisation,
        "target": {"code": req.target, "name": target.en, "name_ko": target.ko},
        "signer_fingerprint": fingerprint,
        "cases": entries,
    }
    pattern_stats = patterns.compute(entries) if req.pattern else None
    excerpts = patterns.select_excerpts(entries) if req.pattern else None
    pdf = render.render_submission(sub, narratives, pattern_stats, excerpts)

    files: dict[str, bytes] = {
        layout.SUBMISSION_JSON: _json(sub),
        layout.SUBMISSION_PDF: pdf.data,
        layout.CONSENT: _json(
            {
                "target": req.target,
                "cases": [
                    gates.consent_record(item.case, d)
                    for item, d in zip(inputs, decisions, strict=True)
                ],
            }
        ),
        layout.REDACTION_LOG: _json({"cases": [_redaction_entry(item) for item in inputs]}),
        layout.SIGNER: (sshsig.public_key_openssh(public) + "\n").encode("ascii"),
    }
    custody: list[dict[str, Any]] = []
    packet_key = packet_custody_key(req.custody_key, packet_id)
    for item in inputs:
        custody.extend(_custody_lines(req, item, packet_id, packet_key))
        custody.append(
            {
                "case": item.case["pseudonym"],
                "at": _utc_month(now),
                "actor": actor_pseudonym(req.actor_key, req.actor, packet_id),
                "action": "exported",
                "field": None,
                "input_sha256": layout.sha256_hex(
                    json.dumps(
                        next(e for e in entries if e["pseudonym"] == item.case["pseudonym"]),
                        ensure_ascii=False,
                        sort_keys=True,
                    ).encode()
                ),
                "input_hash": PLAIN,  # this case's entry in submission.json
                "output_sha256": layout.sha256_hex(files[layout.SUBMISSION_JSON]),
                "output_hash": PLAIN,
                "app_version": __version__,
                "packet_id": packet_id,
                "target": req.target,
            }
        )
    files[layout.CUSTODY] = "".join(
        json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n" for line in custody
    ).encode()
    if pattern_stats is not None:
        files[layout.PATTERNS] = _json(
            {"format": "nkcase/patterns-v1", **pattern_stats, "excerpts": excerpts}
        )
    for name, text in narratives.items():
        files[name] = text.encode("utf-8")
    images = 0
    if not req.pattern:  # a pattern submission names no individual: no photos either
        for item in inputs:
            for n, data in enumerate(item.images, start=1):
                files[attachment_files.packet_name(item.case["pseudonym"], n)] = data
                images += 1

    identity = layout.signer_identity(req.organisation)
    manifest: dict[str, Any] = {
        "format": layout.FORMAT,
        "packet_id": packet_id,
        "created": created.isoformat(),
        "app_version": __version__,
        "kind": sub["kind"],
        "target": req.target,
        "target_name": target.en,
        "organisation": req.organisation,
        "signer_identity": identity,
        "signer_fingerprint": fingerprint,
        "cases": [e["pseudonym"] for e in entries],
        # An nkcase addition: whether these pseudonyms are this packet's own or the cases'
        # stable ones, which other packets of the organisation may show too (docs/packet.md).
        "pseudonyms": LINKED if req.linked else PER_PACKET,
    }
    files[layout.README] = readme_text(manifest, fingerprint, req.pattern, images).encode("utf-8")
    manifest["files"] = [
        {"path": name, "sha256": layout.sha256_hex(data), "size": len(data)}
        for name, data in sorted(files.items())
    ]
    files[layout.MANIFEST] = _json(manifest)

    try:
        scan_packet(
            files,
            registry_checker(
                [(own, i.registry) for own, i in zip(owners, inputs, strict=True) if i.registry]
            ),
            pdf.confidential_pages,
            public_phrases=[
                req.target,
                target.en,
                target.ko,
                req.organisation,
                manifest["signer_identity"],
            ],
            several_cases=len(inputs) > 1,
        )
    except LeakRefused as exc:
        raise _vault_names(exc, {v: k for k, v in names.items() if k != v}) from None

    sums = layout.sums_text(files)
    files[layout.SUMS] = sums
    files[layout.SIGNATURE] = sshsig.sign(req.signing_key, sums).encode("ascii")
    log.info("packet built: %d files", len(files))
    return BuiltPacket(files, packet_id, fingerprint, created, names, req.linked)
