"""Each injected fault gives exactly its documented wire form, and applies the write or not as
its docstring in ``smartsuite/emulator/faults.py`` says, seen over raw HTTP.

The JSON error forms are each service's own (seed 000 "Error Codes" for Smartsheet, seed 002
"Error Handling" for RM, seed 003 status codes for AppSheet); the HTML and empty 502/503/504
answers are a gateway's (see the comment on ``Fault``).
"""

from __future__ import annotations

import time
from typing import Any

import aiohttp
import pytest

from smartsuite.emulator import Fault, FaultConfig

from .conftest import Raw, Reply

HTML, JSON, EMPTY = "text/html", "application/json", "empty"
DROPPED = 0

#: fault -> (status, body form, Smartsheet errorCode or None, applied)
SMARTSHEET: dict[Fault, tuple[int, str, int | None, bool]] = {
    Fault.RATE_LIMIT: (429, JSON, 4003, False),
    Fault.SERVER_ERROR: (500, JSON, 4000, False),
    Fault.UNAVAILABLE: (503, HTML, None, False),
    Fault.BAD_GATEWAY: (502, HTML, None, False),
    Fault.ERROR_4004: (500, JSON, 4004, False),
    Fault.MAINTENANCE: (503, JSON, 4001, False),
    Fault.DROP_BEFORE: (DROPPED, "", None, False),
    Fault.DROP_AFTER: (DROPPED, "", None, True),
    Fault.TRUNCATED: (200, "truncated", None, True),
    Fault.HTML: (200, HTML, None, True),
    Fault.EMPTY: (200, EMPTY, None, True),
    Fault.SPIKE: (200, JSON, None, True),
    Fault.APPLIED_500: (500, JSON, 4000, True),
    Fault.APPLIED_502: (502, HTML, None, True),
    Fault.APPLIED_503: (503, HTML, None, True),
    Fault.APPLIED_504: (504, EMPTY, None, True),
    Fault.APPLIED_4002: (500, JSON, 4002, True),
    Fault.APPLIED_4004: (500, JSON, 4004, True),
    Fault.APPLIED_4001: (503, JSON, 4001, True),
    Fault.APPLIED_BUSY: (500, JSON, 4004, True),
    Fault.APPLIED_429: (429, JSON, 4003, True),
}


def test_every_fault_has_a_contract() -> None:
    assert set(SMARTSHEET) == set(Fault)
    for fault, (_, _, code, applied) in SMARTSHEET.items():
        assert fault.applies_request is applied, fault
        # Applied, yet answered as Smartsheet documents "not applied" (4001, busy 4004, 429).
        says_not_applied = code in (4001, 4003) or fault is Fault.APPLIED_BUSY
        assert fault.breaks_contract is (applied and says_not_applied), fault


async def send(raw: Raw, method: str, url: str, **kwargs: Any) -> Reply:
    try:
        return await raw.call(method, url, **kwargs)
    except aiohttp.ClientError:  # reset connection: no answer at all
        return Reply(DROPPED, "", {}, b"")


def check_form(reply: Reply, form: str, status: int) -> Any:
    """Assert the body form; the parsed JSON body when it is JSON."""
    assert reply.status == status, (reply.status, reply.raw[:200])
    if form == HTML:
        assert reply.content_type == HTML and reply.raw.startswith(b"<!DOCTYPE html>")
    elif form == EMPTY:
        assert reply.raw == b""
    elif form == "truncated":
        assert reply.content_type == JSON and reply.raw.startswith(b"{")
        with pytest.raises(ValueError):
            reply.json()
    elif form == JSON:
        return reply.json()
    return None


@pytest.mark.parametrize("fault", list(SMARTSHEET), ids=lambda f: f.value)
async def test_smartsheet_fault_forms_on_a_row_write(raw: Raw, fault: Fault) -> None:
    status, form, code, applied = SMARTSHEET[fault]
    created = await raw.ss(
        "POST", "/sheets", json={"name": "F", "columns": [{"title": "A", "primary": True}]}
    )
    sheet = created.json()["result"]
    cells = [{"columnId": sheet["columns"][0]["id"], "value": "x"}]
    faults = raw.emu.smartsheet.faults
    faults.spike_seconds = 0.2
    faults.script(fault, method="POST", path_contains="/rows")
    url = f"{raw.emu.smartsheet_url}/sheets/{sheet['id']}/rows"
    started = time.monotonic()
    reply = await send(raw, "POST", url, json=[{"cells": cells}], headers=raw.ss_auth)
    elapsed = time.monotonic() - started
    body = check_form(reply, form, status)
    if code is not None:
        assert body["errorCode"] == code and body["message"] and body["refId"]
    elif form == JSON:
        assert body["message"] == "SUCCESS" and len(body["result"]) == 1
    if fault is Fault.SPIKE:
        assert elapsed >= 0.2
    if fault is Fault.APPLIED_BUSY:
        assert "being updated by another request" in body["message"]
    if status == 429:
        assert float(reply.headers["Retry-After"]) > 0
    after = (await raw.ss("GET", f"/sheets/{sheet['id']}")).json()
    assert len(after["rows"]) == (1 if applied else 0)
    [logged] = [e for e in raw.emu.smartsheet.log if e.path.endswith("/rows")]
    assert logged.fault is fault


