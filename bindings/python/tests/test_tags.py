"""Tagging virtual MFA devices."""

from __future__ import annotations

import pytest

import iam_mfa
from conftest import new_device


def test_tag_untag_and_list_tags(client: iam_mfa.Client) -> None:
    serial = new_device(client, "phone").serial_number

    client.tag_mfa_device(serial, {"team": "ops", "Env": "prod"})
    client.tag_mfa_device(serial, {"team": "security"})
    tags = list(client.list_mfa_device_tags(serial))

    assert all(isinstance(tag, iam_mfa.Tag) for tag in tags)
    assert [(tag.key, tag.value) for tag in tags] == [
        ("Env", "prod"),
        ("team", "security"),
    ]

    client.untag_mfa_device(serial, ["Env", "absent"])
    assert [tag.key for tag in client.list_mfa_device_tags(serial)] == ["team"]
    client.untag_mfa_device(serial, ("team",))
    assert list(client.list_mfa_device_tags(serial)) == []


def test_tags_come_back_page_by_page(client: iam_mfa.Client) -> None:
    serial = new_device(client, "phone").serial_number
    client.tag_mfa_device(serial, {f"key-{n}": str(n) for n in range(5)})

    items, is_truncated, marker = client.list_mfa_device_tags_page(
        serial, max_items=3
    )
    assert [tag.key for tag in items] == ["key-0", "key-1", "key-2"]
    assert is_truncated
    items, is_truncated, marker = client.list_mfa_device_tags_page(
        serial, marker=marker, max_items=3
    )
    assert [tag.key for tag in items] == ["key-3", "key-4"]
    assert (is_truncated, marker) == (False, None)
    keys = [
        tag.key for tag in client.list_mfa_device_tags(serial, page_size=2)
    ]
    assert keys == [f"key-{n}" for n in range(5)]


def test_tags_are_hashable_values(client: iam_mfa.Client) -> None:
    serial = new_device(client, "phone").serial_number
    client.tag_mfa_device(serial, {"a": "1"})

    (first,) = client.list_mfa_device_tags(serial)
    (second,) = client.list_mfa_device_tags(serial)

    assert first == second
    assert {first, second} == {first}
    assert repr(first) == "Tag(key='a', value='1')"


def test_more_than_fifty_tags_is_limit_exceeded(
    client: iam_mfa.Client,
) -> None:
    serial = new_device(client, "phone").serial_number
    client.tag_mfa_device(serial, {f"k{n}": "" for n in range(50)})

    with pytest.raises(iam_mfa.LimitExceededError):
        client.tag_mfa_device(serial, {"one-more": ""})

    assert len(list(client.list_mfa_device_tags(serial))) == 50


def test_a_reserved_tag_key_is_invalid_input(client: iam_mfa.Client) -> None:
    serial = new_device(client, "phone").serial_number

    with pytest.raises(iam_mfa.InvalidInputError):
        client.tag_mfa_device(serial, {"aws:owner": "me"})
    with pytest.raises(iam_mfa.InvalidInputError):
        client.create_virtual_mfa_device("other", tags={"": "empty key"})

    assert list(client.list_mfa_device_tags(serial)) == []


def test_tags_of_an_unknown_device_are_no_such_entity(
    client: iam_mfa.Client,
) -> None:
    serial = "arn:aws:iam::123456789012:mfa/absent"

    with pytest.raises(iam_mfa.NoSuchEntityError):
        client.tag_mfa_device(serial, {"a": "b"})
    with pytest.raises(iam_mfa.NoSuchEntityError):
        client.untag_mfa_device(serial, ["a"])
    with pytest.raises(iam_mfa.NoSuchEntityError):
        list(client.list_mfa_device_tags(serial))
