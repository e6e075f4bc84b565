"""Small people references shared by many objects: MiniUser, and Recipient (defined with the
sheet extras, re-exported here for the collaboration models)."""

from __future__ import annotations

import attrs

from .sheet_extras import Recipient


@attrs.define
class MiniUser:
    """A user as other objects refer to them (``createdBy``, ``modifiedBy``, ``sentBy``)."""

    email: str | None = None
    name: str | None = None


__all__ = ["MiniUser", "Recipient"]
