"""Dashboards (the API calls them sights) and their widgets."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..._core.model import UNSET, Model, track


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

    id: int = UNSET
    type: str | None = UNSET
    title: str | None = UNSET
    show_title: bool | None = UNSET
    show_title_icon: bool | None = UNSET
    title_format: str | None = UNSET
    contents: dict[str, Any] | None = UNSET
    x_position: int | None = UNSET
    y_position: int | None = UNSET
    width: int | None = UNSET
    height: int | None = UNSET
    view_mode: int | None = UNSET
    version: int | None = UNSET


@attrs.define(on_setattr=track)
class Dashboard(Model):
    """A dashboard (``/sights``)."""

    id: int = UNSET
    name: str | None = UNSET
    access_level: str | None = UNSET
    permalink: str | None = UNSET
    created_at: dt.datetime | None = UNSET
    modified_at: dt.datetime | None = UNSET
    favorite: bool | None = UNSET
    column_count: int | None = UNSET
    background_color: str | None = UNSET
    default_widget_background_color: str | None = UNSET
    source: dict[str, Any] | None = UNSET
    workspace: dict[str, Any] | None = UNSET
    widgets: list[Widget] | None = UNSET


@attrs.define(on_setattr=track)
class DashboardPublish(Model):
    """A dashboard's publish settings: ``read_only_full_accessible_by`` is ALL or ORG;
    ``read_only_full_url`` is set by the server."""

    read_only_full_enabled: bool | None = UNSET
    read_only_full_accessible_by: str | None = UNSET
    read_only_full_url: str | None = UNSET
