"""One id rule for all three clients, over real HTTP: a bad id (``1.5``, ``True``, ``"12"``,
``-1``, ``"1/../2"``) is a ConfigurationError naming the argument and nothing is sent; an
integer by ``operator.index`` (numpy's, here a stand-in) passes; string ids only where the
API has them (share ids, AppSheet keys)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from smartsuite._core.config import RetryConfig
from smartsuite._core.errors import ConfigurationError
from smartsuite._core.ids import ident
from smartsuite.appsheet import AppSheetClient
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.smartsheet import SmartsheetClient
from tests.core.support import Answer, ScriptedServer
from tests.core.support import server as server  # the scripted-server fixture

ONCE = RetryConfig(max_attempts=1)
BAD_IDS = [1.5, 1.9, True, False, "12", -1, "1/../2", None, b"1", [1]]


class NumpyLikeInt:
    """Behaves like ``numpy.int64`` for the rule: an integer through ``__index__`` only."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value

    def __format__(self, spec: str) -> str:  # numpy ints format as their value
        return format(self.value, spec)


@pytest.fixture
async def ss(server: ScriptedServer) -> AsyncIterator[SmartsheetClient]:
    async with SmartsheetClient("tok-ids-0123456789", base_url=server.url, retry=ONCE) as c:
        yield c


@pytest.fixture
async def rm(server: ScriptedServer) -> AsyncIterator[ResourceManagementClient]:
    async with ResourceManagementClient(
        "tok-ids-0123456789", base_url=server.url + "/api/v1", retry=ONCE
    ) as c:
        yield c


@pytest.fixture
async def app(server: ScriptedServer) -> AsyncIterator[AppSheetClient]:
    async with AppSheetClient("app", "key-ids-0123456789", base_url=server.url, retry=ONCE) as c:
        yield c


@pytest.fixture
def clients(ss: SmartsheetClient, rm: ResourceManagementClient) -> dict[str, Any]:
    return {"ss": ss, "rm": rm}


Call = Callable[[Any, Any], Awaitable[Any]]

#: (client fixture, argument named in the error, call with the id under test)
DECLARED: list[tuple[str, str, Call]] = [
    ("ss", "sheet_id", lambda c, v: c.sheets.get(v)),
    ("ss", "row_id", lambda c, v: c.rows.get(1, v)),
    ("ss", "sheet_id", lambda c, v: c.rows.add(v, [{"A": 1}])),
    ("rm", "user_id", lambda c, v: c.users.get(v)),
    ("rm", "project_id", lambda c, v: c.projects.get(v)),
    ("rm", "subtask_id", lambda c, v: c.subtasks.get(1, 2, v)),
]

#: methods that are not declared operations, or ids that go in a body
HELPERS: list[tuple[str, str, Call]] = [
    ("ss", "sheet_id", lambda c, v: c.rows.sheet_shape(v)),
    ("ss", "row_ids", lambda c, v: c.rows.copy(1, [1, v], 2)),
    ("ss", "to_sheet_id", lambda c, v: c.rows.move(1, [1], v)),
    ("ss", "column id", lambda c, v: c.rows.sort(1, [(v, "asc")])),
    ("ss", "row_ids", lambda c, v: c.rows.send(1, [v], ["a@example.com"], "s", "m")),
    ("rm", "budget_item_id", lambda c, v: c.budget_items.get(v)),
]


@pytest.mark.parametrize("bad", BAD_IDS, ids=repr)
@pytest.mark.parametrize(("client", "argument", "call"), DECLARED + HELPERS)
async def test_a_bad_id_is_refused_before_anything_is_sent(
    clients: dict[str, Any],
    server: ScriptedServer,
    client: str,
    argument: str,
    call: Call,
    bad: object,
) -> None:
    target = clients[client]
    with pytest.raises(ConfigurationError) as info:
        await call(target, bad)
    assert argument in str(info.value)
    assert server.seen == []


@pytest.mark.parametrize(
    ("client", "call", "path"),
    [
        ("ss", lambda c, v: c.sheets.get(v), "/sheets/12"),
        ("ss", lambda c, v: c.rows.sheet_shape(v), "/sheets/12"),
        ("rm", lambda c, v: c.users.get(v), "/api/v1/users/12"),
        ("rm", lambda c, v: c.budget_items.get(v), "/api/v1/budget_items/12"),
    ],
)
async def test_an_index_integer_passes(
    clients: dict[str, Any], server: ScriptedServer, client: str, call: Call, path: str
) -> None:
    server.script(Answer(200, {"id": 12, "name": "x", "columns": [], "rows": []}))
    target = clients[client]
    await call(target, NumpyLikeInt(12))
    assert [s.path.removeprefix("/api") for s in server.seen] == [path]


async def test_ids_in_bodies_are_plain_integers(
    ss: SmartsheetClient, server: ScriptedServer
) -> None:
    server.script(Answer(200, {"destinationSheetId": 2, "rowMappings": []}))
    await ss.rows.copy(NumpyLikeInt(1), [NumpyLikeInt(5), 6], NumpyLikeInt(2))
    assert server.seen[0].path.removeprefix("/api") == "/sheets/1/rows/copy"
    assert server.seen[0].body == b'{"rowIds":[5,6],"to":{"sheetId":2}}'


@pytest.mark.parametrize("bad", [5, True, None, ""], ids=repr)
async def test_share_ids_are_strings(
    ss: SmartsheetClient, server: ScriptedServer, bad: object
) -> None:
    with pytest.raises(ConfigurationError, match="share_id"):
        await ss.shares.get("sheet", 1, bad)  # type: ignore[arg-type]
    assert server.seen == []
    server.script(Answer(200, {"id": "AQAISF82FOeE", "accessLevel": "VIEWER"}))
    await ss.shares.get("sheet", 1, "AQAISF82FOeE")
    assert server.seen[0].path.removeprefix("/api") == "/shares/AQAISF82FOeE"


@pytest.mark.parametrize("bad", [None, True, "", "  ", 1.5, [1], {"ID": 1}], ids=repr)
async def test_appsheet_keys_are_text_or_integers(
    app: AppSheetClient, server: ScriptedServer, bad: object
) -> None:
    people = app.table("People", key="ID")
    with pytest.raises(ConfigurationError, match="key"):
        await people.get(bad)
    assert server.seen == []


async def test_appsheet_text_and_integer_keys_are_sent(
    app: AppSheetClient, server: ScriptedServer
) -> None:
    people = app.table("People", key="ID")
    server.script(Answer(200, {"Rows": []}), Answer(200, {"Rows": []}))
    assert await people.get("k-1") is None
    assert await people.get(7) is None
    assert b'"ID":"k-1"' in server.seen[0].body
    assert b'"ID":' in server.seen[1].body and b"7" in server.seen[1].body


def test_the_rule_names_the_argument_and_the_value() -> None:
    with pytest.raises(ConfigurationError, match=r"sheet_id must be an integer id, got float 1\.5"):
        ident(1.5, "sheet_id")
    with pytest.raises(ConfigurationError, match="non-negative 64-bit"):
        ident(1 << 63, "sheet_id")
    assert ident(NumpyLikeInt(3), "sheet_id") == 3
