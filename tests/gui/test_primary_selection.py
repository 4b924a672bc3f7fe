"""The X11 PRIMARY selection: selected text (no copy) is published to other programs; we clear it.

Qt's offscreen platform has no selection, so this runs a small program on a real X server
(Xvfb, installed by .ci/run) with the xcb platform, and reads the results it prints.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import cli_env

PROGRAM = r"""
import json, os, time
os.environ["QT_QPA_PLATFORM"] = "xcb"
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from nkcase.gui.protection import ClipboardGuard

app = QApplication([])
clipboard = app.clipboard()
SEL = QClipboard.Mode.Selection
guard = ClipboardGuard(300)
guard.set_enabled(True)
field = QLineEdit("Relative A is Ri Sun Hui of Hoeryong")
field.show()
QTest.qWaitForWindowExposed(field)
field.setFocus()

def select_all_by_keyboard():
    field.home(False)
    QTest.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    app.processEvents()

out = {"supported": clipboard.supportsSelection()}
select_all_by_keyboard()
out["published"] = clipboard.text(SEL)
out["holding"] = guard.holding_selection
deadline = time.monotonic() + 10
while clipboard.text(SEL) and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.02)
out["after_timeout"] = clipboard.text(SEL)
out["waited_s"] = round(10 - (deadline - time.monotonic()), 2)
select_all_by_keyboard()
out["published_again"] = clipboard.text(SEL)
guard.clear_now()  # what locking and quitting call
app.processEvents()
out["after_clear_now"] = clipboard.text(SEL)
print(json.dumps(out))
"""


def test_selected_text_is_withdrawn_from_the_primary_selection() -> None:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.skip("xvfb-run is not installed (.ci/run installs it)")
    env = cli_env()
    env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.run(
        [xvfb_run, "-a", sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["supported"] is True
    # Selecting alone published the name to every program on the display...
    assert result["published"] == "Relative A is Ri Sun Hui of Hoeryong"
    assert result["holding"] is True
    # ...until the guard withdrew it (300 ms here; 30 s by default).
    assert result["after_timeout"] == "" and result["waited_s"] < 5
    assert result["published_again"] == "Relative A is Ri Sun Hui of Hoeryong"
    assert result["after_clear_now"] == ""
