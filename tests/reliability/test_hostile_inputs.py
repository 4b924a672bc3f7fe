"""Hostile inputs to the real `nkcase` command: case files, packets, backups, key files and
passphrase files that a careless tool or an adversary could hand it.

Every one must end in one readable message with its documented exit code (README: 1 general,
2 usage, 4 damaged or unsupported files, 6 packet fails verification) -- never a traceback or
"internal error" (70) -- with the child's peak memory under ``PEAK_RSS_BOUND`` (inputs above
their size limits are refused before they are read) and the vault's files byte for byte as
they were.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

import pytest

from nkcase.errors import BackupDamaged, CaseFileError, PacketInvalid, UsageError
from nkcase.services import backup, cases, vaults
from nkcase.vault import backup_format
from nkcase.vault.keyslots import TEST_KDF, KeyFile
from tests.conftest import ORGANISATION, PASSPHRASE, cli_env
from tests.peak_memory import measured, peak_kib

pytestmark = pytest.mark.skipif(not hasattr(os, "wait4"), reason="peak memory needs wait4")

DATA = Path(__file__).resolve().parents[1] / "data" / "one_case.json"
VALID = json.loads(DATA.read_text(encoding="utf-8"))
# The CLI's own footprint (Python, SQLCipher, cryptography) is well under this; a /dev/zero
# read into memory, a 300 MB file or a 4 GiB Argon2 derivation would be far above it.
PEAK_RSS_BOUND_MB = 400
CANARY = "Canary-Sun-ok-7731"
BIG = 300 * 1024 * 1024  # past the 200 MB case-file limit
HUGE = 2 * 1024 * 1024 * 1024  # past every limit (sparse: takes no disk)
ESC = "\x1b"
TIMEOUT_SECONDS = 120


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def run(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str, int]:
    """Run nkcase; (exit code, stderr + stdout, the child's own peak RSS in MB)."""
    # The command runs under a small middle process that caps its address space at 6 GiB (a
    # safety net if a refusal regresses), kills it after TIMEOUT_SECONDS (a refusal that hangs
    # fails) and reports its own peak RSS (tests/peak_memory.py says why not wait4 from here).
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        proc = subprocess.Popen(
            measured([sys.executable, "-m", "nkcase", *map(str, args)], peak_file, TIMEOUT_SECONDS),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env or cli_env(),
        )
        assert proc.stdout is not None
        watchdog = threading.Timer(TIMEOUT_SECONDS + 30, proc.kill)
        watchdog.start()
        try:
            out = proc.stdout.read(1 << 20).decode("utf-8", "replace")
            proc.wait()
        finally:
            watchdog.cancel()
        proc.stdout.close()
        peak = peak_kib(peak_file) if peak_file.exists() else 0
    return proc.returncode, out, int(peak / 1024)  # ru_maxrss is in KB on Linux


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "vault"
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    with vault:
        cases.import_case_file(vault, DATA, propose=False)
        backup.write_backup(vault, folder.parent / "good.nkbackup")
    return folder


@pytest.fixture
def vault_copy(pristine, tmp_path) -> Path:
    folder = tmp_path / "vault"
    shutil.copytree(pristine, folder)
    return folder


def assert_refused(
    folder: Path | None, args: tuple, code: int, *needles: str, env: dict | None = None
) -> str:
    before = _digest(folder) if folder else None
    rc, out, peak = run(*args, env=env)
    assert rc == code, f"exit {rc}, expected {code}:\n{out[-2000:]}"
    assert "Traceback" not in out and "internal error" not in out, out[-2000:]
    assert ESC not in out and CANARY not in out, out[-2000:]
    assert len(out) < 2000, out[-2000:]
    for needle in needles:
        assert needle in out, out
    assert peak < PEAK_RSS_BOUND_MB, f"peak RSS {peak} MB"
    if folder is not None:
        assert _digest(folder) == before, "the vault changed"
    return out


# -- case files ---------------------------------------------------------------------------
def _case_file(tmp_path: Path, text: str, name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _with(fragment_from: str, fragment_to: str) -> str:
    raw = DATA.read_text(encoding="utf-8")
    assert fragment_from in raw
    return raw.replace(fragment_from, fragment_to, 1)


CASE_FILES = {
    "nan amount": (_with('"amount":120', '"amount":NaN'), "NaN or Infinity"),
    "infinite hours": (_with('"hours_per_day":18', '"hours_per_day":Infinity'), "NaN"),
    "1e308 amount": (_with('"amount":120', '"amount":1e308'), "wage_promised.amount"),
    "10**40 amount": (_with('"amount":120', '"amount":' + "1" + "0" * 40), "amount"),
    "25 hours a day": (_with('"hours_per_day":18', '"hours_per_day":25'), "hours_per_day"),
    "5,000-digit integer": (_with('"amount":120', '"amount":' + "9" * 5000), "too long"),
    "lone surrogate": (_with('"occupation":"carpenter"', '"occupation":"\\ud800"'), "surrogate"),
    "year 9999": (_with('"birth_date":"1968-04"', '"birth_date":"9999-04"'), "year from"),
    "year 0001": (_with('"start":"2000-03"', '"start":"0001-03"'), "deployments[0].start"),
    "unknown key with escapes": (
        _with('"sex":"M"', f'"sex":"M","\\u001b[2Kx{"y" * 200}":"{CANARY}"'),
        "unknown key",
    ),
    "nested too deeply": ("[" * 100_000 + "]" * 100_000, "nested"),
    "not UTF-8": ("\udcff", "UTF-8"),
}


@pytest.mark.parametrize("name", sorted(CASE_FILES))
def test_hostile_case_files(vault_copy, tmp_path, name):
    text, needle = CASE_FILES[name]
    if name == "not UTF-8":
        path = tmp_path / "case.json"
        path.write_bytes(b'{"format": "\xff\xfe"}')
    else:
        path = _case_file(tmp_path, text)
    out = assert_refused(
        vault_copy, ("import", "--vault", vault_copy, path), CaseFileError.exit_code, needle
    )
    assert "nothing imported" in out


@pytest.mark.parametrize("kind", ["/dev/zero", "sparse 300 MB", "fifo", "folder"])
def test_case_files_that_are_not_small_regular_files(vault_copy, tmp_path, kind):
    path = {
        "/dev/zero": lambda: Path("/dev/zero"),
        "sparse 300 MB": lambda: _sparse(tmp_path / "big.json", BIG),
        "fifo": lambda: _fifo(tmp_path / "pipe.json"),
        "folder": lambda: tmp_path,
    }[kind]()
    assert_refused(vault_copy, ("import", "--vault", vault_copy, path), CaseFileError.exit_code)


def test_reimporting_the_same_case_is_refused(vault_copy, tmp_path):
    """The fixture imported one_case.json: a second import would count the witness twice."""
    out = assert_refused(
        vault_copy, ("import", "--vault", vault_copy, DATA), CaseFileError.exit_code
    )
    assert "already in this vault" in out or "case reference" in out
    # Same narratives, no case reference: still the same case.
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    del doc["cases"][0]["ref"]
    path = _case_file(tmp_path, json.dumps(doc))
    out = assert_refused(
        vault_copy, ("import", "--vault", vault_copy, path), CaseFileError.exit_code
    )
    assert "same narratives" in out


def test_the_same_case_twice_in_one_file_is_refused(tmp_path):
    folder = tmp_path / "empty"
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    vault.close()
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    twin = json.loads(json.dumps(doc["cases"][0]))
    twin["ref"] = "NGO-2026-0008"
    doc["cases"].append(twin)
    path = _case_file(tmp_path, json.dumps(doc))
    out = assert_refused(folder, ("import", "--vault", folder, path), CaseFileError.exit_code)
    assert "repeats cases[0]" in out


# -- packets ------------------------------------------------------------------------------
def _zip(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "packet.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "kind", ["/dev/zero", "sparse 2 GiB", "fifo", "not a zip", "5,000-digit size", "surrogate"]
)
def test_hostile_packets(tmp_path, kind):
    manifest = {
        "format": "nkcase/packet-v1",
        "packet_id": "x",
        "created": "2026-01",
        "target": "sr_slavery",
        "organisation": "Org",
        "app_version": "1",
        "cases": [],
        "files": [{"path": "a.txt", "sha256": "0" * 64, "size": 1}],
    }
    if kind == "5,000-digit size":
        raw = json.dumps(manifest).replace('"size": 1', '"size": ' + "7" * 5000).encode()
    else:
        raw = json.dumps(manifest).replace('"Org"', '"Org\\ud800"').encode()
    path = {
        "/dev/zero": lambda: Path("/dev/zero"),
        "sparse 2 GiB": lambda: _sparse(tmp_path / "big.zip", HUGE),
        "fifo": lambda: _fifo(tmp_path / "pipe.zip"),
        "not a zip": lambda: _case_file(tmp_path, "PK not really", "p.zip"),
        "5,000-digit size": lambda: _zip(tmp_path, {"manifest.json": raw}),
        "surrogate": lambda: _zip(tmp_path, {"manifest.json": raw}),
    }[kind]()
    assert_refused(None, ("verify", path), PacketInvalid.exit_code)


# -- backups ------------------------------------------------------------------------------
def _rewrite_header(good: Path, out: Path, change) -> Path:
    """A copy of a real backup whose header JSON went through ``change`` (records kept)."""
    raw = good.read_bytes()
    magic = backup_format.MAGIC
    (length,) = struct.unpack(">I", raw[len(magic) : len(magic) + 4])
    start = len(magic) + 4
    header = json.loads(raw[start : start + length])
    new = change(header)
    body = new if isinstance(new, bytes) else json.dumps(new).encode()
    out.write_bytes(magic + struct.pack(">I", len(body)) + body + raw[start + length :])
    return out


def _keyfile_change(mutate):
    def change(header: dict) -> dict:
        keyfile = KeyFile.from_bytes(base64.b64decode(header["keyfile"]))
        for slot in keyfile.slots:
            mutate(slot)
        header["keyfile"] = base64.b64encode(keyfile.to_bytes()).decode()  # valid checksum
        return header

    return change


def _set_kdf(key: str, value: int):
    def mutate(slot) -> None:
        slot.kdf[key] = value

    return mutate


def _short_nonce(slot) -> None:
    slot.nonce = base64.b64encode(b"\x00").decode()


BACKUP_HEADERS = {
    "8 GiB of Argon2 memory": _keyfile_change(_set_kdf("memory_kib", 8 * 1024 * 1024)),
    "1,000 passes": _keyfile_change(_set_kdf("iterations", 1000)),
    "1,000 lanes": _keyfile_change(_set_kdf("lanes", 1000)),
    "1-byte nonce": _keyfile_change(_short_nonce),
    "5,000-digit chunk size": lambda h: (
        json.dumps(h)
        .replace(f'"chunk_size": {h["chunk_size"]}', '"chunk_size": ' + "8" * 5000)
        .encode()
    ),
}


@pytest.mark.parametrize("name", sorted(BACKUP_HEADERS))
def test_hostile_backup_headers(pristine, tmp_path, name):
    path = _rewrite_header(
        pristine.parent / "good.nkbackup", tmp_path / "bad.nkbackup", BACKUP_HEADERS[name]
    )
    target = tmp_path / "restored"
    for args in (("verify-backup", path), ("restore", path, "--vault", target)):
        assert_refused(None, args, BackupDamaged.exit_code, "backup")
    assert not target.exists()


@pytest.mark.parametrize("kind", ["/dev/zero", "sparse 2 GiB", "fifo"])
def test_backups_that_are_not_backups(tmp_path, kind):
    path = {
        "/dev/zero": lambda: Path("/dev/zero"),
        "sparse 2 GiB": lambda: _sparse(tmp_path / "big.nkbackup", HUGE),
        "fifo": lambda: _fifo(tmp_path / "pipe.nkbackup"),
    }[kind]()
    assert_refused(None, ("verify-backup", path), BackupDamaged.exit_code)


# -- key files ----------------------------------------------------------------------------
def _keys_change(folder: Path, mutate) -> None:
    keyfile = KeyFile.load(folder / "keys.json")
    for slot in keyfile.slots:
        mutate(slot)
    keyfile.save(folder / "keys.json")  # with a valid checksum


def _keys_text(folder: Path, old: str, new: str) -> None:
    """Edit keys.json as text and give it a valid checksum again."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        doc = json.loads((folder / "keys.json").read_text())
        doc.pop("checksum")
        text = json.dumps(doc, sort_keys=True, separators=(",", ":")).replace(old, new, 1)
        doc = json.loads(text)
        canonical = json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()
        doc["checksum"] = hashlib.sha256(canonical).hexdigest()
        (folder / "keys.json").write_text(json.dumps(doc, sort_keys=True))
    finally:
        sys.set_int_max_str_digits(limit)


KEY_FILES = {
    "8 GiB of Argon2 memory": lambda f: _keys_change(f, _set_kdf("memory_kib", 8 << 20)),
    "65 passes": lambda f: _keys_change(f, _set_kdf("iterations", 65)),
    "65 lanes": lambda f: _keys_change(f, _set_kdf("lanes", 65)),
    "1-byte nonce": lambda f: _keys_change(f, _short_nonce),
    "5,000-digit passes": lambda f: _keys_text(f, '"iterations":1', '"iterations":' + "3" * 5000),
    "lone surrogate vault id": lambda f: _keys_text(f, '"vault_id":"', '"vault_id":"\\ud800'),
    "NaN memory": lambda f: _keys_text(f, '"memory_kib":1024', '"memory_kib":NaN'),
    "/dev/zero": lambda f: ((f / "keys.json").unlink(), (f / "keys.json").symlink_to("/dev/zero")),
    "sparse 2 GiB": lambda f: _sparse(f / "keys.json", HUGE),
}


@pytest.mark.parametrize("name", sorted(KEY_FILES))
def test_hostile_key_files(vault_copy, name):
    KEY_FILES[name](vault_copy)
    assert_refused(vault_copy, ("list", "--vault", vault_copy), 4, "key file")


# -- passphrase files ----------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["/dev/zero", "sparse 2 GiB", "fifo", "not UTF-8"])
def test_hostile_passphrase_files(vault_copy, tmp_path, kind):
    path = {
        "/dev/zero": lambda: Path("/dev/zero"),
        "sparse 2 GiB": lambda: _sparse(tmp_path / "pass.txt", HUGE),
        "fifo": lambda: _fifo(tmp_path / "pass.txt"),
        "not UTF-8": lambda: (
            (tmp_path / "pass.txt").write_bytes(b"\xff\xfe\n") and tmp_path / "pass.txt"
        ),
    }[kind]()
    env = cli_env()
    env.pop("NKCASE_PASSPHRASE", None)
    assert_refused(
        vault_copy,
        ("list", "--vault", vault_copy, "--passphrase-file", path),
        UsageError.exit_code,
        "passphrase file",
        env=env,
    )
    assert_refused(
        vault_copy,
        ("passphrase", "change", "--vault", vault_copy, "--new-passphrase-file", path),
        UsageError.exit_code,
        "passphrase file",
    )
