"""The emulator: three services on one loopback port.

``async with Emulator() as emu:`` starts it; ``emu.smartsheet_url``, ``emu.rm_url`` and
``emu.appsheet_url`` are the base URLs to give the clients, ``emu.smartsheet`` (and ``.rm``,
``.appsheet``) hold each service's state, faults and request log.
"""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import Self

from aiohttp import web

from .appsheet import AppSheetService
from .resource_management import ResourceManagementService
from .smartsheet import SmartsheetService

DEFAULT_SMARTSHEET_TOKEN = "emulator-smartsheet-token"
DEFAULT_RM_TOKEN = "emulator-rm-token"
DEFAULT_APPSHEET_APP_ID = "emulator-app"
DEFAULT_APPSHEET_KEY = "V2-emulator-access-key"


class Emulator:
    """In-memory Smartsheet, Resource Management and AppSheet APIs over real HTTP.

    Args:
        host: interface to bind; loopback by default.
        port: TCP port; 0 picks a free one.
        smartsheet_token / rm_token: the tokens the services accept.
        appsheet_app_id / appsheet_access_key: the AppSheet app and its key.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        smartsheet_token: str = DEFAULT_SMARTSHEET_TOKEN,
        rm_token: str = DEFAULT_RM_TOKEN,
        appsheet_app_id: str = DEFAULT_APPSHEET_APP_ID,
        appsheet_access_key: str = DEFAULT_APPSHEET_KEY,
    ) -> None:
        self.host = host
        self.port = port
        self.smartsheet = SmartsheetService(tokens={smartsheet_token})
        self.rm = ResourceManagementService(tokens={rm_token})
        self.appsheet = AppSheetService(apps={appsheet_app_id: appsheet_access_key})
        self.smartsheet_token = smartsheet_token
        self.rm_token = rm_token
        self.appsheet_app_id = appsheet_app_id
        self.appsheet_access_key = appsheet_access_key
        self._runner: web.AppRunner | None = None

    @property
    def services(self) -> tuple[SmartsheetService, ResourceManagementService, AppSheetService]:
        return (self.smartsheet, self.rm, self.appsheet)

    def build_app(self) -> web.Application:
        root = web.Application(client_max_size=64 * 1024 * 1024)
        for service in self.services:
            root.add_subapp(service.prefix, service.build_app())
        return root

    async def start(self) -> None:
        runner = web.AppRunner(self.build_app(), access_log=None, handler_cancellation=True)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, reuse_address=True)
        await site.start()
        self._runner = runner
        server = site._server
        if self.port == 0 and server is not None:
            sockets = getattr(server, "sockets", None) or []
            self.port = sockets[0].getsockname()[1]

    async def close(self) -> None:
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def smartsheet_url(self) -> str:
        return self.url + SmartsheetService.prefix

    @property
    def rm_url(self) -> str:
        return self.url + ResourceManagementService.prefix

    @property
    def appsheet_url(self) -> str:
        return self.url + AppSheetService.prefix

    async def serve_forever(self) -> None:
        """Run until cancelled (used by ``smartsuite emulator``)."""
        await self.start()
        try:
            await asyncio.Event().wait()
        finally:
            await self.close()
