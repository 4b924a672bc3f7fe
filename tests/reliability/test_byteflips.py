"""A flipped byte in the database, the key file, an attachment or a backup: always detected,
always as a clear NkcaseError (never a traceback, never silently wrong data)."""

from __future__ import annotations

import contextlib
import io
import random
import shutil
from pathlib import Path

import pytest

from nkcase.cli import main as nkcase_main
from nkcase.config import PASSPHRASE_ENV
from nkcase.errors import (
    AttachmentDamaged,
    BackupDamaged,
    DatabaseDamaged,
    KeyFileDamaged,
    NkcaseError,
    UnsupportedFormat,
)
from nkcase.services import backup, cases, vaults
from nkcase.vault import attachments as att
from nkcase.vault.keyslots import TEST_KDF
from tests.conftest import ORGANISATION, PASSPHRASE

DATA = Path(__file__).resolve().parents[1] / "data" / "one_case.json"
FLIPS = 40


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A closed vault with a case and a 1.5 MiB attachment, fully checkpointed."""
    folder = tmp_path_factory.mktemp("pristine") / "v"
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    with vault:
        cases.import_case_file(vault, DATA)
        att.add_attachment(vault, 1, io.BytesIO(random.Random(1).randbytes(1_500_000)), "a.wav")
        backup.write_backup(vault, folder.parent / "b.nkbak")
    vault = vaults.open_vault(folder, PASSPHRASE)  # reopen/close: WAL checkpointed into vault.db
    vault.close()
    return folder


def _flipped_copy(src: Path, dst: Path, name: str, pos: int) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    for extra in ("vault.db-wal", "vault.db-shm"):
        (dst / extra).unlink(missing_ok=True)
    data = bytearray((dst / name).read_bytes())
    data[pos % len(data)] ^= 1 << (pos % 8)
    (dst / name).write_bytes(bytes(data))
    return dst


def _detects(folder: Path) -> NkcaseError | str:
    """The clear error, or 'check' when `check` reports the problem; raises if undetected."""
    try:
        vault = vaults.open_vault(folder, PASSPHRASE)
    except NkcaseError as exc:
        return exc
    with vault:
        report = vaults.check_vault(vault)
        if not report.ok:
            return "check"
        try:
            with vault.session() as s:
                att.read_bytes(s, 1)
        except NkcaseError as exc:
            return exc
    raise AssertionError("a flipped byte went unnoticed")


# Every command a user runs on the vault; the read-only ones first, the writing ones last.
COMMANDS = (
    ("search", "logging"),
    ("search", "회령"),
    ("list", "--json"),
    ("show", "1", "--json"),
    ("check",),
    ("export-cases", "--force", "--out", "{out}"),
    ("import", "--as-new", str(DATA)),  # the pristine vault holds this case already
)


def _run(folder: Path, out: Path, command: tuple[str, ...]) -> tuple[int, str, str]:
    """One real `nkcase` command, in this process (the same code path as the console script)."""
    argv = [a.format(out=out) for a in command]
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = nkcase_main([argv[0], "--vault", str(folder), *argv[1:]])
    text = stdout.getvalue() + (
        out.read_text() if out.exists() and argv[0] == "export-cases" else ""
    )
    out.unlink(missing_ok=True)
    if argv[0] == "import":  # a new case's pseudonym is random: compare the case ids
        text = "\n".join(line.split("\t")[0] for line in text.splitlines())
    return code, text, stderr.getvalue()


@pytest.fixture(scope="module")
def expected(pristine, tmp_path_factory) -> dict[tuple[str, ...], str]:
    """What each command prints on the undamaged vault (run on a copy: import writes)."""
    work = tmp_path_factory.mktemp("expected")
    folder = work / "v"
    shutil.copytree(pristine, folder)
    results = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(PASSPHRASE_ENV, PASSPHRASE)
        for command in COMMANDS:
            code, out, err = _run(folder, work / "out.json", command)
            assert code == 0, (command, err)
            results[command] = out
    return results


def _commands_work_or_say_damaged(folder: Path, expected, pos: int) -> None:
    """Each command gives exactly its undamaged output, or the readable DatabaseDamaged (or
    AttachmentDamaged) message naming the vault; `check` always reports the damage."""
    for command in COMMANDS:
        code, out, err = _run(folder, folder.parent / "out.json", command)
        where = (pos, command, code, err[-400:])
        assert code != 70 and "internal error" not in err and "Traceback" not in err, where
        if code == 0:
            assert command[0] != "check", where  # every flipped byte fails its page's HMAC
            assert out == expected[command], where
        elif "is damaged" not in err or str(folder) not in err:  # `check` may list problems
            assert command[0] == "check" and "The vault failed its check" in err, where


def test_database_byte_flips(pristine, expected, tmp_path, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    size = (pristine / "vault.db").stat().st_size
    rng = random.Random(7)
    positions = [0, 5, 15, 16, 20, 4095, 4096, size - 1] + [
        rng.randrange(size) for _ in range(FLIPS)
    ]
    for i, pos in enumerate(positions):
        if i < 20:  # the commands on the first few (the every-page test below does the rest)
            folder = _flipped_copy(pristine, tmp_path / "v", "vault.db", pos)
            _commands_work_or_say_damaged(folder, expected, pos)
        result = _detects(_flipped_copy(pristine, tmp_path / "v", "vault.db", pos))
        assert result == "check" or isinstance(result, DatabaseDamaged | AttachmentDamaged), (
            pos,
            result,
        )


def test_every_page_flipped(pristine, expected, tmp_path, monkeypatch):
    """One byte flipped in every other page, as an auditor would: every command works or
    names the damage (this once let a damaged search-index page through as an internal error)."""
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    pages = (pristine / "vault.db").stat().st_size // 4096
    # The schema, tables, indexes and the FTS5 index lie in the first 64 pages; the
    # attachment's chunks (all alike) fill the rest.
    for page in [*range(0, 64, 2), *range(64, pages, 32)]:
        pos = page * 4096 + 100
        _commands_work_or_say_damaged(
            _flipped_copy(pristine, tmp_path / "v", "vault.db", pos), expected, pos
        )


def test_attachment_byte_flips(pristine, tmp_path):
    # The attachment's chunks fill the middle of the file: flip only there.
    size = (pristine / "vault.db").stat().st_size
    rng = random.Random(8)
    for _ in range(FLIPS):
        pos = rng.randrange(size // 4, size * 3 // 4)
        result = _detects(_flipped_copy(pristine, tmp_path / "v", "vault.db", pos))
        assert result == "check" or isinstance(result, DatabaseDamaged | AttachmentDamaged)


def test_key_file_byte_flips(pristine, tmp_path):
    size = (pristine / "keys.json").stat().st_size
    for pos in range(0, size, max(1, size // FLIPS)):
        result = _detects(_flipped_copy(pristine, tmp_path / "v", "keys.json", pos))
        assert isinstance(result, KeyFileDamaged | UnsupportedFormat), (pos, result)
        assert "key file" in str(result)


def test_backup_byte_flips(pristine, tmp_path):
    raw = (pristine.parent / "b.nkbak").read_bytes()
    rng = random.Random(9)
    for pos in [rng.randrange(len(raw)) for _ in range(FLIPS)]:
        data = bytearray(raw)
        data[pos] ^= 0x01
        (tmp_path / "b").write_bytes(bytes(data))
        with pytest.raises(NkcaseError) as info:
            backup.restore_backup(tmp_path / "b", tmp_path / "r", passphrase=PASSPHRASE)
        assert isinstance(info.value, BackupDamaged | UnsupportedFormat)
        assert not (tmp_path / "r").exists()
