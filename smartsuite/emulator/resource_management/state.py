"""In-memory Resource Management data, stored in wire form (snake_case dicts).

Records live in one table per kind, all numbered from one counter (assignables share ids across
projects, phases and leave types, as on the real service). Kinds the API cannot create (roles,
disciplines, holidays, leave types, account categories and default rates) have ``add_*`` helpers
so tests can set an account up the way an administrator would in the app.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

Record = dict[str, Any]

#: Event types a webhook can subscribe to (seed 002, "Webhooks").
WEBHOOK_EVENTS = (
    "project.created",
    "project.updated",
    "time.entry.created",
    "time.entry.updated",
    "user.created",
    "user.updated",
    "assignment.created",
    "assignment.updated",
)
MAX_WEBHOOKS_PER_EVENT = 10


class ApiFailure(Exception):
    """Raised by handlers and state; becomes ``{"message": ...}`` with ``status``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_iso(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


class RMState:
    """Every table of the emulated account.

    Attributes:
        tables: kind -> id -> record.
        tags: the account's tags, value -> id.
        user_tags / project_tags: owner id -> attached tag ids, in attach order.
        deliveries: webhook deliveries that would have been POSTed (``{"url", "payload"}``).
        today: the date reports and lockouts treat as today (None: the real UTC date).
    """

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.tables: defaultdict[str, dict[int, Record]] = defaultdict(dict)
        self.tags: dict[str, int] = {}
        self.user_tags: defaultdict[int, list[int]] = defaultdict(list)
        self.project_tags: defaultdict[int, list[int]] = defaultdict(list)
        self.deliveries: list[Record] = []
        self.today: dt.date | None = None

    # -- basics ----------------------------------------------------------------------------

    def next_id(self) -> int:
        return next(self._ids)

    def current_date(self) -> dt.date:
        return self.today or dt.datetime.now(dt.UTC).date()

    def stamp(self, previous: str | None = None) -> str:
        """Now, strictly later than ``previous`` so every change moves ``updated_at``."""
        moment = dt.datetime.now(dt.UTC).replace(microsecond=0)
        if previous is not None:
            moment = max(moment, parse_iso(previous) + dt.timedelta(seconds=1))
        return iso(moment)

    def insert(self, kind: str, record: Record) -> Record:
        now = self.stamp()
        stored = {"id": self.next_id(), **record, "created_at": now, "updated_at": now}
        self.tables[kind][stored["id"]] = stored
        return stored

    def touch(self, record: Record, changes: Record) -> Record:
        record.update(changes)
        record["updated_at"] = self.stamp(record.get("updated_at"))
        return record

    def get(self, kind: str, record_id: int, what: str | None = None) -> Record:
        record = self.tables[kind].get(record_id)
        if record is None:
            raise ApiFailure(404, f"{what or kind.rstrip('s')} {record_id} not found")
        return record

    def all(self, kind: str) -> list[Record]:
        return list(self.tables[kind].values())

    def assignable(self, assignable_id: int) -> Record:
        for kind in ("projects", "leave_types"):
            found = self.tables[kind].get(assignable_id)
            if found is not None:
                return found
        raise ApiFailure(404, f"assignable {assignable_id} not found")

    def person(self, person_id: int) -> Record:
        """A user or a placeholder (the assignments API takes either as ``user_id``)."""
        for kind in ("users", "placeholders"):
            found = self.tables[kind].get(person_id)
            if found is not None:
                return found
        raise ApiFailure(404, f"user {person_id} not found")

    def find_or_create_tag(self, value: str) -> int:
        if value not in self.tags:
            self.tags[value] = self.next_id()
        return self.tags[value]

    def tag_records(self, tag_ids: Iterable[int]) -> list[Record]:
        by_id = {v: k for k, v in self.tags.items()}
        return [{"id": t, "value": by_id[t]} for t in tag_ids if t in by_id]

    def emit(self, event_type: str, data: Record) -> None:
        """Record a webhook delivery for every webhook subscribed to ``event_type``."""
        for hook in self.tables["webhooks"].values():
            if hook["event_type"] == event_type:
                payload = {"data": dict(data), "type": event_type}
                self.deliveries.append({"url": hook["url"], "payload": payload})

    # -- what administrators set up in the app ---------------------------------------------

    def add_role(self, value: str) -> Record:
        return self.insert("roles", {"value": value})

    def add_discipline(self, value: str) -> Record:
        return self.insert("disciplines", {"value": value})

    def add_holiday(self, date: dt.date, name: str) -> Record:
        return self.insert("holidays", {"date": date.isoformat(), "name": name})

    def add_leave_type(self, name: str, description: str | None = None) -> Record:
        return self.insert(
            "leave_types",
            {
                "name": name,
                "description": description,
                "guid": str(uuid.uuid4()),
                "deleted_at": None,
                "type": "LeaveType",
            },
        )

    def add_category(self, kind: str, category: str) -> Record:
        """An account budget category; ``kind`` is ``time_entry`` or ``expense_item``."""
        return self.insert(f"{kind}_categories", {"category": category})

    def add_account_bill_rate(
        self, rate: float, *, role_id: int | None = None, discipline_id: int | None = None
    ) -> Record:
        return self.insert(
            "bill_rates",
            {
                "rate": rate,
                "role_id": role_id,
                "discipline_id": discipline_id,
                "assignable_id": None,
                "user_id": None,
                "starts_at": None,
                "ends_at": None,
            },
        )

    def add_time_entries(
        self, user_id: int, assignable_id: int, dates: Iterable[dt.date], hours: float
    ) -> list[Record]:
        """Bulk-load confirmed time entries (faster than the API for large test sets)."""
        assignable = self.assignable(assignable_id)
        out = []
        for day in dates:
            out.append(
                self.insert(
                    "time_entries",
                    {
                        "user_id": user_id,
                        "assignable_id": assignable_id,
                        "assignable_type": "LeaveType"
                        if assignable.get("type") == "LeaveType"
                        else "Project",
                        "date": day.isoformat(),
                        "hours": hours,
                        "is_suggestion": False,
                        "scheduled_hours": None,
                        "task": None,
                        "notes": None,
                        "bill_rate": 0.0,
                        "bill_rate_id": None,
                    },
                )
            )
        return out

    def repeat_assignment(self, assignment_id: int, *, times: int, every_days: int) -> list[Record]:
        """Turn an assignment into a repeating series, as the app's "repeat" option does:
        ``times`` copies, each shifted by ``every_days``, all with ``repetition_id`` set to the
        first assignment's id."""
        first = self.get("assignments", assignment_id)
        first["repetition_id"] = first["id"]
        copies = []
        for n in range(1, times + 1):
            shift = dt.timedelta(days=every_days * n)
            copy = {k: v for k, v in first.items() if k not in ("id", "created_at", "updated_at")}
            copy["starts_at"] = (dt.date.fromisoformat(first["starts_at"]) + shift).isoformat()
            copy["ends_at"] = (dt.date.fromisoformat(first["ends_at"]) + shift).isoformat()
            copies.append(self.insert("assignments", copy))
        return copies
