"""The keep list and the proposal cache, on a real vault, through the real engine.

Proposals are pinned by writing them into the vault's cache (the same rows the finder's results
go into after a save), so these tests do not depend on what today's finder happens to find.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from nkcase.errors import InvalidEdit
from nkcase.redaction import api as redaction
from nkcase.redaction.detectors import Detection, detect
from nkcase.redaction.store import (
    ProposalCache,
    cached_proposals,
    load_decisions,
    save_decision,
    store_proposals,
)
from nkcase.services import cases, editing, keeplist
from nkcase.services.editing.proposals import case_texts
from nkcase.vault.models import AuditEntry, KeepListEntry
from nkcase.vault.vault import Vault
from tests.conftest import seed_files

PUBLIC = "Kim Jong Un"
COUSIN = "Pak Yong Su"
TEXT = f"{PUBLIC} visited. My cousin {COUSIN} and {PUBLIC.upper()} again; {COUSIN} left."


def _detections(text: str) -> list[Detection]:
    out = []
    for needle, category in ((PUBLIC, "public"), (COUSIN, "name")):
        start = text.casefold().find(needle.casefold())
        while start >= 0:
            out.append(Detection(start, start + len(needle), category, "test"))
            start = text.casefold().find(needle.casefold(), start + 1)
    return sorted(out, key=lambda d: d.start)


def _case_with_text(vault: Vault, text: str = TEXT) -> int:
    with vault.session() as s:
        case_id = editing.create_case(s, name="Han Chol Jin", interview_date="2026-10",
                                      language="en").id  # fmt: skip
    with vault.session() as s:
        interview = cases.find_case(s, str(case_id)).interviews[0].id
        editing.save_texts(s, case_id, {f"interview/{interview}/narrative": text})
        store_proposals(s, text, _detections(text))
    return case_id


def _review(vault: Vault, case_id: int) -> redaction.CaseRedaction:
    with vault.session() as s:
        data = cases.case_to_dict(cases.find_case(s, str(case_id)), identity=True)
        return redaction.redact_case(data, load_decisions(s, case_id), None, ProposalCache(s))


def _by_text(result: redaction.CaseRedaction) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for f in result.fields.values():
        for s in f.spans:
            if s.source != "registry":
                out.setdefault(s.text.casefold(), set()).add((s.status, s.rule))
    return out


def test_add_list_remove_audited_without_the_text(vault: Vault) -> None:
    with vault.session() as s:
        entry, new = keeplist.add(s, "  Kim   Jong Un ", "public", actor="reviewer-1")
        again, new_again = keeplist.add(s, "KIM JONG UN", "org")
        keeplist.add(s, "Amur Oblast", "place")
    assert new and not new_again and again == entry
    assert entry.text == PUBLIC and entry.added_by == "reviewer-1"
    with vault.session() as s:
        assert [(e.text, e.category) for e in keeplist.list_entries(s)] == [
            ("Amur Oblast", "place"),
            (PUBLIC, "public"),
        ]
        assert keeplist.remove(s, "kim jong un", actor="reviewer-2") is not None
        assert keeplist.remove(s, "kim jong un") is None  # not on it any more
    with vault.session() as s:
        assert [e.text for e in keeplist.list_entries(s)] == ["Amur Oblast"]
        assert not keeplist.is_kept(s, PUBLIC) and keeplist.is_kept(s, "amur  oblast")
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action.like("keeplist.%"))).all()
        removed = s.get(KeepListEntry, entry.id)
    assert [(e.action, e.detail) for e in entries] == [
        ("keeplist.added", {"entry_id": entry.id, "category": "public"}),
        ("keeplist.added", {"entry_id": entry.id + 1, "category": "place"}),
        ("keeplist.removed", {"entry_id": entry.id, "category": "public"}),
    ]
    assert entries[0].actor == "reviewer-1" and entries[2].actor == "reviewer-2"
    assert all(e.case_id is None for e in entries)
    # The removed entry stays readable behind its audit entries.
    assert removed is not None and removed.text == PUBLIC and removed.removed_by == "reviewer-2"


@pytest.mark.parametrize(
    ("text", "category", "field"),
    [("  ", "public", "keep_list.text"), ("x" * 301, "public", "keep_list.text"),
     (PUBLIC, "relative", "keep_list.category")],
)  # fmt: skip
def test_bad_entries_are_refused_and_nothing_is_written(
    vault: Vault, text: str, category: str, field: str
) -> None:
    with vault.session() as s, pytest.raises(InvalidEdit, match=field):
        keeplist.add(s, text, category)
    with vault.session() as s:
        assert keeplist.list_entries(s) == []
        assert s.scalars(select(AuditEntry).where(AuditEntry.action.like("keep%"))).all() == []


def test_kept_names_are_rejected_in_every_case_and_the_rest_stays_pending(vault: Vault) -> None:
    first, second = _case_with_text(vault), _case_with_text(vault, f"Later {PUBLIC} spoke.")
    before = _by_text(_review(vault, first))
    assert before[PUBLIC.casefold()] == {("pending", "test")}
    with vault.session() as s:
        keeplist.add(s, PUBLIC, "public")
    for case_id in (first, second):
        result = _review(vault, case_id)
        assert _by_text(result)[PUBLIC.casefold()] == {("rejected", "keep_list")}
        assert all(s.text.casefold() != PUBLIC.casefold() for _k, s in result.pending)
        assert all(PUBLIC.casefold() in f.redacted.casefold() for f in result.fields.values())
    # The cousin is no public figure: still pending, so the export stays blocked.
    assert _by_text(_review(vault, first))[COUSIN.casefold()] == {("pending", "test")}
    with vault.session() as s:
        keeplist.remove(s, PUBLIC)
    assert _by_text(_review(vault, second))[PUBLIC.casefold()] == {("pending", "test")}


def test_the_case_s_own_decision_beats_the_keep_list(vault: Vault) -> None:
    case_id = _case_with_text(vault)
    with vault.session() as s:
        keeplist.add(s, COUSIN, "name")
        save_decision(s, case_id, redaction.Decision(COUSIN, "name", "accept", "all"))
    result = _review(vault, case_id)
    assert COUSIN not in next(iter(result.fields.values())).redacted
    assert _by_text(result)[COUSIN.casefold()] == {("accepted", "review")}


def test_a_registered_term_on_the_keep_list_is_still_redacted(vault: Vault) -> None:
    case_id = _case_with_text(vault)
    with vault.session() as s:
        editing.add_term(s, case_id, {"text": COUSIN, "category": "other"})
        keeplist.add(s, COUSIN, "name")
    result = _review(vault, case_id)
    assert all(COUSIN.casefold() not in f.redacted.casefold() for f in result.fields.values())


def test_proposals_are_cached_at_import_and_after_a_save(vault: Vault) -> None:
    imported = cases.import_case_file(vault, seed_files()[0])
    case_id = imported[0][0]
    with vault.session() as s:
        assert editing.missing_texts(s, case_id) == {}
        texts = case_texts(s, case_id)
        assert texts
        for text in texts.values():
            assert cached_proposals(s, text) == detect(text)
    key, old = next(iter(texts.items()))
    new = old + " My cousin Pak Yong Su called from 010-4417-2093."
    with vault.session() as s:
        editing.save_texts(s, case_id, {key: new})
        assert editing.missing_texts(s, case_id) == {key: new}
    assert editing.propose_texts(vault, case_id, [key]) == 1
    assert editing.propose_texts(vault, case_id, [key]) == 0  # cached: nothing to do
    assert editing.propose_texts(vault, case_id, []) == 0
    with vault.session() as s:
        assert cached_proposals(s, new) == detect(new)
        cache = ProposalCache(s)
        data = cases.case_to_dict(cases.find_case(s, str(case_id)), identity=True)
        cached = redaction.redact_case(data, load_decisions(s, case_id), None, cache)
    assert cache.misses == 0 and cache.hits == len(texts)
    with vault.session() as s:
        fresh = redaction.redact_case(data, load_decisions(s, case_id))
    assert {k: f.redacted for k, f in cached.fields.items()} == {
        k: f.redacted for k, f in fresh.fields.items()
    }


def test_import_can_leave_the_finder_for_later(vault: Vault) -> None:
    case_id = cases.import_case_file(vault, seed_files()[0], propose=False)[0][0]
    with vault.session() as s:
        assert editing.missing_texts(s, case_id)
    progress: list[tuple[int, int]] = []
    n = editing.propose_cases(vault, [case_id], lambda d, t: progress.append((d, t)))
    assert n >= 1 and progress[-1] == (n, n)
    with vault.session() as s:
        assert editing.missing_texts(s, case_id) == {}


def test_the_packet_reads_the_cache_and_the_keep_list(vault: Vault, tmp_path: Any) -> None:
    from nkcase.errors import ExportRefused
    from nkcase.packets import export
    from nkcase.packets.verify import verify_packet
    from tests.packets.conftest import exportable, review_all

    [(case_id, ref)] = cases.import_case_file(vault, seed_files()[0])[:1]
    review_all(vault, ref)
    target = (exportable(vault, "sr_slavery") and "sr_slavery") or "ohchr_seoul"
    with vault.session() as s:
        text = next(t for k, t in case_texts(s, case_id).items() if k.endswith("translation"))
        start = text.index("logging site")  # no finder proposes it: pinned in the cache
        cached = cached_proposals(s, text)
        assert cached is not None
        store_proposals(s, text, [*cached, Detection(start, start + 12, "org", "pinned")])
    with pytest.raises(ExportRefused, match="unreviewed"):
        export.export_packet(vault, [ref], target, tmp_path / "refused.zip")
    with vault.session() as s:
        keeplist.add(s, "Logging  Site", "org")
    export.export_packet(vault, [ref], target, tmp_path / "p.zip")
    narratives = [v for n, v in verify_packet(tmp_path / "p.zip").files.items()
                  if n.startswith("narratives/")]  # fmt: skip
    assert any(b"logging site" in v for v in narratives)
