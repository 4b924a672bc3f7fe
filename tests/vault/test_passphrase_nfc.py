"""A Korean passphrase opens the vault however it was typed, composed or not (issue 9, item 10)."""

from __future__ import annotations

import unicodedata

import pytest

from nkcase.errors import WrongPassphrase
from nkcase.services import vaults
from nkcase.vault.keyslots import TEST_KDF, KeyFile, new_data_key
from nkcase.vault.vault import Vault
from tests.conftest import ORGANISATION

KOREAN = "무산의 봄바람은 아직 차갑다 2024"
NFC = unicodedata.normalize("NFC", KOREAN)
NFD = unicodedata.normalize("NFD", KOREAN)


def test_the_forms_differ():
    assert NFC != NFD and NFC.encode() != NFD.encode()


@pytest.mark.parametrize(("created_with", "typed"), [(NFC, NFD), (NFD, NFC), (NFD, NFD)])
def test_either_form_opens(tmp_path, created_with, typed):
    vaults.create_vault(tmp_path / "v", ORGANISATION, created_with, kdf=TEST_KDF)[0].close()
    Vault.unlock(tmp_path / "v", typed).close()


def test_a_slot_written_before_normalising_still_opens_with_what_was_typed():
    keyfile = KeyFile(vault_id="0" * 32)
    data_key = new_data_key()
    # What older versions wrote: the passphrase's bytes exactly as typed (here decomposed).
    keyfile.slots.append(keyfile._wrap("passphrase", NFD.encode("utf-8"), data_key, TEST_KDF))
    assert keyfile.unlock_with_passphrase(NFD)[0] == data_key
    with pytest.raises(WrongPassphrase):
        keyfile.unlock_with_passphrase(NFC + "x")


def test_a_lone_surrogate_is_a_wrong_passphrase_not_a_crash(tmp_path):
    vaults.create_vault(tmp_path / "v", ORGANISATION, NFC, kdf=TEST_KDF)[0].close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(tmp_path / "v", "abc\ud800def")
