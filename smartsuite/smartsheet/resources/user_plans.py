"""A user's plans and seats, mixed into ``ss.users`` (``/users/{userId}/plans``; Python SDK
3.2.0-3.9.0, Java SDK 3.7.0)."""

from __future__ import annotations

from collections.abc import Sequence

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.renames import renamed_arg
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.plans import DOWNGRADE_SEATS, UPGRADE_SEATS, SeatType, UserPlan
from ._params import csv_param

_SEATS = {s.value for s in SeatType}


def seat_param(value: str | None, allowed: frozenset[SeatType] | None) -> str | None:
    """A seat type, checked (upper case) against the seats allowed here."""
    if value is None:
        return None
    seat = str(value).upper()
    choices = {s.value for s in allowed} if allowed is not None else _SEATS
    if seat not in choices:
        raise ConfigurationError(f"seat_type must be one of {sorted(choices)}, not {value!r}")
    return seat


class UserPlans(SmartsheetResource):
    @operation("list-user-plans", "GET", "/users/{userId}/plans")
    def list_plans(
        self,
        user_id: int,
        *,
        display_contributor_seat_type: bool | None = None,
        include: Sequence[str] | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[UserPlan]:
        """The plans a user belongs to and the seat on each (``GET /users/{userId}/plans``,
        ``list-user-plans``), token-paged.

        Args:
            display_contributor_seat_type: show ``CONTRIBUTOR`` seats as such (otherwise the
                API reports them as ``VIEWER``).
            include: extra fields, as the API documents them.
            page_size: items per request (``maxItems``); ``max_items`` is its deprecated name.
        """
        params = {
            "displayContributorSeatType": display_contributor_seat_type,
            "include": csv_param(include),
        }
        size = renamed_arg("page_size", page_size, "max_items", max_items)
        return self._token_pages(user_id, cast_to=UserPlan, params=params, page_size=size)

    @operation("upgrade-user", "POST", "/users/{userId}/plans/{planId}/upgrade", idempotent=True)
    async def upgrade(self, user_id: int, plan_id: int, seat_type: str) -> Result:
        """Upgrade a user's seat on a plan (``POST .../plans/{planId}/upgrade``,
        ``upgrade-user``; system administrators). Setting the same seat twice changes
        nothing, so the call is retried like a read.

        Args:
            seat_type: ``GUEST`` or ``MEMBER``.
        """
        body = {"seatType": seat_param(seat_type, UPGRADE_SEATS)}
        return await self._result(user_id, plan_id, json=body)

    @operation(
        "downgrade-user", "POST", "/users/{userId}/plans/{planId}/downgrade", idempotent=True
    )
    async def downgrade(self, user_id: int, plan_id: int, seat_type: str) -> Result:
        """Downgrade a user's seat on a plan (``POST .../plans/{planId}/downgrade``,
        ``downgrade-user``).

        Args:
            seat_type: ``VIEWER``, ``GUEST`` or ``CONTRIBUTOR``.
        """
        body = {"seatType": seat_param(seat_type, DOWNGRADE_SEATS)}
        return await self._result(user_id, plan_id, json=body)

    @operation("remove-user-from-plan", "DELETE", "/users/{userId}/plans/{planId}")
    async def remove_from_plan(self, user_id: int, plan_id: int) -> Result:
        """Remove a user from a plan (``DELETE /users/{userId}/plans/{planId}``,
        ``remove-user-from-plan``)."""
        return await self._result(user_id, plan_id)
