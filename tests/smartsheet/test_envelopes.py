"""The envelope helpers of SmartsheetResource over HTTP, against a test server that answers each
path with a canned body: one helper per envelope kind, the path read from ``@operation``,
``Result[T]`` decoded once."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from aiohttp import web

from smartsuite._core.errors import ConfigurationError, DecodeError
from smartsuite._core.paging import AsyncPaginator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet._converter import CONVERTER
from smartsuite.smartsheet._resource import SmartsheetResource, operation
from smartsuite.smartsheet.models.common import Result
from smartsuite.smartsheet.models.containers import Folder

from .emulator_helpers import FAST, QUICK_RETRY

#: What the server answers, by path; each request is logged as (method, path, query).
ANSWERS: dict[str, Any] = {
    "/folders/7/metadata": {"id": 7, "name": "F"},
    "/folders/7": {"message": "SUCCESS", "resultCode": 0, "result": {"id": 7, "name": "G"}},
    "/folders/8": {"message": "SUCCESS", "resultCode": 0, "result": [{"id": 8, "name": "H"}]},
    "/folders/9": {"message": "SUCCESS", "resultCode": 0, "data": {"id": 9}, "version": 3},
    "/folders/10": [{"id": 10}],
    "/folders/11": {"resultCode": 0, "result": {"id": "not an int"}},
    "/folders/12": {"message": "SUCCESS", "resultCode": 0},
    "/tags/a%2Fb": {"id": 1},
    "/index": {"pageNumber": 1, "totalPages": 1, "totalCount": 2, "data": [{"id": 1}, {"id": 2}]},
    "/tokens": {"data": [{"id": 1}, {"id": 2}]},
}


class Probe(SmartsheetResource):
    @operation("probe-object", "GET", "/folders/{folderId}/metadata")
    async def object(self, folder_id: int) -> Folder:
        return await self._object(folder_id, cast_to=Folder)

    @operation("probe-result", "PUT", "/folders/{folderId}")
    async def result(self, folder_id: int) -> Result[Folder]:
        return await self._result(folder_id, cast_to=Folder, json={"name": "x"})

    @operation("probe-bare", "PUT", "/folders/{folderId}")
    async def bare(self, folder_id: int) -> Result:
        return await self._result(folder_id)

    @operation("probe-list", "POST", "/folders/{folderId}")
    async def listed(self, folder_id: int) -> Result[list[Folder]]:
        return await self._result_list(folder_id, cast_to=Folder)

    @operation("probe-text", "GET", "/tags/{tagName}")
    async def text(self, name: str) -> Folder:
        return await self._object(name, cast_to=Folder)

    @operation("probe-index", "GET", "/index")
    def index(self) -> AsyncPaginator[Folder]:
        return self._index(cast_to=Folder, page_size=5)

    @operation("probe-tokens", "GET", "/tokens")
    def tokens(self, page_size: int | None = None) -> AsyncPaginator[Folder]:
        return self._token_pages(cast_to=Folder, page_size=page_size)

    async def undeclared(self) -> Folder:
        return await self._object(cast_to=Folder)

    async def explicit(self) -> Folder:
        return await self._object(7, cast_to=Folder, method="GET", path="/folders/{id}/metadata")

    @operation("probe-count", "GET", "/folders/{folderId}/metadata")
    async def miscounted(self) -> Folder:
        return await self._object(cast_to=Folder)


@pytest_asyncio.fixture
async def server() -> AsyncIterator[tuple[str, list[tuple[str, str, dict[str, str]]]]]:
    log: list[tuple[str, str, dict[str, str]]] = []

    async def handle(request: web.Request) -> web.Response:
        path = request.raw_path.split("?", 1)[0].removeprefix("/2.0")
        log.append((request.method, path, dict(request.query)))
        if path not in ANSWERS:
            return web.json_response({"errorCode": 1006, "message": "Not Found"}, status=404)
        return web.Response(text=json.dumps(ANSWERS[path]), content_type="application/json")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}/2.0", log
    finally:
        await runner.cleanup()


@pytest_asyncio.fixture
async def probe(server: tuple[str, Any]) -> AsyncIterator[Probe]:
    url, _ = server
    async with SmartsheetClient("t" * 26, base_url=url, rate_limit=FAST, retry=QUICK_RETRY) as ss:
        yield Probe(ss)


async def test_object_reads_method_and_path_from_the_declaration(
    probe: Probe, server: tuple[str, list[Any]]
) -> None:
    folder = await probe.object(7)
    assert isinstance(folder, Folder) and folder.name == "F"
    assert server[1][-1][:2] == ("GET", "/folders/7/metadata")
    assert (await probe.explicit()).id == 7


async def test_result_is_decoded_once_into_its_payload_type(
    probe: Probe, server: tuple[str, list[Any]]
) -> None:
    result = await probe.result(7)
    assert server[1][-1][:2] == ("PUT", "/folders/7")
    assert result.message == "SUCCESS" and result.result_code == 0
    assert isinstance(result.result, Folder) and result.result.name == "G"
    assert result.result.is_decoded and not result.result.assigned_fields()
    # A one-item list where one object is documented is unwrapped.
    assert (await probe.result(8)).result.id == 8
    # The payload under ``data`` (alternate emails, user updates) is read the same.
    nine = await probe.result(9)
    assert nine.result.id == 9 and nine.version == 3 and not nine.extra


async def test_bare_result_keeps_the_payload_as_sent(probe: Probe) -> None:
    assert (await probe.bare(7)).result == {"id": 7, "name": "G"}
    assert (await probe.bare(9)).result == {"id": 9}


async def test_result_list_makes_one_object_a_list(probe: Probe) -> None:
    one = await probe.listed(7)
    assert [f.name for f in one.result] == ["G"]
    assert [f.id for f in (await probe.listed(8)).result] == [8]


async def test_bad_envelopes_are_decode_errors(probe: Probe) -> None:
    with pytest.raises(DecodeError, match="expected a Result object from PUT /folders/10"):
        await probe.result(10)
    with pytest.raises(DecodeError, match="Folder"):
        await probe.result(11)
    # A payload the operation documents must be there (a bare Result does without one).
    with pytest.raises(DecodeError, match="expected a result in the answer to PUT /folders/12"):
        await probe.result(12)
    assert (await probe.bare(12)).result is None
    assert (await probe.listed(12)).result == []


async def test_path_values_are_checked_and_text_is_quoted(
    probe: Probe, server: tuple[str, list[Any]]
) -> None:
    await probe.text("a/b")
    assert server[1][-1][1] == "/tags/a%2Fb"
    with pytest.raises(ConfigurationError, match="tag_name must be a non-empty string id"):
        await probe.text("")
    with pytest.raises(ConfigurationError, match="folder_id must be an integer id"):
        await probe.object(True)
    with pytest.raises(TypeError, match="outside a declared operation"):
        await probe.undeclared()
    with pytest.raises(TypeError, match="takes 1 path values, got 0"):
        await probe.miscounted()


async def test_index_and_token_pages(probe: Probe, server: tuple[str, list[Any]]) -> None:
    assert [f.id async for f in probe.index()] == [1, 2]
    assert server[1][-1] == ("GET", "/index", {"page": "1", "pageSize": "5"})
    assert [f.id async for f in probe.tokens(page_size=2)] == [1, 2]
    assert server[1][-1] == ("GET", "/tokens", {"maxItems": "2"})
    with pytest.raises(ConfigurationError, match="page_size must be a positive integer"):
        probe.tokens(page_size=0)


def test_result_decodes_without_a_request() -> None:
    body = {"message": "SUCCESS", "resultCode": 3, "result": {"id": 1}, "failedItems": []}
    typed = CONVERTER.structure(body, Result[Folder])
    assert isinstance(typed.result, Folder) and typed.result_code == 3
    assert typed.failed_items == []
    assert CONVERTER.structure(body, Result).result == {"id": 1}
    assert Result(message="SUCCESS", result_code=0).result is not None  # UNSET, not None


async def test_max_items_is_the_deprecated_name_of_page_size(
    probe: Probe, server: tuple[str, list[Any]]
) -> None:
    ss = probe._client
    assert isinstance(ss, SmartsheetClient)
    ANSWERS["/workspaces"] = {"data": [{"id": 1}]}
    ANSWERS["/sights"] = {"data": [{"id": 2}]}
    ANSWERS["/folders/5/children"] = ANSWERS["/workspaces/5/children"] = {"data": []}
    ANSWERS["/reports/6/scope"] = ANSWERS["/reports/6/columns"] = {"data": []}
    ANSWERS["/users/7/plans"] = {"data": []}
    ANSWERS["/shares"] = {"items": []}
    calls = [
        lambda **kw: ss.workspaces.list(**kw),
        lambda **kw: ss.dashboards.list(**kw),
        lambda **kw: ss.folders.children(5, **kw),
        lambda **kw: ss.workspaces.children(5, **kw),
        lambda **kw: ss.reports.list_scope(6, **kw),
        lambda **kw: ss.reports.list_columns(6, **kw),
        lambda **kw: ss.users.list_plans(7, **kw),
        lambda **kw: ss.shares.list("sheet", 8, **kw),
    ]
    for call in calls:
        await call(page_size=3)
        assert server[1][-1][2]["maxItems"] == "3"
        with pytest.warns(DeprecationWarning, match="max_items= is deprecated.*use page_size="):
            await call(max_items=4)
        assert server[1][-1][2]["maxItems"] == "4"
        with (
            pytest.warns(DeprecationWarning),
            pytest.raises(ConfigurationError, match="not both"),
        ):
            call(page_size=3, max_items=4)
