"""Where things live: workspaces, folders, the Home tab, templates and favorites."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..._core.model import UNSET, Model, track
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

    id: int = UNSET
    name: str | None = UNSET
    type: str | None = UNSET
    access_level: str | None = UNSET
    description: str | None = UNSET
    blank: bool | None = UNSET
    categories: list[str] | None = UNSET
    global_template: str | None = UNSET
    image: str | None = UNSET
    large_image: str | None = UNSET
    locale: str | None = UNSET
    tags: list[str] | None = UNSET


@attrs.define(on_setattr=track)
class Folder(Model):
    """A folder; ``folders``, ``sheets``, ``reports``, ``sights`` and ``templates`` are
    present when fetched with ``folders.get``."""

    id: int = UNSET
    name: str | None = UNSET
    permalink: str | None = UNSET
    favorite: bool | None = UNSET
    folders: list[Folder] | None = UNSET
    sheets: list[Sheet] | None = UNSET
    reports: list[dict[str, Any]] | None = UNSET
    sights: list[dict[str, Any]] | None = UNSET
    templates: list[Template] | None = UNSET

    def walk_sheets(self) -> list[Sheet]:
        """Every sheet in this folder and its subfolders, depth first."""
        found = list(self.sheets or ())
        for sub in self.folders or ():
            found.extend(sub.walk_sheets())
        return found


@attrs.define(on_setattr=track)
class Workspace(Model):
    """A workspace; its contents are present when fetched with ``workspaces.get``."""

    id: int = UNSET
    name: str | None = UNSET
    access_level: str | None = UNSET
    permalink: str | None = UNSET
    favorite: bool | None = UNSET
    created_at: dt.datetime | None = UNSET
    modified_at: dt.datetime | None = UNSET
    folders: list[Folder] | None = UNSET
    sheets: list[Sheet] | None = UNSET
    reports: list[dict[str, Any]] | None = UNSET
    sights: list[dict[str, Any]] | None = UNSET
    templates: list[Template] | None = UNSET

    def walk_sheets(self) -> list[Sheet]:
        """Every sheet in the workspace and its folders, depth first."""
        found = list(self.sheets or ())
        for sub in self.folders or ():
            found.extend(sub.walk_sheets())
        return found


@attrs.define(on_setattr=track)
class Home(Model):
    """The Home tab: what the user owns outside workspaces, plus workspaces."""

    folders: list[Folder] | None = UNSET
    sheets: list[Sheet] | None = UNSET
    reports: list[dict[str, Any]] | None = UNSET
    sights: list[dict[str, Any]] | None = UNSET
    templates: list[Template] | None = UNSET
    workspaces: list[Workspace] | None = UNSET


@attrs.define(on_setattr=track)
class Favorite(Model):
    """A favorite: an object id and its :class:`FavoriteType` (kept as ``str``)."""

    object_id: int | None = UNSET
    type: str | None = UNSET
    direct_id: int | None = UNSET
    name: str | None = UNSET
