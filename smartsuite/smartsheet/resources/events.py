"""``ss.events``: the organisation's event stream (system administrators), paged by
stream position (https://developers.smartsheet.com/api/smartsheet/openapi/events)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import Any

from ..._core.errors import ConfigurationError, DecodeError
from ..._core.paging import AsyncPaginator, Page
from .._resource import SmartsheetResource, operation
from ..models.discovery import Event

#: The API serves at most this many events per call.
MAX_EVENTS_PER_CALL = 10_000

#: A walk stops (PagingError) after this many calls unless told otherwise.
DEFAULT_EVENT_PAGES = 1_000


class EventStream(AsyncPaginator[Event]):
    """A paginator over events whose cursor is the stream position.

    After (or during) a walk, :attr:`position` is the ``nextStreamPosition`` of the last
    page fetched: pass it as ``stream_position=`` later to receive only newer events.
    Pages are not prefetched, so the position never runs ahead of what was yielded.
    """

    def __init__(self, fetch: Any, *, max_pages: int) -> None:
        super().__init__(fetch, max_pages=max_pages, prefetch=False)
        self.position: str | None = None
        #: Whether the last answer said more events were ready (False: nothing more for now;
        #: poll again later from :attr:`position`).
        self.more_available: bool | None = None

    @property
    def next_stream_position(self) -> str | None:
        """The ``nextStreamPosition`` of the last page (the same as :attr:`position`)."""
        return self.position


class Events(SmartsheetResource):
    @operation("list-events", "GET", "/events")
    def list(
        self,
        *,
        since: dt.datetime | None = None,
        stream_position: str | None = None,
        to: dt.datetime | None = None,
        max_count: int | None = None,
        numeric_dates: bool | None = None,
        managed_plan_id: int | None = None,
        max_pages: int = DEFAULT_EVENT_PAGES,
    ) -> EventStream:
        """Events of the organisation (``GET /events``, ``list-events``).

        Give exactly one of ``since`` (at start-up or recovery; the API rounds it to the hour)
        or ``stream_position`` (the :attr:`EventStream.position` of an earlier walk). The walk
        follows ``nextStreamPosition`` while ``moreAvailable`` is true.

        Args:
            since: the first moment of interest (timezone-aware, or taken as UTC).
            stream_position: where an earlier walk stopped.
            to: the last moment of interest (an end bound; Python SDK 3.0.4+).
            max_count: events per call, 1 to 10,000 (the API's default is 1,000).
            numeric_dates: send ``since`` and receive dates as epoch milliseconds.
            managed_plan_id: list a managed plan's events (enterprise plan hierarchies).
            max_pages: stop with PagingError after this many calls.

        Returns:
            An :class:`EventStream` (an AsyncPaginator of :class:`Event`).

        Raises:
            ConfigurationError: both or neither of ``since`` and ``stream_position``, or
                ``max_count`` out of range.
        """
        if (since is None) == (stream_position is None):
            raise ConfigurationError("events.list needs exactly one of since= or stream_position=")
        if max_count is not None and not 1 <= max_count <= MAX_EVENTS_PER_CALL:
            raise ConfigurationError(
                f"max_count must be between 1 and {MAX_EVENTS_PER_CALL}, not {max_count}"
            )
        if since is not None and not isinstance(since, dt.datetime):
            raise ConfigurationError(f"since must be a datetime, not {since!r}")
        if to is not None and not isinstance(to, dt.datetime):
            raise ConfigurationError(f"to must be a datetime, not {to!r}")
        base: dict[str, Any] = {
            "maxCount": max_count,
            "numericDates": numeric_dates,
            "managedPlanId": managed_plan_id,
            "to": None if to is None else _since(to, numeric=bool(numeric_dates)),
        }
        start: dict[str, Any] = {}
        if since is not None:
            start["since"] = _since(since, numeric=bool(numeric_dates))
        else:
            start["streamPosition"] = stream_position

        async def fetch(cursor: Hashable | None) -> Page[Event]:
            where = start if cursor is None else {"streamPosition": cursor}
            response = await self._request("GET", "/events", params={**base, **where})
            page = self._stream_page(response.json(), response.body)
            stream.position = page[1]
            stream.more_available = page[0].next_cursor is not None
            return page[0]

        stream = EventStream(fetch, max_pages=max_pages)
        return stream

    def _stream_page(self, data: Any, body: bytes) -> tuple[Page[Event], str | None]:
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise DecodeError("expected a StreamResult with a 'data' list", body=body)
        items = self._decode(data["data"], list[Event])
        position = data.get("nextStreamPosition")
        if position is not None and not isinstance(position, str):
            raise DecodeError("nextStreamPosition is not a string", body=body)
        more = data.get("moreAvailable") is True
        if more and not position:
            raise DecodeError("moreAvailable is true but nextStreamPosition is missing", body=body)
        return Page(items, position if more else None), position


def _since(value: dt.datetime, *, numeric: bool) -> str | int:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    if numeric:
        return int(value.timestamp() * 1000)
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
