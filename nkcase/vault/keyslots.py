"""The key file: one random data key, wrapped under one or more key slots.

The database is encrypted with a raw 256-bit *data key*. That key never touches the disk in
clear; ``keys.json`` beside the database holds it wrapped with AES-256-GCM under a key derived
from a passphrase (Argon2id, parameters stored per slot) or from the recovery key. The GCM
associated data binds the file format version, the vault id, the slot id and its kind, so a slot
cannot be moved to another vault or relabelled. A SHA-256 checksum over the file tells a damaged
key file apart from a wrong passphrase. Changing a passphrase rewraps the data key only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import secrets
import statistics
import time
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from nkcase.domain.inputs import OversizedInput, read_capped
from nkcase.errors import (
    KeyFileDamaged,
    UnsupportedFormat,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from nkcase.vault.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

KEYFILE_FORMAT = "nkcase/keyfile-v1"
DATA_KEY_BYTES = 32
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
TARGET_SECONDS = 1.0
MIN_PASSPHRASE_CHARS = 10
# What a key file (or a backup header) may ask for. A file with a valid checksum can still name
# any parameters; beyond these a derivation would take the machine's memory or hours, so the
# file is refused as unsupported before anything is derived.
MAX_MEMORY_KIB = 4 * 1024 * 1024  # 4 GiB
MAX_ITERATIONS = 64
MAX_LANES = 64
SALT_BYTES = 16
MAX_KEYFILE_BYTES = 1024 * 1024  # a few slots take a few KB
NONCE_BYTES = 12

# Crockford base32: no I, L, O, U, so a recovery key survives being read aloud and retyped.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_BYTES = 20  # 160 bits -> 32 characters -> 8 groups of 4


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int = 4
    name: str = "argon2id"

    def derive(self, secret: bytes, salt: bytes) -> bytes:
        return Argon2id(
            salt=salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        ).derive(secret)

    @property
    def meets_minimum(self) -> bool:
        return self.memory_kib >= MIN_MEMORY_KIB and self.iterations >= MIN_ITERATIONS


# Cheap parameters for tests and benchmarks only; never a default. Callers must pass it explicitly
# (or the CLI sees config.TEST_KDF_ENV set to its token).
TEST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


# Calibration (docs/threat-model.md): probe CALIBRATION_PROBES times at the base parameters and
# take the median (one probe on a busy machine once gave 76 MiB, 0.33 s a guess), aim at
# TARGET_SECONDS, raise memory on a fast machine up to MAX_CALIBRATED_MEMORY_KIB, then passes;
# lower memory on a slow one, never under MIN_MEMORY_KIB / MIN_ITERATIONS. The base is small
# (a probe costs a fraction of the target); more memory than probed is timed again.
CALIBRATION_PROBES = 3
BASE_MEMORY_KIB = 128 * 1024
MAX_CALIBRATED_MEMORY_KIB = 1024 * 1024  # 1 GiB: what one unlock may ask of a laptop
_MEMORY_STEP_KIB = 16 * 1024
# A timing function: the seconds one derivation with these parameters takes on this machine.
KdfTimer = Callable[[KdfParams], float]


def time_derivation(params: KdfParams) -> float:
    salt = os.urandom(SALT_BYTES)
    started = time.perf_counter()
    params.derive(b"calibration", salt)
    return time.perf_counter() - started


def _median_time(timer: KdfTimer, params: KdfParams, probes: int) -> float:
    return max(statistics.median(timer(params) for _ in range(probes)), 1e-6)


def _shape(work: float) -> KdfParams:
    """Parameters for ``work`` MiB-passes (memory x passes): memory first, within its bounds,
    then passes; never under the floor."""
    floor_mib, cap_mib = MIN_MEMORY_KIB // 1024, MAX_CALIBRATED_MEMORY_KIB // 1024
    step = _MEMORY_STEP_KIB // 1024
    memory_mib = min(cap_mib, max(floor_mib, int(work / MIN_ITERATIONS) // step * step))
    iterations = min(MAX_ITERATIONS, max(MIN_ITERATIONS, round(work / memory_mib)))
    return KdfParams(memory_kib=memory_mib * 1024, iterations=iterations)


def calibrate_kdf(
    target_seconds: float = TARGET_SECONDS,
    timer: KdfTimer = time_derivation,
    probes: int = CALIBRATION_PROBES,
) -> KdfParams:
    """Argon2id parameters taking about ``target_seconds`` on this machine, never below the
    floor (64 MiB, 3 passes), memory at most 1 GiB.

    Argon2id's time grows with memory x passes. The base (128 MiB, 3 passes) is timed
    ``probes`` times and the median kept, so one slow probe (another program busy) does not
    weaken the vault; the work that fits the target is shaped memory first (the expensive
    dimension for an attacker's GPUs) up to the cap, then passes; a slow machine gets less
    memory, down to the floor and no further. A choice with more memory than the base (where
    time may grow faster than memory: caches, swap) is timed again (median of ``probes``) and
    corrected if it missed the target by more than a quarter.
    ``timer`` is what measures (tests give a fake one: this is a function of the timings).
    """
    base = KdfParams(memory_kib=BASE_MEMORY_KIB, iterations=MIN_ITERATIONS)  # 128 MiB
    per_work = _median_time(timer, base, probes) / (BASE_MEMORY_KIB / 1024 * MIN_ITERATIONS)
    chosen = _shape(target_seconds / per_work)
    if chosen.memory_kib > base.memory_kib:
        took = _median_time(timer, chosen, probes)
        if abs(took - target_seconds) > target_seconds / 4:
            # Passes first; memory only comes down when passes are already at the floor
            # (a machine that slows down sharply past some memory size).
            work = chosen.memory_kib / 1024 * chosen.iterations * target_seconds / took
            iterations = min(MAX_ITERATIONS, round(work / (chosen.memory_kib / 1024)))
            if iterations >= MIN_ITERATIONS:
                chosen = KdfParams(memory_kib=chosen.memory_kib, iterations=iterations)
            else:
                chosen = _shape(min(work, chosen.memory_kib / 1024 * MIN_ITERATIONS))
    log.info(
        "key derivation calibrated: %d MiB, %d passes (target %.1f s)",
        chosen.memory_kib // 1024,
        chosen.iterations,
        target_seconds,
    )
    return chosen


def passphrase_bytes(passphrase: str) -> bytes:
    """The bytes a passphrase is derived from: its NFC form in UTF-8. A Korean passphrase typed
    on one machine arrives composed (NFC), on another decomposed into jamo (NFD, e.g. from a
    macOS file name or some input methods); both must open the vault."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogatepass")


