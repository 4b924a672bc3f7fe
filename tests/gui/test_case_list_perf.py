"""First page and scrolling of the case list.

The quick test runs on the seeds vault. The 10,000-case measurement needs a prebuilt vault
(building one takes minutes): make one with the real import path, e.g.

    python - <<'PY'   # 10,000 generated cases (bench/generate.py), passphrase of tests/conftest.py
    ...
    PY
    NKCASE_PERF_VAULT=/tmp/v10k pytest -m slow tests/gui/test_case_list_perf.py -s

and it prints the figures as JSON.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from nkcase.gui.case_model import PAGE_SIZE
from nkcase.vault.vault import Vault
from tests.gui.conftest import unlock_window

FIRST_PAGE_BUDGET_MS = 150.0


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def test_first_page_is_fast_on_the_seeds_vault(
    make_window: Any, qtbot: Any, seeded_vault: Vault
) -> None:
    window = make_window(seeded_vault.folder)
    ms = unlock_window(window, qtbot)
    assert window.case_list.model.rowCount() > 0
    assert ms < FIRST_PAGE_BUDGET_MS


def _scroll_everywhere(window: Any, qtbot: Any) -> dict[str, float]:
    """Jump the scroll bar through the list; time the GUI thread and the page arrivals."""
    view, model = window.case_list.view, window.case_list.model
    bar = view.verticalScrollBar()
    app = QApplication.instance()
    assert app is not None
    gui_ms: list[float] = []
    fill_ms: list[float] = []
    step = max(1, bar.maximum() // 60)
    for value in range(0, bar.maximum() + 1, step):
        started = time.perf_counter()
        bar.setValue(value)
        view.viewport().repaint()  # paint now: the rows in view ask for their page
        gui_ms.append((time.perf_counter() - started) * 1000)
        top = view.rowAt(0)
        qtbot.waitUntil(lambda top=top: model.case_id(max(top, 0)) is not None, timeout=5_000)
        fill_ms.append((time.perf_counter() - started) * 1000)
    return {
        "scroll_steps": len(gui_ms),
        "gui_thread_ms_per_step_max": round(max(gui_ms), 1),
        "gui_thread_ms_per_step_median": round(statistics.median(gui_ms), 1),
        "rows_filled_ms_median": round(statistics.median(fill_ms), 1),
        "rows_filled_ms_max": round(max(fill_ms), 1),
    }


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("NKCASE_PERF_VAULT"), reason="set NKCASE_PERF_VAULT")
def test_ten_thousand_cases(make_window: Any, qtbot: Any) -> None:
    folder = Path(os.environ["NKCASE_PERF_VAULT"])
    rss_before = _peak_rss_mib()
    window = make_window(folder)
    window.resize(1280, 800)
    ms = unlock_window(window, qtbot)
    count = window.case_list.model.rowCount()
    first_paint_started = time.perf_counter()
    window.case_list.view.viewport().repaint()
    paint_ms = (time.perf_counter() - first_paint_started) * 1000
    scrolling = _scroll_everywhere(window, qtbot)
    with qtbot.waitSignal(window.case_list.model.first_page_loaded, timeout=10_000) as sorted_:
        window.case_list._header_clicked(0)
    with qtbot.waitSignal(window.case_list.model.first_page_loaded, timeout=10_000) as searched:
        window.case_list.search_box.setText("passport")
    figures = {
        "cases": count,
        "page_size": PAGE_SIZE,
        "first_page_ms_after_unlock": round(ms, 1),
        "first_paint_ms": round(paint_ms, 1),
        **scrolling,
        "resort_ms": round(float(sorted_.args[0]), 1),
        "search_passport_ms": round(float(searched.args[0]), 1),
        "search_hits": window.case_list.model.rowCount(),
        "peak_rss_mib_before_window": round(rss_before, 1),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }
    print(json.dumps(figures, indent=1))
    assert count >= 10_000
    assert ms < FIRST_PAGE_BUDGET_MS
