"""``ss.users``: users of the organisation account, their alternate email addresses and their
plans (:mod:`.user_plans`)."""

from __future__ import annotations

import asyncio
import builtins
import datetime as dt
import mimetypes
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from .._resource import UPLOAD_COST, operation
from ..models.account import AlternateEmail, User
from ..models.common import Result
from ._params import csv_param, email_param, path_id, when_param
from .user_plans import UserPlans, seat_param

#: Profile images larger than this are refused before sending (the app's own limit).
MAX_PROFILE_IMAGE_BYTES = 5 * 1024 * 1024


class Users(UserPlans):
    @operation("list-users", "GET", "/users")
    def list(
        self,
        *,
        email: str | Sequence[str] | None = None,
        include: Sequence[str] | None = None,
        modified_since: dt.datetime | str | None = None,
        numeric_dates: bool | None = None,
        plan_id: int | None = None,
        seat_type: str | None = None,
        display_contributor_seat_type: bool | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[User]:
        """List the users of the organisation (``GET /users``, ``list-users``).

        Args:
            email: only the users with these primary email addresses.
            include: ``lastLogin`` (system administrators only).
            modified_since: only users modified since then.
            numeric_dates: ask for dates as epoch milliseconds (decoded the same).
            plan_id: only the users of this plan.
            seat_type: only users with this seat (:class:`SeatType`).
            display_contributor_seat_type: show ``CONTRIBUTOR`` seats as such (otherwise the
                API reports them as ``VIEWER``).
            page_size: page size for the walk.

        Returns:
            A paginator of :class:`User`.
        """
        params = {
            "email": csv_param(email),
            "include": include,
            "modifiedSince": when_param(modified_since),
            "numericDates": numeric_dates,
            "planId": None if plan_id is None else path_id(plan_id, "plan_id"),
            "seatType": seat_param(seat_type, None),
            "displayContributorSeatType": display_contributor_seat_type,
        }
        return self._index(cast_to=User, params=params, page_size=page_size)

    @operation("get-current-user", "GET", "/users/me")
    async def me(self, *, include: Sequence[str] | None = None) -> User:
        """The user the token belongs to (``GET /users/me``, ``get-current-user``).

        Args:
            include: ``groups`` to list the groups the user belongs to.
        """
        return await self._object(cast_to=User, params={"include": include})

    @operation("get-user", "GET", "/users/{userId}")
    async def get(self, user_id: int) -> User:
        """A user's profile (``GET /users/{userId}``, ``get-user``).

        Raises:
            NotFoundError: no such user (errorCode 1006).
        """
        return await self._object(user_id, cast_to=User)

    @operation("add-user", "POST", "/users")
    async def add(
        self,
        email: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        admin: bool = False,
        licensed_sheet_creator: bool = False,
        group_admin: bool | None = None,
        resource_viewer: bool | None = None,
        send_email: bool | None = None,
    ) -> User:
        """Invite a user to the organisation (``POST /users``, ``add-user``). Since 2026-01-08
        the API makes users added to a user-model plan licensed sheet creators whatever
        ``licensed_sheet_creator`` says.

        Args:
            email: the user's primary email address (an alternate address is refused).
            first_name / last_name: the user's name.
            admin / licensed_sheet_creator / group_admin / resource_viewer: roles.
            send_email: send the invitation email.

        Returns:
            The new user (status ``PENDING`` until they accept).

        Raises:
            ConfigurationError: an empty or malformed email address.
            BadRequestError: the address is already in use (errorCode 1020 / 1159).
        """
        body = {
            "email": email_param(email),
            "firstName": first_name,
            "lastName": last_name,
            "admin": admin,
            "licensedSheetCreator": licensed_sheet_creator,
            "groupAdmin": group_admin,
            "resourceViewer": resource_viewer,
        }
        body = {k: v for k, v in body.items() if v is not None}
        result = await self._result(cast_to=User, json=body, params={"sendEmail": send_email})
        return result.result

    @operation("update-user", "PUT", "/users/{userId}")
    async def update(
        self,
        user_id: int,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        admin: bool | None = None,
        licensed_sheet_creator: bool | None = None,
        group_admin: bool | None = None,
        resource_viewer: bool | None = None,
    ) -> User:
        """Change a user's name or roles (``PUT /users/{userId}``, ``update-user``).

        Only the arguments given are sent.

        Returns:
            The updated user.

        Raises:
            ConfigurationError: nothing to change.
        """
        body = {
            "firstName": first_name,
            "lastName": last_name,
            "admin": admin,
            "licensedSheetCreator": licensed_sheet_creator,
            "groupAdmin": group_admin,
            "resourceViewer": resource_viewer,
        }
        body = {k: v for k, v in body.items() if v is not None}
        if not body:
            raise ConfigurationError("users.update: give at least one attribute to change")
        return (await self._result(user_id, cast_to=User, json=body)).result

    @operation("remove-user", "DELETE", "/users/{userId}")
    async def remove(
        self,
        user_id: int,
        *,
        transfer_to: int | None = None,
        transfer_sheets: bool | None = None,
        remove_from_sharing: bool | None = None,
    ) -> Result:
        """Remove a user from the organisation (``DELETE /users/{userId}``, ``remove-user``).

        Args:
            transfer_to: the user who receives the removed user's groups (and sheets).
            transfer_sheets: also transfer the user's sheets (needs ``transfer_to``).
            remove_from_sharing: also remove the user from every share.

        Raises:
            ConfigurationError: ``transfer_sheets`` without ``transfer_to``.
        """
        if transfer_sheets and transfer_to is None:
            raise ConfigurationError("transfer_sheets=True needs transfer_to=<user id>")
        params = {
            "transferTo": path_id(transfer_to, "transfer_to") if transfer_to is not None else None,
            "transferSheets": transfer_sheets,
            "removeFromSharing": remove_from_sharing,
        }
        return await self._result(user_id, params=params)

    @operation("deactivate-user", "POST", "/users/{userId}/deactivate", idempotent=True)
    async def deactivate(self, user_id: int) -> Result:
        """Deactivate a user (``POST /users/{userId}/deactivate``, ``deactivate-user``).

        Raises:
            BadRequestError: the user is already deactivated, or is not in the organisation.
        """
        return await self._result(user_id)

    @operation("reactivate-user", "POST", "/users/{userId}/reactivate", idempotent=True)
    async def reactivate(self, user_id: int) -> Result:
        """Reactivate a deactivated user (``POST /users/{userId}/reactivate``)."""
        return await self._result(user_id)

    @operation(
        "update-user-profile-image",
        "POST",
        "/users/{userId}/profileimage",
        idempotent=True,
        cost=UPLOAD_COST,
    )
    async def update_profile_image(
        self,
        user_id: int,
        image: bytes | str | os.PathLike[str],
        *,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> User:
        """Upload a user's profile image (``POST /users/{userId}/profileimage``).

        Args:
            image: the image bytes, or the path of an image file.
            filename: the file name sent (defaults to the path's name).
            content_type: e.g. ``image/png``; guessed from the file name when omitted.

        Returns:
            The user with its new ``profile_image``.

        Raises:
            ConfigurationError: not an image type, an empty file, or a file over 5 MB.
        """
        if isinstance(image, bytes):
            data, name = image, filename or "profile.png"
        else:
            path = Path(image)
            data, name = await asyncio.to_thread(path.read_bytes), filename or path.name
        ctype = content_type or mimetypes.guess_type(name)[0] or ""
        if not ctype.startswith("image/"):
            raise ConfigurationError(f"profile image {name!r} is not an image ({ctype or '?'})")
        if not data or len(data) > MAX_PROFILE_IMAGE_BYTES:
            raise ConfigurationError(
                f"profile image {name!r} must hold 1 to {MAX_PROFILE_IMAGE_BYTES} bytes, "
                f"not {len(data)}"
            )
        headers = {
            "Content-Type": ctype,
            "Content-Disposition": f'attachment; filename="{_quote(name)}"',
        }
        return (await self._result(user_id, cast_to=User, content=data, headers=headers)).result

    # -- alternate email addresses -----------------------------------------------------------

    @operation("list-alternate-emails", "GET", "/users/{userId}/alternateemails")
    def list_alternate_emails(
        self, user_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[AlternateEmail]:
        """A user's alternate email addresses (``GET /users/{userId}/alternateemails``)."""
        return self._index(user_id, cast_to=AlternateEmail, page_size=page_size)

    @operation("get-alternate-email", "GET", "/users/{userId}/alternateemails/{alternateEmailId}")
    async def get_alternate_email(self, user_id: int, alternate_email_id: int) -> AlternateEmail:
        """One alternate email address (``GET /users/{userId}/alternateemails/{id}``).

        Raises:
            NotFoundError: no such user or address.
        """
        return await self._object(user_id, alternate_email_id, cast_to=AlternateEmail)

    @operation("add-alternate-email", "POST", "/users/{userId}/alternateemails")
    async def add_alternate_emails(
        self, user_id: int, emails: str | Iterable[str]
    ) -> builtins.list[AlternateEmail]:
        """Add alternate email addresses to a user (system administrators only;
        ``POST /users/{userId}/alternateemails``, ``add-alternate-email``).

        Args:
            user_id: the user.
            emails: one address or several.

        Returns:
            The new addresses, unconfirmed until the user confirms them.

        Raises:
            ConfigurationError: no address, or a malformed one.
            BadRequestError: an address already belongs to an account (errorCode 1157).
        """
        items = [emails] if isinstance(emails, str) else list(emails)
        if not items:
            raise ConfigurationError("add_alternate_emails: give at least one address")
        body = [{"email": email_param(e)} for e in items]
        return (await self._result_list(user_id, cast_to=AlternateEmail, json=body)).result

    @operation(
        "delete-alternate-email", "DELETE", "/users/{userId}/alternateemails/{alternateEmailId}"
    )
    async def delete_alternate_email(self, user_id: int, alternate_email_id: int) -> Result:
        """Delete an alternate email address (``DELETE .../alternateemails/{id}``)."""
        return await self._result(user_id, alternate_email_id)

    @operation(
        "promote-alternate-email",
        "POST",
        "/users/{userId}/alternateemails/{alternateEmailId}/makeprimary",
        idempotent=True,
    )
    async def make_alternate_email_primary(
        self, user_id: int, alternate_email_id: int
    ) -> AlternateEmail:
        """Make a confirmed alternate address the user's primary one
        (``POST .../alternateemails/{id}/makeprimary``, ``promote-alternate-email``).

        Returns:
            The promoted address.

        Raises:
            BadRequestError: the address is not confirmed yet (errorCode 1158).
        """
        return (await self._result(user_id, alternate_email_id, cast_to=AlternateEmail)).result


def _quote(name: str) -> str:
    return name.replace("\\", "\\\\").replace('"', '\\"')
