"""boto3, unchanged, against `iam-mfa serve`: all eleven MFA operations,
users, paging through boto3's own paginators, and the design's table of
what IAM answers."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime

import pyotp
import pytest
from botocore.exceptions import ClientError
from conftest import ACCOUNT_ID, Served, unique

SERIAL_PREFIX = f"arn:aws:iam::{ACCOUNT_ID}:mfa/"


def codes(seed: bytes, at: float | None = None) -> tuple[str, str]:
    """The codes of the previous and the current step."""
    now = time.time() if at is None else at
    totp = pyotp.TOTP(seed.decode())
    return totp.at(now - 30), totp.at(now)


def new_user(iam, prefix: str = "user") -> str:
    name = unique(prefix)
    iam.create_user(UserName=name)
    return name


def new_device(iam, prefix: str = "dev", **extra) -> dict:
    name = unique(prefix)
    answer = iam.create_virtual_mfa_device(VirtualMFADeviceName=name, **extra)
    return answer["VirtualMFADevice"]


def enable(iam, user: str, device: dict) -> None:
    code1, code2 = codes(device["Base32StringSeed"])
    iam.enable_mfa_device(
        UserName=user,
        SerialNumber=device["SerialNumber"],
        AuthenticationCode1=code1,
        AuthenticationCode2=code2,
    )


def error_of(call, **params) -> ClientError:
    with pytest.raises(ClientError) as caught:
        call(**params)
    return caught.value


def assert_error(
    error: ClientError, code: str, status: int, message: str | None = None
) -> None:
    assert error.response["Error"]["Code"] == code, error.response
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == status
    assert error.response["Error"]["Type"] == "Sender"
    assert error.response["ResponseMetadata"]["RequestId"]
    if message is not None:
        assert error.response["Error"]["Message"] == message


# --- users -----------------------------------------------------------------


def test_users_are_created_read_listed_and_deleted(iam) -> None:
    name = unique("alice")
    created = iam.create_user(UserName=name, Path="/ops/")["User"]
    assert created["UserName"] == name
    assert created["Path"] == "/ops/"
    assert created["Arn"] == f"arn:aws:iam::{ACCOUNT_ID}:user/ops/{name}"
    assert created["UserId"].startswith("AIDA")
    assert isinstance(created["CreateDate"], datetime)
    assert created["CreateDate"].tzinfo is not None
    age = datetime.now(UTC) - created["CreateDate"]
    assert abs(age.total_seconds()) < 60

    assert iam.get_user(UserName=name)["User"] == created
    listed = iam.list_users(PathPrefix="/ops/")["Users"]
    assert created in listed

    iam.delete_user(UserName=name)
    error = error_of(iam.get_user, UserName=name)
    assert_error(
        error,
        "NoSuchEntity",
        404,
        f"The user with name {name} cannot be found.",
    )


# --- the eleven MFA operations ----------------------------------------------


def test_create_returns_serial_seed_png_and_tags(iam) -> None:
    name = unique("phone")
    tags = [{"Key": "team", "Value": "ops"}, {"Key": "env", "Value": ""}]
    device = iam.create_virtual_mfa_device(
        VirtualMFADeviceName=name, Path="/ops/", Tags=tags
    )["VirtualMFADevice"]
    assert device["SerialNumber"] == f"{SERIAL_PREFIX}ops/{name}"
    seed = device["Base32StringSeed"]
    assert len(seed) == 64
    base64.b32decode(seed)
    assert device["QRCodePNG"].startswith(b"\x89PNG\r\n\x1a\n")
    assert sorted(device["Tags"], key=lambda tag: tag["Key"]) == sorted(
        tags, key=lambda tag: tag["Key"]
    )


def test_enable_list_get_resync_deactivate_delete(iam) -> None:
    user = new_user(iam)
    device = new_device(iam)
    serial = device["SerialNumber"]
    enable(iam, user, device)

    listed = iam.list_mfa_devices(UserName=user)
    assert listed["IsTruncated"] is False
    [entry] = listed["MFADevices"]
    assert entry["UserName"] == user
    assert entry["SerialNumber"] == serial
    assert isinstance(entry["EnableDate"], datetime)

    assigned = iam.list_virtual_mfa_devices(AssignmentStatus="Assigned")
    [mine] = [
        item
        for item in assigned["VirtualMFADevices"]
        if item["SerialNumber"] == serial
    ]
    assert mine["User"]["UserName"] == user
    assert "Base32StringSeed" not in mine
    assert "QRCodePNG" not in mine
    assert "Tags" not in mine

    detail = iam.get_mfa_device(SerialNumber=serial, UserName=user)
    assert detail["UserName"] == user
    assert detail["SerialNumber"] == serial
    assert detail["EnableDate"] == entry["EnableDate"]

    now = time.time()
    totp = pyotp.TOTP(device["Base32StringSeed"].decode())
    iam.resync_mfa_device(
        UserName=user,
        SerialNumber=serial,
        AuthenticationCode1=totp.at(now),
        AuthenticationCode2=totp.at(now + 30),
    )

    iam.deactivate_mfa_device(UserName=user, SerialNumber=serial)
    assert iam.list_mfa_devices(UserName=user)["MFADevices"] == []
    unassigned = iam.list_virtual_mfa_devices(AssignmentStatus="Unassigned")
    assert {"SerialNumber": serial} in unassigned["VirtualMFADevices"]

    iam.delete_virtual_mfa_device(SerialNumber=serial)
    error = error_of(iam.get_mfa_device, SerialNumber=serial)
    assert_error(
        error,
        "NoSuchEntity",
        404,
        f"MFA Device with serial number {serial} does not exist.",
    )
    iam.delete_user(UserName=user)


def test_tag_untag_and_list_tags(iam) -> None:
    serial = new_device(iam)["SerialNumber"]
    iam.tag_mfa_device(
        SerialNumber=serial,
        Tags=[{"Key": "b", "Value": "2"}, {"Key": "a", "Value": "1"}],
    )
    iam.tag_mfa_device(SerialNumber=serial, Tags=[{"Key": "b", "Value": "two"}])
    tags = iam.list_mfa_device_tags(SerialNumber=serial)
    assert tags["Tags"] == [
        {"Key": "a", "Value": "1"},
        {"Key": "b", "Value": "two"},
    ]
    assert tags["IsTruncated"] is False

    iam.untag_mfa_device(SerialNumber=serial, TagKeys=["a", "missing"])
    assert iam.list_mfa_device_tags(SerialNumber=serial)["Tags"] == [
        {"Key": "b", "Value": "two"}
    ]

    error = error_of(
        iam.tag_mfa_device,
        SerialNumber=serial,
        Tags=[{"Key": "aws:x", "Value": "1"}],
    )
    assert error.response["Error"]["Code"] in {
        "InvalidInput",
        "ValidationError",
    }
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_wrong_codes_are_invalid_authentication_code(iam) -> None:
    user = new_user(iam)
    device = new_device(iam)
    code1, code2 = codes(device["Base32StringSeed"])
    error = error_of(
        iam.enable_mfa_device,
        UserName=user,
        SerialNumber=device["SerialNumber"],
        AuthenticationCode1=code2,
        AuthenticationCode2=code1,
    )
    assert_error(error, "InvalidAuthenticationCode", 403)
    assert iam.list_mfa_devices(UserName=user)["MFADevices"] == []


# --- paging through boto3's paginators -------------------------------------


def test_paginators_follow_markers(start) -> None:
    iam = start().client()
    serials = sorted(new_device(iam)["SerialNumber"] for _ in range(23))
    user = new_user(iam)
    users = sorted([user] + [new_user(iam) for _ in range(9)])

    pages = list(
        iam.get_paginator("list_virtual_mfa_devices").paginate(
            PaginationConfig={"PageSize": 5}
        )
    )
    assert [len(page["VirtualMFADevices"]) for page in pages] == [5, 5, 5, 5, 3]
    assert [page["IsTruncated"] for page in pages] == [True] * 4 + [False]
    assert "Marker" not in pages[-1]
    listed = [d["SerialNumber"] for p in pages for d in p["VirtualMFADevices"]]
    assert listed == serials

    pages = list(
        iam.get_paginator("list_users").paginate(
            PaginationConfig={"PageSize": 5}
        )
    )
    assert len(pages) == 2, "an exact multiple gives no empty page"
    assert [u["UserName"] for p in pages for u in p["Users"]] == users

    devices = []
    for _ in range(3):
        device = new_device(iam)
        enable(iam, user, device)
        devices.append(device["SerialNumber"])
    pages = list(
        iam.get_paginator("list_mfa_devices").paginate(
            UserName=user, PaginationConfig={"PageSize": 2}
        )
    )
    listed = [d["SerialNumber"] for p in pages for d in p["MFADevices"]]
    assert listed == sorted(devices)

    tags = [{"Key": f"k{index:02}", "Value": str(index)} for index in range(50)]
    iam.tag_mfa_device(SerialNumber=devices[0], Tags=tags)
    pages = list(
        iam.get_paginator("list_mfa_device_tags").paginate(
            SerialNumber=devices[0], PaginationConfig={"PageSize": 7}
        )
    )
    assert len(pages) == 8
    assert [tag for page in pages for tag in page["Tags"]] == tags

    full = (
        iam.get_paginator("list_virtual_mfa_devices")
        .paginate()
        .build_full_result()
    )
    assert len(full["VirtualMFADevices"]) == 26


# --- the design's table of what IAM answers --------------------------------


def test_row_create_name_taken(iam) -> None:
    name = unique("taken")
    iam.create_virtual_mfa_device(VirtualMFADeviceName=name)
    error = error_of(
        iam.create_virtual_mfa_device, VirtualMFADeviceName=name, Path="/other/"
    )
    assert_error(
        error, "EntityAlreadyExists", 409, "MFA device already exists."
    )


def test_row_enable_device_assigned(iam) -> None:
    device = new_device(iam)
    enable(iam, new_user(iam), device)
    other = new_user(iam)
    code1, code2 = codes(device["Base32StringSeed"])
    error = error_of(
        iam.enable_mfa_device,
        UserName=other,
        SerialNumber=device["SerialNumber"],
        AuthenticationCode1=code1,
        AuthenticationCode2=code2,
    )
    assert_error(
        error, "EntityAlreadyExists", 409, "MFA Device is already in use."
    )


def test_row_unknown_user(iam) -> None:
    name = unique("nobody")
    error = error_of(iam.list_mfa_devices, UserName=name)
    assert_error(
        error,
        "NoSuchEntity",
        404,
        f"The user with name {name} cannot be found.",
    )


def test_row_unknown_device(iam) -> None:
    serial = SERIAL_PREFIX + unique("none")
    error = error_of(iam.delete_virtual_mfa_device, SerialNumber=serial)
    assert_error(
        error,
        "NoSuchEntity",
        404,
        f"MFA Device with serial number {serial} does not exist.",
    )


def test_row_bad_path(iam) -> None:
    error = error_of(
        iam.create_virtual_mfa_device,
        VirtualMFADeviceName=unique("p"),
        Path="ops",
    )
    assert_error(
        error,
        "ValidationError",
        400,
        "The specified value for path is invalid. It must begin and end with / "
        "and contain only alphanumeric characters and/or / characters.",
    )
    iam.create_virtual_mfa_device(
        VirtualMFADeviceName=unique("p"), Path="/test//double/"
    )


def test_row_field_over_its_length(iam) -> None:
    path = "/" + "a" * 511 + "/"
    error = error_of(
        iam.create_virtual_mfa_device,
        VirtualMFADeviceName=unique("p"),
        Path=path,
    )
    assert_error(
        error,
        "ValidationError",
        400,
        "1 validation error detected: Value at 'path' failed to satisfy "
        "constraint: Member must have length less than or equal to 512",
    )


def test_row_bad_marker(iam) -> None:
    error = error_of(iam.list_virtual_mfa_devices, Marker="not-a-marker")
    assert_error(error, "ValidationError", 400, "Invalid Marker.")


def test_row_delete_user_holding_mfa(iam) -> None:
    user = new_user(iam)
    enable(iam, user, new_device(iam))
    error = error_of(iam.delete_user, UserName=user)
    assert_error(
        error,
        "DeleteConflict",
        409,
        "Cannot delete entity, must delete MFA device first.",
    )


def test_delete_assigned_device_conflicts(iam) -> None:
    device = new_device(iam)
    enable(iam, new_user(iam), device)
    error = error_of(
        iam.delete_virtual_mfa_device, SerialNumber=device["SerialNumber"]
    )
    assert_error(error, "DeleteConflict", 409)


def test_module_server_is_still_serving(server: Served) -> None:
    assert server.process.poll() is None
    assert "IsTruncated" in server.client().list_users(MaxItems=1)
