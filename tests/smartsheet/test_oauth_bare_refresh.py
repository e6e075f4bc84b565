"""The OAuth refresh of a client's own token runs on its bare transport: no resource namespace
is made or used, and a refresh inside an idempotent read is still never re-sent."""

from __future__ import annotations

import attrs
import pytest

from smartsuite._core.errors import SmartsuiteError
from smartsuite.emulator import Emulator, Fault
from smartsuite.smartsheet import OAuthApp, OAuthToken, SmartsheetOAuth
from smartsuite.smartsheet.oauth import OAuthAuth
from smartsuite.smartsheet.resources.tokens import Tokens

from .reports_helpers import FAST, emu, fast_client  # noqa: F401 (fixtures)

CLIENT_ID = "app-bare"
APP_SECRET = "bare-secret-do-not-log"


async def _stale_token(emu: Emulator) -> tuple[OAuthApp, OAuthToken]:  # noqa: F811
    emu.smartsheet.state.integrations.oauth.register_app(CLIENT_ID, APP_SECRET)
    app = OAuthApp(CLIENT_ID, APP_SECRET)
    code = emu.smartsheet.state.integrations.oauth.authorize(CLIENT_ID, ["READ_SHEETS"])
    async with SmartsheetOAuth(app, base_url=emu.smartsheet_url, rate_limit=FAST) as oauth:
        token = await oauth.exchange_code(code)
    return app, attrs.evolve(token, issued_at=0.0)


def _token_posts(emu: Emulator) -> int:  # noqa: F811
    return sum(1 for e in emu.smartsheet.log if e.method == "POST" and e.path == "/token")


async def _refuse(*args: object, **kwargs: object) -> OAuthToken:
    raise AssertionError("the refresh went through the tokens namespace")


async def test_refresh_before_expiry_and_after_1003_use_no_namespace(
    emu: Emulator,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, stale = await _stale_token(emu)
    monkeypatch.setattr(Tokens, "get_or_refresh", _refuse)
    async with fast_client(emu, token=stale, oauth_app=app) as client:
        await client.sheets.list()  # renewed before the request: it had expired
        auth = client._transport._shared.auth
        assert isinstance(auth, OAuthAuth) and auth.refreshes == 1
        emu.smartsheet.state.integrations.oauth.expire(auth.token.access_token.reveal())
        await client.sheets.list()  # 401 / 1003, renewed, sent again
        assert auth.refreshes == 2
        assert "tokens" not in vars(client)  # no namespace was made for the refresh
    assert _token_posts(emu) == 3  # the exchange and two refreshes


async def test_an_ambiguous_refresh_inside_an_idempotent_post_is_not_sent_again(
    emu: Emulator,  # noqa: F811
) -> None:
    app, stale = await _stale_token(emu)
    # The token call lands (the refresh token is spent) and a gateway answers 502: a second
    # POST /token would send a spent refresh token, so the refresh must not be repeated even
    # inside a POST declared idempotent (``listImageUrls``), whose own retries are safe.
    emu.smartsheet.faults.script(Fault.APPLIED_502, method="POST", path_contains="/token")
    before = _token_posts(emu)
    async with fast_client(emu, token=stale, oauth_app=app) as client:
        with pytest.raises(SmartsuiteError):
            await client.cells.image_urls(["img-1"])
    assert _token_posts(emu) - before == 1
