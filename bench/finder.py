"""The finder of unregistered names: speed and accuracy. python bench/finder.py prints JSON.

Speed (median and min of several runs, one core):
- loading the Korean analyser (kiwipiepy and its model) in a fresh process, and the first
  analysis after it;
- a 4,000-word Korean narrative and a 4,000-word English one through the whole finder, beside
  the bare analyser (kiwipiepy's tokenize) on the same Korean text: the baseline is what any
  kiwipiepy-based finder pays, the rest is our classification;
- registry redaction alone on the 50,000-character text of bench/redaction.py (must stay above
  1M chars/s).
Accuracy: recall per category and precision per language on every split of tests/data/ner/
(dev is tuned on; heldout and heldout2 are not).
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from nkcase.redaction.api import build_registry  # noqa: E402
from nkcase.redaction.finder import find_entities  # noqa: E402
from nkcase.redaction.finder.korean import analyser  # noqa: E402

NER = ROOT / "tests" / "data" / "ner"


def timed(fn: Callable[[], object], runs: int = 5) -> dict[str, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return {"median_s": round(statistics.median(times), 4), "min_s": round(min(times), 4)}


def narrative(lang: str, words: int = 4000) -> str:
    """4,000 words of the corpus's own documents (markup removed), repeated in a shuffled order."""
    from tests.redaction.ner_eval import load_split

    docs = [d.text for split in ("dev", "heldout") for d in load_split(split) if d.lang == lang]
    rng = random.Random(7)
    out: list[str] = []
    while sum(len(p.split()) for p in out) < words:
        out.append(rng.choice(docs))
    text = "\n\n".join(out)
    return " ".join(text.split(" ")[:words])


def cold_load() -> dict[str, float]:
    code = (
        "import time; t=time.perf_counter();"
        "from nkcase.redaction.finder.korean import analyser; k=analyser();"
        "t1=time.perf_counter(); k.tokenize('첫 분석입니다.'); t2=time.perf_counter();"
        "print(t1-t, t2-t1)"
    )
    loads, firsts = [], []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.split()
        loads.append(float(out[0]))
        firsts.append(float(out[1]))
    return {
        "load_median_s": round(statistics.median(loads), 3),
        "first_analysis_median_s": round(statistics.median(firsts), 3),
    }


def registry_throughput() -> dict[str, float]:
    from redaction import make_case, make_text  # bench/redaction.py

    rng = random.Random(1)
    case = make_case(rng)
    text = make_text(case, rng)
    reg = build_registry(case)
    reg.find(text)
    t = timed(lambda: reg.find(text))
    return {"chars": len(text), "chars_per_s": round(len(text) / t["median_s"])}


def accuracy() -> dict[str, Any]:
    from tests.redaction.ner_eval import evaluate_split

    out: dict[str, Any] = {}
    for split in ("dev", "heldout", "heldout2"):
        if not (NER / split).is_dir():
            continue
        r = evaluate_split(split)
        out[split] = {
            lang: {
                "precision": r[lang]["precision"],
                "proposals": r[lang]["proposals"],
                "recall": {c: v["recall"] for c, v in r[lang]["recall"].items()},
                "region_false_proposals": r[lang]["region_false_proposals"],
            }
            for lang in ("ko", "en", "all")
            if lang in r
        }
    return out


def main() -> None:
    ko = narrative("ko")
    en = narrative("en")
    kiwi = analyser()
    kiwi.tokenize(ko)  # warm
    find_entities(ko)
    result = {
        "korean_words": len(ko.split()),
        "english_words": len(en.split()),
        "analyser_cold": cold_load(),
        "korean_4000_words_finder": timed(lambda: find_entities(ko)),
        "korean_4000_words_analyser_only_baseline": timed(lambda: kiwi.tokenize(ko)),
        "english_4000_words_finder": timed(lambda: find_entities(en)),
        "registry_only": registry_throughput(),
        "accuracy": accuracy(),
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
