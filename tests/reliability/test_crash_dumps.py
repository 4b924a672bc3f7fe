"""No core dump holds the data key (issue 9, item 3).

A real `nkcase` process opens a real vault and aborts (SIGABRT, through the test-only switch in
nkcase.config) with `ulimit -c unlimited` in a scratch folder: no core file may appear there.
Where the kernel pipes cores to a collector (systemd-coredump, apport), the file check says
nothing, so the process's own state is checked too: not dumpable, RLIMIT_CORE 0.
"""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from nkcase.config import TEST_ABORT_ENV, TEST_KDF_TOKEN
from nkcase.services import vaults
from nkcase.vault.keyslots import TEST_KDF
from tests.conftest import ORGANISATION, PASSPHRASE, cli_env

CORE_PATTERN = Path("/proc/sys/kernel/core_pattern")
LINUX = sys.platform.startswith("linux")


def _unlimited_cores() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def _pattern() -> str:
    return CORE_PATTERN.read_text().strip() if CORE_PATTERN.exists() else ""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX core dumps")
def test_an_aborted_command_leaves_no_core_file(tmp_path):
    folder = tmp_path / "vault"
    vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)[0].close()
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    env = cli_env(**{TEST_ABORT_ENV: f"{TEST_KDF_TOKEN}:unlocked"})
    proc = subprocess.run(
        [sys.executable, "-m", "nkcase", "list", "--vault", str(folder)],
        cwd=cwd,
        env=env,
        capture_output=True,
        preexec_fn=_unlimited_cores,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGABRT, proc.stderr  # it really crashed, key in memory
    pattern = _pattern()
    if pattern.startswith("|"):
        pytest.skip(f"cores go to a collector ({pattern.split()[0]}); see the state test below")
    leftovers = [p.name for p in (*cwd.iterdir(), *folder.iterdir()) if "core" in p.name]
    assert leftovers == []


def test_a_control_run_does_dump(tmp_path):
    """The same abort without nkcase's hardening leaves a core here: the test above can fail."""
    if sys.platform == "win32" or _pattern().startswith("|") or not _pattern():
        pytest.skip("core files are not written to the working folder on this machine")
    proc = subprocess.run(
        [sys.executable, "-c", "import os; os.abort()"],
        cwd=tmp_path,
        capture_output=True,
        preexec_fn=_unlimited_cores,
        timeout=60,
    )
    assert proc.returncode == -signal.SIGABRT
    cores = [p for p in tmp_path.iterdir() if "core" in p.name]
    if not cores:
        pytest.skip("this machine writes no core files even when allowed (container policy)")
    for core in cores:
        core.unlink()


STATE = """
import resource, sys
from nkcase.cli import main
from nkcase.process_hardening import is_dumpable
main(["list", "--vault", sys.argv[1]])
print(is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX limits")
def test_the_cli_process_is_not_dumpable_and_allows_no_core(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", STATE, str(tmp_path / "none")],
        env=cli_env(),
        capture_output=True,
        text=True,
        preexec_fn=_unlimited_cores,
        timeout=120,
    )
    dumpable, limit = proc.stdout.strip().splitlines()[-1].split(" ", 1)
    assert limit == "(0, 0)"
    assert dumpable == ("False" if LINUX else "None")
