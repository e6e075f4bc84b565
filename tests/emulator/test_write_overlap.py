"""The emulator sees overlapping writes to one sheet from arrival to answer, latency included,
and answers the later one with errorCode 4004 as Smartsheet does."""

from __future__ import annotations

import asyncio

import aiohttp

from smartsuite.smartsheet import Column, SmartsheetClient
from smartsuite.testing import EMULATOR_RATE_LIMIT


async def test_raw_concurrent_writes_overlap_and_the_later_gets_4004(smartsuite_emulator) -> None:
    emu = smartsuite_emulator
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        sheet = await ss.sheets.create("S", [Column(title="A", primary=True)])
        column_id = sheet.columns[0].id
    emu.smartsheet.faults.latency = 0.2
    url = f"{emu.smartsheet_url}/sheets/{sheet.id}/rows"
    headers = {"Authorization": f"Bearer {emu.smartsheet_token}"}
    body = [{"toBottom": True, "cells": [{"columnId": column_id, "value": "x"}]}]
    async with aiohttp.ClientSession(headers=headers) as session:

        async def post(delay: float) -> tuple[int, dict]:
            await asyncio.sleep(delay)
            async with session.post(url, json=body) as resp:
                return resp.status, await resp.json()

        (first, _), (second, error) = await asyncio.gather(post(0), post(0.05))
    assert first == 200
    assert second == 500 and error["errorCode"] == 4004
    assert emu.smartsheet.overlapping_writes == 1
    assert [e.overlapped for e in emu.smartsheet.log if e.method == "POST"][-2:] == [False, True]


async def test_client_writes_to_one_sheet_never_overlap(smartsuite_emulator) -> None:
    emu = smartsuite_emulator
    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=EMULATOR_RATE_LIMIT
    ) as ss:
        sheet = await ss.sheets.create("S", [Column(title="A", primary=True)])
        emu.smartsheet.faults.latency = 0.05
        results = await asyncio.gather(
            *(ss.rows.add(sheet.id, [{"A": f"{t}-{i}"} for i in range(20)]) for t in range(4))
        )
    assert all(r.ok for r in results)
    assert emu.smartsheet.overlapping_writes == 0


async def test_appsheet_writes_overlap_from_arrival_but_finds_never_count(
    smartsuite_emulator,
) -> None:
    emu = smartsuite_emulator
    emu.appsheet.faults.latency = 0.2
    url = f"{emu.appsheet_url}/apps/{emu.appsheet_app_id}/tables/People/Action"
    headers = {"ApplicationAccessKey": emu.appsheet_access_key}

    async with aiohttp.ClientSession(headers=headers) as session:

        async def act(body: dict, delay: float) -> int:
            await asyncio.sleep(delay)
            async with session.post(url, json=body) as resp:
                await resp.read()
                return resp.status

        finds = await asyncio.gather(act({"Action": "Find"}, 0), act({"Action": "Find"}, 0.05))
        assert finds == [200, 200] and emu.appsheet.overlapping_writes == 0
        add = {"Action": "Add", "Rows": [{"Name": "A"}]}
        await asyncio.gather(act(add, 0), act(add, 0.05))
    assert emu.appsheet.overlapping_writes == 1
    writes = [e for e in emu.appsheet.log if e.write_key is not None]
    assert [e.overlapped for e in writes] == [False, True]
