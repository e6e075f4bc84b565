"""Fixtures for the AppSheet tests: the plugin's emulator, plus a client with fast retries."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import attrs
import pytest_asyncio

from smartsuite.appsheet import DEFAULT_RETRY, AppSheetClient
from smartsuite.emulator import Emulator

FAST_RETRY = attrs.evolve(DEFAULT_RETRY, backoff_base=0.01, backoff_max=0.02)


@pytest_asyncio.fixture
async def fast_client(smartsuite_emulator: Emulator) -> AsyncIterator[AppSheetClient]:
    """A client whose retries wait milliseconds, not seconds."""
    emu = smartsuite_emulator
    async with AppSheetClient(
        emu.appsheet_app_id, emu.appsheet_access_key, base_url=emu.appsheet_url, retry=FAST_RETRY
    ) as client:
        yield client


def sent_bodies(emu: Emulator) -> list[Any]:
    """The JSON bodies of every Action request the emulator received, in order."""
    return [entry.json() for entry in emu.appsheet.log if entry.body]
