"""The backup-v1 framing on its own: sealing, opening, and records moved between places."""

import io
import secrets
import struct

import pytest

from nkcase.errors import BackupDamaged, WrongPassphrase
from nkcase.vault import backup_format as bf
from nkcase.vault.keyslots import TEST_KDF, KeyFile, new_data_key

PASSPHRASE = "plum-vortex-harbor-quietly-81"


@pytest.fixture
def sealed() -> tuple[bytes, bytes, list[tuple[int, int]]]:
    """A backup of 2.5 chunks of random 'snapshot', and the progress calls made while sealing."""
    data_key = new_data_key()
    keyfile = KeyFile(vault_id="ab" * 16)
    keyfile.add_passphrase_slot(data_key, PASSPHRASE, TEST_KDF)
    snapshot = secrets.token_bytes(bf.CHUNK_SIZE * 5 // 2)
    out = io.BytesIO()
    calls: list[tuple[int, int]] = []
    bf.seal_snapshot(
        io.BytesIO(snapshot),
        out,
        data_key=data_key,
        vault_id=keyfile.vault_id,
        keyfile=keyfile,
        created="2025-01-01T00:00:00+00:00",
        total=len(snapshot),
        progress=lambda done, total: calls.append((done, total)),
    )
    return out.getvalue(), snapshot, calls


def _open(raw: bytes, passphrase: str = PASSPHRASE) -> tuple[dict[str, object], bytes]:
    fh = io.BytesIO(raw)
    header = bf.read_header(fh)
    data_key = bf.unlock_backup(header, passphrase, None)
    sink = io.BytesIO()
    summary = bf.open_records(fh, header, data_key, sink)
    return summary, sink.getvalue()


def test_round_trip_gives_back_the_snapshot_and_its_summary(sealed):
    raw, snapshot, calls = sealed
    assert raw.startswith(bf.MAGIC)
    summary, back = _open(raw)
    assert back == snapshot
    assert summary["records"] == 3 and summary["snapshot_size"] == len(snapshot)
    assert summary["created"] == "2025-01-01T00:00:00+00:00"
    assert calls[-1] == (len(snapshot), len(snapshot)) and len(calls) == 3


def test_wrong_passphrase_opens_nothing(sealed):
    with pytest.raises(WrongPassphrase):
        _open(sealed[0], "another-passphrase-entirely-42")


def _records(raw: bytes) -> tuple[bytes, list[bytes]]:
    (length,) = struct.unpack(">I", raw[len(bf.MAGIC) : len(bf.MAGIC) + 4])
    pos = len(bf.MAGIC) + 4 + length
    head, records = raw[:pos], []
    while pos < len(raw):
        _kind, size = struct.unpack(">BI", raw[pos : pos + 5])
        records.append(raw[pos : pos + 5 + size])
        pos += 5 + size
    return head, records


def test_swapped_dropped_or_repeated_records_are_refused(sealed):
    head, records = _records(sealed[0])
    assert len(records) == 4  # three data records and the final one
    swapped = [records[1], records[0], *records[2:]]
    dropped = [records[0], *records[2:]]
    repeated = [records[0], records[0], *records[1:]]
    for variant in (swapped, dropped, repeated):
        with pytest.raises(BackupDamaged):
            _open(head + b"".join(variant))
    _open(head + b"".join(records))  # the untouched pieces still open
