"""backup, restore, verify-backup, slots, recovery-key, rekey, duress, attach, attachments."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from nkcase.cli.common import (
    open_from_args,
    print_json,
    prompt_secret,
    read_passphrase,
    refuse_existing,
    vault_dir,
    warn,
)
from nkcase.errors import NkcaseError, UsageError
from nkcase.textsafe import write_control
from nkcase.vault.atomic import atomic_write_bytes


def _secret_from_file(path: Path | None, prompt: str) -> str:
    if path:
        from nkcase.domain.inputs import read_secret_file

        try:
            return read_secret_file(Path(path))
        except OSError:
            raise UsageError(f"Cannot read the passphrase file {path}.") from None
        except ValueError as exc:  # too large, not a regular file, not UTF-8
            raise UsageError(f"The passphrase file {path} {exc}; nothing was changed.") from None
    return prompt_secret(prompt, confirm=True)


def _progress(label: str) -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        write_control(sys.stderr, "\r")  # our own carriage return: the line is redrawn
        print(f"{label}: {pct:3d}%", end="" if pct < 100 else "\n", file=sys.stderr)

    return show


# -- backup and restore ----------------------------------------------------------------------
def cmd_backup(args: argparse.Namespace) -> int:
    from nkcase.services import backup

    out = Path(args.out)
    refuse_existing(out, args.force)
    with open_from_args(args) as vault:
        info = backup.write_backup(vault, out, progress=_progress("backup"))
    print(
        f"Backup written to {out} ({info.size / 2**20:.1f} MiB, {info.seconds:.1f} s). It opens "
        "with the passphrases and recovery key the vault has now."
    )
    return 0


def _backup_secret(args: argparse.Namespace) -> dict[str, str]:
    if args.use_recovery_key:
        return {
            "recovery_key": os.environ.get("NKCASE_RECOVERY_KEY") or prompt_secret("Recovery key: ")
        }
    return {"passphrase": read_passphrase(args, "Passphrase of the backup: ")}


def cmd_restore(args: argparse.Namespace) -> int:
    from nkcase.services import backup

    folder = vault_dir(args)
    info = backup.restore_backup(Path(args.file), folder, force=args.force, **_backup_secret(args))
    print(
        f"Restored the backup of {info.created or 'unknown date'} into {folder}: "
        f"{info.cases} cases ({info.seconds:.1f} s)."
    )
    return 0


def cmd_verify_backup(args: argparse.Namespace) -> int:
    from nkcase.services import backup

    summary = backup.verify_backup(Path(args.file), **_backup_secret(args))
    print(
        f"ok: backup of {summary.get('created', '?')}, {summary['snapshot_size'] / 2**20:.1f} MiB, "
        "every part passes its authentication check"
    )
    return 0


# -- key slots ---------------------------------------------------------------------------------
def cmd_slots_list(args: argparse.Namespace) -> int:
    from nkcase.services import keys

    with open_from_args(args) as vault:
        slots = keys.list_slots(vault)
    if args.json:
        print_json([s.__dict__ for s in slots])
        return 0
    for s in slots:
        print(
            f"{s.id}  {s.kind:<10} {s.created:<10} argon2id {s.memory_mib} MiB x{s.iterations}"
            f"{'  (opened this session)' if s.current else ''}{'  ' + s.label if s.label else ''}"
        )
    return 0


def cmd_slots_add(args: argparse.Namespace) -> int:
    from nkcase.services import keys

    with open_from_args(args) as vault:
        new = _secret_from_file(args.new_passphrase_file, "New passphrase: ")
        slot = keys.add_passphrase(vault, new, label=args.label or "")
    print(f"Added passphrase slot {slot.id}.")
    return 0


def cmd_slots_remove(args: argparse.Namespace) -> int:
    from nkcase.services import keys

    with open_from_args(args) as vault:
        keys.remove_slot(vault, args.slot)
    print(f"Removed key slot {args.slot}.")
    return 0


def cmd_recovery_regenerate(args: argparse.Namespace) -> int:
    from nkcase.services import keys

    with open_from_args(args) as vault:
        recovery = keys.regenerate_recovery_key(vault)
    print("NEW RECOVERY KEY (the old one no longer opens this vault; backups keep the old one):")
    print(f"    {recovery}")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    from nkcase.services import keys

    with open_from_args(args) as vault:
        if args.keep_passphrase:
            new = read_passphrase(args)
        else:
            new = _secret_from_file(args.new_passphrase_file, "New passphrase: ")
        result = keys.rekey(vault, new, progress=_progress("re-encrypting"))
    print(f"Vault re-encrypted under a new data key ({result.seconds:.1f} s).")
    if result.dropped_slots:
        print(f"{result.dropped_slots} other key slots were removed; add them again if needed.")
    print("NEW RECOVERY KEY (the old one no longer opens this vault):")
    print(f"    {result.recovery_key}")
    return 0


def cmd_duress_set(args: argparse.Namespace) -> int:
    from nkcase.services import keys

    with open_from_args(args) as vault:
        duress = _secret_from_file(args.duress_passphrase_file, "Duress passphrase: ")
        keys.set_duress(vault, duress)
    print(
        "Duress passphrase set. Entering it at unlock scrambles every other passphrase and "
        "shows an empty vault; afterwards only the recovery key opens this vault."
    )
    return 0


def cmd_duress_clear(args: argparse.Namespace) -> int:
    from nkcase.services import keys

    with open_from_args(args) as vault:
        cleared = keys.clear_duress(vault)
    print("Duress passphrase removed." if cleared else "No duress passphrase was set.")
    return 0


# -- attachments ---------------------------------------------------------------------------------
def cmd_attach(args: argparse.Namespace) -> int:
    from nkcase.services.cases import find_case
    from nkcase.vault import attachments

    path = Path(args.file)
    try:
        fh = path.open("rb")
    except OSError:
        raise NkcaseError(f"Cannot read {path}; nothing was attached.") from None
    with fh, open_from_args(args) as vault:
        with vault.session() as session:
            case_id = find_case(session, args.case).id
        info = attachments.add_attachment(
            vault,
            case_id,
            fh,
            path.name,
            media_type=args.type,
            interview_id=args.interview,
            total=path.stat().st_size,
            progress=_progress("encrypting"),
        )
    print(f"{info.id}\t{info.size}\t{info.sha256}")
    return 0


def cmd_attachments(args: argparse.Namespace) -> int:
    from nkcase.services.cases import find_case
    from nkcase.vault import attachments

    with open_from_args(args) as vault, vault.session() as session:
        case_id = find_case(session, args.case).id
        rows = attachments.list_attachments(session, case_id)
    if args.json:
        print_json([r.__dict__ for r in rows])
        return 0
    if not rows:
        print("(no attachments)")
    for r in rows:
        print(
            f"{r.id:>5}  {r.media_type:<24} {r.size:>12}  "
            f"{'export' if r.include_in_export else '-':<6}  {r.filename}"
        )
    return 0


def cmd_attachment_save(args: argparse.Namespace) -> int:
    from nkcase.vault import attachments

    out = Path(args.out)
    refuse_existing(out, args.force)
    with open_from_args(args) as vault, vault.session() as session:
        size = attachments.save_to(session, args.id, out)
    warn(f"{out} holds the original attachment ({size} bytes) IN CLEAR; delete it when done.")
    return 0


def _boxes(values: list[str] | None) -> list[list[int]]:
    """``--blackout X,Y,W,H`` values as boxes (checked by attachments.normalise_boxes)."""
    from nkcase.vault import attachments

    boxes: list[list[int]] = []
    for value in values or []:
        try:
            boxes.append([int(v) for v in value.split(",")])
        except ValueError:
            boxes.append([])  # refused below with the one message for a malformed box
    return attachments.normalise_boxes(boxes)


def cmd_attachment_include(args: argparse.Namespace) -> int:
    from nkcase.vault import attachments

    boxes = _boxes(args.blackout) if args.include and args.blackout else None
    with open_from_args(args) as vault, vault.session() as session:
        attachments.set_include_in_export(session, args.id, args.include, blackout=boxes)
    extra = f", {len(boxes)} blackout boxes" if boxes else ""
    print(
        f"Attachment {args.id}: {'included in' if args.include else 'excluded from'} exports"
        f"{extra}."
    )
    return 0


def cmd_attachment_derivative(args: argparse.Namespace) -> int:
    from nkcase.vault import attachment_images, attachments

    out = Path(args.out)
    refuse_existing(out, args.force)
    extra = _boxes(args.blackout)
    with open_from_args(args) as vault, vault.session() as session:
        info = attachments.get_attachment(session, args.id)
        boxes = attachment_images.stored_boxes(info) + [
            (x, y, x + w - 1, y + h - 1) for x, y, w, h in extra
        ]
        data = attachment_images.image_derivative(session, args.id, blackout=boxes)
    atomic_write_bytes(out, data)
    print(f"Wrote a redacted copy without metadata to {out}.")
    return 0


def cmd_attachment_remove(args: argparse.Namespace) -> int:
    from nkcase.vault import attachments

    with open_from_args(args) as vault, vault.session() as session:
        attachments.remove_attachment(session, args.id)
    print(f"Removed attachment {args.id}.")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="write one encrypted backup file")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="restore a backup into --vault DIR")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace an existing vault")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("verify-backup", parents=[common], help="check a backup without restoring")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_verify_backup)

    p = sub.add_parser("slots", help="key slots (passphrases, recovery, duress)")
    ss = p.add_subparsers(dest="slots_cmd", required=True, metavar="ACTION")
    q = ss.add_parser("list", parents=[common], help="show the key slots")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_slots_list)
    q = ss.add_parser("add", parents=[common], help="add a passphrase")
    q.add_argument("--label", help="a name for the slot (kept inside the encrypted vault)")
    q.add_argument("--new-passphrase-file", type=Path, metavar="F")
    q.set_defaults(func=cmd_slots_add)
    q = ss.add_parser("remove", parents=[common], help="remove a passphrase or duress slot")
    q.add_argument("slot", metavar="ID")
    q.set_defaults(func=cmd_slots_remove)

    p = sub.add_parser("recovery-key", help="the recovery key")
    rs = p.add_subparsers(dest="recovery_cmd", required=True, metavar="ACTION")
    q = rs.add_parser("regenerate", parents=[common], help="a new recovery key (old one stops)")
    q.set_defaults(func=cmd_recovery_regenerate)

    p = sub.add_parser("rekey", parents=[common], help="re-encrypt under a new data key")
    p.add_argument("--new-passphrase-file", type=Path, metavar="F")
    p.add_argument(
        "--keep-passphrase", action="store_true", help="keep the passphrase that opened it"
    )
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("duress", help="the opt-in duress passphrase")
    ds = p.add_subparsers(dest="duress_cmd", required=True, metavar="ACTION")
    q = ds.add_parser("set", parents=[common], help="set (or replace) the duress passphrase")
    q.add_argument("--duress-passphrase-file", type=Path, metavar="F")
    q.set_defaults(func=cmd_duress_set)
    q = ds.add_parser("clear", parents=[common], help="remove the duress passphrase")
    q.set_defaults(func=cmd_duress_clear)

    p = sub.add_parser("attach", parents=[common], help="attach a file to a case (encrypted)")
    p.add_argument("case", metavar="CASE")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--interview", type=int, metavar="ID")
    p.add_argument("--type", metavar="MEDIA/TYPE", help="e.g. audio/mp4 (default: guessed)")
    p.set_defaults(func=cmd_attach)

    p = sub.add_parser("attachments", parents=[common], help="list a case's attachments")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_attachments)

    p = sub.add_parser("attachment", help="one attachment: save, include, exclude, image, remove")
    a = p.add_subparsers(dest="attachment_cmd", required=True, metavar="ACTION")
    q = a.add_parser("save", parents=[common], help="write the original IN CLEAR")
    q.add_argument("id", type=int, metavar="ID")
    q.add_argument("--out", required=True, metavar="FILE")
    q.add_argument("--force", action="store_true")
    q.set_defaults(func=cmd_attachment_save)
    q = a.add_parser("include", parents=[common], help="include an image in exports (redacted)")
    q.add_argument("id", type=int, metavar="ID")
    q.add_argument(
        "--blackout",
        action="append",
        metavar="X,Y,W,H",
        help="a box (pixels) to paint black in exports; repeat for more; replaces stored boxes",
    )
    q.set_defaults(func=cmd_attachment_include, include=True)
    q = a.add_parser("exclude", parents=[common], help="exclude an image (clears its boxes)")
    q.add_argument("id", type=int, metavar="ID")
    q.set_defaults(func=cmd_attachment_include, include=False, blackout=None)
    q = a.add_parser("image", parents=[common], help="write a redacted, metadata-free copy")
    q.add_argument("id", type=int, metavar="ID")
    q.add_argument("--out", required=True, metavar="FILE")
    q.add_argument(
        "--blackout", action="append", metavar="X,Y,W,H", help="one more box besides the stored"
    )
    q.add_argument("--force", action="store_true")
    q.set_defaults(func=cmd_attachment_derivative)
    q = a.add_parser("remove", parents=[common], help="delete an attachment")
    q.add_argument("id", type=int, metavar="ID")
    q.set_defaults(func=cmd_attachment_remove)
