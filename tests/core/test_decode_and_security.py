"""Decode errors on bad bodies, secret redaction, https enforcement and redirect hygiene."""

from __future__ import annotations

import logging
import traceback

import pytest
from aiohttp import web

from smartsuite._core import sansio
from smartsuite._core.auth import BearerToken, HeaderToken, Secret
from smartsuite._core.config import RetryConfig
from smartsuite._core.errors import (
    AuthenticationError,
    ConfigurationError,
    DecodeError,
    NotFoundError,
)
from smartsuite._core.transport import check_base_url
from smartsuite.emulator import Fault
from smartsuite.smartsheet import SmartsheetClient
from tests.core.support import TOKEN, Answer, FakeClock, ScriptedServer, make_transport


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"", "empty"),
        (b"   ", "empty"),
        (b"<!DOCTYPE html><html><body>Bad Gateway</body></html>", "HTML page"),
        (b'{"data": [1, 2', "malformed JSON"),
        (b"\xff\xfe\x00bad", "malformed JSON"),
    ],
)
def test_loads_rejects_non_json_with_excerpt(body: bytes, fragment: str) -> None:
    with pytest.raises(DecodeError) as info:
        sansio.loads(body, status=200)
    assert fragment in str(info.value)
    assert "HTTP 200" in str(info.value)


@pytest.mark.parametrize("fault", [Fault.HTML, Fault.EMPTY, Fault.TRUNCATED])
async def test_read_with_bad_body_is_retried_then_decoded(
    smartsheet_client, smartsuite_emulator, fault
) -> None:
    smartsuite_emulator.smartsheet.faults.script(fault, method="GET", path_contains="/sheets")
    first = await smartsheet_client.sheets.list()
    assert first.items == []
    assert smartsheet_client.stats.retries["malformed"] == 1


async def test_read_with_bad_body_every_time_raises_decode_error(smartsuite_emulator) -> None:
    emu = smartsuite_emulator
    emu.smartsheet.faults.script(Fault.HTML, method="GET", times=10)
    async with SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        retry=RetryConfig(max_attempts=2, backoff_base=0.01),
    ) as ss:
        with pytest.raises(DecodeError) as info:
            await ss.sheets.list()
    assert "HTML page" in str(info.value) and "Bad Gateway" in str(info.value)


async def test_wrong_shape_is_a_decode_error(server: ScriptedServer) -> None:
    server.script(Answer(200, {"pageNumber": 1, "data": "not a list"}))
    from smartsuite._core.client import BaseClient
    from smartsuite.smartsheet._resource import SmartsheetResource
    from smartsuite.smartsheet.models import Sheet

    client = BaseClient()
    client._transport = make_transport(server.url, clock=FakeClock())
    with pytest.raises(DecodeError, match="IndexResult"):
        await SmartsheetResource(client)._index(path="/sheets", cast_to=Sheet).to_list()
    server.script(Answer(200, {"id": "not-a-number"}))
    with pytest.raises(DecodeError, match="Sheet"):
        await SmartsheetResource(client)._object(method="GET", path="/sheets/1", cast_to=Sheet)
    await client.aclose()


async def test_secrets_never_in_logs_reprs_or_errors(smartsuite_emulator, caplog) -> None:
    emu = smartsuite_emulator
    caplog.set_level(logging.DEBUG, logger="smartsuite")
    wrong = "definitely-wrong-token-XYZ"
    texts: list[str] = []
    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, assume_user="boss@example.com"
    ) as ss:
        texts += [repr(ss), repr(ss._transport), repr(ss.sheets), str(ss.stats)]
        with pytest.raises(NotFoundError) as nf:
            await ss.sheets.get(123)
        texts += [str(nf.value), repr(nf.value), "".join(traceback.format_exception(nf.value))]
    async with SmartsheetClient(wrong, base_url=emu.smartsheet_url) as bad:
        with pytest.raises(AuthenticationError) as info:
            await bad.sheets.get(1)
        texts += [
            str(info.value),
            repr(info.value),
            "".join(traceback.format_exception(info.value)),
        ]
        assert info.value.code == 1002
    texts.append(caplog.text)
    texts += [
        repr(Secret(wrong)),
        str(Secret(wrong)),
        repr(BearerToken(wrong)),
        repr(HeaderToken("auth", wrong)),
    ]
    blob = "\n".join(texts)
    assert "GET" in caplog.text  # the log does describe the requests
    for secret in (emu.smartsheet_token, wrong):
        assert secret not in blob


