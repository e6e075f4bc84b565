"""Saved sheet filters (``/sheets/{id}/filters``)."""

from __future__ import annotations

from typing import Any

import attrs

from ..._core.model import Model, track, unset


@attrs.define(on_setattr=track)
class SheetFilter(Model):
    """A filter saved on a sheet: ``filter_type`` ``PERSONAL`` or ``SHARED``; ``query`` holds
    its criteria, operator and ``includeParent`` as the API's JSON object."""

    id: int = unset
    name: str | None = unset
    filter_type: str | None = unset
    query: dict[str, Any] | None = unset
    version: int | None = unset
