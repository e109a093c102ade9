"""The MFA workflow on boto3 with moto's in-process mock, and on
iam_mfa's embedded emulator: both times, their ratio, and the time of
each operation.

For each of N devices, each side makes the same seven calls: create a
user, create a virtual device with a tag, enable it with two codes, list
the user's devices, deactivate the device, delete it, delete the user.
moto does not implement TagMFADevice, so the tag goes with the create
call (moto accepts and ignores it; the emulator checks and stores it).

Neither side reads the QR code. moto's QRCodePNG is random bytes; the
emulator draws a real PNG, but only when `qr_code_png` is first read, so
the script times that read separately and prints it after the table.

    python benchmarks/workflow.py --devices 200

Build the module in release mode first (pip install ./bindings/python, or
maturin develop --release): a debug build is many times slower.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

import iam_mfa

TAG = {"Key": "team", "Value": "benchmark"}
OPERATIONS = [
    "CreateUser",
    "CreateVirtualMFADevice",
    "EnableMFADevice",
    "ListMFADevices",
    "DeactivateMFADevice",
    "DeleteVirtualMFADevice",
    "DeleteUser",
]

T = TypeVar("T")


class Steps:
    """Makes calls and adds up the seconds each operation takes."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def __call__(
        self, operation: str, call: Callable[..., T], *args: Any, **kw: Any
    ) -> T:
        started = time.perf_counter()
        result = call(*args, **kw)
        self.seconds[operation] += time.perf_counter() - started
        return result

    def total(self) -> float:
        return sum(self.seconds.values())


def workflow_boto3(devices: int) -> Steps:
    """The workflow on boto3 with moto's in-process mock."""
    import boto3  # type: ignore[import-untyped]
    from moto import mock_aws

    steps = Steps()
    with mock_aws():
        iam: Any = boto3.client("iam", region_name="us-east-1")
        for number in range(devices):
            user = f"user-{number}"
            steps("CreateUser", iam.create_user, UserName=user)
            device = steps(
                "CreateVirtualMFADevice",
                iam.create_virtual_mfa_device,
                VirtualMFADeviceName=f"device-{number}",
                Tags=[TAG],
            )["VirtualMFADevice"]
            serial = device["SerialNumber"]
            code1, code2 = iam_mfa.enable_codes(device["Base32StringSeed"])
            steps(
                "EnableMFADevice",
                iam.enable_mfa_device,
                UserName=user,
                SerialNumber=serial,
                AuthenticationCode1=code1,
                AuthenticationCode2=code2,
            )
            listed = steps(
                "ListMFADevices", iam.list_mfa_devices, UserName=user
            )["MFADevices"]
            assert [d["SerialNumber"] for d in listed] == [serial]
            steps(
                "DeactivateMFADevice",
                iam.deactivate_mfa_device,
                UserName=user,
                SerialNumber=serial,
            )
            steps(
                "DeleteVirtualMFADevice",
                iam.delete_virtual_mfa_device,
                SerialNumber=serial,
            )
            steps("DeleteUser", iam.delete_user, UserName=user)
    return steps


def workflow_iam_mfa(devices: int) -> Steps:
    """The workflow on iam_mfa.Client.local()."""
    client = iam_mfa.Client.local()
    tags = {TAG["Key"]: TAG["Value"]}
    steps = Steps()
    for number in range(devices):
        user = f"user-{number}"
        steps("CreateUser", client.create_user, user)
        device = steps(
            "CreateVirtualMFADevice",
            client.create_virtual_mfa_device,
            f"device-{number}",
            tags=tags,
        )
        serial = device.serial_number
        seed = device.base32_string_seed
        assert seed is not None
        code1, code2 = iam_mfa.enable_codes(seed)
        steps(
            "EnableMFADevice",
            client.enable_mfa_device,
            user,
            serial,
            code1,
            code2,
        )
        listed = steps(
            "ListMFADevices",
            lambda name: list(client.list_mfa_devices(name)),
            user,
        )
        assert [d.serial_number for d in listed] == [serial]
        steps(
            "DeactivateMFADevice", client.deactivate_mfa_device, serial, user
        )
        steps(
            "DeleteVirtualMFADevice", client.delete_virtual_mfa_device, serial
        )
        steps("DeleteUser", client.delete_user, user)
    return steps


def qr_code_reads(devices: int) -> float:
    """Seconds to read `qr_code_png` of `devices` new devices, which is
    when the emulator draws each PNG."""
    client = iam_mfa.Client.local()
    created = [
        client.create_virtual_mfa_device(f"device-{number}")
        for number in range(devices)
    ]
    started = time.perf_counter()
    for device in created:
        assert device.qr_code_png is not None
    return time.perf_counter() - started


def best_of(repeat: int, run: Callable[[int], Steps], devices: int) -> Steps:
    """The fastest of `repeat` runs."""
    return min((run(devices) for _ in range(repeat)), key=Steps.total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")

    devices, repeat = arguments.devices, arguments.repeat
    moto = best_of(repeat, workflow_boto3, devices)
    native = best_of(repeat, workflow_iam_mfa, devices)

    calls = devices * len(OPERATIONS)
    print(f"workflow: {devices} devices, {calls} calls, best of {repeat}")
    print(f"  boto3 + moto mock_aws   {moto.total():9.3f} s")
    print(f"  iam_mfa.Client.local()  {native.total():9.3f} s")
    print(f"  ratio: {moto.total() / native.total():.1f}x")
    print("per call, microseconds:")
    print(f"  {'operation':24} {'boto3+moto':>11} {'iam_mfa':>9} {'ratio':>7}")
    for operation in OPERATIONS:
        slow = moto.seconds[operation] / devices * 1e6
        fast = native.seconds[operation] / devices * 1e6
        print(f"  {operation:24} {slow:11.1f} {fast:9.1f} {slow / fast:7.1f}")

    drawing = min(qr_code_reads(devices) for _ in range(repeat))
    print(
        "not in the workflow: the first read of qr_code_png, which draws the"
        f" PNG, {drawing / devices * 1e6:.1f} microseconds a device"
    )


if __name__ == "__main__":
    main()
