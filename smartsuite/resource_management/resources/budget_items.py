"""``rm.budget_items``: a project's fee, hour and expense budget lines."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource, choice
from ..models.projects import BudgetItem, BudgetItemType

ITEM_TYPES = tuple(t.value for t in BudgetItemType)


class BudgetItems(RMResource):
    @operation("budget_items", "GET", "/api/v1/projects/{project_id}/budget_items")
    def list(
        self,
        project_id: int,
        item_type: str,
        *,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[BudgetItem]:
        """Walk a project's budget lines of one ``item_type`` (required by the API, so
        amounts and hours never mix).

        Args:
            item_type: ``TimeFees``, ``TimeFeesDays`` (in hours) or ``Expenses``.

        Raises:
            ConfigurationError: an unknown item type.
        """
        params = {"item_type": choice(item_type, ITEM_TYPES, "item_type")}
        return self._pages(cast_to=BudgetItem, params=params, page_size=page_size)

    @operation("budget_items", "GET", "/api/v1/budget_items/{budget_item_id}")
    async def get(self, budget_item_id: int, *, project_id: int | None = None) -> BudgetItem:
        """One budget line, by id (under its project when ``project_id`` is given)."""
        return await self._object(_path(budget_item_id, project_id), cast_to=BudgetItem)

    @operation("budget_items", "POST", "/api/v1/projects/{project_id}/budget_items")
    async def create(
        self,
        project_id: int,
        *,
        item_type: str,
        amount: float,
        category: str | Unset | None = UNSET,
        peritem_amount: float | Unset | None = UNSET,
        peritem_label: str | Unset | None = UNSET,
    ) -> BudgetItem:
        """Add a budget line (``amount`` and ``item_type`` are required).

        Raises:
            ConfigurationError: an unknown item type.
        """
        body = self._body_of(
            locals(), "project_id", item_type=choice(item_type, ITEM_TYPES, "item_type")
        )
        return await self._object(cast_to=BudgetItem, body=body)

    @operation("budget_items", "PUT", "/api/v1/budget_items/{budget_item_id}")
    async def update(
        self,
        budget_item_id: int,
        *,
        project_id: int | None = None,
        amount: float | Unset = UNSET,
        category: str | Unset | None = UNSET,
        peritem_amount: float | Unset | None = UNSET,
        peritem_label: str | Unset | None = UNSET,
    ) -> BudgetItem:
        """Change a budget line."""
        body = self._body_of(locals(), "budget_item_id", "project_id")
        return await self._object(_path(budget_item_id, project_id), cast_to=BudgetItem, body=body)

    @operation("budget_items", "DELETE", "/api/v1/budget_items/{budget_item_id}")
    async def delete(self, budget_item_id: int) -> None:
        """Remove a budget line."""
        await self._no_content()


def _path(budget_item_id: int, project_id: int | None) -> str:
    # The ids were checked by @operation before the method body ran.
    if project_id is None:
        return f"/budget_items/{budget_item_id}"
    return f"/projects/{project_id}/budget_items/{budget_item_id}"
