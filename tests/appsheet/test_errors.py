"""Each documented error maps to its typed error with AppSheet's message; retries and secrets."""

from __future__ import annotations

import logging

import pytest

from smartsuite._core.auth import HeaderToken
from smartsuite._core.config import RateLimitConfig, Timeouts
from smartsuite._core.errors import (
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
)
from smartsuite._core.transport import Transport
from smartsuite.appsheet import DEFAULT_RETRY, AppSheetClient
from smartsuite.emulator import Emulator, Fault

from .conftest import FAST_RETRY

FIND = {"Action": "Find", "Properties": {}, "Rows": []}


def _client(emu: Emulator, app_id: str | None = None, key: str | None = None) -> AppSheetClient:
    return AppSheetClient(
        app_id or emu.appsheet_app_id,
        key or emu.appsheet_access_key,
        base_url=emu.appsheet_url,
        retry=FAST_RETRY,
    )


async def test_400_missing_access_key(smartsuite_emulator: Emulator) -> None:
    emu = smartsuite_emulator
    transport = Transport(
        service="appsheet-test",
        base_url=emu.appsheet_url,
        auth=HeaderToken("X-Something-Else", "k"),
        rate_limit=RateLimitConfig(),
        retry=FAST_RETRY,
        timeouts=Timeouts(),
    )
    try:
        with pytest.raises(BadRequestError) as info:
            await transport.request(
                "POST", f"/apps/{emu.appsheet_app_id}/tables/People/Action", json=FIND
            )
    finally:
        await transport.aclose()
    assert info.value.status == 400 and info.value.message == "Missing ApplicationAccessKey header."


async def test_400_missing_app_id(appsheet_client: AppSheetClient) -> None:
    with pytest.raises(BadRequestError, match="Missing AppId"):
        await appsheet_client._transport.request("POST", "/apps//tables/People/Action", json=FIND)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "the body is not valid JSON"),
        (b"[]", "the body must be a JSON object"),
        (b'{"Properties": {}}', "'Action' is missing"),
        (b'{"Action": "Find", "Rows": [1]}', "'Rows' must be a list of objects"),
        (b'{"Action": "Find", "Properties": {"Locale": "xx-XX"}}', "Locale 'xx-XX'"),
        (b'{"Action": "Find", "Properties": {"Selector": "Filter(People"}}', "Invalid Selector"),
    ],
)
async def test_400_invalid_body(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator, content: bytes, message: str
) -> None:
    with pytest.raises(BadRequestError, match=message):
        await appsheet_client._transport.request(
            "POST",
            appsheet_client.action_path("People"),
            content=content,
            headers={"Content-Type": "application/json"},
        )
    assert len(smartsuite_emulator.appsheet.log) == 1  # a 400 is never retried


async def test_400_row_not_found(appsheet_client: AppSheetClient) -> None:
    result = await appsheet_client.table("People", key="ID").edit([{"ID": "ghost", "Age": 1}])
    error = result[0].error
    assert isinstance(error, BadRequestError)
    assert error.message == "Row having key 'ghost' not found"


async def test_400_value_cannot_be_converted(appsheet_client: AppSheetClient) -> None:
    result = await appsheet_client.table("People").add([{"Active": "maybe"}])
    assert isinstance(result[0].error, BadRequestError)
    assert result[0].error.message == (
        "Value 'maybe' in field 'Active' cannot be converted to type 'Yes/No'"
    )


