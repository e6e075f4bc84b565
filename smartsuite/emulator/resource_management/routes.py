"""Route table of the emulated Resource Management API: each module's ``ROUTES``, in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from . import finance, people, projects, reports, settings, timesheets, work
from ._http import add_routes

if TYPE_CHECKING:
    from .service import ResourceManagementService


def register(service: ResourceManagementService, app: web.Application) -> None:
    for module in (people, projects, finance, work, timesheets, settings, reports):
        add_routes(service, app, module.ROUTES)
