"""OpenSSH SSHSIG signatures with Ed25519 (what ``ssh-keygen -Y sign`` / ``-Y verify`` speak).

Format: PROTOCOL.sshsig in the OpenSSH sources. We sign with the organisation's Ed25519 key kept
in the vault so that a recipient can check a packet with nothing but ``ssh-keygen``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import struct

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from nkcase.errors import PacketInvalid

log = logging.getLogger(__name__)

NAMESPACE = "nkcase-packet"
MAGIC = b"SSHSIG"
SIG_VERSION = 1
HASH_ALG = "sha512"
KEY_TYPE = "ssh-ed25519"
BEGIN = "-----BEGIN SSH SIGNATURE-----"
END = "-----END SSH SIGNATURE-----"
_WRAP = 70  # ssh-keygen wraps the armored base64 at 70 columns


class SignatureError(PacketInvalid):
    """A signature that is malformed or does not verify."""


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def raw(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise SignatureError("bad signature: the signature is truncated")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def uint32(self) -> int:
        value: int = struct.unpack(">I", self.raw(4))[0]
        return value

    def string(self) -> bytes:
        return self.raw(self.uint32())

    def done(self) -> None:
        if self.pos != len(self.data):
            raise SignatureError("bad signature: trailing bytes after the signature")


def public_key_blob(key: Ed25519PublicKey) -> bytes:
    raw = key.public_bytes_raw()
    return _string(KEY_TYPE.encode()) + _string(raw)


def public_key_from_blob(blob: bytes) -> Ed25519PublicKey:
    r = _Reader(blob)
    if r.string() != KEY_TYPE.encode():
        raise SignatureError("bad signature: the signing key is not an Ed25519 key")
    raw = r.string()
    r.done()
    if len(raw) != 32:
        raise SignatureError("bad signature: the signing key has the wrong length")
    return Ed25519PublicKey.from_public_bytes(raw)


def public_key_openssh(key: Ed25519PublicKey, comment: str = "") -> str:
    """``ssh-ed25519 AAAA... comment`` as in an authorized_keys / allowed_signers line."""
    line = f"{KEY_TYPE} {base64.b64encode(public_key_blob(key)).decode()}"
    return f"{line} {comment}" if comment else line


def parse_public_key_openssh(text: str) -> Ed25519PublicKey:
    parts = text.strip().split()
    if len(parts) < 2 or parts[0] != KEY_TYPE:
        raise SignatureError("signer.pub is not an OpenSSH Ed25519 public key")
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except ValueError as exc:
        raise SignatureError("signer.pub is not an OpenSSH Ed25519 public key") from exc
    return public_key_from_blob(blob)


def fingerprint(key: Ed25519PublicKey) -> str:
    """``SHA256:...`` exactly as ``ssh-keygen -l`` prints it."""
    digest = hashlib.sha256(public_key_blob(key)).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def _signed_data(message: bytes, namespace: str) -> bytes:
    return (
        MAGIC
        + _string(namespace.encode())
        + _string(b"")
        + _string(HASH_ALG.encode())
        + _string(hashlib.sha512(message).digest())
    )


def sign(private_key: Ed25519PrivateKey, message: bytes, namespace: str = NAMESPACE) -> str:
    """An armored SSHSIG signature over ``message`` (what ``ssh-keygen -Y sign`` writes)."""
    signature = private_key.sign(_signed_data(message, namespace))
    blob = (
        MAGIC
        + struct.pack(">I", SIG_VERSION)
        + _string(public_key_blob(private_key.public_key()))
        + _string(namespace.encode())
        + _string(b"")
        + _string(HASH_ALG.encode())
        + _string(_string(KEY_TYPE.encode()) + _string(signature))
    )
    b64 = base64.b64encode(blob).decode()
    lines = [b64[i : i + _WRAP] for i in range(0, len(b64), _WRAP)]
    return "\n".join([BEGIN, *lines, END]) + "\n"


def _dearmor(armored: str) -> bytes:
    lines = [line.strip() for line in armored.strip().splitlines()]
    if len(lines) < 3 or lines[0] != BEGIN or lines[-1] != END:
        raise SignatureError("bad signature: not an armored SSH signature")
    try:
        return base64.b64decode("".join(lines[1:-1]), validate=True)
    except ValueError as exc:
        raise SignatureError("bad signature: the signature is not valid base64") from exc


def verify(armored: str, message: bytes, namespace: str = NAMESPACE) -> Ed25519PublicKey:
    """Check an armored SSHSIG over ``message``; return the key that made it.

    The caller must still compare the returned key with the one it trusts.
    """
    r = _Reader(_dearmor(armored))
    if r.raw(6) != MAGIC:
        raise SignatureError("bad signature: not an SSHSIG signature")
    if r.uint32() != SIG_VERSION:
        raise SignatureError("bad signature: unsupported SSHSIG version")
    key = public_key_from_blob(r.string())
    sig_namespace = r.string()
    r.string()  # reserved
    hash_alg = r.string().decode("ascii", "replace")
    sig_blob = r.string()
    r.done()
    if not hmac.compare_digest(sig_namespace, namespace.encode()):
        raise SignatureError(f"bad signature: namespace is not {namespace!r}")
    if hash_alg not in ("sha512", "sha256"):
        raise SignatureError("bad signature: unsupported hash algorithm")
    s = _Reader(sig_blob)
    if s.string() != KEY_TYPE.encode():
        raise SignatureError("bad signature: not an Ed25519 signature")
    raw_sig = s.string()
    s.done()
    digest = hashlib.new(hash_alg, message).digest()
    data = (
        MAGIC
        + _string(namespace.encode())
        + _string(b"")
        + _string(hash_alg.encode())
        + _string(digest)
    )
    try:
        key.verify(raw_sig, data)
    except InvalidSignature as exc:
        raise SignatureError("bad signature: SHA256SUMS.sig does not match SHA256SUMS") from exc
    return key


def private_key_from_raw(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(raw)
