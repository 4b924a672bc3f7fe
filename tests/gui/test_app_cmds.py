"""`nkcase app` and `nkcase demo` as a user runs them (real subprocess, offscreen)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nkcase import config
from nkcase.cli.app_cmds import build_demo_vault, demo_passphrase
from nkcase.services import cases
from nkcase.vault.keyslots import TEST_KDF, check_passphrase_strength
from tests.conftest import cli_env, run_cli, seed_files


def test_demo_passphrase_is_accepted_by_the_strength_check() -> None:
    for _ in range(5):
        check_passphrase_strength(demo_passphrase())


def test_demo_vault_holds_the_seed_cases(tmp_path: Path) -> None:
    assert config.seed_files() == seed_files()
    vault = build_demo_vault(tmp_path / "demo", "lantern-quartz-meadow-orbit-57", kdf=TEST_KDF)
    try:
        with vault.session() as session:
            assert cases.count_cases(session) == sum(
                len(__import__("json").loads(p.read_text())["cases"]) for p in seed_files()
            )
    finally:
        vault.close()


def _env(tmp_path: Path) -> dict[str, str]:
    env = cli_env(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_demo_command_deletes_its_folder_on_exit(tmp_path: Path) -> None:
    proc = run_cli("demo", "--quit-after", "4000", env=_env(tmp_path))
    assert proc.returncode == 0, proc.stderr
    match = re.search(r"demo vault removed \((.+)\)", proc.stdout)
    assert match
    folder = Path(match.group(1))
    assert folder.parent == tmp_path / "tmp"
    assert not folder.exists()
    assert list((tmp_path / "tmp").iterdir()) == []
    settings = "".join(p.read_text() for p in (tmp_path / "config").rglob("*") if p.is_file())
    assert "demo" not in settings.lower() and "Documentation" not in settings


def test_app_opens_and_creates_nothing_before_the_wizard(tmp_path: Path, cli: Any) -> None:
    folder = tmp_path / "no-vault-yet"
    proc = cli("app", "--vault", folder, "--quit-after", "300", env=_env(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert not folder.exists()


def test_bare_nkcase_routes_to_the_app() -> None:
    from nkcase.cli import _has, build_parser
    from nkcase.cli.app_cmds import cmd_app

    parser = build_parser()
    assert _has("app", parser)
    assert parser.parse_args(["app"]).func is cmd_app
