"""The editor's structured sections write through the worker into the real vault."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from nkcase.gui.editor import CaseEditor
from nkcase.services import editing
from tests.gui.editor.test_editor import _new_case, _open, _read


def _edited(qtbot: Any, editor: CaseEditor, action: Any) -> None:
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        action()


def test_deployment_form_with_wages_and_share_withheld(qtbot: Any, open_worker: Any) -> None:
    case_id = _new_case(open_worker, qtbot)
    editor = _open(qtbot, open_worker, case_id)
    section = editor.deployments
    editor.tabs.setCurrentWidget(section)
    assert not section.form_widget.isEnabled()
    _edited(qtbot, editor, lambda: editor.edit(editing.add_deployment, {}))
    assert section.form_widget.isEnabled()
    section.country.setCurrentIndex(section.country.findData("RUS"))
    section.sector.setCurrentIndex(section.sector.findData("construction"))
    section.lines["start"].setText("2016-05")
    section.lines["end"].setText("2019-02")
    section.promised.amount.setValue(2000)
    section.received.amount.setValue(160)
    assert section.withheld.text() == "92%"
    section.received.per.setCurrentIndex(section.received.per.findData("day"))
    assert "same currency and period" in section.withheld.text()
    section.received.per.setCurrentIndex(section.received.per.findData("month"))
    section.hours.setValue(16)
    _edited(qtbot, editor, section.save)
    dep = _read(open_worker, qtbot, case_id)["deployments"][0]
    assert (dep["country"], dep["sector"], dep["start"], dep["end"]) == (
        "RUS",
        "construction",
        "2016-05",
        "2019-02",
    )
    assert dep["wage_promised"] == {"amount": 2000, "currency": "USD", "per": "month"}
    assert dep["wage_received"]["amount"] == 160 and dep["hours_per_day"] == 16
    assert section.model.rows[0]["country"] == "RUS"

    # A bad date is refused with the field named; the vault keeps the good one.
    section.lines["end"].setText("sometime")
    with qtbot.waitSignal(editor.edit_failed, timeout=10_000) as failed:
        section.save()
    assert "deployment.end" in failed.args[0] and "sometime" not in failed.args[0]
    assert _read(open_worker, qtbot, case_id)["deployments"][0]["end"] == "2019-02"


def test_evidence_quote_picked_from_the_narrative(qtbot: Any, open_worker: Any) -> None:
    case_id = _new_case(open_worker, qtbot)
    editor = _open(qtbot, open_worker, case_id)
    edit = editor.interviews.narrative.edit
    qtbot.keyClicks(edit, "On the first day the minder kept our passports in his safe.")
    quote = "the minder kept our passports"
    start = edit.toPlainText().index(quote)
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(quote), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    _edited(
        qtbot, editor, lambda: editor.interviews.quote_selection("retention_of_identity_documents")
    )
    indicators = _read(open_worker, qtbot, case_id)["indicators"]
    assert [(i["code"], i["evidence"]) for i in indicators] == [
        ("retention_of_identity_documents", quote)
    ]
    section = editor.indicators
    codes = [
        section.checklist.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(section.checklist.count())
        if section.checklist.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert codes == ["retention_of_identity_documents"]
    assert section.quotes.count() == 1 and section.quotes.item(0).text() == quote
    # The narrative itself reached the vault too (autosave flushed before or after).
    with qtbot.waitSignal(editor.case_saved, timeout=10_000):
        editor.flush()
    assert _read(open_worker, qtbot, case_id)["interviews"][0]["narrative"].endswith("safe.")


def test_consent_gates_and_withdrawal(qtbot: Any, open_worker: Any) -> None:
    case_id = _new_case(open_worker, qtbot)
    editor = _open(qtbot, open_worker, case_id)
    section = editor.consent
    editor.tabs.setCurrentWidget(section)
    _edited(qtbot, editor, section.g0.click)
    _edited(qtbot, editor, section.targets["ohchr_seoul"].click)
    consent = _read(open_worker, qtbot, case_id)["consent"]
    assert consent["interview"] is True and consent["share_with"] == ["ohchr_seoul"]
    # Answer the confirmation dialog "yes" (a modal box would wait for a person).
    section._confirm = lambda *_a: True  # type: ignore[method-assign]
    section.withdraw_date.setText("2026-11-20")
    _edited(qtbot, editor, section.withdraw_button.click)
    assert _read(open_worker, qtbot, case_id)["consent"]["withdrawn_on"] == "2026-11-20"
    assert "never be exported" in section.withdrawn_label.text()
    assert not section.withdraw_button.isEnabled()


def test_identity_is_sealed_until_revealed(qtbot: Any, open_worker: Any) -> None:
    case_id = _new_case(open_worker, qtbot)
    editor = _open(qtbot, open_worker, case_id)
    section = editor.identity
    editor.tabs.setCurrentWidget(section)
    assert not section.revealed and not section.fields["name"].isVisible()
    section.reveal_button.click()
    assert section.revealed and section.fields["name"].isVisible()
    assert section.fields["name"].text() == "Han Chol Jin"
    section.fields["home_province"].setText("North Hamgyong")
    _edited(qtbot, editor, lambda: section._save("home_province"))
    assert _read(open_worker, qtbot, case_id)["interviewee"]["home_province"] == "North Hamgyong"
    section.fields["birth_date"].setText("spring 1970")
    with qtbot.waitSignal(editor.edit_failed, timeout=10_000) as failed:
        section._save("birth_date")
    assert "birth_date" in failed.args[0] and "spring" not in failed.args[0]
    section.seal()
    assert not section.fields["name"].isVisible()


def test_add_term_registers_nothing_until_typed_and_shows_category_labels(
    qtbot: Any, open_worker: Any
) -> None:
    case_id = _new_case(open_worker, qtbot)
    editor = _open(qtbot, open_worker, case_id)
    people = editor.people
    before = len(_read(open_worker, qtbot, case_id).get("sensitive_terms") or [])
    dialog = people._add_term()
    qtbot.wait(300)  # nothing reaches the vault while the user has typed nothing
    assert len(_read(open_worker, qtbot, case_id).get("sensitive_terms") or []) == before
    dialog.reject()
    people._add_term().textValueSelected.emit("   ")  # blank: still nothing
    qtbot.wait(300)
    assert len(_read(open_worker, qtbot, case_id).get("sensitive_terms") or []) == before
    dialog = people._add_term()
    dialog.setTextValue("Ryongsong Unit 7")
    _edited(qtbot, editor, dialog.accept)
    terms = _read(open_worker, qtbot, case_id)["sensitive_terms"]
    assert [t["text"] for t in terms][before:] == ["Ryongsong Unit 7"]
    assert not any(t["text"] in ("new term", "새 용어") for t in terms)
    _edited(qtbot, editor, lambda: editor.edit(editing.update_term, terms[-1]["id"],
                                               {"category": "work_unit"}))  # fmt: skip
    row = people.terms.rowCount() - 1
    assert people.terms.index(row, 2).data() == "work unit"  # the label, not the code


def test_header_names_the_country_not_its_code(qtbot: Any, open_worker: Any) -> None:
    case_id = _new_case(open_worker, qtbot)
    editor = _open(qtbot, open_worker, case_id)
    _edited(qtbot, editor, lambda: editor.edit(editing.add_deployment, {"country": "CHN"}))
    assert "China" in editor.summary_label.text() and "CHN" not in editor.summary_label.text()
