"""What ``/workspaces/{id}/children`` and ``/folders/{id}/children`` list: one model per
``resourceType`` (folder, sheet, report, sight, template); a type this client does not know
is kept as :class:`UnknownChild`, never dropped."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..._core.model import Model, track, unset


class ChildType(enum.StrEnum):
    """The ``childrenResourceTypes`` values (plural, as the API spells them). Templates are
    only listed when ``sheets`` is asked for too (Python SDK 4.0.0 changelog)."""

    SHEETS = "sheets"
    REPORTS = "reports"
    SIGHTS = "sights"
    FOLDERS = "folders"
    TEMPLATES = "templates"


@attrs.define(on_setattr=track)
class ChildBase(Model):
    """What every child of a workspace or folder carries."""

    id: int = unset
    name: str = unset
    resource_type: str | None = unset
    permalink: str | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class _OwnedChild(ChildBase):
    access_level: str | None = unset
    owner: str | None = unset
    owner_id: int | None = unset


@attrs.define(on_setattr=track)
class ChildSheet(_OwnedChild):
    """A sheet in a workspace or folder."""

    source: dict[str, Any] | None = unset


@attrs.define(on_setattr=track)
class ChildReport(_OwnedChild):
    """A report in a workspace or folder."""

    is_summary_report: bool | None = unset


@attrs.define(on_setattr=track)
class ChildSight(_OwnedChild):
    """A dashboard (the API's sight) in a workspace or folder."""


@attrs.define(on_setattr=track)
class ChildFolder(ChildBase):
    """A folder in a workspace or folder; list its own children to go deeper."""


@attrs.define(on_setattr=track)
class ChildTemplate(ChildBase):
    """A template in a workspace or folder."""

    access_level: str | None = unset
    type: str | None = unset
    description: str | None = unset


@attrs.define
class UnknownChild:
    """A child of a ``resourceType`` this client does not model: the raw JSON object."""

    resource_type: str | None
    data: dict[str, Any]

    @property
    def id(self) -> int | None:
        """The object's ``id``, when it has an integer one."""
        value = self.data.get("id")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    @property
    def name(self) -> str | None:
        """The object's ``name``, when it has one."""
        value = self.data.get("name")
        return value if isinstance(value, str) else None


Child = ChildSheet | ChildReport | ChildSight | ChildFolder | ChildTemplate | UnknownChild

#: resourceType (lower case) -> model.
CHILD_MODELS: dict[str, type[Any]] = {
    "sheet": ChildSheet,
    "report": ChildReport,
    "sight": ChildSight,
    "folder": ChildFolder,
    "template": ChildTemplate,
}


@attrs.define
class TreeEntry:
    """One entry of a workspace tree walk: the child and the folder names above it."""

    child: Child
    path: tuple[str, ...]
