"""Saved sheet filters (``/sheets/{id}/filters``)."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.define
class SheetFilter:
    """A filter saved on a sheet: ``filter_type`` ``PERSONAL`` or ``SHARED``; ``query`` holds
    its criteria, operator and ``includeParent`` as the API's JSON object."""

    id: int | None = None
    name: str | None = None
    filter_type: str | None = None
    query: dict[str, Any] | None = None
    version: int | None = None
