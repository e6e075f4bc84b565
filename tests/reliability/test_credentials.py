"""Credentials stay where they belong, against real loopback servers:

* no downgrade: a redirect from https to plain http (same host, even the same port) and an RM
  ``paging.next`` link to http are refused with InsecureDowngradeError before anything is sent;
* echoed secrets: a server that echoes the token, the access key, the OAuth client secret or a
  webhook secret in a JSON message or an HTML page never gets it shown in an error message,
  body excerpt, repr or log line, for all three clients;
* frame locals: a traceback formatted with ``capture_locals=True`` shows the header map with
  its credential masked.
"""

from __future__ import annotations

import logging
import ssl
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from aiohttp import web

from smartsuite import InsecureDowngradeError, Limits, ResponseTooLargeError, SmartsuiteError
from smartsuite._core.config import RetryConfig
from smartsuite.appsheet import AppSheetClient
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.smartsheet import OAuthApp, SmartsheetClient, SmartsheetOAuth
from smartsuite.smartsheet.webhooks import WebhookReceiver
from tests.reliability.test_transport_security import self_signed as self_signed
from tests.reliability.test_transport_security import serve

ONCE = RetryConfig(max_attempts=1)
TOKEN = "ss-token-under-test-7f3a9c"
RM_TOKEN = "rm-token-under-test-2b8d1e"
ACCESS_KEY = "V2-appsheet-key-under-test-5c6d"
CLIENT_SECRET = "oauth-client-secret-under-test-9e0f"
WEBHOOK_SECRET = "webhook-secret-under-test-1a2b"
SERVER_WEBHOOK_SECRET = "server-issued-hook-secret-3c4d"
ALL_SECRETS = (
    TOKEN,
    RM_TOKEN,
    ACCESS_KEY,
    CLIENT_SECRET,
    WEBHOOK_SECRET,
    SERVER_WEBHOOK_SECRET,
)

Factory = Callable[..., Any]
#: name -> (factory(base_url, **options), one read through the client)
CLIENTS: dict[str, tuple[Factory, Callable[[Any], Awaitable[Any]]]] = {
    "smartsheet": (
        lambda url, **o: SmartsheetClient(TOKEN, base_url=url, **o),
        lambda c: c.sheets.get(1),
    ),
    "rm": (
        lambda url, **o: ResourceManagementClient(RM_TOKEN, base_url=url + "/api/v1", **o),
        lambda c: c.users.get(1),
    ),
    "appsheet": (
        lambda url, **o: AppSheetClient("app", ACCESS_KEY, base_url=url, **o),
        lambda c: c.table("People").list().to_list(),
    ),
}

Respond = Callable[[web.Request], Awaitable[web.StreamResponse]]


@attrs.define
class Peer:
    url: str = ""
    seen: list[str] = attrs.field(factory=list)  # "METHOD path" of every request
    respond: Respond | None = None


async def _start(peer: Peer, context: ssl.SSLContext | None) -> Any:
    async def handle(request: web.Request) -> web.StreamResponse:
        peer.seen.append(f"{request.method} {request.path_qs}")
        await request.read()
        assert peer.respond is not None
        return await peer.respond(request)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    runner, port = await serve(app, context)
    peer.url = f"{'https' if context else 'http'}://127.0.0.1:{port}"
    return runner


@pytest.fixture
async def tls_peer(self_signed: tuple[Path, Path]) -> AsyncIterator[Peer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*self_signed)
    peer = Peer()
    runner = await _start(peer, context)
    yield peer
    await runner.cleanup()


@pytest.fixture
async def plain_peer() -> AsyncIterator[Peer]:
    peer = Peer()
    runner = await _start(peer, None)
    yield peer
    await runner.cleanup()


def credential_of(request: web.Request) -> str:
    for name in ("Authorization", "auth", "ApplicationAccessKey"):
        if name in request.headers:
            return request.headers[name].removeprefix("Bearer ")
    return ""


# -- no downgrade ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", CLIENTS)
@pytest.mark.parametrize("target", ["same-port", "other-port"])
async def test_redirect_from_https_to_http_is_refused(
    tls_peer: Peer, plain_peer: Peer, name: str, target: str
) -> None:
    https_port = tls_peer.url.rsplit(":", 1)[1]
    where = f"http://127.0.0.1:{https_port}" if target == "same-port" else plain_peer.url

    async def redirect(request: web.Request) -> web.StreamResponse:
        status = web.HTTPTemporaryRedirect if request.method == "POST" else web.HTTPFound
        raise status(location=f"{where}/landing")

    tls_peer.respond = redirect
    plain_peer.respond = redirect
    factory, call = CLIENTS[name]
    async with factory(tls_peer.url, retry=ONCE, verify_ssl=False) as client:
        with pytest.raises(InsecureDowngradeError, match=r"https to http.*plain text"):
            await call(client)
    assert len(tls_peer.seen) == 1  # the https request, then nothing
    assert plain_peer.seen == []


