"""Every account operation (users, alternate emails, groups, workspaces, folders, Home,
favorites, contacts, server info, events, search) is tagged on one method, and its walk call
reaches the emulator with that method and a matching path."""

from __future__ import annotations

import inspect
import re

from smartsuite._core.errors import APIError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import api_2026
from smartsuite.smartsheet.resources import (
    contacts,
    events,
    favorites,
    folders,
    groups,
    home,
    search,
    server_info,
    users,
    workspaces,
)

from .account_helpers import emu, ss  # noqa: F401 (fixtures)
from .calls_2026 import CALLS as CALLS_2026
from .calls_account import CALLS as CALLS_ACCOUNT

CLASSES = (
    users.Users,
    groups.Groups,
    workspaces.Workspaces,
    folders.Folders,
    home.HomeResource,
    favorites.Favorites,
    contacts.Contacts,
    server_info.ServerInfoResource,
    events.Events,
    search.Search,
)


def tagged() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for cls in CLASSES:
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            tag = getattr(fn, "__smartsheet_operation__", None)
            if tag and name in cls.__dict__:
                assert tag[0] not in found, f"{tag[0]} tagged twice"
                found[tag[0]] = (tag[1], tag[2])
    return found


def _calls() -> dict[str, object]:
    ours = tagged()
    return {**CALLS_ACCOUNT, **{k: v for k, v in CALLS_2026.items() if k in ours}}


CALLS = _calls()


def test_tags_match_the_operation_table() -> None:
    table = {op: (o.method, o.path) for op, o in api_2026.current().items()}
    ours = tagged()
    assert len(ours) == 51
    assert set(ours) == set(CALLS)
    for op, (method, path) in ours.items():
        assert table[op] == (method, path), op


async def test_each_call_reaches_its_route(emu: Emulator, ss: object) -> None:  # noqa: F811
    ours = tagged()
    for op, call in CALLS.items():
        before = len(emu.smartsheet.log)
        try:
            await call(ss)  # type: ignore[operator]
        except APIError as exc:
            # dummy ids: an error answer still proves the route, if a handler gave it
            assert exc.code is not None, (op, exc)
        method, template = ours[op]
        pattern = "^" + re.sub(r"\{\w+\}", r"[^/]+", template) + "$"
        hits = [e for e in emu.smartsheet.log[before:] if re.match(pattern, e.path)]
        assert hits and hits[0].method == method, op
        assert hits[0].status in (200, 400, 403, 404), (op, hits[0].status)
