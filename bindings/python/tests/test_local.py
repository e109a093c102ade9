"""What only the embedded emulator offers: its clock, hardware tokens,
the calling user, account ids, quotas and files."""

from __future__ import annotations

import base64
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import iam_mfa
from conftest import new_device

START = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
HARDWARE_SEED = base64.b32encode(b"hardware token seed!").decode()


def test_a_manual_clock_moves_only_when_told() -> None:
    client = iam_mfa.Client.local(now=START)

    assert client.now() == START
    client.advance_clock(90)
    assert client.now() == START + timedelta(seconds=90)
    client.advance_clock(timedelta(minutes=1))
    assert client.now() == START + timedelta(seconds=150)
    client.set_clock(START)
    assert client.now() == START
    client.set_clock(0)
    assert client.now() == datetime(1970, 1, 1, tzinfo=timezone.utc)


def test_enable_checks_codes_against_the_emulator_clock() -> None:
    client = iam_mfa.Client.local(now=START)
    client.create_user("alice")
    device = new_device(client, "alice-phone")
    seed = device.base32_string_seed
    assert seed is not None
    code1, code2 = iam_mfa.enable_codes(seed, at=START)

    client.advance_clock(timedelta(hours=1))
    with pytest.raises(iam_mfa.InvalidAuthenticationCodeError):
        client.enable_mfa_device("alice", device.serial_number, code1, code2)

    client.set_clock(START)
    client.enable_mfa_device("alice", device.serial_number, code1, code2)
    (listed,) = client.list_mfa_devices("alice")
    assert listed.enable_date == START


def test_the_clock_of_a_system_clock_emulator_cannot_be_set(
    local: iam_mfa.LocalClient,
) -> None:
    before = datetime.now(timezone.utc)
    assert before - timedelta(seconds=1) <= local.now()

    with pytest.raises(iam_mfa.InvalidInputError, match="now="):
        local.set_clock(START)
    with pytest.raises(iam_mfa.InvalidInputError, match="now="):
        local.advance_clock(1)


def test_a_hardware_token_is_enabled_like_a_virtual_device() -> None:
    client = iam_mfa.Client.local(now=START)
    client.create_user("alice")
    client.register_hardware_token("GAHT12345678", HARDWARE_SEED)
    code1, code2 = iam_mfa.enable_codes(HARDWARE_SEED, at=START)

    client.enable_mfa_device("alice", "GAHT12345678", code1, code2)

    (listed,) = client.list_mfa_devices("alice")
    assert listed.serial_number == "GAHT12345678"
    assert list(client.list_virtual_mfa_devices()) == []
    with pytest.raises(iam_mfa.NoSuchEntityError):
        client.delete_virtual_mfa_device("GAHT12345678")
    with pytest.raises(iam_mfa.EntityAlreadyExistsError):
        client.register_hardware_token("GAHT12345678", HARDWARE_SEED)


def test_a_hardware_seed_may_be_bytes(local: iam_mfa.LocalClient) -> None:
    local.register_hardware_token("GAHT00001", HARDWARE_SEED.encode())
    local.register_hardware_token(
        "GAHT00002", bytearray(HARDWARE_SEED.encode())
    )

    with pytest.raises(iam_mfa.InvalidInputError, match="seed"):
        local.register_hardware_token("GAHT00003", "not base32!")
    with pytest.raises(iam_mfa.InvalidInputError):
        local.register_hardware_token("arn:aws:iam::1:mfa/x", HARDWARE_SEED)
    with pytest.raises(TypeError, match="seed"):
        local.register_hardware_token("GAHT00004", 1234)  # type: ignore[arg-type]


def test_the_calling_user_stands_in_for_an_omitted_user_name(
    local: iam_mfa.LocalClient,
) -> None:
    local.create_user("alice")
    device = new_device(local, "alice-phone")
    seed = device.base32_string_seed
    assert seed is not None
    code1, code2 = iam_mfa.enable_codes(seed)
    local.enable_mfa_device("alice", device.serial_number, code1, code2)
    assert local.caller is None

    local.set_caller("alice")

    assert local.caller == "alice"
    assert local.get_user().user_name == "alice"
    assert [d.serial_number for d in local.list_mfa_devices()] == [
        device.serial_number
    ]
    local.deactivate_mfa_device(device.serial_number)
    assert list(local.list_mfa_devices()) == []
    with pytest.raises(iam_mfa.NoSuchEntityError):
        local.set_caller("nobody")
    local.set_caller(None)
    assert local.caller is None


def test_the_account_id_is_in_every_arn() -> None:
    client = iam_mfa.Client.local(account_id="210987654321")

    assert client.account_id == "210987654321"
    assert client.backend == "local"
    assert client.create_user("alice").arn == (
        "arn:aws:iam::210987654321:user/alice"
    )
    assert new_device(client, "phone").serial_number == (
        "arn:aws:iam::210987654321:mfa/phone"
    )
    with pytest.raises(iam_mfa.InvalidInputError, match="accountId"):
        iam_mfa.Client.local(account_id="12345")


def test_quotas_are_configurable() -> None:
    client = iam_mfa.Client.local(
        max_virtual_mfa_devices=2, max_mfa_devices_per_user=1
    )
    client.create_user("alice")
    first = new_device(client, "first")
    second = new_device(client, "second")

    with pytest.raises(iam_mfa.LimitExceededError):
        client.create_virtual_mfa_device("third")

    for device in (first, second):
        assert device.base32_string_seed is not None
    code1, code2 = iam_mfa.enable_codes(first.base32_string_seed or b"")
    client.enable_mfa_device("alice", first.serial_number, code1, code2)
    code1, code2 = iam_mfa.enable_codes(second.base32_string_seed or b"")
    with pytest.raises(iam_mfa.LimitExceededError):
        client.enable_mfa_device("alice", second.serial_number, code1, code2)


def test_a_store_file_keeps_state_and_is_private(tmp_path: Path) -> None:
    path = tmp_path / "iam.sqlite"
    first = iam_mfa.Client.local(path)
    serial = new_device(first, "phone").serial_number
    del first

    second = iam_mfa.Client.local(str(path))

    assert [d.serial_number for d in second.list_virtual_mfa_devices()] == [
        serial
    ]
    assert stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0


def test_an_unusable_store_file_is_a_storage_error(tmp_path: Path) -> None:
    not_a_store = tmp_path / "not-a-store"
    not_a_store.write_bytes(b"this is not a SQLite database" * 100)

    with pytest.raises(iam_mfa.StorageError) as raised:
        iam_mfa.Client.local(not_a_store)
    assert raised.value.code is None

    with pytest.raises(iam_mfa.StorageError):
        iam_mfa.Client.local(tmp_path / "missing" / "dir" / "iam.sqlite")
