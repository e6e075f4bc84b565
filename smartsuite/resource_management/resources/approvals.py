"""``rm.approvals``: submit and approve time entries and expense items."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from typing import Literal

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource, choice, fields_param
from ..models.time import Approvable, Approval, ApprovalStatus, ExpenseItem, TimeEntry

STATUSES = tuple(s.value for s in ApprovalStatus)


class Approvals(RMResource):
    @operation("approvals", "GET", "/api/v1/approvals")
    def list(
        self,
        *,
        fields: Sequence[Literal["approvables"]] | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[Approval]:
        """Walk approvals; ``fields=["approvables"]`` nests each approved record as
        :attr:`Approval.approvable` (a TimeEntry or ExpenseItem)."""
        params = {"fields": fields_param(fields, ("approvables",))}
        return self._pages(cast_to=Approval, params=params, page_size=page_size)

    @operation("approvals", "POST", "/api/v1/approvals")
    async def create(
        self, approvables: Iterable[Approvable], status: str
    ) -> builtins.list[Approval]:
        """Submit (``pending``) or approve (``approved``) records (``POST /approvals``).

        Each approvable carries the record's ``updated_at``; the server refuses a record that
        changed since it was read. :meth:`submit` and :meth:`approve` build them from models.

        Raises:
            ConfigurationError: an unknown status or no approvables.
            BadRequestError: a stale ``updated_at`` or a record that does not exist.
        """
        items = [self._encode(a) for a in approvables]
        if not items:
            raise ConfigurationError("nothing to submit or approve")
        body = {"approvables": items, "status": choice(status, STATUSES, "status")}
        return await self._objects(cast_to=Approval, body=body)

    async def submit(self, records: Iterable[TimeEntry | ExpenseItem]) -> builtins.list[Approval]:
        """Submit time entries or expense items for approval, straight from their models."""
        return await self.create([Approvable.of(r) for r in records], ApprovalStatus.PENDING)

    async def approve(self, records: Iterable[TimeEntry | ExpenseItem]) -> builtins.list[Approval]:
        """Approve time entries or expense items (administrators and project managers only)."""
        return await self.create([Approvable.of(r) for r in records], ApprovalStatus.APPROVED)

    @operation("approvals", "DELETE", "/api/v1/approvals/{approval_id}")
    async def delete(self, approval_id: int) -> None:
        """Withdraw a pending approval.

        Raises:
            BadRequestError: the approval is no longer pending.
        """
        await self._no_content()
