"""Emulated saved sheet filters (``/sheets/{id}/filters``; Python SDK 4.4.0 ``list_filters``,
``get_filter``, ``delete_filter``). Filters are made in the app, so tests seed them with
:func:`add_filter`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import handler, index_result, int_id, result
from .state import ApiFailure, SheetState

if TYPE_CHECKING:
    from .service import SmartsheetService


def filters_of(sheet: SheetState) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = sheet.extra.setdefault("filters", [])
    return found


def add_filter(
    sheet: SheetState, ident: int, name: str, *, filter_type: str = "PERSONAL", **query: Any
) -> dict[str, Any]:
    """Put a saved filter on an emulated sheet."""
    entry = {
        "id": ident,
        "name": name,
        "filterType": filter_type,
        "query": {"operator": "AND", "includeParent": False, "criteria": [], **query},
        "version": 1,
    }
    filters_of(sheet).append(entry)
    return entry


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    def find(request: web.Request) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        filters = filters_of(state.sheet(int_id(request, "sheet_id")))
        wanted = int_id(request, "filter_id")
        for entry in filters:
            if entry["id"] == wanted:
                return filters, entry
        raise ApiFailure(404, 1006, "Not Found: no such filter.")

    async def listing(request: web.Request) -> web.Response:
        return index_result(request, filters_of(state.sheet(int_id(request, "sheet_id"))))

    async def get_one(request: web.Request) -> web.Response:
        return json_response(find(request)[1])

    async def delete(request: web.Request) -> web.Response:
        filters, entry = find(request)
        filters.remove(entry)
        return result(None)

    base = "/sheets/{sheet_id}/filters"
    app.router.add_get(base, handler(service, listing))
    app.router.add_get(base + "/{filter_id}", handler(service, get_one))
    app.router.add_delete(base + "/{filter_id}", handler(service, delete))
