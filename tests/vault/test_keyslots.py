import json

import pytest

from nkcase.errors import KeyFileDamaged, UnsupportedFormat, WeakPassphrase, WrongPassphrase
from nkcase.vault import keyslots
from nkcase.vault.keyslots import TEST_KDF, KdfParams, KeyFile


def make_keyfile() -> tuple[KeyFile, bytes, str]:
    kf = KeyFile(vault_id="ab" * 16)
    key = keyslots.new_data_key()
    recovery = keyslots.new_recovery_key()
    kf.add_passphrase_slot(key, "first passphrase here", TEST_KDF)
    kf.add_recovery_slot(key, recovery)
    return kf, key, recovery


def test_passphrase_and_recovery_unwrap_the_same_key():
    kf, key, recovery = make_keyfile()
    assert kf.unlock_with_passphrase("first passphrase here")[0] == key
    # Typed back loosely: lower case, spaces, O for 0 and L for 1.
    sloppy = recovery.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert kf.unlock_with_recovery(sloppy)[0] == key


def test_recovery_key_shape():
    rk = keyslots.new_recovery_key()
    groups = rk.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert not set(rk) & set("ILOU")


def test_wrong_passphrase_is_refused():
    kf, _, _ = make_keyfile()
    with pytest.raises(WrongPassphrase):
        kf.unlock_with_passphrase("not the passphrase")


def test_slot_is_bound_to_its_vault():
    kf, _, _ = make_keyfile()
    other = KeyFile(vault_id="cd" * 16, slots=kf.slots)
    with pytest.raises(WrongPassphrase):
        other.unlock_with_passphrase("first passphrase here")


def test_roundtrip_and_checksum_detects_damage():
    kf, key, _ = make_keyfile()
    raw = kf.to_bytes()
    assert KeyFile.from_bytes(raw).unlock_with_passphrase("first passphrase here")[0] == key
    doc = json.loads(raw)
    doc["slots"][0]["wrapped_key"] = doc["slots"][0]["wrapped_key"][::-1]
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(json.dumps(doc).encode())
    for bad in (b"", b"\xff\xfe", b"[]", b'{"format": "nkcase/keyfile-v1"}', raw[:-20]):
        with pytest.raises(KeyFileDamaged):
            KeyFile.from_bytes(bad)


def test_unknown_version_is_named():
    kf, _, _ = make_keyfile()
    doc = json.loads(kf.to_bytes())
    doc["format"] = "nkcase/keyfile-v9"
    with pytest.raises(UnsupportedFormat, match="keyfile-v9"):
        KeyFile.from_bytes(json.dumps(doc).encode())


@pytest.mark.parametrize(
    "weak, reason",
    [
        ("short1", "too short"),
        ("password1234", "guess"),
        ("qwertyuiop123", "guess"),
        ("aaaaaaaaaaaaaa", "guess"),
    ],
)
def test_weak_passphrases_are_refused_with_a_reason(weak, reason):
    with pytest.raises(WeakPassphrase, match=reason):
        keyslots.check_passphrase_strength(weak)


def test_strong_passphrase_passes():
    keyslots.check_passphrase_strength("plum-vortex-harbor-quietly-81")
    assert keyslots.strength_score("plum-vortex-harbor-quietly-81") >= 3
    assert keyslots.strength_score("abc") <= 2


def test_calibration_never_goes_below_the_floor():
    params = keyslots.calibrate_kdf(target_seconds=0.01)
    assert params.memory_kib >= 64 * 1024 and params.iterations >= 3
    assert params.meets_minimum
    assert not TEST_KDF.meets_minimum
    assert KdfParams(65536, 3).meets_minimum
