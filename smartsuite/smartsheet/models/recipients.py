"""Small people references shared by many objects: MiniUser, and Recipient (defined with the
sheet extras, re-exported here for the collaboration models)."""

from __future__ import annotations

import attrs

from ..._core.model import Model, track, unset
from .sheet_extras import Recipient


@attrs.define(on_setattr=track)
class MiniUser(Model):
    """A user as other objects refer to them (``createdBy``, ``modifiedBy``, ``sentBy``)."""

    email: str | None = unset
    name: str | None = unset


__all__ = ["MiniUser", "Recipient"]
