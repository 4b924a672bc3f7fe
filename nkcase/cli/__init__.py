"""The `nkcase` command. Bare `nkcase` opens the desktop app; subcommands are scriptable.

Feature modules in this package expose ``register(subparsers, common)``; ``_MODULES`` lists
them by static import, so that a frozen build (PyInstaller) holds every one and a module missing
from a build is an ImportError at start, never a command that silently is not there. They
import only argparse-level things at the top: what a command needs (SQLAlchemy, the vault, the
redaction engine) is imported when that command runs, so `nkcase --help` starts quickly
(bench/startup.py, tests/cli/test_startup.py).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from nkcase import __version__, config
from nkcase.cli import (
    app_cmds,
    field_cmds,
    keep_cmds,
    packet_cmds,
    redaction_cmds,
    vault_cmds,
)
from nkcase.cli.common import common_parser
from nkcase.errors import DiskFull, NkcaseError, describe_exception, disk_full, is_disk_full
from nkcase.process_hardening import harden_process
from nkcase.textsafe import SafeStream

_MODULES = (vault_cmds, redaction_cmds, keep_cmds, packet_cmds, field_cmds, app_cmds)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nkcase",
        description="Encrypted case management and signed testimony packets. "
        "Run without a command to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"nkcase {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = common_parser()
    for module in _MODULES:
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()  # before any vault is open: no core dump ever holds the data key
    config.restrict_umask()
    # Everything printed passes through textsafe.printable: no path that echoes input (a
    # packet's manifest, a case file's key, a file name) can write a terminal escape.
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        parser = build_parser()  # Ctrl-C can land here too
    except KeyboardInterrupt:
        print("interrupted; nothing was changed", file=sys.stderr)
        return 130
    argv = list(sys.argv[1:] if argv is None else argv)
    # Bare `nkcase` (or `nkcase --vault DIR`) opens the desktop app.
    starts_with_option = not argv or (argv[0].startswith("-") and argv[0] not in _TOP_LEVEL)
    if starts_with_option and _has("app", parser):
        argv = ["app", *argv]
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except NkcaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        if is_disk_full(exc):
            return _disk_full(disk_full(exc.filename))
        # A read-only folder, a vanished USB stick: say which, no traceback.
        reason = exc.strerror or exc.__class__.__name__
        print(f"error: {reason}; nothing was changed.", file=sys.stderr)
        return 1
    except Exception as exc:
        if is_disk_full(exc):  # SQLite's "database or disk is full" from a driver error
            return _disk_full(disk_full(None))
        # A bug. Its message and a traceback can quote case text (SQL parameters, say), so
        # only the type and the places in the code are shown.
        if os.environ.get("NKCASE_DEBUG") == "1":
            raise
        print(f"error: internal error ({describe_exception(exc)}); the transaction was rolled "
              "back. Please report it (set NKCASE_DEBUG=1 for a full traceback, which may "
              "show case content).", file=sys.stderr)  # fmt: skip
        return 70


def _disk_full(exc: DiskFull) -> int:
    print(f"error: {exc}", file=sys.stderr)
    return exc.exit_code


_TOP_LEVEL = ("-h", "--help", "--version")


def _has(command: str, parser: argparse.ArgumentParser) -> bool:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return command in action.choices
    return False


if __name__ == "__main__":
    sys.exit(main())
