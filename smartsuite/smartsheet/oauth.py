"""OAuth 2.0 for Smartsheet apps: the authorization URL, code exchange, refresh, and an
:class:`Auth` strategy that keeps a client's token fresh.

The flow (https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth)::

    app = OAuthApp("client-id", "app-secret", redirect_uri="https://me.example/cb")
    state = new_state()
    url = app.authorization_url([OAuthScope.READ_SHEETS], state=state)   # send the user here
    code = app.code_from_callback(query_params, expected_state=state)    # on the redirect
    async with SmartsheetOAuth(app) as oauth:
        token = await oauth.exchange_code(code)
    async with SmartsheetClient(token, oauth_app=app, on_token_refresh=save) as ss:
        ...  # refreshed before expiry, or once after a 401 with errorCode 1003

The ``hash`` Smartsheet asks for is the SHA-256 hex digest of ``app_secret|code`` (or
``app_secret|refresh_token``), so the secret itself never travels.
"""

from __future__ import annotations

import asyncio
import contextvars
import hashlib
import inspect
import secrets as _secrets
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from typing import Unpack
from urllib.parse import quote, urlencode

import attrs

from .._core.auth import BearerToken, Secret, as_secret
from .._core.client import BaseClient, TransportOptions, make_transport
from .._core.errors import AuthenticationError, ConfigurationError, SmartsuiteError
from .._core.transport import Transport
from .defaults import DEFAULT_RATE_LIMIT, DEFAULT_RETRY, REGIONS
from .models.tokens import DEFAULT_EXPIRY_SKEW, OAuthScope, OAuthToken
from .token_endpoint import request_token

#: Where users consent, per region.
AUTHORIZE_URLS: dict[str, str] = {
    "us": "https://app.smartsheet.com/b/authorize",
    "eu": "https://app.smartsheet.eu/b/authorize",
    "gov": "https://app.smartsheetgov.com/b/authorize",
    "au": "https://app.smartsheet.au/b/authorize",
}

#: Smartsheet's errorCode for "Your Access Token has expired."
TOKEN_EXPIRED = 1003

TokenCallback = Callable[[OAuthToken], Awaitable[None] | None]


class OAuthError(SmartsuiteError):
    """The OAuth redirect was refused by the user, or does not match the request we made."""


def new_state() -> str:
    """A fresh unguessable ``state`` value for one authorization request."""
    return _secrets.token_urlsafe(24)


@attrs.frozen
class OAuthApp:
    """A registered Smartsheet app.

    Attributes:
        client_id: the app's client id.
        client_secret: the app secret (kept as a :class:`Secret`; never shown in reprs).
        redirect_uri: the registered redirect (callback) URL, if you want it sent.
        region: ``us`` (default), ``eu``, ``gov`` or ``au``: picks the consent page.
    """

    client_id: str
    client_secret: Secret = attrs.field(converter=as_secret)
    redirect_uri: str | None = None
    region: str = "us"

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.client_id, str) or not self.client_id.strip():
            raise ConfigurationError("client_id must be a non-empty string")
        if self.region not in AUTHORIZE_URLS:
            raise ConfigurationError(
                f"unknown region {self.region!r}; use one of {sorted(AUTHORIZE_URLS)}"
            )

    def authorization_url(
        self,
        scopes: Iterable[str],
        *,
        state: str | None = None,
        redirect_uri: str | None = None,
        authorize_url: str | None = None,
    ) -> str:
        """The consent page URL to send the user to.

        Args:
            scopes: access scopes (see :class:`OAuthScope`); at least one.
            state: an opaque value echoed back on the redirect (use :func:`new_state`).
            redirect_uri: overrides the app's ``redirect_uri`` for this request.
            authorize_url: another consent endpoint (the region's by default).

        Returns:
            ``https://app.smartsheet.com/b/authorize?response_type=code&client_id=...``

        Raises:
            ConfigurationError: no scopes, or a scope with spaces.
        """
        scope_list = [str(s) for s in scopes]
        if not scope_list:
            raise ConfigurationError("ask for at least one access scope")
        bad = [s for s in scope_list if not s or " " in s]
        if bad:
            raise ConfigurationError(f"invalid scope names: {bad}")
        query = {
            "response_type": "code",
            "client_id": self.client_id,
            "scope": " ".join(scope_list),
        }
        if state is not None:
            query["state"] = state
        redirect = redirect_uri or self.redirect_uri
        if redirect is not None:
            query["redirect_uri"] = redirect
        base = authorize_url or AUTHORIZE_URLS[self.region]
        return f"{base}?{urlencode(query, quote_via=quote)}"

    def code_from_callback(
        self, params: Mapping[str, str], *, expected_state: str | None = None
    ) -> str:
        """The authorization code from the redirect's query parameters.

        Args:
            params: the redirect's query parameters (``code``, ``state`` or ``error``).
            expected_state: the ``state`` sent in :meth:`authorization_url`; checked in
                constant time.

        Raises:
            OAuthError: the user denied access, the state does not match, or no code.
        """
        if params.get("error"):
            raise OAuthError(f"authorization failed: {params['error']}")
        if expected_state is not None:
            got = params.get("state") or ""
            if not _secrets.compare_digest(got.encode(), expected_state.encode()):
                raise OAuthError("the redirect's state does not match the request's")
        code = params.get("code")
        if not code:
            raise OAuthError("the redirect carries no authorization code")
        return code

    def token_hash(self, value: str | Secret) -> str:
        """SHA-256 hex of ``app_secret|value`` (``value`` is a code or a refresh token)."""
        text = value.reveal() if isinstance(value, Secret) else value
        joined = f"{self.client_secret.reveal()}|{text}"
        return hashlib.sha256(joined.encode()).hexdigest()


