"""Account-level lookups and settings: disciplines, roles, holidays, status options, custom fields,
custom field values and webhooks."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs


@attrs.define
class Discipline:
    """A discipline (created in the UI only)."""

    id: int
    value: str | None = None


@attrs.define
class Role:
    """A role (created in the UI only)."""

    id: int
    value: str | None = None


@attrs.define
class Holiday:
    """A non-working day of the organisation."""

    id: int
    date: dt.date | None = None
    name: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


class StatusColor(enum.StrEnum):
    """Colours a status option may take."""

    BLUE_BRIGHT = "blue_bright"
    BLUE_DARK = "blue_dark"
    GREEN_BRIGHT = "green_bright"
    GREEN_DARK = "green_dark"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"
    PURPLE = "purple"


class StatusStage(enum.StrEnum):
    """Stages a status option may be in."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@attrs.define
class StatusOption:
    """A work status that assignments can carry (``status_option_id``)."""

    id: int
    label: str | None = None
    color: str | None = None
    stage: str | None = None
    order: float | None = None
    deleted_at: dt.datetime | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


class CustomFieldType(enum.StrEnum):
    """The ``data_type`` of a custom field."""

    STRING = "string"
    SELECTION_LIST = "selection_list"
    MULTIPLE_CHOICE_SELECTION_LIST = "multiple_choice_selection_list"


@attrs.define
class CustomField:
    """A custom field definition for ``assignables`` (projects) or ``users``."""

    id: int
    name: str | None = None
    namespace: str | None = None
    data_type: str | None = None
    description: str | None = None
    default_value: str | None = None
    is_visible_on_info_page: bool | None = None
    is_visible_as_filter: bool | None = None
    options: list[str] | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@attrs.define
class CustomFieldValue:
    """One value of a custom field on a project or user (a multiple-choice field has one
    record per chosen value)."""

    id: int
    custom_field_id: int | None = None
    value: Any = None
    user_id: int | None = None
    project_id: int | None = None
    assignable_id: int | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


class WebhookEventType(enum.StrEnum):
    """Events a webhook can subscribe to."""

    PROJECT_CREATED = "project.created"
    PROJECT_UPDATED = "project.updated"
    TIME_ENTRY_CREATED = "time.entry.created"
    TIME_ENTRY_UPDATED = "time.entry.updated"
    USER_CREATED = "user.created"
    USER_UPDATED = "user.updated"
    ASSIGNMENT_CREATED = "assignment.created"
    ASSIGNMENT_UPDATED = "assignment.updated"


@attrs.define
class Webhook:
    """A registered webhook (no update; delete and re-create)."""

    id: int
    event_type: str | None = None
    url: str | None = None
    status: str | None = None
    organization_id: int | None = None
