"""README.txt: what the packet is and how to check it with stock tools (packet-v1)."""

from __future__ import annotations

import textwrap
from typing import Any

from nkcase.packets import layout, sshsig

COMMAND_PREFIX = "    $ "
WIDTH = 92


def verification_commands(identity: str) -> list[str]:
    """The shell commands a recipient runs inside the unzipped packet folder."""
    quoted = identity.replace("'", "'\\''")
    return [
        "sha256sum -c SHA256SUMS",
        f"printf '\"%s\" %s\\n' '{quoted}' \"$(cat {layout.SIGNER})\" > allowed_signers",
        f"ssh-keygen -Y verify -f allowed_signers -I '{quoted}' -n {sshsig.NAMESPACE} "
        f"-s {layout.SIGNATURE} < {layout.SUMS}",
    ]


def extra_file_command() -> str:
    return (
        "find . -type f | sed 's|^\\./||' | grep -vxF -e SHA256SUMS -e SHA256SUMS.sig "
        "-e allowed_signers | sort | diff - <(cut -c67- SHA256SUMS | sort)"
    )


def readme_text(manifest: dict[str, Any], fingerprint: str, pattern: bool, images: int = 0) -> str:
    identity = layout.signer_identity(manifest["organisation"])
    kind = (
        "a pattern submission: statistics over many testimonies, naming no individual"
        if pattern
        else "a testimony submission"
    )
    cases = ", ".join(manifest["cases"])
    patterns_line = (
        "patterns.json        the statistics behind the pattern pages\n  " if pattern else ""
    )
    attachments_line = (
        "attachments/         photos or scans a reviewer chose to include: re-encoded copies\n"
        "                       without metadata, with identifying parts blacked out (an\n"
        "                       nkcase addition to the packet format)\n  "
        if images
        else ""
    )
    patterns_line += attachments_line
    intro = "\n".join(
        [
            textwrap.fill(
                f"This packet is {kind} about North Korean workers sent abroad and the forced "
                f"labour they describe. It was prepared by {manifest['organisation']} for:",
                width=WIDTH,
            ),
            textwrap.fill(
                manifest["target_name"], width=WIDTH, initial_indent="  ", subsequent_indent="  "
            ),
            textwrap.fill(
                f"on {manifest['created']} (UTC). Cases, by pseudonym: {cases}.", width=WIDTH
            ),
        ]
    )
    cmds = "\n".join(COMMAND_PREFIX + c for c in verification_commands(identity))
    scope = (
        "the same pseudonyms as in other packets of this organisation (it chose to link them)"
        if manifest.get("pseudonyms") == "linked"
        else "pseudonyms used in this packet only: another packet about the same person names "
        "them differently"
    )
    return f"""TESTIMONY PACKET {manifest["packet_id"]}
{"=" * (17 + len(manifest["packet_id"]))}

What this is
------------
{intro}

{textwrap.fill(f"Witnesses appear under {scope}.", width=WIDTH)}
Names, relatives, hometowns below province, exact dates of birth, phone numbers, interviewers
and places of interview have been removed. Dates of events are given to the month, ages as
five-year bands at the time of the events; the times in custody.jsonl to the month too.

Files
-----
  submission.pdf       the submission to read and print
  submission.json      the same content, structured (redacted)
  narratives/          the redacted narratives and translations, as plain text
  consent.json         the consent that allowed this export, per case (no names)
  custody.jsonl        the history of each text up to this packet (times, pseudonymous
                       actors, a hash of each version), one JSON object per line; a
                       hash marked "sha256" is of a text in this packet; one marked
                       "hmac-sha256-commitment" is of an unredacted text the
                       organisation keeps, and can be opened by it on request
  redaction_log.json   how many passages were redacted, by which rule, in which field
  {patterns_line}manifest.json        packet id, target, organisation, and each file's SHA-256, size
  SHA256SUMS           checksums of every file
  SHA256SUMS.sig       OpenSSH signature (SSHSIG, Ed25519) over SHA256SUMS
  signer.pub           the organisation's public key

How to check it (standard tools only)
-------------------------------------
Unzip the packet into an empty folder and run, inside that folder:

{cmds}

The first command must print "OK" for every file. The last must print
  Good "{sshsig.NAMESPACE}" signature for {identity} with ED25519 key {fingerprint}

Then compare that fingerprint with the one {manifest["organisation"]} published through
another channel (ssh-keygen -l -f signer.pub prints it too):
  {fingerprint}
A packet whose fingerprint you cannot confirm proves only that it was not altered after
signing, not who signed it.

To see that no file was added after signing (bash):
{COMMAND_PREFIX}{extra_file_command()}
It prints nothing when the folder holds exactly the signed files.

With nkcase installed, "nkcase verify PACKET.zip" runs all of these checks on the ZIP itself.
"""
