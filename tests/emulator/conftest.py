"""Raw-HTTP helpers for the emulator's contract tests.

These tests talk to the emulator with plain aiohttp, never through smartsuite's clients, so a
wrong assumption shared by a client and the emulator cannot hide itself.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import attrs
import pytest

from smartsuite.emulator import Emulator


@attrs.frozen
class Reply:
    """One raw answer: status, media type, headers and body bytes."""

    status: int
    content_type: str
    headers: dict[str, str]
    raw: bytes

    def json(self) -> Any:
        assert self.content_type == "application/json", (self.status, self.raw[:200])
        return json.loads(self.raw)


class Raw:
    """A plain aiohttp session aimed at one emulator, with each service's credential."""

    def __init__(self, emu: Emulator, session: aiohttp.ClientSession) -> None:
        self.emu = emu
        self.session = session
        self.ss_auth = {"Authorization": f"Bearer {emu.smartsheet_token}"}
        self.rm_auth = {"auth": emu.rm_token}
        self.as_auth = {"ApplicationAccessKey": emu.appsheet_access_key}

    async def call(self, method: str, url: str, **kwargs: Any) -> Reply:
        async with self.session.request(method, url, **kwargs) as resp:
            raw = await resp.read()
            return Reply(resp.status, resp.content_type, dict(resp.headers), raw)

    async def ss(self, method: str, path: str, **kwargs: Any) -> Reply:
        headers = {**self.ss_auth, **kwargs.pop("headers", {})}
        return await self.call(method, self.emu.smartsheet_url + path, headers=headers, **kwargs)

    async def rm(self, method: str, path: str, **kwargs: Any) -> Reply:
        headers = {**self.rm_auth, **kwargs.pop("headers", {})}
        return await self.call(method, self.emu.rm_url + path, headers=headers, **kwargs)

    def action_url(self, table: str = "People", app_id: str | None = None) -> str:
        app = self.emu.appsheet_app_id if app_id is None else app_id
        return f"{self.emu.appsheet_url}/apps/{app}/tables/{table}/Action"

    async def action(self, body: Any, table: str = "People", **kwargs: Any) -> Reply:
        headers = {**self.as_auth, **kwargs.pop("headers", {})}
        return await self.call("POST", self.action_url(table), json=body, headers=headers, **kwargs)


@pytest.fixture
async def raw(smartsuite_emulator: Emulator) -> AsyncIterator[Raw]:
    async with aiohttp.ClientSession() as session:
        yield Raw(smartsuite_emulator, session)
