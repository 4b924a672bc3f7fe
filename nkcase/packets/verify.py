"""Verify a testimony packet ZIP: structure, manifest, checksums, signature.

The first failure is raised as :class:`PacketInvalid` with a message naming it. Reading is
defensive: the ZIP may come from anyone (zip bombs, traversal names, duplicates, symlinks).
"""

from __future__ import annotations

import json
import logging
import os
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nkcase.errors import PacketInvalid
from nkcase.packets import layout, sshsig

log = logging.getLogger(__name__)

# The ZIP itself: what it may expand to, plus room for headers (stored members do not shrink).
MAX_PACKET_BYTES = layout.MAX_TOTAL_BYTES + 64 * 1024 * 1024


@dataclass(frozen=True)
class VerifiedPacket:
    fingerprint: str
    organisation: str
    target: str
    packet_id: str
    manifest: dict[str, Any]
    files: dict[str, bytes]


def _fail(message: str) -> PacketInvalid:
    return PacketInvalid(message)


def read_zip_members(path: Path) -> dict[str, bytes]:
    """Every file of the ZIP by name, refusing anything a packet writer would never produce.

    Only a regular file of at most ``layout.MAX_PACKET_BYTES`` is opened: a device such as
    /dev/zero, a pipe or a huge file is refused before a byte of it is read.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise _fail(f"no such file: {path.name}") from exc
    except OSError as exc:
        raise _fail("not a ZIP file (or a damaged one)") from exc
    if not stat.S_ISREG(st.st_mode):
        raise _fail("not a packet: not a regular file (a folder, a device or a pipe)")
    if st.st_size > MAX_PACKET_BYTES:
        raise _fail(
            f"not a packet: larger than {MAX_PACKET_BYTES // (1024 * 1024)} MB, "
            "more than a packet ever holds"
        )
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise _fail(f"no such file: {path.name}") from exc
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _fail("not a ZIP file (or a damaged one)") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > layout.MAX_ENTRIES:
            raise _fail("malformed packet: too many entries in the ZIP")
        seen: set[str] = set()
        files: list[zipfile.ZipInfo] = []
        for info in infos:
            name = info.filename
            if name in seen:
                raise _fail(f"malformed packet: duplicate entry {name!r} in the ZIP")
            seen.add(name)
            if info.is_dir():
                if not layout.is_safe_name(name.rstrip("/")):
                    raise _fail(f"malformed packet: unsafe entry name {name!r}")
                continue
            if not layout.is_safe_name(name):
                raise _fail(f"malformed packet: unsafe entry name {name!r}")
            file_type = stat.S_IFMT(info.external_attr >> 16)  # 0 when the zipper gave none
            if file_type and file_type != stat.S_IFREG:
                raise _fail(f"malformed packet: {name} is not a regular file")
            if info.flag_bits & 0x1:
                raise _fail(f"malformed packet: {name} is encrypted in the ZIP")
            files.append(info)
        total_declared = sum(i.file_size for i in files)
        if total_declared > layout.MAX_TOTAL_BYTES:
            raise _fail("malformed packet: the ZIP expands to more than a packet ever holds")
        out: dict[str, bytes] = {}
        total = 0
        for info in files:
            if info.file_size > layout.MAX_FILE_BYTES:
                raise _fail(f"malformed packet: {info.filename} is too large")
            if info.file_size > layout.RATIO_FLOOR and info.file_size > layout.MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise _fail(f"malformed packet: {info.filename} is compressed suspiciously well")
            data = _read_capped(zf, info)
            total += len(data)
            if total > layout.MAX_TOTAL_BYTES:
                raise _fail("malformed packet: the ZIP expands to more than a packet ever holds")
            out[info.filename] = data
    return out


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read one member, never more than its declared size (headers can lie)."""
    chunks: list[bytes] = []
    got = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(1 << 16)
                if not chunk:
                    break
                got += len(chunk)
                if got > info.file_size or got > layout.MAX_FILE_BYTES:
                    raise _fail(f"malformed packet: {info.filename} is larger than declared")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        # zipfile reports a CRC mismatch as BadZipFile: the bytes were altered in the ZIP.
        raise _fail(f"hash mismatch: {info.filename} is damaged inside the ZIP") from exc
    return b"".join(chunks)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # ValueError: also a number past the digit limit
        raise _fail("malformed manifest: manifest.json is not valid JSON") from exc
    if not isinstance(manifest, dict):
        raise _fail("malformed manifest: manifest.json is not a JSON object")
    if manifest.get("format") != layout.FORMAT:
        raise _fail(f"malformed manifest: format is not {layout.FORMAT!r}")
    for key in ("packet_id", "created", "target", "organisation", "app_version"):
        if not isinstance(manifest.get(key), str) or not manifest[key]:
            raise _fail(f"malformed manifest: {key} is missing or not a string")
        if not _encodable(manifest[key]):
            raise _fail(f"malformed manifest: {key} holds an invalid character (a lone surrogate)")
    if not isinstance(manifest.get("cases"), list):
        raise _fail("malformed manifest: cases is missing or not a list")
    entries = manifest.get("files")
    if not isinstance(entries, list) or not entries:
        raise _fail("malformed manifest: files is missing or empty")
    paths: set[str] = set()
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or set(entry) != {"path", "sha256", "size"}:
            raise _fail(f"malformed manifest: files[{i}] must have exactly path, sha256, size")
        path, digest, size = entry["path"], entry["sha256"], entry["size"]
        if not isinstance(path, str) or not layout.is_safe_name(path):
            raise _fail(f"malformed manifest: files[{i}].path is not a safe file name")
        if path in layout.NOT_IN_MANIFEST:
            raise _fail(f"malformed manifest: files[{i}] lists {path}, which it cannot cover")
        if path in paths:
            raise _fail(f"malformed manifest: {path} is listed twice")
        if not layout.is_sha256_hex(digest):
            raise _fail(f"malformed manifest: files[{i}].sha256 is not a SHA-256 hex digest")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise _fail(f"malformed manifest: files[{i}].size is not a size")
        paths.add(path)
    return manifest


