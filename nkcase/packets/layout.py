"""Names and limits shared by the packet builder and the verifier (spec/packet-v1.md)."""

from __future__ import annotations

import hashlib
import re

FORMAT = "nkcase/packet-v1"

README = "README.txt"
MANIFEST = "manifest.json"
SUBMISSION_JSON = "submission.json"
SUBMISSION_PDF = "submission.pdf"
CONSENT = "consent.json"
CUSTODY = "custody.jsonl"
REDACTION_LOG = "redaction_log.json"
PATTERNS = "patterns.json"
SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"
SIGNER = "signer.pub"
NARRATIVES_DIR = "narratives/"

REQUIRED = (
    README,
    MANIFEST,
    SUBMISSION_JSON,
    SUBMISSION_PDF,
    CONSENT,
    CUSTODY,
    REDACTION_LOG,
    SUMS,
    SIGNATURE,
    SIGNER,
)
# The manifest cannot list its own hash, nor the checksum file and signature that cover it.
NOT_IN_MANIFEST = frozenset({MANIFEST, SUMS, SIGNATURE})
# SHA256SUMS lists every file but itself and the signature over it.
NOT_IN_SUMS = frozenset({SUMS, SIGNATURE})

# Guards for reading a ZIP that came from anywhere.
MAX_ENTRIES = 20_000
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024

_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def is_safe_name(name: str) -> bool:
    """A packet member path: plain relative names, at most one folder, no traversal tricks."""
    return bool(_SAFE_NAME.match(name)) and ".." not in name.split("/")


def is_sha256_hex(text: object) -> bool:
    return isinstance(text, str) and bool(_HEX64.match(text))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sums_text(files: dict[str, bytes]) -> bytes:
    """SHA256SUMS in the text format ``sha256sum`` writes and ``sha256sum -c`` reads."""
    lines = [f"{sha256_hex(files[name])}  {name}\n" for name in sorted(files)]
    return "".join(lines).encode("ascii")


def signer_identity(organisation: str) -> str:
    """The principal name used in allowed_signers: the organisation, minus characters that
    allowed_signers treats as syntax (quotes, commas, wildcards)."""
    cleaned = re.sub(r'[",*?!\\\s]+', " ", organisation).strip()
    return cleaned or "organisation"
