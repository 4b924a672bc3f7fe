"""`nkcase init` shows the key-derivation parameters it calibrated (never below the floor)."""

from __future__ import annotations

import re
from pathlib import Path

from nkcase.config import TEST_KDF_ENV
from tests.conftest import cli_env, run_cli


def test_init_shows_the_calibrated_parameters(tmp_path: Path) -> None:
    env = cli_env()
    env.pop(TEST_KDF_ENV)  # the real calibration, as a user's machine runs it
    proc = run_cli("init", "--vault", tmp_path / "v", "--organisation", "Test NGO", env=env)
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"Key derivation: Argon2id, (\d+) MiB, (\d+) passes \(calibrated", proc.stdout)
    assert m, proc.stdout
    assert 64 <= int(m[1]) <= 1024 and int(m[2]) >= 3
