"""``rm.assignments``: people and placeholders on projects, phases and leave types."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource, choice, date_param, fields_param
from ..models.work import AllocationMode, Assignment, NewSubtask

MODES = tuple(m.value for m in AllocationMode)
#: The arguments :func:`_allocation` turns into the body's allocation fields.
_AMOUNT_ARGS = ("allocation_mode", "percent", "hours_per_day", "fixed_hours")


class Assignments(RMResource):
    @operation("assignments", "GET", "/api/v1/assignments")
    def list(
        self,
        *,
        from_: dt.date | None = None,
        to: dt.date | None = None,
        with_phases: bool | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[Assignment]:
        """Walk every assignment (``GET /assignments``).

        Args:
            from_ / to: assignments ending after ``from_`` / starting before ``to``.
            with_phases: include assignments to phases.
        """
        return self._pages(
            cast_to=Assignment, params=_range(from_, to, with_phases), page_size=page_size
        )

    @operation("assignments", "GET", "/api/v1/assignments/{assignment_id}")
    async def get(self, assignment_id: int) -> Assignment:
        """One assignment."""
        return await self._object(cast_to=Assignment)

    @operation("assignments", "POST", "/api/v1/assignments")
    async def create_with_subtasks(
        self,
        *,
        assignable_id: int,
        starts_at: dt.date,
        ends_at: dt.date,
        subtasks: Iterable[NewSubtask | str],
        user_id: int | None = None,
        status_option_id: int | Unset | None = UNSET,
        description: str | Unset | None = UNSET,
        note: str | Unset | None = UNSET,
        allocation_mode: str | Unset = UNSET,
        percent: float | Unset = UNSET,
        hours_per_day: float | Unset = UNSET,
        fixed_hours: float | Unset = UNSET,
    ) -> Assignment:
        """Create an assignment with its task list (``POST /assignments``); the answer nests
        the created subtasks.

        Args:
            subtasks: subtasks, or plain descriptions.
            user_id: the assignee; None for an unassigned work item.
        """
        allocation = _allocation(allocation_mode, percent, hours_per_day, fixed_hours)
        body = self._body_of(locals(), "subtasks", "allocation", *_AMOUNT_ARGS, **allocation)
        body["subtasks"] = [
            self._encode(NewSubtask(s) if isinstance(s, str) else s) for s in subtasks
        ]
        return await self._object(cast_to=Assignment, body=body)

    @operation("assignments", "GET", "/api/v1/users/{user_id}/assignments")
    def list_for_user(
        self,
        user_id: int,
        *,
        from_: dt.date | None = None,
        to: dt.date | None = None,
        with_phases: bool | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[Assignment]:
        """Walk a user's (or placeholder's) assignments."""
        return self._pages(
            cast_to=Assignment, params=_range(from_, to, with_phases), page_size=page_size
        )

    @operation("assignments", "GET", "/api/v1/users/{user_id}/assignments/{assignment_id}")
    async def get_for_user(self, user_id: int, assignment_id: int) -> Assignment:
        """One of a user's assignments."""
        return await self._object(cast_to=Assignment)

    @operation("assignments", "POST", "/api/v1/users/{user_id}/assignments")
    async def create(
        self,
        user_id: int,
        *,
        starts_at: dt.date,
        ends_at: dt.date,
        assignable_id: int | None = None,
        leave_id: int | None = None,
        allocation_mode: str | Unset = UNSET,
        percent: float | Unset = UNSET,
        hours_per_day: float | Unset = UNSET,
        fixed_hours: float | Unset = UNSET,
        status_option_id: int | Unset | None = UNSET,
        description: str | Unset | None = UNSET,
        note: str | Unset | None = UNSET,
    ) -> Assignment:
        """Assign a user to a project/phase (``assignable_id``) or a leave type (``leave_id``).

        Args:
            allocation_mode: ``percent`` (with ``percent``, 1.0 = full time),
                ``hours_per_day`` (with ``hours_per_day``) or ``fixed`` (``fixed_hours`` in
                all). Inferred from whichever amount is given when omitted.

        Raises:
            ConfigurationError: neither or both of ``assignable_id``/``leave_id``, or an
                allocation mode without its amount.
        """
        if (assignable_id is None) == (leave_id is None):
            raise ConfigurationError("give exactly one of assignable_id or leave_id")
        allocation = _allocation(allocation_mode, percent, hours_per_day, fixed_hours)
        body = self._body_of(
            locals(),
            *("user_id", "allocation", *_AMOUNT_ARGS),
            assignable_id=UNSET if assignable_id is None else assignable_id,
            leave_id=UNSET if leave_id is None else leave_id,
            **allocation,
        )
        return await self._object(cast_to=Assignment, body=body)

    @operation("assignments", "DELETE", "/api/v1/users/{user_id}/assignments/{assignment_id}")
    async def delete(self, user_id: int, assignment_id: int) -> None:
        """Remove a user's assignment."""
        await self._no_content()

    @operation("assignments", "GET", "/api/v1/projects/{project_id}/assignments")
    def list_for_project(
        self,
        project_id: int,
        *,
        fields: Sequence[Literal["subtasks_counts"]] | None = None,
        from_: dt.date | None = None,
        to: dt.date | None = None,
        with_phases: bool | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[Assignment]:
        """Walk a project's assignments; ``fields=["subtasks_counts"]`` adds
        :attr:`Assignment.subtask_counts`."""
        params = {
            **_range(from_, to, with_phases),
            "fields": fields_param(fields, ("subtasks_counts",)),
        }
        return self._pages(cast_to=Assignment, params=params, page_size=page_size)

    @operation("assignments", "GET", "/api/v1/projects/{project_id}/assignments/{assignment_id}")
    async def get_for_project(self, project_id: int, assignment_id: int) -> Assignment:
        """One of a project's assignments."""
        return await self._object(cast_to=Assignment)

    async def repetitions(self, user_id: int, repetition_id: int) -> builtins.list[Assignment]:
        """Every assignment of a repeating series (the first one's id is ``repetition_id``)."""
        return [
            a
            async for a in self.list_for_user(user_id)
            if a.repetition_id == repetition_id or a.id == repetition_id
        ]


def _range(from_: dt.date | None, to: dt.date | None, with_phases: bool | None) -> dict[str, Any]:
    return {
        "from": date_param(from_, "from_"),
        "to": date_param(to, "to"),
        "with_phases": with_phases,
    }


def _allocation(
    mode: str | Unset, percent: float | Unset, hours_per_day: float | Unset, fixed: float | Unset
) -> dict[str, Any]:
    amounts = {"percent": percent, "hours_per_day": hours_per_day, "fixed": fixed}
    given = [name for name, value in amounts.items() if value is not UNSET]
    if mode is UNSET:
        if len(given) > 1:
            raise ConfigurationError(
                f"give one of percent, hours_per_day, fixed_hours, not {given}"
            )
        if not given:
            return {}
        mode = given[0]
    choice(mode, MODES, "allocation_mode")
    if amounts[mode] is UNSET and mode != "percent":
        raise ConfigurationError(f"allocation_mode {mode!r} needs its amount")
    out: dict[str, Any] = {"allocation_mode": mode}
    if mode == "percent" and percent is not UNSET:
        out["percent"] = percent
    elif mode == "hours_per_day":
        out["hours_per_day"] = hours_per_day
    elif mode == "fixed":
        out["fixed_hours"] = fixed
    return out
