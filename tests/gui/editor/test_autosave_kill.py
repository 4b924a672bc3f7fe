"""Kill a real editor process shortly after typing: the typed text must be in the vault."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from nkcase.gui.editor.autosave import AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS
from nkcase.services import cases, editing
from nkcase.vault.vault import Vault
from tests.conftest import ROOT, cli_env

# "Nothing typed is lost beyond the last couple of seconds": kill this long after the last key.
KILL_AFTER_S = AUTOSAVE_DELAY_MS / 1000 + 1.0


def test_typed_text_survives_sigkill(vault: Vault) -> None:
    with vault.session() as s:
        case_id = editing.create_case(s, name="Test Witness", language="en").id
    text = "We worked from five in the morning until ten at night, every day."
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.editor.autosave_child", str(vault.folder),
         str(case_id), text],
        cwd=ROOT,
        env=cli_env(QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "TYPED", "the editor process did not start"
        time.sleep(KILL_AFTER_S)  # the point of the test: a kill at a fixed moment after typing
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    with vault.session() as s:
        narrative = cases.case_to_dict(cases.find_case(s, str(case_id)))["interviews"][0]
        assert narrative["narrative"] == text
        key = f"interview/{narrative['id']}/narrative"
        assert editing.text_versions(s, case_id, key)[-1]["text"] == text


def test_steady_typing_without_a_pause_is_saved_too(vault: Vault) -> None:
    """A transcriber who never pauses for 1.5 s: a kill still loses only the last seconds."""
    with vault.session() as s:
        case_id = editing.create_case(s, name="Test Witness", language="en").id
    words = [f"word{n}" for n in range(1, 200)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.editor.autosave_child", str(vault.folder),
         str(case_id), " ".join(words), "--steady"],
        cwd=ROOT,
        env=cli_env(QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    typed_at: dict[int, float] = {}
    try:
        assert proc.stdout is not None
        while True:
            line = proc.stdout.readline().split()
            assert line and line[0] == "WORD", "the editor process stopped typing"
            typed_at[int(line[1])] = time.monotonic()
            if typed_at[int(line[1])] - typed_at[1] >= 8.0:  # 8 s of typing, never a pause
                break
        killed_at = time.monotonic()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    # Everything typed this long before the kill must be in the vault: the longest wait for a
    # save, plus a generous allowance for an encrypted commit on a loaded machine.
    allowance = AUTOSAVE_MAX_WAIT_MS / 1000 + 2.0
    must_have = max(n for n, at in typed_at.items() if at <= killed_at - allowance)
    with vault.session() as s:
        saved = cases.case_to_dict(cases.find_case(s, str(case_id)))["interviews"][0]["narrative"]
    assert saved.startswith(" ".join(words[:must_have])), (must_have, saved[-40:])
