"""Report definitions, scope and creation (``/reports``, ``/reports/{id}/definition``,
``/scope``; Python SDK 3.9.0, C# 6.7.0 / 7.2.0)."""

from __future__ import annotations

from typing import Any

import attrs

from .reports import ReportColumn


@attrs.define
class ReportScopeInclusion:
    """A sheet or workspace a report draws rows from (``asset_type`` ``sheet`` or
    ``workspace``)."""

    asset_type: str | None = None
    asset_id: int | None = None


@attrs.define
class ReportDefinition:
    """What a report shows: its filter expression and its grouping, summarizing and sorting
    criteria (kept as the API's JSON objects)."""

    filters: dict[str, Any] | None = None
    grouping_criteria: list[dict[str, Any]] | None = None
    summarizing_criteria: list[dict[str, Any]] | None = None
    sorting_criteria: list[dict[str, Any]] | None = None


@attrs.define
class CreatedReport:
    """What ``POST /reports`` answers: the new report's id, name, link and columns."""

    id: int | None = None
    name: str | None = None
    access_level: str | None = None
    permalink: str | None = None
    is_summary_report: bool | None = None
    columns: list[ReportColumn] | None = None
