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
from ._http import add_routes

if TYPE_CHECKING:
    from types import ModuleType

    from .service import SmartsheetService

#: Registration order (the router tries routes in this order). A module lists its handlers in
#: ``ROUTES``; modules not yet moved to a table add theirs in ``register(service, app)``.
MODULES: tuple[ModuleType, ...] = (
    imports,  # first: /sheets/import must win over /sheets/{id}
    *(sheets, rows, columns, rows_transfer, cells, summary, cross_sheet_references, filters),
    *(attachments, discussions, automation, proofs, update_requests),
    *(users, plans, groups, containers, children, favorites, discovery),
    *(reports, report_defs, dashboards, webhooks, oauth, asset_shares, governance),
    removed,  # last: PUT/DELETE on the same paths stay answered
)


def register(service: SmartsheetService, app: web.Application) -> None:
    for module in MODULES:
        if hasattr(module, "ROUTES"):
            add_routes(service, app, module.ROUTES)
        else:
            module.register(service, app)
