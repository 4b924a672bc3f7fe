"""Field reliability numbers (issue 6): kill -9 trials, 1 GB attachment memory, backup/restore.

    python bench/soak.py [--trials-per-mode 50] [--attachment-mib 1024] [--out FILE]

Prints one JSON document. Uses real SQLCipher vaults with the cheap test KDF in a temp folder.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nkcase.services import backup, cases, vaults  # noqa: E402
from nkcase.vault import attachments  # noqa: E402
from nkcase.vault.keyslots import TEST_KDF  # noqa: E402
from tests.reliability import killtrials  # noqa: E402
from tests.vault.test_attachments import peak_rss_mib  # noqa: E402

PASSPHRASE = killtrials.PASSPHRASES["A"]


class _Generated(io.RawIOBase):
    def __init__(self, n: int) -> None:
        self.left = n
        self.block = bytes(range(256)) * 4096

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = min(len(b), self.left, len(self.block))
        b[:n] = self.block[:n]
        self.left -= n
        return n


def backup_restore(base: Path, attachment_mib: int) -> dict[str, float]:
    vault, _ = vaults.create_vault(base / "v", "Soak", PASSPHRASE, kdf=TEST_KDF)
    with vault:
        for path in sorted((ROOT / "seeds").glob("*.json")):
            cases.import_case_file(vault, path)
        if attachment_mib:
            attachments.add_attachment(
                vault, 1, io.BufferedReader(_Generated(attachment_mib << 20)), "rec.wav"
            )
        info = backup.write_backup(vault, base / "b.nkbak")
    started = time.perf_counter()
    backup.verify_backup(base / "b.nkbak", PASSPHRASE)
    verify_s = time.perf_counter() - started
    restored = backup.restore_backup(base / "b.nkbak", base / "r", passphrase=PASSPHRASE)
    return {
        "vault_mib": round(info.snapshot_size / 2**20, 1),
        "backup_s": round(info.seconds, 2),
        "verify_s": round(verify_s, 2),
        "restore_s": round(restored.seconds, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials-per-mode", type=int, default=50)
    parser.add_argument("--attachment-mib", type=int, default=1024)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        kills = []
        for mode in killtrials.MODES:
            o = killtrials.run(mode, args.trials_per_mode, base, seed=2026)
            kills.append(
                {
                    "mode": mode,
                    "trials": o.trials,
                    "failures": len(o.failures),
                    "ops_reported": o.ops_reported,
                    "killed_mid_switch": o.killed_mid_switch,
                    "first_failures": o.failures[:3],
                }
            )
        result["kill9"] = {
            "trials": sum(k["trials"] for k in kills),  # type: ignore[misc]
            "failures": sum(k["failures"] for k in kills),  # type: ignore[misc]
            "by_mode": kills,
        }
        size = args.attachment_mib << 20
        started = time.perf_counter()
        before, after, n = peak_rss_mib(base / "rss", size)
        result["attachment"] = {
            "mib": args.attachment_mib,
            "bytes_read_back": n,
            "rss_before_mib": before,
            "peak_rss_mib": after,
            "store_and_read_s": round(time.perf_counter() - started, 1),
        }
        result["backup_restore_seeds_only"] = backup_restore(base / "br0", 0)
        result["backup_restore_with_attachment"] = backup_restore(base / "br1", args.attachment_mib)
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