#: RM answers its own ``{"message"}`` JSON where Smartsheet has an Error object.
RM_JSON = {f for f, (_, form, _, _) in SMARTSHEET.items() if form == JSON and f is not Fault.SPIKE}


@pytest.mark.parametrize("fault", list(SMARTSHEET), ids=lambda f: f.value)
async def test_rm_fault_forms_on_a_create(raw: Raw, fault: Fault) -> None:
    status, form, _, applied = SMARTSHEET[fault]
    raw.emu.rm.faults.spike_seconds = 0.05
    raw.emu.rm.faults.script(fault, method="POST")
    url = raw.emu.rm_url + "/users"
    reply = await send(
        raw, "POST", url, json={"first_name": "A", "last_name": "B"}, headers=raw.rm_auth
    )
    body = check_form(reply, form, status)
    if fault in RM_JSON:
        assert set(body) == {"message"} and body["message"]
    elif form == JSON:
        assert body["first_name"] == "A"
    if status == 429:
        assert reply.headers["X-RateLimit-Remaining"] == "0"
        assert int(reply.headers["X-RateLimit-Reset"]) >= int(time.time())
    users = (await raw.rm("GET", "/users")).json()["data"]
    assert len(users) == (1 if applied else 0)


@pytest.mark.parametrize("fault", list(SMARTSHEET), ids=lambda f: f.value)
async def test_appsheet_fault_forms_on_an_add(raw: Raw, fault: Fault) -> None:
    status, form, _, applied = SMARTSHEET[fault]
    raw.emu.appsheet.faults.spike_seconds = 0.05
    raw.emu.appsheet.faults.script(fault)
    reply = await send(
        raw,
        "POST",
        raw.action_url(),
        json={"Action": "Add", "Rows": [{"ID": "k"}]},
        headers=raw.as_auth,
    )
    body = check_form(reply, form, status)
    if fault in RM_JSON:
        assert body["status"] == status and body["detail"]
        assert body["title"] not in ("", "Error")
    elif form == JSON:
        assert body["Rows"][0]["ID"] == "k"
    found = (await raw.action({"Action": "Find"})).json()
    assert len(found) == (1 if applied else 0)


async def test_a_scripted_fault_skips_then_counts(raw: Raw) -> None:
    faults = raw.emu.rm.faults
    faults.script(Fault.SERVER_ERROR, times=2, after=1, method="GET")
    statuses = [(await raw.rm("GET", "/users")).status for _ in range(4)]
    assert statuses == [200, 500, 500, 200]
    assert (
        await raw.rm("POST", "/users", json={"first_name": "A", "last_name": "B"})
    ).status == 200


async def test_a_seeded_mix_is_repeatable(raw: Raw) -> None:
    async def run() -> list[int]:
        raw.emu.rm.faults = FaultConfig(seed=7, mix={Fault.SERVER_ERROR: 0.5})
        return [(await raw.rm("GET", "/users")).status for _ in range(12)]

    first, second = await run(), await run()
    assert first == second and {200, 500} == set(first)


async def test_latency_delays_every_answer(raw: Raw) -> None:
    raw.emu.appsheet.faults.latency = 0.1
    started = time.monotonic()
    reply = await raw.action({"Action": "Find"})
    assert reply.status == 200 and time.monotonic() - started >= 0.1


async def test_writes_only_mix_spares_reads(raw: Raw) -> None:
    raw.emu.rm.faults = FaultConfig(mix={Fault.SERVER_ERROR: 1.0}, writes_only=True)
    assert [(await raw.rm("GET", "/users")).status for _ in range(3)] == [200, 200, 200]
    write = await raw.rm("POST", "/users", json={"first_name": "A", "last_name": "B"})
    assert write.status == 500
    raw.emu.rm.faults.clear()
    assert (
        await raw.rm("POST", "/users", json={"first_name": "A", "last_name": "B"})
    ).status == 200
