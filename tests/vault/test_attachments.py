"""Attachments: chunked, checked on read, bounded memory (derivatives: test_attachment_images)."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from nkcase.errors import AttachmentDamaged, CaseNotFound
from nkcase.vault import attachments as att
from nkcase.vault.models import Attachment

CANARY = b"CANARY-ATTACHMENT-7f3e91"


def _case_id(vault) -> int:
    from nkcase.services import cases

    (case_id, _pseudonym), *_ = cases.import_case_file(
        vault, Path(__file__).resolve().parent.parent / "data" / "one_case.json"
    )
    return case_id


@pytest.mark.parametrize(
    "size", [0, 1, att.CHUNK_SIZE - 1, att.CHUNK_SIZE, att.CHUNK_SIZE + 1, 3 * att.CHUNK_SIZE + 7]
)
def test_round_trip_any_size(vault, size, monkeypatch):
    monkeypatch.setattr(att, "BATCH_CHUNKS", 2)  # several commits even for small files
    case_id = _case_id(vault)
    data = os.urandom(size)
    seen = []
    info = att.add_attachment(
        vault,
        case_id,
        io.BytesIO(data),
        "rec.m4a",
        total=size,
        progress=lambda d, t: seen.append(d),
    )
    assert info.size == size and info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.media_type == "audio/mp4"
    assert seen and seen[-1] == size
    with vault.session() as s:
        assert b"".join(att.iter_chunks(s, info.id)) == data
        assert [a.id for a in att.list_attachments(s, case_id)] == [info.id]


def test_unknown_case_or_foreign_interview_refused(vault):
    case_id = _case_id(vault)
    with pytest.raises(CaseNotFound):
        att.add_attachment(vault, 999, io.BytesIO(b"x"), "a.bin")
    with pytest.raises(CaseNotFound):
        att.add_attachment(vault, case_id, io.BytesIO(b"x"), "a.bin", interview_id=999)
    with vault.session() as s:
        assert s.scalar(text("SELECT count(*) FROM attachments")) == 0


class _Failing(io.RawIOBase):
    def __init__(self, fail_after: int) -> None:
        self.left = fail_after

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self.left <= 0:
            raise OSError("device vanished")
        n = min(len(b), self.left)
        b[:n] = b"\x01" * n
        self.left -= n
        return n


def test_failure_midway_leaves_nothing(vault, monkeypatch):
    monkeypatch.setattr(att, "BATCH_CHUNKS", 1)
    case_id = _case_id(vault)
    with pytest.raises(OSError):
        att.add_attachment(vault, case_id, _Failing(3 * att.CHUNK_SIZE + 5), "a.bin")
    with vault.session() as s:
        assert s.scalar(text("SELECT count(*) FROM attachments")) == 0
        assert s.scalar(text("SELECT count(*) FROM attachment_chunks")) == 0


def test_half_written_attachment_is_purged(vault):
    case_id = _case_id(vault)
    with vault.session() as s:  # what a kill -9 during add_attachment leaves
        s.add(
            Attachment(
                case_id=case_id,
                filename="x",
                media_type="x/y",
                size=0,
                sha256=att.PENDING,
                chunk_size=att.CHUNK_SIZE,
            )
        )
    with vault.session() as s:
        assert att.list_attachments(s) == []
        assert att.purge_incomplete(s) == 1
    with vault.session() as s:
        assert s.scalar(text("SELECT count(*) FROM attachments")) == 0


# Changes the first hex digit whatever it was: a fixed prefix would be a no-op 1 time in 256.
WRONG_FILE_HASH = (
    "UPDATE attachments SET sha256 = "
    "(CASE WHEN substr(sha256, 1, 1) = '0' THEN '1' ELSE '0' END) || substr(sha256, 2)"
)


@pytest.mark.parametrize(
    "damage",
    [
        # Each change below alters the stored value whatever it was (no 1-in-256 no-op).
        "UPDATE attachment_chunks SET data = CAST("
        "(CASE WHEN substr(data, 1, 1) = X'00' THEN X'01' ELSE X'00' END) || substr(data, 2) "
        "AS BLOB) WHERE seq = 1",
        "UPDATE attachment_chunks SET data = X'C3' WHERE seq = 1",
        "DELETE FROM attachment_chunks WHERE seq = 2",
        "UPDATE attachment_chunks SET seq = 9 WHERE seq = 2",
        "INSERT INTO attachment_chunks VALUES (1, 3, X'00', "
        "'6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d')",
        WRONG_FILE_HASH,
        "UPDATE attachment_chunks SET data = X'00', "
        "sha256 = '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d' WHERE seq=0",
    ],
)
def test_damage_detected_on_read(vault, damage, monkeypatch):
    monkeypatch.setattr(att, "CHUNK_SIZE", 1000)
    case_id = _case_id(vault)
    info = att.add_attachment(vault, case_id, io.BytesIO(os.urandom(2500)), "a.bin")
    with vault.session() as s:
        s.execute(text(damage))
    with vault.session() as s, pytest.raises(AttachmentDamaged, match="damaged"):
        b"".join(att.iter_chunks(s, info.id))


def test_save_to_keeps_nothing_when_damaged(vault, tmp_path):
    case_id = _case_id(vault)
    info = att.add_attachment(vault, case_id, io.BytesIO(b"abc" * 1000), "a.bin")
    out = tmp_path / "out.bin"
    with vault.session() as s:
        assert att.save_to(s, info.id, out) == 3000
    assert out.read_bytes() == b"abc" * 1000
    assert (out.stat().st_mode & 0o777) == 0o600
    with vault.session() as s:
        s.execute(text(WRONG_FILE_HASH))
    out.unlink()
    with vault.session() as s, pytest.raises(AttachmentDamaged):
        att.save_to(s, info.id, out)
    assert not out.exists() and list(tmp_path.glob(".out.bin.*")) == []


def test_attachment_plaintext_never_on_disk(vault):
    case_id = _case_id(vault)
    att.add_attachment(vault, case_id, io.BytesIO(CANARY * 50_000), "a.bin")
    with vault.session() as s:
        assert CANARY in att.read_bytes(s, 1)
    for path in vault.folder.iterdir():
        assert CANARY not in path.read_bytes(), path.name


def test_audit_entries_hold_no_file_names(vault):
    case_id = _case_id(vault)
    info = att.add_attachment(vault, case_id, io.BytesIO(b"x"), "Kim Myong Chol interview.m4a")
    with vault.session() as s:
        details = [str(r[0]) for r in s.execute(text("SELECT detail FROM audit_log"))]
        att.remove_attachment(s, info.id)
    assert not any("Kim" in d for d in details)
    assert any(info.sha256 in d for d in details)


_RSS_SCRIPT = textwrap.dedent(
    """
    import io, resource, sys
    from pathlib import Path
    from nkcase.services import vaults
    from nkcase.vault import attachments as att
    from nkcase.vault.keyslots import TEST_KDF

    class Generated(io.RawIOBase):  # a recording that is never whole in memory
        def __init__(self, n): self.left = n; self.block = bytes(range(256)) * 4096
        def readable(self): return True
        def readinto(self, b):
            n = min(len(b), self.left, len(self.block))
            b[:n] = self.block[:n]; self.left -= n
            return n

    size = int(sys.argv[2])
    v, _ = vaults.create_vault(Path(sys.argv[1]), "Org", "plum-vortex-harbor-quietly-81",
                               kdf=TEST_KDF)
    with v.session() as s:
        from nkcase.vault.models import Case
        s.add(Case(pseudonym="W-TEST")); s.flush()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    info = att.add_attachment(v, 1, io.BufferedReader(Generated(size)), "big.wav")
    with v.session() as s:
        n = sum(len(c) for c in att.iter_chunks(s, info.id))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(before // 1024, after // 1024, n)
    """
)


def peak_rss_mib(folder: Path, size: int) -> tuple[int, int, int]:
    proc = subprocess.run(
        [sys.executable, "-c", _RSS_SCRIPT, str(folder), str(size)],
        capture_output=True,
        text=True,
        check=True,
        timeout=1200,
    )
    before, after, n = (int(x) for x in proc.stdout.split())
    return before, after, n


def test_memory_stays_bounded_for_a_large_stream(tmp_path):
    size = 96 << 20
    before, after, n = peak_rss_mib(tmp_path / "v", size)
    assert n == size
    assert after - before < 80, (before, after)  # chunks and one batch, not the file


@pytest.mark.slow
def test_one_gigabyte_recording(tmp_path, request):
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("long run (about 20 s): select it with -m slow")
    size = 1 << 30
    before, after, n = peak_rss_mib(tmp_path / "v", size)
    assert n == size
    # Bounded by configuration, not by the file: SQLite page caches (64 MiB per pooled
    # connection) plus one 32 MiB batch. Measured: about +185 MiB for 1 GiB.
    assert after - before < 256, (before, after)
