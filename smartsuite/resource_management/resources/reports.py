"""``rm.reports``: report rows and totals computed by the server (``POST /reports/...``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from ..._core.errors import ConfigurationError
from .._operation import operation
from .._resource import RMResource, date_param
from ..models.reports import CustomFieldFilter, Report, ReportFilter, ReportTotals, TimeFrame

#: The API allows up to five grouping levels (the UI two).
MAX_GROUP_BY = 5
_OPERATIONS = ("inclusion", "exclusion")

Filters = Mapping[str, ReportFilter | Sequence[CustomFieldFilter]]
TimeFrameArg = str | TimeFrame | tuple[dt.date, dt.date]


class Reports(RMResource):
    def _params(
        self,
        view: str | None,
        time_frame: TimeFrameArg | None,
        group_by: Sequence[str] | None,
        filters: Filters | None,
        today: dt.date | None,
        calc_incurred_using: str | None,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if view is not None:
            body["view"] = str(view)
        if time_frame is not None:
            body["time_frame"] = _time_frame(time_frame, self)
        if group_by is not None:
            groups = [group_by] if isinstance(group_by, str) else [str(g) for g in group_by]
            if not groups or len(groups) > MAX_GROUP_BY:
                raise ConfigurationError(f"group_by takes 1 to {MAX_GROUP_BY} attributes")
            body["group_by"] = groups
        if filters is not None:
            body["filters"] = {name: _filter(name, f, self) for name, f in filters.items()}
        if today is not None:
            body["today"] = date_param(today, "today")
        if calc_incurred_using is not None:
            body["calc_incurred_using"] = str(calc_incurred_using)
        return body

    @operation("reports", "POST", "/api/v1/reports/rows", idempotent=True)
    async def rows(
        self,
        *,
        view: str | None = None,
        time_frame: TimeFrameArg | None = None,
        group_by: Sequence[str] | None = None,
        filters: Filters | None = None,
        today: dt.date | None = None,
        calc_incurred_using: str | None = None,
    ) -> Report:
        """Report rows, as the reports screen shows them.

        Args:
            view: ``time_fees_hours`` (server default), ``utilization``, ``expenses`` ...
                (:class:`ReportView`).
            time_frame: a name (``this_month``, ``last_90`` ...), a :class:`TimeFrame` or a
                ``(from, to)`` pair of dates.
            group_by: up to five attributes (``project_id``, ``user_id``, ``month`` ...).
            filters: attribute -> :class:`ReportFilter`; ``custom_fields`` -> a list of
                :class:`CustomFieldFilter`.
            today: where incurred time ends and future scheduled time begins.
            calc_incurred_using: ``confirmed-unconfirmed`` (default), ``confirmed``,
                ``approved``.

        Raises:
            ConfigurationError: a malformed time frame, grouping or filter.
            BadRequestError: the server refused the combination (an unknown view ...).
        """
        body = self._params(view, time_frame, group_by, filters, today, calc_incurred_using)
        return await self._object(cast_to=Report, body=body)

    @operation("reports", "POST", "/api/v1/reports/totals", idempotent=True)
    async def totals(
        self,
        *,
        view: str | None = None,
        time_frame: TimeFrameArg | None = None,
        group_by: Sequence[str] | None = None,
        filters: Filters | None = None,
        today: dt.date | None = None,
        calc_incurred_using: str | None = None,
    ) -> ReportTotals:
        """Report totals for the same parameters as :meth:`rows`."""
        body = self._params(view, time_frame, group_by, filters, today, calc_incurred_using)
        return await self._object(cast_to=ReportTotals, body=body)


def _time_frame(value: TimeFrameArg, resource: RMResource) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        if len(value) != 2:
            raise ConfigurationError("a time_frame pair is (from, to)")
        value = TimeFrame(value[0], value[1])
    if not isinstance(value, TimeFrame):
        raise ConfigurationError(f"time_frame must be a name, TimeFrame or date pair: {value!r}")
    date_param(value.from_, "time_frame from")
    date_param(value.to, "time_frame to")
    if value.to < value.from_:
        raise ConfigurationError(f"time_frame ends ({value.to}) before it starts ({value.from_})")
    return resource._encode(value)


def _filter(
    name: str, value: ReportFilter | Sequence[CustomFieldFilter], resource: RMResource
) -> Any:
    if name == "custom_fields":
        if isinstance(value, ReportFilter):
            raise ConfigurationError("filters['custom_fields'] takes a list of CustomFieldFilter")
        items = list(value)
        for item in items:
            if not isinstance(item, CustomFieldFilter):
                raise ConfigurationError("filters['custom_fields'] takes CustomFieldFilter items")
            _check_operation(name, item.operation)
        return [resource._encode(i) for i in items]
    if not isinstance(value, ReportFilter):
        raise ConfigurationError(f"filters[{name!r}] must be a ReportFilter")
    _check_operation(name, value.operation)
    return resource._encode(value)


def _check_operation(name: str, operation_: str) -> None:
    if operation_ not in _OPERATIONS:
        raise ConfigurationError(
            f"filter {name!r}: operation must be inclusion or exclusion, got {operation_!r}"
        )
