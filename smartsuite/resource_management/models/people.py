"""People: users, placeholder resources, availability blocks and statuses."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

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


@attrs.define
class Availability:
    """Custom working hours per weekday (``day0`` is Sunday) over a date range."""

    id: int
    user_id: int | None = None
    starts_at: dt.date | None = None
    ends_at: dt.date | None = None
    day0: float | None = None
    day1: float | None = None
    day2: float | None = None
    day3: float | None = None
    day4: float | None = None
    day5: float | None = None
    day6: float | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def days(self) -> list[float | None]:
        """Hours from Sunday (index 0) to Saturday (index 6)."""
        return [self.day0, self.day1, self.day2, self.day3, self.day4, self.day5, self.day6]


@attrs.define
class UserStatus:
    """A user's status; the newest one is the current status."""

    id: int
    user_id: int | None = None
    status: str | None = None
    assignable_id: int | None = None
    current_task: str | None = None
    message: str | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@attrs.define
class User:
    """A person in the account. Nested collections appear only with ``fields=``."""

    id: int
    first_name: str | None = None
    last_name: str | None = None
    display_name: str | None = None
    email: str | None = None
    user_type_id: int | None = None
    billable: bool | None = None
    hire_date: dt.date | None = None
    termination_date: dt.date | None = None
    mobile_phone: str | None = None
    office_phone: str | None = None
    archived: bool | None = None
    archived_at: dt.datetime | None = None
    deleted: bool | None = None
    deleted_at: dt.datetime | None = None
    account_owner: bool | None = None
    invitation_pending: bool | None = None
    guid: str | None = None
    employee_number: str | None = None
    role: str | None = None
    discipline: str | None = None
    location: str | None = None
    type: str | None = None
    license_type: str | None = None
    billability_target: float | None = None
    billrate: float | None = None
    has_login: bool | None = None
    login_type: str | None = None
    thumbnail: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    tags: Nested[Tag] | None = None
    assignments: Nested[Assignment] | None = None
    availabilities: Nested[Availability] | None = None
    custom_field_values: Nested[CustomFieldValue] | None = None


@attrs.define
class PlaceholderResource:
    """A stand-in for a person not yet known; referred to by ``title``."""

    id: int
    title: str | None = None
    role: str | None = None
    discipline: str | None = None
    location: str | None = None
    type: str | None = None
    thumbnail: str | None = None
    abbreviation: str | None = None
    color: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    assignments: Nested[Assignment] | None = None
    custom_field_values: Nested[CustomFieldValue] | None = None
