"""The reviewer's blackout boxes: stored with the export choice, audited, cleared on exclude;
revision 0002 adds them to a 0001 vault holding data and steps down again without loss."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select, text

from nkcase.errors import ExportRefused, NkcaseError
from nkcase.services import cases
from nkcase.vault import attachment_images as images
from nkcase.vault import attachments as att
from nkcase.vault import engine as db
from nkcase.vault.models import AuditEntry
from tests.conftest import run_cli

CASE = Path(__file__).resolve().parent.parent / "data" / "one_case.json"


def _case_id(vault) -> int:
    (case_id, _pseudonym), *_ = cases.import_case_file(vault, CASE)
    return case_id


def _png(size=(40, 30), colour=(250, 250, 250)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def _actions(vault, action: str) -> list[dict]:
    with vault.session() as s:
        return [e.detail for e in s.scalars(select(AuditEntry).where(AuditEntry.action == action))]


def test_boxes_stored_audited_and_cleared(vault):
    case_id = _case_id(vault)
    info = att.add_attachment(vault, case_id, io.BytesIO(_png()), "photo.png")
    with vault.session() as s, pytest.raises(ExportRefused, match="not included"):
        att.set_blackout(s, info.id, [[0, 0, 5, 5]])
    with vault.session() as s:
        att.set_include_in_export(s, info.id, True, blackout=[(2, 3, 10, 4)])
    with vault.session() as s:
        assert att.get_attachment(s, info.id).blackout == ((2, 3, 10, 4),)
        att.set_include_in_export(s, info.id, True)  # None keeps the stored boxes
        assert att.get_attachment(s, info.id).blackout == ((2, 3, 10, 4),)
        att.set_blackout(s, info.id, [[0, 0, 1, 1], [5, 5, 2, 2]])
    assert _actions(vault, "attachment.blackout") == [
        {"attachment": info.id, "boxes": [[2, 3, 10, 4]]},
        {"attachment": info.id, "boxes": [[0, 0, 1, 1], [5, 5, 2, 2]]},
    ]
    with vault.session() as s:
        ((got, data),) = images.exportable_images(s, case_id)
        assert got.blackout == ((0, 0, 1, 1), (5, 5, 2, 2))
    img = Image.open(io.BytesIO(data))
    assert max(img.getpixel((6, 6))) < 40 and min(img.getpixel((20, 20))) > 200
    assert min(img.getpixel((8, 8))) > 200  # just outside the 2x2 box at (5, 5)
    with vault.session() as s:
        att.set_include_in_export(s, info.id, False)
    with vault.session() as s:
        assert att.get_attachment(s, info.id).blackout == ()
        assert images.exportable_images(s, case_id) == []
    assert _actions(vault, "attachment.blackout")[-1] == {"attachment": info.id, "boxes": []}


@pytest.mark.parametrize(
    "bad", [[[0, 0, 0, 5]], [[-1, 0, 5, 5]], [[1, 2, 3]], ["1,2,3,4"], [[True, 0, 1, 1]]]
)
def test_malformed_boxes_refused(vault, bad):
    case_id = _case_id(vault)
    info = att.add_attachment(vault, case_id, io.BytesIO(_png()), "photo.png")
    with vault.session() as s, pytest.raises(NkcaseError, match="X,Y,WIDTH,HEIGHT"):
        att.set_include_in_export(s, info.id, True, blackout=bad)
    with vault.session() as s:
        assert not att.get_attachment(s, info.id).include_in_export


def test_migration_0002_upgrades_a_0001_vault_with_data_and_back(vault):
    case_id = _case_id(vault)
    raw = _png((300, 200)) + b"\0" * (att.CHUNK_SIZE + 10)  # two chunks
    info = att.add_attachment(vault, case_id, io.BytesIO(raw), "scan.png")
    with vault.session() as s:
        att.set_include_in_export(s, info.id, True, blackout=[[1, 1, 2, 2]])
    db.downgrade(vault.engine, "0001")
    assert db.current_revision(vault.engine) == "0001"
    with vault.engine.connect() as conn:
        cols = [r[1] for r in conn.execute(text("PRAGMA table_info(attachments)"))]
        assert "blackout" not in cols
        # The chunks survived: no table copy cascaded into attachment_chunks.
        n = conn.execute(text("SELECT count(*) FROM attachment_chunks")).scalar()
        assert n == 2
        # A 0001 vault gains more data before the upgrade.
        conn.execute(
            text(
                "INSERT INTO attachments (case_id, filename, media_type, size, sha256, "
                "chunk_size, include_in_export, created_at) VALUES "
                "(:c, 'old.jpg', 'image/jpeg', 0, :h, 1, 1, '2026-01-01 00:00:00')"
            ),
            {"c": case_id, "h": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        )
        conn.commit()
    db.upgrade(vault.engine)  # through 0002 to the head (0003 adds the proposal cache)
    assert db.current_revision(vault.engine) == db.head_revision()
    with vault.session() as s:
        rows = att.list_attachments(s, case_id)
        assert [r.blackout for r in rows] == [(), ()]  # the old boxes went with the column
        assert [r.include_in_export for r in rows] == [True, True]
        assert att.read_bytes(s, info.id) == raw  # every chunk intact, hashes checked
        att.set_blackout(s, info.id, [[3, 3, 4, 4]])
    with vault.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT blackout FROM attachments WHERE id = :i"), {"i": info.id}
        )
        assert json.loads(stored.scalar()) == [[3, 3, 4, 4]]
    db.downgrade(vault.engine, "0001")
    db.upgrade(vault.engine)
    with vault.session() as s:
        assert att.read_bytes(s, info.id) == raw


def test_cli_include_with_boxes_and_exclude(vault, tmp_path):
    case_id = _case_id(vault)
    info = att.add_attachment(vault, case_id, io.BytesIO(_png()), "photo.png")
    folder = str(vault.folder)
    vault.close()
    base = ("attachment",)
    ok = run_cli(
        *base,
        "include",
        str(info.id),
        "--blackout",
        "1,2,3,4",
        "--blackout",
        "0,0,2,2",
        "--vault",
        folder,
        check=True,
    )
    assert "2 blackout boxes" in ok.stdout
    listed = run_cli("attachments", str(case_id), "--json", "--vault", folder, check=True)
    assert json.loads(listed.stdout)[0]["blackout"] == [[1, 2, 3, 4], [0, 0, 2, 2]]
    bad = run_cli(*base, "include", str(info.id), "--blackout", "1,2,x,4", "--vault", folder)
    assert bad.returncode != 0 and "X,Y,WIDTH,HEIGHT" in bad.stderr
    out = tmp_path / "d.jpg"
    run_cli(*base, "image", str(info.id), "--out", out, "--vault", folder, check=True)
    assert max(Image.open(out).getpixel((2, 3))) < 40  # the stored box was applied
    run_cli(*base, "exclude", str(info.id), "--vault", folder, check=True)
    listed = run_cli("attachments", str(case_id), "--json", "--vault", folder, check=True)
    row = json.loads(listed.stdout)[0]
    assert row["blackout"] == [] and row["include_in_export"] is False
