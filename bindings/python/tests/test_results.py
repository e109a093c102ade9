"""Result classes: frozen, compared by value, with reprs that never
show a seed or a QR code."""

from __future__ import annotations

from datetime import timedelta, timezone

import pytest

import iam_mfa
from conftest import enabled_device, new_device


def test_repr_never_shows_the_seed_or_qr_code(client: iam_mfa.Client) -> None:
    device = new_device(client, "alice-phone")
    seed = device.base32_string_seed
    png = device.qr_code_png
    assert seed is not None
    assert png is not None

    shown = repr(device)

    assert seed.decode() not in shown
    assert repr(seed) not in shown
    assert repr(png[:16])[2:-1] not in shown
    assert "base32_string_seed=<redacted, 64 bytes>" in shown
    assert "qr_code_png=<redacted PNG>" in shown
    assert device.serial_number in shown
    assert str(device) == shown


def test_reprs_show_every_other_field(client: iam_mfa.Client) -> None:
    device = enabled_device(client, "alice", "alice-phone")
    (assigned,) = client.list_virtual_mfa_devices()
    (listed,) = client.list_mfa_devices("alice")
    detail = client.get_mfa_device(device.serial_number)

    assert repr(assigned).startswith("VirtualMfaDevice(serial_number=")
    assert "base32_string_seed=None" in repr(assigned)
    assert "user=User(path='/', user_name='alice'" in repr(assigned)
    assert "tzinfo=datetime.timezone.utc" in repr(listed)
    assert repr(listed) == (
        f"MfaDevice(user_name='alice', serial_number="
        f"'{device.serial_number}', enable_date={listed.enable_date!r})"
    )
    assert repr(detail).startswith("MfaDeviceDetail(user_name='alice'")
    assert "certifications={}" in repr(detail)


def test_results_are_frozen(client: iam_mfa.Client) -> None:
    device = new_device(client, "phone")
    user = client.create_user("alice")

    with pytest.raises(AttributeError):
        device.serial_number = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        user.user_name = "bob"  # type: ignore[misc]
    device.tags["added"] = "locally"
    assert device.tags == {}


def test_datetimes_are_utc_and_whole_seconds(client: iam_mfa.Client) -> None:
    device = enabled_device(client, "alice", "alice-phone")
    user = client.get_user("alice")
    (listed,) = client.list_mfa_devices("alice")
    detail = client.get_mfa_device(device.serial_number)

    for moment in (user.create_date, listed.enable_date, detail.enable_date):
        assert moment is not None
        assert moment.tzinfo is timezone.utc
        assert moment.utcoffset() == timedelta(0)
        assert moment.microsecond == 0


def test_each_read_of_a_secret_is_a_new_bytes(client: iam_mfa.Client) -> None:
    device = new_device(client, "phone")

    first = device.base32_string_seed
    second = device.base32_string_seed

    assert isinstance(first, bytes)
    assert first == second
    assert device == device
    assert hash(client.get_user) is not None
    with pytest.raises(TypeError):
        hash(device)
