"""The review screen: grouped proposals decided by key, the keep list, the finding state.

A real worker over a real vault. Proposals are pinned by writing them into the vault's cache
(where the finder's results go after a save), so the groups do not depend on today's finder.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from nkcase.gui.review import RedactionReview
from nkcase.gui.review.keep_list import KeepListDialog
from nkcase.redaction.detectors import Detection
from nkcase.redaction.store import cached_proposals, load_decisions, store_proposals
from nkcase.services import cases, editing, keeplist
from nkcase.vault.vault import Vault
from tests.gui.conftest import call_on_worker

COUSIN, LEADER, TOWN = "진혁", "Kim Jong Un", "Hunchun"
NARRATIVE = (
    f"{COUSIN} met me in {TOWN}. {LEADER} was on the radio. {COUSIN} said nothing.\n"
    f"Later {COUSIN} left {TOWN}; {LEADER} again."
)
TRANSLATION = f"{COUSIN}와 함께 일했다. {LEADER} 이야기."
PINNED = {COUSIN: "name", LEADER: "public", TOWN: "place"}


def _pin(text: str) -> list[Detection]:
    out = []
    for needle, category in PINNED.items():
        start = text.find(needle)
        while start >= 0:
            out.append(Detection(start, start + len(needle), category, "test"))
            start = text.find(needle, start + 1)
    return sorted(out, key=lambda d: d.start)


def _make_case(worker: Any, qtbot: Any, *, pin: bool = True) -> int:
    def op(vault: Vault) -> int:
        with vault.session() as s:
            case_id = editing.create_case(s, name="Han Chol Jin", interview_date="2026-10",
                                          language="en").id  # fmt: skip
        with vault.session() as s:
            iv = cases.find_case(s, str(case_id)).interviews[0].id
            texts = {
                f"interview/{iv}/narrative": NARRATIVE,
                f"interview/{iv}/translation": TRANSLATION,
            }
            editing.save_texts(s, case_id, texts)
            if pin:
                for text in (NARRATIVE, TRANSLATION):
                    store_proposals(s, text, _pin(text))
        return case_id

    return int(call_on_worker(worker, qtbot, op))


def _open(qtbot: Any, worker: Any, case_id: int) -> RedactionReview:
    review = RedactionReview(worker, case_id)
    qtbot.addWidget(review)
    review.resize(1100, 700)
    with qtbot.waitSignal(review.pending_changed, timeout=10_000):
        review.show()
    qtbot.waitUntil(review.view.hasFocus, timeout=5_000)
    return review


def _group(review: RedactionReview, text: str) -> int:
    return next(i for i, g in enumerate(review.groups) if g.text == text)


def _focus(qtbot: Any, review: RedactionReview) -> None:
    review.activateWindow()
    review.view.setFocus()
    qtbot.waitUntil(review.view.hasFocus, timeout=5_000)


def _press(qtbot: Any, review: RedactionReview, key: str, shift: bool = False) -> list[Any]:
    mod = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    _focus(qtbot, review)
    with qtbot.waitSignal(review.pending_changed, timeout=10_000) as blocker:
        qtbot.keyClick(review.view, key, mod)
    return list(blocker.args)


def test_groups_by_text_and_decides_a_group_with_one_key(qtbot: Any, open_worker: Any) -> None:
    case_id = _make_case(open_worker, qtbot)
    review = _open(qtbot, open_worker, case_id)
    rows = {r["text"]: r for r in review.model.rows}
    assert set(rows) == {f"{COUSIN} ×4", f"{LEADER} ×3", f"{TOWN} ×2"}
    assert rows[f"{LEADER} ×3"]["category"] == "public figure or state organ"
    assert rows[f"{COUSIN} ×4"]["field"].endswith("+1")  # narrative and translation
    assert review.counter.text() == "3 proposals left (9 of 9 occurrences)"
    assert not review.export_button.isEnabled()

    review._select(_group(review, COUSIN))
    assert _press(qtbot, review, "a") == [5]  # all four occurrences at once
    assert review.counter.text() == "2 proposals left (5 of 9 occurrences)"
    decided = next(g for g in review.groups if g.text == COUSIN)
    assert {s.status for _k, s in decided.occurrences} == {"accepted"}
    assert all(COUSIN not in f.redacted for f in review.state.fields.values())  # type: ignore[union-attr]
    # "Next" moved on to a group still to review.
    current = review.current_group()
    assert current is not None and current.pending

    review._select(_group(review, TOWN))
    assert _press(qtbot, review, "r") == [3]
    town = next(g for g in review.groups if g.text == TOWN)
    assert {s.status for _k, s in town.occurrences} == {"rejected"}
    assert review.model.rows[_group(review, TOWN)]["status"] == "kept as written"

    def stored(vault: Vault) -> list[tuple[str, str, str]]:
        with vault.session() as s:
            return [(d.text, d.decision, d.scope) for d in load_decisions(s, case_id)]

    assert call_on_worker(open_worker, qtbot, stored) == [
        (COUSIN, "accept", "all"),
        (TOWN, "reject", "all"),
    ]


def test_keep_puts_public_names_on_the_keep_list_for_every_case(
    qtbot: Any, open_worker: Any
) -> None:
    first, second = _make_case(open_worker, qtbot), _make_case(open_worker, qtbot)
    review = _open(qtbot, open_worker, first)
    review._select(_group(review, LEADER))
    assert review.keep_button.text() == "Keep, add to keep list (K)"
    assert _press(qtbot, review, "k") == [6]
    row = review.model.rows[_group(review, LEADER)]
    assert row["status"] == "kept (keep list)"

    def kept(vault: Vault) -> tuple[list[str], list[Any]]:
        with vault.session() as s:
            return [e.text for e in keeplist.list_entries(s)], load_decisions(s, first, False)

    assert call_on_worker(open_worker, qtbot, kept) == ([LEADER], [])
    other = _open(qtbot, open_worker, second)
    assert other.counter.text() == "2 proposals left (6 of 9 occurrences)"
    # A name that is no public figure: K keeps it in this case only.
    review._select(_group(review, COUSIN))
    assert review.keep_button.text() == "Keep (K)"
    assert _press(qtbot, review, "k") == [2]
    assert call_on_worker(open_worker, qtbot, kept)[0] == [LEADER]


def test_one_occurrence_and_navigation_keys(qtbot: Any, open_worker: Any) -> None:
    review = _open(qtbot, open_worker, _make_case(open_worker, qtbot))
    review._select(_group(review, COUSIN))
    assert review.current() is not None
    qtbot.keyClick(review.view, "o")
    _key, span = review.current()  # type: ignore[misc]
    assert review._occurrence == 1 and span.text == COUSIN
    assert _press(qtbot, review, "R", shift=True) == [8]
    group = next(g for g in review.groups if g.text == COUSIN)
    assert [s.status for _k, s in group.occurrences].count("rejected") == 1
    assert review.current_group() is group  # still pending: the review stays on it
    assert "(3/4)" in review.model.rows[_group(review, COUSIN)]["status"]
    before = review.view.currentIndex().row()
    qtbot.keyClick(review.view, "n")
    assert review.view.currentIndex().row() != before
    qtbot.keyClick(review.view, "p")
    assert review.view.currentIndex().row() == before
    qtbot.keyClick(review.view, "j")
    assert review.view.currentIndex().row() != before
    # Every decision button names its key.
    for button in (review.accept_all_button, review.keep_button, review.reject_all_button,
                   review.accept_button, review.reject_button, review.next_button):  # fmt: skip
        assert f"({button.property('shortcut_key')})" in button.text()
        assert button.property("shortcut_key") in button.toolTip()


def test_keys_do_nothing_while_typing_elsewhere(qtbot: Any, open_worker: Any) -> None:
    case_id = _make_case(open_worker, qtbot)
    host = QWidget()
    qtbot.addWidget(host)
    typing = QLineEdit()
    review = RedactionReview(open_worker, case_id)
    layout = QVBoxLayout(host)
    layout.addWidget(typing)
    layout.addWidget(review)
    with qtbot.waitSignal(review.pending_changed, timeout=10_000):
        host.show()
    typing.setFocus()
    qtbot.waitUntil(typing.hasFocus, timeout=5_000)
    qtbot.keyClicks(typing, "akr")
    assert typing.text() == "akr"
    assert open_worker.pending == 0 and review.pending_count == 9


def test_a_text_not_analysed_yet_is_found_on_the_worker_with_progress(
    qtbot: Any, open_worker: Any
) -> None:
    case_id = _make_case(open_worker, qtbot, pin=False)
    review = RedactionReview(open_worker, case_id)
    qtbot.addWidget(review)
    with qtbot.waitSignal(review.pending_changed, timeout=10_000):
        review.show()
    # Shown at once with what is cached (nothing), the export held back while finding.
    assert review.state is not None and len(review.state.finding) == 2
    assert review.finding_row.isVisible() and "of 2 texts" in review.finding_label.text()
    assert not review.export_button.isEnabled()
    with qtbot.waitSignal(review.proposals_found, timeout=60_000) as found:
        pass
    assert found.args == [2]
    qtbot.waitUntil(lambda: review.state is not None and not review.state.finding, timeout=10_000)
    assert not review.finding_row.isVisible()

    def cached(vault: Vault) -> bool:
        with vault.session() as s:
            return all(cached_proposals(s, t) is not None for t in (NARRATIVE, TRANSLATION))

    assert call_on_worker(open_worker, qtbot, cached)
    # Whatever the finder found is pending; with nothing to review the export opens.
    assert review.export_button.isEnabled() == (review.pending_count == 0)


def test_export_opens_only_when_every_group_is_decided(qtbot: Any, open_worker: Any) -> None:
    review = _open(qtbot, open_worker, _make_case(open_worker, qtbot))
    while review.pending_count > 0:
        assert not review.export_button.isEnabled()
        assert "to review" in review.export_button.text()
        current = review.current_group()
        assert current is not None and current.pending
        _press(qtbot, review, "r")
    assert review.export_button.isEnabled()
    assert review.counter.text().startswith("All 3 proposals reviewed")


@pytest.mark.parametrize("lang", ["ko"])
def test_korean_labels(qtbot: Any, open_worker: Any, qapp: Any, lang: str) -> None:
    from nkcase.gui.i18n import install_language

    install_language(qapp, lang)
    try:
        review = _open(qtbot, open_worker, _make_case(open_worker, qtbot))
        assert "남은" in review.counter.text() or "검토" in review.counter.text()
        assert "(A)" in review.accept_all_button.text()
        assert review.accept_all_button.text() != "Redact all (A)"
    finally:
        install_language(qapp, "en")


def test_keep_list_dialog_lists_adds_and_removes(qtbot: Any, open_worker: Any) -> None:
    def seed(vault: Vault) -> None:
        with vault.session() as s:
            keeplist.add(s, LEADER, "public")
            keeplist.add(s, "Amur Oblast", "place")

    call_on_worker(open_worker, qtbot, seed)
    with qtbot.waitSignal(
        open_worker.busy_changed, timeout=10_000, check_params_cb=lambda b: not b
    ):
        dialog = KeepListDialog(open_worker)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [r["text"] for r in dialog.model.rows] == ["Amur Oblast", LEADER]
    assert dialog.model.rows[0]["category"] == "place"
    assert not dialog.remove_button.isEnabled()
    dialog.view.selectRow(1)
    assert dialog.remove_button.isEnabled()
    with qtbot.waitSignal(dialog.entries_changed, timeout=10_000) as changed:
        dialog.remove_button.click()
    assert changed.args == [1]
    dialog.text.setText("Hwasong Trading Company")
    dialog.category.setCurrentIndex(dialog.category.findData("org"))
    with qtbot.waitSignal(dialog.entries_changed, timeout=10_000) as changed:
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert changed.args == [2]
    assert [(r["text"], r["category"]) for r in dialog.model.rows] == [
        ("Amur Oblast", "place"),
        ("Hwasong Trading Company", "organisation"),
    ]


def test_a_lock_is_not_held_back_by_the_finder_queued_before_it(
    qtbot: Any, open_worker: Any, vault: Vault
) -> None:
    case_id = _make_case(open_worker, qtbot, pin=False)
    review = RedactionReview(open_worker, case_id)
    qtbot.addWidget(review)
    with qtbot.waitSignal(review.pending_changed, timeout=10_000):
        review.show()
    assert review.state is not None and len(review.state.finding) == 2  # two jobs queued
    with qtbot.waitSignal(open_worker.vault_closed, timeout=30_000):
        open_worker.close_vault()
    with vault.session() as s:
        analysed = [t for t in (NARRATIVE, TRANSLATION) if cached_proposals(s, t) is not None]
    assert len(analysed) <= 1  # at most the one already running when the lock was asked for
