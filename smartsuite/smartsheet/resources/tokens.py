"""``ss.tokens``: get, refresh and revoke OAuth access tokens (``/token``)."""

from __future__ import annotations

from ..._core.auth import Secret
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.tokens import OAuthToken
from ..token_endpoint import GRANT_TYPES, request_token

__all__ = ["GRANT_TYPES", "Tokens"]


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
        return await request_token(
            self._transport,
            client_id=client_id,
            grant_type=grant_type,
            code=code,
            refresh_token=refresh_token,
            hash=hash,
            client_secret=client_secret,
            redirect_url=redirect_url,
        )

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
