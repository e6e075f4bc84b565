"""Every account operation (users, alternate emails, groups, workspaces and their shares,
folders, Home, favorites, templates, contacts, server info, events, search) is tagged on one
method, and its walk call reaches the emulator with that method and a matching path."""

from __future__ import annotations

import csv
import inspect
import re
from pathlib import Path

from smartsuite._core.errors import APIError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet.resources import (
    contacts,
    events,
    favorites,
    folders,
    groups,
    home,
    search,
    server_info,
    sharing_workspaces,
    templates,
    users,
    workspaces,
)

from .account_helpers import emu, ss  # noqa: F401 (fixtures)
from .calls_account import CALLS

CLASSES = (
    users.Users,
    groups.Groups,
    workspaces.Workspaces,
    sharing_workspaces.WorkspaceSharing,
    folders.Folders,
    home.HomeResource,
    favorites.Favorites,
    templates.Templates,
    contacts.Contacts,
    server_info.ServerInfoResource,
    events.Events,
    search.Search,
)
TSV = Path(__file__).with_name("operations.tsv")


def tagged() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for cls in CLASSES:
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            tag = getattr(fn, "__smartsheet_operation__", None)
            if tag and name in cls.__dict__:
                assert tag[0] not in found, f"{tag[0]} tagged twice"
                found[tag[0]] = (tag[1], tag[2])
    return found


def test_tags_match_the_operation_table() -> None:
    with TSV.open() as handle:
        table = {r[0]: (r[1], r[2]) for r in csv.reader(handle, delimiter="\t") if r}
    ours = tagged()
    assert len(ours) == 57
    assert set(ours) == set(CALLS)
    for op, (method, path) in ours.items():
        assert table[op] == (method, path), op


async def test_each_call_reaches_its_route(emu: Emulator, ss: object) -> None:  # noqa: F811
    ours = tagged()
    for op, call in CALLS.items():
        before = len(emu.smartsheet.log)
        try:
            await call(ss)  # type: ignore[arg-type]
        except APIError as exc:
            # dummy ids: an error answer still proves the route, if a handler gave it
            assert exc.code is not None, (op, exc)
        method, template = ours[op]
        pattern = "^" + re.sub(r"\{\w+\}", r"[^/]+", template) + "$"
        hits = [e for e in emu.smartsheet.log[before:] if re.match(pattern, e.path)]
        assert hits and hits[0].method == method, op
        assert hits[0].status in (200, 400, 403, 404), (op, hits[0].status)
