"""The emulator fixtures and request-log assertions every Smartsheet test module shares.

The topic helpers (``sheet_helpers``, ``account_helpers`` ...) re-export these, so a test
imports its fixtures from one place.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

from smartsuite._core.config import RateLimitConfig, RetryConfig
from smartsuite.emulator import Emulator
from smartsuite.emulator.base import LoggedRequest
from smartsuite.smartsheet import SmartsheetClient

FAST = RateLimitConfig(rate=10_000, per=1, burst=10_000)
QUICK_RETRY = RetryConfig(max_attempts=2, backoff_base=0.01, backoff_max=0.05)


def fast_client(emu: Emulator, **kwargs: Any) -> SmartsheetClient:
    """A client without Smartsheet's 300/minute pacing (tests send bursts); ``token`` and
    any client option may be overridden."""
    kwargs.setdefault("rate_limit", FAST)
    kwargs.setdefault("retry", QUICK_RETRY)
    token = kwargs.pop("token", emu.smartsheet_token)
    return SmartsheetClient(token, base_url=emu.smartsheet_url, **kwargs)


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        yield emulator


@pytest_asyncio.fixture
async def ss(emu: Emulator) -> AsyncIterator[SmartsheetClient]:
    async with fast_client(emu) as client:
        yield client


def last(emu: Emulator, method: str | None = None) -> LoggedRequest:
    """The last request the emulated Smartsheet saw (optionally of one method)."""
    entries = [e for e in emu.smartsheet.log if method is None or e.method == method]
    assert entries, "no request reached the emulator"
    return entries[-1]


def check(
    entry: LoggedRequest,
    method: str,
    path: str,
    query: dict[str, str] | None = None,
    body: Any = None,
) -> None:
    """Assert what the emulator received: method, path, the exact query, and the JSON body."""
    assert (entry.method, entry.path) == (method, path), (entry.method, entry.path)
    assert entry.query == (query or {}), entry.query
    if body is not None:
        assert entry.json() == body, entry.json()
