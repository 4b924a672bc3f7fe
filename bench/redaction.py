"""Redaction throughput: python bench/redaction.py prints one JSON object.

A fictional 50,000-character bilingual testimony, a case with 200+ registered terms, and every
detector. The engine (Aho-Corasick over all variants + detectors + review + replacement) is
timed against a plain ``re`` alternation of the same variants (+ the same detectors) in the
same run. Figures are the median of several runs on one core.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nkcase.redaction.api import build_registry, detect, redact_text

SURNAMES = [
    ("Kim", "김"),
    ("Ri", "리"),
    ("Pak", "박"),
    ("Choe", "최"),
    ("Jong", "정"),
    ("Kang", "강"),
    ("Han", "한"),
    ("Ryu", "류"),
    ("Rim", "림"),
    ("Yun", "윤"),
]
SYLLABLES = [
    ("Myong", "명"),
    ("Chol", "철"),
    ("Sun", "순"),
    ("Hui", "희"),
    ("Song", "성"),
    ("Il", "일"),
    ("Kyong", "경"),
    ("Ok", "옥"),
    ("Kwang", "광"),
    ("Hyok", "혁"),
    ("Yong", "영"),
    ("Su", "수"),
    ("Jin", "진"),
    ("Ho", "호"),
    ("Mi", "미"),
    ("Nam", "남"),
    ("Hyang", "향"),
    ("Chun", "춘"),
    ("Un", "은"),
    ("Hwa", "화"),
]
PLACES = [
    ("Hoeryong", "회령"),
    ("Musan", "무산"),
    ("Kilju", "길주"),
    ("Tanchon", "단천"),
    ("Kanggye", "강계"),
    ("Hyesan", "혜산"),
    ("Onsong", "온성"),
    ("Pukchong", "북청"),
    ("Sariwon", "사리원"),
    ("Kimchaek", "김책"),
    ("Chongjin", "청진"),
    ("Sinuiju", "신의주"),
]
FILLER_EN = [
    "We worked from five in the morning until eleven at night, with two rest days a year.",
    "The minder kept our passports in a safe and we could only go out in groups of five.",
    "Out of two thousand dollars, I received about one hundred and sixty.",
    "When a worker was injured on the site, nobody took him to a hospital.",
    "Kim Il Sung and Kim Jong Un looked down from the portraits in the canteen.",
]
FILLER_KO = [
    "새벽 다섯 시부터 밤 열한 시까지 일했고 쉬는 날은 한 해에 이틀뿐이었다.",
    "감시원이 여권을 금고에 보관했고 다섯 명씩 짝을 지어야만 밖에 나갈 수 있었다.",
    "이천 달러 가운데 내가 받은 돈은 백육십 달러 정도였다.",
    "현장에서 다친 사람이 있어도 아무도 병원에 데려가지 않았다.",
]


def make_case(rng: random.Random) -> dict[str, Any]:
    relatives: list[dict[str, str]] = []
    used = set()
    while len(relatives) < 36:
        s = rng.choice(SURNAMES)
        g = rng.sample(SYLLABLES, 2)
        name = f"{s[0]} {g[0][0]} {g[1][0].lower()}".title()
        if name in used:
            continue
        used.add(name)
        place = rng.choice(PLACES)
        relatives.append(
            {
                "relation": rng.choice(["wife", "son", "daughter", "brother", "sister"]),
                "name": name,
                "name_ko": s[1] + g[0][1] + g[1][1],
                "location": f"{place[0]}-{len(relatives)}",
                "details": f"works at the {place[0]} Unit {100 + len(relatives)} mill",
            }
        )
    terms = [
        {"text": f"Brigade No. {i}", "text_ko": f"제{i}려단", "category": "work_unit"}
        for i in range(1, 30)
    ]
    return {
        "ref": "NGO-2026-0999",
        "interviewee": {
            "name": "Kim Myong Chol",
            "name_ko": "김명철",
            "birth_date": "1968-04-15",
            "hometown": "Hoeryong, North Hamgyong",
            "hometown_ko": "함경북도 회령시",
            "phone": "+82 10-1234-5678",
        },
        "relatives": relatives,
        "sensitive_terms": terms,
        "interviews": [{"place": "Anseong", "interviewer": "Park Ji-won"}],
    }


def make_text(case: dict[str, Any], rng: random.Random, size: int = 50_000) -> str:
    rels = case["relatives"]
    parts: list[str] = []
    n = 0
    while n < size:
        r = rng.random()
        if r < 0.5:
            s = rng.choice(FILLER_EN)
        elif r < 0.8:
            s = rng.choice(FILLER_KO)
        elif r < 0.9:
            rel = rng.choice(rels)
            s = f"My {rel['relation']} {rel['name']} ({rel['name_ko']}은) stayed"
            s += f" in {rel['location']}."
        elif r < 0.95:
            s = f"Call 010-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)} or write a@b.org."
        else:
            s = "He was born on 15 April 1968; 주체57(1968)년 4월 15일생. Passport no. 836412345."
        parts.append(s)
        n += len(s) + 1
    return " ".join(parts)[:size]


def timed(fn: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    rng = random.Random(20261123)
    case = make_case(rng)
    text = make_text(case, rng)
    t0 = time.perf_counter()
    registry = build_registry(case)
    build_s = time.perf_counter() - t0
    registry.find("warm up")
    engine_s = timed(lambda: redact_text(text, registry, (), "bench"), 7)
    registry_s = timed(lambda: registry.find(text), 7)
    detect_s = timed(lambda: detect(text), 7)

    variants = sorted(registry.variants(), key=len, reverse=True)
    t0 = time.perf_counter()
    alternation = re.compile("|".join(re.escape(v) for v in variants), re.IGNORECASE)
    re_compile_s = time.perf_counter() - t0

    # The alternation is slow enough that a 10,000-character slice gives a stable rate.
    sample = text[:10_000]

    def baseline() -> None:
        list(alternation.finditer(sample))
        detect(sample)

    baseline_s = timed(baseline, 1)
    found = registry.find(text)
    print(
        json.dumps(
            {
                "chars": len(text),
                "registered_terms": len(registry.terms),
                "variants": registry.variant_count,
                "registry_hits": len(found),
                "chars_per_s": round(len(text) / engine_s),
                "registry_only_chars_per_s": round(len(text) / registry_s),
                "detectors_only_chars_per_s": round(len(text) / detect_s),
                "baseline_re_chars_per_s": round(len(sample) / baseline_s),
                "baseline_re_sample_chars": len(sample),
                "registry_build_s": round(build_s, 3),
                "baseline_re_compile_s": round(re_compile_s, 3),
                "cpu_count": os.cpu_count(),
                "python": sys.version.split()[0],
            }
        )
    )


if __name__ == "__main__":
    main()
