"""The query protocol itself, with raw HTTP: bad requests get IAM-shaped
XML errors and the server keeps serving."""

from __future__ import annotations

import http.client
import re
import urllib.parse
from xml.etree import ElementTree

import pytest
from conftest import Served

NS = "{https://iam.amazonaws.com/doc/2010-05-08/}"
UUID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
)


def send(
    server: Served,
    body: bytes | str = b"",
    method: str = "POST",
    path: str = "/",
    headers: dict[str, str] | None = None,
) -> tuple[int, ElementTree.Element]:
    """Sends one request and parses the XML answer."""
    parsed = urllib.parse.urlsplit(server.url)
    connection = http.client.HTTPConnection(
        parsed.hostname, parsed.port, timeout=10
    )
    if isinstance(body, str):
        body = body.encode()
    sent = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
    sent.update(headers or {})
    connection.request(method, path, body=body, headers=sent)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    assert response.getheader("Content-Type") == "text/xml"
    return response.status, ElementTree.fromstring(data)


def error_of(root: ElementTree.Element) -> tuple[str, str, str]:
    assert root.tag == f"{NS}ErrorResponse"
    error = root.find(f"{NS}Error")
    assert error is not None
    request_id = root.findtext(f"{NS}RequestId")
    assert request_id and UUID.match(request_id), request_id
    return (
        error.findtext(f"{NS}Type") or "",
        error.findtext(f"{NS}Code") or "",
        error.findtext(f"{NS}Message") or "",
    )


def test_a_form_body_gets_iam_s_envelope(server: Served) -> None:
    status, root = send(server, "Action=ListUsers&Version=2010-05-08")
    assert status == 200
    assert root.tag == f"{NS}ListUsersResponse"
    assert root.find(f"{NS}ListUsersResult/{NS}Users") is not None
    assert root.findtext(f"{NS}ListUsersResult/{NS}IsTruncated") == "false"
    request_id = root.findtext(f"{NS}ResponseMetadata/{NS}RequestId")
    assert request_id and UUID.match(request_id)


def test_get_with_a_query_string_works(server: Served) -> None:
    name = "getter"
    query = f"/?Action=CreateUser&Version=2010-05-08&UserName={name}"
    status, root = send(server, method="GET", path=query)
    assert status == 200
    user = root.find(f"{NS}CreateUserResult/{NS}User")
    assert user is not None
    assert user.findtext(f"{NS}UserName") == name
    created = user.findtext(f"{NS}CreateDate") or ""
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", created), created


def test_void_actions_answer_with_only_the_request_id(server: Served) -> None:
    send(server, "Action=CreateUser&Version=2010-05-08&UserName=void")
    status, root = send(
        server, "Action=DeleteUser&Version=2010-05-08&UserName=void"
    )
    assert status == 200
    assert root.tag == f"{NS}DeleteUserResponse"
    assert [child.tag for child in root] == [f"{NS}ResponseMetadata"]


@pytest.mark.parametrize(
    ("body", "status", "code", "message"),
    [
        (
            "Action=CreateAccessKey&Version=2010-05-08",
            400,
            "InvalidAction",
            "Could not find operation CreateAccessKey for version 2010-05-08",
        ),
        (
            "Action=ListUsers&Version=2011-01-01",
            400,
            "InvalidAction",
            "Could not find operation ListUsers for version 2011-01-01",
        ),
        (
            "Action=ListUsers",
            400,
            "InvalidAction",
            (
                "Could not find operation ListUsers for version "
                "NO_VERSION_SPECIFIED"
            ),
        ),
        (
            "Version=2010-05-08",
            400,
            "MissingAction",
            "The request must contain the parameter Action",
        ),
        (
            "Action=GetMFADevice&Version=2010-05-08",
            400,
            "ValidationError",
            (
                "1 validation error detected: Value null at 'serialNumber' "
                "failed to satisfy constraint: Member must not be null"
            ),
        ),
        (
            (
                "Action=EnableMFADevice&Version=2010-05-08&UserName=a&SerialNumber="
                "arn:aws:iam::123456789012:mfa/x&AuthenticationCode1=123456"
            ),
            400,
            "ValidationError",
            (
                "1 validation error detected: Value null at "
                "'authenticationCode2' failed to satisfy constraint: Member "
                "must not be null"
            ),
        ),
        (
            "Action=ListUsers&Version=2010-05-08&MaxItems=lots",
            400,
            "ValidationError",
            None,
        ),
        (
            "Action=ListUsers&Version=2010-05-08&MaxItems=0",
            400,
            "ValidationError",
            None,
        ),
        (
            "Action=ListUsers%ff&Version=2010-05-08",
            400,
            "MalformedQueryString",
            None,
        ),
        (
            "Action=ListUsers&Version=2010-05-08&Version=2010-05-08",
            400,
            "MalformedQueryString",
            None,
        ),
        (
            (
                "Action=TagMFADevice&Version=2010-05-08&SerialNumber=arn:aws:iam::1:mfa/x"
                "&Tags.member.1.Value=v"
            ),
            400,
            "ValidationError",
            None,
        ),
    ],
)
def test_bad_requests_get_iam_errors(
    server: Served, body: str, status: int, code: str, message: str | None
) -> None:
    answered, root = send(server, body)
    kind, answered_code, answered_message = error_of(root)
    assert (answered, kind, answered_code) == (status, "Sender", code)
    if message is not None:
        assert answered_message == message
    else:
        assert answered_message


def test_an_oversized_body_is_refused(server: Served) -> None:
    body = "Action=ListUsers&Version=2010-05-08&Padding=" + "x" * (300 * 1024)
    status, root = send(server, body)
    assert status == 413
    assert error_of(root)[1] == "RequestEntityTooLarge"


def test_other_methods_get_an_iam_error(server: Served) -> None:
    status, root = send(server, method="DELETE")
    assert status == 400
    assert error_of(root)[1] == "InvalidAction"


def test_the_server_keeps_serving_after_bad_requests(server: Served) -> None:
    for _ in range(3):
        send(server, "%%%&&&==")
        send(server, b"\xff\xfe\x00garbage")
    status, _ = send(server, "Action=ListUsers&Version=2010-05-08")
    assert status == 200
    assert server.process.poll() is None
