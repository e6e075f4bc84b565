"""Route table of the emulated Smartsheet API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from . import (
    attachments,
    automation,
    cells,
    columns,
    containers,
    cross_sheet_references,
    dashboards,
    discovery,
    discussions,
    favorites,
    groups,
    imports,
    oauth,
    proofs,
    reports,
    rows,
    rows_transfer,
    sheet_shares,
    sheets,
    summary,
    update_requests,
    users,
    webhooks,
    workspace_shares,
)

if TYPE_CHECKING:
    from .service import SmartsheetService


def register(service: SmartsheetService, app: web.Application) -> None:
    imports.register(service, app)  # first: /sheets/import must win over /sheets/{id}
    for module in (sheets, rows):
        module.register(service, app)
    for module in (columns, rows_transfer, cells, summary, cross_sheet_references, sheet_shares):
        module.register(service, app)
    for module in (attachments, discussions, automation, proofs, update_requests):
        module.register(service, app)
    for module in (users, groups, containers, workspace_shares, favorites, discovery):
        module.register(service, app)
    for module in (reports, dashboards, webhooks, oauth):
        module.register(service, app)
