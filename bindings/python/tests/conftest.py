"""Fixtures: clients of the embedded emulator and of `iam-mfa serve`.

Most tests take the ``client`` fixture and run twice: on
``Client.local()`` and on ``Client.aws(endpoint_url=...)`` pointed at an
``iam-mfa serve`` process started for the test. The server's binary is
``$IAM_MFA_BIN``, else ``target/debug/iam-mfa`` of the repository; without
it the served runs are skipped, unless ``IAM_MFA_REQUIRE_SERVER=1`` (set
by run-tests.sh), which makes them fail instead.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import iam_mfa

REPOSITORY = Path(__file__).resolve().parents[3]
ACCOUNT_ID = "123456789012"

# Tests never reach a real AWS account: no metadata service, test keys.
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_IAM"):
    os.environ.pop(variable, None)


def server_binary() -> Path | None:
    """The `iam-mfa` binary to serve the emulator with, if there is one."""
    configured = os.environ.get("IAM_MFA_BIN")
    binary = (
        Path(configured)
        if configured
        else REPOSITORY / "target" / "debug" / "iam-mfa"
    )
    return binary if binary.is_file() else None


class Served:
    """An `iam-mfa serve` process on a free port of 127.0.0.1."""

    def __init__(self, binary: Path) -> None:
        # The server's request log, closed by stop().
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(binary), "serve", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        prefix = "listening on "
        if not line.startswith(prefix):
            self.stop()
            raise RuntimeError(f"iam-mfa serve did not start: {line!r}")
        self.url = line[len(prefix) :]

    def client(self, **options: object) -> iam_mfa.Client:
        """A client of this server, with throwaway credentials."""
        return iam_mfa.Client.aws(
            region="us-east-1",
            endpoint_url=self.url,
            access_key_id="AKIAIOSFODNN7EXAMPLE",
            secret_access_key="test-secret-access-key",
            max_attempts=1,
            **options,  # type: ignore[arg-type]
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.log.close()


@pytest.fixture
def served() -> Iterator[Served]:
    """A fresh `iam-mfa serve` for one test."""
    binary = server_binary()
    if binary is None:
        if os.environ.get("IAM_MFA_REQUIRE_SERVER") == "1":
            pytest.fail("no iam-mfa binary: build it with cargo build")
        pytest.skip("no iam-mfa binary (cargo build -p iam-mfa-cli)")
    server = Served(binary)
    yield server
    server.stop()


@pytest.fixture
def local() -> iam_mfa.LocalClient:
    """A fresh in-memory emulator."""
    return iam_mfa.Client.local()


@pytest.fixture(params=["local", "served"])
def client(request: pytest.FixtureRequest) -> iam_mfa.Client:
    """A fresh emulator, called in process or over HTTP."""
    if request.param == "local":
        return iam_mfa.Client.local()
    served: Served = request.getfixturevalue("served")
    return served.client()


def new_device(
    client: iam_mfa.Client, name: str, path: str = "/"
) -> iam_mfa.VirtualMfaDevice:
    """A new virtual device, with its seed."""
    device = client.create_virtual_mfa_device(name, path=path)
    assert device.base32_string_seed is not None
    return device


def enabled_device(
    client: iam_mfa.Client, user_name: str, name: str
) -> iam_mfa.VirtualMfaDevice:
    """A new virtual device enabled for a new user of that name."""
    client.create_user(user_name)
    device = new_device(client, name)
    seed = device.base32_string_seed
    assert seed is not None
    code1, code2 = iam_mfa.enable_codes(seed)
    client.enable_mfa_device(user_name, device.serial_number, code1, code2)
    return device