async def test_https_to_https_redirect_on_the_same_host_is_followed(tls_peer: Peer) -> None:
    async def respond(request: web.Request) -> web.StreamResponse:
        if request.path != "/landing":
            raise web.HTTPFound(location="/landing")
        return web.json_response({"id": 1, "name": "S", "columns": [], "rows": []})

    tls_peer.respond = respond
    async with SmartsheetClient(TOKEN, base_url=tls_peer.url, verify_ssl=False) as ss:
        assert (await ss.sheets.get(1)).id == 1
    assert len(tls_peer.seen) == 2


async def test_rm_paging_next_to_http_is_refused(tls_peer: Peer) -> None:
    async def respond(request: web.Request) -> web.StreamResponse:
        port = tls_peer.url.rsplit(":", 1)[1]
        link = f"http://127.0.0.1:{port}/api/v1/users?page=2"  # same host and port, no TLS
        return web.json_response({"data": [{"id": 1}], "paging": {"page": 1, "next": link}})

    tls_peer.respond = respond
    async with ResourceManagementClient(
        RM_TOKEN, base_url=tls_peer.url + "/api/v1", verify_ssl=False, retry=ONCE
    ) as rm:
        with pytest.raises(InsecureDowngradeError, match="plain text"):
            await rm.users.list().to_list()
    assert len(tls_peer.seen) == 1


# -- echoed secrets ----------------------------------------------------------------------------


