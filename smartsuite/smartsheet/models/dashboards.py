"""Dashboards (the API calls them sights) and their widgets."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs


class WidgetType(enum.StrEnum):
    """Known widget types; ``Widget.type`` stays a plain string so new ones decode."""

    CHART = "CHART"
    GRIDGANTT = "GRIDGANTT"
    IMAGE = "IMAGE"
    METRIC = "METRIC"
    RICHTEXT = "RICHTEXT"
    SHEETSUMMARY = "SHEETSUMMARY"
    SHORTCUT = "SHORTCUT"
    SHORTCUTICON = "SHORTCUTICON"
    SHORTCUTLIST = "SHORTCUTLIST"
    TITLE = "TITLE"
    WEBCONTENT = "WEBCONTENT"


@attrs.define
class Widget:
    """One widget on a dashboard; ``contents`` depends on ``type`` and stays a dict."""

    id: int | None = None
    type: str | None = None
    title: str | None = None
    show_title: bool | None = None
    show_title_icon: bool | None = None
    title_format: str | None = None
    contents: dict[str, Any] | None = None
    x_position: int | None = None
    y_position: int | None = None
    width: int | None = None
    height: int | None = None
    view_mode: int | None = None
    version: int | None = None


@attrs.define
class Dashboard:
    """A dashboard (``/sights``)."""

    id: int | None = None
    name: str | None = None
    access_level: str | None = None
    permalink: str | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    favorite: bool | None = None
    column_count: int | None = None
    background_color: str | None = None
    default_widget_background_color: str | None = None
    source: dict[str, Any] | None = None
    workspace: dict[str, Any] | None = None
    widgets: list[Widget] | None = None


@attrs.define
class DashboardPublish:
    """A dashboard's publish settings: ``read_only_full_accessible_by`` is ALL or ORG;
    ``read_only_full_url`` is set by the server."""

    read_only_full_enabled: bool | None = None
    read_only_full_accessible_by: str | None = None
    read_only_full_url: str | None = None
