"""Dashboards (the API calls them sights) and their widgets."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..._core.model import Model, track, unset


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


@attrs.define(on_setattr=track)
class Widget(Model):
    """One widget on a dashboard; ``contents`` depends on ``type`` and stays a dict."""

    id: int = unset
    type: str | None = unset
    title: str | None = unset
    show_title: bool | None = unset
    show_title_icon: bool | None = unset
    title_format: str | None = unset
    contents: dict[str, Any] | None = unset
    x_position: int | None = unset
    y_position: int | None = unset
    width: int | None = unset
    height: int | None = unset
    view_mode: int | None = unset
    version: int | None = unset


@attrs.define(on_setattr=track)
class Dashboard(Model):
    """A dashboard (``/sights``)."""

    id: int = unset
    name: str | None = unset
    access_level: str | None = unset
    permalink: str | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset
    favorite: bool | None = unset
    column_count: int | None = unset
    background_color: str | None = unset
    default_widget_background_color: str | None = unset
    source: dict[str, Any] | None = unset
    workspace: dict[str, Any] | None = unset
    widgets: list[Widget] | None = unset


@attrs.define(on_setattr=track)
class DashboardPublish(Model):
    """A dashboard's publish settings: ``read_only_full_accessible_by`` is ALL or ORG;
    ``read_only_full_url`` is set by the server."""

    read_only_full_enabled: bool | None = unset
    read_only_full_accessible_by: str | None = unset
    read_only_full_url: str | None = unset
