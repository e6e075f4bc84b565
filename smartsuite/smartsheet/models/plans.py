"""User plans and seat types (``/users/{id}/plans``; Python SDK 3.2.0-3.9.0)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import Model, track, unset


class SeatType(enum.StrEnum):
    """A user's seat on a plan. ``CONTRIBUTOR`` is only shown when asked for with
    ``display_contributor_seat_type=True``; otherwise the API reports it as ``VIEWER``."""

    VIEWER = "VIEWER"
    GUEST = "GUEST"
    MEMBER = "MEMBER"
    PROVISIONAL_MEMBER = "PROVISIONAL_MEMBER"
    CONTRIBUTOR = "CONTRIBUTOR"


#: Seats a user can be upgraded to, and downgraded to (SDK UpgradeSeatType / DowngradeSeatType).
UPGRADE_SEATS = frozenset({SeatType.GUEST, SeatType.MEMBER})
DOWNGRADE_SEATS = frozenset({SeatType.VIEWER, SeatType.GUEST, SeatType.CONTRIBUTOR})


@attrs.define(on_setattr=track)
class UserPlan(Model):
    """A plan a user belongs to, with the user's seat on it."""

    plan_id: int = unset
    plan_name: str | None = unset
    seat_type: str | None = unset
    seat_type_last_changed_at: dt.datetime | None = unset
    is_internal: bool | None = unset
    provisional_expiration_date: dt.datetime | None = unset
