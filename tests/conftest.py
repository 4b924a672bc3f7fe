"""Shared fixtures: real SQLCipher vaults with cheap (test-only) Argon2id parameters."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.umask(0o077)

from nkcase.config import PASSPHRASE_ENV, TEST_KDF_ENV, TEST_KDF_TOKEN  # noqa: E402
from nkcase.process_hardening import leave_this_process_alone  # noqa: E402
from nkcase.services import cases, vaults  # noqa: E402
from nkcase.vault.keyslots import TEST_KDF  # noqa: E402
from nkcase.vault.vault import Vault  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# Tests call the CLI and the app in this process: they must not turn core dumps off for pytest
# itself (tests/reliability/test_crash_dumps.py starts children that must be able to dump).
leave_this_process_alone()
SEEDS = ROOT / "seeds"
PASSPHRASE = "plum-vortex-harbor-quietly-81"
ORGANISATION = "Test Documentation Centre"


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.json"))


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    v, _recovery = vaults.create_vault(vault_dir, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    try:
        yield v
    finally:
        v.close()


@pytest.fixture
def seeded_vault(vault: Vault) -> Vault:
    files = seed_files()
    assert files, "seeds/ holds no case files"
    for path in files:
        cases.import_case_file(vault, path)
    return vault


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env[TEST_KDF_ENV] = TEST_KDF_TOKEN
    env[PASSPHRASE_ENV] = PASSPHRASE
    env.update(extra)
    return env


def run_cli(
    *args: str | Path,
    env: dict[str, str] | None = None,
    input: str | None = None,
    check: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run the real `nkcase` command in a subprocess (as a user or another tool would)."""
    proc = subprocess.run(
        [sys.executable, "-m", "nkcase", *map(str, args)],
        capture_output=True,
        text=True,
        env=env or cli_env(),
        input=input,
        timeout=300,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"nkcase {args} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


@pytest.fixture
def cli():
    return run_cli
