"""Review every suggestion, then export a packet through the dialog and verify it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nkcase.gui.editor import ops as editor_ops
from nkcase.gui.export import ExportDialog
from nkcase.gui.review import RedactionReview
from nkcase.packets.verify import verify_packet
from nkcase.redaction.store import load_decisions
from nkcase.vault.vault import Vault
from tests.gui.conftest import call_on_worker

# Identifiers the pattern detectors certainly propose, whatever the name suggester makes of
# the seed prose: the review has suggestions to settle without depending on it.
PHONE, DOB = "010-4417-2093", "14 March 1962"
PLANTED = f" He still calls his sister on {PHONE}; she was born on {DOB}."


def _plant_identifiers(qtbot: Any, worker: Any, case_id: int) -> str:
    """Append a phone number and a date of birth to the case's first narrative (autosave path)."""
    snap = call_on_worker(worker, qtbot, editor_ops.load(case_id))
    interview = snap.case["interviews"][0]
    key = f"interview/{interview['id']}/narrative"
    text = (interview["narrative"] or "") + PLANTED
    assert call_on_worker(worker, qtbot, editor_ops.save_texts(case_id, {key: text})) == [key]
    return key


def _review(qtbot: Any, worker: Any, case_id: int) -> RedactionReview:
    review = RedactionReview(worker, case_id)
    qtbot.addWidget(review)
    review.resize(1100, 700)
    with qtbot.waitSignal(review.pending_changed, timeout=10_000):
        review.show()
    return review


def _dialog(qtbot: Any, worker: Any, case_ids: list[int]) -> ExportDialog:
    with qtbot.waitSignal(worker.busy_changed, timeout=10_000, check_params_cb=lambda b: not b):
        dialog = ExportDialog(worker, case_ids)
    qtbot.addWidget(dialog)
    return dialog


def test_review_then_export_and_verify(qtbot: Any, seeded_worker: Any, tmp_path: Path) -> None:
    key = _plant_identifiers(qtbot, seeded_worker, 1)
    review = _review(qtbot, seeded_worker, 1)
    start = review.pending_count
    assert review.state is not None
    planted = {(k, s.text, s.category) for k, s in review.state.pending}
    assert {(key, PHONE, "phone"), (key, DOB, "dob")} <= planted
    assert start >= 2
    assert not review.export_button.isEnabled()
    assert "to review" in review.export_button.text()
    assert f"{start} of" in review.counter.text()
    # Every suggestion shows where it is, its category and its source.
    row = review.model.rows[0]
    assert row["field"] and row["category"] and row["source"]

    # Accept all occurrences of the first, then decide the rest one by one.
    item = review.current()
    if item is None or item[1].status != "pending":
        review.next_pending()
    accepted = review.current()
    assert accepted is not None and accepted[1].status == "pending"
    made = 1
    with qtbot.waitSignal(review.pending_changed, timeout=10_000) as blocker:
        review.decide("accept", "all")
    assert blocker.args[0] < start
    # The side-by-side view shows the accepted token in the redacted text.
    while review.pending_count > 0:
        _, current = review.current()  # type: ignore[misc]
        assert current.status == "pending"  # "next" jumped to an unreviewed one
        before = review.pending_count
        with qtbot.waitSignal(review.pending_changed, timeout=10_000) as blocker:
            review.decide("reject", "span")
        made += 1
        assert blocker.args[0] == before - 1
    assert "All" in review.counter.text()
    assert review.export_button.isEnabled()

    # Decisions are in the vault: the exporter reads them the same way.
    def stored(vault: Vault) -> int:
        with vault.session() as s:
            return len(load_decisions(s, 1))

    assert call_on_worker(seeded_worker, qtbot, stored) == made
    with qtbot.waitSignal(review.export_requested) as requested:
        review.export_button.click()
    assert requested.args[0] == [1]

    dialog = _dialog(qtbot, seeded_worker, requested.args[0])
    with qtbot.waitSignal(dialog.cases_checked, timeout=10_000) as checked:
        dialog.target.setCurrentIndex(dialog.target.findData("sanctions"))
    (check,) = checked.args[0]
    assert check.blocked and "G2" in check.blocked
    assert not dialog.build_button.isEnabled()
    assert "G2" in dialog.model.rows[0]["consent"]

    with qtbot.waitSignal(dialog.cases_checked, timeout=10_000) as checked:
        dialog.target.setCurrentIndex(dialog.target.findData("sr_slavery"))
    assert checked.args[0][0].ok and dialog.build_button.isEnabled()
    failures: list[str] = []
    dialog.export_failed.connect(failures.append)
    dialog.build_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None or bool(failures), timeout=60_000)
    assert not failures
    preview = dialog.preview
    assert preview is not None
    assert "Leak check passed" in dialog.leak_label.text()
    qtbot.waitUntil(lambda: dialog.page_count > 0, timeout=30_000)
    assert [p.name for p in tmp_path.iterdir()] == ["vault"]  # nothing written before saving

    out = tmp_path / "packet.zip"
    with qtbot.waitSignal(dialog.packet_saved, timeout=30_000):
        dialog.save_to(out)
    verified = verify_packet(out)
    assert verified.fingerprint == preview.built.fingerprint
    assert verified.target == "sr_slavery"
    assert verified.files["submission.pdf"] == preview.pdf  # what was previewed is what was saved
    # The accepted suggestion is redacted in the narratives; a rejected one is kept as written.
    narratives = b"".join(v for n, v in verified.files.items() if n.startswith("narratives/"))
    assert accepted[1].text.encode() not in narratives
    # (A rejected date of birth is still a day-precise date: it goes out coarsened to the month.)
    kept = PHONE if accepted[1].text == DOB else "March 1962"
    assert kept.encode() in narratives and DOB.encode() not in narratives
