"""Route table of the emulated Resource Management API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from . import finance, people, projects, reports, settings, timesheets, work

if TYPE_CHECKING:
    from .service import ResourceManagementService


def register(service: ResourceManagementService, app: web.Application) -> None:
    for module in (people, projects, finance, work, timesheets, settings, reports):
        module.register(service, app)
