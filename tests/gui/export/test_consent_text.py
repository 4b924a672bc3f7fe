"""The export dialog's consent refusal: translated, and the target named, not coded."""

from __future__ import annotations

from typing import Any

import pytest

from nkcase.domain import vocab
from nkcase.gui.export import ExportDialog
from nkcase.gui.i18n import install_language


def _checked(qtbot: Any, worker: Any) -> ExportDialog:
    with qtbot.waitSignal(worker.busy_changed, timeout=10_000, check_params_cb=lambda b: not b):
        dialog = ExportDialog(worker, [1])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.cases_checked, timeout=10_000):
        dialog.target.setCurrentIndex(dialog.target.findData("sanctions"))
    return dialog


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_consent_refusal_names_the_target_in_the_interface_language(
    qtbot: Any, seeded_worker: Any, qapp: Any, lang: str
) -> None:
    install_language(qapp, lang)
    dialog = _checked(qtbot, seeded_worker)
    assert dialog.checks[0].blocked  # the seed case has no G2 consent for sanctions bodies
    shown = dialog.model.rows[0]["consent"]
    assert "G2" in shown and "target sanctions " not in shown and " sanctions에" not in shown
    assert vocab.targets()["sanctions"].label(lang) in shown
    if lang == "ko":
        assert "동의 항목 G2" in shown and "consent gate" not in shown
        assert "동의 항목 G2" in dialog.summary.text()
