"""Users: created, read, listed and deleted."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import iam_mfa
from conftest import ACCOUNT_ID, enabled_device


def test_create_get_list_and_delete_a_user(client: iam_mfa.Client) -> None:
    before = datetime.now(timezone.utc).replace(microsecond=0)

    user = client.create_user("alice", path="/staff/")

    assert user.user_name == "alice"
    assert user.path == "/staff/"
    assert user.arn == f"arn:aws:iam::{ACCOUNT_ID}:user/staff/alice"
    assert user.user_id.startswith("AIDA")
    assert user.create_date.utcoffset() == timedelta(0)
    assert before <= user.create_date <= datetime.now(timezone.utc)
    assert client.get_user("alice") == user
    assert list(client.list_users()) == [user]
    assert list(client.list_users("/staff/")) == [user]
    assert list(client.list_users("/other/")) == []

    client.delete_user("alice")

    with pytest.raises(iam_mfa.NoSuchEntityError) as raised:
        client.get_user("alice")
    assert raised.value.message == "The user with name alice cannot be found."
    with pytest.raises(iam_mfa.NoSuchEntityError):
        client.delete_user("alice")


def test_users_come_back_page_by_page(client: iam_mfa.Client) -> None:
    names = [f"user-{n}" for n in range(5)]
    for name in names:
        client.create_user(name)

    items, is_truncated, marker = client.list_users_page(max_items=2)
    assert [user.user_name for user in items] == names[:2]
    assert is_truncated
    assert marker is not None
    listed = client.list_users(page_size=2)
    assert [user.user_name for user in listed] == names


def test_a_taken_user_name_is_entity_already_exists(
    client: iam_mfa.Client,
) -> None:
    client.create_user("alice")

    with pytest.raises(iam_mfa.EntityAlreadyExistsError):
        client.create_user("alice")


def test_a_user_holding_a_device_cannot_be_deleted(
    client: iam_mfa.Client,
) -> None:
    device = enabled_device(client, "alice", "alice-phone")

    with pytest.raises(iam_mfa.DeleteConflictError) as raised:
        client.delete_user("alice")
    assert raised.value.message == (
        "Cannot delete entity, must delete MFA device first."
    )

    client.deactivate_mfa_device(device.serial_number, "alice")
    client.delete_user("alice")