class Texts:
    """Everything a user could see of the errors: messages, reprs, tracebacks, bodies."""

    def __init__(self) -> None:
        self.items: list[str] = []

    async def expect(self, call: Awaitable[Any]) -> SmartsuiteError:
        with pytest.raises(SmartsuiteError) as info:
            await call
        exc = info.value
        self.items += [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
        self.items += [repr(vars(exc))]
        return exc

    def assert_clean(self, *extra: str) -> None:
        blob = "\n".join([*self.items, *extra])
        assert [s for s in ALL_SECRETS if s in blob] == []
        assert "********" in blob  # the echo arrived, masked


def echo(kind: str, status: int) -> Respond:
    async def respond(request: web.Request) -> web.StreamResponse:
        secret = credential_of(request)
        if kind == "json":
            body = {
                "errorCode": 1004,
                "message": f"You are not authorized with {secret}.",
                "refId": f"ref-{secret}",
                "detail": {"token": secret, "seen": [secret]},
                "Message": f"key {secret} refused",  # AppSheet's spelling
            }
            return web.json_response(body, status=status)
        page = f"<html><body><h1>Bad gateway</h1><pre>Authorization: {secret}</pre></body></html>"
        return web.Response(text=page, status=status, content_type="text/html")

    return respond


@pytest.mark.parametrize("name", CLIENTS)
@pytest.mark.parametrize(("kind", "status"), [("json", 403), ("html", 502), ("html", 200)])
async def test_a_server_echoing_the_credential_never_gets_it_shown(
    plain_peer: Peer, name: str, kind: str, status: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    plain_peer.respond = echo(kind, status)
    factory, call = CLIENTS[name]
    seen = Texts()
    async with factory(plain_peer.url, retry=ONCE) as client:
        exc = await seen.expect(call(client))
    seen.items += [repr(getattr(exc, "body", None)), repr(getattr(exc, "detail", None))]
    seen.items += [getattr(exc, "excerpt", ""), caplog.text]
    seen.assert_clean()
    if kind == "html" and status == 200:
        assert "Bad gateway" in str(exc)  # the excerpt is there, scrubbed


async def test_appsheet_warnings_echoing_the_key_are_logged_masked(
    plain_peer: Peer, caplog: pytest.LogCaptureFixture
) -> None:
    async def respond(request: web.Request) -> web.StreamResponse:
        warning = f"the key {credential_of(request)} is about to expire"
        return web.json_response({"Rows": [], "Warnings": [warning]})

    plain_peer.respond = respond
    caplog.set_level(logging.WARNING)
    async with AppSheetClient("app", ACCESS_KEY, base_url=plain_peer.url) as app:
        assert await app.table("People").list().to_list() == []
    assert "about to expire" in caplog.text
    assert ACCESS_KEY not in caplog.text and ACCESS_KEY not in repr(
        [r.getMessage() for r in caplog.records]
    )


async def test_oauth_client_secret_echoed_by_the_token_endpoint_is_masked(
    plain_peer: Peer,
) -> None:
    async def respond(request: web.Request) -> web.StreamResponse:
        text = f"hash mismatch: expected sha256({CLIENT_SECRET}|code)"
        return web.json_response({"errorCode": 1072, "message": text}, status=400)

    plain_peer.respond = respond
    app = OAuthApp("client-id", CLIENT_SECRET)
    seen = Texts()
    async with SmartsheetOAuth(app, base_url=plain_peer.url, retry=ONCE) as oauth:
        await seen.expect(oauth.exchange_code("auth-code-1"))
    seen.assert_clean()


async def test_webhook_secrets_echoed_back_are_masked(plain_peer: Peer) -> None:
    receiver = WebhookReceiver({7: WEBHOOK_SECRET})  # the caller's own webhook secret
    created = {
        "message": "SUCCESS",
        "resultCode": 0,
        "result": {"id": 7, "name": "h", "sharedSecret": SERVER_WEBHOOK_SECRET},
    }

    async def respond(request: web.Request) -> web.StreamResponse:
        if request.method == "POST":
            return web.json_response(created)
        text = f"webhook secrets {WEBHOOK_SECRET} and {SERVER_WEBHOOK_SECRET} do not match"
        return web.json_response({"errorCode": 1004, "message": text}, status=400)

    plain_peer.respond = respond
    seen = Texts()
    async with SmartsheetClient(TOKEN, base_url=plain_peer.url, retry=ONCE) as ss:
        hook = await ss.webhooks.create("h", "https://hooks.example.com/cb", 1)
        assert hook.shared_secret == SERVER_WEBHOOK_SECRET  # the caller can still read it
        await seen.expect(ss.webhooks.get(7))
    seen.assert_clean(repr(hook), repr(receiver))


# -- frame locals ------------------------------------------------------------------------------


def with_locals(exc: BaseException) -> str:
    """The traceback as a Sentry-style reporter renders it: every frame's locals."""
    te = traceback.TracebackException.from_exception(exc, capture_locals=True)
    return "".join(te.format())


@pytest.mark.parametrize("name", CLIENTS)
async def test_frame_locals_never_show_a_credential(
    plain_peer: Peer, tls_peer: Peer, name: str
) -> None:
    async def huge(request: web.Request) -> web.StreamResponse:
        return web.json_response({"pad": "x" * 4096})

    async def to_http(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(location=plain_peer.url + "/x")

    plain_peer.respond = huge
    tls_peer.respond = to_http
    factory, call = CLIENTS[name]
    rendered: list[str] = []
    # an error raised deep inside the request (while reading the body) ...
    async with factory(plain_peer.url, retry=ONCE, limits=Limits(max_body_bytes=64)) as client:
        with pytest.raises(ResponseTooLargeError) as info:
            await call(client)
        rendered.append(with_locals(info.value))
    # ... and one raised while following a redirect
    async with factory(tls_peer.url, retry=ONCE, verify_ssl=False) as client:
        with pytest.raises(InsecureDowngradeError) as downgrade:
            await call(client)
        rendered.append(with_locals(downgrade.value))
    text = "\n".join(rendered)
    assert "send_once" in text and "headers = CredentialHeaders(" in text  # locals shown
    assert "'********'" in text  # the credential header, masked
    assert [s for s in ALL_SECRETS if s in text] == []


async def test_oauth_exchange_frames_hold_no_code_refresh_token_or_secret(
    plain_peer: Peer,
) -> None:
    async def refuse(request: web.Request) -> web.StreamResponse:
        form = await request.post()
        assert CODE in form.values() or REFRESH in form.values()  # the form arrived
        return web.json_response({"errorCode": 1071, "message": "invalid grant"}, status=400)

    plain_peer.respond = refuse
    app = OAuthApp("client-id", CLIENT_SECRET)
    rendered = []
    async with SmartsheetOAuth(app, base_url=plain_peer.url, retry=ONCE) as oauth:
        with pytest.raises(SmartsuiteError) as info:
            await oauth.exchange_code(CODE)
        rendered.append(with_locals(info.value))
        with pytest.raises(SmartsuiteError) as info:
            await oauth.refresh(REFRESH)
        rendered.append(with_locals(info.value))
    text = "\n".join(rendered)
    assert "request_token" in text and "SealedBody(<" in text  # the frame that sends it
    assert [s for s in (CODE, REFRESH, CLIENT_SECRET) if s in text] == []


CODE = "oauth-authorization-code-4e5f"
REFRESH = "oauth-refresh-token-6a7b8c"
