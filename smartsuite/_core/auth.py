"""Authentication strategies. Each puts its secret in one request header and nowhere else."""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping
from typing import Protocol, runtime_checkable
from urllib.parse import quote

from aiohttp.payload import BytesPayload
from multidict import CIMultiDict

from . import redact
from .errors import AuthenticationError, ConfigurationError


class Secret:
    """A string that never shows itself in ``repr``, ``str`` or logs. Use :meth:`reveal`.

    While it is alive it is also masked in every error message, body excerpt and
    ``smartsuite`` log line (see :mod:`smartsuite._core.redact`), so a server that echoes it
    back cannot make it show either.
    """

    __slots__ = ("__weakref__", "_value")

    def __init__(self, value: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ConfigurationError("a token or key must be a non-empty string")
        self._value = value
        redact.register(self, value)

    def reveal(self) -> str:
        return self._value

    def fingerprint(self) -> str:
        """A short stable hash, so limiters can be shared per credential without holding it."""
        return hashlib.sha256(self._value.encode()).hexdigest()[:16]

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> tuple[type[Secret], tuple[str]]:
        return (Secret, (self._value,))


def as_secret(value: str | Secret) -> Secret:
    return value if isinstance(value, Secret) else Secret(value)


class Auth(Protocol):
    """Adds credentials to a request's headers."""

    def apply(self, headers: MutableMapping[str, str]) -> None: ...

    def fingerprint(self) -> str: ...

    def secrets(self) -> list[str]:
        """Raw secret strings, so redaction can scrub them from any text."""
        ...


@runtime_checkable
class RefreshingAuth(Auth, Protocol):
    """An :class:`Auth` whose credential expires and can be renewed (OAuth).

    The transport awaits :meth:`ensure_fresh` before each logical request, and after a 401 it
    awaits :meth:`refresh_after` once: when that returns True the request is sent again, once.
    """

    async def ensure_fresh(self) -> None: ...

    async def refresh_after(self, error: AuthenticationError) -> bool: ...


class BearerToken:
    """``Authorization: Bearer <token>`` (Smartsheet), with the optional ``Assume-User`` header.

    See https://developers.smartsheet.com/api/smartsheet/openapi (Authentication; Assume-User
    must be URI-encoded).
    """

    def __init__(self, token: str | Secret, assume_user: str | None = None) -> None:
        self.token = as_secret(token)
        self.assume_user = assume_user

    def apply(self, headers: MutableMapping[str, str]) -> None:
        headers["Authorization"] = f"Bearer {self.token.reveal()}"
        if self.assume_user:
            headers["Assume-User"] = quote(self.assume_user, safe="")

    def fingerprint(self) -> str:
        return self.token.fingerprint()

    def secrets(self) -> list[str]:
        return [self.token.reveal()]

    def __repr__(self) -> str:
        return f"BearerToken(token={self.token!r}, assume_user={self.assume_user!r})"


class HeaderToken:
    """A token in a named header: ``auth: <token>`` for Resource Management,
    ``ApplicationAccessKey: <key>`` for AppSheet."""

    def __init__(self, header: str, token: str | Secret) -> None:
        self.header = header
        self.token = as_secret(token)

    def apply(self, headers: MutableMapping[str, str]) -> None:
        headers[self.header] = self.token.reveal()

    def fingerprint(self) -> str:
        return self.token.fingerprint()

    def secrets(self) -> list[str]:
        return [self.token.reveal()]

    def __repr__(self) -> str:
        return f"HeaderToken(header={self.header!r}, token={self.token!r})"


#: Headers that carry credentials: dropped on a redirect to another host, never logged.
SENSITIVE_HEADERS = frozenset({"authorization", "auth", "applicationaccesskey", "assume-user"})


_MASKED = repr("********")


class CredentialHeaders(CIMultiDict[str]):
    """Request headers whose ``repr`` masks the credential headers.

    The transport holds the headers it sends in one of these, so a traceback formatted with
    ``capture_locals=True`` (as Sentry-style reporters do) prints ``Authorization: '********'``
    instead of the token.
    """

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{k!r}: {_MASKED if k.lower() in SENSITIVE_HEADERS else repr(v)}"
            for k, v in self.items()
        )
        return f"CredentialHeaders({{{shown}}})"

    __str__ = __repr__


class SealedBody:
    """A request body that holds credentials (an OAuth form), for ``Transport.request``'s
    ``content``: each attempt gets a fresh aiohttp payload, and neither this object nor the
    payload shows the bytes in a ``repr`` (so not in a ``capture_locals`` traceback either)."""

    __slots__ = ("_data",)

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __call__(self) -> BytesPayload:
        return BytesPayload(self._data)

    def __repr__(self) -> str:
        return f"SealedBody(<{len(self._data)} bytes>)"
