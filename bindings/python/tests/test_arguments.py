"""Bad arguments: a wrong type is a TypeError, a wrong value an
InvalidInputError (a ValueError) naming the field; neither changes
anything."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

import iam_mfa
from conftest import new_device

SEED = "JBSWY3DPEHPK3PXP"
SERIAL = "arn:aws:iam::123456789012:mfa/device"
START = datetime(2026, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.create_user(123),
        lambda c: c.create_user(None),
        lambda c: c.create_user(b"alice"),
        lambda c: c.get_user(["alice"]),
        lambda c: c.create_virtual_mfa_device("d", path=None),
        lambda c: c.create_virtual_mfa_device("d", tags=[("k", "v")]),
        lambda c: c.create_virtual_mfa_device("d", tags={"k": 1}),
        lambda c: c.create_virtual_mfa_device("d", tags={1: "v"}),
        lambda c: c.enable_mfa_device("u", "s", 123456, 654321),
        lambda c: c.tag_mfa_device("serial", "k=v"),
        lambda c: c.untag_mfa_device("serial", "key"),
        lambda c: c.untag_mfa_device("serial", [1]),
        lambda c: c.untag_mfa_device("serial", 5),
        lambda c: c.list_virtual_mfa_devices_page(max_items="10"),
        lambda c: c.list_virtual_mfa_devices_page(max_items=2.0),
        lambda c: c.list_virtual_mfa_devices_page(max_items=True),
        lambda c: c.list_virtual_mfa_devices(page_size=1.5),
        lambda c: c.list_virtual_mfa_devices(assignment_status=None),
        lambda c: c.list_mfa_devices_page(marker=7),
        lambda c: c.create_user("alice", "/", "extra"),
        lambda c: c.create_user(user="alice"),
    ],
)
def test_a_wrong_type_is_a_type_error(
    local: iam_mfa.LocalClient, call: Callable[[Any], object]
) -> None:
    with pytest.raises(TypeError):
        call(local)

    assert list(local.list_users()) == []
    assert list(local.list_virtual_mfa_devices()) == []


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.create_user(""), "userName"),
        (lambda c: c.create_user("a" * 65), "userName"),
        (lambda c: c.create_user("bad name!"), "userName"),
        (lambda c: c.create_user("alice", path="nope"), "path"),
        (lambda c: c.create_virtual_mfa_device("d", path="/x"), "path"),
        (lambda c: c.create_virtual_mfa_device("a" * 300), "virtualMFA"),
        (lambda c: c.create_virtual_mfa_device("bad name!"), "virtualMFA"),
        (
            lambda c: c.create_virtual_mfa_device("d", tags={"k": "v" * 300}),
            "value",
        ),
        (
            lambda c: c.enable_mfa_device("u", SERIAL, "12345", "123456"),
            "code",
        ),
        (lambda c: c.enable_mfa_device("u", SERIAL, "123456", "x"), "code"),
        (lambda c: c.get_mfa_device("short"), "serialNumber"),
        (lambda c: c.list_virtual_mfa_devices_page("Bogus"), "assignment"),
        (lambda c: c.list_users_page(path_prefix="nope"), "pathPrefix"),
    ],
)
def test_a_wrong_value_is_invalid_input_naming_the_field(
    client: iam_mfa.Client, call: Callable[[Any], object], field: str
) -> None:
    with pytest.raises(iam_mfa.InvalidInputError) as raised:
        call(client)

    assert field.lower() in raised.value.message.lower()
    assert isinstance(raised.value, ValueError)
    assert list(client.list_users()) == []
    assert list(client.list_virtual_mfa_devices()) == []


def test_tags_may_be_any_mapping(local: iam_mfa.LocalClient) -> None:
    tags = OrderedDict([("b", "2"), ("a", "1")])

    device = local.create_virtual_mfa_device("d", tags=tags)

    assert device.tags == {"b": "2", "a": "1"}
    local.untag_mfa_device(device.serial_number, iter(["a"]))
    keys = [
        tag.key for tag in local.list_mfa_device_tags(device.serial_number)
    ]
    assert keys == ["b"]


def test_the_default_path_is_slash(local: iam_mfa.LocalClient) -> None:
    assert local.create_user("alice").path == "/"
    serial = new_device(local, "phone").serial_number
    assert serial.endswith(":mfa/phone")


@pytest.mark.parametrize(
    "at",
    ["now", b"0", [0], timedelta(seconds=1), True],
)
def test_a_time_of_the_wrong_type_is_a_type_error(at: object) -> None:
    with pytest.raises(TypeError, match="at"):
        iam_mfa.totp_code(SEED, at=at)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "at",
    [
        datetime(2026, 1, 1),
        datetime(1969, 12, 31, tzinfo=timezone.utc),
        -1,
        float("nan"),
        float("inf"),
    ],
)
def test_a_time_of_a_wrong_value_is_invalid_input(at: object) -> None:
    with pytest.raises(iam_mfa.InvalidInputError, match="at"):
        iam_mfa.totp_code(SEED, at=at)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [1234, None, ["JBSW"], memoryview(b"JB")])
def test_a_seed_of_the_wrong_type_is_a_type_error(seed: object) -> None:
    with pytest.raises(TypeError, match="seed"):
        iam_mfa.totp_code(seed)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", ["", "not base32!", b"1111"])
def test_a_seed_that_is_not_base32_is_invalid_input(seed: object) -> None:
    with pytest.raises(iam_mfa.InvalidInputError, match="seed"):
        iam_mfa.enable_codes(seed)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("option", "value", "error"),
    [
        ("timeout", -1, iam_mfa.InvalidInputError),
        ("timeout", "5", TypeError),
        ("timeout", 0, iam_mfa.InvalidInputError),
        ("max_attempts", 0, iam_mfa.InvalidInputError),
        ("max_attempts", -1, iam_mfa.InvalidInputError),
        ("max_attempts", 2**40, iam_mfa.InvalidInputError),
        ("max_attempts", 2.5, TypeError),
        ("endpoint_url", "ftp://example.com", iam_mfa.InvalidInputError),
        ("region", "", iam_mfa.InvalidInputError),
        ("region", 5, TypeError),
    ],
)
def test_bad_aws_options_are_refused(
    option: str, value: object, error: type[Exception]
) -> None:
    options: dict[str, Any] = {
        "region": "us-east-1",
        "endpoint_url": "http://127.0.0.1:9",
        option: value,
    }

    with pytest.raises(error):
        iam_mfa.Client.aws(**options)


def test_bad_local_options_are_refused(tmp_path: object) -> None:
    with pytest.raises(TypeError):
        iam_mfa.Client.local(path=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        iam_mfa.Client.local(max_mfa_devices_per_user="8")  # type: ignore[arg-type]
    with pytest.raises(iam_mfa.InvalidInputError, match="per_user"):
        iam_mfa.Client.local(max_mfa_devices_per_user=-1)
    with pytest.raises(iam_mfa.InvalidInputError):
        iam_mfa.Client.local(now=datetime(2026, 1, 1))
    with pytest.raises(iam_mfa.InvalidInputError):
        iam_mfa.Client.local(now=START).advance_clock(-1)


def test_clients_cannot_be_made_directly() -> None:
    with pytest.raises(TypeError):
        iam_mfa.Client()
    with pytest.raises(TypeError):
        iam_mfa.LocalClient()
