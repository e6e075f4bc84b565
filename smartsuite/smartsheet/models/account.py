"""People: users, their alternate emails, groups, group members and contacts."""

from __future__ import annotations

import datetime as dt
import enum

import attrs


class UserStatus(enum.StrEnum):
    """Known user statuses; models keep the plain string, so new values still decode."""

    ACTIVE = "ACTIVE"
    PENDING = "PENDING"
    DECLINED = "DECLINED"
    DEACTIVATED = "DEACTIVATED"


@attrs.define
class ProfileImage:
    """A user's profile image (ids and pixel sizes)."""

    image_id: str | None = None
    height: int | None = None
    width: int | None = None


@attrs.define
class AlternateEmail:
    """An additional email address of a user; only confirmed ones can become primary."""

    id: int | None = None
    email: str | None = None
    confirmed: bool | None = None


@attrs.define
class Account:
    """The organisation account a user belongs to."""

    id: int | None = None
    name: str | None = None


@attrs.define
class GroupRef:
    """A group a user belongs to, as listed by ``users.me(include=["groups"])``."""

    id: int | None = None
    name: str | None = None
    description: str | None = None
    owner: str | None = None
    owner_id: int | None = None


@attrs.define
class User:
    """A user of the organisation account (``User`` and ``UserProfile`` on the wire).

    ``status`` is one of :class:`UserStatus` (kept as ``str``). Profile fields (``account``,
    ``locale``, ``time_zone`` ...) are only returned by ``users.get`` and ``users.me``.
    """

    id: int | None = None
    email: str | None = None
    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    status: str | None = None
    admin: bool | None = None
    licensed_sheet_creator: bool | None = None
    group_admin: bool | None = None
    resource_viewer: bool | None = None
    jira_admin: bool | None = None
    salesforce_admin: bool | None = None
    salesforce_user: bool | None = None
    sheet_count: int | None = None
    last_login: dt.datetime | None = None
    custom_welcome_screen_viewed: dt.datetime | None = None
    profile_image: ProfileImage | None = None
    account: Account | None = None
    alternate_emails: list[AlternateEmail] | None = None
    groups: list[GroupRef] | None = None
    company: str | None = None
    department: str | None = None
    title: str | None = None
    role: str | None = None
    locale: str | None = None
    time_zone: str | None = None
    mobile_phone: str | None = None
    work_phone: str | None = None


@attrs.define
class GroupMember:
    """A member of a group (add members by ``email``)."""

    id: int | None = None
    email: str | None = None
    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None


@attrs.define
class Group:
    """A group of users; ``members`` is present on ``groups.get``."""

    id: int | None = None
    name: str | None = None
    description: str | None = None
    owner: str | None = None
    owner_id: int | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    members: list[GroupMember] | None = None


@attrs.define
class Contact:
    """One of the user's Smartsheet contacts (``id`` is an opaque string)."""

    id: str | None = None
    name: str | None = None
    email: str | None = None
    profile_image: ProfileImage | None = None
