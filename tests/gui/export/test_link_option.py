"""The export dialog's 'Link to other packets' box: off by default (per-packet pseudonyms), on
keeps the stable pseudonym (recorded), and never for a packet carrying an identity to OHCHR."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nkcase.gui.export import ExportDialog
from nkcase.packets import layout
from nkcase.packets.verify import verify_packet
from nkcase.services import cases, editing, exports
from nkcase.vault.vault import Vault
from tests.gui.conftest import call_on_worker
from tests.packets.conftest import review_all

G3_SEED_CASE = 6  # seeds/06-qat-construction-doha.json: G3, ohchr_seoul and sr_slavery


def _prepare(vault: Vault) -> str:
    with vault.session() as session:
        case = cases.find_case(session, str(G3_SEED_CASE))
        assert case.consent.identity_to_ohchr and "sr_slavery" in case.consent.share_with
        for dep in case.deployments:  # a region naming a registered town is another test's
            editing.update_deployment(session, case.id, dep.id, {"region": None})
        ref = case.pseudonym
    review_all(vault, ref)
    return ref


def _build(qtbot: Any, dialog: ExportDialog, target: str, link: bool) -> list[str]:
    failures: list[str] = []
    dialog.export_failed.connect(failures.append)
    if dialog.target.currentData() != target:
        with qtbot.waitSignal(dialog.cases_checked, timeout=20_000):
            dialog.target.setCurrentIndex(dialog.target.findData(target))
    dialog.link.setChecked(link)
    assert dialog.build_button.isEnabled()
    dialog.build_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None or bool(failures), timeout=60_000)
    return failures


def test_link_box(qtbot: Any, seeded_worker: Any, tmp_path: Path) -> None:
    ref = call_on_worker(seeded_worker, qtbot, _prepare, timeout=60_000)
    with qtbot.waitSignal(
        seeded_worker.busy_changed, timeout=10_000, check_params_cb=lambda b: not b
    ):
        dialog = ExportDialog(seeded_worker, [G3_SEED_CASE])
    qtbot.addWidget(dialog)
    assert not dialog.link.isChecked() and dialog.link.text().startswith("Link to other packets")

    # Off (the default): the OHCHR packet with the identity names the case its own way.
    assert _build(qtbot, dialog, "ohchr_seoul", link=False) == []
    assert dialog.preview is not None and not dialog.preview.linked
    manifest = json.loads(dialog.preview.built.files[layout.MANIFEST])
    assert manifest["cases"] == [dialog.preview.built.pseudonyms[ref]] != [ref]
    assert b"confidential_identity" in dialog.preview.built.files[layout.SUBMISSION_JSON]

    # On, for that packet: refused, with the reason.
    failures = _build(qtbot, dialog, "ohchr_seoul", link=True)
    assert dialog.preview is None and failures and "identity for OHCHR" in failures[0]

    # On, for another target: the stable pseudonym, saved, verified and recorded as linked.
    assert _build(qtbot, dialog, "sr_slavery", link=True) == []
    assert dialog.preview is not None and dialog.preview.linked
    out = tmp_path / "linked.zip"
    with qtbot.waitSignal(dialog.packet_saved, timeout=30_000):
        dialog.save_to(out)
    manifest = json.loads(verify_packet(out).files[layout.MANIFEST])
    assert manifest["cases"] == [ref] and manifest["pseudonyms"] == "linked"

    def records(vault: Vault) -> list[exports.PacketRecord]:
        with vault.session() as session:
            return exports.packet_records(session)

    [record] = call_on_worker(seeded_worker, qtbot, records)
    assert (record.packet_id, record.linked) == (manifest["packet_id"], True)