async def test_400_missing_key_on_add_without_generated_key(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    smartsuite_emulator.appsheet.state.create_table("Codes", key="Code", columns={"Code": "Text"})
    result = await appsheet_client.table("Codes").add([{}])
    assert isinstance(result[0].error, BadRequestError)
    assert "key column 'Code'" in result[0].error.message


async def test_403_bad_key_never_shows_the_key(smartsuite_emulator: Emulator) -> None:
    emu = smartsuite_emulator
    secret = "V2-top-secret-key-123"
    async with _client(emu, key=secret) as client:
        with pytest.raises(PermissionDeniedError) as info:
            await client.table("People").list().to_list()
        assert secret not in repr(client) and secret not in repr(client._transport)
    assert info.value.message == "Invalid request. The provided access key is not valid."
    assert secret not in str(info.value) and secret not in repr(info.value)
    assert len(emu.appsheet.log) == 1


async def test_403_api_disabled(smartsuite_emulator: Emulator) -> None:
    smartsuite_emulator.appsheet.state.app().api_enabled = False
    async with _client(smartsuite_emulator) as client:
        with pytest.raises(PermissionDeniedError, match="Web API is not enabled"):
            await client.table("People").list().to_list()


async def test_404_app_and_table_not_found(smartsuite_emulator: Emulator) -> None:
    async with _client(smartsuite_emulator, app_id="no-such-app") as client:
        with pytest.raises(NotFoundError, match="App 'no-such-app' not found"):
            await client.table("People").list().to_list()
    async with _client(smartsuite_emulator) as client:
        with pytest.raises(NotFoundError, match="Table 'Nope' not found"):
            await client.table("Nope").list().to_list()
    assert len(smartsuite_emulator.appsheet.log) == 2


async def test_500_is_retried_then_raised(
    fast_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    emu.appsheet.faults.script(Fault.SERVER_ERROR, times=2)
    assert await fast_client.table("People").list().to_list() == []
    emu.appsheet.faults.script(Fault.SERVER_ERROR, times=DEFAULT_RETRY.max_attempts)
    with pytest.raises(ServerError, match="An unexpected error"):
        await fast_client.table("People").list().to_list()
    assert len(emu.appsheet.log) == 3 + DEFAULT_RETRY.max_attempts


async def test_non_json_error_bodies(
    fast_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    smartsuite_emulator.appsheet.faults.script(Fault.BAD_GATEWAY, times=DEFAULT_RETRY.max_attempts)
    with pytest.raises(ServerError, match="non-JSON body") as info:
        await fast_client.table("People").list().to_list()
    assert info.value.status == 502


async def test_429_waits_and_retries(
    fast_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    faults = smartsuite_emulator.appsheet.faults
    faults.rate_limit, faults.burst = 50.0, 1
    for _ in range(3):
        assert await fast_client.table("People").list().to_list() == []
    assert fast_client.stats.rate_limited >= 1
    assert fast_client.stats.retries["rate_limited"] == fast_client.stats.rate_limited


async def test_logs_never_hold_the_key(
    fast_client: AppSheetClient, smartsuite_emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="smartsuite")
    smartsuite_emulator.appsheet.faults.script(Fault.SERVER_ERROR)
    await fast_client.table("People").add([{"Name": "x", "Nick": "y"}])
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "Action" in text and smartsuite_emulator.appsheet_access_key not in text


async def test_emulator_takes_the_query_key_only_when_the_header_is_absent(
    smartsuite_emulator: Emulator,
) -> None:
    emu = smartsuite_emulator
    path = f"/apps/{emu.appsheet_app_id}/tables/People/Action"
    key = emu.appsheet_access_key
    for header_value, expected in ((None, 200), ("V2-wrong", 403)):
        auth = HeaderToken(
            "ApplicationAccessKey" if header_value else "X-Other", header_value or "x"
        )
        transport = Transport(
            service="appsheet-query-test",
            base_url=emu.appsheet_url,
            auth=auth,
            rate_limit=RateLimitConfig(),
            retry=FAST_RETRY,
            timeouts=Timeouts(),
        )
        try:
            if expected == 200:
                response = await transport.request(
                    "POST", path, params={"applicationAccessKey": key}, json=FIND
                )
                assert response.json() == []
            else:
                with pytest.raises(PermissionDeniedError):
                    await transport.request(
                        "POST", path, params={"applicationAccessKey": key}, json=FIND
                    )
        finally:
            await transport.aclose()
