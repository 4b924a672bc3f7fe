"""A command's own peak memory, measured from a small middle process.

``ru_maxrss`` keeps the high-water mark across fork and exec, so a child forked straight from
a large pytest process (which may hold the Korean analyser's model) reports the parent's size.
The middle process is small; the command it starts reports only its own peak.
"""

from __future__ import annotations

import sys
from pathlib import Path

MIDDLE = """
import os, resource, signal, subprocess, sys
out, limit_s = sys.argv[1], int(sys.argv[2])
child = subprocess.Popen(
    sys.argv[3:],
    preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30)),
)
signal.signal(signal.SIGALRM, lambda *_: child.kill())
signal.alarm(limit_s)
_pid, status, usage = os.wait4(child.pid, 0)
with open(out, "w") as fh:
    fh.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def measured(command: list[str], peak_file: Path, timeout_s: int) -> list[str]:
    """``command`` wrapped so that its peak RSS (KiB, Linux) lands in ``peak_file``."""
    return [sys.executable, "-c", MIDDLE, str(peak_file), str(timeout_s), *command]


def peak_kib(peak_file: Path) -> int:
    return int(peak_file.read_text())
