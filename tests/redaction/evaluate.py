"""Evaluation of the registry on the bilingual corpus (run directly to print the figures).

/work/venv/bin/python -m tests.redaction.evaluate
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nkcase.redaction.api import build_registry

CORPUS = Path(__file__).parent / "corpus"
_MARK = re.compile(r"⟦([^|⟧]+)\|([a-z_]+)⟧|⟪([^⟫]+)⟫")


@dataclass
class Parsed:
    text: str
    expected: list[tuple[int, int, str]] = field(default_factory=list)
    distractors: list[tuple[int, int]] = field(default_factory=list)


def parse(marked: str) -> Parsed:
    out = Parsed("")
    parts: list[str] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        parts.append(marked[pos : m.start()])
        length += m.start() - pos
        inner = m.group(1) if m.group(1) is not None else m.group(3)
        if m.group(1) is not None:
            out.expected.append((length, length + len(inner), m.group(2)))
        else:
            out.distractors.append((length, length + len(inner)))
        parts.append(inner)
        length += len(inner)
        pos = m.end()
    parts.append(marked[pos:])
    out.text = "".join(parts)
    return out


def load() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    profiles = json.loads((CORPUS / "profiles.json").read_text(encoding="utf-8"))
    testimonies = json.loads((CORPUS / "testimonies.json").read_text(encoding="utf-8"))
    return profiles, testimonies["testimonies"]


def evaluate() -> dict[str, Any]:
    profiles, testimonies = load()
    registries = {k: build_registry(v) for k, v in profiles.items() if not k.startswith("_")}
    tp: Counter[str] = Counter()
    expected_n: Counter[str] = Counter()
    found_n: Counter[str] = Counter()
    false_pos: Counter[str] = Counter()
    misses: list[str] = []
    distractor_hits: list[str] = []
    for t in testimonies:
        p = parse(t["text"])
        reg = registries[t["profile"]]
        matches = reg.find(p.text)
        for s, e, cat in p.expected:
            expected_n[cat] += 1
            hit = [m for m in matches if m.start <= s and m.end >= e]
            if hit and reg.terms[hit[0].term].category == cat:
                tp[cat] += 1
            else:
                got = reg.terms[hit[0].term].category if hit else "nothing"
                misses.append(f"{t['id']}: {p.text[s:e]!r} ({cat}) -> {got}")
        for m in matches:
            cat = reg.terms[m.term].category
            found_n[cat] += 1
            if not any(m.start < e and s < m.end for s, e, _c in p.expected):
                false_pos[cat] += 1
                distractor_hits.append(f"{t['id']}: {p.text[m.start : m.end]!r} as {cat}")
            if any(m.start < e and s < m.end for s, e in p.distractors):
                distractor_hits.append(f"{t['id']}: distractor {p.text[m.start : m.end]!r}")
    by_cat = {}
    for cat in sorted(set(expected_n) | set(found_n)):
        by_cat[cat] = {
            "expected": expected_n[cat],
            "recall": round(tp[cat] / expected_n[cat], 3) if expected_n[cat] else None,
            "precision": round((found_n[cat] - false_pos[cat]) / found_n[cat], 3)
            if found_n[cat]
            else None,
        }
    total_exp = sum(expected_n.values())
    total_found = sum(found_n.values())
    return {
        "testimonies": len(testimonies),
        "expected_spans": total_exp,
        "distractors": sum(len(parse(t["text"]).distractors) for t in testimonies),
        "recall": round(sum(tp.values()) / total_exp, 4),
        "precision": round((total_found - sum(false_pos.values())) / total_found, 4),
        "by_category": by_cat,
        "misses": misses,
        "false_hits": distractor_hits,
    }


def evaluate_detectors() -> dict[str, Any]:
    """Precision/recall of the detectors and the name suggester on corpus/detections.json."""
    from nkcase.redaction.api import Registry, redact_text

    raw = json.loads((CORPUS / "detections.json").read_text(encoding="utf-8"))
    tp: Counter[str] = Counter()
    expected_n: Counter[str] = Counter()
    found_n: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    misses: list[str] = []
    false_hits: list[str] = []
    empty = Registry()
    for marked in raw["sentences"]:
        p = parse(marked)
        # suggestions, and the automatic coarsening of day-precise dates (category "date")
        spans = [
            s
            for s in redact_text(p.text, empty).spans
            if s.status == "pending" or s.category == "date"
        ]
        for s, e, cat in p.expected:
            expected_n[cat] += 1
            if any(x.start == s and x.end == e and x.category == cat for x in spans):
                tp[cat] += 1
            else:
                misses.append(f"{p.text[s:e]!r} ({cat})")
        for x in spans:
            if x.category == "public":
                continue  # public figures are proposed as evidence, kept with one key (issue 15)
            found_n[x.category] += 1
            if not any(x.start == s and x.end == e and x.category == c for s, e, c in p.expected):
                wrong[x.category] += 1
                false_hits.append(f"{x.text!r} as {x.category}")
    by_cat = {
        cat: {
            "expected": expected_n[cat],
            "recall": round(tp[cat] / expected_n[cat], 3) if expected_n[cat] else None,
            "precision": round((found_n[cat] - wrong[cat]) / found_n[cat], 3)
            if found_n[cat]
            else None,
        }
        for cat in sorted(set(expected_n) | set(found_n))
    }
    return {"sentences": len(raw["sentences"]), "by_category": by_cat, "misses": misses,
            "false_hits": false_hits}  # fmt: skip


if __name__ == "__main__":
    print(json.dumps({"registry": evaluate(), "detectors": evaluate_detectors()},
                     ensure_ascii=False, indent=1))  # fmt: skip
