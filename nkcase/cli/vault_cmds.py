"""init, import, list, show, search, export-cases, passphrase change, check."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkcase.cli.common import (
    open_from_args,
    print_json,
    prompt_secret,
    read_passphrase,
    refuse_existing,
    vault_dir,
    warn,
)
from nkcase.errors import DiskFull, IntegrityError, NkcaseError, ReadOnlyMedia, UsageError
from nkcase.vault.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from nkcase.services import search


def cmd_init(args: argparse.Namespace) -> int:
    from nkcase.services import vaults

    folder = vault_dir(args)
    org = args.organisation
    if not org:
        if not sys.stdin.isatty():
            raise UsageError("Give the organisation's name with --organisation NAME.")
        org = input("Organisation name (signs every packet): ").strip()
    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    vault, recovery = vaults.create_vault(folder, org, passphrase)
    params = vault.slot.params()
    vault.close()
    print(f"Created a vault in {folder}")
    print(
        f"Key derivation: Argon2id, {params.memory_kib // 1024} MiB, {params.iterations} passes"
        + (
            " (calibrated to about one second on this machine)"
            if params.meets_minimum
            else " (INSECURE test parameters)"
        )
    )
    print()
    print("RECOVERY KEY (shown only this once; write it down and keep it apart from the laptop):")
    print(f"    {recovery}")
    print()
    print(
        "It opens the vault if the passphrase is forgotten: add --use-recovery-key to any command."
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from nkcase.services import cases

    with open_from_args(args) as vault:
        failures = 0
        for name in args.files:
            try:
                imported = cases.import_case_file(vault, Path(name), as_new=args.as_new)
                for case_id, pseudonym in imported:
                    print(f"{case_id}\t{pseudonym}")
            except (DiskFull, ReadOnlyMedia):
                raise  # about the vault, not this file: the next file would fail the same way
            except NkcaseError as exc:
                failures += 1
                print(f"error: nothing imported from {exc}", file=sys.stderr)
        return 1 if failures else 0


def _filters(args: argparse.Namespace) -> search.Filters:
    from nkcase.services import search

    return search.Filters(
        country=args.country,
        sector=args.sector,
        indicator=args.indicator,
        target=args.target,
        period_from=args.period_from,
        period_to=args.period_to,
    )


def _print_rows(rows: list[dict[str, Any]]) -> None:
    if not rows:
        print("(no cases)")
        return
    for r in rows:
        print(
            f"{r['id']:>6}  {r['pseudonym']:<8}  {','.join(r['countries']):<12} "
            f"{','.join(r['sectors']):<20} {r['period']:<18} "
            f"{len(r['indicators'])} indicators  {','.join(r['consent_targets'])}"
            + ("  [consent withdrawn]" if r["withdrawn"] else "")
        )


def cmd_list(args: argparse.Namespace) -> int:
    from nkcase.services import caselist, search

    with open_from_args(args) as vault, vault.session() as session:
        if any(
            getattr(args, k)
            for k in ("country", "sector", "indicator", "target", "period_from", "period_to")
        ):
            hits = search.search(session, "", _filters(args), limit=1_000_000)
            rows = caselist.get_rows(session, [h.case_id for h in hits])
            out = [rows[h.case_id].to_json() for h in hits]
            out.sort(key=lambda r: r["id"])
        else:
            out = [r.to_json() for r in caselist.list_cases(session)]
    if args.json:
        print_json(out)
    else:
        _print_rows(out)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from nkcase.services import caselist, search

    with open_from_args(args) as vault, vault.session() as session:
        hits = search.search(session, args.query, _filters(args), limit=args.limit)
        rows = caselist.get_rows(session, [h.case_id for h in hits])
        out = [
            {**rows[h.case_id].to_json(), "score": round(-h.score, 4), "matched": h.fields}
            for h in hits
        ]
    if args.json:
        print_json(out)
    else:
        _print_rows(out)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from nkcase.services import case_dicts, cases

    with open_from_args(args) as vault, vault.session() as session:
        case = cases.find_case(session, args.case)
        data = case_dicts.case_to_dict(case, identity=True)
    if args.json:
        print_json(data)
        return 0
    who = data["interviewee"]
    print(f"Case {data['id']}  {data['pseudonym']}")
    print(f"  identity (sealed): {who.get('name') or ''} {who.get('name_ko') or ''}".rstrip())
    for rel in data["relatives"]:
        print(f"  {rel['pseudonym']}: {rel.get('name') or ''} {rel.get('name_ko') or ''}".rstrip())
    for dep in data["deployments"]:
        print(
            f"  deployment: {dep['country']} {dep.get('region') or ''} {dep.get('sector') or ''}"
            f" {dep.get('start') or '?'}–{dep.get('end') or '?'}"
        )
    for ind in data["indicators"]:
        print(f"  indicator: {ind['code']}")
    consent = data["consent"]
    print(
        f"  consent: share with {', '.join(consent['share_with'] or []) or 'nobody'}"
        + (f"; WITHDRAWN {consent['withdrawn_on']}" if consent["withdrawn_on"] else "")
    )
    for iv in data["interviews"]:
        print(
            f"  interview {iv['id']} ({iv.get('date') or 'undated'}, {iv.get('language') or '?'}):"
            f" {len(iv['narrative'])} characters"
        )
    return 0


def cmd_export_cases(args: argparse.Namespace) -> int:
    from nkcase.services import cases

    with open_from_args(args) as vault, vault.session() as session:
        doc = cases.export_case_file(session, args.case or None)
    data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    out = Path(args.out)
    refuse_existing(out, args.force)
    atomic_write_bytes(out, data)
    warn(
        f"{out} holds {len(doc['cases'])} cases WITH REAL NAMES, in clear. Keep it on an "
        "encrypted disk, move it only by hand, and delete it when done."
    )
    return 0


def _read_new_passphrase(path: Path) -> str:
    from nkcase.domain.inputs import read_secret_file

    try:
        first = read_secret_file(path)
    except (OSError, ValueError):
        raise UsageError(
            f"Cannot read the new passphrase file {path} (it must be a small UTF-8 text "
            "file); nothing was changed."
        ) from None
    lines = [first] if first else []
    if not lines or not lines[0]:
        raise UsageError(
            f"The new passphrase file {path} is empty (the passphrase is its first line); "
            "nothing was changed."
        )
    return lines[0]


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    from nkcase.services import vaults
    from nkcase.vault.vault import Vault

    # The file first: a problem with it is reported before anything is asked or opened.
    new = _read_new_passphrase(args.new_passphrase_file) if args.new_passphrase_file else None
    if getattr(args, "use_recovery_key", False):
        vault = open_from_args(args)
        try:
            old = read_passphrase(args, "Current passphrase: ")
        except BaseException:
            vault.close()
            raise
    else:
        # Asked once: the passphrase that opens the vault is the one being changed.
        folder = vault_dir(args)
        Vault.require_exists(folder)
        old = read_passphrase(args, "Current passphrase: ")
        vault = vaults.open_vault(folder, passphrase=old)
    with vault:
        if new is None:
            new = prompt_secret("New passphrase: ", confirm=True)
        vaults.change_passphrase(vault, old, new)
    print("Passphrase changed. The recovery key is unchanged.")
    return 0


SHOWN_PROBLEMS = 5


def cmd_check(args: argparse.Namespace) -> int:
    from nkcase.services import vaults

    with open_from_args(args) as vault:
        report = vaults.check_vault(vault)
    if not report.ok:
        # A damaged page can make integrity_check list hundreds of pages: the first few say
        # enough (`nkcase check` is a verdict, not a forensic dump).
        for problem in report.problems[:SHOWN_PROBLEMS]:
            print(f"problem: {problem}", file=sys.stderr)
        if len(report.problems) > SHOWN_PROBLEMS:
            print(f"... and {len(report.problems) - SHOWN_PROBLEMS} more", file=sys.stderr)
        raise IntegrityError(f"The vault failed its check ({len(report.problems)} problems).")
    print(
        f"ok: {report.cases} cases, audit chain of {report.audit_entries} entries intact, "
        "all pages pass their integrity check"
    )
    return 0


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--country", help="ISO alpha-3, e.g. RUS")
    p.add_argument("--sector", help="sector code, e.g. logging")
    p.add_argument("--indicator", help="ILO indicator code")
    p.add_argument("--target", help="consent target code, e.g. sr_slavery")
    p.add_argument("--from", dest="period_from", metavar="YYYY[-MM]")
    p.add_argument("--to", dest="period_to", metavar="YYYY[-MM]")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="create a vault")
    p.add_argument("--organisation", help="the organisation that signs packets")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("import", parents=[common], help="import case files (case-file-v1)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--as-new",
        action="store_true",
        help="import a case that looks like one already here as another witness's case",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", parents=[common], help="list cases (pseudonyms only)")
    p.add_argument("--json", action="store_true")
    _add_filters(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=[common], help="show one case (with identity)")
    p.add_argument("case", metavar="CASE", help="case number or pseudonym")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", parents=[common], help="full-text search, English and Korean")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=100)
    _add_filters(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser(
        "export-cases", parents=[common], help="write a case file WITH IDENTITIES IN CLEAR"
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--case", action="append", metavar="CASE", help="only these (repeatable)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_export_cases)

    p = sub.add_parser("passphrase", help="manage passphrases")
    psub = p.add_subparsers(dest="passphrase_cmd", required=True, metavar="ACTION")
    q = psub.add_parser("change", parents=[common], help="change the passphrase (rewraps the key)")
    q.add_argument("--new-passphrase-file", type=Path, metavar="F")
    q.set_defaults(func=cmd_passphrase_change)

    p = sub.add_parser("check", parents=[common], help="verify page integrity and the audit chain")
    p.add_argument(
        "--accept-rollback",
        action="store_true",
        help="accept a database older than the key file recorded (audited), then check it",
    )
    p.set_defaults(func=cmd_check)
