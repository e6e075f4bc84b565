"""Smaller objects around sheets: publish settings, cross-sheet references, sort criteria,
row copy/move results, email recipients and copy/move destinations."""

from __future__ import annotations

from typing import Any

import attrs

from ..._core.model import Model, track, unset


@attrs.define(on_setattr=track)
class SheetPublish(Model):
    """A sheet's publish settings (``*_accessible_by`` are ALL / ORG / SHARED; default views
    GRID / CARD / CALENDAR). The ``*_url`` attributes are read-only."""

    ical_enabled: bool | None = unset
    ical_url: str | None = unset
    read_only_full_enabled: bool | None = unset
    read_only_full_accessible_by: str | None = unset
    read_only_full_default_view: str | None = unset
    read_only_full_show_toolbar: bool | None = unset
    read_only_full_url: str | None = unset
    read_only_lite_enabled: bool | None = unset
    read_only_lite_url: str | None = unset
    read_only_lite_ssl_url: str | None = unset
    read_write_enabled: bool | None = unset
    read_write_accessible_by: str | None = unset
    read_write_default_view: str | None = unset
    read_write_show_toolbar: bool | None = unset
    read_write_url: str | None = unset


@attrs.define(on_setattr=track)
class CrossSheetReference(Model):
    """A named range of another sheet that formulas of this sheet can reference.

    ``status`` is OK, BLOCKED, BROKEN, CIRCULAR, DISABLED, INVALID/UNKNOWN or NOT-SHARED.
    Leave row bounds out to reference whole columns, column bounds out for whole rows.
    """

    id: int = unset
    name: str | None = unset
    source_sheet_id: int | None = unset
    start_row_id: int | None = unset
    end_row_id: int | None = unset
    start_column_id: int | None = unset
    end_column_id: int | None = unset
    status: str | None = unset


@attrs.define(on_setattr=track)
class SortCriterion(Model):
    """One sort key: a column and ``ASCENDING`` (default) or ``DESCENDING``."""

    column_id: int | None = unset
    direction: str | None = unset


@attrs.define(on_setattr=track)
class RowMapping(Model):
    """Where a copied or moved row went (``from_`` is ``from`` on the wire)."""

    from_: int | None = unset
    to: int | None = unset


@attrs.define(on_setattr=track)
class CopyOrMoveRowResult(Model):
    """The answer to copying or moving rows to another sheet."""

    destination_sheet_id: int | None = unset
    row_mappings: list[RowMapping] | None = unset


@attrs.define(on_setattr=track)
class Recipient(Model):
    """An email recipient: an ``email`` address or a ``group_id``."""

    email: str | None = unset
    group_id: int | None = unset


@attrs.define(on_setattr=track)
class ContainerDestination(Model):
    """Where to copy or move a sheet: ``destination_type`` is home, folder or workspace."""

    destination_type: str | None = unset
    destination_id: int | None = unset
    new_name: str | None = unset


@attrs.define(on_setattr=track)
class SheetVersion(Model):
    """A sheet's version number, which grows with every change."""

    version: int | None = unset


def recipients(send_to: Any) -> list[dict[str, Any]]:
    """Wire recipients from emails, group ids, :class:`Recipient` objects or dicts."""
    from ..._core.errors import ConfigurationError

    items = [send_to] if isinstance(send_to, str | int | Recipient | dict) else list(send_to)
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, str):
            out.append({"email": item})
        elif isinstance(item, int) and not isinstance(item, bool):
            out.append({"groupId": item})
        elif isinstance(item, Recipient):
            out.append({k: v for k, v in (("email", item.email), ("groupId", item.group_id)) if v})
        elif isinstance(item, dict):
            out.append(dict(item))
        else:
            raise ConfigurationError(
                f"a recipient is an email, a group id or a Recipient: {item!r}"
            )
    if not out or not all(r.get("email") or r.get("groupId") for r in out):
        raise ConfigurationError("send_to needs at least one email address or group id")
    return out
