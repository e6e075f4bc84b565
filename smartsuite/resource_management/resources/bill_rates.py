"""``rm.bill_rates``: account default rates and project (or phase) rates."""

from __future__ import annotations

import datetime as dt

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource
from ..models.projects import BillRate


class BillRates(RMResource):
    @operation("bill_rates", "GET", "/api/v1/bill_rates")
    def list_account(
        self, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[BillRate]:
        """Walk the account default rates (``GET /bill_rates``)."""
        return self._pages(cast_to=BillRate, page_size=page_size)

    @operation("bill_rates", "GET", "/api/v1/projects/{project_id}/bill_rates")
    def list(
        self, project_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[BillRate]:
        """Walk a project's or phase's rates."""
        return self._pages(cast_to=BillRate, page_size=page_size)

    @operation("bill_rates", "GET", "/api/v1/projects/{project_id}/bill_rates/{bill_rate_id}")
    async def get(self, project_id: int, bill_rate_id: int) -> BillRate:
        """One project rate."""
        return await self._object(cast_to=BillRate)

    @operation("bill_rates", "POST", "/api/v1/projects/{project_id}/bill_rates")
    async def create(
        self,
        project_id: int,
        *,
        rate: float,
        user_id: int | Unset | None = UNSET,
        role_id: int | Unset | None = UNSET,
        discipline_id: int | Unset | None = UNSET,
        starts_at: dt.date | Unset | None = UNSET,
        ends_at: dt.date | Unset | None = UNSET,
        rebuild_assignments: bool | None = None,
    ) -> BillRate:
        """Add a rate to a project (``assignable_id`` is the project).

        Args:
            user_id: a per-user rate (then no role or discipline may be given).
            rebuild_assignments: re-rate the project's assignments.

        Raises:
            ConfigurationError: a per-user rate with a role or discipline.
        """
        _check_user_rate(user_id, role_id, discipline_id)
        body = self._body_of(
            locals(), "project_id", "rebuild_assignments", assignable_id=int(project_id)
        )
        params = {"rebuild_assignments": rebuild_assignments}
        return await self._object(cast_to=BillRate, body=body, params=params)

    @operation("bill_rates", "PUT", "/api/v1/projects/{project_id}/bill_rates/{bill_rate_id}")
    async def update(
        self,
        project_id: int,
        bill_rate_id: int,
        *,
        rate: float | Unset = UNSET,
        starts_at: dt.date | Unset | None = UNSET,
        ends_at: dt.date | Unset | None = UNSET,
        rebuild_assignments: bool | None = None,
    ) -> BillRate:
        """Change a project rate."""
        body = self._body(rate=rate, starts_at=starts_at, ends_at=ends_at)
        params = {"rebuild_assignments": rebuild_assignments}
        return await self._object(cast_to=BillRate, body=body, params=params)

    @operation("bill_rates", "DELETE", "/api/v1/projects/{project_id}/bill_rates/{bill_rate_id}")
    async def delete(self, project_id: int, bill_rate_id: int) -> None:
        """Remove a project rate."""
        await self._no_content()


def _check_user_rate(user_id: object, role_id: object, discipline_id: object) -> None:
    if user_id not in (UNSET, None) and (
        role_id not in (UNSET, None) or discipline_id not in (UNSET, None)
    ):
        raise ConfigurationError("a per-user bill rate must not name a role_id or discipline_id")
