"""pytest plugin: fixtures that start the emulator and hand out connected clients.

Installed as a ``pytest11`` entry point, so with smartsuite installed (and pytest-asyncio, in
``asyncio_mode = "auto"`` or with ``@pytest.mark.asyncio``) a test can simply ask::

    async def test_my_sync(smartsheet_client, smartsuite_emulator):
        sheet = await smartsheet_client.sheets.create("T", [...])
        ...
        assert smartsuite_emulator.smartsheet.log[-1].method == "POST"

Fixtures:
    smartsuite_emulator: a running :class:`~smartsuite.emulator.Emulator` (fresh per test).
    smartsheet_client / rm_client / appsheet_client: clients connected to it, closed after.
        They pace requests with :data:`EMULATOR_RATE_LIMIT` (generous: the emulator has no
        limit unless a test sets one through ``emu.<service>.faults.rate_limit``); build your
        own client to test pacing against the production defaults.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ._core.config import RateLimitConfig
from .emulator import Emulator

#: Pacing for fixture clients: fast, since the emulator is local.
EMULATOR_RATE_LIMIT = RateLimitConfig(rate=2000, per=1, burst=200)

if TYPE_CHECKING:
    from .appsheet import AppSheetClient
    from .resource_management import ResourceManagementClient
    from .smartsheet import SmartsheetClient

try:
    import pytest_asyncio

    _HAVE_PYTEST_ASYNCIO = True
except ImportError:  # pragma: no cover - without pytest-asyncio the fixtures cannot run
    _HAVE_PYTEST_ASYNCIO = False


# Without pytest-asyncio the plugin defines no fixtures (and so never breaks a user's pytest).
if _HAVE_PYTEST_ASYNCIO:

    @pytest_asyncio.fixture
    async def smartsuite_emulator() -> AsyncIterator[Emulator]:
        """A running emulator of all three services, fresh for each test."""
        async with Emulator() as emu:
            yield emu

    @pytest_asyncio.fixture
    async def smartsheet_client(smartsuite_emulator: Emulator) -> AsyncIterator[SmartsheetClient]:
        """A :class:`SmartsheetClient` connected to the emulator."""
        from .smartsheet import SmartsheetClient

        async with SmartsheetClient(
            smartsuite_emulator.smartsheet_token,
            base_url=smartsuite_emulator.smartsheet_url,
            rate_limit=EMULATOR_RATE_LIMIT,
        ) as client:
            yield client

    @pytest_asyncio.fixture
    async def rm_client(smartsuite_emulator: Emulator) -> AsyncIterator[ResourceManagementClient]:
        """A :class:`ResourceManagementClient` connected to the emulator."""
        from .resource_management import ResourceManagementClient

        async with ResourceManagementClient(
            smartsuite_emulator.rm_token,
            base_url=smartsuite_emulator.rm_url,
            rate_limit=EMULATOR_RATE_LIMIT,
        ) as client:
            yield client

    @pytest_asyncio.fixture
    async def appsheet_client(smartsuite_emulator: Emulator) -> AsyncIterator[AppSheetClient]:
        """An :class:`AppSheetClient` connected to the emulator's app."""
        from .appsheet import AppSheetClient

        async with AppSheetClient(
            smartsuite_emulator.appsheet_app_id,
            smartsuite_emulator.appsheet_access_key,
            base_url=smartsuite_emulator.appsheet_url,
            rate_limit=EMULATOR_RATE_LIMIT,
        ) as client:
            yield client
