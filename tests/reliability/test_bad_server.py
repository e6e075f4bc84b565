"""Hostile answers over real HTTP from a scripted server: bodies that do not decode, paging links
to other hosts, and page loops. Every case ends in a typed error, never another exception, and
no request leaves for another host."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from smartsuite._core.config import RetryConfig
from smartsuite._core.errors import ConfigurationError, DecodeError, PagingError
from smartsuite.appsheet import AppSheetClient
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.resource_management.models import Nested, Paging, Tag
from smartsuite.smartsheet import SmartsheetClient
from tests.core.support import Answer, ScriptedServer
from tests.core.support import server as server  # the scripted-server fixture

ONCE = RetryConfig(max_attempts=1)

HOSTILE_BODIES: list[tuple[str, bytes, str]] = [
    ("wrong-types", b'{"id": "abc", "rows": "many", "columns": 7}', "Sheet"),
    ("deep", b'{"rows": ' + b"[" * 5000 + b"]" * 5000 + b"}", "JSON"),
    ("huge-int", b'{"id": ' + b"9" * 5000 + b"}", "JSON"),  # past every parser's limit
    ("non-utf8", b'{"name": "\xff\xfe\xfa"}', "JSON"),
    ("html", b"<html><body>Service Unavailable</body></html>", "HTML page"),
    ("truncated", b'{"id": 1, "name": "Half', "JSON"),
    ("array", b"[1, 2, 3]", "Sheet"),
]


@pytest.fixture
async def ss(server: ScriptedServer) -> AsyncIterator[SmartsheetClient]:
    async with SmartsheetClient("tok-ss", base_url=server.url, retry=ONCE) as client:
        yield client


@pytest.fixture
async def rm(server: ScriptedServer) -> AsyncIterator[ResourceManagementClient]:
    async with ResourceManagementClient(
        "tok-rm", base_url=server.url + "/api/v1", retry=ONCE
    ) as client:
        yield client


@pytest.mark.parametrize(
    ("body", "hint"), [(b, h) for _, b, h in HOSTILE_BODIES], ids=[n for n, _, _ in HOSTILE_BODIES]
)
async def test_smartsheet_get_of_a_hostile_body_is_a_decode_error(
    ss: SmartsheetClient, server: ScriptedServer, body: bytes, hint: str
) -> None:
    server.script(Answer(200, body))
    with pytest.raises(DecodeError) as info:
        await ss.sheets.get(1)
    assert hint in str(info.value)


@pytest.mark.parametrize(
    "body",
    [b for name, b, _ in HOSTILE_BODIES if name != "array"]
    + [b'{"data": [{"id": "x"}], "paging": {}}', b'{"data": {"id": 1}}'],
)
async def test_rm_list_of_a_hostile_body_is_a_decode_error(
    rm: ResourceManagementClient, server: ScriptedServer, body: bytes
) -> None:
    server.script(Answer(200, body))
    with pytest.raises(DecodeError):
        await rm.users.list().to_list()


@pytest.mark.parametrize(
    "body",
    [b'{"Rows": "none"}', b"[1, 2]", b"\xff\xfe", b'{"Rows": [{"a": 1}], "Warnings": 5}x'],
)
async def test_appsheet_find_of_a_hostile_body_is_a_decode_error(
    server: ScriptedServer, body: bytes
) -> None:
    server.script(Answer(200, body))
    async with AppSheetClient("app", "key-1", base_url=server.url, retry=ONCE) as app:
        with pytest.raises(DecodeError):
            await app.table("People").list().to_list()


def rm_page(next_link: str | None, ids: list[int]) -> dict[str, Any]:
    return {"data": [{"id": i} for i in ids], "paging": {"page": 1, "next": next_link}}


@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example.com/api/v1/users?page=2",
        "//evil.example.com/api/v1/users?page=2",
        "http://127.0.0.1:1/api/v1/users?page=2",  # same address, another port
        "https://user@evil.example.com/api/v1/users?page=2",
    ],
)
async def test_rm_next_link_to_another_host_is_not_followed(
    rm: ResourceManagementClient, server: ScriptedServer, link: str
) -> None:
    server.script(Answer(200, rm_page(link, [1, 2])))
    with pytest.raises(PagingError, match="refusing to follow"):
        await rm.users.list().to_list()
    assert len(server.seen) == 1  # nothing was sent anywhere else


async def test_rm_nested_collection_link_to_another_host_is_refused(
    rm: ResourceManagementClient, server: ScriptedServer
) -> None:
    nested = Nested([Tag(1, "a")], Paging(next="https://evil.example.com/api/v1/tags?page=2"), Tag)
    with pytest.raises((PagingError, ConfigurationError), match="another host"):
        await rm.expand(nested).to_list()
    assert server.seen == []


async def test_rm_page_loop_is_cut_off(
    rm: ResourceManagementClient, server: ScriptedServer
) -> None:
    # page 1 -> page 2 -> page 1 -> ...: the walk stops at the first repeat
    p1, p2 = "/api/v1/users?page=1&per_page=2", "/api/v1/users?page=2&per_page=2"
    server.script(*[Answer(200, rm_page(p2 if i % 2 == 0 else p1, [i])) for i in range(10)])
    with pytest.raises(PagingError, match="same next page twice"):
        await rm.users.list().to_list()
    assert len(server.seen) <= 4


async def test_smartsheet_page_number_that_never_advances_is_cut_off(
    ss: SmartsheetClient, server: ScriptedServer
) -> None:
    stuck = {"pageNumber": 1, "totalPages": 9, "data": [{"id": 1, "name": "S"}]}
    server.script(*[Answer(200, stuck)] * 10)
    with pytest.raises(PagingError, match="same next page twice"):
        await ss.sheets.list().to_list()
    assert len(server.seen) <= 4


async def test_smartsheet_redirect_to_an_endless_chain_is_a_typed_error(
    ss: SmartsheetClient, server: ScriptedServer
) -> None:
    from smartsuite._core.errors import TransportError

    server.script(*[Answer(302, b"", headers={"Location": server.url + "/loop"})] * 10)
    with pytest.raises(TransportError, match="redirects"):
        await ss.sheets.get(1)
