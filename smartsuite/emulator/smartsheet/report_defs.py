"""Emulated report writes and structure (Python SDK 3.9.0 ``reports.py``; C# SDK 6.7.0 /
7.2.0): create, delete, the definition (GET and PUT: the SDK code sends PUT), the scope
(token-paged list; add and remove with a JSON body, DELETE included) and report columns by
virtual id (token-paged list, add, get, update, delete)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
from aiohttp import web

from ..base import json_response
from ._http import (
    Route,
    body_json,
    int_id,
    result,
    state_of,
    token_result,
)
from .state import ApiFailure, SmartsheetState, now_iso

if TYPE_CHECKING:
    from .integrations_state import ReportState

_DEFINITION_KEYS = {"filters", "groupingCriteria", "summarizingCriteria", "sortingCriteria"}


_BASE = "/reports/{report_id}"


def scope_list(state: SmartsheetState, body: Any) -> list[tuple[str, int]]:
    places = state.account.containers
    if not isinstance(body, list) or not body:
        raise ApiFailure(400, 1008, "Unable to parse request: expected a list of scopes.")
    out = []
    for item in body:
        kind = item.get("assetType") if isinstance(item, dict) else None
        ident = item.get("assetId") if isinstance(item, dict) else None
        if kind not in ("sheet", "workspace") or not isinstance(ident, int):
            raise ApiFailure(400, 1012, "A scope needs assetType sheet|workspace and assetId.")
        if kind == "sheet":
            state.sheet(ident)
        else:
            places.workspace(ident)
        out.append((kind, ident))
    return out


def add_scope_to(report: ReportState, scopes: list[tuple[str, int]]) -> None:
    for kind, ident in scopes:
        target = report.source_sheet_ids if kind == "sheet" else report.scope_workspaces
        if ident not in target:
            target.append(ident)


def columns(state: SmartsheetState, report: ReportState) -> list[dict[str, Any]]:
    reports = state.integrations
    cols = reports.report_columns(report)
    out = []
    for col in cols:
        override = report.column_overrides.get(col["virtualId"], {})
        out.append({**col, **override})
    out.sort(key=lambda c: c["index"])
    return out


def column(report: ReportState, request: web.Request) -> dict[str, Any]:
    wanted = int_id(request, "virtual_id")
    for col in columns(state_of(request), report):
        if col["virtualId"] == wanted:
            return col
    raise ApiFailure(404, 1006, "Not Found: no such report column.")


async def create(request: web.Request) -> web.Response:
    state = state_of(request)
    reports = state.integrations
    body = await body_json(request)
    if not isinstance(body, dict) or not isinstance(body.get("name"), str):
        raise ApiFailure(400, 1012, "A required object attribute is missing: name.")
    scopes = scope_list(state, body.get("scope"))
    report = reports.add_report(body["name"], [])
    add_scope_to(report, scopes)
    definition = body.get("reportDefinition")
    if isinstance(definition, dict):
        report.definition = {k: v for k, v in definition.items() if k in _DEFINITION_KEYS}
    titles = [c.get("title") for c in body.get("columns") or [] if isinstance(c, dict)]
    if titles:
        report.column_titles = [t for t in titles if isinstance(t, str)]
    return result(
        {
            **{k: v for k, v in report.summary().items() if k != "createdAt"},
            "isSummaryReport": bool(body.get("isSummaryReport")),
            "columns": columns(state, report),
        }
    )


async def delete(request: web.Request) -> web.Response:
    reports = state_of(request).integrations
    report = reports.report(int_id(request, "report_id"))
    del reports.reports[report.id]
    return result(None)


async def get_definition(request: web.Request) -> web.Response:
    reports = state_of(request).integrations
    report = reports.report(int_id(request, "report_id"))
    return json_response(report.definition)


async def put_definition(request: web.Request) -> web.Response:
    reports = state_of(request).integrations
    report = reports.report(int_id(request, "report_id"))
    body = await body_json(request)
    if not isinstance(body, dict) or set(body) - _DEFINITION_KEYS:
        raise ApiFailure(400, 1008, "Unable to parse request: not a report definition.")
    report.definition = dict(body)
    report.modified_at = now_iso()
    return result(None)


async def list_scope(request: web.Request) -> web.Response:
    reports = state_of(request).integrations
    report = reports.report(int_id(request, "report_id"))
    items = [{"assetType": "sheet", "assetId": i} for i in report.source_sheet_ids]
    items += [{"assetType": "workspace", "assetId": i} for i in report.scope_workspaces]
    return token_result(request, items)


async def add_scope(request: web.Request) -> web.Response:
    state = state_of(request)
    reports = state.integrations
    report = reports.report(int_id(request, "report_id"))
    add_scope_to(report, scope_list(state, await body_json(request)))
    return result(None)


async def remove_scope(request: web.Request) -> web.Response:
    state = state_of(request)
    reports = state.integrations
    report = reports.report(int_id(request, "report_id"))
    for kind, ident in scope_list(state, await body_json(request)):
        target = report.source_sheet_ids if kind == "sheet" else report.scope_workspaces
        if ident in target:
            target.remove(ident)
    return result(None)


async def list_columns(request: web.Request) -> web.Response:
    state = state_of(request)
    reports = state.integrations
    report = reports.report(int_id(request, "report_id"))
    return token_result(request, columns(state, report))


async def add_columns(request: web.Request) -> web.Response:
    state = state_of(request)
    reports = state.integrations
    report = reports.report(int_id(request, "report_id"))
    body = await body_json(request)
    if not isinstance(body, list) or not body:
        raise ApiFailure(400, 1008, "Unable to parse request: expected a list of columns.")
    titles = [str(c["title"]) for c in body if isinstance(c, dict) and "title" in c]
    if len(titles) != len(body):
        raise ApiFailure(400, 1012, "A required object attribute is missing: title.")
    known = {c["title"] for c in reports.report_columns(attrs.evolve(report, column_titles=None))}
    missing = [t for t in titles if t not in known]
    if missing:
        raise ApiFailure(400, 1012, f"No source column has the title {missing[0]}.")
    current = report.column_titles or [k[0] for k in report.virtual_ids]
    report.column_titles = current + [t for t in titles if t not in current]
    added = [c for c in columns(state, report) if c["title"] in titles]
    return result(added)


async def get_column(request: web.Request) -> web.Response:
    reports = state_of(request).integrations
    report = reports.report(int_id(request, "report_id"))
    return json_response(column(report, request))


async def update_column(request: web.Request) -> web.Response:
    reports = state_of(request).integrations
    report = reports.report(int_id(request, "report_id"))
    col = column(report, request)
    body = await body_json(request)
    if not isinstance(body, dict):
        raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
    changes = {k: body[k] for k in ("title", "index", "hidden", "width") if k in body}
    report.column_overrides.setdefault(col["virtualId"], {}).update(changes)
    return result(column(report, request))


async def delete_column(request: web.Request) -> web.Response:
    reports = state_of(request).integrations
    report = reports.report(int_id(request, "report_id"))
    col = column(report, request)
    title = next(k[0] for k, v in report.virtual_ids.items() if v == col["virtualId"])
    current = report.column_titles or [k[0] for k in report.virtual_ids]
    report.column_titles = [t for t in current if t != title]
    report.column_overrides.pop(col["virtualId"], None)
    return result(None)


ROUTES: tuple[Route, ...] = (
    ("POST", "/reports", create),
    ("DELETE", _BASE, delete),
    ("GET", _BASE + "/definition", get_definition),
    ("PUT", _BASE + "/definition", put_definition),
    ("GET", _BASE + "/scope", list_scope),
    ("POST", _BASE + "/scope", add_scope),
    ("DELETE", _BASE + "/scope", remove_scope),
    ("GET", _BASE + "/columns", list_columns),
    ("POST", _BASE + "/columns", add_columns),
    ("GET", _BASE + "/columns/{virtual_id}", get_column),
    ("PUT", _BASE + "/columns/{virtual_id}", update_column),
    ("DELETE", _BASE + "/columns/{virtual_id}", delete_column),
)
