"""Route table of the emulated Smartsheet API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from . import (
    asset_shares,
    attachments,
    automation,
    cells,
    children,
    columns,
    containers,
    cross_sheet_references,
    dashboards,
    discovery,
    discussions,
    favorites,
    filters,
    governance,
    groups,
    imports,
    oauth,
    plans,
    proofs,
    removed,
    report_defs,
    reports,
    rows,
    rows_transfer,
    sheets,
    summary,
    update_requests,
    users,
    webhooks,
)

if TYPE_CHECKING:
    from .service import SmartsheetService


def register(service: SmartsheetService, app: web.Application) -> None:
    imports.register(service, app)  # first: /sheets/import must win over /sheets/{id}
    for module in (sheets, rows):
        module.register(service, app)
    for module in (columns, rows_transfer, cells, summary, cross_sheet_references, filters):
        module.register(service, app)
    for module in (attachments, discussions, automation, proofs, update_requests):
        module.register(service, app)
    for module in (users, plans, groups, containers, children, favorites, discovery):
        module.register(service, app)
    for module in (reports, report_defs, dashboards, webhooks, oauth, asset_shares, governance):
        module.register(service, app)
    removed.register(service, app)  # last: PUT/DELETE on the same paths stay answered
