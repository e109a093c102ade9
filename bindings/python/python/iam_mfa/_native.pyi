# The types of the native module iam_mfa._native, which iam_mfa re-exports.

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timedelta
from os import PathLike
from typing import ClassVar, Literal, TypeVar, final

from typing_extensions import TypeAlias, disjoint_base

from iam_mfa._errors import IamMfaError

_T_co = TypeVar("_T_co", covariant=True)

_Seed: TypeAlias = bytes | bytearray | str
_Instant: TypeAlias = datetime | int | float
_Seconds: TypeAlias = timedelta | int | float
_AssignmentStatus: TypeAlias = Literal["Assigned", "Unassigned", "Any"]

__all__ = [
    "_ERROR_KINDS",
    "Client",
    "ListIterator",
    "LocalClient",
    "MfaDevice",
    "MfaDeviceDetail",
    "Tag",
    "User",
    "VirtualMfaDevice",
    "__version__",
    "_error_for_kind",
    "enable_codes",
    "totp_code",
]

__version__: str
_ERROR_KINDS: tuple[str, ...]

def _error_for_kind(
    kind: str,
    message: str,
    code: str | None = None,
    request_id: str | None = None,
) -> IamMfaError: ...
def totp_code(seed: _Seed, at: _Instant | None = None) -> str: ...
def enable_codes(
    seed: _Seed, at: _Instant | None = None
) -> tuple[str, str]: ...

@final
class Tag:
    @property
    def key(self) -> str: ...
    @property
    def value(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class User:
    @property
    def path(self) -> str: ...
    @property
    def user_name(self) -> str: ...
    @property
    def user_id(self) -> str: ...
    @property
    def arn(self) -> str: ...
    @property
    def create_date(self) -> datetime: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class VirtualMfaDevice:
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def serial_number(self) -> str: ...
    @property
    def base32_string_seed(self) -> bytes | None: ...
    @property
    def qr_code_png(self) -> bytes | None: ...
    @property
    def user(self) -> User | None: ...
    @property
    def enable_date(self) -> datetime | None: ...
    @property
    def tags(self) -> dict[str, str]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class MfaDevice:
    @property
    def user_name(self) -> str: ...
    @property
    def serial_number(self) -> str: ...
    @property
    def enable_date(self) -> datetime: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class MfaDeviceDetail:
    @property
    def user_name(self) -> str | None: ...
    @property
    def serial_number(self) -> str: ...
    @property
    def enable_date(self) -> datetime | None: ...
    @property
    def certifications(self) -> dict[str, str]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class ListIterator(Iterator[_T_co]):
    def __iter__(self) -> ListIterator[_T_co]: ...
    def __next__(self) -> _T_co: ...

@disjoint_base
class Client:
    @staticmethod
    def local(
        path: str | PathLike[str] | None = None,
        account_id: str | None = None,
        *,
        now: _Instant | None = None,
        max_virtual_mfa_devices: int | None = None,
        max_mfa_devices_per_user: int | None = None,
    ) -> LocalClient: ...
    @staticmethod
    def aws(
        region: str | None = None,
        profile: str | None = None,
        endpoint_url: str | None = None,
        max_attempts: int | None = None,
        timeout: _Seconds | None = None,
        *,
        connect_timeout: _Seconds | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        session_token: str | None = None,
    ) -> Client: ...
    @property
    def backend(self) -> Literal["local", "aws"]: ...
    def create_virtual_mfa_device(
        self,
        name: str,
        path: str = "/",
        tags: Mapping[str, str] | None = None,
    ) -> VirtualMfaDevice: ...
    def enable_mfa_device(
        self, user_name: str, serial_number: str, code1: str, code2: str
    ) -> None: ...
    def deactivate_mfa_device(
        self, serial_number: str, user_name: str | None = None
    ) -> None: ...
    def delete_virtual_mfa_device(self, serial_number: str) -> None: ...
    def get_mfa_device(
        self, serial_number: str, user_name: str | None = None
    ) -> MfaDeviceDetail: ...
    def resync_mfa_device(
        self, user_name: str, serial_number: str, code1: str, code2: str
    ) -> None: ...
    def tag_mfa_device(
        self, serial_number: str, tags: Mapping[str, str]
    ) -> None: ...
    def untag_mfa_device(
        self, serial_number: str, tag_keys: Iterable[str]
    ) -> None: ...
    def list_mfa_devices(
        self, user_name: str | None = None, *, page_size: int | None = None
    ) -> ListIterator[MfaDevice]: ...
    def list_mfa_devices_page(
        self,
        user_name: str | None = None,
        *,
        marker: str | None = None,
        max_items: int | None = None,
    ) -> tuple[list[MfaDevice], bool, str | None]: ...
    def list_virtual_mfa_devices(
        self,
        assignment_status: _AssignmentStatus = "Any",
        *,
        page_size: int | None = None,
    ) -> ListIterator[VirtualMfaDevice]: ...
    def list_virtual_mfa_devices_page(
        self,
        assignment_status: _AssignmentStatus = "Any",
        *,
        marker: str | None = None,
        max_items: int | None = None,
    ) -> tuple[list[VirtualMfaDevice], bool, str | None]: ...
    def list_mfa_device_tags(
        self, serial_number: str, *, page_size: int | None = None
    ) -> ListIterator[Tag]: ...
    def list_mfa_device_tags_page(
        self,
        serial_number: str,
        *,
        marker: str | None = None,
        max_items: int | None = None,
    ) -> tuple[list[Tag], bool, str | None]: ...
    def create_user(self, user_name: str, path: str = "/") -> User: ...
    def get_user(self, user_name: str | None = None) -> User: ...
    def delete_user(self, user_name: str) -> None: ...
    def list_users(
        self,
        path_prefix: str | None = None,
        *,
        page_size: int | None = None,
    ) -> ListIterator[User]: ...
    def list_users_page(
        self,
        path_prefix: str | None = None,
        *,
        marker: str | None = None,
        max_items: int | None = None,
    ) -> tuple[list[User], bool, str | None]: ...

@final
class LocalClient(Client):
    @property
    def account_id(self) -> str: ...
    @property
    def caller(self) -> str | None: ...
    def set_caller(self, user_name: str | None) -> None: ...
    def register_hardware_token(
        self, serial_number: str, seed: _Seed
    ) -> None: ...
    def now(self) -> datetime: ...
    def set_clock(self, at: _Instant) -> None: ...
    def advance_clock(self, seconds: _Seconds) -> None: ...
