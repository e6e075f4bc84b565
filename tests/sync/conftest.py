"""Fixtures for the sync facade: the emulator serving from its own thread, and sync clients.

The tests here are plain (not async) functions, as a script's code would be.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from smartsuite import RateLimitConfig
from smartsuite.appsheet import DEFAULT_RETRY as APPSHEET_RETRY
from smartsuite.emulator import Emulator
from smartsuite.smartsheet.client import DEFAULT_RETRY as SMARTSHEET_RETRY
from smartsuite.sync import (
    AppSheetClient,
    EmulatorThread,
    ResourceManagementClient,
    SmartsheetClient,
)

FAST_LIMIT = RateLimitConfig(rate=2000, per=1, burst=200)
COLUMNS: list[dict[str, Any]] = [
    {"title": "Key", "type": "TEXT_NUMBER", "primary": True},
    {"title": "Name", "type": "TEXT_NUMBER"},
    {"title": "Hours", "type": "TEXT_NUMBER"},
]


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with EmulatorThread() as emulator:
        yield emulator


@pytest.fixture
def ss(emu: Emulator) -> Iterator[SmartsheetClient]:
    retry = attrs.evolve(SMARTSHEET_RETRY, backoff_base=0.01, backoff_max=0.02)
    with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=FAST_LIMIT, retry=retry
    ) as client:
        yield client


@pytest.fixture
def rm(emu: Emulator) -> Iterator[ResourceManagementClient]:
    with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url, rate_limit=FAST_LIMIT) as c:
        yield c


@pytest.fixture
def app(emu: Emulator) -> Iterator[AppSheetClient]:
    retry = attrs.evolve(APPSHEET_RETRY, backoff_base=0.01, backoff_max=0.02)
    with AppSheetClient(
        emu.appsheet_app_id,
        emu.appsheet_access_key,
        base_url=emu.appsheet_url,
        rate_limit=FAST_LIMIT,
        retry=retry,
    ) as client:
        yield client


def make_sheet(ss: SmartsheetClient, rows: int = 0, name: str = "Sync") -> int:
    """A sheet with the test columns and ``rows`` rows keyed K-0, K-1 ..., in a workspace of
    its own (``POST /sheets``, ``sheets.create``, is deprecated by the 2026 API and warns)."""
    workspace = ss.workspaces.create(f"{name} workspace")
    sheet = ss.sheets.create_in_workspace(workspace.id, name, COLUMNS)
    assert sheet.id is not None
    if rows:
        added = ss.rows.add(sheet.id, [{"Key": f"K-{i}", "Name": f"n{i}"} for i in range(rows)])
        assert added.ok
    return sheet.id
