"""Webhook payloads: ``{"data": {...}, "type": "project.created"}``, data decoded by type."""

from __future__ import annotations

import attrs

from ..._core.model import Model, track
from .people import User
from .projects import Project
from .time import TimeEntry
from .work import Assignment

#: Which model a payload's ``data`` holds, by the event type's prefix.
EVENT_MODELS: dict[str, type[Project | TimeEntry | User | Assignment]] = {
    "project.": Project,
    "time.entry.": TimeEntry,
    "user.": User,
    "assignment.": Assignment,
}


@attrs.define(on_setattr=track)
class WebhookEvent(Model):
    """One webhook delivery.

    Attributes:
        type: the event type (``project.created``, ``assignment.deleted`` ...).
        data: the object, as a plain GET would return it.
    """

    type: str
    data: Project | TimeEntry | User | Assignment
