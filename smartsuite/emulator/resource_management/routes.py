"""Route table of the emulated Resource Management API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from .service import ResourceManagementService


def register(service: ResourceManagementService, app: web.Application) -> None:
    del service, app
