"""``rm.status_options``: the work statuses assignments can carry."""

from __future__ import annotations

from ..._core.paging import AsyncPaginator
from ..._core.serde import UNSET, Unset
from .._operation import operation
from .._resource import RMResource, choice
from ..models.settings import StatusColor, StatusOption, StatusStage

COLORS = tuple(c.value for c in StatusColor)
STAGES = tuple(s.value for s in StatusStage)


class StatusOptions(RMResource):
    @operation("status_options", "GET", "/api/v1/status_options")
    def list(
        self,
        *,
        with_deleted: bool | None = None,
        page_size: int | None = None,
        per_page: int | None = None,
    ) -> AsyncPaginator[StatusOption]:
        """Walk status options (deleted ones only with ``with_deleted=True``)."""
        params = {"with_deleted": with_deleted}
        return self._pages(cast_to=StatusOption, params=params, page_size=page_size)

    @operation("status_options", "GET", "/api/v1/status_options/{id}")
    async def get(self, status_option_id: int) -> StatusOption:
        """One status option."""
        return await self._object(cast_to=StatusOption)

    @operation("status_options", "POST", "/api/v1/status_options")
    async def create(self, *, label: str, color: str, stage: str, order: float) -> StatusOption:
        """Create a status option.

        Args:
            color: ``blue_bright``, ``green_dark``, ``red`` ... (:class:`StatusColor`).
            stage: ``planned``, ``in_progress`` or ``done``.
            order: sort key within menus.

        Raises:
            ConfigurationError: an unknown colour or stage.
        """
        body = {
            "label": label,
            "color": choice(color, COLORS, "color"),
            "stage": choice(stage, STAGES, "stage"),
            "order": float(order),
        }
        return await self._object(cast_to=StatusOption, body=body)

    @operation("status_options", "PUT", "/api/v1/status_options/{id}")
    async def update(
        self,
        status_option_id: int,
        *,
        label: str | Unset = UNSET,
        color: str | Unset = UNSET,
        stage: str | Unset = UNSET,
        order: float | Unset = UNSET,
    ) -> StatusOption:
        """Change a status option."""
        if color is not UNSET:
            choice(color, COLORS, "color")
        if stage is not UNSET:
            choice(stage, STAGES, "stage")
        body = self._body(label=label, color=color, stage=stage, order=order)
        return await self._object(cast_to=StatusOption, body=body)

    @operation("status_options", "DELETE", "/api/v1/status_options/{id}")
    async def delete(self, status_option_id: int) -> None:
        """Flag a status option as deleted (history keeps it)."""
        await self._no_content()
