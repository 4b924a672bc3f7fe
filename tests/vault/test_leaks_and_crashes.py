"""Nothing leaks to the machine; a killed import loses nothing it reported."""

import copy
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from nkcase.services import cases, vaults
from tests.conftest import PASSPHRASE, cli_env, run_cli

CASE = json.loads((Path(__file__).resolve().parent.parent / "data" / "one_case.json").read_text())


def canary_case(tag: str) -> dict:
    """A case whose every free-text field holds a distinct canary string."""
    c = copy.deepcopy(CASE["cases"][0])
    n = iter(range(1000))

    def canary(korean: bool = False) -> str:
        return f"{'카나리아' if korean else 'CANARY'}{tag}{next(n):03d}"

    c["ref"] = canary()
    who = c["interviewee"]
    for key in ("name", "hometown", "phone", "occupation"):
        who[key] = canary()
    for key in ("name_ko", "hometown_ko"):
        who[key] = canary(True)
    who["aliases"] = [canary()]
    c["relatives"][0].update(
        name=canary(), name_ko=canary(True), location=canary(), details=canary()
    )
    c["sensitive_terms"][0].update(text=canary(), text_ko=canary(True))
    c["deployments"][0].update(
        site=canary(), employer=canary(), dispatching_entity=canary(), region=canary()
    )
    c["indicators"][0]["evidence"] = canary()
    iv = c["interviews"][0]
    iv.update(
        place=canary(),
        interviewer=canary(),
        narrative=f"{canary(True)} 러시아에서 {canary()} " * 50,
    )
    iv["translation"]["text"] = canary() + " translated"
    return c


def scan(folders: list[Path], needles: list[bytes]) -> list[str]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                raw = path.read_bytes()
                found += [f"{path}: {n!r}" for n in needles if n in raw]
    return found


def test_no_canary_in_the_vault_folder_or_temp(tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    vdir = tmp_path / "vault"
    env = cli_env(TMPDIR=str(tmp), HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "xdg"))
    run_cli("init", "--vault", vdir, "--organisation", "Canary Org", env=env, check=True)
    f = tmp_path / "canary.json"
    f.write_text(
        json.dumps(
            {"format": "nkcase/case-file-v1", "cases": [canary_case("Q")]}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    run_cli("import", f, "--vault", vdir, env=env, check=True)
    f.unlink()  # the case file itself holds the canaries in clear, by design
    assert run_cli("search", "CANARYQ010", "--json", "--vault", vdir, env=env, check=True).stdout
    run_cli("search", "카나리아Q", "--vault", vdir, env=env, check=True)
    run_cli("list", "--vault", vdir, env=env, check=True)
    shown = run_cli("show", "1", "--vault", vdir, env=env, check=True)
    assert "CANARYQ" in shown.stdout  # show is meant to reveal it on the terminal
    run_cli("check", "--vault", vdir, env=env, check=True)
    needles = []
    for word in ("CANARYQ", "카나리아Q"):
        for enc in ("utf-8", "utf-16-le", "utf-16-be"):
            needles.append(word.encode(enc))
    leaks = scan([vdir, tmp, tmp_path / "home", tmp_path / "xdg"], needles)
    assert leaks == []
    assert list(vdir.iterdir())  # the scan did look at real files


def test_killed_import_keeps_every_reported_case(tmp_path):
    rng = random.Random(7)
    vdir = tmp_path / "vault"
    run_cli("init", "--vault", vdir, "--organisation", "Crash Org", check=True)
    files = []
    for i in range(30):
        f = tmp_path / f"case{i}.json"
        f.write_text(
            json.dumps(
                {"format": "nkcase/case-file-v1", "cases": [canary_case(str(i))]},
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        files.append(f)
    reported: list[str] = []
    trials = 6
    # The timed kills land anywhere from start-up to after the end; one more kill, anchored on
    # progress (right after the first reported case), always lands mid-import, however slow a
    # loaded machine is to start Python (otherwise every timed kill can come too early).
    for trial in range(trials + 1):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-u",
                "-m",
                "nkcase",
                "import",
                *map(str, files),
                "--vault",
                str(vdir),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=cli_env(),
            text=True,
        )
        assert proc.stdout is not None and proc.stderr is not None
        if trial < trials:
            time.sleep(rng.uniform(0.8, 3.0))
            os.kill(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
        else:
            out = ""
            while "\t" not in out and (line := proc.stdout.readline()):
                out += line
            os.kill(proc.pid, signal.SIGKILL)
            # Through the same buffered reader (communicate() would skip what it holds).
            out += proc.stdout.read()
            proc.stderr.read()
            proc.wait()
        reported += [line.split("\t")[1] for line in out.splitlines() if "\t" in line]
    v = vaults.open_vault(vdir, passphrase=PASSPHRASE)
    try:
        report = vaults.check_vault(v)
        assert report.ok, report.problems
        with v.session() as s:
            present = {row.pseudonym for row in cases.list_cases(s)}
    finally:
        v.close()
    assert set(reported) <= present
    assert len(reported) > 0, "the kills came too early to test anything"
