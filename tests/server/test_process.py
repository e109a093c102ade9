"""The `iam-mfa serve` process: its state file across a restart, a clean
stop on SIGINT and SIGTERM that finishes requests in flight, SigV4 checks
with --credentials, and a log that never carries a seed or a code."""

from __future__ import annotations

import signal
import socket
import stat
import time
import urllib.parse
from pathlib import Path

import pyotp
import pytest
from botocore.exceptions import ClientError
from conftest import unique
from test_boto3 import codes, enable, new_device, new_user


def test_state_file_survives_a_restart(start, tmp_path: Path) -> None:
    state = tmp_path / "iam.db"
    first = start("--state", str(state), "--account-id", "210987654321")
    iam = first.client()
    user = new_user(iam)
    device = new_device(iam, Path="/kept/", Tags=[{"Key": "k", "Value": "v"}])
    serial = device["SerialNumber"]
    assert serial.startswith("arn:aws:iam::210987654321:mfa/kept/")
    enable(iam, user, device)
    spare = new_device(iam)["SerialNumber"]
    assert first.stop() == 0
    assert stat.S_IMODE(state.stat().st_mode) == 0o600

    second = start("--state", str(state), "--account-id", "210987654321")
    assert second.url != "" and second.process.poll() is None
    iam = second.client()
    assert iam.get_user(UserName=user)["User"]["UserName"] == user
    assert [
        d["SerialNumber"]
        for d in iam.list_mfa_devices(UserName=user)["MFADevices"]
    ] == [serial]
    assert iam.list_mfa_device_tags(SerialNumber=serial)["Tags"] == [
        {"Key": "k", "Value": "v"}
    ]
    unassigned = iam.list_virtual_mfa_devices(AssignmentStatus="Unassigned")
    assert {"SerialNumber": spare} in unassigned["VirtualMFADevices"]
    with pytest.raises(ClientError) as caught:
        iam.create_virtual_mfa_device(
            VirtualMFADeviceName=serial.rsplit("/", 1)[1]
        )
    assert caught.value.response["Error"]["Code"] == "EntityAlreadyExists"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_server_after_requests_in_flight(
    start, sig: int
) -> None:
    served = start()
    parsed = urllib.parse.urlsplit(served.url)
    name = unique("late")
    body = f"Action=CreateUser&Version=2010-05-08&UserName={name}".encode()
    head = (
        "POST / HTTP/1.1\r\n"
        f"Host: {parsed.netloc}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()

    with socket.create_connection(
        (parsed.hostname, parsed.port), timeout=10
    ) as sock:
        sock.sendall(head + body[:10])
        time.sleep(0.3)
        served.process.send_signal(sig)
        time.sleep(0.3)
        assert served.process.poll() is None, "stopped with a request in flight"
        sock.sendall(body[10:])
        answer = b""
        while b"</CreateUserResponse>" not in answer:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200 OK"), answer[:200]
    assert served.stop() == 0

    with pytest.raises(OSError):
        socket.create_connection(
            (parsed.hostname, parsed.port), timeout=2
        ).close()
    log = served.log.read_text()
    assert "signal received" in log
    assert 'action="CreateUser" status=200' in log


@pytest.mark.parametrize("where", ["argument", "environment"])
def test_sigv4_is_checked_with_credentials(start, where: str) -> None:
    credentials = "AKIDGOOD:right-secret"
    if where == "argument":
        served = start("--credentials", credentials)
    else:
        served = start(env={"IAM_MFA_SERVE_CREDENTIALS": credentials})
    good = served.client("AKIDGOOD", "right-secret")
    user = new_user(good)
    assert good.get_user(UserName=user)["User"]["UserName"] == user

    with pytest.raises(ClientError) as caught:
        served.client("AKIDGOOD", "wrong-secret").get_user(UserName=user)
    error = caught.value.response
    assert error["Error"]["Code"] == "SignatureDoesNotMatch"
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 403

    with pytest.raises(ClientError) as caught:
        served.client("AKIDOTHER", "right-secret").get_user(UserName=user)
    error = caught.value.response
    assert error["Error"]["Code"] == "InvalidClientTokenId"
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_any_signature_is_accepted_without_credentials(start) -> None:
    served = start()
    name = new_user(served.client("ANYKEY", "any-secret"))
    assert served.client("OTHER", "x").get_user(UserName=name)["User"]


def test_the_log_names_actions_and_never_secrets(start) -> None:
    served = start()
    iam = served.client()
    user = new_user(iam)
    device = new_device(iam)
    seed = device["Base32StringSeed"].decode()
    code1, code2 = codes(device["Base32StringSeed"])
    iam.enable_mfa_device(
        UserName=user,
        SerialNumber=device["SerialNumber"],
        AuthenticationCode1=code1,
        AuthenticationCode2=code2,
    )
    totp = pyotp.TOTP(seed)
    assert totp.verify(code2, valid_window=1)
    assert served.stop() == 0

    log = served.log.read_text()
    for action in ("CreateUser", "CreateVirtualMFADevice", "EnableMFADevice"):
        assert f'action="{action}" status=200' in log
    assert "micros=" in log
    assert seed not in log
    assert seed[:16] not in log
    assert f"={code1}" not in log and f"={code2}" not in log
    assert f" {code1}" not in log and f" {code2}" not in log
