"""`nkcase export` (a signed testimony packet), `nkcase verify` (check one) and
`nkcase packets` (the packets written, and which case each packet's pseudonym stands for)."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from nkcase.cli.common import open_from_args, print_json, refuse_existing
from nkcase.domain import vocab
from nkcase.errors import ExportRefused

# Registry categories -> the category `nkcase review --accept` stores the text under.
_REVIEW_CATEGORY = {
    "hometown": "place", "relative_location": "place", "interview_place": "place",
    "witness_name": "name", "relative_name": "name", "interviewer": "name",
    "birth_date": "dob",
}  # fmt: skip


def leak_advice(exc: ExportRefused) -> str:
    """What to do about a leak-check refusal (shown on the terminal only: it quotes the text).

    A term in a redacted text is fixed by review; a term in a structured field of the case (a
    deployment's region) is not: review only acts on narratives and evidence, so the advice is
    to edit that field (there is no `nkcase` command for it: the app's case editor).
    """
    from nkcase.packets.leaks import LeakRefused

    found = exc.found or ""
    if isinstance(exc, LeakRefused) and exc.structured:
        place = exc.field
        assert place is not None
        tab = f"the {place.tab} tab" if place.tab else "its tab"
        return (
            f"found: {found!r} in {place.label}. `nkcase review` cannot redact a field of the "
            f"case: edit {place.label} in the app (open the case, {tab}) and export again."
        )
    category = _REVIEW_CATEGORY.get(exc.category or "", exc.category or "place")
    where = f" in {exc.where}" if exc.where else ""
    return (
        f"found: {found!r}{where}. Redact it in the case whose text it is in, e.g. "
        f"`nkcase review CASE --accept {shlex.quote(found)} --category {category}`."
    )


def cmd_export(args: argparse.Namespace) -> int:
    from nkcase.packets.export import export_packet

    # A packet already on disk may be the one that was sent: never replaced silently.
    refuse_existing(args.out, args.force)
    with open_from_args(args) as vault:
        try:
            result = export_packet(
                vault,
                args.case,
                args.target,
                Path(args.out),
                args.pattern,
                link_pseudonyms=args.link_pseudonyms,
            )
        except ExportRefused as exc:
            if exc.found:
                # On this terminal only: the person exporting needs the text to redact it.
                print(f"error: {exc}", file=sys.stderr)
                print(f"  {leak_advice(exc)}", file=sys.stderr)
                return exc.exit_code
            raise
    print(
        f"Wrote {result.path} ({result.size} bytes): packet {result.packet_id}, "
        f"{len(result.cases)} case(s), signed by {result.fingerprint}"
    )
    how = "linked: the cases' stable pseudonyms" if result.linked else "this packet's own"
    print(f"  pseudonyms ({how}): " + ", ".join(
        f"{case} as {result.pseudonyms.get(case, case)}" for case in result.cases
    ))  # fmt: skip
    return 0


def cmd_packets(args: argparse.Namespace) -> int:
    from nkcase.errors import CaseNotFound
    from nkcase.services import cases, exports
    from nkcase.textsafe import printable

    with open_from_args(args) as vault, vault.session() as session:
        if args.pseudonym:
            records = exports.find_packet_pseudonym(session, args.pseudonym)
            if not records:
                raise CaseNotFound(
                    f"No packet of this vault names a case {printable(args.pseudonym, limit=40)}."
                )
        else:
            case_id = cases.find_case(session, args.case).id if args.case else None
            records = exports.packet_records(session, case_id)
    if args.json:
        print_json([r.as_dict() for r in records])
        return 0
    if not records:
        print("No packet written yet.")
    for r in records:
        kind = "pattern " if r.pattern else ""
        print(
            f"{r.at:%Y-%m-%d %H:%M}Z  {r.packet_id}  {kind}{r.target}  "
            f"{r.case_pseudonym} as {r.packet_pseudonym}" + ("  (linked)" if r.linked else "")
        )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from nkcase.packets.verify import verify_packet
    from nkcase.textsafe import printable

    result = verify_packet(Path(args.file))
    # The manifest is the sender's text: every field is shown escaped, on its own line, after
    # the fingerprint (which is computed here from signer.pub, never read from the manifest).
    print(f"intact, signed by {result.fingerprint}")
    print(f"  organisation: {printable(result.organisation)}")
    print(f"  target: {printable(result.target)}; packet {printable(result.packet_id)}")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser(
        "export",
        parents=[common],
        help="write a signed, redacted testimony packet for one submission target",
        description="Write a consent-gated, redacted, signed packet (packet-v1) as a ZIP. "
        "Refuses, writing nothing, if consent, review or the leak check does not allow it.",
    )
    export.add_argument("--target", required=True, choices=sorted(vocab.targets()))
    export.add_argument(
        "--case",
        required=True,
        action="append",
        metavar="CASE",
        help="case number or pseudonym; repeat for several cases",
    )
    export.add_argument(
        "--pattern",
        action="store_true",
        help="a pattern submission over the cases (statistics and charts, no individual)",
    )
    export.add_argument(
        "--link-pseudonyms",
        action="store_true",
        help="name the cases by their stable pseudonyms, so recipients can link this packet to "
        "others about the same witnesses (default: pseudonyms of this packet only; refused for "
        "a packet carrying an identity to OHCHR)",
    )
    export.add_argument("--out", required=True, metavar="FILE.zip", type=Path)
    export.add_argument("--force", action="store_true", help="replace an existing FILE.zip")
    export.set_defaults(func=cmd_export)

    verify = sub.add_parser(
        "verify",
        help="check a packet: files, checksums and signature",
        description="Exit 0 and print 'intact, signed by <fingerprint>', or exit non-zero "
        "naming the first thing that failed. Needs no vault.",
    )
    verify.add_argument("file", metavar="FILE.zip", type=Path)
    verify.set_defaults(func=cmd_verify)

    packets = sub.add_parser(
        "packets",
        parents=[common],
        help="list the packets written (of one case), with each case's pseudonym in each",
        description="Every packet this vault wrote, oldest first: when, packet id, target, and "
        "the pseudonym each case had in it. --pseudonym finds the case a packet's pseudonym "
        "stands for (exit 1 when no packet used it).",
    )
    packets.add_argument("case", nargs="?", metavar="CASE", help="case number or pseudonym")
    packets.add_argument(
        "--pseudonym", metavar="NAME", help="the case a packet names NAME (e.g. W-3KQ9-7MX2)"
    )
    packets.add_argument("--json", action="store_true")
    packets.set_defaults(func=cmd_packets)
