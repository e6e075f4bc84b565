"""``ss.reports``: list and read reports (with row paging), email them, publish them; create
and delete them, their definition, scope and columns (:mod:`.report_definitions`).

Report shares are in ``ss.shares`` (``asset_type="report"``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator, Page
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.reports import Report, ReportPublish, ReportRow
from ._params import email_body, path_id
from .report_definitions import ReportDefinitions

#: The API serves at most this many report rows per page.
MAX_REPORT_PAGE_SIZE = 10_000
REPORT_EMAIL_FORMATS = ("PDF", "PDF_GANTT", "EXCEL")


class Reports(ReportDefinitions, SmartsheetResource):
    @operation("getReports", "GET", "/reports")
    def list(
        self, *, modified_since: str | None = None, page_size: int | None = None
    ) -> AsyncPaginator[Report]:
        """List the reports the token can see (``GET /reports``, ``getReports``).

        Args:
            modified_since: ISO-8601 timestamp; only reports modified since.
            page_size: page size for the walk.

        Returns:
            A paginator of :class:`Report` summaries (no rows).
        """
        params = {"modifiedSince": modified_since}
        return self._index(cast_to=Report, params=params, page_size=page_size)

    @operation("getReport", "GET", "/reports/{reportId}")
    async def get(
        self,
        report_id: int,
        *,
        include: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
        page_size: int | None = None,
        page: int | None = None,
        level: int | None = None,
        access_api_level: int | None = None,
    ) -> Report:
        """Get a report with one page of its rows (``GET /reports/{reportId}``, ``getReport``).

        Args:
            report_id: the report.
            include: ``attachments``, ``discussions``, ``format``, ``objectValue``,
                ``scope``, ``source``, ``sourceSheets`` ...
            exclude: ``linkInFromCellDetails``, ``linksOutToCellsDetails``.
            page_size: rows per page (at most 10,000).
            page: the 1-based page of rows.
            level: complex-object level (3 for multi-contact/multi-picklist values).
            access_api_level: 1 to report viewer-commenter access as ``COMMENTER``.

        Returns:
            The report; ``rows`` holds the requested page, ``total_row_count`` all rows.

        Raises:
            ConfigurationError: a page size outside 1..10,000 or a page below 1.
            NotFoundError: no such report (errorCode 1006).
        """
        params = {
            "include": include,
            "exclude": exclude,
            "pageSize": _page_size(page_size),
            "page": _page(page),
            "level": level,
            "accessApiLevel": access_api_level,
        }
        return await self._object(report_id, cast_to=Report, params=params)

    def rows(
        self,
        report_id: int,
        *,
        page_size: int = 1000,
        include: Sequence[str] | None = None,
        level: int | None = None,
    ) -> AsyncPaginator[ReportRow]:
        """Walk every row of a report, one page of rows per request.

        Args:
            report_id: the report.
            page_size: rows per request (at most 10,000).
            include: as for :meth:`get`.
            level: as for :meth:`get`.

        Returns:
            A paginator of :class:`ReportRow` (``async for row in ss.reports.rows(id)``).
        """
        path = f"/reports/{path_id(report_id, 'report_id')}"
        size = _page_size(page_size) or 1000

        async def fetch(cursor: Hashable | None) -> Page[ReportRow]:
            number = cursor if isinstance(cursor, int) else 1
            params = {"include": include, "level": level, "pageSize": size, "page": number}
            report = await self._object(method="GET", path=path, cast_to=Report, params=params)
            total = report.total_row_count or 0
            pages = max(1, -(-total // size))
            return Page(
                report.rows or [],
                number + 1 if number < pages else None,
                total,
                number,
                pages,
            )

        return AsyncPaginator(fetch, max_pages=self._transport.limits.max_pages)

    async def export_csv(self, report_id: int) -> bytes:
        """Every row of the report as CSV (``GET /reports/{reportId}`` with
        ``Accept: text/csv``; the same operation as :meth:`get`).

        Returns:
            The CSV bytes: a title row, then one line per row.
        """
        response = await self._request(
            "GET",
            f"/reports/{path_id(report_id, 'report_id')}",
            headers={"Accept": "text/csv"},
            expect_json=False,
        )
        return response.body

    @operation("sendReportViaEmail", "POST", "/reports/{reportId}/emails")
    async def send(
        self,
        report_id: int,
        send_to: Any,
        *,
        format: str = "PDF",
        paper_size: str | None = None,
        subject: str | None = None,
        message: str | None = None,
        cc_me: bool | None = None,
    ) -> Result:
        """Email the report as an attachment (``POST /reports/{reportId}/emails``,
        ``sendReportViaEmail``).

        Args:
            report_id: the report.
            send_to: email addresses, group ids or :class:`Recipient` objects.
            format: ``PDF``, ``PDF_GANTT`` or ``EXCEL``.
            paper_size: ``LETTER``, ``LEGAL``, ``A4`` ... (PDF only).
            subject / message / cc_me: the email.

        Raises:
            ConfigurationError: no recipients or an unknown format.
        """
        if format not in REPORT_EMAIL_FORMATS:
            raise ConfigurationError(f"format must be one of {REPORT_EMAIL_FORMATS}")
        body = email_body(send_to, format, paper_size, subject, message, cc_me)
        return await self._result(report_id, json=body)

    @operation("getReportPublish", "GET", "/reports/{reportId}/publish")
    async def get_publish(self, report_id: int) -> ReportPublish:
        """The report's publish settings (``GET /reports/{reportId}/publish``)."""
        return await self._object(report_id, cast_to=ReportPublish)

    @operation("SetReportPublish", "PUT", "/reports/{reportId}/publish")
    async def set_publish(self, report_id: int, publish: ReportPublish) -> ReportPublish:
        """Publish or unpublish a report (``PUT /reports/{reportId}/publish``).

        Args:
            report_id: the report.
            publish: e.g. ``ReportPublish(read_only_full_enabled=True,
                read_only_full_accessible_by="ORG")``.

        Returns:
            The settings, with ``read_only_full_url`` when published.

        Raises:
            ConfigurationError: ``read_only_full_enabled`` is not set.
        """
        body = self._encode(publish)
        body.pop("readOnlyFullUrl", None)  # read-only
        if "readOnlyFullEnabled" not in body:
            raise ConfigurationError("read_only_full_enabled is required")
        return (await self._result(report_id, cast_to=ReportPublish, json=body)).result


def _page_size(value: int | None) -> int | None:
    if value is not None and not 1 <= value <= MAX_REPORT_PAGE_SIZE:
        raise ConfigurationError(f"page_size must be 1..{MAX_REPORT_PAGE_SIZE}, got {value}")
    return value


def _page(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise ConfigurationError(f"page must be 1 or more, got {value}")
    return value
