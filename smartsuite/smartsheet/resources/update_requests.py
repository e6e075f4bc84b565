"""``ss.update_requests``: ask people to update rows, and manage requests already sent."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.update_requests import SentUpdateRequest, UpdateRequest


class UpdateRequests(SmartsheetResource):
    def _body(self, request: UpdateRequest | Mapping[str, Any]) -> dict[str, Any]:
        body: dict[str, Any] = (
            dict(request) if isinstance(request, Mapping) else self._encode(request)
        )
        for read_only in ("id", "sentBy", "createdAt", "modifiedAt"):
            body.pop(read_only, None)
        return body

    @operation("updaterequests-list", "GET", "/sheets/{sheetId}/updaterequests")
    def list(self, sheet_id: int, *, page_size: int | None = None) -> AsyncPaginator[UpdateRequest]:
        """Update requests of a sheet, including scheduled ones (``updaterequests-list``)."""
        return self._paginate(
            f"/sheets/{int(sheet_id)}/updaterequests", UpdateRequest, page_size=page_size
        )

    @operation("updaterequests-get", "GET", "/sheets/{sheetId}/updaterequests/{updateRequestId}")
    async def get(self, sheet_id: int, update_request_id: int) -> UpdateRequest:
        """One update request (``updaterequests-get``)."""
        path = f"/sheets/{int(sheet_id)}/updaterequests/{int(update_request_id)}"
        return await self._get(path, UpdateRequest)

    @operation("updaterequests-create", "POST", "/sheets/{sheetId}/updaterequests")
    async def create(
        self, sheet_id: int, request: UpdateRequest | Mapping[str, Any]
    ) -> UpdateRequest:
        """Send (or schedule) an update request (``updaterequests-create``).

        Args:
            sheet_id: the sheet.
            request: recipients (``send_to``), ``row_ids``, and optionally ``column_ids``,
                ``subject``, ``message``, ``schedule`` ...

        Raises:
            ConfigurationError: no recipients or no rows.
        """
        body = self._body(request)
        if not body.get("sendTo") or not body.get("rowIds"):
            raise ConfigurationError("an update request needs send_to and row_ids")
        result = await self._result("POST", f"/sheets/{int(sheet_id)}/updaterequests", json=body)
        return self._decode(result.result, UpdateRequest)

    @operation("updaterequests-update", "PUT", "/sheets/{sheetId}/updaterequests/{updateRequestId}")
    async def update(
        self,
        sheet_id: int,
        update_request_id: int,
        changes: UpdateRequest | Mapping[str, Any],
    ) -> UpdateRequest:
        """Change a scheduled update request (``updaterequests-update``)."""
        path = f"/sheets/{int(sheet_id)}/updaterequests/{int(update_request_id)}"
        result = await self._result("PUT", path, json=self._body(changes))
        return self._decode(result.result, UpdateRequest)

    @operation(
        "updaterequests-delete", "DELETE", "/sheets/{sheetId}/updaterequests/{updateRequestId}"
    )
    async def delete(self, sheet_id: int, update_request_id: int) -> Result:
        """Cancel future sendings of an update request (``updaterequests-delete``)."""
        path = f"/sheets/{int(sheet_id)}/updaterequests/{int(update_request_id)}"
        return await self._result("DELETE", path)

    @operation("sentupdaterequests-list", "GET", "/sheets/{sheetId}/sentupdaterequests")
    def list_sent(
        self, sheet_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[SentUpdateRequest]:
        """Update requests already sent, one per recipient (``sentupdaterequests-list``)."""
        return self._paginate(
            f"/sheets/{int(sheet_id)}/sentupdaterequests", SentUpdateRequest, page_size=page_size
        )

    @operation(
        "sentupdaterequest-get", "GET", "/sheets/{sheetId}/sentupdaterequests/{sentUpdateRequestId}"
    )
    async def get_sent(self, sheet_id: int, sent_update_request_id: int) -> SentUpdateRequest:
        """One sent update request (``sentupdaterequest-get``)."""
        path = f"/sheets/{int(sheet_id)}/sentupdaterequests/{int(sent_update_request_id)}"
        return await self._get(path, SentUpdateRequest)

    @operation(
        "sentupdaterequest-delete",
        "DELETE",
        "/sheets/{sheetId}/sentupdaterequests/{sentUpdateRequestId}",
    )
    async def delete_sent(self, sheet_id: int, sent_update_request_id: int) -> Result:
        """Cancel a sent update request that is still pending (``sentupdaterequest-delete``)."""
        path = f"/sheets/{int(sheet_id)}/sentupdaterequests/{int(sent_update_request_id)}"
        return await self._result("DELETE", path)
