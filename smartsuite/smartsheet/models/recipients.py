"""Small people references shared by many objects: MiniUser and Recipient."""

from __future__ import annotations

import attrs


@attrs.define
class MiniUser:
    """A user as other objects refer to them (``createdBy``, ``modifiedBy``, ``sentBy``)."""

    email: str | None = None
    name: str | None = None


@attrs.define
class Recipient:
    """Someone to send to: an email address or a group id (set exactly one)."""

    email: str | None = None
    group_id: int | None = None
