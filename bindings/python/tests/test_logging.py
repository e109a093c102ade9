"""Log records go to Python's logging, and never carry a secret."""

from __future__ import annotations

import logging

import pytest

import iam_mfa


def test_operations_are_logged_to_the_iam_mfa_logger(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = iam_mfa.Client.local()
    client.create_user("alice")

    with caplog.at_level(logging.DEBUG, logger="iam_mfa"):
        device = client.create_virtual_mfa_device("alice-phone")
        seed = device.base32_string_seed
        assert seed is not None
        code1, code2 = iam_mfa.enable_codes(seed)
        client.enable_mfa_device("alice", device.serial_number, code1, code2)
        with pytest.raises(iam_mfa.NoSuchEntityError):
            client.get_user("nobody")

    records = [r for r in caplog.records if r.name.startswith("iam_mfa")]
    text = "\n".join(record.getMessage() for record in records)
    assert "operation=CreateVirtualMFADevice" in text
    assert "operation=EnableMFADevice" in text
    assert "code=NoSuchEntity" in text
    assert all(record.levelno == logging.DEBUG for record in records)
    assert seed.decode() not in text
    assert code1 not in text
    assert code2 not in text


def test_nothing_is_logged_below_the_configured_level(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="iam_mfa"):
        iam_mfa.Client.local().create_user("alice")

    assert [r for r in caplog.records if r.name.startswith("iam_mfa")] == []


def test_a_level_set_between_calls_takes_effect_at_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = iam_mfa.Client.local()
    client.create_user("alice")

    with caplog.at_level(logging.DEBUG, logger="iam_mfa"):
        client.get_user("alice")
    client.delete_user("alice")

    records = [r for r in caplog.records if r.name.startswith("iam_mfa")]
    operations = [r.getMessage().split("operation=")[1] for r in records]
    assert [operation.split()[0] for operation in operations] == ["GetUser"]