def _parse_sums(raw: bytes) -> dict[str, str]:
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError as exc:
        raise _fail("malformed packet: SHA256SUMS is not plain text") from exc
    out: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        digest, sep, name = line.partition("  ")
        if not sep or not layout.is_sha256_hex(digest) or not layout.is_safe_name(name):
            raise _fail(f"malformed packet: SHA256SUMS line {n} is not '<sha256>  <file>'")
        if name in out:
            raise _fail(f"malformed packet: SHA256SUMS lists {name} twice")
        out[name] = digest
    if not text.endswith("\n"):
        raise _fail("malformed packet: SHA256SUMS does not end with a newline")
    return out


def verify_members(files: dict[str, bytes]) -> VerifiedPacket:
    """Verify an already-read packet (name -> bytes)."""
    if layout.MANIFEST not in files:
        raise _fail("missing file: manifest.json")
    manifest = _parse_manifest(files[layout.MANIFEST])
    listed = {e["path"]: e for e in manifest["files"]}

    for name in layout.REQUIRED:
        if name not in files:
            raise _fail(f"missing file: {name}")
    for name in sorted(listed):
        if name not in files:
            raise _fail(f"missing file: {name}")
    for name in sorted(files):
        if name not in listed and name not in layout.NOT_IN_MANIFEST:
            raise _fail(f"extra file: {name}")
    for name in layout.REQUIRED:
        if name not in listed and name not in layout.NOT_IN_MANIFEST:
            raise _fail(f"malformed manifest: {name} is not listed")

    for name in sorted(listed):
        entry, data = listed[name], files[name]
        if len(data) != entry["size"] or layout.sha256_hex(data) != entry["sha256"]:
            raise _fail(f"hash mismatch: {name}")

    sums = _parse_sums(files[layout.SUMS])
    for name in sorted(files):
        if name not in layout.NOT_IN_SUMS and name not in sums:
            raise _fail(f"extra file: {name} is not in SHA256SUMS")
    for name in sorted(sums):
        if name in layout.NOT_IN_SUMS:
            raise _fail(f"malformed packet: SHA256SUMS lists {name}")
        if name not in files:
            raise _fail(f"missing file: {name} (listed in SHA256SUMS)")
        if layout.sha256_hex(files[name]) != sums[name]:
            raise _fail(f"hash mismatch: {name} (SHA256SUMS)")

    try:
        pub_text = files[layout.SIGNER].decode("ascii")
    except UnicodeDecodeError as exc:
        raise _fail("bad signature: signer.pub is not an OpenSSH public key") from exc
    trusted = sshsig.parse_public_key_openssh(pub_text)
    try:
        armored = files[layout.SIGNATURE].decode("ascii")
    except UnicodeDecodeError as exc:
        raise _fail("bad signature: SHA256SUMS.sig is not an armored SSH signature") from exc
    signer = sshsig.verify(armored, files[layout.SUMS])
    if signer.public_bytes_raw() != trusted.public_bytes_raw():
        raise _fail("bad signature: SHA256SUMS.sig was made by a key other than signer.pub")

    return VerifiedPacket(
        fingerprint=sshsig.fingerprint(trusted),
        organisation=manifest["organisation"],
        target=manifest["target"],
        packet_id=manifest["packet_id"],
        manifest=manifest,
        files=files,
    )


def verify_packet(path: Path) -> VerifiedPacket:
    """Verify a packet ZIP on disk; raise PacketInvalid naming the first failure."""
    result = verify_members(read_zip_members(Path(path)))
    log.info("packet verified")
    return result
