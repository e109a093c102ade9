"""The exceptions of iam_mfa: one class per kind of error, one base.

Every error of the library is an :class:`IamMfaError`; its subclass says
what kind of error it is, in IAM's terms, so callers catch exactly what
they can handle::

    try:
        client.delete_virtual_mfa_device(serial)
    except iam_mfa.DeleteConflictError:
        client.deactivate_mfa_device(serial)

The native module turns each Rust error into an instance of the class
that ``_BY_KIND`` names for its kind. The exceptions pickle, so they cross
process boundaries (multiprocessing, concurrent.futures) intact.
"""

from __future__ import annotations

from typing import ClassVar


class IamMfaError(Exception):
    """An error of an IAM MFA operation.

    ``message`` says what was wrong; ``code`` is the AWS error code (such
    as ``"NoSuchEntity"``) when there is one, and ``request_id`` the id of
    the service's answer when there was an answer.
    """

    kind: ClassVar[str] = "Unhandled"

    message: str
    code: str | None
    request_id: str | None

    def __init__(
        self,
        message: str,
        code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, code, request_id)
        self.message = message
        self.code = code
        self.request_id = request_id

    def __str__(self) -> str:
        text = f"{self.code or self.kind}: {self.message}"
        if self.request_id is not None:
            text += f" (request id {self.request_id})"
        return text


class NoSuchEntityError(IamMfaError):
    """The user, device or serial number does not exist."""

    kind = "NoSuchEntity"


class EntityAlreadyExistsError(IamMfaError):
    """A device of that name exists, or the device is already in use."""

    kind = "EntityAlreadyExists"


class DeleteConflictError(IamMfaError):
    """The entity is still in use: an assigned device, or a user who holds
    MFA devices."""

    kind = "DeleteConflict"


class InvalidAuthenticationCodeError(IamMfaError):
    """The authentication codes do not match the device."""

    kind = "InvalidAuthenticationCode"


class LimitExceededError(IamMfaError):
    """A quota would be exceeded: devices per account or per user, tags
    per device."""

    kind = "LimitExceeded"


class InvalidInputError(IamMfaError, ValueError):
    """An argument broke one of IAM's rules. Nothing was sent and nothing
    was changed."""

    kind = "InvalidInput"


class EntityTemporarilyUnmodifiableError(IamMfaError):
    """The entity is being changed elsewhere and cannot be modified now."""

    kind = "EntityTemporarilyUnmodifiable"


class ConcurrentModificationError(IamMfaError):
    """Another request changed the same entity at the same time."""

    kind = "ConcurrentModification"


class ServiceFailureError(IamMfaError):
    """The service failed."""

    kind = "ServiceFailure"


class AccessDeniedError(IamMfaError):
    """The caller is not allowed to make the request."""

    kind = "AccessDenied"


class CredentialsError(IamMfaError):
    """No credentials were found, or the service rejected them."""

    kind = "Credentials"


class TransportError(IamMfaError):
    """The request could not be sent or its answer not read; it may or
    may not have reached the service."""

    kind = "Transport"


class RequestTimeoutError(IamMfaError):
    """The request took longer than the timeout; it may or may not have
    been carried out."""

    kind = "Timeout"


class ThrottlingError(IamMfaError):
    """The service kept throttling the request after every retry."""

    kind = "Throttling"


class StorageError(IamMfaError):
    """The emulator's SQLite store failed."""

    kind = "Storage"


class UnhandledError(IamMfaError):
    """The service answered with an error code this library does not
    know; ``code`` holds it."""

    kind = "Unhandled"


_BY_KIND: dict[str, type[IamMfaError]] = {
    cls.kind: cls
    for cls in (
        NoSuchEntityError,
        EntityAlreadyExistsError,
        DeleteConflictError,
        InvalidAuthenticationCodeError,
        LimitExceededError,
        InvalidInputError,
        EntityTemporarilyUnmodifiableError,
        ConcurrentModificationError,
        ServiceFailureError,
        AccessDeniedError,
        CredentialsError,
        TransportError,
        RequestTimeoutError,
        ThrottlingError,
        StorageError,
        UnhandledError,
    )
}
