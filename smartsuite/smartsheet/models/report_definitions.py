"""Report definitions, scope and creation (``/reports``, ``/reports/{id}/definition``,
``/scope``; Python SDK 3.9.0, C# 6.7.0 / 7.2.0)."""

from __future__ import annotations

from typing import Any

import attrs

from ..._core.model import Model, track, unset
from .reports import ReportColumn


@attrs.define(on_setattr=track)
class ReportScopeInclusion(Model):
    """A sheet or workspace a report draws rows from (``asset_type`` ``sheet`` or
    ``workspace``)."""

    asset_type: str | None = unset
    asset_id: int | None = unset


@attrs.define(on_setattr=track)
class ReportDefinition(Model):
    """What a report shows: its filter expression and its grouping, summarizing and sorting
    criteria (kept as the API's JSON objects)."""

    filters: dict[str, Any] | None = unset
    grouping_criteria: list[dict[str, Any]] | None = unset
    summarizing_criteria: list[dict[str, Any]] | None = unset
    sorting_criteria: list[dict[str, Any]] | None = unset


@attrs.define(on_setattr=track)
class CreatedReport(Model):
    """What ``POST /reports`` answers: the new report's id, name, link and columns."""

    id: int = unset
    name: str | None = unset
    access_level: str | None = unset
    permalink: str | None = unset
    is_summary_report: bool | None = unset
    columns: list[ReportColumn] | None = unset
