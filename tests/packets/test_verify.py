"""A real exported packet verifies with nkcase and with stock tools; every tampering fails both."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nkcase.errors import PacketInvalid
from nkcase.packets import layout, sshsig
from nkcase.packets.verify import verify_members, verify_packet
from tests.conftest import run_cli
from tests.packets.conftest import stock_check, unzip


def _members(packet: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(packet) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _zip(files: dict[str, bytes], path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _flip(data: bytes, at: int | None = None) -> bytes:
    pos = len(data) // 2 if at is None else at
    return data[:pos] + bytes([data[pos] ^ 0x20]) + data[pos + 1 :]


def test_intact_packet_verifies_three_ways(one_packet: Path, tmp_path: Path) -> None:
    result = verify_packet(one_packet)
    assert result.fingerprint.startswith("SHA256:")
    proc = run_cli("verify", one_packet)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"intact, signed by {result.fingerprint}")
    runs = stock_check(unzip(one_packet, tmp_path / "x"))
    assert len(runs) == 4
    for run in runs:
        assert run.returncode == 0, (run.args, run.stdout, run.stderr)
    assert 'Good "nkcase-packet" signature' in runs[2].stdout + runs[2].stderr
    assert result.fingerprint in runs[2].stdout + runs[2].stderr


def test_every_flipped_byte_is_caught_by_nkcase_and_stock_tools(
    one_packet: Path, tmp_path: Path
) -> None:
    files = _members(one_packet)
    assert set(layout.REQUIRED) <= set(files)
    for name in sorted(files):
        bad = dict(files, **{name: _flip(files[name])})
        with pytest.raises(PacketInvalid) as err:
            verify_members(bad)
        message = str(err.value)
        assert name in message or "signature" in message or "manifest" in message, message
        folder = tmp_path / name.replace("/", "_")
        zipped = _zip(bad, tmp_path / f"{name.replace('/', '_')}.zip")
        runs = stock_check(unzip(zipped, folder))
        assert any(r.returncode != 0 for r in runs[:3]), f"stock tools missed a flip in {name}"


def test_flip_inside_the_zip_bytes_is_caught(one_packet: Path, tmp_path: Path) -> None:
    raw = one_packet.read_bytes()
    with zipfile.ZipFile(one_packet) as zf:
        info = zf.getinfo(layout.SUBMISSION_JSON)
    # A byte inside the compressed data of submission.json (past its local header).
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(_flip(raw, info.header_offset + 30 + len(info.filename) + 10))
    proc = run_cli("verify", damaged)
    assert proc.returncode == PacketInvalid.exit_code
    assert "Traceback" not in proc.stderr
    assert "submission.json" in proc.stderr or "ZIP" in proc.stderr


@pytest.mark.parametrize("name", [*layout.REQUIRED, "narratives"])
def test_removed_file_is_named(one_packet: Path, tmp_path: Path, name: str) -> None:
    files = _members(one_packet)
    victim = next(n for n in sorted(files) if n == name or n.startswith(name + "/"))
    del files[victim]
    with pytest.raises(PacketInvalid, match=r"missing file|malformed"):
        verify_members(files)
    proc = run_cli("verify", _zip(files, tmp_path / "p.zip"))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    folder = unzip(tmp_path / "p.zip", tmp_path / "x")
    if victim not in (layout.SUMS, layout.SIGNATURE):
        run = subprocess.run(
            ["sha256sum", "-c", "SHA256SUMS"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode != 0 and victim in run.stdout + run.stderr


def test_added_file_is_caught(one_packet: Path, tmp_path: Path) -> None:
    files = dict(_members(one_packet), **{"narratives/extra.en.txt": b"planted\n"})
    with pytest.raises(PacketInvalid, match=r"extra file: narratives/extra.en.txt"):
        verify_members(files)
    runs = stock_check(unzip(_zip(files, tmp_path / "p.zip"), tmp_path / "x"))
    assert runs[0].returncode == 0 and runs[2].returncode == 0  # checksums alone cannot see it
    assert runs[3].returncode != 0 and "extra.en.txt" in runs[3].stdout  # the listing check does


def test_swapped_signature_is_caught(one_packet: Path, tmp_path: Path) -> None:
    files = _members(one_packet)
    other = Ed25519PrivateKey.generate()
    files[layout.SIGNATURE] = sshsig.sign(other, files[layout.SUMS]).encode()
    with pytest.raises(PacketInvalid, match=r"bad signature: .*other than signer.pub"):
        verify_members(files)
    runs = stock_check(unzip(_zip(files, tmp_path / "p.zip"), tmp_path / "x"))
    assert runs[0].returncode == 0 and runs[2].returncode != 0


def test_resigned_with_another_key_and_new_signer_pub_is_caught(
    one_packet: Path, tmp_path: Path
) -> None:
    files = _members(one_packet)
    other = Ed25519PrivateKey.generate()
    files[layout.SIGNER] = (sshsig.public_key_openssh(other.public_key()) + "\n").encode()
    files[layout.SIGNATURE] = sshsig.sign(other, files[layout.SUMS]).encode()
    with pytest.raises(PacketInvalid, match=r"hash mismatch: signer.pub"):
        verify_members(files)


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (b"not json", "malformed manifest"),
        (b'{"format": "other"}', "malformed manifest: format"),
        (b"[]", "malformed manifest"),
    ],
)
def test_malformed_manifest(one_packet: Path, manifest: bytes, expected: str) -> None:
    files = dict(_members(one_packet), **{layout.MANIFEST: manifest})
    with pytest.raises(PacketInvalid, match=expected):
        verify_members(files)


def _raw_zip(entries: list[tuple[str, bytes]], path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    path.write_bytes(buf.getvalue())
    return path


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil", "narratives/../../x", "a\\b.txt"])
def test_path_traversal_names_are_refused(tmp_path: Path, name: str) -> None:
    packet = _raw_zip([(name, b"x")], tmp_path / "p.zip")
    with pytest.raises(PacketInvalid, match="unsafe entry name"):
        verify_packet(packet)


def test_duplicate_names_are_refused(one_packet: Path, tmp_path: Path) -> None:
    shutil.copy(one_packet, tmp_path / "p.zip")
    with (
        pytest.warns(UserWarning, match="Duplicate name"),
        zipfile.ZipFile(tmp_path / "p.zip", "a") as zf,
    ):
        zf.writestr(layout.SUBMISSION_JSON, b"{}")
    with pytest.raises(PacketInvalid, match="duplicate entry"):
        verify_packet(tmp_path / "p.zip")


def test_zip_bomb_is_refused_without_inflating(tmp_path: Path) -> None:
    packet = _raw_zip([("README.txt", b"\0" * (64 * 1024 * 1024))], tmp_path / "bomb.zip")
    assert packet.stat().st_size < 1024 * 1024
    with pytest.raises(PacketInvalid, match="compressed suspiciously well"):
        verify_packet(packet)


def test_not_a_zip(tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_bytes(b"hello")
    proc = run_cli("verify", tmp_path / "x.zip")
    assert proc.returncode == PacketInvalid.exit_code
    assert proc.stderr.strip() == "error: not a ZIP file (or a damaged one)"


def test_symlink_entries_are_refused(tmp_path: Path) -> None:
    info = zipfile.ZipInfo("signer.pub")
    info.external_attr = 0o120777 << 16
    with zipfile.ZipFile(tmp_path / "p.zip", "w") as zf:
        zf.writestr(info, "/home/someone/.ssh/id_ed25519.pub")
    with pytest.raises(PacketInvalid, match="not a regular file"):
        verify_packet(tmp_path / "p.zip")
