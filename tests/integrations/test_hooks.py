"""Request hooks, structured log records, trace configs and response metadata, over HTTP."""

from __future__ import annotations

import logging
import types

import aiohttp
import pytest

from smartsuite import (
    Attempt,
    NotFoundError,
    RateLimitConfig,
    RetryConfig,
    SmartsheetClient,
    TransportError,
    last_response,
)
from smartsuite._core.auth import BearerToken
from smartsuite._core.config import Timeouts
from smartsuite._core.transport import Transport
from smartsuite.emulator import Emulator, Fault
from smartsuite.smartsheet import Column
from tests.core.support import Answer, ScriptedServer, server

__all__ = ["server"]

FAST = RetryConfig(backoff_base=0.01, backoff_max=0.02)


def _client(emu: Emulator, **options: object) -> SmartsheetClient:
    return SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        retry=FAST,
        **options,  # type: ignore[arg-type]
    )


async def test_each_attempt_reaches_the_hooks_with_its_operation(
    smartsuite_emulator: Emulator,
) -> None:
    seen: list[Attempt] = []
    smartsuite_emulator.smartsheet.faults.script(Fault.UNAVAILABLE, method="GET")
    async with _client(smartsuite_emulator, hooks=[seen.append]) as ss:
        sheet = await ss.sheets.create("H", [Column(title="A", primary=True)])
        assert sheet.id is not None
        await ss.sheets.get(sheet.id)
    create, failed, ok = seen
    assert (create.method, create.operation_id, create.status) == (
        "POST",
        "create-sheet-in-sheets-folder",
        200,
    )
    assert create.path_template == "/sheets" and create.path.endswith("/2.0/sheets")
    assert (failed.status, failed.attempt, ok.status, ok.attempt) == (503, 1, 200, 2)
    assert ok.path_template == "/sheets/{sheetId}" and ok.path.endswith(f"/sheets/{sheet.id}")
    assert ok.operation_id == "getSheet" and ok.service == "smartsheet"
    assert all(a.elapsed > 0 and a.started > 0 and a.error is None for a in seen)


async def test_rate_limit_wait_is_reported(smartsuite_emulator: Emulator) -> None:
    seen: list[Attempt] = []
    slow = RateLimitConfig(rate=10, per=1, burst=1)
    async with _client(smartsuite_emulator, hooks=[seen.append], rate_limit=slow) as ss:
        for _ in range(3):
            await ss.sheets.list().to_list()
    assert seen[0].rate_limit_wait < 0.05
    assert all(0.05 < a.rate_limit_wait < 0.5 for a in seen[1:])


async def test_no_answer_is_reported_with_its_cause() -> None:
    seen: list[Attempt] = []
    async with SmartsheetClient(
        "t",
        base_url="http://127.0.0.1:9/2.0",
        hooks=[seen.append],
        retry=RetryConfig(max_attempts=2, backoff_base=0.01),
    ) as ss:
        with pytest.raises(TransportError):
            await ss.sheets.list().to_list()
    assert [(a.status, a.error, a.attempt) for a in seen] == [
        (None, "connect", 1),
        (None, "connect", 2),
    ]


async def test_log_records_carry_the_same_fields(
    smartsuite_emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="smartsuite")
    seen: list[Attempt] = []
    async with _client(smartsuite_emulator, hooks=[seen.append]) as ss:
        await ss.sheets.list().to_list()
    [record] = [r for r in caplog.records if hasattr(r, "path_template")]
    fields = vars(record)
    assert fields["smartsuite"] == seen[0]
    for name, value in {
        "http_method": "GET",
        "path_template": "/sheets",
        "status": 200,
        "attempt": 1,
        "operation_id": "list-sheets",
        "service": "smartsheet",
    }.items():
        assert fields[name] == value
    assert fields["elapsed"] == seen[0].elapsed and "rate_limit_wait" in fields
    assert smartsuite_emulator.smartsheet_token not in caplog.text


async def test_a_failing_hook_does_not_fail_the_request(
    smartsuite_emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(attempt: Attempt) -> None:
        raise RuntimeError("metrics backend down")

    async with _client(smartsuite_emulator, hooks=[broken]) as ss:
        assert await ss.sheets.list().to_list() == []
    assert any("request hook" in r.getMessage() for r in caplog.records)


async def test_trace_configs_reach_aiohttp(smartsuite_emulator: Emulator) -> None:
    started: list[str] = []

    async def on_start(
        session: aiohttp.ClientSession,
        ctx: types.SimpleNamespace,
        params: aiohttp.TraceRequestStartParams,
    ) -> None:
        started.append(params.method)

    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(on_start)
    async with _client(smartsuite_emulator, trace_configs=[trace]) as ss:
        await ss.sheets.list().to_list()
    assert started == ["GET"]


async def test_response_metadata_from_results_and_errors(server: ScriptedServer) -> None:
    server.script(
        Answer(200, {"data": []}, headers={"X-Request-Id": "req-1", "Set-Cookie": "s=secret"}),
        Answer(404, {"errorCode": 1006, "message": "Not Found", "refId": "r9"},
               headers={"X-Request-Id": "req-2"}),
    )  # fmt: skip
    transport = Transport(
        service="t",
        base_url=server.url,
        auth=BearerToken("tok-123"),
        rate_limit=RateLimitConfig(rate=1000, per=1, burst=100),
        retry=FAST,
        timeouts=Timeouts(),
    )
    try:
        await transport.request("GET", "/things")
        info = last_response()
        assert info is not None and (info.status, info.request_id) == (200, "req-1")
        assert "Set-Cookie" not in info.headers and "secret" not in repr(info)
        with pytest.raises(NotFoundError) as caught:
            await transport.request("GET", "/things/1")
        response = caught.value.response
        assert response is not None and (response.status, response.request_id) == (404, "req-2")
        assert response.path.endswith("/things/1") and "tok-123" not in repr(response)
    finally:
        await transport.aclose()