def test_missing_token_names_the_env_var(monkeypatch) -> None:
    monkeypatch.delenv("SMARTSHEET_ACCESS_TOKEN", raising=False)
    with pytest.raises(ConfigurationError, match="SMARTSHEET_ACCESS_TOKEN"):
        SmartsheetClient()


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://api.smartsheet.com/2.0", True),
        ("http://127.0.0.1:8080/x", True),
        ("http://localhost:1/x", True),
        ("http://[::1]:9/x", True),
        ("http://api.smartsheet.com/2.0", False),
        ("http://10.0.0.5/2.0", False),
        ("ftp://example.com", False),
        ("https://api.smartsheet.com/2.0?token=x", False),
    ],
)
def test_only_https_or_loopback(url: str, ok: bool) -> None:
    if ok:
        assert check_base_url(url) == url.rstrip("/")
    else:
        with pytest.raises(ConfigurationError):
            check_base_url(url)


def test_insecure_opt_in() -> None:
    assert check_base_url("http://internal-proxy/2.0", allow_insecure=True)


async def test_links_to_other_hosts_are_refused(server: ScriptedServer) -> None:
    t = make_transport(server.url, clock=FakeClock())
    with pytest.raises(ConfigurationError, match="another host"):
        await t.request("GET", "https://evil.example.com/api/users?page=2")
    assert t.url_for("/api/users?page=2") == server.url + "/users?page=2"
    assert t.url_for("/sheets/1") == server.url + "/sheets/1"
    await t.aclose()


async def test_redirect_to_other_host_drops_credentials() -> None:
    seen: dict[str, dict[str, str]] = {}

    async def origin(request: web.Request) -> web.Response:
        seen["origin"] = dict(request.headers)
        raise web.HTTPFound(location=f"http://localhost:{other_port}/landing")

    async def landing(request: web.Request) -> web.Response:
        seen["other"] = dict(request.headers)
        return web.json_response({"landed": True})

    apps = []
    for handler_path, fn in (("/api/start", origin), ("/landing", landing)):
        app = web.Application()
        app.router.add_get(handler_path, fn)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        apps.append((runner, site._server.sockets[0].getsockname()[1]))  # type: ignore[union-attr]
    (r1, port), (r2, other_port) = apps
    t = make_transport(f"http://127.0.0.1:{port}/api", clock=FakeClock())
    response = await t.request("GET", "/start")
    assert response.json() == {"landed": True}
    assert seen["origin"]["Authorization"] == f"Bearer {TOKEN}"
    assert "Authorization" not in seen["other"]
    await t.aclose()
    await r1.cleanup()
    await r2.cleanup()


async def test_user_agent_and_extra_headers(server: ScriptedServer) -> None:
    t = make_transport(server.url, clock=FakeClock())
    view = t.with_options(headers={"X-Team": "etl"})
    await view.request("GET", "/a", headers={"X-Call": "1"})
    await t.request("GET", "/b")
    first, second = server.seen
    assert first.headers["User-Agent"].startswith("smartsuite/")
    assert first.headers["X-Team"] == "etl" and first.headers["X-Call"] == "1"
    assert "X-Team" not in second.headers
    assert view.stats is t.stats
    await t.aclose()


async def test_assume_user_is_uri_encoded(smartsuite_emulator) -> None:
    emu = smartsuite_emulator
    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, assume_user="jane doe+ops@example.com"
    ) as ss:
        await ss.sheets.list()
    from smartsuite._core.auth import BearerToken as BT

    headers: dict[str, str] = {}
    BT("t", assume_user="jane doe+ops@example.com").apply(headers)
    assert headers["Assume-User"] == "jane%20doe%2Bops%40example.com"


async def test_borrowed_session_is_not_closed(smartsuite_emulator) -> None:
    import aiohttp

    emu = smartsuite_emulator
    async with aiohttp.ClientSession() as session:
        async with SmartsheetClient(
            emu.smartsheet_token, base_url=emu.smartsheet_url, session=session
        ) as ss:
            await ss.sheets.list()
        assert not session.closed


async def test_closed_client_refuses_requests(smartsuite_emulator) -> None:
    from smartsuite._core.errors import TransportError

    emu = smartsuite_emulator
    ss = SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url)
    await ss.sheets.list()
    await ss.aclose()
    with pytest.raises(TransportError, match="closed"):
        await ss.sheets.list()
