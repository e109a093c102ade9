"""The emulator's own actions over HTTP: hardware tokens, the calling
user, and the clock."""

from __future__ import annotations

import base64
import os
import time

import pyotp
from conftest import Served, unique
from test_boto3 import new_user
from test_protocol import error_of, send


def extension(server: Served, action: str, **params: str) -> int:
    body = "&".join(
        [f"Action={action}", "Version=2010-05-08"]
        + [f"{name}={value}" for name, value in params.items()]
    )
    status, _ = send(server, body)
    return status


def test_a_registered_hardware_token_enables_and_lists(
    server: Served,
) -> None:
    seed = base64.b32encode(os.urandom(20)).decode()
    serial = "GAHT" + unique("hw").replace("-", "")[:12].upper()
    status = extension(
        server,
        "IamMfaRegisterHardwareToken",
        SerialNumber=serial,
        Base32StringSeed=seed,
    )
    assert status == 200

    iam = server.client()
    user = new_user(iam)
    totp = pyotp.TOTP(seed)
    now = time.time()
    iam.enable_mfa_device(
        UserName=user,
        SerialNumber=serial,
        AuthenticationCode1=totp.at(now - 30),
        AuthenticationCode2=totp.at(now),
    )
    listed = iam.list_mfa_devices(UserName=user)["MFADevices"]
    assert [device["SerialNumber"] for device in listed] == [serial]
    virtual = iam.get_paginator("list_virtual_mfa_devices").paginate()
    serials = [
        device["SerialNumber"]
        for page in virtual
        for device in page["VirtualMFADevices"]
    ]
    assert serial not in serials


def test_the_calling_user_answers_calls_without_a_user_name(
    server: Served,
) -> None:
    iam = server.client()
    user = new_user(iam)
    assert extension(server, "IamMfaSetCallingUser", UserName=user) == 200
    assert iam.get_user()["User"]["UserName"] == user
    assert iam.list_mfa_devices()["MFADevices"] == []
    assert extension(server, "IamMfaSetCallingUser") == 200


def test_the_system_clock_cannot_be_moved(server: Served) -> None:
    status, root = send(
        server, "Action=IamMfaAdvanceClock&Version=2010-05-08&Seconds=60"
    )
    assert status == 400
    kind, code, message = error_of(root)
    assert (kind, code) == ("Sender", "InvalidInput")
    assert "clock" in message
