"""CLI start-up: python bench/startup.py [--runs N] [--compare SRC] prints one JSON object.

python_pass   a bare `python -c pass` (the floor: the interpreter's own start)
help          `nkcase --help`
list          `nkcase list` on a small vault (the 14 seed cases), test KDF parameters: the key
              derivation, about a second by design, is not what is measured here
Each command is run N times (default 10) in a fresh process, the commands in a rotating order;
figures are [min, median] seconds of wall time. ``imports`` says which heavy packages each
command loaded (python -X importtime). --compare SRC runs the same commands, in the same run
and the same rotation, against another source tree (a `git archive` of an older commit, say):
its figures appear under "compare".
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "bench-lantern-orchid-quarry-52"
HEAVY = ("sqlalchemy", "alembic", "nkcase.redaction.engine", "kiwipiepy", "PySide6", "fpdf")


def make_vault(folder: Path) -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from nkcase import config\n"
        "from nkcase.services import cases, vaults\n"
        "from nkcase.vault.keyslots import TEST_KDF\n"
        "v, _ = vaults.create_vault(Path(sys.argv[1]), 'Bench Org', sys.argv[2], kdf=TEST_KDF)\n"
        "for f in config.seed_files():\n"
        "    cases.import_case_file(v, f)\n"
        "v.close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(folder), PASSPHRASE], check=True)


def command(src: Path | None, args: list[str]) -> list[str]:
    """`nkcase ARGS` from this checkout or from the source tree ``src``."""
    path = f"sys.path.insert(0, {str(src)!r}); " if src else ""
    return [sys.executable, "-c", f"import sys; {path}from nkcase.cli import main; "
            "sys.exit(main(sys.argv[1:]))", *args]  # fmt: skip


def run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def imports(cmd: list[str], env: dict[str, str]) -> dict[str, bool]:
    out = subprocess.run(
        [cmd[0], "-X", "importtime", *cmd[1:]],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    ).stderr
    loaded = {line.rsplit("|", 1)[-1].strip() for line in out.splitlines() if "|" in line}
    return {name: name in loaded for name in HEAVY}


def figures(times: list[float]) -> list[float]:
    return [round(min(times), 3), round(statistics.median(times), 3)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--compare", type=Path, help="another source tree to time alongside")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nkcase-startup-"))
    vault = tmp / "vault"
    make_vault(vault)
    env = {**os.environ, "NKCASE_PASSPHRASE": PASSPHRASE}
    trees: dict[str, Path | None] = {"this": None}
    if args.compare:
        trees["compare"] = args.compare.resolve()
    cmds: dict[str, list[str]] = {"python_pass": [sys.executable, "-c", "pass"]}
    for tree, src in trees.items():
        cmds[f"{tree}/help"] = command(src, ["--help"])
        cmds[f"{tree}/list"] = command(src, ["list", "--vault", str(vault)])
    names = list(cmds)
    times: dict[str, list[float]] = {name: [] for name in names}
    for n in range(args.runs):
        for name in names[n % len(names) :] + names[: n % len(names)]:
            times[name].append(run(cmds[name], env))
    result: dict[str, object] = {"runs": args.runs, "python_pass_s": figures(times["python_pass"])}
    floor = statistics.median(times["python_pass"])
    for tree in trees:
        block = {
            "help_s": figures(times[f"{tree}/help"]),
            "list_s": figures(times[f"{tree}/list"]),
            "help_over_python": round(statistics.median(times[f"{tree}/help"]) / floor, 1),
            "imports": {
                "help": imports(cmds[f"{tree}/help"], env),
                "list": imports(cmds[f"{tree}/list"], env),
            },
        }
        if tree == "this":
            result.update(block)
        else:
            result[tree] = {"src": str(trees[tree]), **block}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
