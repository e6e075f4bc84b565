"""``ss.groups``: the organisation's groups and their members."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.account import Group, GroupMember
from ..models.common import Result
from ._params import email_param, when_param


class Groups(SmartsheetResource):
    @operation("list-groups", "GET", "/groups")
    def list(
        self,
        *,
        modified_since: dt.datetime | str | None = None,
        numeric_dates: bool | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Group]:
        """List the organisation's groups (``GET /groups``, ``list-groups``).

        Args:
            modified_since: only groups modified since then.
            numeric_dates: ask for dates as epoch milliseconds (decoded the same).
            page_size: page size for the walk.
        """
        params = {"modifiedSince": when_param(modified_since), "numericDates": numeric_dates}
        return self._index(cast_to=Group, params=params, page_size=page_size)

    @operation("get-group", "GET", "/groups/{groupId}")
    async def get(self, group_id: int) -> Group:
        """A group with its members (``GET /groups/{groupId}``, ``get-group``).

        Raises:
            NotFoundError: no such group.
        """
        return await self._object(group_id, cast_to=Group)

    @operation("add-group", "POST", "/groups")
    async def create(
        self,
        name: str,
        *,
        description: str | None = None,
        member_emails: Iterable[str] = (),
    ) -> Group:
        """Create a group (``POST /groups``, ``add-group``).

        Args:
            name: the group name, unique in the organisation.
            description: a description.
            member_emails: primary email addresses of the first members.

        Raises:
            ConfigurationError: an empty name or a malformed email.
            BadRequestError: the name is taken (errorCode 1062).
        """
        if not name or not name.strip():
            raise ConfigurationError("a group needs a name")
        body: dict[str, object] = {"name": name}
        if description is not None:
            body["description"] = description
        members = [{"email": email_param(e)} for e in member_emails]
        if members:
            body["members"] = members
        return (await self._result(cast_to=Group, json=body)).result

    @operation("update-group", "PUT", "/groups/{groupId}")
    async def update(
        self,
        group_id: int,
        *,
        name: str | None = None,
        description: str | None = None,
        owner_id: int | None = None,
    ) -> Group:
        """Rename a group, change its description or transfer it (``PUT /groups/{groupId}``).

        Raises:
            ConfigurationError: nothing to change.
        """
        body = {"name": name, "description": description, "ownerId": owner_id}
        body = {k: v for k, v in body.items() if v is not None}
        if not body:
            raise ConfigurationError("groups.update: give name, description or owner_id")
        return (await self._result(group_id, cast_to=Group, json=body)).result

    @operation("delete-group", "DELETE", "/groups/{groupId}")
    async def delete(self, group_id: int) -> Result:
        """Delete a group (``DELETE /groups/{groupId}``, ``delete-group``)."""
        return await self._result(group_id)

    @operation("add-group-members", "POST", "/groups/{groupId}/members", idempotent=True)
    async def add_members(
        self, group_id: int, emails: str | Iterable[str]
    ) -> builtins.list[GroupMember]:
        """Add users to a group by primary email (``POST /groups/{groupId}/members``).

        Users already in the group are ignored, as the API does.

        Returns:
            The members added.

        Raises:
            ConfigurationError: no address, or a malformed one.
        """
        items = [emails] if isinstance(emails, str) else list(emails)
        if not items:
            raise ConfigurationError("add_members: give at least one email address")
        body = [{"email": email_param(e)} for e in items]
        return (await self._result_list(group_id, cast_to=GroupMember, json=body)).result

    @operation("delete-group-members", "DELETE", "/groups/{groupId}/members/{userId}")
    async def remove_member(self, group_id: int, user_id: int) -> Result:
        """Remove a user from a group (``DELETE /groups/{groupId}/members/{userId}``)."""
        return await self._result(group_id, user_id)
