"""smartsuite: async clients for Smartsheet, Resource Management and AppSheet."""

from ._core.bulk import BulkResult, BulkWriteError, ItemResult, Outcome
from ._core.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    DecodeError,
    LimitExceededError,
    NotFoundError,
    OutcomeUnknownError,
    PagingError,
    PermissionDeniedError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
    SmartsuiteError,
    TransportError,
)

__all__ = [
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "BulkResult",
    "BulkWriteError",
    "ConfigurationError",
    "DecodeError",
    "ItemResult",
    "LimitExceededError",
    "NotFoundError",
    "Outcome",
    "OutcomeUnknownError",
    "PagingError",
    "PermissionDeniedError",
    "RateLimitedError",
    "RequestTimeoutError",
    "ServerError",
    "SmartsuiteError",
    "TransportError",
]
