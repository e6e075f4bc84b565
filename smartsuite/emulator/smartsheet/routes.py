"""Route table of the emulated Smartsheet API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from . import attachments, automation, discussions, proofs, rows, sheets, update_requests

if TYPE_CHECKING:
    from .service import SmartsheetService


def register(service: SmartsheetService, app: web.Application) -> None:
    for module in (sheets, rows):
        module.register(service, app)
    for module in (attachments, discussions, automation, proofs, update_requests):
        module.register(service, app)
