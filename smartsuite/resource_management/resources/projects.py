"""``rm.projects``: projects (phases are projects with a parent; see ``rm.phases``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal, get_args

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource, SortOrder, choice, date_param, fields_param, sort_params
from ..models.projects import Project

ProjectField = Literal[
    "children",
    "tags",
    "budget_items",
    "project_state",
    "phase_count",
    "summary",
    "custom_field_values",
]
PROJECT_FIELDS = get_args(ProjectField)
ProjectStateName = Literal["Confirmed", "Tentative", "Internal"]
PROJECT_STATES = get_args(ProjectStateName)


class Projects(RMResource):
    @operation("projects", "GET", "/api/v1/projects")
    def list(
        self,
        *,
        from_: dt.date | None = None,
        to: dt.date | None = None,
        strict: bool | None = None,
        fields: Sequence[ProjectField] | None = None,
        project_state: Sequence[ProjectStateName] | ProjectStateName | None = None,
        sort_field: Literal["created", "updated"] | None = None,
        sort_order: SortOrder | None = None,
        project_code: str | None = None,
        phase_name: str | None = None,
        with_archived: bool | None = None,
        with_phases: bool | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[Project]:
        """Walk projects (``GET /projects``).

        Args:
            from_ / to: projects ending on or after ``from_`` / starting on or before ``to``.
            strict: only projects entirely within ``from_``..``to``.
            fields: extra fields and nested collections (``tags``, ``children``, ``summary`` ...).
            project_state: filter on state (sent as ``filter_field=project_state`` and
                ``filter_list``).
            sort_field / sort_order: ``created`` or ``updated``; ``ascending``/``descending``.
            project_code / phase_name: exact matches.
            with_archived: include archived projects.
            with_phases: include phases (child projects).
            page_size: the walk's page size (default and maximum 1000; ``per_page=`` is deprecated).

        Raises:
            ConfigurationError: an unknown field, state or sort value, or a non-date bound.
        """
        states: list[str] | None = None
        if project_state is not None:
            wanted = [project_state] if isinstance(project_state, str) else list(project_state)
            states = [str(choice(s, PROJECT_STATES, "project_state")) for s in wanted]
        params = {
            "from": date_param(from_, "from_"),
            "to": date_param(to, "to"),
            "strict": strict,
            "fields": fields_param(fields, PROJECT_FIELDS),
            "filter_field": "project_state" if states else None,
            "filter_list": states or None,
            **sort_params(sort_field, ("created", "updated"), sort_order),
            "project_code": project_code,
            "phase_name": phase_name,
            "with_archived": with_archived,
            "with_phases": with_phases,
        }
        return self._pages(cast_to=Project, params=params, page_size=page_size)

    @operation("projects", "GET", "/api/v1/projects/{project_id}")
    async def get(
        self,
        project_id: int,
        *,
        fields: Sequence[ProjectField] | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> Project:
        """One project or phase (``GET /projects/{id}``).

        Raises:
            NotFoundError: no such project.
        """
        params = {"fields": fields_param(fields, PROJECT_FIELDS), "per_page": page_size}
        return await self._object(cast_to=Project, params=params)

    @operation("projects", "POST", "/api/v1/projects")
    async def create(
        self,
        *,
        name: str,
        starts_at: dt.date | Unset | None = UNSET,
        ends_at: dt.date | Unset | None = UNSET,
        description: str | Unset | None = UNSET,
        client: str | Unset | None = UNSET,
        project_code: str | Unset | None = UNSET,
        project_state: str | Unset = UNSET,
        timeentry_lockout: int | Unset = UNSET,
    ) -> Project:
        """Create a project (``POST /projects``).

        Raises:
            BadRequestError: the server refused the values (a name is required).
        """
        body = self._body_of(locals())
        return await self._object(cast_to=Project, body=body)

    @operation("projects", "PUT", "/api/v1/projects/{project_id}")
    async def update(
        self,
        project_id: int,
        *,
        name: str | Unset = UNSET,
        starts_at: dt.date | Unset | None = UNSET,
        ends_at: dt.date | Unset | None = UNSET,
        description: str | Unset | None = UNSET,
        client: str | Unset | None = UNSET,
        project_code: str | Unset | None = UNSET,
        project_state: str | Unset = UNSET,
        timeentry_lockout: int | Unset = UNSET,
        archived: bool | Unset = UNSET,
    ) -> Project:
        """Change a project (``PUT /projects/{id}``). An archived project must be unarchived
        before any other change.

        Args:
            timeentry_lockout: -1 unlocked, 0 locked, N locked for entries older than N days.
            archived: True archives, False unarchives.

        Raises:
            ConfigurationError: ``timeentry_lockout`` below -1.
            BadRequestError: for example changing an archived project.
        """
        if timeentry_lockout is not UNSET and timeentry_lockout < -1:
            raise ConfigurationError(
                f"timeentry_lockout must be -1, 0 or a number of days, got {timeentry_lockout}"
            )
        body = self._body_of(locals(), "project_id")
        return await self._object(cast_to=Project, body=body)

    async def save(self, project: Project) -> Project:
        """Send the changes made to ``project`` since it was read (``PUT /projects/{id}``):
        only the fields assigned; assign ``None`` to clear one.

        Raises:
            ConfigurationError: a changed field that ``update`` cannot change.
        """
        return await self._save(project, self.update)

    async def archive(self, project_id: int) -> Project:
        """Archive a project (``archived=true``)."""
        return await self.update(project_id, archived=True)

    async def unarchive(self, project_id: int) -> Project:
        """Unarchive a project (``archived=false``)."""
        return await self.update(project_id, archived=False)

    async def lock_time_entries(self, project_id: int, *, older_than_days: int = 0) -> Project:
        """Stop accepting time entries: all of them (0) or those older than N days."""
        return await self.update(project_id, timeentry_lockout=older_than_days)

    @operation("projects", "DELETE", "/api/v1/projects/{project_id}")
    async def delete(self, project_id: int) -> None:
        """Delete a project (``DELETE /projects/{id}``).

        Raises:
            NotFoundError: no such project.
        """
        await self._no_content()
