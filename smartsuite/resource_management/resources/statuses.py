"""``rm.statuses``: a user's status (in the office, working from home ...)."""

from __future__ import annotations

import datetime as dt

from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource, choice
from ..models.people import StatusCode, UserStatus

CODES = tuple(c.value for c in StatusCode)


class Statuses(RMResource):
    @operation("statuses", "GET", "/api/v1/users/{user_id}/statuses")
    def list(
        self, user_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[UserStatus]:
        """Walk a user's statuses."""
        return self._pages(cast_to=UserStatus, page_size=page_size)

    @operation("statuses", "POST", "/api/v1/users/{user_id}/statuses")
    async def create(
        self,
        user_id: int,
        status: str,
        *,
        assignable_id: int | Unset | None = UNSET,
        current_task: str | Unset | None = UNSET,
        end: dt.datetime | Unset | None = UNSET,
        message: str | Unset | None = UNSET,
    ) -> UserStatus:
        """Set a user's current status (a new status record).

        Args:
            status: ``ITO``, ``WFH``, ``SIC``, ``OOO``, ``VAC`` or ``OOF``.

        Raises:
            ConfigurationError: an unknown status code.
        """
        body = self._body_of(locals(), "user_id", status=choice(status, CODES, "status"))
        return await self._object(cast_to=UserStatus, body=body)
