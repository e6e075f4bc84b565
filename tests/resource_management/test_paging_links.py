"""A hostile server's ``paging.next`` links: every bad link ends a walk with the same typed
error, ``PagingLinkError``, whether it comes from a listing or from a nested ``fields=``
collection, and nothing is sent to it. Also: ``per_page=`` on every RM method that pages."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from typing import Any

import pytest

from smartsuite import (
    ConfigurationError,
    DecodeError,
    InsecureDowngradeError,
    PagingError,
    RetryConfig,
)
from smartsuite._core.errors import InsecurePagingLinkError
from smartsuite.resource_management import PagingLinkError, ResourceManagementClient
from smartsuite.resource_management._links import follow_link
from smartsuite.resource_management._resource import RMResource
from tests.core.support import Answer, ScriptedServer
from tests.core.support import server as server  # the scripted-server fixture

TOKEN = "tok-rm-links-secret-42"

BAD_LINKS: list[tuple[str, Any, str]] = [
    ("other-host", "https://evil.example.com/api/v1/users?page=2", "another host"),
    ("scheme-relative", "//evil.example.com/api/v1/users?page=2", "another host"),
    ("other-port", "http://127.0.0.1:1/api/v1/users?page=2", "another host"),
    ("userinfo", "https://user@evil.example.com/api/v1/users?page=2", "another host"),
    ("ftp", "ftp://127.0.0.1/api/v1/users?page=2", "not an http link"),
    ("javascript", "javascript:alert(1)", "not an http link"),
    ("space", "/api/v1/users?page=2 HTTP/1.1", "spaces or control characters"),
    ("newline", "/api/v1/users?page=2\r\nX-Injected: 1", "spaces or control characters"),
    ("too-long", "/api/v1/users?page=2&q=" + "a" * 5000, "longer than 2048"),
    ("bad-ipv6", "http://[::1/api/v1/users", "not a valid URL"),
    ("echoed-secret", f"https://evil.example.com/?auth={TOKEN}", "another host"),
]
IDS = [name for name, _, _ in BAD_LINKS]


@pytest.fixture
async def rm(server: ScriptedServer) -> AsyncIterator[ResourceManagementClient]:
    async with ResourceManagementClient(
        TOKEN, base_url=server.url + "/api/v1", retry=RetryConfig(max_attempts=1)
    ) as client:
        yield client


def _check(error: PagingLinkError, reason: str) -> None:
    assert isinstance(error, PagingError)
    assert reason in error.reason and reason in str(error)
    assert TOKEN not in str(error) and TOKEN not in repr(error) and TOKEN not in error.link
    assert len(error.link) <= 123


@pytest.mark.parametrize(("link", "reason"), [(b[1], b[2]) for b in BAD_LINKS], ids=IDS)
async def test_a_bad_link_in_a_listing(
    rm: ResourceManagementClient, server: ScriptedServer, link: Any, reason: str
) -> None:
    server.script(Answer(200, {"data": [{"id": 1}], "paging": {"page": 1, "next": link}}))
    with pytest.raises(PagingLinkError) as info:
        await rm.users.list().to_list()
    _check(info.value, reason)
    assert len(server.seen) == 1  # the first page only: nothing went to the link


@pytest.mark.parametrize(("link", "reason"), [(b[1], b[2]) for b in BAD_LINKS], ids=IDS)
async def test_the_same_bad_link_in_a_nested_collection(
    rm: ResourceManagementClient, server: ScriptedServer, link: Any, reason: str
) -> None:
    tags = {"data": [{"id": 7, "value": "a"}], "paging": {"page": 1, "next": link}}
    server.script(Answer(200, {"id": 1, "first_name": "N", "tags": tags}))
    user = await rm.users.get(1, fields=["tags"])
    assert user.tags is not None and [t.value for t in user.tags] == ["a"]
    with pytest.raises(PagingLinkError) as info:
        await rm.expand(user.tags).to_list()
    _check(info.value, reason)
    assert len(server.seen) == 1


async def test_a_good_link_in_a_nested_collection_is_followed(
    rm: ResourceManagementClient, server: ScriptedServer
) -> None:
    tags = {"data": [{"id": 7, "value": "a"}], "paging": {"next": "/api/v1/users/1/tags?page=2"}}
    server.script(
        Answer(200, {"id": 1, "tags": tags}),
        Answer(200, {"data": [{"id": 8, "value": "b"}], "paging": {"next": None}}),
    )
    user = await rm.users.get(1, fields=["tags"])
    assert user.tags is not None
    assert [t.value async for t in rm.expand(user.tags)] == ["a", "b"]
    assert server.seen[-1].path == "/api/api/v1/users/1/tags" and server.seen[-1].query == {
        "page": "2"
    }


@pytest.mark.parametrize("link", [2, {"href": "/api/v1/users?page=2"}, ["/api/v1/users"]])
async def test_a_next_that_is_not_a_string_is_a_malformed_body(
    rm: ResourceManagementClient, server: ScriptedServer, link: Any
) -> None:
    # Like any field of the wrong type: a DecodeError for a page, a decode issue in a model.
    page = {"data": [{"id": 1}], "paging": {"next": link}}
    server.script(Answer(200, page), Answer(200, {"id": 1, "tags": page}))
    with pytest.raises(DecodeError, match="Paging"):
        await rm.users.list().to_list()
    user = await rm.users.get(1, fields=["tags"])  # kept as sent, listed as an issue
    assert [i.field for i in user.decode_issues] == ["tags"]
    with pytest.raises(ConfigurationError, match="decode_issues"):
        rm.expand(user.tags)  # type: ignore[arg-type]
    assert len(server.seen) == 2
    with pytest.raises(PagingLinkError, match="not a link"):
        follow_link(rm._transport, link)


def test_a_link_from_https_to_http_is_both_a_link_and_a_downgrade_error() -> None:
    client = ResourceManagementClient(TOKEN, base_url="https://rm.example.com/api/v1")
    assert follow_link(client._transport, "/api/v1/users?page=2") == "/api/v1/users?page=2"
    with pytest.raises(InsecurePagingLinkError, match="plain http") as info:
        follow_link(client._transport, "http://rm.example.com/api/v1/users?page=2")
    assert isinstance(info.value, PagingLinkError) and isinstance(
        info.value, InsecureDowngradeError
    )


# -- page_size= everywhere, per_page= for one release --------------------------------------------


def _paging_methods() -> list[tuple[str, Any]]:
    from tests.resource_management.test_operations import _resource_classes

    found = []
    for cls in _resource_classes().values():
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            if not name.startswith("_") and "page_size" in inspect.signature(fn).parameters:
                found.append((f"{cls.__name__}.{name}", cls, name))
    return sorted(found, key=lambda f: f[0])


def test_every_method_with_a_page_size_also_takes_per_page_for_one_release() -> None:
    methods = _paging_methods()
    assert len(methods) >= 38
    for label, cls, name in methods:
        params = inspect.signature(getattr(cls, name)).parameters
        assert params["per_page"].kind is inspect.Parameter.KEYWORD_ONLY, label
        assert params["page_size"].kind is inspect.Parameter.KEYWORD_ONLY, label
    from tests.resource_management.test_operations import _resource_classes

    listings = {
        f"{cls.__name__}.{name}"
        for cls in _resource_classes().values()
        for name, fn in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
        and "AsyncPaginator" in str(inspect.signature(fn).return_annotation)
    }
    assert listings <= {label for label, _, _ in methods}  # every listing has a page_size


def _arguments(fn: Any) -> list[Any]:
    values = {"item_type": "TimeFees"}
    return [
        values.get(p.name, 1)
        for p in inspect.signature(fn).parameters.values()
        if p.kind is p.POSITIONAL_OR_KEYWORD and p.default is p.empty
    ]


@pytest.mark.parametrize(("label", "cls", "name"), _paging_methods(), ids=lambda v: str(v))
async def test_per_page_warns_and_goes_on_the_wire_as_per_page(
    rm: ResourceManagementClient, server: ScriptedServer, label: str, cls: type, name: str
) -> None:
    namespace = next(
        getattr(rm, attr)
        for attr in dir(type(rm))
        if not attr.startswith("_") and isinstance(getattr(rm, attr), cls)
    )
    method = getattr(namespace, name)
    args = _arguments(method)
    answer = Answer(200, {"id": 1, "data": [], "paging": {}})  # an object and an empty page
    server.script(answer, answer)
    with pytest.warns(DeprecationWarning, match="per_page= is deprecated") as rec:
        await method(*args, per_page=7)  # a paginator awaited gives its first page
    assert rec[0].filename == __file__, label
    await method(*args, page_size=7)
    assert [s.query["per_page"] for s in server.seen] == ["7", "7"], label
    with pytest.warns(DeprecationWarning), pytest.raises(ConfigurationError, match="not both"):
        await method(*args, page_size=5, per_page=7)


def test_rm_resource_helpers_are_one_per_envelope_kind() -> None:
    helpers = {n for n in vars(RMResource) if n.startswith("_") and not n.startswith("__")}
    assert {"_object", "_objects", "_pages", "_no_content"} <= helpers
    assert not helpers & {"_get", "_write", "_write_many", "_delete", "_paginate", "_follow"}
