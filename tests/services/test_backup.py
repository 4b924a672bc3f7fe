"""Backup and restore: one authenticated file, consistent while in use, checked before writing."""

from __future__ import annotations

import io
import json
import os
import struct
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from nkcase.errors import (
    BackupDamaged,
    NkcaseError,
    UnsupportedFormat,
    VaultExists,
    WrongPassphrase,
    WrongRecoveryKey,
)
from nkcase.services import backup, cases, vaults
from nkcase.vault import attachments as att
from nkcase.vault.keyslots import TEST_KDF
from nkcase.vault.models import AuditEntry
from tests.conftest import ORGANISATION, PASSPHRASE

CANARY = b"CANARY-BACKUP-51c2"


def _everything(vault) -> list[dict]:
    with vault.session() as s:
        return [cases.case_to_dict(cases.find_case(s, str(r.id))) for r in cases.list_cases(s)]


@pytest.fixture
def backed_up(seeded_vault, tmp_path):
    att.add_attachment(seeded_vault, 1, io.BytesIO(CANARY * 40_000), "rec.m4a")
    out = tmp_path / "vault.nkbak"
    info = backup.write_backup(seeded_vault, out)
    return seeded_vault, out, info


def test_round_trip_with_passphrase(backed_up, tmp_path):
    vault, out, info = backed_up
    assert info.size == out.stat().st_size and (out.stat().st_mode & 0o777) == 0o600
    assert CANARY not in out.read_bytes()
    restored = backup.restore_backup(out, tmp_path / "restored", passphrase=PASSPHRASE)
    assert restored.cases == len(_everything(vault))
    with vaults.open_vault(tmp_path / "restored", PASSPHRASE) as copy:
        assert _everything(copy) == _everything(vault)
        assert vaults.check_vault(copy).ok
        with copy.session() as s:
            assert att.read_bytes(s, 1) == CANARY * 40_000
            # The restore is on record, at the end of a chain that still verifies.
            last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
            assert last is not None and last.action == "vault.restored"
            assert last.detail == {"backup_created": info.created, "cases": restored.cases}
        with vault.session() as s:  # the original is untouched
            assert "vault.restored" not in s.scalars(select(AuditEntry.action)).all()
    assert sorted(p.name for p in (tmp_path / "restored").iterdir()) == ["keys.json", "vault.db"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_restore_with_recovery_key(tmp_path):
    vault, recovery = vaults.create_vault(tmp_path / "v", ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    with vault:
        backup.write_backup(vault, tmp_path / "b")
    with pytest.raises(WrongRecoveryKey):
        backup.restore_backup(tmp_path / "b", tmp_path / "r", recovery_key="0000-1111")
    backup.restore_backup(tmp_path / "b", tmp_path / "r", recovery_key=recovery.lower())
    vaults.open_vault(tmp_path / "r", PASSPHRASE).close()


def test_wrong_passphrase_writes_nothing(backed_up, tmp_path):
    _vault, out, _info = backed_up
    with pytest.raises(WrongPassphrase):
        backup.restore_backup(out, tmp_path / "r", passphrase="not-the-passphrase-at-all")
    assert not (tmp_path / "r").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault", "vault.nkbak"]


def test_refuses_to_overwrite_unless_forced(backed_up, tmp_path):
    vault, out, _info = backed_up
    other, _ = vaults.create_vault(tmp_path / "other", "Other org", PASSPHRASE, kdf=TEST_KDF)
    other.close()
    before = {p.name: p.read_bytes() for p in (tmp_path / "other").iterdir()}
    with pytest.raises(VaultExists, match="--force"):
        backup.restore_backup(out, tmp_path / "other", passphrase=PASSPHRASE)
    assert {p.name: p.read_bytes() for p in (tmp_path / "other").iterdir()} == before
    backup.restore_backup(out, tmp_path / "other", passphrase=PASSPHRASE, force=True)
    with vaults.open_vault(tmp_path / "other", PASSPHRASE) as copy:
        assert _everything(copy) == _everything(vault)


def test_snapshot_is_consistent_while_another_connection_writes(seeded_vault, tmp_path):
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        i = 0
        while not stop.is_set():
            with seeded_vault.session() as s:  # each commit adds an audit entry and a meta row
                vaults.set_meta(s, f"w{i}", os.urandom(2000))
                from nkcase.services import audit

                audit.record(s, "test.write", detail={"i": i})
            written.append(i)
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for n in range(3):
            backup.write_backup(seeded_vault, tmp_path / f"b{n}")
    finally:
        stop.set()
        thread.join()
    assert len(written) > 3
    for n in range(3):
        folder = tmp_path / f"r{n}"
        backup.restore_backup(tmp_path / f"b{n}", folder, passphrase=PASSPHRASE)
        with vaults.open_vault(folder, PASSPHRASE) as copy:
            report = vaults.check_vault(copy)
            assert report.ok, report.problems
            with copy.session() as s:
                metas = s.scalar(text("SELECT count(*) FROM meta WHERE key LIKE 'w%'"))
                audits = s.scalar(text("SELECT count(*) FROM audit_log WHERE action='test.write'"))
            assert metas == audits  # no commit torn in half


def _expect_refused(out: Path, target: Path) -> NkcaseError:
    with pytest.raises(NkcaseError) as info:
        backup.restore_backup(out, target, passphrase=PASSPHRASE)
    assert not target.exists()
    assert not [p for p in target.parent.iterdir() if ".restore-" in p.name]
    return info.value


def test_every_byte_flip_is_detected(backed_up, tmp_path):
    _vault, out, _info = backed_up
    raw = out.read_bytes()
    (header_len,) = struct.unpack(">I", raw[14:18])
    # Magic, header length, the header (key file included), record framing, record bodies,
    # the final record and its tag: spread over the whole file, denser at the structure.
    positions = sorted(
        {*range(0, 18), *range(18, 18 + header_len, max(1, header_len // 40))}
        | {*range(18 + header_len, len(raw), max(1, len(raw) // 60))}
        | {*range(len(raw) - 40, len(raw))}
    )
    bad = tmp_path / "bad.nkbak"
    for pos in positions:
        flipped = bytearray(raw)
        flipped[pos] ^= 0x20
        bad.write_bytes(bytes(flipped))
        err = _expect_refused(bad, tmp_path / "target")
        assert isinstance(err, BackupDamaged | UnsupportedFormat), (pos, err)
        assert "Nothing was restored" in str(err) or "format" in str(err)
    assert len(positions) > 100


def test_truncation_and_trailing_bytes_are_detected(backed_up, tmp_path):
    _vault, out, _info = backed_up
    raw = out.read_bytes()
    bad = tmp_path / "bad.nkbak"
    for cut in [0, 5, 14, 20, 100, len(raw) // 2, len(raw) - 17, len(raw) - 1]:
        bad.write_bytes(raw[:cut])
        assert isinstance(_expect_refused(bad, tmp_path / "t"), BackupDamaged)
    bad.write_bytes(raw + b"\x00")
    assert "extra bytes" in str(_expect_refused(bad, tmp_path / "t"))


def _rewrite_header(raw: bytes, change) -> bytes:
    (n,) = struct.unpack(">I", raw[14:18])
    doc = json.loads(raw[18 : 18 + n])
    change(doc)
    header = json.dumps(doc, separators=(",", ":")).encode()
    return raw[:14] + struct.pack(">I", len(header)) + header + raw[18 + n :]


def test_versioned_header(backed_up, tmp_path):
    _vault, out, _info = backed_up
    raw = out.read_bytes()
    bad = tmp_path / "bad.nkbak"
    bad.write_bytes(_rewrite_header(raw, lambda d: d.update(format="nkcase/backup-v9")))
    assert isinstance(_expect_refused(bad, tmp_path / "t"), UnsupportedFormat)
    # A header re-serialised with the same content still fails: records bind its exact bytes.
    bad.write_bytes(_rewrite_header(raw, lambda d: None))
    assert "authentication" in str(_expect_refused(bad, tmp_path / "t"))


def test_not_a_backup(tmp_path):
    for content in [b"", b"hello", b"SQLite format 3\x00" + bytes(100)]:
        (tmp_path / "x").write_bytes(content)
        assert isinstance(_expect_refused(tmp_path / "x", tmp_path / "t"), BackupDamaged)
    with pytest.raises(NkcaseError, match="no backup file"):
        backup.restore_backup(tmp_path / "missing", tmp_path / "t", passphrase=PASSPHRASE)


def test_last_backup_time_lives_in_the_vault(seeded_vault, tmp_path):
    assert backup.last_backup(seeded_vault) is None
    assert backup.backup_due(seeded_vault)
    backup.write_backup(seeded_vault, tmp_path / "b")
    last = backup.last_backup(seeded_vault)
    assert last is not None
    assert not backup.backup_due(seeded_vault)
    assert backup.backup_due(seeded_vault, now=last + timedelta(days=8))
    assert not backup.backup_due(seeded_vault, now=last + timedelta(days=6))
    with seeded_vault.session() as s:
        assert s.scalar(text("SELECT count(*) FROM audit_log WHERE action='vault.backed_up'")) == 1


def test_empty_vault_needs_no_reminder(vault):
    assert not backup.backup_due(vault, now=datetime.now(UTC))


def test_cli_backup_restore(cli, tmp_path):
    v, r, b = tmp_path / "v", tmp_path / "r", tmp_path / "b.nkbak"
    cli("init", "--vault", v, "--organisation", "Org", check=True)
    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.json"))[:1]
    cli("import", "--vault", v, *seeds, check=True)
    cli("backup", "--vault", v, "--out", b, check=True)
    assert cli("backup", "--vault", v, "--out", b).returncode == 2  # exists, no --force
    cli("verify-backup", b, check=True)
    cli("restore", b, "--vault", r, check=True)
    again = cli("restore", b, "--vault", r)
    assert again.returncode != 0 and "--force" in again.stderr
    cli("restore", b, "--vault", r, "--force", check=True)
    assert "1 cases" in cli("check", "--vault", r, check=True).stdout
    flipped = bytearray(b.read_bytes())
    flipped[len(flipped) // 2] ^= 1
    b.write_bytes(bytes(flipped))
    bad = cli("restore", b, "--vault", tmp_path / "r2")
    assert bad.returncode == 4 and "damaged" in bad.stderr and "Traceback" not in bad.stderr


# -- property-based: the reader turns every malformed input into a clear error ------------------
@pytest.fixture(scope="module")
def sample_backup(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("sample")
    vault, _ = vaults.create_vault(folder / "v", ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    with vault:
        cases.import_case_file(
            vault, Path(__file__).resolve().parents[1] / "data" / "one_case.json"
        )
        backup.write_backup(vault, folder / "b")
    return (folder / "b").read_bytes()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_fuzzed_backups_are_refused_cleanly(sample_backup, tmp_path, data):
    raw = bytearray(sample_backup)
    how = data.draw(st.sampled_from(["flip", "cut", "splice", "random", "insert"]))
    if how == "flip":
        for _ in range(data.draw(st.integers(1, 4))):
            pos = data.draw(st.integers(0, len(raw) - 1))
            raw[pos] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif how == "splice":
        a = data.draw(st.integers(0, len(raw) - 1))
        b = data.draw(st.integers(a, len(raw)))
        raw = raw[:a] + raw[b:]
    elif how == "insert":
        pos = data.draw(st.integers(0, len(raw)))
        raw = raw[:pos] + bytearray(data.draw(st.binary(min_size=1, max_size=64))) + raw[pos:]
    else:
        raw = bytearray(backup.MAGIC + data.draw(st.binary(max_size=400)))
    if bytes(raw) == sample_backup:
        return
    path = tmp_path / "fuzz.nkbak"
    path.write_bytes(bytes(raw))
    target = tmp_path / "fuzz-target"
    with pytest.raises(NkcaseError):
        backup.restore_backup(path, target, passphrase=PASSPHRASE)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if ".restore-" in p.name]


# -- leftovers of a killed backup or restore ----------------------------------------------------
_KILLED_CHILD = """
import sys, time
from pathlib import Path
from nkcase.services import backup, vaults

mode, folder, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])

def stall(*_args):
    print("stalled", flush=True)  # the staging file or folder exists now: kill me here
    time.sleep(60)

if mode == "backup":
    vault = vaults.open_vault(folder, sys.argv[4])
    backup.write_backup(vault, out, progress=lambda done, total: stall())
else:
    backup._check_restored = stall
    backup.restore_backup(out, folder, passphrase=sys.argv[4])
"""


def _killed_mid_way(mode: str, folder: Path, out: Path) -> None:
    """Run a real backup or restore in another process and kill -9 it half-way."""
    import signal
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_CHILD, mode, str(folder), str(out), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "stalled"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()


def _snapshots(folder: Path) -> list[Path]:
    return sorted(folder.glob(".backup-*"))


def test_killed_backup_leaves_no_snapshot_after_next_unlock(seeded_vault, tmp_path):
    folder = seeded_vault.folder
    seeded_vault.close()
    _killed_mid_way("backup", folder, tmp_path / "b.nkbak")
    assert _snapshots(folder), "the kill came before the snapshot was written"
    assert not (tmp_path / "b.nkbak").exists()
    vaults.open_vault(folder, PASSPHRASE).close()
    assert _snapshots(folder) == []


def test_killed_backup_snapshot_is_cleaned_by_the_next_backup(seeded_vault, tmp_path):
    # The vault stays open here, so the killed process's unlock could not clean anything.
    _killed_mid_way("backup", seeded_vault.folder, tmp_path / "b.nkbak")
    assert _snapshots(seeded_vault.folder)
    backup.write_backup(seeded_vault, tmp_path / "b2.nkbak")
    assert _snapshots(seeded_vault.folder) == []


def test_killed_restore_staging_is_cleaned_by_the_next_restore(backed_up, tmp_path):
    _vault, out, _info = backed_up
    target = tmp_path / "restored"
    _killed_mid_way("restore", target, out)
    staging = sorted(tmp_path.glob(".restored.restore-*"))
    assert staging and (staging[0] / "vault.db").exists()
    backup.restore_backup(out, target, passphrase=PASSPHRASE)
    assert sorted(tmp_path.glob(".restored.restore-*")) == []
    vaults.open_vault(target, PASSPHRASE).close()
