"""Kill a real editor process shortly after typing: the typed text must be in the vault."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from nkcase.gui.editor.autosave import AUTOSAVE_DELAY_MS
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
