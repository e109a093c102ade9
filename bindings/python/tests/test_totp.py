"""TOTP codes: RFC 6238's vectors, and agreement with pyotp."""

from __future__ import annotations

import base64
from datetime import datetime, timezone

import pyotp
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iam_mfa

# RFC 6238, appendix B, SHA-1: the key is the ASCII "12345678901234567890";
# IAM's codes have six digits, the last six of the RFC's eight.
# pyotp refuses keys shorter than 112 bits (14 bytes), the NIST minimum.
RFC_SEED = base64.b32encode(b"12345678901234567890")
RFC_VECTORS = [
    (59, "94287082"),
    (1111111109, "07081804"),
    (1111111111, "14050471"),
    (1234567890, "89005924"),
    (2000000000, "69279037"),
    (20000000000, "65353130"),
]

LATEST = datetime(9999, 12, 31, tzinfo=timezone.utc).timestamp()


@pytest.mark.parametrize(("at", "code"), RFC_VECTORS)
def test_rfc_6238_vectors(at: int, code: str) -> None:
    assert iam_mfa.totp_code(RFC_SEED, at=at) == code[-6:]
    moment = datetime.fromtimestamp(at, tz=timezone.utc)
    assert iam_mfa.totp_code(RFC_SEED, at=moment) == code[-6:]


# No deadline: on a busy machine a first call may take longer than 200 ms.
@settings(deadline=None)
@given(
    key=st.binary(min_size=14, max_size=64),
    at=st.integers(min_value=0, max_value=int(LATEST)),
)
def test_codes_agree_with_pyotp(key: bytes, at: int) -> None:
    seed = base64.b32encode(key).decode().rstrip("=")

    assert iam_mfa.totp_code(seed, at=at) == pyotp.TOTP(seed).at(at)
    assert iam_mfa.totp_code(seed.lower().encode(), at=at) == (
        pyotp.TOTP(seed).at(at)
    )


@settings(deadline=None)
@given(
    key=st.binary(min_size=14, max_size=40),
    at=st.floats(min_value=30, max_value=LATEST),
)
def test_enable_codes_are_the_previous_and_current_step(
    key: bytes, at: float
) -> None:
    seed = base64.b32encode(key)
    totp = pyotp.TOTP(seed.decode())

    code1, code2 = iam_mfa.enable_codes(seed, at=at)

    assert code2 == totp.at(int(at))
    assert code1 == totp.at(int(at) - 30)


def test_without_a_time_the_code_is_the_current_one() -> None:
    seed = pyotp.random_base32()
    totp = pyotp.TOTP(seed)

    before = totp.now()
    code = iam_mfa.totp_code(seed)
    after = totp.now()

    assert code in (before, after)
    assert iam_mfa.enable_codes(seed)[1] in (before, after, totp.now())


def test_a_device_seed_gives_the_codes_an_app_would(
    local: iam_mfa.LocalClient,
) -> None:
    device = local.create_virtual_mfa_device("phone")
    seed = device.base32_string_seed
    assert seed is not None

    assert iam_mfa.totp_code(seed, at=1_800_000_000) == pyotp.TOTP(
        seed.decode()
    ).at(1_800_000_000)
