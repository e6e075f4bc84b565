"""``rm.expense_items``: expenses reported by users on projects or leave types."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource, date_param, fields_param
from ..models.time import ExpenseItem


class ExpenseItems(RMResource):
    @operation("expense_items", "GET", "/api/v1/users/{user_id}/expense_items")
    def list_for_user(
        self,
        user_id: int,
        *,
        from_: dt.date | None = None,
        to: dt.date | None = None,
        fields: Sequence[Literal["approvals"]] | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[ExpenseItem]:
        """Walk a user's expenses, reported on or after ``from_`` / on or before ``to``."""
        params = {
            "from": date_param(from_, "from_"),
            "to": date_param(to, "to"),
            "fields": fields_param(fields, ("approvals",)),
        }
        return self._pages(cast_to=ExpenseItem, params=params, page_size=page_size)

    @operation("expense_items", "GET", "/api/v1/users/{user_id}/expense_items/{id}")
    async def get_for_user(self, user_id: int, expense_item_id: int) -> ExpenseItem:
        """One of a user's expenses."""
        return await self._object(cast_to=ExpenseItem)

    @operation("expense_items", "GET", "/api/v1/projects/{project_id}/expense_items")
    def list_for_project(
        self, project_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[ExpenseItem]:
        """Walk a project's expenses."""
        return self._pages(cast_to=ExpenseItem, page_size=page_size)

    @operation("expense_items", "GET", "/api/v1/projects/{project_id}/expense_items/{id}")
    async def get_for_project(self, project_id: int, expense_item_id: int) -> ExpenseItem:
        """One of a project's expenses."""
        return await self._object(cast_to=ExpenseItem)

    @operation("expense_items", "POST", "/api/v1/users/{user_id}/expense_items")
    async def create(
        self,
        user_id: int,
        *,
        date: dt.date,
        amount: float,
        project_id: int | None = None,
        leave_type_id: int | None = None,
        assignable_id: int | None = None,
        category: str | Unset | None = UNSET,
        notes: str | Unset | None = UNSET,
    ) -> ExpenseItem:
        """Report an expense on one project, leave type or assignable.

        Raises:
            ConfigurationError: not exactly one of project_id, leave_type_id, assignable_id.
        """
        targets = {
            "project_id": project_id,
            "leave_type_id": leave_type_id,
            "assignable_id": assignable_id,
        }
        given = {k: v for k, v in targets.items() if v is not None}
        if len(given) != 1:
            raise ConfigurationError(
                "give exactly one of project_id, leave_type_id or assignable_id"
            )
        body = self._body(date=date, amount=amount, category=category, notes=notes)
        body.update(given)
        return await self._object(cast_to=ExpenseItem, body=body)

    @operation(
        "expense_items", "PUT", "/api/v1/projects/{project_id}/users/{user_id}/expense_items/{id}"
    )
    async def update(
        self,
        project_id: int,
        user_id: int,
        expense_item_id: int,
        *,
        date: dt.date | Unset = UNSET,
        amount: float | Unset = UNSET,
        category: str | Unset | None = UNSET,
        notes: str | Unset | None = UNSET,
    ) -> ExpenseItem:
        """Change an expense (addressed by project and user, as the API requires)."""
        body = self._body(date=date, amount=amount, category=category, notes=notes)
        return await self._object(cast_to=ExpenseItem, body=body)

    @operation("expense_items", "DELETE", "/api/v1/users/{user_id}/expense_items/{id}")
    async def delete(self, user_id: int, expense_item_id: int) -> None:
        """Delete an expense."""
        await self._no_content()
