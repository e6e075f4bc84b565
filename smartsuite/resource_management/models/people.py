"""People: users, placeholder resources, availability blocks and statuses."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import Model, track, unset
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
    user_id: int | None = unset
    starts_at: dt.date | None = unset
    ends_at: dt.date | None = unset
    day0: float | None = unset
    day1: float | None = unset
    day2: float | None = unset
    day3: float | None = unset
    day4: float | None = unset
    day5: float | None = unset
    day6: float | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset

    @property
    def days(self) -> list[float | None]:
        """Hours from Sunday (index 0) to Saturday (index 6)."""
        return [self.day0, self.day1, self.day2, self.day3, self.day4, self.day5, self.day6]


@attrs.define(on_setattr=track)
class UserStatus(Model):
    """A user's status; the newest one is the current status."""

    id: int
    user_id: int | None = unset
    status: str | None = unset
    assignable_id: int | None = unset
    current_task: str | None = unset
    message: str | None = unset
    start: dt.datetime | None = unset
    end: dt.datetime | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class User(Model):
    """A person in the account. Nested collections appear only with ``fields=``."""

    id: int
    first_name: str | None = unset
    last_name: str | None = unset
    display_name: str | None = unset
    email: str | None = unset
    user_type_id: int | None = unset
    billable: bool | None = unset
    hire_date: dt.date | None = unset
    termination_date: dt.date | None = unset
    mobile_phone: str | None = unset
    office_phone: str | None = unset
    archived: bool | None = unset
    archived_at: dt.datetime | None = unset
    deleted: bool | None = unset
    deleted_at: dt.datetime | None = unset
    account_owner: bool | None = unset
    invitation_pending: bool | None = unset
    guid: str | None = unset
    employee_number: str | None = unset
    role: str | None = unset
    discipline: str | None = unset
    location: str | None = unset
    type: str | None = unset
    license_type: str | None = unset
    billability_target: float | None = unset
    billrate: float | None = unset
    has_login: bool | None = unset
    login_type: str | None = unset
    thumbnail: str | None = unset
    #: "reserved" in the docs, typed string, sent as a number (seed 002, "Users"): kept as sent.
    user_settings: int | str | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset
    tags: Nested[Tag] | None = unset
    assignments: Nested[Assignment] | None = unset
    availabilities: Nested[Availability] | None = unset
    custom_field_values: Nested[CustomFieldValue] | None = unset


@attrs.define(on_setattr=track)
class PlaceholderResource(Model):
    """A stand-in for a person not yet known; referred to by ``title``."""

    id: int
    title: str | None = unset
    role: str | None = unset
    discipline: str | None = unset
    location: str | None = unset
    type: str | None = unset
    thumbnail: str | None = unset
    abbreviation: str | None = unset
    color: str | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset
    assignments: Nested[Assignment] | None = unset
    custom_field_values: Nested[CustomFieldValue] | None = unset
