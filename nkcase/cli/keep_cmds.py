"""`nkcase keep`: the organisation's keep list (public names kept as evidence in every case)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from nkcase.cli.common import open_from_args, print_json

#: keeplist.CATEGORIES, spelled out so that `nkcase --help` need not load the vault's models
#: (tests/cli/test_startup.py checks the two agree).
CATEGORIES = ("public", "org", "place", "unit", "name", "other")
#: `nkcase keep --remove TEXT` of a text that is not on the list (nothing changed).
EXIT_NOT_ON_LIST = 1


def cmd_keep(args: argparse.Namespace) -> int:
    from nkcase.services import keeplist

    with open_from_args(args) as vault, vault.session() as session:
        if args.add is not None:
            entry, new = keeplist.add(session, args.add, args.category)
            print(
                f"Kept in every case: {entry.text} ({entry.category})."
                if new
                else f"Already on the keep list: {entry.text} ({entry.category})."
            )
            return 0
        if args.remove is not None:
            removed = keeplist.remove(session, args.remove)
            if removed is None:
                print(
                    "error: that text is not on the keep list (see `nkcase keep --list`); "
                    "nothing was changed.",
                    file=sys.stderr,
                )
                return EXIT_NOT_ON_LIST
            print(f"Removed from the keep list: {removed.text}. It is proposed for review again.")
            return 0
        entries = keeplist.list_entries(session)
    if args.json:
        print_json([{"text": e.text, "category": e.category, "added_by": e.added_by,
                     "added_at": e.added_at.isoformat()} for e in entries])  # fmt: skip
        return 0
    print(f"Keep list: {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}")
    for e in entries:
        print(f"  {e.category:8} {e.text}   (added {e.added_at:%Y-%m-%d} by {e.added_by})")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "keep",
        parents=[common],
        help="the keep list: public names kept as evidence in every case",
        description="Names that are evidence, not family details (public figures, state organs, "
        "perpetrators' companies): their suggestions are rejected in every case. Registered "
        "terms are always redacted, kept or not.",
    )
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--list", action="store_true", help="show the keep list")
    g.add_argument("--add", metavar="TEXT", help="keep TEXT in every case")
    g.add_argument("--remove", metavar="TEXT", help="take TEXT off the keep list")
    p.add_argument(
        "--category",
        default="public",
        choices=CATEGORIES,
        help="what TEXT is, for --add (default: public)",
    )
    p.add_argument("--json", action="store_true", help="--list as JSON")
    p.set_defaults(func=cmd_keep)