class _AppCredential:
    """The auth of a token-endpoint client: no bearer header, only redaction of the secret."""

    def __init__(self, app: OAuthApp) -> None:
        self._app = app

    def apply(self, headers: MutableMapping[str, str]) -> None:
        return None

    def fingerprint(self) -> str:
        return "oauth-" + hashlib.sha256(self._app.client_id.encode()).hexdigest()[:16]

    def secrets(self) -> list[str]:
        return [self._app.client_secret.reveal()]

    def __repr__(self) -> str:
        return f"_AppCredential(client_id={self._app.client_id!r})"


async def _refresh_grant(transport: Transport, app: OAuthApp, refresh: Secret) -> OAuthToken:
    return await request_token(
        transport,
        client_id=app.client_id,
        grant_type="refresh_token",
        refresh_token=refresh,
        hash=app.token_hash(refresh),
    )


class SmartsheetOAuth(BaseClient):
    """Talks to the token endpoint for one app: exchange codes, refresh tokens.

    Args:
        app: the registered app.
        base_url: the API root (the app's region's by default), for example the emulator's.
        **options: :class:`TransportOptions`.
    """

    def __init__(
        self, app: OAuthApp, *, base_url: str | None = None, **options: Unpack[TransportOptions]
    ) -> None:
        self.app = app
        self._transport = make_transport(
            service="smartsheet",
            base_url=base_url or REGIONS[app.region],
            auth=_AppCredential(app),
            default_rate_limit=DEFAULT_RATE_LIMIT,
            default_retry=DEFAULT_RETRY,
            options=options,
        )

    def authorization_url(self, scopes: Iterable[str], *, state: str | None = None) -> str:
        """Same as :meth:`OAuthApp.authorization_url`."""
        return self.app.authorization_url(scopes, state=state)

    async def exchange_code(self, code: str | Secret) -> OAuthToken:
        """Trade an authorization code for a token (``grant_type=authorization_code``).

        Raises:
            BadRequestError: 1069 the code expired (10 minutes), 1071 invalid code, 1072 hash.
            AuthenticationError: 1067 unknown client id.
        """
        code = as_secret(code)  # not left in plain text in this frame's locals
        return await request_token(
            self._transport,
            client_id=self.app.client_id,
            grant_type="authorization_code",
            code=code,
            hash=self.app.token_hash(code),
        )

    async def refresh(self, token: OAuthToken | str | Secret) -> OAuthToken:
        """Renew a token with its refresh token (``grant_type=refresh_token``). The old
        access and refresh tokens stop working; keep the returned ones.

        Raises:
            ConfigurationError: the token has no refresh token.
            BadRequestError: 1071 the refresh token is invalid (already used or revoked).
        """
        if isinstance(token, str):
            token = as_secret(token)  # not left in plain text in this frame's locals
        refresh = token.refresh_token if isinstance(token, OAuthToken) else token
        if refresh is None:
            raise ConfigurationError("this token has no refresh token")
        return await _refresh_grant(self._transport, self.app, refresh)

    def __repr__(self) -> str:
        return f"SmartsheetOAuth(client_id={self.app.client_id!r}, base_url={self.base_url!r})"


#: Set while a refresh is in flight in this task: the token call goes out without the (stale)
#: bearer and must not itself trigger a refresh.
_REFRESHING: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "smartsuite_oauth_refreshing", default=False
)

