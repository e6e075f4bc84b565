"""Deprecated report and dashboard share methods, mixed into ``ss.sharing``; they forward
to ``ss.shares`` (see :mod:`._share_shims`)."""

from __future__ import annotations

from collections.abc import Iterable

from ..._core.paging import AsyncPaginator
from ..models.common import Result
from ..models.shares import AssetShare
from ._share_shims import ShareInput, ShareShims


class ReportSharing(ShareShims):
    """Deprecated report share methods: each warns and forwards to ``ss.shares`` with
    ``asset_type='report'``."""

    def list_report_shares(
        self,
        report_id: int,
        *,
        sharing_include: str | None = None,
        access_api_level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[AssetShare]:
        """Deprecated: ``GET /reports/{reportId}/shares`` was removed on 2026-06-03; this lists the
        report's shares through ``ss.shares.list('report', id)`` (token-paged; ``page_size``
        becomes ``maxItems``, ``access_api_level`` is no longer sent)."""
        return self._shim_list(
            "report", report_id, "GET /reports/{reportId}/shares", sharing_include, page_size
        )

    async def share_report(
        self,
        report_id: int,
        shares: ShareInput | Iterable[ShareInput],
        *,
        send_email: bool | None = None,
        access_api_level: int | None = None,
    ) -> list[AssetShare]:
        """Deprecated: ``POST /reports/{reportId}/shares`` was removed on
        2026-06-03; this shares the
        report through ``ss.shares.share('report', id, shares)``."""
        return await self._shim_share(
            "report", report_id, "POST /reports/{reportId}/shares", shares, send_email
        )

    async def get_report_share(
        self, report_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> AssetShare:
        """Deprecated: ``GET /reports/{reportId}/shares/{shareId}`` was removed on 2026-06-03; this
        reads the share through ``ss.shares.get('report', id, share_id)``."""
        return await self._shim_get(
            "report", report_id, "GET /reports/{reportId}/shares/{shareId}", share_id
        )

    async def update_report_share(
        self,
        report_id: int,
        share_id: str,
        access_level: str,
        *,
        access_api_level: int | None = None,
    ) -> AssetShare:
        """Deprecated: ``PUT /reports/{reportId}/shares/{shareId}`` was removed on 2026-06-03; this
        changes the level through ``ss.shares.update('report', id, share_id, level)``
        (``PATCH /shares/{shareId}``)."""
        return await self._shim_update(
            "report", report_id, "PUT /reports/{reportId}/shares/{shareId}", share_id, access_level
        )

    async def delete_report_share(
        self, report_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> Result:
        """Deprecated: ``DELETE /reports/{reportId}/shares/{shareId}`` was removed on
        2026-06-03; this
        deletes the share through ``ss.shares.delete('report', id, share_id)``."""
        return await self._shim_delete(
            "report", report_id, "DELETE /reports/{reportId}/shares/{shareId}", share_id
        )


class DashboardSharing(ShareShims):
    """Deprecated dashboard share methods: each warns and forwards to ``ss.shares`` with
    ``asset_type='sight'``."""

    def list_dashboard_shares(
        self,
        dashboard_id: int,
        *,
        sharing_include: str | None = None,
        access_api_level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[AssetShare]:
        """Deprecated: ``GET /sights/{sightId}/shares`` was removed on 2026-06-03; this lists the
        dashboard's shares through ``ss.shares.list('sight', id)`` (token-paged; ``page_size``
        becomes ``maxItems``, ``access_api_level`` is no longer sent)."""
        return self._shim_list(
            "sight", dashboard_id, "GET /sights/{sightId}/shares", sharing_include, page_size
        )

    async def share_dashboard(
        self,
        dashboard_id: int,
        shares: ShareInput | Iterable[ShareInput],
        *,
        send_email: bool | None = None,
        access_api_level: int | None = None,
    ) -> list[AssetShare]:
        """Deprecated: ``POST /sights/{sightId}/shares`` was removed on 2026-06-03; this shares the
        dashboard through ``ss.shares.share('sight', id, shares)``."""
        return await self._shim_share(
            "sight", dashboard_id, "POST /sights/{sightId}/shares", shares, send_email
        )

    async def get_dashboard_share(
        self, dashboard_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> AssetShare:
        """Deprecated: ``GET /sights/{sightId}/shares/{shareId}`` was removed on 2026-06-03; this
        reads the share through ``ss.shares.get('sight', id, share_id)``."""
        return await self._shim_get(
            "sight", dashboard_id, "GET /sights/{sightId}/shares/{shareId}", share_id
        )

    async def update_dashboard_share(
        self,
        dashboard_id: int,
        share_id: str,
        access_level: str,
        *,
        access_api_level: int | None = None,
    ) -> AssetShare:
        """Deprecated: ``PUT /sights/{sightId}/shares/{shareId}`` was removed on 2026-06-03; this
        changes the level through ``ss.shares.update('sight', id, share_id, level)``
        (``PATCH /shares/{shareId}``)."""
        return await self._shim_update(
            "sight", dashboard_id, "PUT /sights/{sightId}/shares/{shareId}", share_id, access_level
        )

    async def delete_dashboard_share(
        self, dashboard_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> Result:
        """Deprecated: ``DELETE /sights/{sightId}/shares/{shareId}`` was removed on 2026-06-03; this
        deletes the share through ``ss.shares.delete('sight', id, share_id)``."""
        return await self._shim_delete(
            "sight", dashboard_id, "DELETE /sights/{sightId}/shares/{shareId}", share_id
        )
