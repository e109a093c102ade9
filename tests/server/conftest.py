"""Fixtures: the `iam-mfa serve` binary on a free port, and boto3 clients.

The binary is $IAM_MFA_BIN, else the newer of target/release/iam-mfa and
target/debug/iam-mfa. Each server logs to a file of its own under the
test's temporary directory, so tests can read its log.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

ROOT = Path(__file__).resolve().parents[2]
ACCOUNT_ID = "123456789012"
START_TIMEOUT = 30.0


def binary() -> Path:
    """The `iam-mfa` executable under test."""
    explicit = os.environ.get("IAM_MFA_BIN")
    if explicit:
        return Path(explicit)
    built = [
        ROOT / "target" / profile / "iam-mfa"
        for profile in ("release", "debug")
    ]
    present = [path for path in built if path.exists()]
    if not present:
        pytest.fail("build it first: cargo build -p iam-mfa-cli")
    return max(present, key=lambda path: path.stat().st_mtime)


class Served:
    """One `iam-mfa serve` process."""

    def __init__(
        self, log: Path, *args: str, env: dict[str, str] | None = None
    ) -> None:
        self.log = log
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(
            [str(binary()), "serve", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
        self.url = self._read_listening_line()

    def _read_listening_line(self) -> str:
        lines: list[bytes] = []
        assert self.process.stdout is not None
        reader = threading.Thread(
            target=lambda: lines.append(self.process.stdout.readline()),
            daemon=True,
        )
        reader.start()
        reader.join(START_TIMEOUT)
        if not lines or not lines[0]:
            self.process.kill()
            log = self.log.read_text(errors="replace")
            pytest.fail(f"the server did not start; its log:\n{log}")
        line = lines[0].decode().strip()
        assert line.startswith("listening on http://"), line
        return line.removeprefix("listening on ")

    def stop(self, sig: int = signal.SIGTERM) -> int:
        """Sends `sig` and waits for the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            status = self.process.wait(timeout=30)
        finally:
            self._log_file.close()
            if self.process.stdout is not None:
                self.process.stdout.close()
        return status

    def client(
        self,
        access_key: str = "AKIDTEST",
        secret_key: str = "secret",
    ):
        return iam_client(self.url, access_key, secret_key)


def iam_client(url: str, access_key: str = "AKIDTEST", secret_key: str = "s"):
    """A boto3 IAM client of `url`, without retries."""
    return boto3.client(
        "iam",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


@pytest.fixture
def start(tmp_path: Path) -> Iterator:
    """Starts servers with extra arguments; stops them all at the end."""
    started: list[Served] = []

    def launch(*args: str, env: dict[str, str] | None = None) -> Served:
        log = tmp_path / f"server-{len(started)}.log"
        served = Served(log, *args, env=env)
        started.append(served)
        return served

    yield launch
    for served in started:
        served.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One in-memory server shared by the tests of a module."""
    log = tmp_path_factory.mktemp("server") / "server.log"
    served = Served(log)
    yield served
    assert served.stop() == 0


@pytest.fixture
def iam(server: Served):
    """A boto3 IAM client of the module's server."""
    return server.client()


def unique(prefix: str) -> str:
    """A name no other test uses."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"
