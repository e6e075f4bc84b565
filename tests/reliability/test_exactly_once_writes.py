"""Exactly once, whatever the answer: the retry rule belongs to the operation.

Over real HTTP against the emulator with each client's shipped default RetryConfig (only the
backoff shortened): a write the server applied and then answered 500/502/503/504 (HTML, empty
or a vendor code) is never sent twice. Seeded trials, 100+ per client.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import random
from collections.abc import AsyncIterator

import attrs
import pytest
import pytest_asyncio

import smartsuite
from smartsuite._core.bulk import Outcome
from smartsuite._core.errors import OutcomeUnknownError, ServerError
from smartsuite._core.operations import OperationSpec, default_idempotent, spec_of
from smartsuite.appsheet import DEFAULT_RETRY as APPSHEET_RETRY
from smartsuite.appsheet import AppSheetClient
from smartsuite.appsheet.tables import IDEMPOTENT_ACTIONS
from smartsuite.emulator import Emulator, Fault
from smartsuite.emulator.faults import APPLIED_THEN_5XX
from smartsuite.etl import RecordStatus
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.resource_management.client import DEFAULT_RETRY as RM_RETRY
from smartsuite.smartsheet import Cell, Column, Row, SmartsheetClient
from smartsuite.smartsheet.client import DEFAULT_RETRY as SS_RETRY
from smartsuite.testing import EMULATOR_RATE_LIMIT

TRIALS = 100


def shipped(retry: smartsuite.RetryConfig) -> smartsuite.RetryConfig:
    """The client's default retry settings, only the backoff shortened."""
    return attrs.evolve(retry, backoff_base=0.001, backoff_max=0.002)


@pytest_asyncio.fixture
async def ss(smartsuite_emulator: Emulator) -> AsyncIterator[SmartsheetClient]:
    emu = smartsuite_emulator
    async with SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        retry=shipped(SS_RETRY),
        rate_limit=EMULATOR_RATE_LIMIT,
    ) as client:
        yield client


@pytest_asyncio.fixture
async def rm(smartsuite_emulator: Emulator) -> AsyncIterator[ResourceManagementClient]:
    emu = smartsuite_emulator
    async with ResourceManagementClient(
        emu.rm_token, base_url=emu.rm_url, retry=shipped(RM_RETRY), rate_limit=EMULATOR_RATE_LIMIT
    ) as client:
        yield client


@pytest_asyncio.fixture
async def app(smartsuite_emulator: Emulator) -> AsyncIterator[AppSheetClient]:
    emu = smartsuite_emulator
    async with AppSheetClient(
        emu.appsheet_app_id,
        emu.appsheet_access_key,
        base_url=emu.appsheet_url,
        retry=shipped(APPSHEET_RETRY),
        rate_limit=EMULATOR_RATE_LIMIT,
    ) as client:
        yield client


async def key_sheet(ss: SmartsheetClient) -> int:
    sheet = await ss.sheets.create("Trials", [Column(title="K", type="TEXT_NUMBER", primary=True)])
    assert sheet.id is not None
    return sheet.id


def sheet_keys(emu: Emulator, sheet_id: int) -> list[str]:
    sheet = emu.smartsheet.state.sheets[sheet_id]
    column = sheet.columns[0]["id"]
    return [c.get("value") for r in sheet.rows for c in r["cells"] if c["columnId"] == column]


# -- the declarations -------------------------------------------------------------------------

