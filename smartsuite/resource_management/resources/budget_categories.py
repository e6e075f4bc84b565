"""``rm.budget_item_categories``: account categories and a project's categorised budget lines."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource
from ..models.projects import BudgetItem, BudgetItemCategory


class BudgetItemCategories(RMResource):
    @operation("budget_categories", "GET", "/api/v1/time_entry_categories")
    def time_entry(
        self, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[BudgetItemCategory]:
        """Walk the account's time (fee) budget categories."""
        return self._pages(cast_to=BudgetItemCategory, page_size=page_size)

    @operation("budget_categories", "GET", "/api/v1/expense_item_categories")
    def expense_item(
        self, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[BudgetItemCategory]:
        """Walk the account's expense budget categories."""
        return self._pages(cast_to=BudgetItemCategory, page_size=page_size)

    @operation("budget_categories", "GET", "/api/v1/projects/{project_id}/time_entry_categories")
    def project_time_entry(
        self, project_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[BudgetItem]:
        """Walk a project's time budget lines (``category`` may be None: uncategorised)."""
        return self._pages(cast_to=BudgetItem, page_size=page_size)

    @operation("budget_categories", "GET", "/api/v1/projects/{project_id}/expense_item_categories")
    def project_expense_item(
        self, project_id: int, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[BudgetItem]:
        """Walk a project's expense budget lines."""
        return self._pages(cast_to=BudgetItem, page_size=page_size)
