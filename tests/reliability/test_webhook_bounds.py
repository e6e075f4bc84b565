"""Webhook receivers are bounded: over real HTTP, a 200,000-deep array gets 400 (not an
uncaught RecursionError) from the Smartsheet WebhookReceiver and from RM parse_webhook, and a
challenge is echoed into the Smartsheet-Hook-Response header only when it is short, printable
and free of CR/LF."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from smartsuite._core.errors import DecodeError
from smartsuite.resource_management import parse_webhook
from smartsuite.smartsheet.webhooks import (
    RESPONSE_HEADER,
    WebhookReceiver,
    challenge_problem,
    sign,
)

SECRET = "receiver-secret-0123456789"
DEEP = b"[" * 200_000 + b"]" * 200_000


@pytest.fixture
async def receiver_url() -> AsyncIterator[str]:
    """A web app that answers Smartsheet callbacks at /ss and RM deliveries at /rm."""
    receiver = WebhookReceiver({42: SECRET})

    async def smartsheet(request: web.Request) -> web.Response:
        decision = receiver.handle(request.headers, await request.read())
        return web.Response(status=decision.status, headers=decision.headers, body=decision.body)

    async def rm(request: web.Request) -> web.Response:
        try:
            event = parse_webhook(await request.read())
        except DecodeError as exc:
            return web.json_response({"error": str(exc)[:200]}, status=400)
        return web.json_response({"type": event.type})

    app = web.Application(client_max_size=4 << 20)
    app.router.add_post("/ss", smartsheet)
    app.router.add_post("/rm", rm)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def post(url: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body, headers=headers or {}) as resp,
    ):
        return resp.status, await resp.text()


@pytest.mark.parametrize("path", ["/ss", "/rm"])
@pytest.mark.parametrize(
    "body",
    [DEEP, b'{"data": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001, b'{"x": "[[[[" }'],
    ids=["deep-array", "deep-object", "brackets-in-a-string"],
)
async def test_deep_json_is_answered_400(receiver_url: str, path: str, body: bytes) -> None:
    status, text = await post(receiver_url + path, body)
    assert status == 400
    if body is not DEEP and b"[[[[" in body:
        assert "deeper" not in text  # a string's brackets do not count; it fails later
    else:
        assert "deeper than 64" in text


async def test_signed_callback_still_accepted(receiver_url: str) -> None:
    body = json.dumps({"webhookId": 42, "scopeObjectId": 7, "events": []}).encode()
    status, _ = await post(
        receiver_url + "/ss", body, {"Smartsheet-Hmac-SHA256": sign(SECRET, body)}
    )
    assert status == 200


async def test_rm_delivery_within_bounds_parses(receiver_url: str) -> None:
    body = json.dumps({"type": "user.created", "data": {"id": 1, "first_name": "A"}}).encode()
    status, text = await post(receiver_url + "/rm", body)
    assert (status, json.loads(text)) == (200, {"type": "user.created"})


async def test_a_good_challenge_is_echoed(receiver_url: str) -> None:
    body = b'{"challenge": "d6b1b3c2-1a2b-4c5d-8e9f-0123456789ab", "webhookId": 42}'
    async with (
        aiohttp.ClientSession() as session,
        session.post(receiver_url + "/ss", data=body) as resp,
    ):
        assert resp.status == 200
        assert resp.headers[RESPONSE_HEADER] == "d6b1b3c2-1a2b-4c5d-8e9f-0123456789ab"


@pytest.mark.parametrize(
    ("challenge", "why"),
    [
        ("abc\r\nSet-Cookie: session=evil", "CR or LF"),
        ("abc\nX-Injected: 1", "CR or LF"),
        ("x" * 257, "at most 256"),
        ("caf\u00e9\u0000", "printable"),
        ("", "empty"),
    ],
)
async def test_a_hostile_challenge_is_refused_not_echoed(
    receiver_url: str, challenge: str, why: str
) -> None:
    body = json.dumps({"challenge": challenge, "webhookId": 42}).encode()
    async with (
        aiohttp.ClientSession() as session,
        session.post(receiver_url + "/ss", data=body) as resp,
    ):
        assert resp.status == 400
        assert RESPONSE_HEADER not in resp.headers
        assert "Set-Cookie" not in resp.headers and "X-Injected" not in resp.headers
        assert why in (await resp.json())["error"]
    assert challenge_problem(challenge) is not None


def test_depth_check_is_fast_on_the_largest_body() -> None:
    import time

    receiver = WebhookReceiver(SECRET)
    flat = b"[" + b"[]," * 349_000 + b"[]]"  # about 1 MiB, depth 2
    started = time.perf_counter()
    decision = receiver.handle({}, flat)
    assert decision.status == 400  # no webhookId; what matters is it was parsed at all
    assert time.perf_counter() - started < 10.0  # linear: 0.3 s here; quadratic: minutes


@pytest.mark.parametrize(
    "body",
    [b'"' * 1_000_000, b'"\\' * 500_000, b'"\\"' * 340_000 + b"\\", b'["[[[",["\\"["]]'],
    ids=["quotes", "quote-backslash", "escaped-quotes-unterminated", "brackets-in-strings"],
)
def test_depth_scan_is_linear_on_hostile_quoting(body: bytes) -> None:
    import time

    from smartsuite._core.limits import json_depth_exceeds

    started = time.perf_counter()
    assert json_depth_exceeds(body, 2) is False  # strings hide their brackets
    assert time.perf_counter() - started < 10.0  # a backtracking scan takes minutes here
