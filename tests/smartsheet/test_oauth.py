"""OAuth: authorization URL, code exchange and refresh against the emulator, automatic
refresh before expiry and after a 401 (errorCode 1003), and secrets kept out of sight."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from urllib.parse import parse_qs, urlsplit

import attrs
import pytest

from smartsuite._core.errors import AuthenticationError, BadRequestError, ConfigurationError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import (
    OAuthApp,
    OAuthError,
    OAuthScope,
    OAuthToken,
    SmartsheetClient,
    SmartsheetOAuth,
)
from smartsuite.smartsheet.oauth import OAuthAuth, new_state

from .reports_helpers import FAST, check, emu, fast_client, last, ss  # noqa: F401 (fixtures)

CLIENT_ID = "app-123"
APP_SECRET = "app-secret-do-not-log"


def make_app(emu: Emulator) -> OAuthApp:  # noqa: F811
    emu.smartsheet.state.integrations.oauth.register_app(CLIENT_ID, APP_SECRET)
    return OAuthApp(CLIENT_ID, APP_SECRET, redirect_uri="https://me.example/cb")


def form_of(emu: Emulator) -> dict[str, str]:  # noqa: F811
    entry = last(emu, "POST")
    assert entry.path == "/token" and entry.query == {}
    return {k: v[0] for k, v in parse_qs(entry.body.decode()).items()}


def test_authorization_url() -> None:
    app = OAuthApp(CLIENT_ID, APP_SECRET, redirect_uri="https://me.example/cb")
    url = app.authorization_url([OAuthScope.READ_SHEETS, "WRITE_SHEETS"], state="st-1")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "app.smartsheet.com",
        "/b/authorize",
    )
    assert parse_qs(parts.query) == {
        "response_type": ["code"],
        "client_id": [CLIENT_ID],
        "scope": ["READ_SHEETS WRITE_SHEETS"],
        "state": ["st-1"],
        "redirect_uri": ["https://me.example/cb"],
    }
    assert "%20" in parts.query  # scopes are space-delimited, encoded as %20
    eu = OAuthApp(CLIENT_ID, APP_SECRET, region="eu").authorization_url(["READ_SHEETS"])
    assert eu.startswith("https://app.smartsheet.eu/b/authorize?") and "state" not in eu
    with pytest.raises(ConfigurationError, match="at least one"):
        app.authorization_url([])
    with pytest.raises(ConfigurationError, match="region"):
        OAuthApp(CLIENT_ID, APP_SECRET, region="mars")
    with pytest.raises(ConfigurationError, match="client_id"):
        OAuthApp("", APP_SECRET)


def test_code_from_callback_checks_state_and_denial() -> None:
    app = OAuthApp(CLIENT_ID, APP_SECRET)
    state = new_state()
    assert len(state) >= 30 and state != new_state()
    assert app.code_from_callback({"code": "c1", "state": state}, expected_state=state) == "c1"
    with pytest.raises(OAuthError, match="state"):
        app.code_from_callback({"code": "c1", "state": "forged"}, expected_state=state)
    with pytest.raises(OAuthError, match="access_denied"):
        app.code_from_callback({"error": "access_denied", "state": state}, expected_state=state)
    with pytest.raises(OAuthError, match="no authorization code"):
        app.code_from_callback({"state": state}, expected_state=state)


def test_the_hash_is_sha256_of_secret_pipe_value() -> None:
    app = OAuthApp(CLIENT_ID, APP_SECRET)
    expected = hashlib.sha256(f"{APP_SECRET}|code-9".encode()).hexdigest()
    assert app.token_hash("code-9") == expected


async def test_exchange_and_refresh_against_the_emulator(emu: Emulator) -> None:  # noqa: F811
    app = make_app(emu)
    oauth_state = emu.smartsheet.state.integrations.oauth
    code = oauth_state.authorize(CLIENT_ID, ["READ_SHEETS"])
    async with SmartsheetOAuth(app, base_url=emu.smartsheet_url, rate_limit=FAST) as oauth:
        token = await oauth.exchange_code(code)
        form = form_of(emu)
        assert form == {
            "client_id": CLIENT_ID,
            "grant_type": "authorization_code",
            "code": code,
            "hash": app.token_hash(code),
        }
        assert last(emu).credential == ""  # no bearer token on the token endpoint
        assert token.token_type == "bearer" and token.expires_in == 604_799
        assert token.refresh_token is not None and not token.expired
        assert token.expires_at is not None

        # The token works as a bearer token.
        async with fast_client(emu, token=token.access_token) as client:
            assert [s async for s in client.sheets.list()] == []

        renewed = await oauth.refresh(token)
        assert form_of(emu) == {
            "client_id": CLIENT_ID,
            "grant_type": "refresh_token",
            "refresh_token": token.refresh_token.reveal(),
            "hash": app.token_hash(token.refresh_token),
        }
        assert renewed.access_token != token.access_token
        # The old access token and refresh token stop working.
        async with fast_client(emu, token=token.access_token) as old:
            with pytest.raises(AuthenticationError) as info:
                await old.sheets.list()
            assert info.value.code == 1002
        with pytest.raises(BadRequestError) as refused:
            await oauth.refresh(token)
        assert refused.value.code == 1071

        # A code is good once; a wrong hash and an unknown app are refused.
        with pytest.raises(BadRequestError) as reused:
            await oauth.exchange_code(code)
        assert reused.value.code == 1071
        fresh = oauth_state.authorize(CLIENT_ID, ["READ_SHEETS"])
        async with SmartsheetOAuth(
            OAuthApp(CLIENT_ID, "wrong-secret"), base_url=emu.smartsheet_url
        ) as wrong:
            with pytest.raises(BadRequestError) as bad_hash:
                await wrong.exchange_code(fresh)
            assert bad_hash.value.code == 1072
            assert "wrong-secret" not in str(bad_hash.value)
        async with SmartsheetOAuth(
            OAuthApp("nobody", "x"), base_url=emu.smartsheet_url
        ) as stranger:
            with pytest.raises(AuthenticationError) as unknown:
                await stranger.exchange_code(fresh)
            assert unknown.value.code == 1067


async def test_get_or_refresh_validates_locally(ss: SmartsheetClient) -> None:  # noqa: F811
    with pytest.raises(ConfigurationError, match="grant_type"):
        await ss.tokens.get_or_refresh(client_id="a", grant_type="password", hash="h")
    with pytest.raises(ConfigurationError, match="needs a code"):
        await ss.tokens.get_or_refresh(client_id="a", grant_type="authorization_code", hash="h")
    with pytest.raises(ConfigurationError, match="exactly one"):
        await ss.tokens.get_or_refresh(client_id="a", grant_type="refresh_token", refresh_token="r")


async def test_client_secret_grant_and_redundant_auth(emu: Emulator) -> None:  # noqa: F811
    make_app(emu)
    code = emu.smartsheet.state.integrations.oauth.authorize(CLIENT_ID, ["READ_SHEETS"])
    async with fast_client(emu) as client:
        token = await client.tokens.get_or_refresh(
            client_id=CLIENT_ID,
            grant_type="authorization_code",
            code=code,
            client_secret=APP_SECRET,
        )
        assert form_of(emu)["client_secret"] == APP_SECRET
        assert token.access_token.reveal()


async def _granted(emu: Emulator, app: OAuthApp) -> OAuthToken:  # noqa: F811
    code = emu.smartsheet.state.integrations.oauth.authorize(CLIENT_ID, ["READ_SHEETS"])
    async with SmartsheetOAuth(app, base_url=emu.smartsheet_url, rate_limit=FAST) as oauth:
        return await oauth.exchange_code(code)


async def test_the_client_refreshes_a_token_about_to_expire(emu: Emulator) -> None:  # noqa: F811
    app = make_app(emu)
    token = await _granted(emu, app)
    # Issued a week ago by our clock: it expires within the skew, so it is renewed first.
    stale = attrs.evolve(token, issued_at=token.issued_at - 604_799 + 30)
    assert stale.expired
    saved: list[OAuthToken] = []
    async with fast_client(
        emu, token=stale, oauth_app=app, on_token_refresh=saved.append
    ) as client:
        await client.sheets.list()
        posts = [e for e in emu.smartsheet.log if e.path == "/token"]
        assert len(posts) == 2  # the exchange, then the refresh
        assert last(emu).path == "/sheets" and last(emu).status == 200
        assert len(saved) == 1 and saved[0].access_token != token.access_token
        auth = client._transport._shared.auth
        assert isinstance(auth, OAuthAuth) and auth.refreshes == 1
        await client.sheets.list()
        assert auth.refreshes == 1  # the new token is fresh


async def test_the_client_refreshes_once_after_a_1003(emu: Emulator) -> None:  # noqa: F811
    app = make_app(emu)
    token = await _granted(emu, app)
    saved: list[OAuthToken] = []

    async def persist(new: OAuthToken) -> None:
        saved.append(new)

    async with fast_client(emu, token=token, oauth_app=app, on_token_refresh=persist) as client:
        await client.sheets.list()
        emu.smartsheet.state.integrations.oauth.expire(token.access_token.reveal())
        before = len(emu.smartsheet.log)
        await client.sheets.list()
        seen = [(e.method, e.path, e.status) for e in emu.smartsheet.log[before:]]
        assert seen == [("GET", "/sheets", 401), ("POST", "/token", 200), ("GET", "/sheets", 200)]
        assert len(saved) == 1

        # Concurrent requests that all meet the expiry share one refresh.
        emu.smartsheet.state.integrations.oauth.expire(saved[0].access_token.reveal())
        await asyncio.gather(*(client.sheets.list() for _ in range(5)))
        assert len(saved) == 2


async def test_no_refresh_without_an_app_or_for_other_401s(emu: Emulator) -> None:  # noqa: F811
    app = make_app(emu)
    token = await _granted(emu, app)
    emu.smartsheet.state.integrations.oauth.expire(token.access_token.reveal())
    async with fast_client(emu, token=token) as client:
        with pytest.raises(AuthenticationError) as info:
            await client.sheets.list()
        assert info.value.code == 1003
    async with fast_client(emu, token=OAuthToken("never-issued"), oauth_app=app) as client:
        with pytest.raises(AuthenticationError) as invalid:
            await client.sheets.list()
        assert invalid.value.code == 1002
        token_posts = [e for e in emu.smartsheet.log if e.path == "/token"]
        assert len(token_posts) == 1  # only the exchange: a 1002 is not a reason to refresh


async def test_a_failed_refresh_surfaces_the_token_error(emu: Emulator) -> None:  # noqa: F811
    app = make_app(emu)
    token = await _granted(emu, app)
    async with SmartsheetOAuth(app, base_url=emu.smartsheet_url) as oauth:
        await oauth.refresh(token)  # spends the refresh token behind the client's back
    stale = attrs.evolve(token, issued_at=0.0)
    async with fast_client(emu, token=stale, oauth_app=app) as client:
        with pytest.raises(BadRequestError) as info:
            await client.sheets.list()
        assert info.value.code == 1071


async def test_revoke(emu: Emulator) -> None:  # noqa: F811
    app = make_app(emu)
    token = await _granted(emu, app)
    async with fast_client(emu, token=token) as client:
        result = await client.tokens.revoke(delete_all_for_api_client=True)
        check(last(emu), "DELETE", "/token", {"deleteAllForApiClient": "true"})
        assert result.result_code == 0
        with pytest.raises(AuthenticationError) as info:
            await client.sheets.list()
        assert info.value.code == 1002


async def test_secrets_stay_out_of_reprs_errors_and_logs(
    emu: Emulator,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="smartsuite")
    app = make_app(emu)
    token = await _granted(emu, app)
    access, refresh = token.access_token.reveal(), token.refresh_token.reveal()  # type: ignore[union-attr]
    texts = [repr(app), str(app), repr(token), str(token)]
    async with SmartsheetOAuth(app, base_url=emu.smartsheet_url) as oauth:
        texts.append(repr(oauth))
        with pytest.raises(BadRequestError) as info:
            await oauth.refresh(OAuthToken("x", refresh_token="bogus-refresh"))
        texts += [str(info.value), repr(info.value)]
    stale = attrs.evolve(token, issued_at=0.0)
    async with fast_client(emu, token=stale, oauth_app=app) as client:
        await client.sheets.list()
        auth = client._transport._shared.auth
        texts += [repr(client), repr(auth), repr(client._transport)]
    texts.append(caplog.text)
    blob = "\n".join(texts)
    for secret in (APP_SECRET, access, refresh, "bogus-refresh"):
        assert secret not in blob
    assert CLIENT_ID in repr(app)


async def test_a_late_1003_for_an_already_renewed_token_does_not_refresh_again() -> None:
    calls: list[str] = []

    async def refresher(stale: OAuthToken) -> OAuthToken:
        calls.append(stale.access_token.reveal())
        return OAuthToken(f"renewed-{len(calls)}", refresh_token="r")

    auth = OAuthAuth(OAuthToken("t0", refresh_token="r0", expires_in=3600), refresher)
    auth.apply({})  # this request went out with t0 ...
    # ... meanwhile another request met the expiry and renewed the token:
    other = asyncio.get_running_loop().create_task(auth._refresh(auth.token))
    await other
    assert calls == ["t0"]
    late = AuthenticationError("expired", status=401, method="GET", path="/x", code=1003)
    assert await auth.refresh_after(late)  # retry with the new token ...
    assert calls == ["t0"] and auth.token.access_token.reveal() == "renewed-1"  # ... no refresh
    headers: dict[str, str] = {}
    auth.apply(headers)
    assert headers["Authorization"] == "Bearer renewed-1"
    assert await auth.refresh_after(late) and calls == ["t0", "renewed-1"]
    other_code = AuthenticationError("invalid", status=401, method="GET", path="/x", code=1002)
    assert not await auth.refresh_after(other_code)