def check_passphrase_strength(passphrase: str) -> None:
    """Refuse a weak passphrase with the reason (too short, or common / guessable)."""
    passphrase = unicodedata.normalize("NFC", passphrase)
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphrase(
            f"This passphrase is too short: use at least {MIN_PASSPHRASE_CHARS} characters; "
            "four or more unrelated words are easy to remember and hard to guess."
        )
    from zxcvbn import zxcvbn  # imported late: it loads large word lists

    result = zxcvbn(passphrase[:100])
    if result["score"] < 3:
        feedback = result.get("feedback") or {}
        warning = (feedback.get("warning") or "").strip()
        reason = warning or "It would be guessed quickly by an attacker with the laptop."
        raise WeakPassphrase(
            f"This passphrase is too easy to guess: {reason.rstrip('.')}. "
            "Add more unrelated words or characters."
        )


def strength_score(passphrase: str) -> int:
    """0-4, for a strength meter (no reason text)."""
    if not passphrase:
        return 0
    from zxcvbn import zxcvbn

    score = int(zxcvbn(passphrase[:100])["score"])
    return min(score, 2) if len(passphrase) < MIN_PASSPHRASE_CHARS else score


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def new_recovery_key() -> str:
    """A 160-bit recovery key written as eight groups of four Crockford base32 characters."""
    value = int.from_bytes(secrets.token_bytes(_RECOVERY_BYTES), "big")
    chars = []
    for _ in range(_RECOVERY_BYTES * 8 // 5):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def normalize_recovery_key(text: str) -> str:
    """Forgive case, spaces, dashes and the look-alikes O/0 and I/L/1."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return cleaned


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class Slot:
    id: str
    kind: str  # "passphrase" | "recovery"
    kdf: dict[str, Any]
    salt: str
    nonce: str
    wrapped_key: str
    created: str = ""

    def params(self) -> KdfParams:
        return KdfParams(
            memory_kib=int(self.kdf["memory_kib"]),
            iterations=int(self.kdf["iterations"]),
            lanes=int(self.kdf["lanes"]),
            name=str(self.kdf["name"]),
        )

    def check_shape(self) -> None:
        """Refuse (UnsupportedFormat) parameters no derivation should run with, and a salt,
        nonce or wrapped key of the wrong size; ValueError/TypeError for malformed fields."""
        for key in ("memory_kib", "iterations", "lanes"):
            if type(self.kdf.get(key)) is not int:
                raise ValueError(key)
        for text in (self.id, self.kind, self.kdf.get("name")):
            if not (isinstance(text, str) and text.isascii() and text.isprintable()):
                raise ValueError("slot label")
        params = self.params()
        if not (
            1 <= params.memory_kib <= MAX_MEMORY_KIB
            and 1 <= params.iterations <= MAX_ITERATIONS
            and 1 <= params.lanes <= MAX_LANES
            and params.memory_kib >= 8 * params.lanes
        ):
            raise UnsupportedFormat(
                "The key file asks for key-derivation settings outside what nkcase accepts "
                f"(at most {MAX_MEMORY_KIB // (1024 * 1024)} GiB of memory, {MAX_ITERATIONS} "
                f"passes, {MAX_LANES} lanes); it was not written by nkcase. Nothing was derived."
            )
        if (
            len(_unb64(self.salt)) != SALT_BYTES
            or len(_unb64(self.nonce)) != NONCE_BYTES
            or len(_unb64(self.wrapped_key)) != DATA_KEY_BYTES + 16
        ):
            raise UnsupportedFormat(
                "The key file holds a key slot of the wrong size (salt, nonce or wrapped key); "
                "it was not written by nkcase."
            )


@dataclass
class KeyFile:
    vault_id: str
    slots: list[Slot] = field(default_factory=list)
    format: str = KEYFILE_FORMAT
    # The audit-log head as of the last change, encrypted and authenticated (see
    # nkcase/vault/anchor.py): an older vault.db beside this file is seen at unlock.
    anchor: str | None = None

    # -- wrapping -------------------------------------------------------------------------
    def _aad(self, slot_id: str, kind: str) -> bytes:
        return f"{self.format}|{self.vault_id}|{slot_id}|{kind}".encode()

    def _wrap(self, kind: str, secret: bytes, data_key: bytes, params: KdfParams) -> Slot:
        slot_id = secrets.token_hex(4)
        salt = os.urandom(16)
        kek = params.derive(secret, salt)
        nonce = os.urandom(12)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, self._aad(slot_id, kind))
        return Slot(
            id=slot_id,
            kind=kind,
            kdf={
                "name": params.name,
                "memory_kib": params.memory_kib,
                "iterations": params.iterations,
                "lanes": params.lanes,
            },
            salt=_b64(salt),
            nonce=_b64(nonce),
            wrapped_key=_b64(wrapped),
            created=time.strftime("%Y-%m-%d", time.gmtime()),
        )

    def _unwrap(self, slot: Slot, secret: bytes) -> bytes | None:
        params = slot.params()
        if params.name != "argon2id":
            raise UnsupportedFormat(f"The key file uses an unknown key derivation ({params.name}).")
        kek = params.derive(secret, _unb64(slot.salt))
        try:
            return AESGCM(kek).decrypt(
                _unb64(slot.nonce), _unb64(slot.wrapped_key), self._aad(slot.id, slot.kind)
            )
        except InvalidTag:
            return None

    def make_passphrase_slot(self, data_key: bytes, passphrase: str, params: KdfParams) -> Slot:
        """A new slot (not yet in the file): for adding, or replacing one on a change."""
        return self._wrap("passphrase", passphrase_bytes(passphrase), data_key, params)

    def add_passphrase_slot(self, data_key: bytes, passphrase: str, params: KdfParams) -> Slot:
        slot = self.make_passphrase_slot(data_key, passphrase, params)
        self.slots.append(slot)
        return slot

    def add_recovery_slot(self, data_key: bytes, recovery_key: str) -> Slot:
        secret = normalize_recovery_key(recovery_key).encode("ascii")
        # The recovery key carries 160 bits of entropy; the floor parameters are plenty.
        params = KdfParams(memory_kib=MIN_MEMORY_KIB, iterations=MIN_ITERATIONS)
        slot = self._wrap("recovery", secret, data_key, params)
        self.slots = [s for s in self.slots if s.kind != "recovery"]
        self.slots.append(slot)
        return slot

    def unlock_with_passphrase(self, passphrase: str) -> tuple[bytes, Slot]:
        # NFC first (how every slot is written now); then the text exactly as typed, for slots
        # written before passphrases were normalised, so no existing vault is locked out.
        secrets_to_try = [passphrase_bytes(passphrase)]
        raw = passphrase.encode("utf-8", "surrogatepass")
        if raw != secrets_to_try[0]:
            secrets_to_try.append(raw)
        for secret in secrets_to_try:
            for slot in self.slots:
                if slot.kind == "passphrase":
                    key = self._unwrap(slot, secret)
                    if key is not None:
                        return key, slot
        raise WrongPassphrase("Wrong passphrase: it does not open this vault.")

    def unlock_with_recovery(self, recovery_key: str) -> tuple[bytes, Slot]:
        secret = normalize_recovery_key(recovery_key).encode("ascii")
        for slot in self.slots:
            if slot.kind == "recovery":
                key = self._unwrap(slot, secret)
                if key is not None:
                    return key, slot
        raise WrongRecoveryKey("Wrong recovery key: it does not open this vault.")

    def replace_slot(self, old: Slot, new: Slot) -> None:
        self.slots = [new if s.id == old.id else s for s in self.slots]

    # -- serialisation ------------------------------------------------------------------
    def _body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": self.format,
            "vault_id": self.vault_id,
            "slots": [asdict(s) for s in self.slots],
        }
        if self.anchor is not None:
            body["anchor"] = self.anchor
        return body

    def to_bytes(self) -> bytes:
        body = self._body()
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        body["checksum"] = hashlib.sha256(canonical).hexdigest()
        return json.dumps(body, indent=1, sort_keys=True).encode() + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        damaged = KeyFileDamaged(
            "The key file (keys.json) is damaged: it cannot be read. Restore it from a backup; "
            "the vault cannot be opened without it."
        )
        try:
            # ValueError also covers an integer past Python's digit limit.
            doc = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):
            raise damaged from None
        if not isinstance(doc, dict):
            raise damaged
        fmt = doc.get("format")
        if isinstance(fmt, str) and fmt.startswith("nkcase/keyfile-") and fmt != KEYFILE_FORMAT:
            raise UnsupportedFormat(
                f"The key file has format {fmt!r}, which this version of nkcase does not know. "
                "Upgrade nkcase."
            )
        checksum = doc.pop("checksum", None)
        canonical = json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()
        if fmt != KEYFILE_FORMAT or checksum != hashlib.sha256(canonical).hexdigest():
            raise damaged
        try:
            slots = [Slot(**s) for s in doc["slots"]]
            for s in slots:
                s.check_shape()
            anchor = doc.get("anchor")
            if anchor is not None and not isinstance(anchor, str):
                raise TypeError("anchor")
            vault_id = doc["vault_id"]
            if not (isinstance(vault_id, str) and vault_id.isascii() and vault_id.isprintable()):
                raise TypeError("vault_id")
            return cls(vault_id=vault_id, slots=slots, anchor=anchor)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            raise damaged from None

    def save(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = read_capped(path, MAX_KEYFILE_BYTES, "key file")
        except OversizedInput:
            raise KeyFileDamaged(
                "The key file (keys.json) is damaged: it is not a small regular file. Restore it "
                "from a backup; the vault cannot be opened without it."
            ) from None
        except FileNotFoundError:
            raise KeyFileDamaged(
                f"The key file is missing from {path.parent}: the vault cannot be opened "
                "without it. Restore it from a backup."
            ) from None
        return cls.from_bytes(raw)


# -- duress (added for issue 6; see nkcase/services/keys.py) ---------------------------------
# A duress slot is an ordinary-looking passphrase slot whose wrapped value is not the data key
# but a marker: 16 random bytes followed by a 16-byte tag over them and the vault id. From the
# outside it cannot be told from any other passphrase slot; once unwrapped, the tag tells it
# apart from a real data key (a random key matches with probability 2**-128).
def _duress_tag(vault_id: str, nonce: bytes) -> bytes:
    return hashlib.sha256(b"nkcase/duress|" + vault_id.encode() + b"|" + nonce).digest()[:16]


def new_duress_marker(vault_id: str) -> bytes:
    nonce = secrets.token_bytes(16)
    return nonce + _duress_tag(vault_id, nonce)


def is_duress_marker(vault_id: str, value: bytes) -> bool:
    if len(value) != DATA_KEY_BYTES:
        return False
    return secrets.compare_digest(value[16:], _duress_tag(vault_id, value[:16]))


def scrambled_copy(slot: Slot) -> Slot:
    """The same slot (id, kind, parameters, date) wrapping nothing anyone can unwrap.

    Used when duress destroys the passphrase slots: the key file keeps its shape and slot count.
    """
    return Slot(
        id=slot.id,
        kind=slot.kind,
        kdf=dict(slot.kdf),
        salt=_b64(os.urandom(16)),
        nonce=_b64(os.urandom(12)),
        wrapped_key=_b64(os.urandom(DATA_KEY_BYTES + 16)),
        created=slot.created,
    )
