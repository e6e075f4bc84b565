"""``ResourceManagementClient``: the async client for Resource Management by Smartsheet
(the 10,000ft API v1)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, TypeVar, Unpack

from .._core.auth import HeaderToken, Secret
from .._core.client import BaseClient, TransportOptions, make_transport, resolve_secret
from .._core.config import RateLimitConfig, RetryConfig
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

    @cached_property
    def users(self) -> Users:
        """Users: list, get, create, update, archive."""
        from .resources.users import Users

        return Users(self)

    @cached_property
    def user_tags(self) -> UserTags:
        """Tags on users: list, add (find-or-create), remove."""
        from .resources.tags import UserTags

        return UserTags(self)

    @cached_property
    def availabilities(self) -> Availabilities:
        """Users' availability blocks."""
        from .resources.availabilities import Availabilities

        return Availabilities(self)

    @cached_property
    def statuses(self) -> Statuses:
        """Users' statuses (ITO, WFH ...)."""
        from .resources.statuses import Statuses

        return Statuses(self)

    @cached_property
    def placeholders(self) -> Placeholders:
        """Placeholder resources."""
        from .resources.placeholders import Placeholders

        return Placeholders(self)

    @cached_property
    def projects(self) -> Projects:
        """Projects: list with filters, get with fields, create, update, archive, delete."""
        from .resources.projects import Projects

        return Projects(self)

    @cached_property
    def phases(self) -> Phases:
        """Phases of projects."""
        from .resources.phases import Phases

        return Phases(self)

    @cached_property
    def project_users(self) -> ProjectUsers:
        """The users assigned to a project."""
        from .resources.project_users import ProjectUsers

        return ProjectUsers(self)

    @cached_property
    def project_tags(self) -> ProjectTags:
        """Tags on projects."""
        from .resources.tags import ProjectTags

        return ProjectTags(self)

    @cached_property
    def assignables(self) -> Assignables:
        """Projects and leave types together, by id."""
        from .resources.assignables import Assignables

        return Assignables(self)

    @cached_property
    def assignments(self) -> Assignments:
        """Assignments of users and placeholders."""
        from .resources.assignments import Assignments

        return Assignments(self)

    @cached_property
    def subtasks(self) -> Subtasks:
        """Assignments' task lists."""
        from .resources.subtasks import Subtasks

        return Subtasks(self)

    @cached_property
    def time_entries(self) -> TimeEntries:
        """Time entries (confirmed and suggested)."""
        from .resources.time_entries import TimeEntries

        return TimeEntries(self)

    @cached_property
    def expense_items(self) -> ExpenseItems:
        """Expense items."""
        from .resources.expense_items import ExpenseItems

        return ExpenseItems(self)

    @cached_property
    def approvals(self) -> Approvals:
        """Approvals: submit and approve time entries and expenses from their models."""
        from .resources.approvals import Approvals

        return Approvals(self)

    @cached_property
    def bill_rates(self) -> BillRates:
        """Account and project bill rates."""
        from .resources.bill_rates import BillRates

        return BillRates(self)

    @cached_property
    def budget_items(self) -> BudgetItems:
        """Project budget lines."""
        from .resources.budget_items import BudgetItems

        return BudgetItems(self)

    @cached_property
    def budget_item_categories(self) -> BudgetItemCategories:
        """Budget categories, account-wide and per project."""
        from .resources.budget_categories import BudgetItemCategories

        return BudgetItemCategories(self)

    @cached_property
    def custom_fields(self) -> CustomFields:
        """Custom field definitions."""
        from .resources.custom_fields import CustomFields

        return CustomFields(self)

    @cached_property
    def custom_field_values(self) -> CustomFieldValues:
        """Custom field values on projects and users."""
        from .resources.custom_field_values import CustomFieldValues

        return CustomFieldValues(self)

    @cached_property
    def disciplines(self) -> Disciplines:
        """Disciplines (read-only)."""
        from .resources.disciplines import Disciplines

        return Disciplines(self)

    @cached_property
    def roles(self) -> Roles:
        """Roles (read-only)."""
        from .resources.roles import Roles

        return Roles(self)

    @cached_property
    def holidays(self) -> Holidays:
        """Holidays (read-only)."""
        from .resources.holidays import Holidays

        return Holidays(self)

    @cached_property
    def leave_types(self) -> LeaveTypes:
        """Leave types (read-only)."""
        from .resources.leave_types import LeaveTypes

        return LeaveTypes(self)

    @cached_property
    def status_options(self) -> StatusOptions:
        """Work status options for assignments."""
        from .resources.status_options import StatusOptions

        return StatusOptions(self)

    @cached_property
    def reports(self) -> Reports:
        """Report rows and totals."""
        from .resources.reports import Reports

        return Reports(self)

    @cached_property
    def webhooks(self) -> Webhooks:
        """Webhook registrations (see :func:`parse_webhook` for deliveries)."""
        from .resources.webhooks import Webhooks

        return Webhooks(self)
