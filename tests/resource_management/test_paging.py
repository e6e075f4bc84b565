"""Paging: ``paging.next`` walks, page-size clamping, link translation and nested collections."""

from __future__ import annotations

import datetime as dt

import pytest

from smartsuite._core.errors import ConfigurationError
from smartsuite.emulator import Emulator
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.resource_management._links import next_link

D = dt.date


async def test_walks_25000_time_entries_each_once(
    emu: Emulator, rm: ResourceManagementClient
) -> None:
    user = await rm.users.create(first_name="Bulk", last_name="Loader")
    project = await rm.projects.create(name="Big")
    start = D(2020, 1, 1)
    for chunk in range(25):
        days = [start + dt.timedelta(days=chunk * 1000 + i) for i in range(1000)]
        emu.rm.state.add_time_entries(user.id, project.id, days, hours=1.0)
    before = len(emu.rm.log)
    seen = [entry.id async for entry in rm.time_entries.list()]
    assert len(seen) == 25_000
    assert len(set(seen)) == 25_000
    gets = emu.rm.log[before:]
    assert [g.path for g in gets] == ["/time_entries"] * 25
    assert {g.query["per_page"] for g in gets} == {"1000"}
    assert [int(g.query.get("page", "1")) for g in gets] == list(range(1, 26))


async def test_page_size_is_clamped_to_1000(emu: Emulator, rm: ResourceManagementClient) -> None:
    await rm.users.create(first_name="A", last_name="B")
    await rm.users.list(page_size=5000)
    assert emu.rm.log[-1].query["per_page"] == "1000"
    with pytest.raises(ConfigurationError, match="page_size"):
        rm.users.list(page_size=0)


async def test_per_page_still_works_with_a_deprecation_warning(
    emu: Emulator, rm: ResourceManagementClient
) -> None:
    for n in range(3):
        await rm.users.create(first_name=f"U{n}", last_name="X")
    with pytest.warns(DeprecationWarning, match=r"per_page= is deprecated.*page_size=") as rec:
        pages = [p async for p in rm.users.list(per_page=2).pages()]
    assert rec[0].filename == __file__  # blamed on the caller's line, not on smartsuite
    assert [len(p.items) for p in pages] == [2, 1]
    assert {
        e.query["per_page"] for e in emu.rm.log if e.path == "/users" and e.method == "GET"
    } == {"2"}
    with pytest.warns(DeprecationWarning):
        user = await rm.users.get(pages[0].items[0].id, fields=["tags"], per_page=1)
    assert user.tags is not None and emu.rm.log[-1].query["per_page"] == "1"


async def test_next_links_are_relative_and_followed(
    emu: Emulator, rm: ResourceManagementClient
) -> None:
    for n in range(5):
        await rm.users.create(first_name=f"U{n}", last_name="X")
    first = await rm.users.list(page_size=2, sort_field="first_name")
    assert isinstance(first.next_cursor, str)
    assert first.next_cursor.startswith("/rm/api/v1/users?")
    assert "sort_field=first_name" in first.next_cursor and "page=2" in first.next_cursor
    names = [u.first_name async for u in rm.users.list(page_size=2, sort_field="first_name")]
    assert names == ["U0", "U1", "U2", "U3", "U4"]
    pages = [len(p.items) async for p in rm.users.list(page_size=2).pages()]
    assert pages == [2, 2, 1]


def test_next_link_resolution_under_other_mounts() -> None:
    # The API's own links carry /api/v1; under a proxy mount they resolve below the base path.
    assert next_link("https://proxy.example/rm/api/v1", "/api/v1/users?page=2") == "/users?page=2"
    assert next_link("https://api.rm.smartsheet.com/api/v1", "/api/v1/users?page=2") == (
        "/api/v1/users?page=2"
    )
    assert next_link("http://127.0.0.1:1/rm/api/v1", "/rm/api/v1/users?page=3") == (
        "/rm/api/v1/users?page=3"
    )
    client = ResourceManagementClient("t", base_url="https://proxy.example/rm/api/v1")
    url = client._transport.url_for(next_link(client.base_url, "/api/v1/users?page=2&per_page=5"))
    assert url == "https://proxy.example/rm/api/v1/users?page=2&per_page=5"


async def test_truncated_nested_collection_is_expanded(
    emu: Emulator, rm: ResourceManagementClient
) -> None:
    user = await rm.users.create(first_name="Tag", last_name="Ged")
    for value in ("a", "b", "c"):
        await rm.user_tags.add(user.id, value)
    got = await rm.users.get(user.id, fields=["tags", "availabilities"], page_size=2)
    assert got.tags is not None and got.availabilities is not None
    assert [t.value for t in got.tags] == ["a", "b"]
    assert got.tags.truncated and not got.availabilities.truncated
    before = len(emu.rm.log)
    assert [t.value async for t in rm.expand(got.tags)] == ["a", "b", "c"]
    assert [e.path for e in emu.rm.log[before:]] == [f"/users/{user.id}/tags"]
    assert [t async for t in rm.expand(got.availabilities)] == []


async def test_a_next_link_to_another_host_is_refused(
    emu: Emulator, rm: ResourceManagementClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smartsuite._core.errors import PagingError
    from smartsuite._core.response import Response

    async def evil(method: str, path: str, **kwargs: object) -> Response:
        body = b'{"data":[{"id":1}],"paging":{"next":"https://evil.example/api/v1/users?page=2"}}'
        return Response(200, {}, body, method, path)

    monkeypatch.setattr(rm.users, "_request", evil)
    with pytest.raises(PagingError, match="another host"):
        await rm.users.list().to_list()
