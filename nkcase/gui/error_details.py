"""The core's English error details, translated: one template per message the core can raise.

The core (no Qt) writes its :class:`~nkcase.errors.NkcaseError` messages in English; they carry
the specifics a reader needs (a path, a JSON path, a case pseudonym, a number). Each message is
listed here as a template in Qt's style, its variable parts written ``%1``, ``%2`` ...::

    "Case %1 has no interview %2."   <-   f"Case {case.pseudonym} has no interview {interview_id}."

:func:`translate_detail` finds the template a message matches as a whole (the most specific one:
most literal characters), translates it in the context ``ErrorDetails`` and puts the message's own
values back in. Each value goes through :func:`translate_detail` again, so a message made of
known parts translates them too: ``"<path>: <problem>"`` of a case file or a form field, the
reason inside "This backup is damaged (...)", zxcvbn's warning inside a weak-passphrase message.
Anything else in a value (a pseudonym, a path, a gate id, a number) is kept exactly as written.
A message no template matches is shown as it is, in English.

tests/gui/test_error_details.py reads every error the core raises (with ast) and fails when one
has no template here; resources/translations/nkcase_ko.ts holds the Korean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ErrorDetails"

# QT_TRANSLATE_NOOP returns its text unchanged (typed ``object`` by the stubs).
_NOOPS: tuple[object, ...] = (
    # Composite messages: CaseFileError / InvalidEdit are "<path>: <problem>" (a case file's own
    # path goes in front as "<file>: <path>: <problem>"). The parts are translated on their own.
    QT_TRANSLATE_NOOP("ErrorDetails", "%1: %2"),
    QT_TRANSLATE_NOOP("ErrorDetails", "(file)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "case %1"),
    # nkcase/domain/casefile.py: problems the case-file validator reports (and the editing services
    # reuse for a form's fields); nkcase/domain/dates.py: the date problems it quotes.
    QT_TRANSLATE_NOOP("ErrorDetails", "expected a string"),
    QT_TRANSLATE_NOOP("ErrorDetails", "longer than %1 characters"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected true or false"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected YYYY, YYYY-MM or YYYY-MM-DD (not a real date)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected %1: one of %2"),
    QT_TRANSLATE_NOOP("ErrorDetails", "a wage period"),
    QT_TRANSLATE_NOOP("ErrorDetails", "a sex"),
    QT_TRANSLATE_NOOP("ErrorDetails", "a sector code"),
    QT_TRANSLATE_NOOP("ErrorDetails", "how they left"),
    QT_TRANSLATE_NOOP("ErrorDetails", "an ILO indicator code"),
    QT_TRANSLATE_NOOP("ErrorDetails", "a submission target"),
    QT_TRANSLATE_NOOP("ErrorDetails", "an attribution"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected an ISO 3166-1 alpha-3 country code such as RUS"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected a lower-case code such as work_unit"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected a list"),
    QT_TRANSLATE_NOOP("ErrorDetails", "more than %1 entries"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected an object"),
    QT_TRANSLATE_NOOP("ErrorDetails", "unknown key"),
    QT_TRANSLATE_NOOP("ErrorDetails", "required"),
    QT_TRANSLATE_NOOP("ErrorDetails", "required (name or name_ko)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "at least one interview with a narrative is required"),
    QT_TRANSLATE_NOOP("ErrorDetails", "must not be empty"),
    QT_TRANSLATE_NOOP("ErrorDetails", "is before start"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "the file holds no cases"),
    QT_TRANSLATE_NOOP("ErrorDetails", "no such file"),
    QT_TRANSLATE_NOOP("ErrorDetails", "is a folder, not a case file"),
    QT_TRANSLATE_NOOP("ErrorDetails", "cannot be read (permission denied)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "is not UTF-8 text"),
    QT_TRANSLATE_NOOP("ErrorDetails", "is not valid JSON (line %1, column %2)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "is nested too deeply"),
    # nkcase/services/editing/: a form's value refused.
    QT_TRANSLATE_NOOP("ErrorDetails", "is not a known text field"),
    QT_TRANSLATE_NOOP("ErrorDetails", "is not a field with versions"),
    QT_TRANSLATE_NOOP("ErrorDetails", "is not a field that can be edited"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected one of %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected an ILO indicator code"),
    QT_TRANSLATE_NOOP("ErrorDetails", "required (a name in either script)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "required (wife, son, mother...)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "required (in either script)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "record a withdrawal with its own action"),
    QT_TRANSLATE_NOOP("ErrorDetails", "required (the date of the withdrawal)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "expected true, false or unknown"),
    QT_TRANSLATE_NOOP("ErrorDetails", "Case %1 has no %2 %3."),
    QT_TRANSLATE_NOOP("ErrorDetails", "deployment"),
    QT_TRANSLATE_NOOP("ErrorDetails", "indicator"),
    QT_TRANSLATE_NOOP("ErrorDetails", "interview"),
    QT_TRANSLATE_NOOP("ErrorDetails", "relative"),
    QT_TRANSLATE_NOOP("ErrorDetails", "sensitive term"),
    # nkcase/services/cases.py, vaults.py, keys.py, backup.py; nkcase/redaction/store.py.
    QT_TRANSLATE_NOOP("ErrorDetails", "No case %1 in this vault (see `nkcase list`)."),
    QT_TRANSLATE_NOOP("ErrorDetails", "Case %1 has no interview %2."),
    QT_TRANSLATE_NOOP("ErrorDetails", "There is no case %1."),
    QT_TRANSLATE_NOOP("ErrorDetails", "This vault has no organisation signing key."),
    QT_TRANSLATE_NOOP("ErrorDetails", "Give the organisation's name: it signs every packet."),
    QT_TRANSLATE_NOOP("ErrorDetails", "The current passphrase is wrong; nothing was changed."),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "That is the duress passphrase; choose another. Nothing was changed."
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "That passphrase already opens this vault; a duress passphrase must be different. "
        "Nothing was changed.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "There is no key slot %1 (see `nkcase slots list`)."),
    # nkcase/errors.py: a full disk (never called damage) and a vault on read-only media.
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "The disk is full: free space on %1 and try again. Nothing was changed."
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "The disk is full: free space and try again. Nothing was changed."
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "Attachment %1 is larger than %2 megapixels; it cannot be exported."
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "Attachment %1 is larger than %2 megapixels (only JPEG photos may be larger); it cannot "
        "be exported.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "This vault is on read-only media (%1): it can be read and searched, but not changed, "
        "and exports are refused too (each is recorded in the vault). Copy the vault folder to a "
        "writable disk to change or export from it. Nothing was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The recovery slot cannot be removed; use `nkcase recovery-key regenerate` to "
        "replace the recovery key.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "This is the last passphrase of the vault; add another before removing it. Nothing "
        "was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "%1 already holds a vault (or other files); nothing was restored. Choose another "
        "folder, or pass --force to replace it.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "%1 already holds a vault; nothing was restored."),
    QT_TRANSLATE_NOOP("ErrorDetails", "%1 is a file, not a folder; nothing was restored."),
    QT_TRANSLATE_NOOP("ErrorDetails", "There is no backup file %1."),
    QT_TRANSLATE_NOOP("ErrorDetails", "%1 is a folder, not a backup file."),
    # nkcase/vault/: opening, locking, key file, database, backups, attachments.
    QT_TRANSLATE_NOOP("ErrorDetails", "Wrong passphrase: it does not open this vault."),
    QT_TRANSLATE_NOOP("ErrorDetails", "Wrong recovery key: it does not open this vault."),
    QT_TRANSLATE_NOOP("ErrorDetails", "Wrong passphrase: it does not open this backup."),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The vault in %1 is open in another program or window. Close or lock it there, then "
        "try again; nothing was changed.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "A vault already exists in %1; nothing was changed."),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "There is no vault in %1. Create one with `nkcase init` (or pass --vault DIR to use "
        "another folder).",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The key file (keys.json) is damaged: it cannot be read. Restore it from a backup; "
        "the vault cannot be opened without it.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "The key file uses an unknown key derivation (%1)."),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The key file has format %1, which this version of nkcase does not know. Upgrade nkcase.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The key file is missing from %1: the vault cannot be opened without it. Restore it "
        "from a backup.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The vault database in %1 is damaged: some of its pages fail their integrity check. "
        "Nothing was changed. Restore the vault from a backup, or run `nkcase check` for "
        "details.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "This vault was written by a newer version of nkcase. Upgrade nkcase to open it.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "This backup is damaged or is not an nkcase backup (%1). Nothing was restored; use "
        "another copy of the backup.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "This backup has format %1, which this version of nkcase does not know. Upgrade "
        "nkcase to restore it.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "it does not start like one"),
    QT_TRANSLATE_NOOP("ErrorDetails", "it ends early, in the %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "header"),
    QT_TRANSLATE_NOOP("ErrorDetails", "record %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "its header has an impossible length"),
    QT_TRANSLATE_NOOP("ErrorDetails", "its header cannot be read"),
    QT_TRANSLATE_NOOP("ErrorDetails", "its header is incomplete"),
    QT_TRANSLATE_NOOP("ErrorDetails", "the key slots inside it are damaged"),
    QT_TRANSLATE_NOOP("ErrorDetails", "its key slots belong to another vault"),
    QT_TRANSLATE_NOOP("ErrorDetails", "it ends early: the file was cut short"),
    QT_TRANSLATE_NOOP("ErrorDetails", "record %1 has an impossible type or length"),
    QT_TRANSLATE_NOOP("ErrorDetails", "record %1 fails its authentication check"),
    QT_TRANSLATE_NOOP("ErrorDetails", "there are extra bytes after its end"),
    QT_TRANSLATE_NOOP("ErrorDetails", "its contents do not match its summary"),
    QT_TRANSLATE_NOOP("ErrorDetails", "the database inside it fails its integrity check"),
    QT_TRANSLATE_NOOP("ErrorDetails", "the database inside it cannot be read"),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "Attachment %1 is damaged (%2); its content cannot be trusted. Restore the vault "
        "from a backup.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "chunk %1 cannot be read"),
    QT_TRANSLATE_NOOP("ErrorDetails", "chunk %1 is missing"),
    QT_TRANSLATE_NOOP("ErrorDetails", "chunk %1 fails its checksum"),
    QT_TRANSLATE_NOOP("ErrorDetails", "its length differs from the recorded one"),
    QT_TRANSLATE_NOOP("ErrorDetails", "the file fails its checksum"),
    QT_TRANSLATE_NOOP("ErrorDetails", "No attachment %1 in this vault."),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "Attachment %1 is too large to open in memory (%2 MiB); save it instead."
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The vault database is damaged: the pages holding this attachment fail their "
        "integrity check. Restore the vault from a backup.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "Only images can go into an export (as redacted copies without metadata); "
        "recordings and documents stay in the vault.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "Attachment %1 is not marked for export; a reviewer must include it explicitly.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "Attachment %1 is not an image nkcase can re-encode; it cannot be exported."
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "The vault is locked; unlock it first."),
    # nkcase/vault/keyslots.py: a weak passphrase; the second message quotes zxcvbn's
    # warning (its final full stop removed) or nkcase's own reason.
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "This passphrase is too short: use at least %1 characters; four or more unrelated "
        "words are easy to remember and hard to guess.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "This passphrase is too easy to guess: %1. Add more unrelated words or characters.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "It would be guessed quickly by an attacker with the laptop"),
    QT_TRANSLATE_NOOP("ErrorDetails", "Straight rows of keys are easy to guess"),
    QT_TRANSLATE_NOOP("ErrorDetails", "Short keyboard patterns are easy to guess"),
    QT_TRANSLATE_NOOP("ErrorDetails", 'Repeats like "aaa" are easy to guess'),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", 'Repeats like "abcabcabc" are only slightly harder to guess than "abc"'
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", 'Sequences like "abc" or "6543" are easy to guess'),
    QT_TRANSLATE_NOOP("ErrorDetails", "Recent years are easy to guess"),
    QT_TRANSLATE_NOOP("ErrorDetails", "Dates are often easy to guess"),
    QT_TRANSLATE_NOOP("ErrorDetails", "This is a top-10 common password"),
    QT_TRANSLATE_NOOP("ErrorDetails", "This is a top-100 common password"),
    QT_TRANSLATE_NOOP("ErrorDetails", "This is a very common password"),
    QT_TRANSLATE_NOOP("ErrorDetails", "This is similar to a commonly used password"),
    QT_TRANSLATE_NOOP("ErrorDetails", "A word by itself is easy to guess"),
    QT_TRANSLATE_NOOP("ErrorDetails", "Names and surnames by themselves are easy to guess"),
    QT_TRANSLATE_NOOP("ErrorDetails", "Common names and surnames are easy to guess"),
    # nkcase/packets/: consent gates, export, leak check (with the registered term's category,
    # underscores as spaces), signature and packet verification.
    QT_TRANSLATE_NOOP("ErrorDetails", "unknown target %1 (one of: %2)"),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "%1: consent was withdrawn on %2; this case can no longer be exported"
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "%1: consent gate G0 (interview and recording) is missing"),
    QT_TRANSLATE_NOOP("ErrorDetails", "%1: consent gate G1 (storage and internal use) is missing"),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "%1: consent gate G2 for target %2 (share an anonymised packet) is missing"
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "%1: %2 redaction suggestion%3 still unreviewed (%4); review %5 before exporting.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "The packet file name must end in .zip"),
    QT_TRANSLATE_NOOP("ErrorDetails", "The folder %1 does not exist."),
    QT_TRANSLATE_NOOP("ErrorDetails", "Name at least one case with --case."),
    QT_TRANSLATE_NOOP("ErrorDetails", "A pattern submission needs at least two cases."),
    QT_TRANSLATE_NOOP("ErrorDetails", "Case %1 is named twice."),
    QT_TRANSLATE_NOOP("ErrorDetails", "No case to export."),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "%1: this packet carries the witness's identity for OHCHR (consent G3), so it never "
        "uses the case's stable pseudonym; export it without linking pseudonyms.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "No packet of this vault names a case %1."),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "%1: the leak check found a registered %2 in %3; nothing was written. Review the "
        "redactions of this case and export again.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "%1: the leak check found a registered %2 in %3, a field of the case that review does "
        "not redact; nothing was written. Edit that field of the case and export again.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "witness name"),
    QT_TRANSLATE_NOOP("ErrorDetails", "relative name"),
    QT_TRANSLATE_NOOP("ErrorDetails", "birth date"),
    QT_TRANSLATE_NOOP("ErrorDetails", "dob"),
    QT_TRANSLATE_NOOP("ErrorDetails", "hometown"),
    QT_TRANSLATE_NOOP("ErrorDetails", "phone"),
    QT_TRANSLATE_NOOP("ErrorDetails", "case ref"),
    QT_TRANSLATE_NOOP("ErrorDetails", "relative location"),
    QT_TRANSLATE_NOOP("ErrorDetails", "relative detail"),
    QT_TRANSLATE_NOOP("ErrorDetails", "interview place"),
    QT_TRANSLATE_NOOP("ErrorDetails", "interviewer"),
    QT_TRANSLATE_NOOP("ErrorDetails", "passport"),
    QT_TRANSLATE_NOOP("ErrorDetails", "id number"),
    QT_TRANSLATE_NOOP("ErrorDetails", "email"),
    QT_TRANSLATE_NOOP("ErrorDetails", "name"),
    QT_TRANSLATE_NOOP("ErrorDetails", "sensitive"),
    QT_TRANSLATE_NOOP("ErrorDetails", "work unit"),
    QT_TRANSLATE_NOOP("ErrorDetails", "village"),
    QT_TRANSLATE_NOOP("ErrorDetails", "employer"),
    QT_TRANSLATE_NOOP("ErrorDetails", "event"),
    QT_TRANSLATE_NOOP("ErrorDetails", "place"),
    QT_TRANSLATE_NOOP("ErrorDetails", "organisation"),
    QT_TRANSLATE_NOOP("ErrorDetails", "other"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: the signing key is not an Ed25519 key"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: the signing key has the wrong length"),
    QT_TRANSLATE_NOOP("ErrorDetails", "signer.pub is not an OpenSSH Ed25519 public key"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: not an armored SSH signature"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: not an SSHSIG signature"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: unsupported SSHSIG version"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: namespace is not %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: unsupported hash algorithm"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: not an Ed25519 signature"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: the signature is truncated"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: trailing bytes after the signature"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: the signature is not valid base64"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: SHA256SUMS.sig does not match SHA256SUMS"),
    QT_TRANSLATE_NOOP("ErrorDetails", "bad signature: signer.pub is not an OpenSSH public key"),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "bad signature: SHA256SUMS.sig is not an armored SSH signature"
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "bad signature: SHA256SUMS.sig was made by a key other than signer.pub"
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "no such file: %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "not a ZIP file (or a damaged one)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: too many entries in the ZIP"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: duplicate entry %1 in the ZIP"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: unsafe entry name %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: %1 is not a regular file"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: %1 is encrypted in the ZIP"),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "malformed packet: the ZIP expands to more than a packet ever holds"
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: %1 is too large"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: %1 is compressed suspiciously well"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: %1 is larger than declared"),
    QT_TRANSLATE_NOOP("ErrorDetails", "hash mismatch: %1 is damaged inside the ZIP"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed manifest: manifest.json is not valid JSON"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed manifest: manifest.json is not a JSON object"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed manifest: format is not %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed manifest: %1 is missing or not a string"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed manifest: cases is missing or not a list"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed manifest: files is missing or empty"),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "malformed manifest: files[%1] must have exactly path, sha256, size"
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed manifest: files[%1].path is not a safe file name"),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "malformed manifest: files[%1] lists %2, which it cannot cover"
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed manifest: %1 is listed twice"),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "malformed manifest: files[%1].sha256 is not a SHA-256 hex digest"
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed manifest: files[%1].size is not a size"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: SHA256SUMS is not plain text"),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "malformed packet: SHA256SUMS line %1 is not '<sha256>  <file>'"
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: SHA256SUMS lists %1 twice"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: SHA256SUMS does not end with a newline"),
    QT_TRANSLATE_NOOP("ErrorDetails", "missing file: manifest.json"),
    QT_TRANSLATE_NOOP("ErrorDetails", "missing file: %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "extra file: %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed manifest: %1 is not listed"),
    QT_TRANSLATE_NOOP("ErrorDetails", "hash mismatch: %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "extra file: %1 is not in SHA256SUMS"),
    QT_TRANSLATE_NOOP("ErrorDetails", "malformed packet: SHA256SUMS lists %1"),
    QT_TRANSLATE_NOOP("ErrorDetails", "missing file: %1 (listed in SHA256SUMS)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "hash mismatch: %1 (SHA256SUMS)"),
    # nkcase/cli/: messages of the command line (the GUI may show them through shared services).
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "No passphrase given: use --passphrase-file F or set NKCASE_PASSPHRASE (there is no "
        "terminal to ask on).",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "The two entries differ; nothing was changed."),
    QT_TRANSLATE_NOOP("ErrorDetails", "%1 exists; pass --force to replace it."),
    QT_TRANSLATE_NOOP("ErrorDetails", "Cannot read the passphrase file %1."),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The new passphrase file %1 is empty (the passphrase is its first line); "
        "nothing was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "The demo's fictional cases are missing from this installation."
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails", "No pending suggestion has that text; see `nkcase review --list`."
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "The vault failed its check (%1 problems)."),
    QT_TRANSLATE_NOOP("ErrorDetails", "Give the organisation's name with --organisation NAME."),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "A blackout box is X,Y,WIDTH,HEIGHT in pixels: whole numbers, X and Y not negative, "
        "WIDTH and HEIGHT above zero.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "At most %1 blackout boxes per image."),
    QT_TRANSLATE_NOOP("ErrorDetails", "%1 is not a well-formed JPEG image; nothing was written."),
    QT_TRANSLATE_NOOP("ErrorDetails", "%1 still carries a metadata segment; nothing was written."),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "Attachment %1 is not included in exports; include it before marking what to black out.",
    ),
    QT_TRANSLATE_NOOP("ErrorDetails", "Cannot read %1; nothing was attached."),
    # Issue 9: hostile input and the audit anchor.
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The passphrase file %1 %2.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The passphrase file %1 %2; nothing was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "Cannot read the new passphrase file %1 (it must be a small UTF-8 text file); nothing "
        "was changed.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "cannot be read (%1)",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "holds NaN or Infinity, which JSON does not allow",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "holds a number too long to read (over 4,300 digits)",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "holds an invalid character (a lone UTF-16 surrogate)",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "expected a number from 0 to %1",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "expected a finite number (not NaN or Infinity)",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "malformed manifest: %1 holds an invalid character (a lone surrogate)",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "not a packet: not a regular file (a folder, a device or a pipe)",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "not a packet: larger than %1 MB, more than a packet ever holds",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "it is not a regular file: a device or a pipe",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "has the case reference of %1, in this vault",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "is already in this vault as %1 (same narratives)",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "has the same case reference as cases[%1]",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "repeats cases[%1] (the same narratives)",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "%1; nothing was imported. Edit that case in nkcase instead (or, if this really is "
        "another witness's case, import it with --as-new)",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "This vault's database is not the one its key file last saw: %1. Someone may have "
        "copied an older vault.db over this one (undoing changes such as a consent "
        "withdrawal). Nothing was changed. %2",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "the key slots inside it cannot be used: %1",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The key file asks for key-derivation settings outside what nkcase accepts (at most "
        "%1 GiB of memory, %2 passes, %3 lanes); it was not written by nkcase. Nothing was "
        "derived.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The key file holds a key slot of the wrong size (salt, nonce or wrapped key); it was "
        "not written by nkcase.",
    ),
    QT_TRANSLATE_NOOP(
        "ErrorDetails",
        "The key file (keys.json) is damaged: it is not a small regular file. Restore it from "
        "a backup; the vault cannot be opened without it.",
    ),
)

TEMPLATES: tuple[str, ...] = tuple(str(t) for t in _NOOPS)

_PLACEHOLDER = re.compile(r"%(\d+)")


@dataclass(frozen=True)
class _Template:
    text: str
    pattern: re.Pattern[str]
    numbers: tuple[int, ...]  # the placeholder number of each group, in order
    literal_chars: int


def _compile(template: str) -> _Template:
    pieces = _PLACEHOLDER.split(template)  # literal, number, literal, number, ..., literal
    literals = pieces[0::2]
    numbers = tuple(int(n) for n in pieces[1::2])
    regex = "(.*?)".join(re.escape(literal) for literal in literals)
    return _Template(template, re.compile(regex, re.DOTALL), numbers, sum(map(len, literals)))


# Most specific first; equally specific templates keep their order above.
_COMPILED: tuple[_Template, ...] = tuple(
    sorted((_compile(t) for t in TEMPLATES), key=lambda t: -t.literal_chars)
)


def template_for(message: str) -> str | None:
    """The template ``message`` matches as a whole (the most specific one), if any."""
    for template in _COMPILED:
        if template.pattern.fullmatch(message):
            return template.text
    return None


def translate_detail(message: str) -> str:
    """``message`` in the interface language; unchanged if no template matches it."""
    for template in _COMPILED:
        match = template.pattern.fullmatch(message)
        if match is not None:
            return _fill(template, match)
    return message


def _fill(template: _Template, match: re.Match[str]) -> str:
    # Every template has literal text, so each value is shorter than the message: this ends.
    values = {
        n: translate_detail(value)
        for n, value in zip(template.numbers, match.groups(), strict=True)
    }
    translated = QCoreApplication.translate(CONTEXT, template.text)
    return _PLACEHOLDER.sub(lambda p: values.get(int(p.group(1)), p.group(0)), translated)


__all__ = ["CONTEXT", "TEMPLATES", "template_for", "translate_detail"]
