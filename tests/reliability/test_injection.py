"""Injection: caller strings placed in URL paths and query strings stay exactly where they were
put, whatever they hold, and webhook signatures are checked in constant time. (AppSheet selector
literals have their own property tests in tests/appsheet/test_selectors.py.)"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import unquote

import pytest
import yarl
from hypothesis import given, settings
from hypothesis import strategies as st

from smartsuite._core.errors import ConfigurationError
from smartsuite._core.paths import segment
from smartsuite._core.urls import clean_params as _clean_params
from smartsuite.appsheet import AppSheetClient
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet import webhooks as webhook_module
from smartsuite.smartsheet.webhooks import WebhookReceiver, sign
from tests.core.support import Answer, ScriptedServer
from tests.core.support import server as server  # the scripted-server fixture

BASE = "https://api.example.com/base/v2"
NASTY = [
    "a/b",
    "../../admin",
    "x?admin=true",
    "x#frag",
    "%2F%2e%2e",
    "50%",
    "Tab le & Co",
    "ü/ß?#",
    "..",
    "\\..\\",
    "semi;colon=1",
]
hostile_text = st.text(max_size=30) | st.sampled_from(NASTY)


def sent_parts(url: str) -> list[str]:
    """The path segments as aiohttp will send them (yarl parses the URL the same way)."""
    return [unquote(p) for p in yarl.URL(url).raw_parts[1:]]


@settings(max_examples=300, deadline=None)
@given(text=hostile_text)
def test_a_path_segment_is_always_one_segment(text: str) -> None:
    try:
        encoded = segment(text, "name")
    except ConfigurationError:
        assert text in ("", ".", "..")
        return
    url = yarl.URL(f"{BASE}/contacts/{encoded}/tail")
    assert sent_parts(str(url)) == ["base", "v2", "contacts", text, "tail"]
    assert url.query_string == "" and url.fragment == ""


@settings(max_examples=200, deadline=None)
@given(app_id=hostile_text.filter(str.strip), table=hostile_text)
def test_appsheet_app_and_table_names_cannot_change_the_path(app_id: str, table: str) -> None:
    client = AppSheetClient(app_id, "key-1", base_url=BASE)
    try:
        path = client.action_path(table)
    except ConfigurationError:
        assert table in ("", ".", "..") or app_id.strip() in (".", "..")
        return
    url = client._transport.url_for(path)
    assert sent_parts(url) == ["base", "v2", "apps", app_id.strip(), "tables", table, "Action"]
    assert yarl.URL(url).query_string == "" and yarl.URL(url).fragment == ""


@settings(max_examples=300, deadline=None)
@given(values=st.dictionaries(st.sampled_from(["query", "include", "x"]), hostile_text))
def test_query_values_cannot_add_parameters(values: dict[str, str]) -> None:
    cleaned = _clean_params(values) or {}
    url = yarl.URL(BASE).extend_query(cleaned)  # what aiohttp does with params=
    assert dict(url.query) == cleaned
    assert url.path == "/base/v2" and url.fragment == ""


@pytest.fixture
async def ss(server: ScriptedServer) -> AsyncIterator[SmartsheetClient]:
    async with SmartsheetClient("tok", base_url=server.url) as client:
        yield client


@pytest.mark.parametrize("text", NASTY)
async def test_hostile_names_over_http(
    server: ScriptedServer, ss: SmartsheetClient, text: str
) -> None:
    """Each value is either refused before sending (a typed error) or arrives exactly as given,
    in its own path segment or query value."""
    server.script(Answer(200, {"id": "c1"}))
    try:
        await ss.contacts.get(text)
    except ConfigurationError:
        assert server.seen == []
    else:
        assert server.seen[-1].path == "/api/contacts/" + text  # the server decodes the path
    server.seen.clear()
    server.answers.clear()
    server.script(Answer(200, {"results": []}))
    await ss.search.everything(text)
    assert server.seen[-1].query == {"query": text}
    assert server.seen[-1].path == "/api/search"
    server.seen.clear()
    server.answers.clear()
    server.script(Answer(200, []))
    async with AppSheetClient("app", "key-1", base_url=server.url) as app:
        try:
            await app.table(text).list().to_list()
        except ConfigurationError:
            assert server.seen == [] and text == ".."
        else:
            seen = server.seen[-1]
            assert seen.path == f"/api/apps/app/tables/{text}/Action" and seen.query == {}


@settings(max_examples=200, deadline=None)
@given(share_id=hostile_text | st.sampled_from(["x?accessApiLevel=1", "x#y", "a%2Fb"]))
def test_share_ids_cannot_change_the_path(share_id: str) -> None:
    from smartsuite.smartsheet.resources.shares import _share_path

    try:
        path = _share_path(share_id)  # /shares/{shareId} since the 2026-06-03 sunset
    except ConfigurationError:
        return
    url = f"{BASE}{path}"
    assert sent_parts(url) == ["base", "v2", "shares", share_id]
    assert yarl.URL(url).query_string == "" and yarl.URL(url).fragment == ""


# -- webhook signatures -----------------------------------------------------------------------


def test_signatures_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, Any]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)  # the module the receiver calls
    receiver = WebhookReceiver({7: "s3cret"}, known_webhook_ids=[7])
    body = b'{"webhookId": 7, "events": []}'
    assert receiver.handle({"Smartsheet-Hmac-SHA256": sign("s3cret", body)}, body).accepted
    assert not receiver.handle({"Smartsheet-Hmac-SHA256": "0" * 64}, body).accepted
    assert len(calls) == 2  # every comparison went through hmac.compare_digest


@settings(max_examples=200, deadline=None)
@given(
    body=st.binary(max_size=200),
    signature=st.none() | st.text(max_size=70),
    challenge=st.none() | st.text(max_size=20),
    hook=st.integers(-5, 10),
)
def test_receiver_never_accepts_an_unsigned_callback_nor_raises(
    body: bytes, signature: str | None, challenge: str | None, hook: int
) -> None:
    receiver = WebhookReceiver({7: "s3cret"}, known_webhook_ids=[7], max_body_bytes=150)
    headers = {}
    if signature is not None:
        headers["Smartsheet-Hmac-SHA256"] = signature
    if challenge is not None:
        headers["Smartsheet-Hook-Challenge"] = challenge
    decision = receiver.handle(headers, body)
    if len(body) > 150:
        assert decision.status == 413
    if decision.outcome is webhook_module.Outcome.CALLBACK:
        assert signature is not None and hmac.compare_digest(
            sign("s3cret", body).encode(), signature.strip().lower().encode()
        )
    if decision.accepted:
        assert decision.webhook_id in (7, None)
    _ = hook


@settings(max_examples=100, deadline=None)
@given(flip=st.integers(0, 40), hook=st.sampled_from([7, 8]))
def test_any_tampering_or_unknown_id_is_refused(flip: int, hook: int) -> None:
    receiver = WebhookReceiver({7: "s3cret"}, known_webhook_ids=[7])
    body = bytearray(f'{{"webhookId": {hook}, "scopeObjectId": 1, "events": []}}'.encode())
    signature = sign("s3cret", bytes(body))
    body[flip % len(body)] ^= 0x01
    assert not receiver.handle({"Smartsheet-Hmac-SHA256": signature}, bytes(body)).accepted
    challenge = receiver.handle(
        {"Smartsheet-Hook-Challenge": "c"}, f'{{"challenge": "c", "webhookId": {hook}}}'.encode()
    )
    assert challenge.accepted is (hook == 7)
