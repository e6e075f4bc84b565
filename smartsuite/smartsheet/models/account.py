"""People: users, their alternate emails, groups, group members and contacts."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import Model, track, unset


class UserStatus(enum.StrEnum):
    """Known user statuses; models keep the plain string, so new values still decode."""

    ACTIVE = "ACTIVE"
    PENDING = "PENDING"
    DECLINED = "DECLINED"
    DEACTIVATED = "DEACTIVATED"


@attrs.define(on_setattr=track)
class ProfileImage(Model):
    """A user's profile image (ids and pixel sizes)."""

    image_id: str | None = unset
    height: int | None = unset
    width: int | None = unset


@attrs.define(on_setattr=track)
class AlternateEmail(Model):
    """An additional email address of a user; only confirmed ones can become primary."""

    id: int = unset
    email: str | None = unset
    confirmed: bool | None = unset


@attrs.define(on_setattr=track)
class Account(Model):
    """The organisation account a user belongs to."""

    id: int = unset
    name: str | None = unset


@attrs.define(on_setattr=track)
class GroupRef(Model):
    """A group a user belongs to, as listed by ``users.me(include=["groups"])``."""

    id: int = unset
    name: str | None = unset
    description: str | None = unset
    owner: str | None = unset
    owner_id: int | None = unset


@attrs.define(on_setattr=track)
class User(Model):
    """A user of the organisation account (``User`` and ``UserProfile`` on the wire).

    ``status`` is one of :class:`UserStatus` (kept as ``str``). Profile fields (``account``,
    ``locale``, ``time_zone`` ...) are only returned by ``users.get`` and ``users.me``.
    """

    id: int = unset
    email: str | None = unset
    name: str | None = unset
    first_name: str | None = unset
    last_name: str | None = unset
    status: str | None = unset
    admin: bool | None = unset
    licensed_sheet_creator: bool | None = unset
    group_admin: bool | None = unset
    resource_viewer: bool | None = unset
    jira_admin: bool | None = unset
    salesforce_admin: bool | None = unset
    salesforce_user: bool | None = unset
    sheet_count: int | None = unset
    last_login: dt.datetime | None = unset
    custom_welcome_screen_viewed: dt.datetime | None = unset
    profile_image: ProfileImage | None = unset
    account: Account | None = unset
    alternate_emails: list[AlternateEmail] | None = unset
    groups: list[GroupRef] | None = unset
    company: str | None = unset
    department: str | None = unset
    title: str | None = unset
    role: str | None = unset
    locale: str | None = unset
    time_zone: str | None = unset
    mobile_phone: str | None = unset
    work_phone: str | None = unset


@attrs.define(on_setattr=track)
class GroupMember(Model):
    """A member of a group (add members by ``email``)."""

    id: int = unset
    email: str | None = unset
    name: str | None = unset
    first_name: str | None = unset
    last_name: str | None = unset


@attrs.define(on_setattr=track)
class Group(Model):
    """A group of users; ``members`` is present on ``groups.get``."""

    id: int = unset
    name: str | None = unset
    description: str | None = unset
    owner: str | None = unset
    owner_id: int | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset
    members: list[GroupMember] | None = unset


@attrs.define(on_setattr=track)
class Contact(Model):
    """One of the user's Smartsheet contacts (``id`` is an opaque string)."""

    id: str = unset
    name: str | None = unset
    email: str | None = unset
    profile_image: ProfileImage | None = unset
