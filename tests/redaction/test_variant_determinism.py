"""Spelling variants do not depend on the process's hash seed: two interpreters with different
PYTHONHASHSEED values build the same registry (every variant, its term and its spec) for every
seed case. A set iterated into a truncated product once made ~3,000 of ~48,000 differ (rare
spellings of Sinuiju among them), so which spellings were redacted changed between runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DUMP = r"""
import dataclasses, json, sys
from pathlib import Path
from nkcase.redaction.api import build_registry

def canon(value):
    if isinstance(value, (set, frozenset)):
        return sorted(canon(v) for v in value)
    if dataclasses.is_dataclass(value):
        return {f.name: canon(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [canon(v) for v in value]
    return value

out = {}
for path in sorted(Path(sys.argv[1]).glob("*.json")):
    doc = json.loads(path.read_text(encoding="utf-8"))
    for n, case in enumerate(doc["cases"]):
        reg = build_registry(case)
        out[f"{path.name}#{n}"] = {
            "terms": [[t.text, t.category, t.token, t.owner] for t in reg.terms],
            "variants": sorted(
                [form, entry.term, json.dumps(canon(entry.spec), sort_keys=True)]
                for form, entry in reg._entries.items()
            ),
        }
sys.stdout.write(json.dumps(out, ensure_ascii=False))
"""


def _registries(hash_seed: str) -> dict[str, dict[str, list[list[object]]]]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run(
        [sys.executable, "-c", DUMP, str(ROOT / "seeds")],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=True,
    )
    return json.loads(proc.stdout)


def test_variants_are_the_same_under_any_hash_seed() -> None:
    first, second = _registries("0"), _registries("1")
    assert len(first) >= 10 and sum(len(c["variants"]) for c in first.values()) > 10_000
    assert first.keys() == second.keys()
    differing = {
        case: len(
            {tuple(v) for v in first[case]["variants"]}
            ^ {tuple(v) for v in second[case]["variants"]}
        )
        for case in first
        if first[case] != second[case]
    }
    assert differing == {}
