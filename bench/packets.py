"""Packet export speed: python bench/packets.py prints one JSON object.

one_case_s      export of one seeded case (redaction, PDF, leak check, signature, ZIP)
pattern_100_s   a 100-case pattern packet over generated cases (bench/generate.py)
Setup (vault, imports, review of suggestions) is not timed. Test KDF parameters: the key
derivation is not what is measured here.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

from nkcase.packets import export  # noqa: E402
from nkcase.packets.verify import verify_packet  # noqa: E402
from nkcase.redaction import api as redaction  # noqa: E402
from nkcase.redaction.store import load_decisions  # noqa: E402
from nkcase.services import cases, vaults  # noqa: E402
from nkcase.vault.keyslots import TEST_KDF  # noqa: E402
from nkcase.vault.models import RedactionDecision  # noqa: E402
from nkcase.vault.vault import Vault  # noqa: E402

PASSPHRASE = "bench-lantern-orchid-quarry-52"
FULL_NAME = re.compile(r"(?!In )[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+)?")


def review(vault: Vault, refs: list[str]) -> None:
    """Settle suggestions as a reviewer would: full romanised names yes, other guesses no."""
    for _ in range(3):
        with vault.session() as session:
            busy = False
            for ref in refs:
                case = cases.find_case(session, ref)
                data = cases.case_to_dict(case)
                pending = redaction.redact_case(data, load_decisions(session, case.id)).pending
                seen: set[tuple[str, str]] = set()
                for _key, span in pending:
                    if (span.text, span.category) in seen:
                        continue
                    seen.add((span.text, span.category))
                    ok = span.category != "name" or FULL_NAME.fullmatch(span.text)
                    session.add(
                        RedactionDecision(
                            case_id=case.id,
                            text=span.text,
                            category=span.category,
                            scope="all",
                            decision="accept" if ok else "reject",
                        )
                    )
                    busy = True
            if not busy:
                return


def timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="nkcase-bench-"))
    vault, _ = vaults.create_vault(
        tmp / "vault", "Bench Documentation Centre", PASSPHRASE, kdf=TEST_KDF
    )
    try:
        seeded = cases.import_case_file(vault, sorted((ROOT / "seeds").glob("*.json"))[0])
        one = seeded[0][1]
        review(vault, [one])
        with vault.session() as session:
            target = cases.find_case(session, one).consent.share_with[0]
        one_case = min(
            timed(lambda: export.export_packet(vault, [one], target, tmp / "one.zip"))
            for _ in range(3)
        )

        corpus = list(generate(100, words=1500))
        for case in corpus:
            case["consent"]["share_with"] = ["ohchr_seoul"]
        path = tmp / "corpus.json"
        path.write_text(json.dumps({"format": "nkcase/case-file-v1", "cases": corpus}))
        refs = [p for _, p in cases.import_case_file(vault, path)]
        review(vault, refs)
        out = tmp / "pattern.zip"
        pattern = timed(lambda: export.export_packet(vault, refs, "ohchr_seoul", out, pattern=True))
        verify = timed(lambda: verify_packet(out))
        result = {
            "one_case_s": round(one_case, 3),
            "pattern_100_s": round(pattern, 3),
            "verify_pattern_100_s": round(verify, 3),
            "pattern_100_zip_bytes": out.stat().st_size,
            "one_case_zip_bytes": (tmp / "one.zip").stat().st_size,
            "words_per_interview": 1500,
            "interviews": sum(len(c["interviews"]) for c in corpus),
        }
    finally:
        vault.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
