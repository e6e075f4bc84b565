"""People: users, placeholder resources, availability blocks and statuses."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import UNSET, Model, track
from .common import Nested, Tag
from .settings import CustomFieldValue
from .work import Assignment


class UserType(enum.IntEnum):
    """Known ``user_type_id`` values (the API never sets 1, Administrator)."""

    NONE = 0
    ADMINISTRATOR = 1
    PROJECT_MANAGER = 2
    TEAM_MEMBER = 3
    RESTRICTED_TEAM_MEMBER = 4
    CONTRACTOR = 5
    SCHEDULER = 7


class LicenseType(enum.StrEnum):
    LICENSED = "licensed"
    MANAGED_RESOURCE = "managed_resource"


class StatusCode(enum.StrEnum):
    """Values of a user status."""

    IN_THE_OFFICE = "ITO"
    WORKING_FROM_HOME = "WFH"
    SICK = "SIC"
    ON_THE_ROAD = "OOO"
    VACATION = "VAC"
    OUT_OF_OFFICE = "OOF"


@attrs.define(on_setattr=track)
class Availability(Model):
    """Custom working hours per weekday (``day0`` is Sunday) over a date range."""

    id: int
    user_id: int | None = UNSET
    starts_at: dt.date | None = UNSET
    ends_at: dt.date | None = UNSET
    day0: float | None = UNSET
    day1: float | None = UNSET
    day2: float | None = UNSET
    day3: float | None = UNSET
    day4: float | None = UNSET
    day5: float | None = UNSET
    day6: float | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET

    @property
    def days(self) -> list[float | None]:
        """Hours from Sunday (index 0) to Saturday (index 6)."""
        return [self.day0, self.day1, self.day2, self.day3, self.day4, self.day5, self.day6]


@attrs.define(on_setattr=track)
class UserStatus(Model):
    """A user's status; the newest one is the current status."""

    id: int
    user_id: int | None = UNSET
    status: str | None = UNSET
    assignable_id: int | None = UNSET
    current_task: str | None = UNSET
    message: str | None = UNSET
    start: dt.datetime | None = UNSET
    end: dt.datetime | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET


@attrs.define(on_setattr=track)
class User(Model):
    """A person in the account. Nested collections appear only with ``fields=``."""

    id: int
    first_name: str | None = UNSET
    last_name: str | None = UNSET
    display_name: str | None = UNSET
    email: str | None = UNSET
    user_type_id: int | None = UNSET
    billable: bool | None = UNSET
    hire_date: dt.date | None = UNSET
    termination_date: dt.date | None = UNSET
    mobile_phone: str | None = UNSET
    office_phone: str | None = UNSET
    archived: bool | None = UNSET
    archived_at: dt.datetime | None = UNSET
    deleted: bool | None = UNSET
    deleted_at: dt.datetime | None = UNSET
    account_owner: bool | None = UNSET
    invitation_pending: bool | None = UNSET
    guid: str | None = UNSET
    employee_number: str | None = UNSET
    role: str | None = UNSET
    discipline: str | None = UNSET
    location: str | None = UNSET
    type: str | None = UNSET
    license_type: str | None = UNSET
    billability_target: float | None = UNSET
    billrate: float | None = UNSET
    has_login: bool | None = UNSET
    login_type: str | None = UNSET
    thumbnail: str | None = UNSET
    #: "reserved" in the docs, typed string, sent as a number (seed 002, "Users"): kept as sent.
    user_settings: int | str | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET
    tags: Nested[Tag] | None = UNSET
    assignments: Nested[Assignment] | None = UNSET
    availabilities: Nested[Availability] | None = UNSET
    custom_field_values: Nested[CustomFieldValue] | None = UNSET


@attrs.define(on_setattr=track)
class PlaceholderResource(Model):
    """A stand-in for a person not yet known; referred to by ``title``."""

    id: int
    title: str | None = UNSET
    role: str | None = UNSET
    discipline: str | None = UNSET
    location: str | None = UNSET
    type: str | None = UNSET
    thumbnail: str | None = UNSET
    abbreviation: str | None = UNSET
    color: str | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET
    assignments: Nested[Assignment] | None = UNSET
    custom_field_values: Nested[CustomFieldValue] | None = UNSET
