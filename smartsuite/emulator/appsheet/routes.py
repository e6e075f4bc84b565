"""Route table of the emulated AppSheet API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from .service import AppSheetService


def register(service: AppSheetService, app: web.Application) -> None:
    del service, app
