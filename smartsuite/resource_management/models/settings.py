"""Account-level lookups and settings: disciplines, roles, holidays, status options, custom fields,
custom field values and webhooks."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..._core.model import UNSET, Model, track


@attrs.define(on_setattr=track)
class Discipline(Model):
    """A discipline (created in the UI only)."""

    id: int
    value: str | None = UNSET


@attrs.define(on_setattr=track)
class Role(Model):
    """A role (created in the UI only)."""

    id: int
    value: str | None = UNSET


@attrs.define(on_setattr=track)
class Holiday(Model):
    """A non-working day of the organisation."""

    id: int
    date: dt.date | None = UNSET
    name: str | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET


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


@attrs.define(on_setattr=track)
class StatusOption(Model):
    """A work status that assignments can carry (``status_option_id``)."""

    id: int
    label: str | None = UNSET
    color: str | None = UNSET
    stage: str | None = UNSET
    order: float | None = UNSET
    deleted_at: dt.datetime | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET


class CustomFieldType(enum.StrEnum):
    """The ``data_type`` of a custom field."""

    STRING = "string"
    SELECTION_LIST = "selection_list"
    MULTIPLE_CHOICE_SELECTION_LIST = "multiple_choice_selection_list"


@attrs.define(on_setattr=track)
class CustomField(Model):
    """A custom field definition for ``assignables`` (projects) or ``users``."""

    id: int
    name: str | None = UNSET
    namespace: str | None = UNSET
    data_type: str | None = UNSET
    description: str | None = UNSET
    default_value: str | None = UNSET
    is_visible_on_info_page: bool | None = UNSET
    is_visible_as_filter: bool | None = UNSET
    options: list[str] | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET


@attrs.define(on_setattr=track)
class CustomFieldValue(Model):
    """One value of a custom field on a project or user (a multiple-choice field has one
    record per chosen value)."""

    id: int
    custom_field_id: int | None = UNSET
    value: Any = UNSET
    user_id: int | None = UNSET
    project_id: int | None = UNSET
    assignable_id: int | None = UNSET
    created_at: dt.datetime | None = UNSET
    updated_at: dt.datetime | None = UNSET


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


@attrs.define(on_setattr=track)
class Webhook(Model):
    """A registered webhook (no update; delete and re-create)."""

    id: int
    event_type: str | None = UNSET
    url: str | None = UNSET
    status: str | None = UNSET
    organization_id: int | None = UNSET
