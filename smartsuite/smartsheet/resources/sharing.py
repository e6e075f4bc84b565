"""``ss.sharing``: shares of sheets (and, from their modules, workspaces, reports, dashboards).

Every object kind is shared the same way under ``/<kind>/{id}/shares``, so the helpers
``_list``, ``_create``, ``_get_share``, ``_update`` and ``_delete`` take the collection path
and the public methods (``share_sheet``, ``list_sheet_shares`` ...) stay one-liners.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.ids import text_id
from ..._core.paging import AsyncPaginator
from ..._core.paths import segment
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.sharing import Share
from .sharing_reports import DashboardSharing, ReportSharing
from .sharing_workspaces import ShareInput, WorkspaceSharing


class Sharing(WorkspaceSharing, ReportSharing, DashboardSharing, SmartsheetResource):
    # -- sheets --------------------------------------------------------------------------

    @operation("list-sheet-shares", "GET", "/sheets/{sheetId}/shares")
    def list_sheet_shares(
        self,
        sheet_id: int,
        *,
        sharing_include: str | None = None,
        access_api_level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Share]:
        """List a sheet's shares (``GET /sheets/{sheetId}/shares``, ``list-sheet-shares``).

        Args:
            sheet_id: the sheet.
            sharing_include: ``ITEM`` or ``WORKSPACE`` to list only those scopes.
            access_api_level: 1 to report viewer-commenter levels as ``COMMENTER``.
            page_size: page size for the walk.

        Returns:
            A paginator of :class:`Share`.
        """
        return self._list(
            f"/sheets/{int(sheet_id)}/shares", sharing_include, access_api_level, page_size
        )

    @operation("share-sheet", "POST", "/sheets/{sheetId}/shares")
    async def share_sheet(
        self,
        sheet_id: int,
        shares: ShareInput | Iterable[ShareInput],
        *,
        send_email: bool | None = None,
        access_api_level: int | None = None,
    ) -> list[Share]:
        """Share a sheet with users or groups (``POST /sheets/{sheetId}/shares``,
        ``share-sheet``).

        Args:
            sheet_id: the sheet.
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
            f"/sheets/{int(sheet_id)}/shares", shares, send_email, access_api_level
        )

    @operation("share-sheet-get", "GET", "/sheets/{sheetId}/shares/{shareId}")
    async def get_sheet_share(
        self, sheet_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> Share:
        """Get one share of a sheet (``GET /sheets/{sheetId}/shares/{shareId}``).

        Raises:
            NotFoundError: no such sheet or share.
        """
        return await self._get_share(f"/sheets/{int(sheet_id)}/shares", share_id, access_api_level)

    @operation("update-sheet-share", "PUT", "/sheets/{sheetId}/shares/{shareId}")
    async def update_sheet_share(
        self,
        sheet_id: int,
        share_id: str,
        access_level: str,
        *,
        access_api_level: int | None = None,
    ) -> Share:
        """Change a sheet share's access level (``PUT /sheets/{sheetId}/shares/{shareId}``).

        Returns:
            The updated share.
        """
        return await self._update(
            f"/sheets/{int(sheet_id)}/shares", share_id, access_level, access_api_level
        )

    @operation("delete-sheet-share", "DELETE", "/sheets/{sheetId}/shares/{shareId}")
    async def delete_sheet_share(
        self, sheet_id: int, share_id: str, *, access_api_level: int | None = None
    ) -> Result:
        """Stop sharing a sheet with someone (``DELETE /sheets/{sheetId}/shares/{shareId}``).

        Returns:
            The Result envelope.
        """
        return await self._delete(f"/sheets/{int(sheet_id)}/shares", share_id, access_api_level)

    # -- shared by every object kind --------------------------------------------------------

    def _list(
        self,
        collection: str,
        sharing_include: str | None,
        access_api_level: int | None,
        page_size: int | None,
    ) -> AsyncPaginator[Share]:
        params = {"sharingInclude": sharing_include, "accessApiLevel": access_api_level}
        return self._paginate(collection, Share, params, page_size=page_size)

    async def _create(
        self,
        collection: str,
        shares: ShareInput | Iterable[ShareInput],
        send_email: bool | None,
        access_api_level: int | None,
    ) -> list[Share]:
        items = [shares] if isinstance(shares, Share | Mapping) else list(shares)
        if not items:
            raise ConfigurationError("no shares given")
        body = [self._share_body(i, item) for i, item in enumerate(items)]
        params = {"sendEmail": send_email, "accessApiLevel": access_api_level}
        result = await self._result("POST", collection, json=body, params=params)
        payload = result.result if isinstance(result.result, list) else [result.result]
        return self._decode(payload, list[Share])

    async def _get_share(
        self, collection: str, share_id: str, access_api_level: int | None
    ) -> Share:
        params = {"accessApiLevel": access_api_level}
        return await self._get(f"{collection}/{_share_id(share_id)}", Share, params)

    async def _update(
        self, collection: str, share_id: str, access_level: str, access_api_level: int | None
    ) -> Share:
        if not access_level:
            raise ConfigurationError("access_level is required")
        return await self._send(
            "PUT",
            f"{collection}/{_share_id(share_id)}",
            Share,
            json={"accessLevel": str(access_level)},
            params={"accessApiLevel": access_api_level},
        )

    async def _delete(self, collection: str, share_id: str, access_api_level: int | None) -> Result:
        return await self._result(
            "DELETE",
            f"{collection}/{_share_id(share_id)}",
            params={"accessApiLevel": access_api_level},
        )

    def _share_body(self, index: int, item: ShareInput) -> dict[str, Any]:
        body: dict[str, Any] = self._encode(item) if isinstance(item, Share) else dict(item)
        if not body.get("accessLevel"):
            raise ConfigurationError(f"share {index} has no accessLevel")
        if not any(body.get(k) is not None for k in ("email", "userId", "groupId")):
            raise ConfigurationError(f"share {index} needs an email, userId or groupId")
        return body


def _share_id(share_id: str) -> str:
    text = text_id(share_id, "share_id")  # share ids are strings in the API
    if "/" in text:
        raise ConfigurationError(f"invalid share id {share_id!r}")
    return segment(text, "share_id")
