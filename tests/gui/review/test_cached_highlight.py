"""Opening a case uses the proposals cached in the vault: the finder does not run again."""

from __future__ import annotations

from typing import Any

from nkcase.gui.editor import CaseEditor
from nkcase.redaction.detectors import Detection
from nkcase.redaction.store import store_proposals
from nkcase.services import cases, editing
from nkcase.vault.vault import Vault
from tests.gui.conftest import call_on_worker

TEXT = "We worked near Hunchun for two years."


def test_the_editor_highlights_from_the_cache(qtbot: Any, open_worker: Any) -> None:
    # A proposal no finder makes (rule "pinned"): it can only come from the cache.
    pinned = Detection(0, 2, "name", "pinned")

    def op(vault: Vault) -> int:
        with vault.session() as s:
            case_id = editing.create_case(s, name="Han Chol Jin", language="en").id
        with vault.session() as s:
            iv = cases.find_case(s, str(case_id)).interviews[0].id
            editing.save_texts(s, case_id, {f"interview/{iv}/narrative": TEXT})
            store_proposals(s, TEXT, [pinned])
        return case_id

    case_id = call_on_worker(open_worker, qtbot, op)
    editor = CaseEditor(open_worker, case_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.snapshot is not None, timeout=10_000)
    assert editor.snapshot is not None and editor.snapshot.proposals == {TEXT: [pinned]}
    live = editor.interviews.narrative.live
    qtbot.waitUntil(lambda: bool(live.highlighter.spans), timeout=10_000)
    assert [(s.start, s.end, s.rule, s.status) for s in live.highlighter.spans] == [
        (0, 2, "pinned", "pending")
    ]


def test_the_export_check_counts_the_cached_proposals(qtbot: Any, open_worker: Any) -> None:
    from nkcase.gui.export import ops as export_ops
    from nkcase.services import keeplist

    pinned = Detection(0, 2, "org", "pinned")  # no finder proposes "We": only the cache does

    def op(vault: Vault) -> int:
        with vault.session() as s:
            case_id = editing.create_case(s, name="Han Chol Jin", language="en").id
        with vault.session() as s:
            iv = cases.find_case(s, str(case_id)).interviews[0].id
            editing.save_texts(s, case_id, {f"interview/{iv}/narrative": TEXT})
            store_proposals(s, TEXT, [pinned])
        return case_id

    case_id = call_on_worker(open_worker, qtbot, op)
    [check] = call_on_worker(open_worker, qtbot, export_ops.check_cases([case_id], "sr_slavery"))
    assert check.pending == 1

    def keep(vault: Vault) -> None:
        with vault.session() as s:
            keeplist.add(s, "we", "org")

    call_on_worker(open_worker, qtbot, keep)
    [check] = call_on_worker(open_worker, qtbot, export_ops.check_cases([case_id], "sr_slavery"))
    assert check.pending == 0


def test_after_a_save_the_editor_queues_the_finder_as_a_job_of_its_own(
    qtbot: Any, open_worker: Any
) -> None:
    from nkcase.redaction.store import cached_proposals

    def make(vault: Vault) -> int:
        with vault.session() as s:
            case_id = editing.create_case(s, name="Han Chol Jin", language="en").id
            return editing.add_indicator(s, case_id, "deception") and case_id

    case_id = call_on_worker(open_worker, qtbot, make)
    editor = CaseEditor(open_worker, case_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.snapshot is not None, timeout=10_000)
    indicator = editor.snapshot.case["indicators"][0]["id"]  # type: ignore[union-attr]
    narrative = f"interview/{editor.snapshot.case['interviews'][0]['id']}/narrative"  # type: ignore[union-attr]
    quote, typed = "My cousin Pak Yong Su kept the passports.", "We met Choe Myong Hui in Tynda."

    def cached(*texts: str) -> Any:
        def op(vault: Vault) -> bool:
            with vault.session() as s:
                return all(cached_proposals(s, t) is not None for t in texts)

        return op

    jobs: list[str] = []
    open_worker._thread.job_started.connect(  # which jobs ran, in order
        lambda job_id: jobs.append(getattr(open_worker._jobs.get(job_id), "fn", None).__qualname__)
    )
    with qtbot.waitSignal(
        open_worker.busy_changed, timeout=30_000, check_params_cb=lambda b: not b
    ):
        editor.edit(editing.set_indicator_evidence, indicator, quote)
    with qtbot.waitSignal(editor.autosave.saved, timeout=10_000):
        editor.autosave.text_changed(narrative, typed)
        editor.autosave.flush()
    qtbot.waitUntil(lambda: open_worker.pending == 0, timeout=30_000)
    assert call_on_worker(open_worker, qtbot, cached(quote, typed))
    # The save and the edit returned before the finder ran: it ran in jobs of its own.
    assert [j.split(".")[0] for j in jobs].count("propose") == 2, jobs
