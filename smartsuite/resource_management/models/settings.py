"""Account-level lookups and settings: disciplines, roles, holidays, status options, custom fields,
custom field values and webhooks."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..._core.model import Model, track, unset


@attrs.define(on_setattr=track)
class Discipline(Model):
    """A discipline (created in the UI only)."""

    id: int
    value: str | None = unset


@attrs.define(on_setattr=track)
class Role(Model):
    """A role (created in the UI only)."""

    id: int
    value: str | None = unset


@attrs.define(on_setattr=track)
class Holiday(Model):
    """A non-working day of the organisation."""

    id: int
    date: dt.date | None = unset
    name: str | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset


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
    label: str | None = unset
    color: str | None = unset
    stage: str | None = unset
    order: float | None = unset
    deleted_at: dt.datetime | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset


class CustomFieldType(enum.StrEnum):
    """The ``data_type`` of a custom field."""

    STRING = "string"
    SELECTION_LIST = "selection_list"
    MULTIPLE_CHOICE_SELECTION_LIST = "multiple_choice_selection_list"


@attrs.define(on_setattr=track)
class CustomField(Model):
    """A custom field definition for ``assignables`` (projects) or ``users``."""

    id: int
    name: str | None = unset
    namespace: str | None = unset
    data_type: str | None = unset
    description: str | None = unset
    default_value: str | None = unset
    is_visible_on_info_page: bool | None = unset
    is_visible_as_filter: bool | None = unset
    options: list[str] | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class CustomFieldValue(Model):
    """One value of a custom field on a project or user (a multiple-choice field has one
    record per chosen value)."""

    id: int
    custom_field_id: int | None = unset
    value: Any = unset
    user_id: int | None = unset
    project_id: int | None = unset
    assignable_id: int | None = unset
    created_at: dt.datetime | None = unset
    updated_at: dt.datetime | None = unset


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
    event_type: str | None = unset
    url: str | None = unset
    status: str | None = unset
    organization_id: int | None = unset
