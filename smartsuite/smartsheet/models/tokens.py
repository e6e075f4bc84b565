"""OAuth access tokens: the answer of ``POST /token``, with its expiry."""

from __future__ import annotations

import datetime as dt
import enum
import time
from collections.abc import Mapping
from typing import Any

import attrs

from ..._core.auth import Secret, as_secret
from ..._core.errors import DecodeError

#: Refresh this many seconds before the token's stated expiry, so a request never races it.
DEFAULT_EXPIRY_SKEW = 60.0


class OAuthScope(enum.StrEnum):
    """Access scopes an app can ask for
    (https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth#access-scopes)."""

    ADMIN_SHEETS = "ADMIN_SHEETS"
    ADMIN_SIGHTS = "ADMIN_SIGHTS"
    ADMIN_USERS = "ADMIN_USERS"
    ADMIN_WEBHOOKS = "ADMIN_WEBHOOKS"
    ADMIN_WORKSPACES = "ADMIN_WORKSPACES"
    CREATE_SHEETS = "CREATE_SHEETS"
    CREATE_SIGHTS = "CREATE_SIGHTS"
    DELETE_SHEETS = "DELETE_SHEETS"
    DELETE_SIGHTS = "DELETE_SIGHTS"
    READ_CONTACTS = "READ_CONTACTS"
    READ_EVENTS = "READ_EVENTS"
    READ_SHEETS = "READ_SHEETS"
    READ_SIGHTS = "READ_SIGHTS"
    READ_USERS = "READ_USERS"
    SHARE_SHEETS = "SHARE_SHEETS"
    SHARE_SIGHTS = "SHARE_SIGHTS"
    WRITE_SHEETS = "WRITE_SHEETS"


def _optional_secret(value: str | Secret | None) -> Secret | None:
    return None if value is None else as_secret(value)


@attrs.frozen
class OAuthToken:
    """An OAuth access token and the refresh token that renews it.

    The secrets are :class:`Secret` objects, so the token's ``repr`` never shows them.

    Attributes:
        access_token: the bearer credential.
        refresh_token: renews the access token (``None`` when the server gave none).
        token_type: ``bearer``.
        expires_in: lifetime in seconds as issued (Smartsheet: 604799, about 7 days).
        issued_at: epoch seconds when it was issued (by the local clock).
    """

    access_token: Secret = attrs.field(converter=as_secret)
    refresh_token: Secret | None = attrs.field(default=None, converter=_optional_secret)
    token_type: str = "bearer"
    expires_in: float | None = None
    issued_at: float = attrs.field(factory=time.time)

    @classmethod
    def from_wire(cls, data: Any, *, issued_at: float | None = None) -> OAuthToken:
        """Decode the ``POST /token`` answer (snake_case, unlike the rest of the API).

        Raises:
            DecodeError: no ``access_token`` or a malformed ``expires_in``.
        """
        if not isinstance(data, Mapping) or not isinstance(data.get("access_token"), str):
            raise DecodeError("the token answer has no access_token")
        expires_in = data.get("expires_in")
        if expires_in is not None and (
            isinstance(expires_in, bool) or not isinstance(expires_in, int | float)
        ):
            raise DecodeError("the token answer's expires_in is not a number")
        refresh = data.get("refresh_token")
        return cls(
            access_token=data["access_token"],
            refresh_token=refresh if isinstance(refresh, str) and refresh else None,
            token_type=str(data.get("token_type") or "bearer"),
            expires_in=float(expires_in) if expires_in is not None else None,
            issued_at=time.time() if issued_at is None else issued_at,
        )

    @property
    def expires_at(self) -> dt.datetime | None:
        """When the access token stops working (UTC), or None when the lifetime is unknown."""
        if self.expires_in is None:
            return None
        return dt.datetime.fromtimestamp(self.issued_at + self.expires_in, tz=dt.UTC)

    @property
    def expired(self) -> bool:
        """True when the token is expired or expires within :data:`DEFAULT_EXPIRY_SKEW`."""
        return self.expires_within(DEFAULT_EXPIRY_SKEW)

    def expires_within(self, seconds: float, *, now: float | None = None) -> bool:
        """True when the token expires within ``seconds`` of ``now`` (default: the clock).

        A token of unknown lifetime never counts as expiring; a 401 with errorCode 1003 still
        triggers a refresh.
        """
        if self.expires_in is None:
            return False
        current = time.time() if now is None else now
        return current + seconds >= self.issued_at + self.expires_in
