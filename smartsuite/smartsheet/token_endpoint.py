"""``POST /token`` on a bare transport: the one request behind code exchange and refresh.

It takes a :class:`Transport`, not a client or a resource namespace, so the OAuth refresh of a
client's own credential runs below the namespaces (the dependency points down only):
``ss.tokens.get_or_refresh``, :class:`~smartsuite.smartsheet.oauth.SmartsheetOAuth` and the
automatic refresh of :class:`~smartsuite.smartsheet.oauth.OAuthAuth` all call
:func:`request_token`.
See https://developers.smartsheet.com/api/smartsheet/openapi/tokens/tokens-getorrefresh.
"""

from __future__ import annotations

from urllib.parse import urlencode

from .._core.auth import SealedBody, Secret
from .._core.errors import ConfigurationError
from .._core.operations import declare
from .._core.transport import Transport
from .models.tokens import OAuthToken

GRANT_TYPES = ("authorization_code", "refresh_token")


def _reveal(value: str | Secret | None) -> str | None:
    return value.reveal() if isinstance(value, Secret) else value


def _sealed_form(**form: str | None) -> SealedBody:
    return SealedBody(urlencode({k: v for k, v in form.items() if v is not None}).encode())


# Declared (a POST: not idempotent), so a refresh running inside another operation (a GET
# whose token is about to expire) is never re-sent after an ambiguous failure: the
# refresh token is single-use.
@declare("smartsheet", "tokens-getOrRefresh", "POST", "/token")
async def request_token(
    transport: Transport,
    *,
    client_id: str,
    grant_type: str,
    code: str | Secret | None = None,
    refresh_token: str | Secret | None = None,
    hash: str | None = None,
    client_secret: str | Secret | None = None,
    redirect_url: str | None = None,
) -> OAuthToken:
    """Exchange an authorization code, or a refresh token, for an access token.

    The parameters travel in a form-encoded body rather than the query string, so codes and
    secrets stay out of proxy logs; the body is sealed, so no frame holds them in plain text.

    Raises:
        ConfigurationError: an unknown grant type, a missing code/refresh token, or both or
            neither of ``hash`` and ``client_secret``.
        BadRequestError: the server refused the grant (1069 expired code, 1071 invalid grant,
            1072 wrong hash ...).
    """
    if grant_type not in GRANT_TYPES:
        raise ConfigurationError(f"grant_type must be one of {GRANT_TYPES}, got {grant_type!r}")
    if grant_type == "authorization_code" and not code:
        raise ConfigurationError("grant_type authorization_code needs a code")
    if grant_type == "refresh_token" and not refresh_token:
        raise ConfigurationError("grant_type refresh_token needs a refresh_token")
    if (hash is None) == (client_secret is None):
        raise ConfigurationError("pass exactly one of hash and client_secret")
    response = await transport.request(
        "POST",
        "/token",
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
    return OAuthToken.from_wire(response.json(), issued_at=transport.clock.time())


__all__ = ["GRANT_TYPES", "request_token"]
