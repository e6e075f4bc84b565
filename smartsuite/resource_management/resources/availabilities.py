"""``rm.availabilities``: a user's custom working hours per weekday over a date range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource
from ..models.people import Availability


def _days(days: Sequence[float] | None) -> dict[str, Any]:
    if days is None:
        return {}
    if len(days) != 7:
        raise ConfigurationError(f"days needs 7 values, Sunday first; got {len(days)}")
    return {f"day{i}": float(h) for i, h in enumerate(days)}


class Availabilities(RMResource):
    @operation("availabilities", "GET", "/api/v1/users/{user_id}/availabilities")
    def list(
        self, user_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[Availability]:
        """Walk a user's availability blocks."""
        return self._pages(cast_to=Availability, page_size=page_size)

    @operation("availabilities", "GET", "/api/v1/users/{user_id}/availabilities/{id}")
    async def get(self, user_id: int, availability_id: int) -> Availability:
        """One availability block."""
        return await self._object(cast_to=Availability)

    @operation("availabilities", "POST", "/api/v1/users/{user_id}/availabilities")
    async def create(
        self,
        user_id: int,
        *,
        days: Sequence[float],
        starts_at: dt.date | Unset | None = UNSET,
        ends_at: dt.date | Unset | None = UNSET,
    ) -> Availability:
        """Add an availability block.

        Args:
            days: hours for Sunday .. Saturday (``day0`` .. ``day6``).
            starts_at / ends_at: None means open-ended.

        Raises:
            ConfigurationError: ``days`` does not have seven values.
        """
        body = {**self._body(starts_at=starts_at, ends_at=ends_at), **_days(days)}
        return await self._object(cast_to=Availability, body=body)

    @operation("availabilities", "PUT", "/api/v1/users/{user_id}/availabilities/{id}")
    async def update(
        self,
        user_id: int,
        availability_id: int,
        *,
        days: Sequence[float] | None = None,
        starts_at: dt.date | Unset | None = UNSET,
        ends_at: dt.date | Unset | None = UNSET,
    ) -> Availability:
        """Change an availability block."""
        body = {**self._body(starts_at=starts_at, ends_at=ends_at), **_days(days)}
        return await self._object(cast_to=Availability, body=body)

    @operation("availabilities", "DELETE", "/api/v1/users/{user_id}/availabilities/{id}")
    async def delete(self, user_id: int, availability_id: int) -> None:
        """Remove an availability block."""
        await self._no_content()
