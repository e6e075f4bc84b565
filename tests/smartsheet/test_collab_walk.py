"""Every collaboration operation (attachments, discussions, comments, automation rules,
proofs, update requests) is tagged on one method, and its walk call reaches the emulator with
the tagged method and a path matching the template."""

from __future__ import annotations

import contextlib
import inspect
import re

from smartsuite._core.errors import APIError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import api_2026
from smartsuite.smartsheet.resources.attachments import Attachments
from smartsuite.smartsheet.resources.automation_rules import AutomationRules
from smartsuite.smartsheet.resources.comments import Comments
from smartsuite.smartsheet.resources.discussions import Discussions
from smartsuite.smartsheet.resources.proofs import Proofs
from smartsuite.smartsheet.resources.update_requests import UpdateRequests

from .calls_collab import CALLS
from .collab_helpers import fast_client

CLASSES = (Attachments, Discussions, Comments, AutomationRules, Proofs, UpdateRequests)


def tagged() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for cls in CLASSES:
        for _, fn in inspect.getmembers(cls, inspect.isfunction):
            tag = getattr(fn, "__smartsheet_operation__", None)
            if tag:
                assert tag[0] not in found, f"{tag[0]} tagged twice"
                found[tag[0]] = (tag[1], tag[2])
    return found


def test_tags_match_the_operation_table() -> None:
    table = {op: (o.method, o.path) for op, o in api_2026.current().items()}
    ours = tagged()
    assert len(ours) == 48
    assert set(ours) == set(CALLS)
    for op, (method, path) in ours.items():
        assert table[op] == (method, path), op


async def test_each_call_reaches_its_route() -> None:
    ours = tagged()
    async with Emulator() as emu, fast_client(emu) as ss:
        for op, call in CALLS.items():
            before = len(emu.smartsheet.log)
            with contextlib.suppress(APIError):  # dummy ids: a 404 still proves the route
                await call(ss)
            method, template = ours[op]
            pattern = "^" + re.sub(r"\{\w+\}", r"[^/]+", template) + "$"
            hits = [e for e in emu.smartsheet.log[before:] if re.match(pattern, e.path)]
            assert hits and hits[0].method == method, op
            # a real route answered: not aiohttp's own 404/405 for an unknown path
            assert hits[0].status != 405, op
