"""Recall on the spellings planted in the demo seeds (seeds/planted-variants.tsv).

The seeds were written by someone other than the engine's author, with spellings planted on
purpose: shortened units ("No. 13 station"), head-noun substitutions ("Changgol dormitory"),
reworded events, McCune-Reischauer and Revised Romanization, particles. Every planted variant
must be gone from the redacted text of its case. The cases go through a real vault (import,
then ``case_to_dict``, as the exporter sees them).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from nkcase.config import seed_files
from nkcase.redaction.api import redact_case
from nkcase.services import cases
from nkcase.vault.vault import Vault

PLANTED = Path(__file__).resolve().parents[2] / "seeds" / "planted-variants.tsv"

# Rows that may stay, with the reason. Only rows that the spec says are not identifying, or that
# no registered word reaches, belong here; everything else is the engine's job. Empty since the
# engine learnt numbered units, distinctive words, head nouns and event rewordings.
ALLOWED: dict[tuple[str, str], str] = {}


def _planted() -> list[dict[str, str]]:
    with PLANTED.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _redacted_seeds(vault: Vault) -> dict[str, tuple[str, str]]:
    """ref -> (all original text fields, all redacted text fields) of every seed case."""
    ids = [case_id for path in seed_files() for case_id, _ in cases.import_case_file(vault, path)]
    out: dict[str, tuple[str, str]] = {}
    with vault.session() as session:
        for case_id in ids:
            case = cases.case_to_dict(cases.find_case(session, str(case_id)))
            fields = redact_case(case).fields.values()
            out[case["ref"]] = (
                "\n".join(f.original for f in fields),
                "\n".join(f.redacted for f in fields),
            )
    return out


def test_every_planted_variant_is_redacted(vault: Vault) -> None:
    rows = _planted()
    assert len(rows) > 200
    texts = _redacted_seeds(vault)
    assert {r["ref"] for r in rows} <= set(texts)
    total: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    missed: list[str] = []
    for row in rows:
        original, redacted = texts[row["ref"]]
        # The row must describe the seed as it is, or this test could pass on nothing.
        assert row["variant"] in original, (row["ref"], row["kind"])
        total[row["kind"]] += 1
        if row["variant"] not in redacted:
            caught[row["kind"]] += 1
        elif (row["ref"], row["variant"]) not in ALLOWED:
            missed.append(f"{row['ref']} {row['variant']!r} ({row['kind']})")
    for kind in sorted(total):
        print(f"{kind:55s} {caught[kind]:3d}/{total[kind]:3d}")
    print(f"recall {sum(caught.values())}/{sum(total.values())}")
    assert not missed, "\n".join(missed)
