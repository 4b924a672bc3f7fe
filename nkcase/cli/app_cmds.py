"""`nkcase app` (also bare `nkcase`) opens the desktop app; `nkcase demo` a throw-away demo."""

from __future__ import annotations

import argparse
import logging
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from nkcase import config
from nkcase.cli.common import vault_dir
from nkcase.errors import NkcaseError
from nkcase.vault.keyslots import KdfParams

if TYPE_CHECKING:
    from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

# The floor of the real parameters (64 MiB, 3 passes): the demo holds fictional cases only,
# and it should open in a moment, but it never uses the insecure test parameters.
DEMO_KDF = KdfParams(memory_kib=64 * 1024, iterations=3)
DEMO_ORGANISATION = "Demo Documentation Centre"
_WORDS = (
    "amber", "anchor", "apple", "birch", "cobalt", "comet", "copper", "delta", "ember",
    "falcon", "fern", "glacier", "harbor", "hazel", "indigo", "island", "jasmine", "juniper",
    "kettle", "lantern", "lemon", "maple", "meadow", "nectar", "nimbus", "orbit", "orchid",
    "pebble", "pepper", "plum", "quartz", "quiet", "raven", "river", "saffron", "signal",
    "spruce", "summit", "tangerine", "thistle", "timber", "tulip", "velvet", "violet", "walnut",
    "willow", "zephyr", "zinnia",
)  # fmt: skip


def _seed_files() -> list[Path]:
    files = config.seed_files()
    if not files:
        raise NkcaseError("The demo's fictional cases are missing from this installation.")
    return files


def demo_passphrase() -> str:
    """Four random words and a number: strong enough for the strength check, easy to type."""
    words = [secrets.choice(_WORDS) for _ in range(4)]
    return "-".join([*words, str(secrets.randbelow(90) + 10)])


def build_demo_vault(folder: Path, passphrase: str, kdf: KdfParams = DEMO_KDF) -> Vault:
    """Create the demo vault in ``folder`` and import every seed case file; returns it open."""
    from nkcase.services.cases import import_case_file
    from nkcase.services.vaults import create_vault

    files = _seed_files()
    vault, _recovery = create_vault(folder, DEMO_ORGANISATION, passphrase, kdf=kdf)
    try:
        for path in files:
            # The finder is not run here (it would load the Korean analyser at start-up): the
            # review finds names when a case is opened.
            import_case_file(vault, path, actor="demo", propose=False)
    except BaseException:
        vault.close()
        raise
    return vault


def cmd_app(args: argparse.Namespace) -> int:
    from nkcase.gui.app import run_app

    return run_app(vault_dir(args), quit_after_ms=args.quit_after)


def cmd_demo(args: argparse.Namespace) -> int:
    from nkcase.gui.app import run_app

    _seed_files()  # fail before opening a window if the seeds are missing
    scratch = Path(tempfile.mkdtemp(prefix="nkcase-demo-"))
    folder = scratch / "vault"
    passphrase = demo_passphrase()
    try:
        return run_app(
            folder,
            demo_passphrase=passphrase,
            opener=lambda: build_demo_vault(folder, passphrase),
            quit_after_ms=args.quit_after,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        print(f"demo vault removed ({scratch})")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    app = sub.add_parser(
        "app",
        parents=[common],
        help="open the desktop app (what bare `nkcase` does)",
        description="Open the desktop app on the vault (created by a wizard on first run).",
    )
    app.add_argument("--quit-after", type=int, default=None, help=argparse.SUPPRESS)
    app.set_defaults(func=cmd_app)
    demo = sub.add_parser(
        "demo",
        help="open a throw-away demo vault of fictional cases (deleted on exit)",
        description="Create a temporary vault from the fictional seed cases, show its "
        "passphrase on screen, and delete the whole folder when the app closes.",
    )
    demo.add_argument("--quit-after", type=int, default=None, help=argparse.SUPPRESS)
    demo.set_defaults(func=cmd_demo)
