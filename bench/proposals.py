"""Proposals cached per text version: python bench/proposals.py [--runs N] prints one JSON object.

A case whose narrative is a ~4,000-word Korean testimony (the seeds' Korean narratives joined)
and whose translation is the English ones joined, in a real (test-KDF) vault.

save_and_find_s   what an autosave costs on the worker: the save's transaction, then the finder
                  on the changed text and its cache row (services.editing.propose_texts)
open_cached_s     what opening the review costs: the case, its decisions and keep list, and
                  redaction with the cached proposals (ProposalCache), no finder
open_uncached_s   the same in the same run with the finder run on every text (the baseline:
                  what opening would cost without the cache)
cache_hits        the cache lookups of one cached open that hit (all texts)

Figures are [min, median] seconds over N runs (default 5); the first finder call of the process
(model loading) is timed apart as finder_first_call_s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nkcase.redaction import api as redaction  # noqa: E402
from nkcase.redaction.detectors import FINDER_VERSION, detect  # noqa: E402
from nkcase.redaction.store import ProposalCache, load_decisions  # noqa: E402
from nkcase.services import cases, editing, vaults  # noqa: E402
from nkcase.vault.keyslots import TEST_KDF  # noqa: E402
from nkcase.vault.vault import Vault  # noqa: E402

PASSPHRASE = "bench-quiver-lattice-ember-19"
WORDS = 4000


def _texts() -> tuple[str, str]:
    korean: list[str] = []
    english: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            for iv in case["interviews"]:
                (korean if iv.get("language") == "ko" else english).append(iv["narrative"])
                tr = (iv.get("translation") or {}).get("text")
                if tr:
                    (english if iv.get("language") == "ko" else korean).append(tr)
    ko_words = " ".join(korean).split()
    while len(ko_words) < WORDS:
        ko_words += ko_words
    return " ".join(ko_words[:WORDS]), " ".join(" ".join(english).split()[:WORDS])


def _timed(fn: Callable[[], Any], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return [round(min(out), 4), round(statistics.median(out), 4)]


def _open(vault: Vault, case_id: int, cached: bool) -> int:
    with vault.session() as s:
        data = cases.case_to_dict(cases.find_case(s, str(case_id)), identity=True)
        decisions = load_decisions(s, case_id)
        cache = ProposalCache(s) if cached else None
        result = redaction.redact_case(data, decisions, None, cache)
    return cache.hits if cache is not None else len(result.pending)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    korean, english = _texts()
    t0 = time.perf_counter()
    detect("김철수 동무가 왔다. Mr Kim came.")
    first = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = vaults.create_vault(Path(tmp) / "v", "Bench", PASSPHRASE, TEST_KDF)
        with vault.session() as s:
            case_id = editing.create_case(s, name="Bench Witness", language="ko").id
        with vault.session() as s:
            iv = cases.find_case(s, str(case_id)).interviews[0].id
        narrative, translation = f"interview/{iv}/narrative", f"interview/{iv}/translation"
        edits = iter(range(10**6))

        def save_and_find() -> None:
            text = korean + f" {next(edits)}"  # a new version every time
            with vault.session() as s:
                changed = editing.save_texts(s, case_id, {narrative: text})
            editing.propose_texts(vault, case_id, changed)

        save = _timed(save_and_find, args.runs)
        with vault.session() as s:
            editing.save_texts(s, case_id, {narrative: korean, translation: english})
        editing.propose_texts(vault, case_id)
        hits = _open(vault, case_id, cached=True)
        report = {
            "finder_version": FINDER_VERSION,
            "korean_words": len(korean.split()),
            "english_words": len(english.split()),
            "finder_first_call_s": round(first, 3),
            "save_and_find_s": save,
            "open_cached_s": _timed(lambda: _open(vault, case_id, cached=True), args.runs),
            "open_uncached_s": _timed(lambda: _open(vault, case_id, cached=False), args.runs),
            "cache_hits": hits,
        }
        vault.close()
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
