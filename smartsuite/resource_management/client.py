"""``ResourceManagementClient``: the async client for Resource Management by Smartsheet
(the 10,000ft API v1)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, Unpack

from .._core.auth import HeaderToken, Secret
from .._core.client import BaseClient, TransportOptions, make_transport, resolve_secret
from .._core.config import RateLimitConfig, RetryConfig
from .._core.namespaces import Namespace
from .._core.paging import AsyncPaginator
from ._resource import RMResource
from .models.common import Nested

if TYPE_CHECKING:
    from .resources.approvals import Approvals
    from .resources.assignables import Assignables
    from .resources.assignments import Assignments
    from .resources.availabilities import Availabilities
    from .resources.bill_rates import BillRates
    from .resources.budget_categories import BudgetItemCategories
    from .resources.budget_items import BudgetItems
    from .resources.custom_field_values import CustomFieldValues
    from .resources.custom_fields import CustomFields
    from .resources.disciplines import Disciplines
    from .resources.expense_items import ExpenseItems
    from .resources.holidays import Holidays
    from .resources.leave_types import LeaveTypes
    from .resources.phases import Phases
    from .resources.placeholders import Placeholders
    from .resources.project_users import ProjectUsers
    from .resources.projects import Projects
    from .resources.reports import Reports
    from .resources.roles import Roles
    from .resources.status_options import StatusOptions
    from .resources.statuses import Statuses
    from .resources.subtasks import Subtasks
    from .resources.tags import ProjectTags, UserTags
    from .resources.time_entries import TimeEntries
    from .resources.users import Users
    from .resources.webhooks import Webhooks

T = TypeVar("T")

DEFAULT_BASE_URL = "https://api.rm.smartsheet.com/api/v1"

#: The API publishes no fixed budget (seed 002, "Throttling & Rate-Limiting"): pace modestly,
#: and hold everyone once ``X-RateLimit-Remaining`` reaches 1 until ``X-RateLimit-Reset``.
DEFAULT_RATE_LIMIT = RateLimitConfig(rate=120, per=60, burst=20, slow_down_remaining=1)

#: 429s wait until ``X-RateLimit-Reset`` (plus jitter); the seed's own loop allows 25 tries.
DEFAULT_RETRY = RetryConfig(max_attempts=10, max_total_seconds=600, max_wait_seconds=900)


class ResourceManagementClient(BaseClient):
    """Async client for Resource Management by Smartsheet (10,000ft API v1).

    Use it as an async context manager::

        async with ResourceManagementClient() as rm:      # token from $SMARTSHEET_RM_TOKEN
            async for user in rm.users.list():
                print(user.display_name)

    Args:
        token: the API token; defaults to ``$SMARTSHEET_RM_TOKEN``. Sent in the ``auth``
            header, never in the URL.
        base_url: the API root, for example the emulator's.
        **options: :class:`TransportOptions` (rate_limit, retry, timeouts, headers, session ...).

    Raises:
        ConfigurationError: no token, or a base URL that is not https (loopback excepted).
    """

    def __init__(
        self,
        token: str | Secret | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        **options: Unpack[TransportOptions],
    ) -> None:
        secret = resolve_secret(token, "SMARTSHEET_RM_TOKEN", "Resource Management API token")
        self._transport = make_transport(
            service="rm",
            base_url=base_url,
            auth=HeaderToken("auth", secret),
            default_rate_limit=DEFAULT_RATE_LIMIT,
            default_retry=DEFAULT_RETRY,
            options=options,
        )

    def expand(self, nested: Nested[T]) -> AsyncPaginator[T]:
        """Every item of a nested ``fields=`` collection: the items already fetched, then the
        remaining pages when the server truncated it (``nested.truncated``).

        Raises:
            ConfigurationError: the collection was not decoded by this library.
        """
        return RMResource(self)._rest_of(nested)

    users: Namespace[Users] = Namespace(
        ".resources.users:Users", "Users: list, get, create, update, archive."
    )
    user_tags: Namespace[UserTags] = Namespace(
        ".resources.tags:UserTags", "Tags on users: list, add (find-or-create), remove."
    )
    availabilities: Namespace[Availabilities] = Namespace(
        ".resources.availabilities:Availabilities", "Users' availability blocks."
    )
    statuses: Namespace[Statuses] = Namespace(
        ".resources.statuses:Statuses", "Users' statuses (ITO, WFH ...)."
    )
    placeholders: Namespace[Placeholders] = Namespace(
        ".resources.placeholders:Placeholders", "Placeholder resources."
    )
    projects: Namespace[Projects] = Namespace(
        ".resources.projects:Projects",
        "Projects: list with filters, get with fields, create, update, archive, delete.",
    )
    phases: Namespace[Phases] = Namespace(".resources.phases:Phases", "Phases of projects.")
    project_users: Namespace[ProjectUsers] = Namespace(
        ".resources.project_users:ProjectUsers", "The users assigned to a project."
    )
    project_tags: Namespace[ProjectTags] = Namespace(
        ".resources.tags:ProjectTags", "Tags on projects."
    )
    assignables: Namespace[Assignables] = Namespace(
        ".resources.assignables:Assignables", "Projects and leave types together, by id."
    )
    assignments: Namespace[Assignments] = Namespace(
        ".resources.assignments:Assignments", "Assignments of users and placeholders."
    )
    subtasks: Namespace[Subtasks] = Namespace(
        ".resources.subtasks:Subtasks", "Assignments' task lists."
    )
    time_entries: Namespace[TimeEntries] = Namespace(
        ".resources.time_entries:TimeEntries", "Time entries (confirmed and suggested)."
    )
    expense_items: Namespace[ExpenseItems] = Namespace(
        ".resources.expense_items:ExpenseItems", "Expense items."
    )
    approvals: Namespace[Approvals] = Namespace(
        ".resources.approvals:Approvals",
        "Approvals: submit and approve time entries and expenses from their models.",
    )
    bill_rates: Namespace[BillRates] = Namespace(
        ".resources.bill_rates:BillRates", "Account and project bill rates."
    )
    budget_items: Namespace[BudgetItems] = Namespace(
        ".resources.budget_items:BudgetItems", "Project budget lines."
    )
    budget_item_categories: Namespace[BudgetItemCategories] = Namespace(
        ".resources.budget_categories:BudgetItemCategories",
        "Budget categories, account-wide and per project.",
    )
    custom_fields: Namespace[CustomFields] = Namespace(
        ".resources.custom_fields:CustomFields", "Custom field definitions."
    )
    custom_field_values: Namespace[CustomFieldValues] = Namespace(
        ".resources.custom_field_values:CustomFieldValues",
        "Custom field values on projects and users.",
    )
    disciplines: Namespace[Disciplines] = Namespace(
        ".resources.disciplines:Disciplines", "Disciplines (read-only)."
    )
    roles: Namespace[Roles] = Namespace(".resources.roles:Roles", "Roles (read-only).")
    holidays: Namespace[Holidays] = Namespace(
        ".resources.holidays:Holidays", "Holidays (read-only)."
    )
    leave_types: Namespace[LeaveTypes] = Namespace(
        ".resources.leave_types:LeaveTypes", "Leave types (read-only)."
    )
    status_options: Namespace[StatusOptions] = Namespace(
        ".resources.status_options:StatusOptions", "Work status options for assignments."
    )
    reports: Namespace[Reports] = Namespace(".resources.reports:Reports", "Report rows and totals.")
    webhooks: Namespace[Webhooks] = Namespace(
        ".resources.webhooks:Webhooks",
        "Webhook registrations (see :func:`parse_webhook` for deliveries).",
    )


__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_RETRY",
    "ResourceManagementClient",
]
