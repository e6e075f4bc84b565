"""Report and dashboard shares, mixed into ``ss.sharing`` (:class:`~.sharing.Sharing`).

Reports live under ``/reports/{id}/shares`` and dashboards (the API's "sights") under
``/sights/{id}/shares``; both use the share helpers every object kind shares.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..._core.paging import AsyncPaginator
from .._resource import operation
from ..models.common import Result
from ..models.sharing import Share
from ._payload import path_id
from .sharing_workspaces import ShareInput, _ShareHelpers


def _report_shares(report_id: int) -> str:
    return f"/reports/{path_id(report_id, 'report_id')}/shares"


def _dashboard_shares(dashboard_id: int) -> str:
    return f"/sights/{path_id(dashboard_id, 'dashboard_id')}/shares"


class ReportSharing:
    @operation("list-report-shares", "GET", "/reports/{reportId}/shares")
    def list_report_shares(
        self: _ShareHelpers,
        report_id: int,
        *,
        sharing_include: str | None = None,
        access_api_level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Share]:
        """List a report's shares (``GET /reports/{reportId}/shares``, ``list-report-shares``).

        Args:
            report_id: the report.
            sharing_include: ``ITEM`` or ``WORKSPACE`` to list only those scopes.
            access_api_level: 1 to report viewer-commenter levels as ``COMMENTER``.
            page_size: page size for the walk.

        Returns:
            A paginator of :class:`Share`.
        """
        return self._list(_report_shares(report_id), sharing_include, access_api_level, page_size)

    @operation("share-report", "POST", "/reports/{reportId}/shares")
    async def share_report(
        self: _ShareHelpers,
        report_id: int,
        shares: ShareInput | Iterable[ShareInput],
        *,
        send_email: bool | None = None,
        access_api_level: int | None = None,
    ) -> list[Share]:
        """Share a report with users or groups (``POST /reports/{reportId}/shares``,
        ``share-report``).

        Args:
            report_id: the report.
            shares: one :class:`Share` (or dict) or several; each needs ``access_level`` and
                one of ``email``, ``user_id`` or ``group_id``.
            send_email: notify the recipients.
            access_api_level: 1 to allow ``COMMENTER``.

        Returns:
            The created shares, one per input.

        Raises:
            ConfigurationError: a share without an access level or recipient.
        """
        return await self._create(_report_shares(report_id), shares, send_email, access_api_level)

    @operation("share-report-get", "GET", "/reports/{reportId}/shares/{shareId}")
    async def get_report_share(
        self: _ShareHelpers, report_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> Share:
        """One share of a report (``GET /reports/{reportId}/shares/{shareId}``,
        ``share-report-get``).

        Raises:
            NotFoundError: no such report or share.
        """
        return await self._get_share(_report_shares(report_id), share_id, access_api_level)

    @operation("update-report-share", "PUT", "/reports/{reportId}/shares/{shareId}")
    async def update_report_share(
        self: _ShareHelpers,
        report_id: int,
        share_id: str,
        access_level: str,
        *,
        access_api_level: int | None = None,
    ) -> Share:
        """Change a report share's access level (``PUT /reports/{reportId}/shares/{shareId}``,
        ``update-report-share``).

        Returns:
            The updated share.
        """
        return await self._update(
            _report_shares(report_id), share_id, access_level, access_api_level
        )

    @operation("delete-report-share", "DELETE", "/reports/{reportId}/shares/{shareId}")
    async def delete_report_share(
        self: _ShareHelpers, report_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> Result:
        """Stop sharing a report with someone (``DELETE /reports/{reportId}/shares/{shareId}``,
        ``delete-report-share``)."""
        return await self._delete(_report_shares(report_id), share_id, access_api_level)


class DashboardSharing:
    @operation("list-sight-shares", "GET", "/sights/{sightId}/shares")
    def list_dashboard_shares(
        self: _ShareHelpers,
        dashboard_id: int,
        *,
        sharing_include: str | None = None,
        access_api_level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Share]:
        """List a dashboard's shares (``GET /sights/{sightId}/shares``, ``list-sight-shares``).

        Args:
            dashboard_id: the dashboard.
            sharing_include: ``ITEM`` or ``WORKSPACE`` to list only those scopes.
            access_api_level: 1 to report viewer-commenter levels as ``COMMENTER``.
            page_size: page size for the walk.

        Returns:
            A paginator of :class:`Share`.
        """
        return self._list(
            _dashboard_shares(dashboard_id), sharing_include, access_api_level, page_size
        )

    @operation("share-sight", "POST", "/sights/{sightId}/shares")
    async def share_dashboard(
        self: _ShareHelpers,
        dashboard_id: int,
        shares: ShareInput | Iterable[ShareInput],
        *,
        send_email: bool | None = None,
        access_api_level: int | None = None,
    ) -> list[Share]:
        """Share a dashboard with users or groups (``POST /sights/{sightId}/shares``,
        ``share-sight``).

        Args:
            dashboard_id: the dashboard.
            shares: one :class:`Share` (or dict) or several; each needs ``access_level`` and
                one of ``email``, ``user_id`` or ``group_id``.
            send_email: notify the recipients.
            access_api_level: 1 to allow ``COMMENTER``.

        Returns:
            The created shares, one per input.

        Raises:
            ConfigurationError: a share without an access level or recipient.
        """
        return await self._create(
            _dashboard_shares(dashboard_id), shares, send_email, access_api_level
        )

    @operation("share-sight-get", "GET", "/sights/{sightId}/shares/{shareId}")
    async def get_dashboard_share(
        self: _ShareHelpers,
        dashboard_id: int,
        share_id: str,
        *,
        access_api_level: int | None = None,
    ) -> Share:
        """One share of a dashboard (``GET /sights/{sightId}/shares/{shareId}``,
        ``share-sight-get``).

        Raises:
            NotFoundError: no such dashboard or share.
        """
        return await self._get_share(_dashboard_shares(dashboard_id), share_id, access_api_level)

    @operation("update-sight-share", "PUT", "/sights/{sightId}/shares/{shareId}")
    async def update_dashboard_share(
        self: _ShareHelpers,
        dashboard_id: int,
        share_id: str,
        access_level: str,
        *,
        access_api_level: int | None = None,
    ) -> Share:
        """Change a dashboard share's access level (``PUT /sights/{sightId}/shares/{shareId}``,
        ``update-sight-share``).

        Returns:
            The updated share.
        """
        return await self._update(
            _dashboard_shares(dashboard_id), share_id, access_level, access_api_level
        )

    @operation("delete-sight-share", "DELETE", "/sights/{sightId}/shares/{shareId}")
    async def delete_dashboard_share(
        self: _ShareHelpers,
        dashboard_id: int,
        share_id: str,
        *,
        access_api_level: int | None = None,
    ) -> Result:
        """Stop sharing a dashboard with someone (``DELETE /sights/{sightId}/shares/{shareId}``,
        ``delete-sight-share``)."""
        return await self._delete(_dashboard_shares(dashboard_id), share_id, access_api_level)