#: The token this task last sent: a 401 for a token someone already renewed needs no refresh.
_SENT: contextvars.ContextVar[OAuthToken | None] = contextvars.ContextVar(
    "smartsuite_oauth_sent", default=None
)

Refresher = Callable[[OAuthToken], Awaitable[OAuthToken]]


class OAuthAuth:
    """A bearer :class:`Auth` strategy that renews its OAuth token.

    It refreshes before a request when the token expires within ``skew`` seconds, and once
    after a 401 with errorCode 1003 (token expired). Concurrent requests share one refresh.

    Args:
        token: the current token.
        refresher: renews a token (``SmartsheetOAuth.refresh``); None for a token that is
            used until it expires.
        now: the clock, epoch seconds.
        skew: seconds of margin before the stated expiry.
        on_refresh: called (sync or async) with each new token, to persist it.
        assume_user: the ``Assume-User`` header value, if any.
    """

    def __init__(
        self,
        token: OAuthToken,
        refresher: Refresher | None,
        *,
        now: Callable[[], float] = time.time,
        skew: float = DEFAULT_EXPIRY_SKEW,
        on_refresh: TokenCallback | None = None,
        assume_user: str | None = None,
    ) -> None:
        self.token = token
        self.refreshes = 0
        self._refresher = refresher
        self._now = now
        self._skew = skew
        self._on_refresh = on_refresh
        self._assume_user = assume_user
        self._lock: asyncio.Lock | None = None
        # Stable across refreshes, so the rate limiter stays shared per grant.
        self._fingerprint = token.access_token.fingerprint()

    def apply(self, headers: MutableMapping[str, str]) -> None:
        if _REFRESHING.get():
            return
        _SENT.set(self.token)
        BearerToken(self.token.access_token, self._assume_user).apply(headers)

    def fingerprint(self) -> str:
        return self._fingerprint

    def secrets(self) -> list[str]:
        out = [self.token.access_token.reveal()]
        if self.token.refresh_token is not None:
            out.append(self.token.refresh_token.reveal())
        return out

    async def ensure_fresh(self) -> None:
        """Refresh now when the token expires within the skew."""
        if self._refresher is None or _REFRESHING.get():
            return
        if self.token.expires_within(self._skew, now=self._now()):
            await self._refresh(self.token)

    async def refresh_after(self, error: AuthenticationError) -> bool:
        """After a 401: refresh when the server says the token expired (errorCode 1003)."""
        if self._refresher is None or _REFRESHING.get() or error.code != TOKEN_EXPIRED:
            return False
        await self._refresh(_SENT.get() or self.token)
        return True

    async def _refresh(self, stale: OAuthToken) -> None:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self.token is not stale or self._refresher is None:
                return  # another request already renewed it
            marker = _REFRESHING.set(True)
            try:
                fresh = await self._refresher(stale)
            finally:
                _REFRESHING.reset(marker)
            self.token = fresh
            self.refreshes += 1
            if self._on_refresh is not None:
                outcome = self._on_refresh(fresh)
                if inspect.isawaitable(outcome):
                    await outcome

    def __repr__(self) -> str:
        return f"OAuthAuth(token={self.token!r}, refreshes={self.refreshes})"


def client_auth(
    client: BaseClient,
    token: OAuthToken,
    app: OAuthApp | None,
    *,
    on_refresh: TokenCallback | None = None,
    assume_user: str | None = None,
) -> OAuthAuth:
    """The :class:`OAuthAuth` of a :class:`SmartsheetClient` built from an OAuth token: the
    refresh goes through the client's own transport (session, rate limiter, retry policy),
    bare, without a resource namespace."""
    if app is None:
        return OAuthAuth(token, None, now=lambda: client._transport.clock.time())

    async def refresher(stale: OAuthToken) -> OAuthToken:
        if stale.refresh_token is None:
            raise ConfigurationError("the OAuth token has no refresh token; cannot renew it")
        return await _refresh_grant(client._transport, app, stale.refresh_token)

    return OAuthAuth(
        token,
        refresher,
        now=lambda: client._transport.clock.time(),
        on_refresh=on_refresh,
        assume_user=assume_user,
    )


__all__: list[str] = [
    "AUTHORIZE_URLS",
    "OAuthApp",
    "OAuthAuth",
    "OAuthError",
    "OAuthScope",
    "OAuthToken",
    "SmartsheetOAuth",
    "client_auth",
    "new_state",
]
