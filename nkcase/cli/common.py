"""What every subcommand shares: --vault, --passphrase-file, passphrase sources, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkcase import config
from nkcase.errors import UsageError

if TYPE_CHECKING:
    from nkcase.vault.vault import Vault


def common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--vault",
        type=Path,
        default=None,
        metavar="DIR",
        help="vault folder (default: the vault in your user data folder)",
    )
    common.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        metavar="F",
        help="read the passphrase from the first line of F "
        "(else $NKCASE_PASSPHRASE, else a prompt)",
    )
    common.add_argument(
        "--use-recovery-key",
        action="store_true",
        help="open with the recovery key instead of a passphrase "
        "($NKCASE_RECOVERY_KEY or a prompt)",
    )
    return common


def vault_dir(args: argparse.Namespace) -> Path:
    return Path(args.vault) if getattr(args, "vault", None) else config.default_vault_dir()


def _read_secret_file(path: Path) -> str:
    from nkcase.domain.inputs import read_secret_file

    try:
        return read_secret_file(path)
    except OSError:
        raise UsageError(f"Cannot read the passphrase file {path}.") from None
    except ValueError as exc:  # too large, not a regular file, not UTF-8 (never the content)
        raise UsageError(f"The passphrase file {path} {exc}.") from None


def read_passphrase(
    args: argparse.Namespace, prompt: str = "Passphrase: ", confirm: bool = False
) -> str:
    """--passphrase-file, then $NKCASE_PASSPHRASE, then a prompt on the terminal."""
    path = getattr(args, "passphrase_file", None)
    if path:
        return _read_secret_file(Path(path))
    env = os.environ.get(config.PASSPHRASE_ENV)
    if env is not None:
        return env
    return prompt_secret(prompt, confirm)


def prompt_secret(prompt: str, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        raise UsageError(
            "No passphrase given: use --passphrase-file F or set NKCASE_PASSPHRASE "
            "(there is no terminal to ask on)."
        )
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != value:
        raise UsageError("The two entries differ; nothing was changed.")
    return value


def open_from_args(args: argparse.Namespace) -> Vault:
    """Open the vault named by --vault with the passphrase from the usual sources."""
    from nkcase.services.vaults import open_vault
    from nkcase.vault.vault import Vault

    folder = vault_dir(args)
    Vault.require_exists(folder)  # say so before asking for a passphrase nobody has yet
    if getattr(args, "use_recovery_key", False):
        recovery = os.environ.get("NKCASE_RECOVERY_KEY") or prompt_secret("Recovery key: ")
        return open_vault(
            folder,
            recovery_key=recovery,
            accept_rollback=getattr(args, "accept_rollback", False),
        )
    return open_vault(
        folder,
        passphrase=read_passphrase(args),
        accept_rollback=getattr(args, "accept_rollback", False),
    )


def refuse_existing(out: Path, force: bool) -> None:
    """An output file is replaced only when asked (--force)."""
    if out.exists() and not force:
        raise UsageError(f"{out} exists; pass --force to replace it.")


def print_json(value: Any) -> None:
    from nkcase.textsafe import json_safe

    # Control and bidi characters as \uXXXX escapes: still the same JSON, safe on a terminal.
    sys.stdout.write(json_safe(json.dumps(value, ensure_ascii=False, indent=2, default=str)))
    sys.stdout.write("\n")


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)