#: Every declared operation whose retry safety differs from its HTTP method's default
#: (GET/PUT/DELETE safe, POST/PATCH not). Reviewed by hand: a change here is a decision.
EXPECTED_OVERRIDES = {
    # reads sent as POST
    ("resource_management", "POST", "/api/v1/reports/rows"),
    ("resource_management", "POST", "/api/v1/reports/totals"),
    ("smartsheet", "POST", "/imageurls"),
    # writes that set a state: sending twice leaves the state of sending once
    ("resource_management", "POST", "/api/v1/projects/{project_id}/custom_field_values"),
    ("resource_management", "POST", "/api/v1/users/{user_id}/custom_field_values"),
    ("resource_management", "POST", "/api/v1/projects/{project_id}/tags"),  # find-or-create
    ("resource_management", "POST", "/api/v1/users/{user_id}/tags"),
    ("smartsheet", "POST", "/sheets/{sheetId}/sort"),
    ("smartsheet", "POST", "/users/{userId}/deactivate"),
    ("smartsheet", "POST", "/users/{userId}/reactivate"),
    ("smartsheet", "POST", "/users/{userId}/alternateemails/{alternateEmailId}/makeprimary"),
    ("smartsheet", "POST", "/favorites"),
    ("smartsheet", "POST", "/groups/{groupId}/members"),  # members are a set
    ("smartsheet", "POST", "/users/{userId}/profileimage"),
    # the 2026 API: a share's access level, a report's scope (a set of sheets) and a user's
    # plan seat are states; sending them twice leaves the state of sending once
    ("smartsheet", "PATCH", "/shares/{shareId}"),
    ("smartsheet", "POST", "/reports/{reportId}/scope"),
    ("smartsheet", "POST", "/users/{userId}/plans/{planId}/upgrade"),
    ("smartsheet", "POST", "/users/{userId}/plans/{planId}/downgrade"),
}


def declared_operations() -> list[OperationSpec]:
    specs: dict[tuple[str, str, str, str], OperationSpec] = {}
    for info in pkgutil.walk_packages(smartsuite.__path__, "smartsuite."):
        if ".emulator" in info.name or ".cli" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__ == module.__name__:
                for fn in vars(cls).values():
                    spec = spec_of(fn)
                    if spec is not None:
                        specs[(spec.service, spec.operation_id, spec.method, spec.path)] = spec
    return list(specs.values())


def test_every_idempotency_override_is_listed() -> None:
    specs = declared_operations()
    assert len(specs) >= 290  # Smartsheet and Resource Management, every operation
    overrides = {
        (s.service, s.method, s.path) for s in specs if s.idempotent != default_idempotent(s.method)
    }
    assert overrides == EXPECTED_OVERRIDES
    # AppSheet: one POST endpoint; the Action decides.
    assert {"Find", "Edit", "Delete"} == IDEMPOTENT_ACTIONS


def test_creates_appends_sends_copies_and_moves_are_not_idempotent() -> None:
    by_path = {(s.service, s.method, s.path): s for s in declared_operations()}
    for key in [
        ("smartsheet", "POST", "/sheets/{sheetId}/rows"),
        ("smartsheet", "POST", "/sheets/{sheetId}/columns"),
        ("smartsheet", "POST", "/sheets"),
        ("smartsheet", "POST", "/sheets/{sheetId}/rows/move"),
        ("smartsheet", "POST", "/sheets/{sheetId}/copy"),
        ("smartsheet", "POST", "/sheets/{sheetId}/emails"),
        ("resource_management", "POST", "/api/v1/users"),
        ("resource_management", "POST", "/api/v1/users/{user_id}/time_entries"),
    ]:
        assert by_path[key].idempotent is False, key


def test_upload_and_history_costs_are_declared() -> None:
    by_id = {s.operation_id: s for s in declared_operations() if s.service == "smartsheet"}
    for op in ("attachments-attachToSheet", "row-attachments-attachFile", "cellHistory-get"):
        assert by_id[op].cost == 10, op
    assert by_id["rows-addToSheet" if "rows-addToSheet" in by_id else "add-rows"].cost == 1


