"""Emulated reports (built live over the sheets), their publish settings, emails and shares."""

from __future__ import annotations

import csv
import io
import secrets
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from . import exports
from ._http import body_json, handler, index_result, int_id, query_int, result
from .state import ApiFailure

if TYPE_CHECKING:
    from .service import SmartsheetService

#: The largest page of report rows the API serves.
MAX_PAGE_SIZE = 10_000
_EMAIL_FORMATS = {"PDF", "PDF_GANTT", "EXCEL"}


def _paging(request: web.Request) -> tuple[int, int]:
    size = query_int(request, "pageSize", 100)
    page = query_int(request, "page", 1)
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ApiFailure(400, 1018, f"The value {size} was not valid for the parameter pageSize.")
    return size, max(1, page)


def _csv(columns: list[dict[str, Any]], rows: list[dict[str, Any]]) -> web.Response:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c["title"] for c in columns])
    for row in rows:
        by_column = {c["virtualColumnId"]: c for c in row["cells"]}
        writer.writerow(
            [
                by_column.get(c["virtualId"], {}).get(
                    "displayValue", by_column.get(c["virtualId"], {}).get("value", "")
                )
                for c in columns
            ]
        )
    return web.Response(body=out.getvalue().encode(), content_type="text/csv")


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state
    reports = state.integrations

    async def list_reports(request: web.Request) -> web.Response:
        return index_result(request, [r.summary() for r in reports.reports.values()])

    async def get_report(request: web.Request) -> web.Response:
        report = reports.report(int_id(request, "report_id"))
        columns = reports.report_columns(report)
        rows = reports.report_rows(report, columns)
        media = exports.wanted(request)
        if media == exports.CSV:
            return _csv(columns, rows)
        if media == exports.EXCEL:
            table = [[c["title"] for c in columns]]
            for row in rows:
                cells = {c["virtualColumnId"]: c for c in row["cells"]}
                table.append([str(cells.get(c["virtualId"], {}).get("value", "")) for c in columns])
            return exports.export(media, report.name, table)
        size, page = _paging(request)
        pages = max(1, -(-len(rows) // size))
        page = min(page, pages)
        body: dict[str, Any] = {
            **report.summary(),
            "totalRowCount": len(rows),
            "columns": columns,
            "rows": rows[(page - 1) * size : page * size],
        }
        include = set(request.query.get("include", "").split(","))
        if "sourceSheets" in include:
            body["sourceSheets"] = [
                state.sheets[i].summary() for i in report.source_sheet_ids if i in state.sheets
            ]
        if "scope" in include:
            body["scope"] = {
                "sheets": [{"id": i} for i in report.source_sheet_ids],
                "workspaces": [],
            }
        return json_response(body)

    async def send_report(request: web.Request) -> web.Response:
        report = reports.report(int_id(request, "report_id"))
        body = await body_json(request)
        if not isinstance(body, dict) or not body.get("sendTo"):
            raise ApiFailure(400, 1012, "A required object attribute is missing: sendTo")
        if body.get("format", "PDF") not in _EMAIL_FORMATS:
            raise ApiFailure(400, 1031, f"The value {body['format']} was not valid for format.")
        state.sent_emails.append({"reportId": report.id, **body})
        return result(None)

    async def get_publish(request: web.Request) -> web.Response:
        report = reports.report(int_id(request, "report_id"))
        return json_response(report.publish)

    async def set_publish(request: web.Request) -> web.Response:
        report = reports.report(int_id(request, "report_id"))
        body = await body_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("readOnlyFullEnabled"), bool):
            raise ApiFailure(
                400, 1012, "A required object attribute is missing: readOnlyFullEnabled"
            )
        settings = {k: v for k, v in body.items() if k.startswith("readOnlyFull")}
        settings.pop("readOnlyFullUrl", None)
        if settings["readOnlyFullEnabled"]:
            settings.setdefault("readOnlyFullAccessibleBy", "ALL")
            settings.setdefault("readOnlyFullDefaultView", "GRID")
            settings.setdefault("readOnlyFullShowToolbar", True)
            url = report.publish.get("readOnlyFullUrl") or (
                f"https://publish.smartsheet.com/{secrets.token_hex(16)}"
            )
            settings["readOnlyFullUrl"] = url
        report.publish = settings
        return result(settings)

    base = "/reports/{report_id}"
    app.router.add_get("/reports", handler(service, list_reports))
    app.router.add_get(base, handler(service, get_report))
    app.router.add_post(base + "/emails", handler(service, send_report))
    app.router.add_get(base + "/publish", handler(service, get_publish))
    app.router.add_put(base + "/publish", handler(service, set_publish))
