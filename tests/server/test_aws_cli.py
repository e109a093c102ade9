"""The AWS CLI, unchanged, against `iam-mfa serve`: the QR code it writes
with --outfile is a real PNG that zbarimg (a decoder we did not write)
reads back to IAM's otpauth URI, whose secret enables the device."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pyotp
from conftest import ACCOUNT_ID, Served, unique

AWS = Path(sys.executable).with_name("aws")


def aws(server: Served, *args: str) -> str:
    """Runs `aws iam ARGS --endpoint-url URL` and returns its stdout."""
    environment = dict(os.environ)
    environment.update(
        AWS_ACCESS_KEY_ID="AKIDCLI",
        AWS_SECRET_ACCESS_KEY="secret",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_EC2_METADATA_DISABLED="true",
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
    )
    command = [
        str(AWS),
        "iam",
        *args,
        "--endpoint-url",
        server.url,
        "--output",
        "json",
    ]
    done = subprocess.run(
        command,
        env=environment,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def zbarimg(png: Path) -> str:
    tool = shutil.which("zbarimg")
    assert tool, "zbarimg is missing: apt-get install -y zbar-tools"
    done = subprocess.run(
        [tool, "--quiet", "--raw", str(png)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_cli_writes_a_qr_png_that_decodes_to_the_otpauth_uri(
    server: Served, tmp_path: Path
) -> None:
    name = unique("cli-phone")
    outfile = tmp_path / "qr.png"
    answer = json.loads(
        aws(
            server,
            "create-virtual-mfa-device",
            "--virtual-mfa-device-name",
            name,
            "--outfile",
            str(outfile),
            "--bootstrap-method",
            "QRCodePNG",
        )
    )
    serial = f"arn:aws:iam::{ACCOUNT_ID}:mfa/{name}"
    assert answer["VirtualMFADevice"]["SerialNumber"] == serial
    assert outfile.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    uri = zbarimg(outfile)
    parsed = urllib.parse.urlsplit(uri)
    assert parsed.scheme == "otpauth"
    assert parsed.netloc == "totp"
    assert parsed.path == f"/Amazon%20Web%20Services:{name}@{ACCOUNT_ID}"
    query = urllib.parse.parse_qs(parsed.query)
    assert query["issuer"] == ["Amazon Web Services"]
    [secret] = query["secret"]
    assert len(secret) == 64
    assert uri == (
        f"otpauth://totp/Amazon%20Web%20Services:{name}@{ACCOUNT_ID}"
        f"?secret={secret}&issuer=Amazon%20Web%20Services"
    )

    user = unique("cli-user")
    aws(server, "create-user", "--user-name", user)
    totp = pyotp.TOTP(secret)
    now = time.time()
    aws(
        server,
        "enable-mfa-device",
        "--user-name",
        user,
        "--serial-number",
        serial,
        "--authentication-code1",
        totp.at(now - 30),
        "--authentication-code2",
        totp.at(now),
    )
    listed = json.loads(aws(server, "list-mfa-devices", "--user-name", user))
    assert [d["SerialNumber"] for d in listed["MFADevices"]] == [serial]


def test_cli_writes_the_base32_seed(server: Served, tmp_path: Path) -> None:
    outfile = tmp_path / "seed.txt"
    aws(
        server,
        "create-virtual-mfa-device",
        "--virtual-mfa-device-name",
        unique("cli-seed"),
        "--outfile",
        str(outfile),
        "--bootstrap-method",
        "Base32StringSeed",
    )
    seed = outfile.read_text()
    assert len(seed) == 64
    assert pyotp.TOTP(seed).now().isdigit()
