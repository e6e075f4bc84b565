"""Report creation, definitions, scope and columns, mixed into ``ss.reports`` (Python SDK
3.9.0 ``reports.py``; JavaScript SDK 4.8.0; C# SDK 6.7.0 and 7.2.0).

The definition update is ``PUT``: the Python, C# and JavaScript SDK code all send PUT, although
the JavaScript 4.8.0 changelog says PATCH.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.renames import renamed_arg
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.report_definitions import CreatedReport, ReportDefinition, ReportScopeInclusion
from ..models.reports import ReportColumn

ScopeInput = ReportScopeInclusion | Mapping[str, Any] | tuple[str, int]
_SCOPE_TYPES = {"sheet", "workspace"}
_DESTINATION_TYPES = {"folder", "workspace"}


class ReportDefinitions(SmartsheetResource):
    @operation("create-report", "POST", "/reports")
    async def create(
        self,
        name: str,
        *,
        scope: Iterable[ScopeInput],
        columns: Iterable[ReportColumn | Mapping[str, Any]] | None = None,
        definition: ReportDefinition | Mapping[str, Any] | None = None,
        is_summary_report: bool | None = None,
        destination_type: str | None = None,
        destination_id: int | None = None,
    ) -> CreatedReport:
        """Create a report (``POST /reports``, ``create-report``). Not repeated after an
        ambiguous failure.

        Args:
            name: the report name.
            scope: the sheets and workspaces it draws rows from: ``("sheet", id)`` pairs,
                :class:`ReportScopeInclusion` objects or dicts.
            columns: the report columns (by title, type and ``virtualId``).
            definition: filters, grouping, summarizing and sorting.
            is_summary_report: a sheet-summary report.
            destination_type: ``folder`` or ``workspace`` (with ``destination_id``).

        Raises:
            ConfigurationError: an empty name or scope, or a bad destination.
        """
        if not isinstance(name, str) or not name.strip():
            raise ConfigurationError("a report needs a non-empty name")
        body: dict[str, Any] = {"name": name, "scope": self._scope_body(scope)}
        if columns is not None:
            body["columns"] = [self._plain(c) for c in columns]
        if definition is not None:
            body["reportDefinition"] = self._plain(definition)
        if is_summary_report is not None:
            body["isSummaryReport"] = is_summary_report
        if destination_type is not None or destination_id is not None:
            kind = str(destination_type or "").lower()
            if kind not in _DESTINATION_TYPES or destination_id is None:
                raise ConfigurationError(
                    "destination_type must be 'folder' or 'workspace', with destination_id"
                )
            body["destination"] = {
                "destinationType": destination_type,
                "destinationId": int(destination_id),
            }
        return (await self._result(cast_to=CreatedReport, json=body)).result

    @operation("delete-report", "DELETE", "/reports/{reportId}")
    async def delete(self, report_id: int) -> Result:
        """Delete a report (``DELETE /reports/{reportId}``, ``delete-report``)."""
        return await self._result(report_id)

    @operation("get-report-definition", "GET", "/reports/{reportId}/definition")
    async def get_definition(self, report_id: int) -> ReportDefinition:
        """A report's filters and grouping, summarizing and sorting criteria
        (``GET /reports/{reportId}/definition``, ``get-report-definition``)."""
        return await self._object(report_id, cast_to=ReportDefinition)

    @operation("update-report-definition", "PUT", "/reports/{reportId}/definition", idempotent=True)
    async def update_definition(
        self, report_id: int, definition: ReportDefinition | Mapping[str, Any]
    ) -> Result:
        """Replace a report's definition (``PUT /reports/{reportId}/definition``,
        ``update-report-definition``)."""
        body = self._plain(definition)
        return await self._result(report_id, json=body)

    @operation("list-report-scope", "GET", "/reports/{reportId}/scope")
    def list_scope(
        self, report_id: int, *, page_size: int | None = None, max_items: int | None = None
    ) -> AsyncPaginator[ReportScopeInclusion]:
        """The sheets and workspaces a report draws from (``GET /reports/{reportId}/scope``,
        ``list-report-scope``), token-paged, ``page_size`` items a request (``max_items`` is
        its deprecated name)."""
        size = renamed_arg("page_size", page_size, "max_items", max_items)
        return self._token_pages(report_id, cast_to=ReportScopeInclusion, page_size=size)

    @operation("add-report-scope", "POST", "/reports/{reportId}/scope", idempotent=True)
    async def add_scope(self, report_id: int, scope: Iterable[ScopeInput]) -> Result:
        """Add sheets or workspaces to a report's scope (``POST /reports/{reportId}/scope``,
        ``add-report-scope``). Adding what is already in scope changes nothing."""
        body = self._scope_body(scope)
        return await self._result(report_id, json=body)

    @operation("remove-report-scope", "DELETE", "/reports/{reportId}/scope")
    async def remove_scope(self, report_id: int, scope: Iterable[ScopeInput]) -> Result:
        """Remove sheets or workspaces from a report's scope (``DELETE /reports/{reportId}/
        scope``, ``remove-report-scope``; the DELETE carries a JSON body)."""
        body = self._scope_body(scope)
        return await self._result(report_id, json=body)

    @operation("list-report-columns", "GET", "/reports/{reportId}/columns")
    def list_columns(
        self,
        report_id: int,
        *,
        level: int | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[ReportColumn]:
        """A report's columns (``GET /reports/{reportId}/columns``, ``list-report-columns``),
        token-paged.

        Args:
            level: the column feature level (e.g. 2 or 3 for multi-contact and more).
            page_size: items per request (``maxItems``); ``max_items`` is its deprecated name.
        """
        size = renamed_arg("page_size", page_size, "max_items", max_items)
        params = {"level": level}
        return self._token_pages(report_id, cast_to=ReportColumn, params=params, page_size=size)

    @operation("add-report-columns", "POST", "/reports/{reportId}/columns")
    async def add_columns(
        self, report_id: int, columns: Iterable[ReportColumn | Mapping[str, Any]]
    ) -> list[ReportColumn]:
        """Add columns to a report (``POST /reports/{reportId}/columns``,
        ``add-report-columns``)."""
        body = [self._plain(c) for c in columns]
        if not body:
            raise ConfigurationError("no columns given")
        return (await self._result_list(report_id, cast_to=ReportColumn, json=body)).result

    @operation("get-report-column", "GET", "/reports/{reportId}/columns/{columnVirtualId}")
    async def get_column(
        self, report_id: int, column_virtual_id: int, *, level: int | None = None
    ) -> ReportColumn:
        """One report column by its virtual id (``get-report-column``)."""
        return await self._object(
            report_id, column_virtual_id, cast_to=ReportColumn, params={"level": level}
        )

    @operation(
        "update-report-column",
        "PUT",
        "/reports/{reportId}/columns/{columnVirtualId}",
        idempotent=True,
    )
    async def update_column(
        self,
        report_id: int,
        column_virtual_id: int,
        *,
        title: str | None = None,
        index: int | None = None,
        hidden: bool | None = None,
        width: int | None = None,
    ) -> ReportColumn:
        """Change a report column's title, position, visibility or width
        (``PUT /reports/{reportId}/columns/{columnVirtualId}``, ``update-report-column``)."""
        fields = {"title": title, "index": index, "hidden": hidden, "width": width}
        body = {k: v for k, v in fields.items() if v is not None}
        if not body:
            raise ConfigurationError("nothing to update: give title, index, hidden or width")
        result = await self._result(report_id, column_virtual_id, cast_to=ReportColumn, json=body)
        return result.result

    @operation("delete-report-column", "DELETE", "/reports/{reportId}/columns/{columnVirtualId}")
    async def delete_column(self, report_id: int, column_virtual_id: int) -> Result:
        """Remove a column from a report (``delete-report-column``)."""
        return await self._result(report_id, column_virtual_id)

    def _plain(self, value: Any) -> Any:
        if isinstance(value, Mapping):
            return dict(value)
        encoded = self._encode(value)
        if isinstance(encoded, dict):
            return {k: v for k, v in encoded.items() if v is not None}
        return encoded

    def _scope_body(self, scope: Iterable[ScopeInput]) -> list[dict[str, Any]]:
        body: list[dict[str, Any]] = []
        for item in scope:
            if isinstance(item, tuple):
                kind, ident = item
                entry: dict[str, Any] = {"assetType": kind, "assetId": ident}
            else:
                entry = self._plain(item)
            kind = str(entry.get("assetType", "")).lower()
            if kind not in _SCOPE_TYPES or not isinstance(entry.get("assetId"), int):
                raise ConfigurationError(
                    f"a scope entry needs assetType 'sheet' or 'workspace' and an integer "
                    f"assetId, not {item!r}"
                )
            body.append({"assetType": kind, "assetId": entry["assetId"]})
        if not body:
            raise ConfigurationError("a report scope needs at least one sheet or workspace")
        return body
