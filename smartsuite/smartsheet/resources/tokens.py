"""``ss.tokens``: get, refresh and revoke OAuth access tokens (``/token``)."""

from __future__ import annotations

from urllib.parse import urlencode

from ..._core.auth import SealedBody, Secret
from ..._core.errors import ConfigurationError
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.tokens import OAuthToken

GRANT_TYPES = ("authorization_code", "refresh_token")


def _reveal(value: str | Secret | None) -> str | None:
    return value.reveal() if isinstance(value, Secret) else value


def _sealed_form(**form: str | None) -> SealedBody:
    return SealedBody(urlencode({k: v for k, v in form.items() if v is not None}).encode())


class Tokens(SmartsheetResource):
    @operation("tokens-getOrRefresh", "POST", "/token")
    async def get_or_refresh(
        self,
        *,
        client_id: str,
        grant_type: str,
        code: str | Secret | None = None,
        refresh_token: str | Secret | None = None,
        hash: str | None = None,
        client_secret: str | Secret | None = None,
        redirect_url: str | None = None,
    ) -> OAuthToken:
        """Exchange an authorization code, or a refresh token, for an access token
        (``POST /token``, ``tokens-getOrRefresh``).

        Most code wants :class:`~smartsuite.smartsheet.oauth.SmartsheetOAuth`, which computes
        ``hash`` for you. The parameters travel in a form-encoded body rather than the query
        string, so codes and secrets stay out of proxy logs.

        Args:
            client_id: the app's client id.
            grant_type: ``authorization_code`` or ``refresh_token``.
            code: the authorization code (for ``authorization_code``).
            refresh_token: the refresh token (for ``refresh_token``).
            hash: SHA-256 hex of ``app_secret|code`` or ``app_secret|refresh_token``.
            client_secret: the app secret in plain text, instead of ``hash``.
            redirect_url: deprecated; must match the registered redirect URL if given.

        Returns:
            The new :class:`OAuthToken`.

        Raises:
            ConfigurationError: an unknown grant type, a missing code/refresh token, or both
                or neither of ``hash`` and ``client_secret``.
            BadRequestError: the server refused the grant (1069 expired code, 1071 invalid
                grant, 1072 wrong hash ...).
        """
        if grant_type not in GRANT_TYPES:
            raise ConfigurationError(f"grant_type must be one of {GRANT_TYPES}, got {grant_type!r}")
        if grant_type == "authorization_code" and not code:
            raise ConfigurationError("grant_type authorization_code needs a code")
        if grant_type == "refresh_token" and not refresh_token:
            raise ConfigurationError("grant_type refresh_token needs a refresh_token")
        if (hash is None) == (client_secret is None):
            raise ConfigurationError("pass exactly one of hash and client_secret")
        response = await self._request(
            "POST",
            "/token",
            # sealed: no frame of this call holds the code or refresh token in plain text
            content=_sealed_form(
                client_id=client_id,
                grant_type=grant_type,
                code=_reveal(code),
                refresh_token=_reveal(refresh_token),
                hash=hash,
                client_secret=_reveal(client_secret),
                redirect_url=redirect_url,
            ),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        return OAuthToken.from_wire(response.json(), issued_at=self._transport.clock.time())

    @operation("tokens-delete", "DELETE", "/token")
    async def revoke(self, *, delete_all_for_api_client: bool | None = None) -> Result:
        """Revoke the access token this client uses (``DELETE /token``, ``tokens-delete``).

        Args:
            delete_all_for_api_client: also revoke every token of the same app and user.

        Returns:
            The Result envelope. Later requests with the token fail with errorCode 1002.
        """
        params = {"deleteAllForApiClient": delete_all_for_api_client}
        return await self._result(params=params)
