"""Paths and defaults. Nothing sensitive is ever stored by this module."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "nkcase"

# Set NKCASE_INSECURE_TEST_KDF to exactly this value to let tests and benchmarks create vaults
# with cheap key-derivation parameters. Anything else (or unset) means real parameters.
TEST_KDF_ENV = "NKCASE_INSECURE_TEST_KDF"
TEST_KDF_TOKEN = "yes-this-is-a-test"

PASSPHRASE_ENV = "NKCASE_PASSPHRASE"

# Test-only: set NKCASE_INSECURE_TEST_ABORT to "<TEST_KDF_TOKEN>:<point>" to make the process
# abort (SIGABRT) at that point, with the vault open, so a test can check that no core dump is
# left (nkcase/process_hardening.py). Anything else (or unset) does nothing.
TEST_ABORT_ENV = "NKCASE_INSECURE_TEST_ABORT"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_vault_dir() -> Path:
    override = os.environ.get("NKCASE_VAULT")
    return Path(override) if override else data_dir() / "vault"


def resource_path(*parts: str) -> Path:
    """A file shipped under resources/ (works from a checkout and from an installed wheel)."""
    base = Path(str(resources.files("nkcase.resources")))
    return base.joinpath(*parts)


def seed_files() -> list[Path]:
    """The fictional demo cases shipped with nkcase (seeds/ in a checkout)."""
    return sorted(Path(str(resources.files("nkcase.seeds"))).glob("*.json"))


def test_kdf_enabled() -> bool:
    return os.environ.get(TEST_KDF_ENV) == TEST_KDF_TOKEN


def test_abort_requested(point: str) -> bool:
    return os.environ.get(TEST_ABORT_ENV) == f"{TEST_KDF_TOKEN}:{point}"


def restrict_umask() -> None:
    """Everything nkcase writes is readable by its user only."""
    os.umask(0o077)
