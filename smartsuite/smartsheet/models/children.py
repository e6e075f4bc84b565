"""What ``/workspaces/{id}/children`` and ``/folders/{id}/children`` list: one model per
``resourceType`` (folder, sheet, report, sight, template); a type this client does not know
is kept as :class:`UnknownChild`, never dropped."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs


class ChildType(enum.StrEnum):
    """The ``childrenResourceTypes`` values (plural, as the API spells them). Templates are
    only listed when ``sheets`` is asked for too (Python SDK 4.0.0 changelog)."""

    SHEETS = "sheets"
    REPORTS = "reports"
    SIGHTS = "sights"
    FOLDERS = "folders"
    TEMPLATES = "templates"


@attrs.define
class ChildSheet:
    """A sheet in a workspace or folder."""

    id: int | None = None
    name: str | None = None
    resource_type: str | None = None
    access_level: str | None = None
    permalink: str | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    source: dict[str, Any] | None = None
    owner: str | None = None
    owner_id: int | None = None


@attrs.define
class ChildReport:
    """A report in a workspace or folder."""

    id: int | None = None
    name: str | None = None
    resource_type: str | None = None
    access_level: str | None = None
    permalink: str | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    is_summary_report: bool | None = None
    owner: str | None = None
    owner_id: int | None = None


@attrs.define
class ChildSight:
    """A dashboard (the API's sight) in a workspace or folder."""

    id: int | None = None
    name: str | None = None
    resource_type: str | None = None
    access_level: str | None = None
    permalink: str | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    owner: str | None = None
    owner_id: int | None = None


@attrs.define
class ChildFolder:
    """A folder in a workspace or folder; list its own children to go deeper."""

    id: int | None = None
    name: str | None = None
    resource_type: str | None = None
    permalink: str | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None


@attrs.define
class ChildTemplate:
    """A template in a workspace or folder."""

    id: int | None = None
    name: str | None = None
    resource_type: str | None = None
    access_level: str | None = None
    permalink: str | None = None
    type: str | None = None
    description: str | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None


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
