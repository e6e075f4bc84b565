"""Route table of the emulated Smartsheet API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from . import cells, columns, cross_sheet_references, rows_transfer, sheet_shares, summary
from . import attachments, automation, discussions, proofs, rows, sheets, update_requests

if TYPE_CHECKING:
    from .service import SmartsheetService


def register(service: SmartsheetService, app: web.Application) -> None:
    for module in (sheets, rows):
        module.register(service, app)
    for module in (columns, rows_transfer, cells, summary, cross_sheet_references, sheet_shares):
        module.register(service, app)
    for module in (attachments, discussions, automation, proofs, update_requests):
        module.register(service, app)