async def test_transport_honours_a_post_read_declaration(
    rm: ResourceManagementClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    emu.rm.faults.script(Fault.BAD_GATEWAY, method="POST", path_contains="/reports/rows")
    await rm.reports.rows(view="time_fees_hours")
    posts = [e for e in emu.rm.log if e.method == "POST"]
    assert len(posts) == 2  # declared idempotent: retried after the 502


async def test_transport_honours_a_create_declaration(
    rm: ResourceManagementClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    emu.rm.faults.script(Fault.BAD_GATEWAY, method="POST", path_contains="/users")
    with pytest.raises(OutcomeUnknownError):
        await rm.users.create(first_name="Ada", last_name="Lovelace")
    assert len([e for e in emu.rm.log if e.method == "POST"]) == 1


# -- retried removals -------------------------------------------------------------------------


async def test_retried_smartsheet_delete_meeting_404_is_done(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    sheet_id = await key_sheet(ss)
    emu.smartsheet.faults.script(Fault.DROP_AFTER, method="DELETE")
    result = await ss.sheets.delete(sheet_id)
    assert result.message == "SUCCESS"
    assert [e.status for e in emu.smartsheet.log if e.method == "DELETE"] == [0, 404]
    assert sheet_id not in emu.smartsheet.state.sheets


async def test_retried_smartsheet_row_delete_meeting_404_is_done(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    sheet_id = await key_sheet(ss)
    added = await ss.rows.add(sheet_id, [{"K": "a"}, {"K": "b"}])
    ids = [r.value.id for r in added if r.value is not None and r.value.id is not None]
    emu.smartsheet.faults.script(Fault.DROP_AFTER, method="DELETE")
    result = await ss.rows.delete(sheet_id, ids)
    assert result.ok and [r.value for r in result] == ids
    assert sheet_keys(emu, sheet_id) == []


async def test_retried_rm_delete_meeting_404_is_done(
    rm: ResourceManagementClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    project = await rm.projects.create(name="Gone")
    assert project.id is not None
    emu.rm.faults.script(Fault.DROP_AFTER, method="DELETE")
    await rm.projects.delete(project.id)  # no NotFoundError
    assert [e.status for e in emu.rm.log if e.method == "DELETE"] == [0, 404]


async def test_retried_appsheet_delete_meeting_not_found_is_done(
    app: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    people = app.table("People", key="ID")
    await people.add([{"ID": "a"}, {"ID": "b"}])
    emu.appsheet.faults.script(Fault.DROP_AFTER, method="POST")
    result = await people.delete(["a", "b"])
    assert result.ok, result.summary()
    assert set(emu.appsheet.state.table("People").rows) == set()
    statuses = [e.status for e in emu.appsheet.log[-3:]]
    assert statuses == [0, 400, 200]  # lost answer, "not found", the Find that confirms it


async def test_appsheet_delete_refused_for_a_missing_key_is_not_reported_done(
    app: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    people = app.table("People", key="ID")
    await people.add([{"ID": "a"}])
    emu.appsheet.faults.script(Fault.BAD_GATEWAY, method="POST")  # not applied
    result = await people.delete(["a", "ghost"])
    assert [r.outcome for r in result] == [Outcome.FAILED, Outcome.LANDED]
    assert set(emu.appsheet.state.table("People").rows) == {"a"}


# -- connect-phase failures and reused connections ---------------------------------------------


async def test_refused_connection_resends_a_create() -> None:
    import socket

    from tests.core.support import FakeClock, make_transport

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    t = make_transport(f"http://127.0.0.1:{port}", clock=FakeClock())
    with pytest.raises(smartsuite.TransportError) as info:
        await t.request("POST", "/sheets/1/rows", json=[{}])
    assert not isinstance(info.value, OutcomeUnknownError)
    assert t.stats.attempts == t.retry.max_attempts  # nothing was sent: safe to try again
    await t.aclose()


async def test_post_dying_on_a_reused_keep_alive_socket_is_unknown(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    sheet_id = await key_sheet(ss)  # warms a kept-alive connection
    emu.smartsheet.faults.script(Fault.DROP_BEFORE, method="POST", path_contains="/rows")
    result = await ss.rows.add(sheet_id, [{"K": "x"}])
    assert [r.outcome for r in result] == [Outcome.UNKNOWN]
    assert len([e for e in emu.smartsheet.log if "/rows" in e.path]) == 1


# -- applied, then 5xx: seeded trials with the shipped defaults ----------------------------------


async def test_smartsheet_rows_add_trials(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    rng = random.Random(12)
    sheet_id = await key_sheet(ss)
    for i in range(TRIALS):
        fault = rng.choice(APPLIED_THEN_5XX)
        emu.smartsheet.faults.script(fault, method="POST", path_contains="/rows")
        result = await ss.rows.add(sheet_id, [{"K": f"t{i}"}])
        assert result[0].outcome is Outcome.UNKNOWN, (i, fault)
    keys = sheet_keys(emu, sheet_id)
    assert sorted(keys) == sorted(f"t{i}" for i in range(TRIALS))  # 0 duplicates, 0 lost
    assert ss.stats.total_retries == 0


async def test_rm_users_create_trials(
    rm: ResourceManagementClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    rng = random.Random(13)
    before = len(emu.rm.state.all("users"))
    for i in range(TRIALS):
        emu.rm.faults.script(rng.choice(APPLIED_THEN_5XX), method="POST", path_contains="/users")
        with pytest.raises(OutcomeUnknownError):
            await rm.users.create(first_name="Trial", last_name=f"n{i}")
    names = [u["last_name"] for u in emu.rm.state.all("users")[before:]]
    assert sorted(names) == sorted(f"n{i}" for i in range(TRIALS))


async def test_appsheet_add_trials(app: AppSheetClient, smartsuite_emulator: Emulator) -> None:
    emu = smartsuite_emulator
    rng = random.Random(14)
    people = app.table("People", key="ID")
    for i in range(TRIALS):
        emu.appsheet.faults.script(rng.choice(APPLIED_THEN_5XX), method="POST")
        result = await people.add([{"ID": f"t{i}"}])
        assert result[0].outcome is Outcome.UNKNOWN
    assert sorted(emu.appsheet.state.table("People").rows) == sorted(f"t{i}" for i in range(TRIALS))


#: The ETL stays exact even when the server breaks the "not applied" contract.
UPSERT_FAULTS = (*APPLIED_THEN_5XX, Fault.APPLIED_4001, Fault.APPLIED_BUSY, Fault.APPLIED_429)


async def test_rows_upsert_trials(ss: SmartsheetClient, smartsuite_emulator: Emulator) -> None:
    emu = smartsuite_emulator
    rng = random.Random(15)
    sheet_id = await key_sheet(ss)
    seen: set[Fault] = set()
    for i in range(TRIALS):
        fault = rng.choice(UPSERT_FAULTS)
        seen.add(fault)
        emu.smartsheet.faults.script(fault, method="POST", path_contains="/rows")
        result = await ss.rows.upsert(sheet_id, [{"K": f"u{i}"}], key="K")
        assert [r.status for r in result] == [RecordStatus.ADDED], (i, fault, result.summary())
        assert result.reconciled == 1
    assert sorted(sheet_keys(emu, sheet_id)) == sorted(f"u{i}" for i in range(TRIALS))
    assert seen == set(UPSERT_FAULTS)


async def test_a_contract_breaking_server_duplicates_only_outside_the_etl(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    # The transport follows the vendor: a 503 / 4001 means "not applied", so it re-sends. A
    # server that applied it anyway gets two copies through rows.add; rows.upsert re-reads.
    emu = smartsuite_emulator
    sheet_id = await key_sheet(ss)
    emu.smartsheet.faults.script(Fault.APPLIED_4001, method="POST", path_contains="/rows")
    assert (await ss.rows.add(sheet_id, [{"K": "twice"}])).ok
    assert sheet_keys(emu, sheet_id) == ["twice", "twice"]
    emu.smartsheet.faults.script(Fault.APPLIED_4001, method="POST", path_contains="/rows")
    await ss.rows.upsert(sheet_id, [{"K": "once"}], key="K")
    assert sheet_keys(emu, sheet_id).count("once") == 1


async def test_unknown_outcome_keeps_the_vendor_error(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    sheet_id = await key_sheet(ss)
    emu.smartsheet.faults.script(Fault.APPLIED_4002, method="POST", path_contains="/rows")
    result = await ss.rows.add(sheet_id, [{"K": "a"}])
    error = result[0].error
    assert isinstance(error, OutcomeUnknownError) and "HTTP 500 (code 4002)" in str(error)
    assert isinstance(error.__cause__, ServerError) and error.__cause__.code == 4002


# -- the verdict, pure (no loop, no HTTP) -------------------------------------------------------

BUSY_TEXT = (
    "Request failed because sheetId 7 is currently being updated by another request that uses "
    "the same access token. Please retry your request once the previous request has completed."
)


@pytest.mark.parametrize(
    ("status", "body", "write_verdict"),
    [
        (429, b'{"errorCode": 4003, "message": "Rate limit exceeded."}', "retry"),
        (429, b'{"message": "Too Many Requests"}', "retry"),
        (429, b'{"status": 429, "title": "Too Many Requests", "detail": "x"}', "retry"),
        (429, b"<html>slow down</html>", "fail"),
        (429, b"", "fail"),
        (503, b'{"errorCode": 4001, "message": "offline for system maintenance"}', "retry"),
        (500, b'{"errorCode": 4001, "message": "offline"}', "unknown"),  # 4001 is a 503
        (500, json.dumps({"errorCode": 4004, "message": BUSY_TEXT}).encode(), "retry"),
        (500, b'{"errorCode": 4004, "message": "An unexpected error has occurred."}', "unknown"),
        (500, b'{"errorCode": 4002, "message": "Server timeout exceeded."}', "unknown"),
        (500, b'{"errorCode": 4000, "message": "An unexpected error has occurred."}', "unknown"),
        (502, b"<html>Bad Gateway</html>", "unknown"),
        (503, b"<html>Service Unavailable</html>", "unknown"),
        (504, b"", "unknown"),
        (500, b'{"status": 500, "title": "Internal Server Error", "detail": "x"}', "unknown"),
        (400, b'{"errorCode": 1008, "message": "Unable to parse request."}', "fail"),
    ],
)
def test_judge_for_a_write(status: int, body: bytes, write_verdict: str) -> None:
    from smartsuite._core import sansio

    def verdict(retry: smartsuite.RetryConfig, idempotent: bool) -> str:
        return sansio.judge(
            status,
            "",
            {},
            body,
            method="POST",
            path="/x",
            retry=retry,
            now=0.0,
            idempotent=idempotent,
        ).verdict.value

    assert verdict(SS_RETRY, idempotent=False) == write_verdict
    # the ETL's view never re-sends: a documented "not applied" answer is raised instead
    etl = attrs.evolve(SS_RETRY, resend_unapplied_writes=False)
    assert verdict(etl, idempotent=False) == ("fail" if write_verdict == "retry" else write_verdict)
    # the explicit opt-in restores the status/code rule for writes
    old = attrs.evolve(SS_RETRY, retry_unknown_writes=True)
    assert verdict(old, idempotent=False) == verdict(SS_RETRY, idempotent=True)


async def test_failed_tls_handshake_is_not_sent(smartsuite_emulator: Emulator) -> None:
    # https to a plain-http port: the handshake fails before any byte of the request is sent,
    # so even a create may be tried again (and it is never reported as an unknown outcome).
    from smartsuite._core.config import RetryConfig

    emu = smartsuite_emulator
    url = emu.smartsheet_url.replace("http://", "https://")
    retry = RetryConfig(max_attempts=3, backoff_base=0.001, backoff_max=0.002)
    async with SmartsheetClient(emu.smartsheet_token, base_url=url, retry=retry) as client:
        result = await client.rows.add(1, [Row(cells=[Cell(column_id=1, value="x")])])
        error = result[0].error
        assert result[0].outcome is Outcome.FAILED and isinstance(error, smartsuite.TransportError)
        assert not isinstance(error, OutcomeUnknownError)
        assert client.stats.attempts == 3
    assert emu.smartsheet.log == []
