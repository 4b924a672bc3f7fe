"""Render the review screen to docs/screenshots/review-pending{,-ko}.png and the keep list
dialog to review-keep-list{,-ko}.png (offscreen, a throw-away vault made from seeds/).

    python -m tests.gui.review.screenshots [--lang ko]

The case shown is the seed case with the most proposals (found by the real finder at import);
two groups are decided first (one redacted, one public name kept) so every state shows.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.umask(0o077)

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "docs" / "screenshots"
PASSPHRASE = "plum-vortex-harbor-81"


def _wait(done: Callable[[], bool], timeout_s: float = 120) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout_s
    while not done():
        QApplication.processEvents()
        time.sleep(0.01)
        if time.monotonic() > end:
            raise TimeoutError("screen did not settle")
    for _ in range(5):
        QApplication.processEvents()


def _busiest_case(vault: object) -> int:
    from nkcase.redaction import api as redaction
    from nkcase.redaction.store import ProposalCache, load_decisions
    from nkcase.services import cases
    from nkcase.vault.models import Case

    best, best_n = 1, -1
    with vault.session() as s:  # type: ignore[attr-defined]
        for case in s.query(Case).order_by(Case.id):
            data = cases.case_to_dict(case, identity=True)
            result = redaction.redact_case(data, load_decisions(s, case.id), None,
                                           ProposalCache(s))  # fmt: skip
            groups = {(s_.text.casefold(), s_.category) for _k, s_ in result.pending}
            if len(groups) > best_n:
                best, best_n = case.id, len(groups)
    return best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from nkcase.gui.i18n import install_language, load_fonts
    from nkcase.gui.review import RedactionReview
    from nkcase.gui.review.keep_list import KeepListDialog
    from nkcase.gui.worker import DbWorker
    from nkcase.services import cases, keeplist, vaults
    from nkcase.vault.keyslots import TEST_KDF

    app = QApplication(sys.argv[:1])
    load_fonts(app)
    install_language(app, args.lang)
    suffix = "" if args.lang == "en" else f"-{args.lang}"
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = vaults.create_vault(Path(tmp) / "v", "Demo Centre", PASSPHRASE, TEST_KDF)
        for path in sorted((ROOT / "seeds").glob("*.json")):
            cases.import_case_file(vault, path)  # the finder's proposals cached at import
        case_id = _busiest_case(vault)
        with vault.session() as s:
            keeplist.add(s, "Amur Oblast", "place", actor="reviewer")
            keeplist.add(s, "Kim Jong Un", "public", actor="reviewer")
        folder = vault.folder
        vault.close()
        worker = DbWorker()
        worker.start()
        opened: list[object] = []
        worker.open_vault(lambda: vaults.open_vault(folder, passphrase=PASSPHRASE),
                          on_success=opened.append)  # fmt: skip
        _wait(lambda: bool(opened))

        review = RedactionReview(worker, case_id)
        review.resize(1280, 820)
        review.show()
        _wait(lambda: review.state is not None and worker.pending == 0)
        for verdict in ("accept", "keep"):
            before = review.pending_count
            review.next_pending()
            if verdict == "keep":
                review.keep_group()
            else:
                review.decide("accept", "all")
            _wait(lambda b=before: review.pending_count < b and worker.pending == 0)  # type: ignore[misc]
        review.next_pending()
        _wait(lambda: worker.pending == 0)
        review.grab().save(str(OUT / f"review-pending{suffix}.png"))
        print(OUT / f"review-pending{suffix}.png")

        dialog = KeepListDialog(worker)
        dialog.show()
        _wait(lambda: worker.pending == 0 and dialog.model.rowCount() > 0)
        dialog.grab().save(str(OUT / f"review-keep-list{suffix}.png"))
        print(OUT / f"review-keep-list{suffix}.png")
        dialog.close()
        review.close()
        worker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
