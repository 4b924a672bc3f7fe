"""kill -9 trials: a worker process imports, edits, rekeys or changes passphrases in a loop and
reports each operation only after it returned (committed); the parent kills it at a random
moment, then checks that the vault opens with the old or the new passphrase, that every
reported write is there, and that ``check_vault`` passes.

Used by tests/reliability/test_kill.py (a few dozen trials) and bench/soak.py (hundreds).
Run as a script, this module is the worker: ``python killtrials.py MODE VAULT``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASE_FILE = ROOT / "tests" / "data" / "one_case.json"
PASSPHRASES = {"A": "plum-vortex-harbor-quietly-81", "B": "cobalt-meadow-sparrow-lantern-42"}
MODES = ("import", "edit", "rekey", "passphrase")
MAX_DELAY = {"import": 0.8, "edit": 0.5, "rekey": 1.0, "passphrase": 0.5}


# -- the worker -------------------------------------------------------------------------------
def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # unbuffered: a reported line is out before the next op


def worker(mode: str, folder: Path, current: str) -> None:
    from nkcase.services import cases, editing, keys, vaults
    from nkcase.vault.keyslots import TEST_KDF

    vault = vaults.open_vault(folder, PASSPHRASES[current])
    _say("READY")
    i = 0
    while True:
        i += 1
        if mode == "import":
            # The same file again and again: each time another case (duplicates refused otherwise).
            for case_id, _pseudonym in cases.import_case_file(vault, CASE_FILE, as_new=True):
                _say(f"CASE {case_id}")
        elif mode in ("edit", "rekey"):
            with vault.session() as s:
                case = cases.find_case(s, "1")
                key = f"interview/{case.interviews[0].id}/narrative"
                token = f"{os.getpid()}-{i}"
                editing.save_texts(s, case.id, {key: f"edit {token}"})
            _say(f"EDIT {token}")
            if mode == "rekey":
                nxt = "B" if current == "A" else "A"
                _say(f"TRY {nxt}")
                keys.rekey(vault, PASSPHRASES[nxt], kdf=TEST_KDF)
                current = nxt
                _say(f"PASS {current}")
        else:
            nxt = "B" if current == "A" else "A"
            _say(f"TRY {nxt}")
            vaults.change_passphrase(vault, PASSPHRASES[current], PASSPHRASES[nxt], kdf=TEST_KDF)
            current = nxt
            _say(f"PASS {current}")


# -- the parent -------------------------------------------------------------------------------
@dataclass
class Outcome:
    mode: str
    trials: int = 0
    failures: list[str] = field(default_factory=list)
    ops_reported: int = 0  # operations the workers reported as done before their kill
    killed_mid_switch: int = 0  # kills between "TRY" and "PASS" (inside a rekey/change)


def prepare(folder: Path) -> None:
    from nkcase.services import cases, vaults
    from nkcase.vault.keyslots import TEST_KDF

    vault, _ = vaults.create_vault(folder, "Kill Test", PASSPHRASES["A"], kdf=TEST_KDF)
    with vault:
        cases.import_case_file(vault, CASE_FILE)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def one_trial(
    mode: str, folder: Path, current: str, rng: random.Random, outcome: Outcome | None = None
) -> tuple[str, list[str]]:
    """Run, kill, check. Returns the passphrase name now valid and the problems found."""
    proc = subprocess.Popen(
        [sys.executable, __file__, mode, str(folder), current],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().decode().strip()
    if first != "READY":
        proc.kill()
        err = proc.communicate()[1].decode(errors="replace")
        return current, [f"worker did not start: {first!r} {err[-500:]}"]
    time.sleep(rng.uniform(0.0, MAX_DELAY[mode]))
    os.kill(proc.pid, signal.SIGKILL)
    # Read through the same buffered reader as READY (communicate() would bypass its buffer and
    # lose lines it already holds); the dead worker's pipes end at EOF.
    out = proc.stdout.read()
    assert proc.stderr is not None
    proc.stderr.read()
    proc.wait()
    lines = [line for line in out.decode().split("\n") if line]
    if outcome is not None:
        outcome.ops_reported += sum(
            1 for line in lines if line.split()[0] in ("CASE", "EDIT", "PASS")
        )
        outcome.killed_mid_switch += int(bool(lines) and lines[-1].startswith("TRY"))
    return verify(mode, folder, current, lines)


def verify(mode: str, folder: Path, current: str, lines: list[str]) -> tuple[str, list[str]]:
    from sqlalchemy import select

    from nkcase.errors import WrongPassphrase
    from nkcase.services import cases, vaults
    from nkcase.vault.models import Case, TextVersion

    problems: list[str] = []
    reported = [line.split()[1] for line in lines if line.startswith("PASS")]
    tried = [line.split()[1] for line in lines if line.startswith("TRY")]
    expected = reported[-1] if reported else current
    candidates = [expected] + [t for t in tried[-1:] if t != expected]
    vault = None
    for name in candidates:
        try:
            vault = vaults.open_vault(folder, PASSPHRASES[name])
            current = name
            break
        except WrongPassphrase:
            continue
    if vault is None:
        tail = " | ".join(lines[-4:])
        for name in PASSPHRASES:  # resynchronise, so one failure is counted once
            try:
                vaults.open_vault(folder, PASSPHRASES[name]).close()
                current = name
            except WrongPassphrase:
                continue
        return current, [f"{mode}: opens with neither passphrase {candidates}; last: {tail}"]
    with vault:
        report = vaults.check_vault(vault)
        problems += [f"{mode}: check: {p}" for p in report.problems]
        with vault.session() as s:
            case_ids = set(s.scalars(select(Case.id)))
            texts = set(s.scalars(select(TextVersion.text)))
            if mode == "import":
                for line in lines:
                    if line.startswith("CASE") and int(line.split()[1]) not in case_ids:
                        problems.append(f"import: reported case {line.split()[1]} is missing")
            for line in lines:
                if line.startswith("EDIT") and f"edit {line.split()[1]}" not in texts:
                    problems.append(f"{mode}: reported edit {line.split()[1]} is missing")
            cases.find_case(s, "1")
    return current, problems


def run(mode: str, trials: int, base: Path, seed: int = 6) -> Outcome:
    rng = random.Random(f"{seed}-{mode}")
    folder = base / f"kill-{mode}"
    prepare(folder)
    outcome = Outcome(mode)
    current = "A"
    for _ in range(trials):
        current, problems = one_trial(mode, folder, current, rng, outcome)
        outcome.trials += 1
        outcome.failures += problems
    return outcome


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    worker(sys.argv[1], Path(sys.argv[2]), sys.argv[3])
