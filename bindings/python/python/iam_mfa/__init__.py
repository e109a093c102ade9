"""Manage AWS IAM MFA devices, against IAM or an embedded IAM emulator.

``Client.aws()`` talks to the real IAM service through the standard AWS
configuration chain; ``Client.local()`` opens an embedded IAM emulator,
in memory or in a SQLite file, that checks real TOTP codes and enforces
IAM's conflicts and quotas::

    import iam_mfa

    client = iam_mfa.Client.local()
    client.create_user("alice")
    device = client.create_virtual_mfa_device("alice-phone")
    code1, code2 = iam_mfa.enable_codes(device.base32_string_seed)
    client.enable_mfa_device("alice", device.serial_number, code1, code2)

Every call releases the GIL while it runs. Errors are subclasses of
:class:`IamMfaError`, one per kind. The library logs through the standard
``logging`` module, under the ``iam_mfa`` logger, and never logs a seed,
a QR code or an authentication code.
"""

from iam_mfa._errors import (
    AccessDeniedError,
    ConcurrentModificationError,
    CredentialsError,
    DeleteConflictError,
    EntityAlreadyExistsError,
    EntityTemporarilyUnmodifiableError,
    IamMfaError,
    InvalidAuthenticationCodeError,
    InvalidInputError,
    LimitExceededError,
    NoSuchEntityError,
    RequestTimeoutError,
    ServiceFailureError,
    StorageError,
    ThrottlingError,
    TransportError,
    UnhandledError,
)
from iam_mfa._native import (
    Client,
    ListIterator,
    LocalClient,
    MfaDevice,
    MfaDeviceDetail,
    Tag,
    User,
    VirtualMfaDevice,
    __version__,
    enable_codes,
    totp_code,
)

__all__ = [
    "AccessDeniedError",
    "Client",
    "ConcurrentModificationError",
    "CredentialsError",
    "DeleteConflictError",
    "EntityAlreadyExistsError",
    "EntityTemporarilyUnmodifiableError",
    "IamMfaError",
    "InvalidAuthenticationCodeError",
    "InvalidInputError",
    "LimitExceededError",
    "ListIterator",
    "LocalClient",
    "MfaDevice",
    "MfaDeviceDetail",
    "NoSuchEntityError",
    "RequestTimeoutError",
    "ServiceFailureError",
    "StorageError",
    "Tag",
    "ThrottlingError",
    "TransportError",
    "UnhandledError",
    "User",
    "VirtualMfaDevice",
    "__version__",
    "enable_codes",
    "totp_code",
]
