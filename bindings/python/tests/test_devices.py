"""The life of a virtual MFA device, operation by operation."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone

import pytest

import iam_mfa
from conftest import ACCOUNT_ID, enabled_device, new_device


def test_create_returns_serial_seed_and_qr_code(
    client: iam_mfa.Client,
) -> None:
    device = client.create_virtual_mfa_device(
        "alice-phone", path="/ops/", tags={"team": "ops", "env": ""}
    )

    assert device.serial_number == (
        f"arn:aws:iam::{ACCOUNT_ID}:mfa/ops/alice-phone"
    )
    seed = device.base32_string_seed
    assert seed is not None
    assert len(seed) == 64
    assert len(base64.b32decode(seed)) == 40
    png = device.qr_code_png
    assert png is not None
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert device.user is None
    assert device.enable_date is None
    assert device.tags == {"team": "ops", "env": ""}


def test_create_with_a_taken_name_is_entity_already_exists(
    client: iam_mfa.Client,
) -> None:
    new_device(client, "phone")

    with pytest.raises(iam_mfa.EntityAlreadyExistsError) as raised:
        client.create_virtual_mfa_device("phone", path="/other/")

    assert raised.value.code == "EntityAlreadyExists"
    assert raised.value.message == "MFA device already exists."


def test_enable_assigns_the_device_to_the_user(
    client: iam_mfa.Client,
) -> None:
    before = datetime.now(timezone.utc).replace(microsecond=0)
    device = enabled_device(client, "alice", "alice-phone")

    (listed,) = list(client.list_mfa_devices("alice"))
    assert listed.user_name == "alice"
    assert listed.serial_number == device.serial_number
    assert listed.enable_date.tzinfo is not None
    assert listed.enable_date.utcoffset() == timedelta(0)
    assert before <= listed.enable_date
    assert listed.enable_date <= datetime.now(timezone.utc)

    detail = client.get_mfa_device(device.serial_number)
    assert detail.serial_number == device.serial_number
    assert detail.user_name == "alice"
    assert detail.enable_date == listed.enable_date
    assert detail.certifications == {}
    assert client.get_mfa_device(device.serial_number, "alice") == detail

    (virtual,) = list(client.list_virtual_mfa_devices("Assigned"))
    assert virtual.serial_number == device.serial_number
    assert virtual.user is not None
    assert virtual.user.user_name == "alice"
    assert virtual.enable_date == listed.enable_date
    assert virtual.base32_string_seed is None
    assert virtual.qr_code_png is None


def test_enable_with_wrong_codes_is_invalid_authentication_code(
    client: iam_mfa.Client,
) -> None:
    client.create_user("alice")
    device = new_device(client, "alice-phone")
    assert device.base32_string_seed is not None
    a_year_ago = datetime.now(timezone.utc) - timedelta(days=365)
    code1, code2 = iam_mfa.enable_codes(
        device.base32_string_seed, at=a_year_ago
    )

    with pytest.raises(iam_mfa.InvalidAuthenticationCodeError) as raised:
        client.enable_mfa_device("alice", device.serial_number, code1, code2)

    assert raised.value.code == "InvalidAuthenticationCode"
    assert list(client.list_mfa_devices("alice")) == []


def test_enable_of_a_device_in_use_is_entity_already_exists(
    client: iam_mfa.Client,
) -> None:
    device = enabled_device(client, "alice", "shared")
    client.create_user("bob")
    assert device.base32_string_seed is not None
    code1, code2 = iam_mfa.enable_codes(device.base32_string_seed)

    with pytest.raises(iam_mfa.EntityAlreadyExistsError) as raised:
        client.enable_mfa_device("bob", device.serial_number, code1, code2)

    assert raised.value.message == "MFA Device is already in use."


def test_enable_for_an_unknown_user_is_no_such_entity(
    client: iam_mfa.Client,
) -> None:
    device = new_device(client, "phone")
    assert device.base32_string_seed is not None
    code1, code2 = iam_mfa.enable_codes(device.base32_string_seed)

    with pytest.raises(iam_mfa.NoSuchEntityError) as raised:
        client.enable_mfa_device("nobody", device.serial_number, code1, code2)

    assert raised.value.code == "NoSuchEntity"
    assert "nobody" in raised.value.message


def test_a_user_holds_at_most_eight_devices(client: iam_mfa.Client) -> None:
    client.create_user("alice")
    for number in range(8):
        device = new_device(client, f"device-{number}")
        assert device.base32_string_seed is not None
        code1, code2 = iam_mfa.enable_codes(device.base32_string_seed)
        client.enable_mfa_device("alice", device.serial_number, code1, code2)
    ninth = new_device(client, "device-8")
    assert ninth.base32_string_seed is not None
    code1, code2 = iam_mfa.enable_codes(ninth.base32_string_seed)

    with pytest.raises(iam_mfa.LimitExceededError):
        client.enable_mfa_device("alice", ninth.serial_number, code1, code2)


def test_resync_accepts_the_current_codes_and_refuses_others(
    client: iam_mfa.Client,
) -> None:
    device = enabled_device(client, "alice", "alice-phone")
    seed = device.base32_string_seed
    assert seed is not None

    code1, code2 = iam_mfa.enable_codes(seed)
    client.resync_mfa_device("alice", device.serial_number, code1, code2)

    a_year_ago = datetime.now(timezone.utc) - timedelta(days=365)
    old1, old2 = iam_mfa.enable_codes(seed, at=a_year_ago)
    with pytest.raises(iam_mfa.InvalidAuthenticationCodeError):
        client.resync_mfa_device("alice", device.serial_number, old1, old2)


def test_deactivate_leaves_the_device_unassigned(
    client: iam_mfa.Client,
) -> None:
    device = enabled_device(client, "alice", "alice-phone")

    client.deactivate_mfa_device(device.serial_number, "alice")

    assert list(client.list_mfa_devices("alice")) == []
    (unassigned,) = list(client.list_virtual_mfa_devices("Unassigned"))
    assert unassigned.serial_number == device.serial_number
    assert unassigned.user is None
    assert unassigned.enable_date is None
    with pytest.raises(iam_mfa.NoSuchEntityError):
        client.deactivate_mfa_device(device.serial_number, "alice")


def test_delete_refuses_an_assigned_device_then_deletes_it(
    client: iam_mfa.Client,
) -> None:
    device = enabled_device(client, "alice", "alice-phone")

    with pytest.raises(iam_mfa.DeleteConflictError) as raised:
        client.delete_virtual_mfa_device(device.serial_number)
    assert raised.value.code == "DeleteConflict"

    client.deactivate_mfa_device(device.serial_number, "alice")
    client.delete_virtual_mfa_device(device.serial_number)

    assert list(client.list_virtual_mfa_devices()) == []
    with pytest.raises(iam_mfa.NoSuchEntityError):
        client.delete_virtual_mfa_device(device.serial_number)
    with pytest.raises(iam_mfa.NoSuchEntityError):
        client.get_mfa_device(device.serial_number)


def test_results_are_equal_when_their_fields_are(
    client: iam_mfa.Client,
) -> None:
    device = enabled_device(client, "alice", "alice-phone")

    first = list(client.list_mfa_devices("alice"))
    second = list(client.list_mfa_devices("alice"))
    assert first == second
    assert hash(first[0]) == hash(second[0])
    assert first[0] != device
    assert client.get_user("alice") == client.get_user("alice")
    assert (
        client.get_mfa_device(device.serial_number).serial_number
        == device.serial_number
    )


def test_the_qr_code_is_the_same_on_every_read(client: iam_mfa.Client) -> None:
    device = client.create_virtual_mfa_device("phone")

    first = device.qr_code_png
    again = device.qr_code_png

    assert first is not None
    assert first == again
    assert first is not again, "each read is a new bytes object"
