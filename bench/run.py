"""Vault benchmark: import, open-to-first-page, search -- encrypted beside a plaintext baseline.

Both stores hold the same generated corpus, imported through the same code (nkcase's importer,
schema and FTS5 index); the only difference is SQLCipher. Prints one JSON object.

    python bench/run.py --cases 1000          # quick
    python bench/run.py --cases 10000         # the reference run (15,000 interviews)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from nkcase.domain.casefile import validate_document
from nkcase.services import cases, search, vaults
from nkcase.vault import engine as db
from nkcase.vault.keyslots import KdfParams, KeyFile, calibrate_kdf
from nkcase.vault.vault import Vault

PASSPHRASE = "bench-marmot-lantern-violet-44"
EN_QUERIES = [
    "passports",
    "container",
    "injured hospital",
    "quota",
    "loyalty payment",
    "taiga",
    "escape contract",
]
KO_QUERIES = [
    "여권을",
    "충성자금을",
    "컨테이너에서",
    "감독원이",
    "벌목장에서",
    "러시아에서",
    "병원에",
]
BATCH = 100


def plain_engine(path: Path) -> Engine:
    """The baseline: the same schema and pragmas in an ordinary SQLite file."""
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _configure(conn: Any, _record: Any) -> None:
        cur = conn.cursor()
        for pragma in (
            "journal_mode = WAL",
            "synchronous = FULL",
            "foreign_keys = ON",
            "temp_store = MEMORY",
            "secure_delete = ON",
            "cache_size = -65536",
        ):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    db.upgrade(engine)
    return engine


def import_corpus(sessions: sessionmaker[Session], corpus: list[dict[str, Any]]) -> float:
    started = time.perf_counter()
    for i in range(0, len(corpus), BATCH):
        batch = validate_document({"format": "nkcase/case-file-v1", "cases": corpus[i : i + BATCH]})
        with sessions.begin() as session:
            for data in batch:
                cases.add_case(session, data)
    return time.perf_counter() - started


def search_times(
    stores: list[sessionmaker[Session]], queries: list[str], reps: int
) -> list[list[float]]:
    """Per store, the time of each search. Stores take turns query by query, so a busy moment
    on a shared machine falls on both rather than on one."""
    times: list[list[float]] = [[] for _ in stores]
    sessions = [factory() for factory in stores]
    try:
        for session in sessions:
            for q in queries:  # warm-up, as a user's second search would be
                search.search(session, q, limit=50)
        for _ in range(reps):
            for q in queries:
                for i, session in enumerate(sessions):
                    t = time.perf_counter()
                    search.search(session, q, limit=50)
                    times[i].append((time.perf_counter() - t) * 1000)
    finally:
        for session in sessions:
            session.close()
    return times


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return round(ordered[k], 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--words", type=int, default=4000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--kdf", choices=["calibrated", "minimum"], default="calibrated")
    parser.add_argument(
        "--cache-mib",
        type=int,
        default=db.CACHE_MIB,
        help="page cache per connection, for both stores",
    )
    parser.add_argument("--keep", type=Path, help="keep the generated vault in this folder")
    args = parser.parse_args()
    os.umask(0o077)
    db.CACHE_MIB = args.cache_mib

    work = Path(tempfile.mkdtemp(prefix="nkcase-bench-"))
    try:
        t = time.perf_counter()
        corpus = list(generate(args.cases, words=args.words))
        gen_s = time.perf_counter() - t
        names = [c["interviewee"]["name"] for c in corpus[:: max(1, len(corpus) // 5)]][:5]
        names_ko = [
            c["interviewee"]["name_ko"] + "은" for c in corpus[1 :: max(1, len(corpus) // 5)]
        ][:5]
        queries = EN_QUERIES + KO_QUERIES + names + names_ko

        params = calibrate_kdf() if args.kdf == "calibrated" else KdfParams(65536, 3)
        folder = args.keep or work / "vault"
        vault, _ = vaults.create_vault(folder, "Bench NGO", PASSPHRASE, kdf=params)
        enc_sessions = sessionmaker(vault.engine)
        enc_import_s = import_corpus(enc_sessions, corpus)

        plain_path = work / "plain.db"
        plain = plain_engine(plain_path)
        plain_sessions = sessionmaker(plain)
        plain_import_s = import_corpus(plain_sessions, corpus)

        enc_search, plain_search = search_times([enc_sessions, plain_sessions], queries, args.reps)
        vault.close()
        plain.dispose()

        # Open to first page: KDF timed apart; then engine, schema check, count, first 100 rows.
        t0 = time.perf_counter()
        keyfile = KeyFile.load(Vault.keys_path_of(folder))
        data_key, slot = keyfile.unlock_with_passphrase(PASSPHRASE)
        t1 = time.perf_counter()
        vault = Vault(folder, keyfile, data_key, slot)
        db.ensure_schema(vault.engine, vault.db_path)
        with vault.session() as session:
            total = cases.count_cases(session)
            first_page = cases.list_cases(session, 0, 100, sort="updated_at", descending=True)
        t2 = time.perf_counter()
        vault.close()
        assert total == args.cases and len(first_page) == min(100, args.cases)

        def size(path: Path) -> int:
            return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))

        result = {
            "cases": args.cases,
            "interviews": sum(len(c["interviews"]) for c in corpus),
            "words_per_narrative": args.words,
            "generate_s": round(gen_s, 2),
            "import_per_s": round(args.cases / enc_import_s, 1),
            "plaintext_import_per_s": round(args.cases / plain_import_s, 1),
            "kdf_ms": round((t1 - t0) * 1000, 1),
            "kdf_params": {
                "memory_kib": slot.params().memory_kib,
                "iterations": slot.params().iterations,
                "lanes": slot.params().lanes,
            },
            "open_to_first_page_ms": round((t2 - t1) * 1000, 1),
            "cache_mib": args.cache_mib,
            "search_queries": len(queries),
            "search_p50_ms": pct(enc_search, 50),
            "search_p95_ms": pct(enc_search, 95),
            "plaintext_search_p50_ms": pct(plain_search, 50),
            "plaintext_search_p95_ms": pct(plain_search, 95),
            "search_p95_ratio": round(pct(enc_search, 95) / max(pct(plain_search, 95), 1e-6), 3),
            "search_mean_ms": round(statistics.fmean(enc_search), 2),
            "db_bytes": size(Vault.db_path_of(folder)),
            "plaintext_db_bytes": size(plain_path),
        }
        print(json.dumps(result))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
