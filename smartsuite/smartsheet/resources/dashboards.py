"""``ss.dashboards``: dashboards, which the API calls sights (``/sights``).

Dashboard shares are in ``ss.sharing`` (``share_dashboard``, ``list_dashboard_shares`` ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.renames import renamed_arg
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.dashboards import Dashboard, DashboardPublish
from ._containers import sent_destination


class Dashboards(SmartsheetResource):
    @operation("list-sights", "GET", "/sights")
    def list(
        self, *, page_size: int | None = None, max_items: int | None = None
    ) -> AsyncPaginator[Dashboard]:
        """List the dashboards the token can see (``GET /sights``, ``list-sights``).

        Token-paged since 2026-06-03 (``maxItems``/``lastKey``, no totals; no
        ``paginationType``, as the Python SDK 4.4.0 sends none here). ``modifiedSince``,
        ``includeAll`` and page numbers are gone from the API.

        Args:
            page_size: items per request (``maxItems``); ``max_items`` is its deprecated name.
        """
        size = renamed_arg("page_size", page_size, "max_items", max_items)
        return self._token_pages(cast_to=Dashboard, page_size=size)

    @operation("get-sight", "GET", "/sights/{sightId}")
    async def get(
        self,
        dashboard_id: int,
        *,
        include: Sequence[str] | None = None,
        level: int | None = None,
        access_api_level: int | None = None,
        numeric_dates: bool | None = None,
    ) -> Dashboard:
        """Get a dashboard with its widgets (``GET /sights/{sightId}``, ``get-sight``).

        Args:
            include: ``objectValue``, ``source``.
            level: complex-object level for widget contents.

        Raises:
            NotFoundError: no such dashboard.
        """
        params = {
            "include": include,
            "level": level,
            "accessApiLevel": access_api_level,
            "numericDates": numeric_dates,
        }
        return await self._object(dashboard_id, cast_to=Dashboard, params=params)

    @operation("update-sight", "PUT", "/sights/{sightId}")
    async def rename(
        self, dashboard_id: int, name: str, *, numeric_dates: bool | None = None
    ) -> Dashboard:
        """Rename a dashboard (``PUT /sights/{sightId}``, ``update-sight``; the name is the
        only attribute the API lets you change).

        Raises:
            ConfigurationError: an empty name.
        """
        if not name or not name.strip():
            raise ConfigurationError("a dashboard needs a non-empty name")
        params = {"numericDates": numeric_dates}
        result = await self._result(
            dashboard_id, cast_to=Dashboard, json={"name": name}, params=params
        )
        return result.result

    @operation("delete-sight", "DELETE", "/sights/{sightId}")
    async def delete(self, dashboard_id: int) -> Result:
        """Delete a dashboard (``DELETE /sights/{sightId}``, ``delete-sight``)."""
        return await self._result(dashboard_id)

    @operation("copy-sight", "POST", "/sights/{sightId}/copy")
    async def copy(
        self,
        dashboard_id: int,
        *,
        destination_type: str,
        destination_id: int | None = None,
        new_name: str | None = None,
    ) -> Dashboard:
        """Copy a dashboard to a folder, a workspace or home (``POST /sights/{sightId}/copy``).

        Args:
            destination_type: ``folder``, ``workspace`` or ``home``.
            destination_id: the folder or workspace (not for ``home``).
            new_name: the copy's name.

        Returns:
            The new dashboard (id, name, permalink).
        """
        body = sent_destination(destination_type, destination_id, new_name)
        return (await self._result(dashboard_id, cast_to=Dashboard, json=body)).result

    @operation("move-sight", "POST", "/sights/{sightId}/move")
    async def move(
        self, dashboard_id: int, *, destination_type: str, destination_id: int | None = None
    ) -> Dashboard:
        """Move a dashboard to a folder, a workspace or home (``POST /sights/{sightId}/move``).

        Returns:
            The moved dashboard.
        """
        body = sent_destination(destination_type, destination_id)
        return (await self._result(dashboard_id, cast_to=Dashboard, json=body)).result

    @operation("get-sight-publish-status", "GET", "/sights/{sightId}/publish")
    async def get_publish(self, dashboard_id: int) -> DashboardPublish:
        """The dashboard's publish settings (``GET /sights/{sightId}/publish``)."""
        return await self._object(dashboard_id, cast_to=DashboardPublish)

    @operation("set-sight-publish-status", "PUT", "/sights/{sightId}/publish")
    async def set_publish(
        self, dashboard_id: int, *, enabled: bool, accessible_by: str | None = None
    ) -> DashboardPublish:
        """Publish or unpublish a dashboard (``PUT /sights/{sightId}/publish``).

        Args:
            enabled: publish (True) or stop publishing (False).
            accessible_by: ``ALL`` (anyone with the link) or ``ORG``.

        Returns:
            The settings, with ``read_only_full_url`` when published.
        """
        body: dict[str, Any] = {"readOnlyFullEnabled": bool(enabled)}
        if accessible_by is not None:
            if accessible_by not in ("ALL", "ORG"):
                raise ConfigurationError("accessible_by must be ALL or ORG")
            body["readOnlyFullAccessibleBy"] = accessible_by
        return (await self._result(dashboard_id, cast_to=DashboardPublish, json=body)).result
