"""SSHSIG against the real ssh-keygen, both ways."""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nkcase.packets import sshsig

pytestmark = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs ssh-keygen")

MESSAGE = b"0123abcd  submission.json\n"


def _write_allowed(tmp: Path, key: Ed25519PrivateKey, identity: str = "Test NGO") -> Path:
    allowed = tmp / "allowed_signers"
    allowed.write_text(f'"{identity}" {sshsig.public_key_openssh(key.public_key())}\n')
    return allowed


def _ssh_verify(tmp: Path, allowed: Path, sig: str, message: bytes, identity: str = "Test NGO"):
    sig_file = tmp / "msg.sig"
    sig_file.write_text(sig)
    return subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "verify",
            "-f",
            str(allowed),
            "-I",
            identity,
            "-n",
            sshsig.NAMESPACE,
            "-s",
            str(sig_file),
        ],
        input=message,
        capture_output=True,
        check=False,
    )


def test_our_signature_verifies_with_ssh_keygen(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    sig = sshsig.sign(key, MESSAGE)
    assert sig.startswith("-----BEGIN SSH SIGNATURE-----\n")
    result = _ssh_verify(tmp_path, _write_allowed(tmp_path, key), sig, MESSAGE)
    assert result.returncode == 0, result.stderr
    assert sshsig.fingerprint(key.public_key()).encode() in result.stdout


def test_ssh_keygen_rejects_tampered_message_and_wrong_namespace(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    allowed = _write_allowed(tmp_path, key)
    assert _ssh_verify(tmp_path, allowed, sshsig.sign(key, MESSAGE), MESSAGE + b"x").returncode
    other_ns = sshsig.sign(key, MESSAGE, namespace="file")
    assert _ssh_verify(tmp_path, allowed, other_ns, MESSAGE).returncode != 0


def test_ssh_keygen_signature_verifies_with_ours(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    key_file = tmp_path / "id_ed25519"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)
    msg_file = tmp_path / "SHA256SUMS"
    msg_file.write_bytes(MESSAGE)
    subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-f", str(key_file), "-n", sshsig.NAMESPACE, str(msg_file)],
        check=True,
        capture_output=True,
    )
    armored = (tmp_path / "SHA256SUMS.sig").read_text()
    signer = sshsig.verify(armored, MESSAGE)
    assert signer.public_bytes_raw() == key.public_key().public_bytes_raw()
    with pytest.raises(sshsig.SignatureError, match="bad signature"):
        sshsig.verify(armored, MESSAGE + b"\n")
    with pytest.raises(sshsig.SignatureError, match="namespace"):
        sshsig.verify(armored, MESSAGE, namespace="other")


def test_fingerprint_and_public_key_match_ssh_keygen(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    pub = tmp_path / "signer.pub"
    pub.write_text(sshsig.public_key_openssh(key.public_key(), "Test NGO") + "\n")
    out = subprocess.run(
        ["ssh-keygen", "-l", "-E", "sha256", "-f", str(pub)], capture_output=True, check=True
    ).stdout.decode()
    assert out.split()[1] == sshsig.fingerprint(key.public_key())
    parsed = sshsig.parse_public_key_openssh(pub.read_text())
    assert parsed.public_bytes_raw() == key.public_key().public_bytes_raw()


@pytest.mark.parametrize("position", [40, 100, 150])
def test_flipped_signature_bytes_are_rejected(position: int) -> None:
    key = Ed25519PrivateKey.generate()
    armored = sshsig.sign(key, MESSAGE)
    blob = bytearray(sshsig._dearmor(armored))
    blob[position % len(blob)] ^= 0x01

    bad = "\n".join([sshsig.BEGIN, base64.b64encode(bytes(blob)).decode(), sshsig.END])
    with pytest.raises(sshsig.SignatureError):
        sshsig.verify(bad, MESSAGE)


def test_garbage_is_rejected_cleanly() -> None:
    for junk in [
        "",
        "hello",
        f"{sshsig.BEGIN}\n!!!\n{sshsig.END}",
        f"{sshsig.BEGIN}\nAAAA\n{sshsig.END}",
    ]:
        with pytest.raises(sshsig.SignatureError):
            sshsig.verify(junk, MESSAGE)
