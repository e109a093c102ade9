"""Paging: one page at a time with markers, or every item at once."""

from __future__ import annotations

import pytest

import iam_mfa
from conftest import new_device


def make_devices(client: iam_mfa.Client, count: int) -> list[str]:
    """Serial numbers of `count` new devices, in IAM's list order."""
    serials = [
        new_device(client, f"device-{number:02}").serial_number
        for number in range(count)
    ]
    return sorted(serials)


def test_pages_follow_markers_to_the_end(client: iam_mfa.Client) -> None:
    serials = make_devices(client, 5)

    seen: list[str] = []
    marker = None
    truncations = []
    while True:
        items, is_truncated, marker = client.list_virtual_mfa_devices_page(
            marker=marker, max_items=2
        )
        seen += [device.serial_number for device in items]
        truncations.append(is_truncated)
        assert len(items) <= 2
        if not is_truncated:
            assert marker is None
            break
        assert isinstance(marker, str)

    assert seen == serials
    assert truncations == [True, True, False]


def test_a_full_last_page_is_not_truncated(client: iam_mfa.Client) -> None:
    make_devices(client, 4)

    items, is_truncated, marker = client.list_virtual_mfa_devices_page(
        max_items=2
    )
    assert (len(items), is_truncated) == (2, True)
    items, is_truncated, marker = client.list_virtual_mfa_devices_page(
        marker=marker, max_items=2
    )
    assert (len(items), is_truncated, marker) == (2, False, None)


def test_the_iterator_follows_every_page(client: iam_mfa.Client) -> None:
    serials = make_devices(client, 7)

    listed = client.list_virtual_mfa_devices(page_size=3)

    assert iter(listed) is listed
    assert [device.serial_number for device in listed] == serials
    assert list(listed) == []
    assert "list_virtual_mfa_devices" in repr(listed)


def test_assignment_status_filters_the_list(client: iam_mfa.Client) -> None:
    client.create_user("alice")
    assigned = new_device(client, "assigned")
    unassigned = new_device(client, "unassigned")
    assert assigned.base32_string_seed is not None
    code1, code2 = iam_mfa.enable_codes(assigned.base32_string_seed)
    client.enable_mfa_device("alice", assigned.serial_number, code1, code2)

    def serials(status: iam_mfa._native._AssignmentStatus) -> list[str]:
        devices = client.list_virtual_mfa_devices(status)
        return [device.serial_number for device in devices]

    assert serials("Assigned") == [assigned.serial_number]
    assert serials("Unassigned") == [unassigned.serial_number]
    assert serials("Any") == sorted(
        [assigned.serial_number, unassigned.serial_number]
    )
    items, _, _ = client.list_mfa_devices_page("alice", max_items=1)
    assert [device.serial_number for device in items] == [
        assigned.serial_number
    ]


def test_a_bad_marker_is_invalid_input(client: iam_mfa.Client) -> None:
    make_devices(client, 2)

    with pytest.raises(iam_mfa.InvalidInputError) as raised:
        client.list_virtual_mfa_devices_page(marker="not-a-marker")

    assert raised.value.message == "Invalid Marker."
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize("max_items", [0, 1001, -1, 2**70])
def test_max_items_outside_1_to_1000_is_invalid_input(
    client: iam_mfa.Client, max_items: int
) -> None:
    with pytest.raises(iam_mfa.InvalidInputError, match="maxItems"):
        client.list_virtual_mfa_devices_page(max_items=max_items)


def test_an_error_stops_the_iteration(client: iam_mfa.Client) -> None:
    listed = client.list_mfa_devices("nobody")

    with pytest.raises(iam_mfa.NoSuchEntityError):
        next(listed)
    assert list(listed) == []


def test_an_empty_list_has_one_empty_page(client: iam_mfa.Client) -> None:
    assert client.list_virtual_mfa_devices_page() == ([], False, None)
    assert list(client.list_virtual_mfa_devices()) == []
