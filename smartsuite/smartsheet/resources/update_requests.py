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
        return self._index(sheet_id, cast_to=UpdateRequest, page_size=page_size)

    @operation("updaterequests-get", "GET", "/sheets/{sheetId}/updaterequests/{updateRequestId}")
    async def get(self, sheet_id: int, update_request_id: int) -> UpdateRequest:
        """One update request (``updaterequests-get``)."""
        return await self._object(sheet_id, update_request_id, cast_to=UpdateRequest)

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
        return (await self._result(sheet_id, cast_to=UpdateRequest, json=body)).result

    @operation("updaterequests-update", "PUT", "/sheets/{sheetId}/updaterequests/{updateRequestId}")
    async def update(
        self,
        sheet_id: int,
        update_request_id: int,
        changes: UpdateRequest | Mapping[str, Any],
    ) -> UpdateRequest:
        """Change a scheduled update request (``updaterequests-update``)."""
        body = self._body(changes)
        result = await self._result(sheet_id, update_request_id, cast_to=UpdateRequest, json=body)
        return result.result

    @operation(
        "updaterequests-delete", "DELETE", "/sheets/{sheetId}/updaterequests/{updateRequestId}"
    )
    async def delete(self, sheet_id: int, update_request_id: int) -> Result:
        """Cancel future sendings of an update request (``updaterequests-delete``)."""
        return await self._result(sheet_id, update_request_id)

    @operation("sentupdaterequests-list", "GET", "/sheets/{sheetId}/sentupdaterequests")
    def list_sent(
        self, sheet_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[SentUpdateRequest]:
        """Update requests already sent, one per recipient (``sentupdaterequests-list``)."""
        return self._index(sheet_id, cast_to=SentUpdateRequest, page_size=page_size)

    @operation(
        "sentupdaterequest-get", "GET", "/sheets/{sheetId}/sentupdaterequests/{sentUpdateRequestId}"
    )
    async def get_sent(self, sheet_id: int, sent_update_request_id: int) -> SentUpdateRequest:
        """One sent update request (``sentupdaterequest-get``)."""
        return await self._object(sheet_id, sent_update_request_id, cast_to=SentUpdateRequest)

    @operation(
        "sentupdaterequest-delete",
        "DELETE",
        "/sheets/{sheetId}/sentupdaterequests/{sentUpdateRequestId}",
    )
    async def delete_sent(self, sheet_id: int, sent_update_request_id: int) -> Result:
        """Cancel a sent update request that is still pending (``sentupdaterequest-delete``)."""
        return await self._result(sheet_id, sent_update_request_id)
