"""smartsuite: async clients for Smartsheet, Resource Management and AppSheet."""

from ._core.auth import Secret
from ._core.bulk import BulkResult, BulkWriteError, ItemResult, Outcome, UncheckedResultWarning
from ._core.config import RateLimitConfig, RetryConfig, Timeouts
from ._core.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    DecodeError,
    InsecureDowngradeError,
    LimitExceededError,
    NotFoundError,
    OutcomeUnknownError,
    PagingError,
    PagingLinkError,
    PermissionDeniedError,
    RateLimitedError,
    RequestTimeoutError,
    ResponseTooLargeError,
    ServerError,
    SmartsuiteError,
    TransportError,
)
from ._core.hooks import Attempt, RequestHook, ResponseInfo, last_response
from ._core.limits import Limits
from ._core.paging import AsyncPaginator, Page
from ._core.public import publish
from ._core.ratelimit import LocalRateLimit, RateLimiter
from ._core.transport import TransportStats
from ._version import __version__
from .appsheet import AppSheetClient
from .resource_management import ResourceManagementClient
from .smartsheet import SmartsheetClient

__all__ = [
    "APIError",
    "AppSheetClient",
    "AsyncPaginator",
    "Attempt",
    "AuthenticationError",
    "BadRequestError",
    "BulkResult",
    "BulkWriteError",
    "ConfigurationError",
    "DecodeError",
    "InsecureDowngradeError",
    "ItemResult",
    "LimitExceededError",
    "Limits",
    "LocalRateLimit",
    "NotFoundError",
    "Outcome",
    "OutcomeUnknownError",
    "Page",
    "PagingError",
    "PagingLinkError",
    "PermissionDeniedError",
    "RateLimitConfig",
    "RateLimitedError",
    "RateLimiter",
    "RequestHook",
    "RequestTimeoutError",
    "ResourceManagementClient",
    "ResponseInfo",
    "ResponseTooLargeError",
    "RetryConfig",
    "Secret",
    "ServerError",
    "SmartsheetClient",
    "SmartsuiteError",
    "Timeouts",
    "TransportError",
    "TransportStats",
    "UncheckedResultWarning",
    "__version__",
    "last_response",
]

publish(__name__, globals(), __all__)
