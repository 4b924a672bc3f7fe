"""`nkcase redact` and `nkcase review`: redacted texts, pending suggestions, decisions."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from nkcase.cli.common import open_from_args, print_json
from nkcase.errors import UsageError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from nkcase.redaction.api import Decision
    from nkcase.redaction.review import Verdict


def _load(session: Session, ref: str) -> tuple[int, dict[str, Any], list[Decision]]:
    """The case (id, case-file dict with vault ids) and its stored decisions."""
    from nkcase.redaction.store import load_decisions
    from nkcase.services import case_dicts, cases

    case = cases.find_case(session, ref)
    return case.id, case_dicts.case_to_dict(case, identity=True), load_decisions(session, case.id)


def _group_key(text: str) -> str:
    """Suggestions and --accept/--reject texts match after folding case and white space."""
    from nkcase.redaction.fold import fold_simple

    return " ".join(fold_simple(text).split())


def cmd_redact(args: argparse.Namespace) -> int:
    from nkcase.redaction.api import redact_case
    from nkcase.redaction.store import ProposalCache

    with open_from_args(args) as vault, vault.session() as session:
        _case_id, data, decisions = _load(session, args.case)
        result = redact_case(data, decisions, None, ProposalCache(session))
    pending = result.pending
    if args.json:
        print_json({
            "case": data["pseudonym"],
            "fields": {k: {"original_length": len(f.original), "redacted": f.redacted,
                           "spans": [s.to_dict(include_text=True) for s in f.spans]}
                       for k, f in result.fields.items()},
            "pending": [{"field": k, **s.to_dict(include_text=True)} for k, s in pending],
            "log": result.log(),
        })  # fmt: skip
        return 0
    print(f"Case {data['id']}  {data['pseudonym']}  (redacted preview)")
    for key, f in result.fields.items():
        print(f"\n== {key} ==")
        print(f.redacted)
    print(f"\nPending suggestions: {len(pending)}")
    for key, s in pending:
        print(f"  {key} [{s.start}:{s.end}] {s.category} ({s.rule}): {s.text}")
    if pending:
        print("Review them with: nkcase review CASE --list | --accept TEXT | --reject TEXT ...")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from nkcase.redaction.api import Decision, redact_case
    from nkcase.redaction.store import ProposalCache, save_decision

    with open_from_args(args) as vault, vault.session() as session:
        case_id, data, decisions = _load(session, args.case)
        result = redact_case(data, decisions, None, ProposalCache(session))
        groups: dict[tuple[str, str], int] = {}
        texts: dict[tuple[str, str], str] = {}
        for _key, s in result.pending:
            k = (_group_key(s.text), s.category)
            groups[k] = groups.get(k, 0) + 1
            texts.setdefault(k, s.text)
        if args.list:
            print(f"Case {data['pseudonym']}: {len(result.pending)} pending suggestions")
            for k, n in groups.items():
                print(f"  {k[1]:10} x{n}  {texts[k]}")
            print(f"Decisions stored: {len(decisions)}")
            for d in decisions:
                where = {"span": d.field_key, "keep": "keep list (every case)"}.get(
                    d.scope, "all occurrences"
                )
                print(f"  {d.decision:6} {d.category:10} {where}: {d.text}")
            return 0
        new: list[Decision] = []
        if args.accept_all or args.reject_all:
            verdict: Verdict = "accept" if args.accept_all else "reject"
            new = [Decision(texts[k], k[1], verdict, "all") for k in groups]
        else:
            verdict = "accept" if args.accept is not None else "reject"
            wanted = _group_key(args.accept if args.accept is not None else args.reject)
            new = [Decision(texts[k], k[1], verdict, "all") for k in groups if k[0] == wanted]
            if not new and verdict == "accept" and wanted:
                # Redact every occurrence of a text no detector proposed.
                new = [Decision(args.accept.strip(), args.category, "accept", "all")]
            if not new:
                raise UsageError("No pending suggestion has that text; see `nkcase review --list`.")
        for d in new:
            save_decision(session, case_id, d)
    settled = sum(groups.get((_group_key(d.text), d.category), 0) for d in new)
    remaining = max(0, len(result.pending) - settled)
    print(f"{len(new)} decision(s) stored ({verdict}); {remaining} suggestion(s) still pending.")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "redact", parents=[common], help="redacted texts with the pending suggestions"
    )
    p.add_argument("case", help="case number or pseudonym")
    p.add_argument("--json", action="store_true", help="every field's spans as JSON")
    p.set_defaults(func=cmd_redact)

    p = sub.add_parser("review", parents=[common], help="accept or reject redaction suggestions")
    p.add_argument("case", help="case number or pseudonym")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--list", action="store_true", help="pending suggestions and decisions")
    g.add_argument("--accept-all", action="store_true", help="accept every pending suggestion")
    g.add_argument("--reject-all", action="store_true", help="reject every pending suggestion")
    g.add_argument("--accept", metavar="TEXT", help="redact all occurrences of TEXT")
    g.add_argument("--reject", metavar="TEXT", help="keep all occurrences of TEXT")
    p.add_argument("--category", default="name", help="category for --accept of an unproposed text")
    p.set_defaults(func=cmd_review)
