"""Concurrent boto3 clients running the whole MFA lifecycle in a loop.

Each client, in its own thread, repeats: create a user and a tagged
virtual device, enable it with pyotp's codes, list, get, tag, list tags,
untag, resync, deactivate, delete the device and the user: all eleven MFA
operations and three user operations, 14 requests a round.

    python tests/server/load.py --url http://127.0.0.1:PORT \
        --clients 32 --seconds 30

prints one line of figures and exits non-zero when any request failed.
"""

from __future__ import annotations

import argparse
import threading
import time
import uuid
from dataclasses import dataclass, field

import boto3
import pyotp
from botocore.config import Config


@dataclass
class Figures:
    """What a load run did."""

    clients: int
    seconds: float = 0.0
    requests: int = 0
    rounds: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def line(self) -> str:
        rate = self.requests / self.seconds if self.seconds else 0.0
        return (
            f"clients={self.clients} seconds={self.seconds:.1f} "
            f"rounds={self.rounds} requests={self.requests} "
            f"errors={len(self.errors)} rps={rate:.0f}"
        )


def client(url: str):
    return boto3.client(
        "iam",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="AKIDLOAD",
        aws_secret_access_key="secret",
        config=Config(
            retries={"max_attempts": 1, "mode": "standard"},
            max_pool_connections=4,
        ),
    )


def one_round(iam, worker: int) -> int:
    """The lifecycle once; returns the number of requests it made."""
    suffix = f"{worker}-{uuid.uuid4().hex[:8]}"
    user = f"load-user-{suffix}"
    iam.create_user(UserName=user)
    device = iam.create_virtual_mfa_device(
        VirtualMFADeviceName=f"load-{suffix}",
        Tags=[{"Key": "worker", "Value": str(worker)}],
    )["VirtualMFADevice"]
    serial = device["SerialNumber"]
    totp = pyotp.TOTP(device["Base32StringSeed"].decode())
    now = time.time()
    iam.enable_mfa_device(
        UserName=user,
        SerialNumber=serial,
        AuthenticationCode1=totp.at(now - 30),
        AuthenticationCode2=totp.at(now),
    )
    iam.list_mfa_devices(UserName=user)
    iam.list_virtual_mfa_devices(AssignmentStatus="Assigned", MaxItems=5)
    iam.get_mfa_device(SerialNumber=serial, UserName=user)
    iam.tag_mfa_device(
        SerialNumber=serial, Tags=[{"Key": "round", "Value": "x"}]
    )
    iam.list_mfa_device_tags(SerialNumber=serial)
    iam.untag_mfa_device(SerialNumber=serial, TagKeys=["round"])
    now = time.time()
    iam.resync_mfa_device(
        UserName=user,
        SerialNumber=serial,
        AuthenticationCode1=totp.at(now),
        AuthenticationCode2=totp.at(now + 30),
    )
    iam.deactivate_mfa_device(UserName=user, SerialNumber=serial)
    iam.delete_virtual_mfa_device(SerialNumber=serial)
    iam.delete_user(UserName=user)
    return 14


def run(url: str, clients: int = 32, seconds: float = 30.0) -> Figures:
    """Runs `clients` threads against `url` for `seconds`."""
    figures = Figures(clients=clients)
    iams = [client(url) for _ in range(clients)]
    deadline = time.monotonic() + seconds

    def work(worker: int) -> None:
        iam = iams[worker]
        while time.monotonic() < deadline:
            try:
                made = one_round(iam, worker)
            except Exception as error:  # noqa: BLE001 - every failure counts
                with figures.lock:
                    figures.errors.append(f"worker {worker}: {error!r}")
                continue
            with figures.lock:
                figures.requests += made
                figures.rounds += 1

    started = time.monotonic()
    threads = [
        threading.Thread(target=work, args=(worker,))
        for worker in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    figures.seconds = time.monotonic() - started
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    figures = run(args.url, args.clients, args.seconds)
    print(figures.line())
    for error in figures.errors[:10]:
        print(error)
    return 1 if figures.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
