"""People: users, their alternate emails, groups, group members and contacts."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import UNSET, Model, track


class UserStatus(enum.StrEnum):
    """Known user statuses; models keep the plain string, so new values still decode."""

    ACTIVE = "ACTIVE"
    PENDING = "PENDING"
    DECLINED = "DECLINED"
    DEACTIVATED = "DEACTIVATED"


@attrs.define(on_setattr=track)
class ProfileImage(Model):
    """A user's profile image (ids and pixel sizes)."""

    image_id: str | None = UNSET
    height: int | None = UNSET
    width: int | None = UNSET


@attrs.define(on_setattr=track)
class AlternateEmail(Model):
    """An additional email address of a user; only confirmed ones can become primary."""

    id: int = UNSET
    email: str | None = UNSET
    confirmed: bool | None = UNSET


@attrs.define(on_setattr=track)
class Account(Model):
    """The organisation account a user belongs to."""

    id: int = UNSET
    name: str | None = UNSET


@attrs.define(on_setattr=track)
class GroupRef(Model):
    """A group a user belongs to, as listed by ``users.me(include=["groups"])``."""

    id: int = UNSET
    name: str | None = UNSET
    description: str | None = UNSET
    owner: str | None = UNSET
    owner_id: int | None = UNSET


@attrs.define(on_setattr=track)
class User(Model):
    """A user of the organisation account (``User`` and ``UserProfile`` on the wire).

    ``status`` is one of :class:`UserStatus` (kept as ``str``). Profile fields (``account``,
    ``locale``, ``time_zone`` ...) are only returned by ``users.get`` and ``users.me``.
    """

    id: int = UNSET
    email: str | None = UNSET
    name: str | None = UNSET
    first_name: str | None = UNSET
    last_name: str | None = UNSET
    status: str | None = UNSET
    admin: bool | None = UNSET
    licensed_sheet_creator: bool | None = UNSET
    group_admin: bool | None = UNSET
    resource_viewer: bool | None = UNSET
    jira_admin: bool | None = UNSET
    salesforce_admin: bool | None = UNSET
    salesforce_user: bool | None = UNSET
    sheet_count: int | None = UNSET
    last_login: dt.datetime | None = UNSET
    custom_welcome_screen_viewed: dt.datetime | None = UNSET
    profile_image: ProfileImage | None = UNSET
    account: Account | None = UNSET
    alternate_emails: list[AlternateEmail] | None = UNSET
    groups: list[GroupRef] | None = UNSET
    company: str | None = UNSET
    department: str | None = UNSET
    title: str | None = UNSET
    role: str | None = UNSET
    locale: str | None = UNSET
    time_zone: str | None = UNSET
    mobile_phone: str | None = UNSET
    work_phone: str | None = UNSET


@attrs.define(on_setattr=track)
class GroupMember(Model):
    """A member of a group (add members by ``email``)."""

    id: int = UNSET
    email: str | None = UNSET
    name: str | None = UNSET
    first_name: str | None = UNSET
    last_name: str | None = UNSET


@attrs.define(on_setattr=track)
class Group(Model):
    """A group of users; ``members`` is present on ``groups.get``."""

    id: int = UNSET
    name: str | None = UNSET
    description: str | None = UNSET
    owner: str | None = UNSET
    owner_id: int | None = UNSET
    created_at: dt.datetime | None = UNSET
    modified_at: dt.datetime | None = UNSET
    members: list[GroupMember] | None = UNSET


@attrs.define(on_setattr=track)
class Contact(Model):
    """One of the user's Smartsheet contacts (``id`` is an opaque string)."""

    id: str = UNSET
    name: str | None = UNSET
    email: str | None = UNSET
    profile_image: ProfileImage | None = UNSET
