"""Where things live: workspaces, folders, the Home tab, templates and favorites."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..._core.model import Model, track, unset
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


@attrs.define(on_setattr=track)
class Template(Model):
    """A sheet or report template (``type`` is ``sheet`` or ``report``)."""

    id: int = unset
    name: str | None = unset
    type: str | None = unset
    access_level: str | None = unset
    description: str | None = unset
    blank: bool | None = unset
    categories: list[str] | None = unset
    global_template: str | None = unset
    image: str | None = unset
    large_image: str | None = unset
    locale: str | None = unset
    tags: list[str] | None = unset


@attrs.define(on_setattr=track)
class Folder(Model):
    """A folder; ``folders``, ``sheets``, ``reports``, ``sights`` and ``templates`` are
    present when fetched with ``folders.get``."""

    id: int = unset
    name: str | None = unset
    permalink: str | None = unset
    favorite: bool | None = unset
    folders: list[Folder] | None = unset
    sheets: list[Sheet] | None = unset
    reports: list[dict[str, Any]] | None = unset
    sights: list[dict[str, Any]] | None = unset
    templates: list[Template] | None = unset

    def walk_sheets(self) -> list[Sheet]:
        """Every sheet in this folder and its subfolders, depth first."""
        found = list(self.sheets or ())
        for sub in self.folders or ():
            found.extend(sub.walk_sheets())
        return found


@attrs.define(on_setattr=track)
class Workspace(Model):
    """A workspace; its contents are present only when rebuilt by the deprecated
    ``workspaces.get`` (use ``workspaces.children`` / ``walk``)."""

    id: int = unset
    name: str | None = unset
    access_level: str | None = unset
    permalink: str | None = unset
    favorite: bool | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset
    folders: list[Folder] | None = unset
    sheets: list[Sheet] | None = unset
    reports: list[dict[str, Any]] | None = unset
    sights: list[dict[str, Any]] | None = unset
    templates: list[Template] | None = unset

    def walk_sheets(self) -> list[Sheet]:
        """Every sheet in the workspace and its folders, depth first."""
        found = list(self.sheets or ())
        for sub in self.folders or ():
            found.extend(sub.walk_sheets())
        return found


@attrs.define(on_setattr=track)
class Home(Model):
    """The Home tab: what the user owns outside workspaces, plus workspaces."""

    folders: list[Folder] | None = unset
    sheets: list[Sheet] | None = unset
    reports: list[dict[str, Any]] | None = unset
    sights: list[dict[str, Any]] | None = unset
    templates: list[Template] | None = unset
    workspaces: list[Workspace] | None = unset


@attrs.define(on_setattr=track)
class Favorite(Model):
    """A favorite: an object id and its :class:`FavoriteType` (kept as ``str``)."""

    object_id: int | None = unset
    type: str | None = unset
    direct_id: int | None = unset
    name: str | None = unset
