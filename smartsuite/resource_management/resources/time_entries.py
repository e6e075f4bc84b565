"""``rm.time_entries``: confirmed hours, and (read-only) suggestions derived from assignments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource, SortOrder, date_param, fields_param, sort_params
from ..models.time import TimeEntry

TimeEntryField = Literal["approvals"]
_NOTE_LIMIT = 255


def _query(
    from_: dt.date | None,
    to: dt.date | None,
    sort_field: str | None,
    sort_order: str | None,
    with_suggestions: bool | None,
    fields: Sequence[str] | None,
) -> dict[str, Any]:
    return {
        "from": date_param(from_, "from_"),
        "to": date_param(to, "to"),
        **sort_params(sort_field, ("created", "updated"), sort_order),
        "with_suggestions": with_suggestions,
        "fields": fields_param(fields, ("approvals",)),
    }


def _check_text(**texts: str | Unset | None) -> None:
    for name, text in texts.items():
        if isinstance(text, str) and len(text) > _NOTE_LIMIT:
            raise ConfigurationError(f"{name} must be under 256 characters, got {len(text)}")


class TimeEntries(RMResource):
    @operation("time_entries", "GET", "/api/v1/time_entries")
    def list(
        self,
        *,
        from_: dt.date | None = None,
        to: dt.date | None = None,
        sort_field: Literal["created", "updated"] | None = None,
        sort_order: SortOrder | None = None,
        with_suggestions: bool | None = None,
        fields: Sequence[TimeEntryField] | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[TimeEntry]:
        """Walk every time entry in the account (``GET /time_entries``).

        Args:
            from_ / to: dates, both included.
            with_suggestions: include suggested entries (``is_suggestion=True``).
            fields: ``["approvals"]`` nests each entry's approvals.
        """
        params = _query(from_, to, sort_field, sort_order, with_suggestions, fields)
        return self._pages(cast_to=TimeEntry, params=params, page_size=page_size)

    @operation("time_entries", "GET", "/api/v1/time_entries/{id}")
    async def get(self, time_entry_id: int) -> TimeEntry:
        """One time entry."""
        return await self._object(cast_to=TimeEntry)

    @operation("time_entries", "GET", "/api/v1/users/{user_id}/time_entries")
    def list_for_user(
        self,
        user_id: int,
        *,
        from_: dt.date | None = None,
        to: dt.date | None = None,
        sort_field: Literal["created", "updated"] | None = None,
        sort_order: SortOrder | None = None,
        with_suggestions: bool | None = None,
        fields: Sequence[TimeEntryField] | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[TimeEntry]:
        """Walk one user's time entries, for example a month of them."""
        params = _query(from_, to, sort_field, sort_order, with_suggestions, fields)
        return self._pages(cast_to=TimeEntry, params=params, page_size=page_size)

    @operation("time_entries", "GET", "/api/v1/users/{user_id}/time_entries/{id}")
    async def get_for_user(self, user_id: int, time_entry_id: int) -> TimeEntry:
        """One of a user's time entries."""
        return await self._object(cast_to=TimeEntry)

    @operation("time_entries", "POST", "/api/v1/users/{user_id}/time_entries")
    async def create(
        self,
        user_id: int,
        *,
        assignable_id: int,
        date: dt.date,
        hours: float,
        task: str | Unset | None = UNSET,
        notes: str | Unset | None = UNSET,
        bill_rate_id: int | Unset = UNSET,
    ) -> TimeEntry:
        """Record hours for a user on a project, phase or leave type.

        Raises:
            ConfigurationError: ``task`` or ``notes`` of 256 characters or more.
            BadRequestError: for example a project locked for time entries.
        """
        _check_text(task=task, notes=notes)
        body = self._body_of(locals(), user_id=int(user_id))
        return await self._object(cast_to=TimeEntry, body=body)

    @operation("time_entries", "PUT", "/api/v1/users/{user_id}/time_entries/{id}")
    async def update(
        self,
        user_id: int,
        time_entry_id: int,
        *,
        assignable_id: int | Unset = UNSET,
        date: dt.date | Unset = UNSET,
        hours: float | Unset = UNSET,
        task: str | Unset | None = UNSET,
        notes: str | Unset | None = UNSET,
        bill_rate_id: int | Unset = UNSET,
    ) -> TimeEntry:
        """Change a confirmed time entry (suggestions are read-only)."""
        _check_text(task=task, notes=notes)
        body = self._body_of(locals(), "user_id", "time_entry_id")
        return await self._object(cast_to=TimeEntry, body=body)

    @operation("time_entries", "DELETE", "/api/v1/users/{user_id}/time_entries/{id}")
    async def delete(self, user_id: int, time_entry_id: int) -> None:
        """Delete a confirmed time entry."""
        await self._no_content()

    @operation("time_entries", "GET", "/api/v1/projects/{project_id}/time_entries")
    def list_for_project(
        self,
        project_id: int,
        *,
        from_: dt.date | None = None,
        to: dt.date | None = None,
        sort_field: Literal["created", "updated"] | None = None,
        sort_order: SortOrder | None = None,
        with_suggestions: bool | None = None,
        fields: Sequence[TimeEntryField] | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[TimeEntry]:
        """Walk a project's time entries."""
        params = _query(from_, to, sort_field, sort_order, with_suggestions, fields)
        return self._pages(cast_to=TimeEntry, params=params, page_size=page_size)

    @operation("time_entries", "GET", "/api/v1/projects/{project_id}/time_entries/{id}")
    async def get_for_project(self, project_id: int, time_entry_id: int) -> TimeEntry:
        """One of a project's time entries."""
        return await self._object(cast_to=TimeEntry)

    @operation("time_entries", "POST", "/api/v1/projects/{project_id}/time_entries")
    async def create_for_project(
        self,
        project_id: int,
        *,
        user_id: int,
        date: dt.date,
        hours: float,
        task: str | Unset | None = UNSET,
        notes: str | Unset | None = UNSET,
    ) -> TimeEntry:
        """Record hours on a project for a user."""
        _check_text(task=task, notes=notes)
        body = self._body_of(locals(), "project_id", assignable_id=int(project_id))
        return await self._object(cast_to=TimeEntry, body=body)
