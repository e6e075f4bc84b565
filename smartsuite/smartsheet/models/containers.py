"""Where things live: workspaces, folders, the Home tab, templates and favorites."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from .sheets import Sheet


class FavoriteType(enum.StrEnum):
    """Kinds of object that can be favorites (the ``favoriteType`` path segment)."""

    FOLDER = "folder"
    REPORT = "report"
    SHEET = "sheet"
    SIGHT = "sight"
    TEMPLATE = "template"
    WORKSPACE = "workspace"


class DestinationType(enum.StrEnum):
    """Where a copied or moved folder or workspace goes."""

    FOLDER = "folder"
    HOME = "home"
    WORKSPACE = "workspace"


@attrs.define
class Template:
    """A sheet or report template (``type`` is ``sheet`` or ``report``)."""

    id: int | None = None
    name: str | None = None
    type: str | None = None
    access_level: str | None = None
    description: str | None = None
    blank: bool | None = None
    categories: list[str] | None = None
    global_template: str | None = None
    image: str | None = None
    large_image: str | None = None
    locale: str | None = None
    tags: list[str] | None = None


@attrs.define
class Folder:
    """A folder; ``folders``, ``sheets``, ``reports``, ``sights`` and ``templates`` are
    present when fetched with ``folders.get``."""

    id: int | None = None
    name: str | None = None
    permalink: str | None = None
    favorite: bool | None = None
    folders: list[Folder] | None = None
    sheets: list[Sheet] | None = None
    reports: list[dict[str, Any]] | None = None
    sights: list[dict[str, Any]] | None = None
    templates: list[Template] | None = None

    def walk_sheets(self) -> list[Sheet]:
        """Every sheet in this folder and its subfolders, depth first."""
        found = list(self.sheets or ())
        for sub in self.folders or ():
            found.extend(sub.walk_sheets())
        return found


@attrs.define
class Workspace:
    """A workspace; its contents are present only when rebuilt by the deprecated
    ``workspaces.get`` (use ``workspaces.children`` / ``walk``)."""

    id: int | None = None
    name: str | None = None
    access_level: str | None = None
    permalink: str | None = None
    favorite: bool | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    folders: list[Folder] | None = None
    sheets: list[Sheet] | None = None
    reports: list[dict[str, Any]] | None = None
    sights: list[dict[str, Any]] | None = None
    templates: list[Template] | None = None

    def walk_sheets(self) -> list[Sheet]:
        """Every sheet in the workspace and its folders, depth first."""
        found = list(self.sheets or ())
        for sub in self.folders or ():
            found.extend(sub.walk_sheets())
        return found


@attrs.define
class Home:
    """The Home tab: what the user owns outside workspaces, plus workspaces."""

    folders: list[Folder] | None = None
    sheets: list[Sheet] | None = None
    reports: list[dict[str, Any]] | None = None
    sights: list[dict[str, Any]] | None = None
    templates: list[Template] | None = None
    workspaces: list[Workspace] | None = None


@attrs.define
class Favorite:
    """A favorite: an object id and its :class:`FavoriteType` (kept as ``str``)."""

    object_id: int | None = None
    type: str | None = None
    direct_id: int | None = None
    name: str | None = None
