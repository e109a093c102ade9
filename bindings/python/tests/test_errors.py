"""The exception classes: one per error kind, built in one place, and
raised for what the service, the network and the emulator answer."""

from __future__ import annotations

import pickle
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import iam_mfa
from iam_mfa import _errors, _native

CLASSES = {
    "NoSuchEntity": iam_mfa.NoSuchEntityError,
    "EntityAlreadyExists": iam_mfa.EntityAlreadyExistsError,
    "DeleteConflict": iam_mfa.DeleteConflictError,
    "InvalidAuthenticationCode": iam_mfa.InvalidAuthenticationCodeError,
    "LimitExceeded": iam_mfa.LimitExceededError,
    "InvalidInput": iam_mfa.InvalidInputError,
    "EntityTemporarilyUnmodifiable": (
        iam_mfa.EntityTemporarilyUnmodifiableError
    ),
    "ConcurrentModification": iam_mfa.ConcurrentModificationError,
    "ServiceFailure": iam_mfa.ServiceFailureError,
    "AccessDenied": iam_mfa.AccessDeniedError,
    "Credentials": iam_mfa.CredentialsError,
    "Transport": iam_mfa.TransportError,
    "Timeout": iam_mfa.RequestTimeoutError,
    "Throttling": iam_mfa.ThrottlingError,
    "Storage": iam_mfa.StorageError,
    "Unhandled": iam_mfa.UnhandledError,
}


def test_every_kind_of_the_core_has_its_class() -> None:
    assert set(_native._ERROR_KINDS) == set(CLASSES)
    assert _errors._BY_KIND == CLASSES
    for kind, cls in CLASSES.items():
        assert cls.kind == kind
        assert issubclass(cls, iam_mfa.IamMfaError)
        assert cls.__name__ in iam_mfa.__all__


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_the_conversion_keeps_message_code_and_request_id(kind: str) -> None:
    error = _native._error_for_kind(kind, "what went wrong", "Code", "r-1")

    assert type(error) is CLASSES[kind]
    assert error.message == "what went wrong"
    assert error.code == "Code"
    assert error.request_id == "r-1"
    assert str(error) == "Code: what went wrong (request id r-1)"


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_the_code_defaults_to_the_kinds_own(kind: str) -> None:
    error = _native._error_for_kind(kind, "message")

    assert error.request_id is None
    local_kinds = {"Transport", "Timeout", "Storage", "Credentials"}
    if kind in local_kinds | {"Unhandled"}:
        assert error.code is None
        assert str(error) == f"{kind}: message"
    elif kind == "InvalidInput":
        assert error.code == "ValidationError"
    else:
        assert error.code == kind


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(iam_mfa.InvalidInputError, match="Bogus"):
        _native._error_for_kind("Bogus", "message")


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_exceptions_pickle(kind: str) -> None:
    error = _native._error_for_kind(kind, "lost", "Code", "r-9")

    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is type(error)
    assert (copy.message, copy.code, copy.request_id) == (
        "lost",
        "Code",
        "r-9",
    )
    assert str(copy) == str(error)


def test_invalid_input_is_also_a_value_error() -> None:
    assert issubclass(iam_mfa.InvalidInputError, ValueError)
    with pytest.raises(ValueError, match="path"):
        iam_mfa.Client.local().create_user("alice", path="no-slashes")


# A stand-in for IAM that answers every request with one error, to see
# each AWS error code reach its class through the aws backend.
ERROR_BODY = (
    "<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code>"
    "<Message>{message}</Message></Error>"
    "<RequestId>request-{code}</RequestId></ErrorResponse>"
)


class ErrorServer:
    """An HTTP server on 127.0.0.1 answering with a chosen IAM error."""

    def __init__(self) -> None:
        self.code = "ServiceFailure"
        self.status = 500
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                self.rfile.read(length)
                body = ERROR_BODY.format(
                    code=outer.code, message=f"{outer.code} happened"
                ).encode()
                self.send_response(outer.status)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, fmt: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def error_server() -> Iterator[ErrorServer]:
    server = ErrorServer()
    yield server
    server.stop()


def aws_client(url: str, **options: object) -> iam_mfa.Client:
    return iam_mfa.Client.aws(
        region="us-east-1",
        endpoint_url=url,
        access_key_id="AKIAIOSFODNN7EXAMPLE",
        secret_access_key="test-secret-access-key",
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("code", "status", "cls"),
    [
        ("NoSuchEntity", 404, iam_mfa.NoSuchEntityError),
        ("EntityAlreadyExists", 409, iam_mfa.EntityAlreadyExistsError),
        ("DeleteConflict", 409, iam_mfa.DeleteConflictError),
        (
            "InvalidAuthenticationCode",
            403,
            iam_mfa.InvalidAuthenticationCodeError,
        ),
        ("LimitExceeded", 409, iam_mfa.LimitExceededError),
        ("ValidationError", 400, iam_mfa.InvalidInputError),
        ("InvalidInput", 400, iam_mfa.InvalidInputError),
        (
            "EntityTemporarilyUnmodifiable",
            409,
            iam_mfa.EntityTemporarilyUnmodifiableError,
        ),
        ("ConcurrentModification", 409, iam_mfa.ConcurrentModificationError),
        ("ServiceFailure", 500, iam_mfa.ServiceFailureError),
        ("AccessDenied", 403, iam_mfa.AccessDeniedError),
        ("InvalidClientTokenId", 403, iam_mfa.CredentialsError),
        ("SignatureDoesNotMatch", 403, iam_mfa.CredentialsError),
        ("Throttling", 400, iam_mfa.ThrottlingError),
        ("SomethingNew", 400, iam_mfa.UnhandledError),
    ],
)
def test_each_aws_error_code_raises_its_class(
    error_server: ErrorServer, code: str, status: int, cls: type
) -> None:
    error_server.code = code
    error_server.status = status
    client = aws_client(error_server.url, max_attempts=1)

    with pytest.raises(iam_mfa.IamMfaError) as raised:
        client.delete_virtual_mfa_device("arn:aws:iam::123456789012:mfa/x")

    assert type(raised.value) is cls
    assert raised.value.code == code
    assert raised.value.request_id == f"request-{code}"
    assert f"{code} happened" in raised.value.message


def test_an_unreachable_endpoint_is_a_transport_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = aws_client(f"http://127.0.0.1:{port}", max_attempts=1)

    with pytest.raises(iam_mfa.TransportError) as raised:
        client.get_user("alice")

    assert raised.value.code is None
    assert raised.value.request_id is None


def test_an_endpoint_that_never_answers_is_a_timeout() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        client = aws_client(url, max_attempts=1, timeout=0.5)

        with pytest.raises(iam_mfa.RequestTimeoutError):
            client.get_user("alice")


def test_missing_credentials_are_a_credentials_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    for variable in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/creds")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/config")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = iam_mfa.Client.aws(
        region="us-east-1",
        endpoint_url=f"http://127.0.0.1:{port}",
        max_attempts=1,
        timeout=5,
    )

    with pytest.raises(iam_mfa.CredentialsError, match="credentials"):
        client.get_user("alice")
