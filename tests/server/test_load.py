"""32 concurrent boto3 clients for 30 seconds against a server that keeps
its state in a file, without a single error."""

from __future__ import annotations

import os
from pathlib import Path

import load

CLIENTS = 32
SECONDS = float(os.environ.get("IAM_MFA_LOAD_SECONDS", "30"))


def test_thirty_two_clients_for_thirty_seconds(start, tmp_path: Path) -> None:
    served = start("--state", str(tmp_path / "load.db"))
    figures = load.run(served.url, clients=CLIENTS, seconds=SECONDS)
    print(figures.line())
    assert figures.errors == []
    assert figures.rounds >= CLIENTS, figures.line()
    assert served.process.poll() is None

    iam = served.client()
    assert iam.list_users()["Users"] == []
    assert iam.list_virtual_mfa_devices()["VirtualMFADevices"] == []
    assert served.stop() == 0
