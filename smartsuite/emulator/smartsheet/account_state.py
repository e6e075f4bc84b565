"""In-memory people of the emulated account: users (with alternate emails), groups,
contacts, favorites and the event stream. Containers live in :mod:`.container_state`.

Objects are kept in wire form (camelCase dicts) like the rest of the emulated state.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from typing import TYPE_CHECKING, Any

from .container_state import Containers
from .state import CURRENT_USER, ApiFailure, now_iso

if TYPE_CHECKING:
    from .state import SmartsheetState

#: The account's own user (the sheet routes' owner of every sheet).
ME_EMAIL: str = CURRENT_USER["email"]
ACCOUNT = {"id": 7_305_912_006_371_204, "name": "Emulated Organisation"}

#: The feed keeps this many recent events (older ones age out, as the API's retention does).
MAX_EVENTS_KEPT = 100_000

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def valid_email(value: Any) -> str:
    if not isinstance(value, str) or not _EMAIL.match(value.strip()):
        raise ApiFailure(400, 1156, "Invalid email.")
    return value.strip()


def not_found(what: str = "") -> ApiFailure:
    return ApiFailure(404, 1006, f"Not Found{': ' + what if what else ''}")


class AccountState:
    """Users, groups, contacts, favorites, events, and (via ``containers``) workspaces,
    folders and templates."""

    def __init__(self, root: SmartsheetState) -> None:
        self.root = root
        # Ids of account objects come from their own range so sheet ids stay as they were.
        self._ids = itertools.count(2_000_000_000_003, 7907)
        self.users: dict[int, dict[str, Any]] = {}
        #: user id -> that user's plans (``/users/{id}/plans``); see :mod:`.plans`.
        self.plans: dict[int, list[dict[str, Any]]] = {}
        self.alternate_emails: dict[int, dict[str, Any]] = {}  # id -> {..., "userId": ...}
        self.groups: dict[int, dict[str, Any]] = {}
        self.group_members: dict[int, list[int]] = {}
        self.favorites: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        #: How many of the oldest events were dropped; stream positions count from the start.
        self.events_dropped = 0
        self.contacts: list[dict[str, Any]] = [
            _contact("Ada Lovelace", "ada.lovelace@example.com"),
            _contact("Grace Hopper", "grace.hopper@example.com"),
            _contact("Alan Turing", "alan.turing@example.com"),
        ]
        me = self.add_user(
            {"email": ME_EMAIL, "firstName": "Emulator", "lastName": "User", "admin": True},
            status="ACTIVE",
        )
        # Same id as the owner the sheet routes report, so ownerId and /users/me agree.
        del self.users[me["id"]]
        me.update(id=CURRENT_USER["id"], licensedSheetCreator=True, groupAdmin=True)
        me["lastLogin"] = now_iso()
        self.users[me["id"]] = me
        self.me_id: int = me["id"]
        self.containers = Containers(self)

    def next_id(self) -> int:
        return next(self._ids)

    # -- users ---------------------------------------------------------------------------

    def user(self, user_id: int) -> dict[str, Any]:
        try:
            return self.users[user_id]
        except KeyError:
            raise not_found(f"user {user_id}") from None

    def user_by_email(self, email: str) -> dict[str, Any] | None:
        wanted = email.lower()
        return next((u for u in self.users.values() if u["email"].lower() == wanted), None)

    def add_user(self, spec: dict[str, Any], *, status: str = "PENDING") -> dict[str, Any]:
        email = valid_email(spec.get("email"))
        if self.user_by_email(email) is not None:
            raise ApiFailure(403, 1016, "The user is already a member of your account.")
        owner = self.alternate_owner(email)
        if owner is not None:
            raise ApiFailure(
                400,
                1159,
                f"The specified email address ({email}) is an alternate email address for a "
                f"user with a primary email address of {owner['email']}.",
            )
        first, last = spec.get("firstName"), spec.get("lastName")
        name = " ".join(p for p in (first, last) if isinstance(p, str) and p) or email
        user: dict[str, Any] = {
            "id": self.next_id(),
            "email": email,
            "name": name,
            "status": status,
            "admin": bool(spec.get("admin", False)),
            # Since 2026-01-08 users added to a user-model plan are always licensed sheet
            # creators (developers.smartsheet.com changelog); the emulated plan is one.
            "licensedSheetCreator": True,
            "groupAdmin": bool(spec.get("groupAdmin", False)),
            "resourceViewer": bool(spec.get("resourceViewer", False)),
            "sheetCount": 0,
        }
        for key in ("firstName", "lastName"):
            if isinstance(spec.get(key), str):
                user[key] = spec[key]
        self.users[user["id"]] = user
        return user

    def profile(self, user: dict[str, Any], *, groups: bool = False) -> dict[str, Any]:
        """The UserProfile of ``user`` (what ``GET /users/{id}`` and ``/users/me`` return)."""
        body = {
            **user,
            "account": dict(ACCOUNT),
            "locale": "en_US",
            "timeZone": "US/Pacific",
            "alternateEmails": self.alternates_of(user["id"]),
        }
        if user["id"] == self.me_id:
            body["sheetCount"] = len(self.root.sheets)
        if groups:
            body["groups"] = [
                self.group_summary(g)
                for gid, g in self.groups.items()
                if user["id"] in self.group_members.get(gid, [])
            ]
        return body

    def member(self, user: dict[str, Any]) -> dict[str, Any]:
        """``user`` as a GroupMember."""
        keys = ("id", "email", "name", "firstName", "lastName")
        return {k: user[k] for k in keys if k in user}

    # -- alternate emails ----------------------------------------------------------------

    def alternates_of(self, user_id: int) -> list[dict[str, Any]]:
        return [
            {k: v for k, v in a.items() if k != "userId"}
            for a in self.alternate_emails.values()
            if a["userId"] == user_id
        ]

    def alternate_owner(self, email: str) -> dict[str, Any] | None:
        wanted = email.lower()
        for alt in self.alternate_emails.values():
            if alt["email"].lower() == wanted:
                return self.users.get(alt["userId"])
        return None

    def add_alternate(self, user_id: int, email: Any) -> dict[str, Any]:
        self.user(user_id)
        address = valid_email(email)
        if self.user_by_email(address) is not None or self.alternate_owner(address) is not None:
            raise ApiFailure(
                400,
                1157,
                "This address is already associated with another Smartsheet account, so it "
                "cannot be added as an alternate address for this account.",
            )
        # The emulator treats addresses in the account's own domain as confirmed, as a
        # validated-domain organisation would; others wait for the user to confirm.
        confirmed = address.lower().endswith("@" + ME_EMAIL.split("@")[1])
        alt: dict[str, Any] = {
            "id": self.next_id(),
            "email": address,
            "confirmed": confirmed,
            "userId": user_id,
        }
        self.alternate_emails[alt["id"]] = alt
        return alt

    def alternate(self, user_id: int, alt_id: int) -> dict[str, Any]:
        alt = self.alternate_emails.get(alt_id)
        if alt is None or alt["userId"] != self.user(user_id)["id"]:
            raise not_found(f"alternate email {alt_id}")
        return alt

    def promote_alternate(self, user_id: int, alt_id: int) -> dict[str, Any]:
        alt = self.alternate(user_id, alt_id)
        if not alt["confirmed"]:
            raise ApiFailure(
                400,
                1158,
                "This address has not been confirmed yet, so it can't be set as the primary "
                "email address.",
            )
        user = self.user(user_id)
        # The old primary address becomes an alternate, under the promoted record's id.
        user["email"], alt["email"] = alt["email"], user["email"]
        return {"id": alt["id"], "email": user["email"], "confirmed": True}

    # -- groups --------------------------------------------------------------------------

    def group(self, group_id: int) -> dict[str, Any]:
        try:
            return self.groups[group_id]
        except KeyError:
            raise ApiFailure(404, 1106, "Group not found.") from None

    def group_summary(self, group: dict[str, Any]) -> dict[str, Any]:
        owner = self.users.get(group["ownerId"])
        return {**group, "owner": owner["email"] if owner else None}

    def group_body(self, group: dict[str, Any]) -> dict[str, Any]:
        members = [self.member(self.users[u]) for u in self.group_members.get(group["id"], [])]
        return {**self.group_summary(group), "members": members}

    def check_group_name(self, name: Any, except_id: int | None = None) -> str:
        if not isinstance(name, str) or not name.strip():
            raise ApiFailure(400, 1012, "A required object attribute is missing: name.")
        for gid, group in self.groups.items():
            if gid != except_id and group["name"].lower() == name.strip().lower():
                raise ApiFailure(400, 1103, "A group with the same name already exists.")
        return name.strip()

    def resolve_members(self, specs: list[Any]) -> list[int]:
        ids, outsiders = [], []
        for spec in specs:
            if not isinstance(spec, dict) or not isinstance(spec.get("email"), str):
                raise ApiFailure(400, 1012, "A required object attribute is missing: email.")
            user = self.user_by_email(valid_email(spec["email"]))
            if user is None:
                outsiders.append(spec["email"])
            else:
                ids.append(user["id"])
        if outsiders:
            raise ApiFailure(
                400,
                1105,
                "The operation failed because one or more group members were not members "
                f"of your account: {', '.join(outsiders)}.",
            )
        return ids

    # -- events --------------------------------------------------------------------------

    def record_event(
        self, object_type: str, action: str, object_id: Any, details: dict[str, Any]
    ) -> None:
        if len(self.events) >= MAX_EVENTS_KEPT:
            # Long load runs would otherwise grow the feed without bound.
            drop = MAX_EVENTS_KEPT // 10
            del self.events[:drop]
            self.events_dropped += drop
        index = self.events_dropped + len(self.events)
        self.events.append(
            {
                "eventId": hashlib.sha256(f"event:{index}".encode()).hexdigest()[:32],
                "objectType": object_type,
                "action": action,
                "objectId": str(object_id) if object_id is not None else None,
                "eventTimeStamp": now_iso(),
                "userId": self.me_id,
                "requestUserId": self.me_id,
                "source": "API_UNDEFINED_APP",
                "additionalDetails": details,
            }
        )


def encode_position(index: int) -> str:
    """An opaque stream position for the event at ``index``."""
    return base64.urlsafe_b64encode(f"emu-stream:{index}".encode()).decode().rstrip("=")


def decode_position(token: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        prefix, _, number = raw.partition(":")
        if prefix != "emu-stream":
            raise ValueError(raw)
        return int(number)
    except (ValueError, UnicodeDecodeError):
        raise ApiFailure(
            400, 1018, f"The value {token} was not valid for the parameter streamPosition."
        ) from None


def _contact(name: str, email: str) -> dict[str, Any]:
    ident = base64.urlsafe_b64encode(email.encode()).decode().rstrip("=")[:22]
    return {"id": ident, "name": name, "email": email}
