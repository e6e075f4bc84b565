"""``ss.server_info``: application constants (format tables, supported locales)."""

from __future__ import annotations

from .._resource import SmartsheetResource, operation
from ..models.discovery import ServerInfo


class ServerInfoResource(SmartsheetResource):
    @operation("serverinfo-get", "GET", "/serverinfo")
    async def get(self) -> ServerInfo:
        """The format tables cell ``format`` strings index into, and the supported locales
        (``GET /serverinfo``, ``serverinfo-get``). Needs no particular scope."""
        return await self._object(cast_to=ServerInfo)
