"""Requests per second of `iam-mfa serve` and of moto_server, side by side,
under the same load.

Both servers run on this machine on free 127.0.0.1 ports, each alone while
it is measured. Two kinds of load, each against both servers:

- the Rust SDK: `crates/server/examples/load.rs` (the aws backend of
  iam-mfa, i.e. aws-sdk-iam), 32 concurrent clients, workloads `read`
  (ListVirtualMFADevices, ListMFADevices, GetUser) and `write`
  (CreateVirtualMFADevice + DeleteVirtualMFADevice);
- boto3: 8 threads running the `read` workload.

Only actions moto implements are used, so both servers do the same work.

    cargo build --release -p iam-mfa-cli
    cargo build --release -p iam-mfa-server --example load
    .venv/bin/python tests/server/bench.py [--seconds 10] [--repeat 1]
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import boto3
from botocore.config import Config

ROOT = Path(__file__).resolve().parents[2]
SERVE = ROOT / "target" / "release" / "iam-mfa"
LOAD = ROOT / "target" / "release" / "examples" / "load"
MOTO = Path(sys.executable).with_name("moto_server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str) -> None:
    """Polls until the server answers at all (moto takes ~1 s)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(
                url + "/?Action=ListUsers&Version=2010-05-08"
            )
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


def start_iam_mfa() -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [str(SERVE), "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    line = process.stdout.readline().decode().strip()
    return process, line.removeprefix("listening on ")


def start_moto() -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [str(MOTO), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url)
    return process, url


def rust_load(url: str, workload: str, seconds: int) -> float:
    done = subprocess.run(
        [
            str(LOAD),
            "--endpoint",
            url,
            "--concurrency",
            "32",
            "--seconds",
            str(seconds),
            "--workload",
            workload,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"load against {url} failed:\n{done.stderr}")
    fields = dict(part.split("=") for part in done.stdout.split())
    return float(fields["rps"])


def boto3_load(url: str, seconds: int, threads: int = 8) -> float:
    iam = boto3.client(
        "iam",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="AKIDBENCH",
        aws_secret_access_key="secret",
        config=Config(
            retries={"max_attempts": 1}, max_pool_connections=threads
        ),
    )
    try:
        iam.create_user(UserName="load-user")
    except iam.exceptions.EntityAlreadyExistsException:
        pass
    calls: list[Callable[[], object]] = [
        lambda: iam.list_virtual_mfa_devices(MaxItems=10),
        lambda: iam.list_mfa_devices(UserName="load-user"),
        lambda: iam.get_user(UserName="load-user"),
    ]
    counts = [0] * threads
    deadline = time.monotonic() + seconds

    def work(index: int) -> None:
        turn = 0
        while time.monotonic() < deadline:
            calls[turn % 3]()
            turn += 1
        counts[index] = turn

    started = time.monotonic()
    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(counts) / (time.monotonic() - started)


def measure(start: Callable, seconds: int, repeat: int) -> dict[str, float]:
    """The best of `repeat` runs of each load, against a fresh server."""
    process, url = start()
    loads: dict[str, Callable[[], float]] = {
        "Rust SDK, 32 clients, read": lambda: rust_load(url, "read", seconds),
        "Rust SDK, 32 clients, write": lambda: rust_load(url, "write", seconds),
        "boto3, 8 threads, read": lambda: boto3_load(url, seconds),
    }
    try:
        return {
            name: max(run() for _ in range(repeat))
            for name, run in loads.items()
        }
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs of each load; the best counts, for both servers alike",
    )
    args = parser.parse_args()
    for needed in (SERVE, LOAD, MOTO):
        if not needed.exists():
            print(
                f"missing {needed}; see the build commands in this script's doc"
            )
            return 1

    ours = measure(start_iam_mfa, args.seconds, args.repeat)
    moto = measure(start_moto, args.seconds, args.repeat)

    print(
        f"{'load':<30} {'iam-mfa serve':>14} {'moto_server':>12} {'ratio':>7}"
    )
    for name, rate in ours.items():
        ratio = rate / moto[name] if moto[name] else float("inf")
        print(
            f"{name:<30} {rate:>12.0f}/s {moto[name]:>10.0f}/s {ratio:>6.1f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
