"""Vault benchmark: import, open-to-first-page, search -- encrypted beside a plaintext baseline.

Both stores hold the same generated corpus, imported through the same code (nkcase's importer,
schema and FTS5 index); the only difference is SQLCipher. Prints one JSON object.

    python bench/run.py --cases 1000          # quick
    python bench/run.py --cases 10000         # the reference run (15,000 interviews)

first_search: the first search after opening (a fresh connection: SQLCipher's page cache is
empty, every page read is decrypted) beside the same search repeated (warm, median of 3), for a
common word, asking for as many rows as the app's case list does (``limit_app``, 1,000,000) and
for one page of 200; each store opened afresh for each, the stores alternating.
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

import sqlcipher3.dbapi2 as sqlcipher
from generate import generate
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

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


# Every setting that changes how fast SQLite reads or writes, read back from a live connection of
# each store and printed, so a reader can see both stores ran with the same ones.
PERF_PRAGMAS = (
    "page_size",
    "cache_size",
    "cache_spill",
    "mmap_size",
    "journal_mode",
    "synchronous",
    "temp_store",
    "secure_delete",
    "foreign_keys",
    "locking_mode",
    "wal_autocheckpoint",
    "journal_size_limit",
    "auto_vacuum",
    "automatic_index",
)
# Pragmas the baseline copies from the vault's connection (the rest follow from the file/library).
COPIED_PRAGMAS = (
    "page_size",
    "journal_mode",
    "synchronous",
    "foreign_keys",
    "temp_store",
    "secure_delete",
    "cache_size",
    "cache_spill",
    "mmap_size",
    "wal_autocheckpoint",
    "journal_size_limit",
    "locking_mode",
    "automatic_index",
)
# Reported for the encrypted store only.
CIPHER_PRAGMAS = (
    "cipher_version",
    "cipher_provider",
    "cipher_page_size",
    "cipher_hmac_algorithm",
    "cipher_kdf_algorithm",
    "cipher_memory_security",
)


def store_settings(engine: Engine, names: tuple[str, ...] = PERF_PRAGMAS) -> dict[str, Any]:
    """The settings a pooled connection of this engine actually runs with."""
    out: dict[str, Any] = {}
    with engine.connect() as conn:
        out["sqlite_version"] = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
        for name in names:
            row = conn.exec_driver_sql(f"PRAGMA {name}").first()
            value = None if row is None else row[0]
            # SQLCipher answers PRAGMA page_size with the string '4096'; compare numbers as numbers.
            out[name] = int(value) if isinstance(value, str) and value.isdigit() else value
    return out


def plain_engine(path: Path, settings: dict[str, Any]) -> Engine:
    """The baseline: the same SQLite library (sqlcipher3's build, opened without a key, so pages
    are plain), the same connection pool, and every performance setting copied from a live vault
    connection. The only difference left is encryption."""

    def connect() -> Any:
        return sqlcipher.connect(str(path), check_same_thread=False)

    engine = create_engine(
        "sqlite://",
        creator=connect,
        module=sqlcipher,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
    )

    @event.listens_for(engine, "connect")
    def _configure(conn: Any, _record: Any) -> None:
        cur = conn.cursor()
        try:
            for name in COPIED_PRAGMAS:
                if settings[name] is not None:
                    cur.execute(f"PRAGMA {name} = {settings[name]}")
        finally:
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


APP_LIMIT = 1_000_000  # what nkcase.gui.case_model asks search for
FIRST_SEARCH_QUERY = "passport"


def first_searches(
    openers: dict[str, Any], query: str, limits: dict[str, int]
) -> dict[str, dict[str, dict[str, float]]]:
    """{store: {limit name: {cold_ms, warm_ms, hits}}}: a fresh store for every cold search."""
    out: dict[str, dict[str, dict[str, float]]] = {name: {} for name in openers}
    for k, (label, limit) in enumerate(limits.items()):
        order = list(openers) if k % 2 == 0 else list(reversed(openers))
        for name in order:
            session, close = openers[name]()
            try:
                t = time.perf_counter()
                hits = search.search(session, query, limit=limit)
                cold = (time.perf_counter() - t) * 1000
                warm = []
                for _ in range(3):
                    t = time.perf_counter()
                    search.search(session, query, limit=limit)
                    warm.append((time.perf_counter() - t) * 1000)
            finally:
                close()
            out[name][label] = {
                "cold_ms": round(cold, 1),
                "warm_ms": round(statistics.median(warm), 1),
                "hits": len(hits),
            }
    return out


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

        enc_settings = store_settings(vault.engine)
        plain_path = work / "plain.db"
        plain = plain_engine(plain_path, enc_settings)
        plain_sessions = sessionmaker(plain)
        plain_import_s = import_corpus(plain_sessions, corpus)

        enc_search, plain_search = search_times([enc_sessions, plain_sessions], queries, args.reps)
        # Read back after the searches, from the same pools the searches used.
        settings = {
            "encrypted": store_settings(vault.engine),
            "plaintext": store_settings(plain),
        }
        cipher = store_settings(vault.engine, CIPHER_PRAGMAS)
        differ = sorted(
            k for k in settings["encrypted"] if settings["encrypted"][k] != settings["plaintext"][k]
        )
        if differ:
            raise SystemExit(f"stores ran with different settings: {differ}")
        vault.close()
        plain.dispose()

        # Plaintext open to first page, for comparison: engine, schema check, count, first page.
        p0 = time.perf_counter()
        plain = plain_engine(plain_path, enc_settings)
        db.ensure_schema(plain, plain_path)
        with sessionmaker(plain)() as session:
            cases.count_cases(session)
            cases.list_cases(session, 0, 100, sort="updated_at", descending=True)
        plain_open_ms = (time.perf_counter() - p0) * 1000
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

        def open_encrypted() -> tuple[Session, Any]:
            v = Vault(folder, keyfile, data_key, slot)  # the key as unlock left it: no KDF
            db.ensure_schema(v.engine, v.db_path)
            session = sessionmaker(v.engine)()

            def close() -> None:
                session.close()
                v.close()

            return session, close

        def open_plain() -> tuple[Session, Any]:
            engine = plain_engine(plain_path, enc_settings)
            db.ensure_schema(engine, plain_path)
            session = sessionmaker(engine)()

            def close() -> None:
                session.close()
                engine.dispose()

            return session, close

        first = first_searches(
            {"encrypted": open_encrypted, "plaintext": open_plain},
            FIRST_SEARCH_QUERY,
            {"limit_app": APP_LIMIT, "limit_200": 200},
        )

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
            "plaintext_open_to_first_page_ms": round(plain_open_ms, 1),
            "cache_mib": args.cache_mib,
            "settings": settings,
            "settings_match": not differ,
            "cipher": cipher,
            "search_queries": len(queries),
            "search_p50_ms": pct(enc_search, 50),
            "search_p95_ms": pct(enc_search, 95),
            "plaintext_search_p50_ms": pct(plain_search, 50),
            "plaintext_search_p95_ms": pct(plain_search, 95),
            "search_p95_ratio": round(pct(enc_search, 95) / max(pct(plain_search, 95), 1e-6), 3),
            "search_mean_ms": round(statistics.fmean(enc_search), 2),
            "plaintext_search_mean_ms": round(statistics.fmean(plain_search), 2),
            "first_search": {"query": FIRST_SEARCH_QUERY, **first},
            "db_bytes": size(Vault.db_path_of(folder)),
            "plaintext_db_bytes": size(plain_path),
        }
        print(json.dumps(result))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
