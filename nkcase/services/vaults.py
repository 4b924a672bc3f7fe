"""Creating, opening and checking vaults; changing passphrases."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from nkcase.config import test_kdf_enabled
from nkcase.errors import DatabaseDamaged, NkcaseError, WrongPassphrase
from nkcase.process_hardening import test_abort_point
from nkcase.services import audit
from nkcase.vault import anchor
from nkcase.vault import engine as db
from nkcase.vault.keyslots import (
    TEST_KDF,
    KdfParams,
    KeyFile,
    calibrate_kdf,
    check_passphrase_strength,
    new_data_key,
    new_recovery_key,
)
from nkcase.vault.models import Meta
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)


def default_kdf() -> KdfParams:
    """Calibrated parameters, unless the explicit test-only switch is set."""
    if test_kdf_enabled():
        log.warning("using INSECURE test key-derivation parameters (test switch is set)")
        return TEST_KDF
    return calibrate_kdf()


def get_meta(session: Session, key: str) -> bytes | None:
    return session.scalar(select(Meta.value).where(Meta.key == key))


def set_meta(session: Session, key: str, value: bytes) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def organisation(session: Session) -> str:
    return (get_meta(session, "organisation") or b"").decode("utf-8")


def signing_key(session: Session) -> Ed25519PrivateKey:
    raw = get_meta(session, "signing_key")
    if raw is None:
        raise NkcaseError("This vault has no organisation signing key.")
    return Ed25519PrivateKey.from_private_bytes(raw)


def create_vault(
    path: Path, organisation: str, passphrase: str, kdf: KdfParams | None = None
) -> tuple[Vault, str]:
    """A new vault in ``path``; returns it open, and the recovery key to show once."""
    organisation = organisation.strip()
    if not organisation:
        raise NkcaseError("Give the organisation's name: it signs every packet.")
    check_passphrase_strength(passphrase)
    params = kdf or default_kdf()
    recovery = new_recovery_key()
    vault = Vault.create(Path(path), passphrase, recovery, params, new_data_key())
    key = Ed25519PrivateKey.generate()
    with vault.session() as session:
        set_meta(session, "organisation", organisation.encode("utf-8"))
        set_meta(
            session,
            "signing_key",
            key.private_bytes(
                serialization.Encoding.Raw,
                serialization.PrivateFormat.Raw,
                serialization.NoEncryption(),
            ),
        )
        audit.record(
            session,
            "vault.created",
            detail={
                "kdf": {
                    "memory_kib": params.memory_kib,
                    "iterations": params.iterations,
                    "lanes": params.lanes,
                }
            },
        )
    return vault, recovery


def open_vault(
    path: Path,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    accept_rollback: bool = False,
) -> Vault:
    """Unlock; an older database than the key file last saw is refused unless
    ``accept_rollback`` (then audited as ``vault.rollback_accepted``)."""
    vault = Vault.unlock(
        Path(path),
        passphrase=passphrase,
        recovery_key=recovery_key,
        accept_rollback=accept_rollback,
    )
    test_abort_point("unlocked")  # test-only (a switch in nkcase.config): a crash, key in memory
    return vault


def change_passphrase(vault: Vault, old: str, new: str, kdf: KdfParams | None = None) -> None:
    """Rewrap the data key under a new passphrase; the database is not touched."""
    check_passphrase_strength(new)
    # Alone (VaultBusy otherwise): a program with the vault open would later save its own copy
    # of the key file over this change. Read fresh from disk inside the lock.
    with vault.lock.exclusive():
        vault.reload_keyfile()
        keyfile = vault.keyfile
        try:
            data_key, slot = keyfile.unlock_with_passphrase(old)
        except WrongPassphrase:
            raise WrongPassphrase("The current passphrase is wrong; nothing was changed.") from None
        params = kdf or default_kdf()
        replacement = keyfile.make_passphrase_slot(data_key, new, params)
        updated = KeyFile(
            vault_id=keyfile.vault_id,
            slots=list(keyfile.slots),
            format=keyfile.format,
            anchor=keyfile.anchor,  # the audit anchor stays (see nkcase/vault/anchor.py)
        )
        updated.replace_slot(slot, replacement)
        updated.save(vault.keys_path)  # atomic: the old file stays whole if this fails
        vault.keyfile = updated
    with vault.session() as session:
        audit.record(session, "passphrase.changed", detail={"slot": replacement.id})


@dataclass
class CheckReport:
    cases: int = 0
    audit_entries: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_vault(vault: Vault) -> CheckReport:
    """Page HMACs, SQLite structure, schema revision and the audit chain."""
    report = CheckReport()
    try:
        report.problems += db.integrity_problems(vault.engine)
        if db.current_revision(vault.engine) != db.head_revision():
            report.problems.append("schema: not at the current revision")
        with vault.session() as session:
            from nkcase.services.cases import count_cases

            report.cases = count_cases(session)
            chain = audit.verify_chain(session)
            report.audit_entries = chain.entries
            report.problems += chain.problems
            # Texts, versions and consents as the chain sealed them.
            report.problems += audit.verify_rows(session, chain.seals)
        if not vault.is_decoy:
            # The key file as it is on disk now (another program may have moved it on).
            with vault.engine.connect() as conn:
                why = anchor.problem(conn, KeyFile.load(vault.keys_path))
            if why is not None:
                report.problems.append(f"audit log: {why}")
    except (DBAPIError, DatabaseDamaged) as exc:
        report.problems.append(
            "database: pages fail their integrity check"
            if isinstance(exc, DatabaseDamaged) or db.is_damage(exc)
            else "database: cannot be read"
        )
    return report
