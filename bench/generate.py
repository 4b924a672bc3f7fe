"""Seeded generator of fictional cases in case-file-v1 shape, for benchmarks and load tests.

Everything here is invented: names are drawn from syllable tables, places from a short list,
narratives from sentence fragments. The same seed gives the same corpus.

    python bench/generate.py --cases 100 --out /tmp/corpus.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from typing import Any

FORMAT = "nkcase/case-file-v1"

SURNAMES = [
    ("Kim", "김"),
    ("Ri", "리"),
    ("Pak", "박"),
    ("Choe", "최"),
    ("Jong", "정"),
    ("Kang", "강"),
    ("Han", "한"),
    ("Ryu", "류"),
    ("O", "오"),
    ("Hwang", "황"),
]
GIVEN = [
    ("Myong", "명"),
    ("Chol", "철"),
    ("Sun", "순"),
    ("Hui", "희"),
    ("Song", "성"),
    ("Il", "일"),
    ("Yong", "용"),
    ("Ho", "호"),
    ("Kyong", "경"),
    ("Mi", "미"),
    ("Gwang", "광"),
    ("Nam", "남"),
    ("Hyok", "혁"),
    ("Ok", "옥"),
    ("Chun", "춘"),
]
TOWNS = [
    ("Hoeryong", "회령", "North Hamgyong", "함경북도"),
    ("Hyesan", "혜산", "Ryanggang", "량강도"),
    ("Chongjin", "청진", "North Hamgyong", "함경북도"),
    ("Sinuiju", "신의주", "North Pyongan", "평안북도"),
    ("Hamhung", "함흥", "South Hamgyong", "함경남도"),
    ("Kanggye", "강계", "Chagang", "자강도"),
]
SITES = [
    ("RUS", "Amur Oblast", "logging", "logging camp"),
    ("RUS", "Khabarovsk Krai", "logging", "timber camp"),
    ("RUS", "Primorsky Krai", "construction", "apartment construction site"),
    ("RUS", "Moscow Oblast", "construction", "warehouse construction site"),
    ("KWT", "Al Ahmadi", "construction", "highway project"),
    ("QAT", "Doha", "construction", "stadium district site"),
    ("CHN", "Liaoning", "fishing", "seafood processing plant"),
    ("CHN", "Jilin", "textiles_garments", "garment factory"),
    ("MYS", "Sarawak", "mining", "coal mine"),
    ("MNG", "Ulaanbaatar", "construction", "housing site"),
]
INDICATORS = [
    "abuse_of_vulnerability",
    "deception",
    "restriction_of_movement",
    "isolation",
    "physical_sexual_violence",
    "intimidation_threats",
    "retention_of_identity_documents",
    "withholding_of_wages",
    "debt_bondage",
    "abusive_conditions",
    "excessive_overtime",
]
TARGETS = ["sr_slavery", "sr_dprk", "ohchr_seoul", "sanctions", "public_report"]

EN_FRAGMENTS = [
    "We worked from five in the morning until after midnight",
    "the minder kept our passports",
    "we could only go out in groups of five",
    "the company paid the wages to the state enterprise",
    "I received almost nothing of what was promised",
    "the loyalty payment was taken every month",
    "my friend was injured and nobody took him to a hospital",
    "we slept in a container",
    "the foreman said our families would suffer if we ran",
    "there were two rest days a year",
    "the quota was impossible to meet",
    "the debt for the posting was never paid off",
    "we were not allowed to speak to local people",
    "phones were forbidden in the camp",
    "the winter was very cold and the food was poor",
    "the security officer watched everyone",
    "logging in the taiga was dangerous work",
    "the concrete had to be poured at night",
    "the fish had to be cleaned before the morning shift",
    "the sewing machines never stopped",
    "in the mine the air was thick with dust",
    "I decided to escape when the contract ended",
]
KO_FRAGMENTS = [
    "우리는 새벽 다섯 시부터 자정이 넘을 때까지 일했다",
    "감독원이 여권을 가지고 있었다",
    "다섯 명씩 조를 짜야만 밖에 나갈 수 있었다",
    "회사는 임금을 국가 기업에 보냈다",
    "약속받은 돈은 거의 받지 못했다",
    "충성자금을 매달 바쳐야 했다",
    "동료가 다쳤지만 아무도 병원에 데려가지 않았다",
    "우리는 컨테이너에서 잤다",
    "도망가면 가족이 고생한다고 작업반장이 말했다",
    "일 년에 쉬는 날이 이틀뿐이었다",
    "계획량은 도저히 채울 수 없었다",
    "파견 뇌물로 진 빚은 끝내 갚지 못했다",
    "현지 사람들과 말하는 것이 금지되었다",
    "숙소에서는 전화기를 쓸 수 없었다",
    "러시아에서의 겨울은 너무 추웠고 먹을 것이 부족했다",
    "보위부원이 모두를 감시했다",
    "벌목장에서 일하는 것은 위험했다",
    "밤에도 콘크리트를 부어야 했다",
    "아침 교대 전에 생선을 손질해야 했다",
    "재봉틀은 멈추지 않았다",
    "광산 안은 먼지로 숨쉬기 어려웠다",
    "계약이 끝날 무렵 탈출하기로 결심했다",
]


def _name(rng: random.Random) -> tuple[str, str]:
    (sur_en, sur_ko) = rng.choice(SURNAMES)
    a, b = rng.sample(GIVEN, 2)
    return f"{sur_en} {a[0]} {b[0].lower()}".title(), f"{sur_ko}{a[1]}{b[1]}"


def _narrative(rng: random.Random, words: int, korean: bool, who: str) -> str:
    fragments = KO_FRAGMENTS if korean else EN_FRAGMENTS
    out: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(fragments)
        if rng.random() < 0.05:
            sentence = f"{who}{'은' if korean else ' said that'} {sentence}"
        out.append(sentence + ".")
        count += sentence.count(" ") + 1
    return " ".join(out)


def generate_case(
    rng: random.Random, index: int, words: int, interviews: int, korean_share: float
) -> dict[str, Any]:
    name, name_ko = _name(rng)
    town = rng.choice(TOWNS)
    country, region, sector, site = rng.choice(SITES)
    start_year = rng.randint(1998, 2023)
    start_month = rng.randint(1, 12)
    promised = rng.choice([300, 500, 800, 1000, 1500, 2000])
    received = round(promised * rng.uniform(0.03, 0.15))
    rel_name, rel_ko = _name(rng)
    korean = rng.random() < korean_share
    return {
        "ref": f"BENCH-{index:06d}",
        "interviewee": {
            "name": name,
            "name_ko": name_ko,
            "sex": rng.choice(["M", "M", "F"]),
            "birth_date": f"{rng.randint(1955, 1998)}-{rng.randint(1, 12):02d}",
            "hometown": f"{town[0]}, {town[2]}",
            "hometown_ko": f"{town[3]} {town[1]}",
            "home_province": town[2],
            "phone": f"+82 10-0000-{rng.randint(0, 9999):04d}",
        },
        "relatives": [
            {
                "relation": rng.choice(["wife", "mother", "son", "brother"]),
                "name": rel_name,
                "name_ko": rel_ko,
                "location": town[0],
            }
        ],
        "sensitive_terms": [
            {"text": f"{rng.randint(1, 99)}th Construction Brigade", "category": "work_unit"}
        ],
        "deployments": [
            {
                "country": country,
                "region": region,
                "site": site,
                "sector": sector,
                "start": f"{start_year}-{start_month:02d}",
                "end": f"{start_year + rng.randint(1, 4)}-{rng.randint(1, 12):02d}",
                "wage_promised": {"amount": promised, "currency": "USD", "per": "month"},
                "wage_received": {"amount": received, "currency": "USD", "per": "month"},
                "hours_per_day": rng.choice([12, 14, 15, 16, 18, 20]),
                "rest_days_per_month": rng.choice([0, 1, 2]),
                "passport_held_by": "minder",
                "left_by": rng.choice(["escape", "end_of_contract"]),
            }
        ],
        "indicators": [
            {"code": code, "evidence": None} for code in rng.sample(INDICATORS, rng.randint(2, 6))
        ],
        "consent": {
            "interview": True,
            "storage": True,
            "share_with": rng.sample(TARGETS, rng.randint(0, 3)),
            "identity_to_ohchr": False,
            "identity_to_governments": False,
            "public_attribution": "none",
            "given_on": "2026-01-15",
            "form_version": "2026-1",
            "language": "ko" if korean else "en",
            "withdrawn_on": None,
        },
        "interviews": [
            {
                "date": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
                "place": "Seoul",
                "interviewer": "Bench Interviewer",
                "language": "ko" if korean else "en",
                "narrative": _narrative(rng, words, korean, name_ko if korean else name),
                "translation": None,
            }
            for _ in range(interviews)
        ],
    }


def generate(
    cases: int,
    *,
    seed: int = 20261123,
    words: int = 4000,
    interviews_total: int | None = None,
    korean_share: float = 0.3,
) -> Iterator[dict[str, Any]]:
    """``cases`` cases; interviews spread so the total is ``interviews_total`` (1.5x default)."""
    rng = random.Random(seed)
    total = interviews_total if interviews_total is not None else cases * 3 // 2
    extra = total - cases
    for i in range(cases):
        n = 1 + (1 if i < extra else 0)
        yield generate_case(rng, i, words, n, korean_share)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--words", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    doc = {"format": FORMAT, "cases": list(generate(args.cases, seed=args.seed, words=args.words))}
    if args.out == "-":
        json.dump(doc, sys.stdout, ensure_ascii=False)
    else:
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
