"""Smartsheet's service defaults: API roots per region, the rate limit and the retry policy.

Kept apart from the client so the OAuth token endpoint (:mod:`.oauth`) shares them without
importing the client.
"""

from __future__ import annotations

from typing import Literal

from .._core.config import RateLimitConfig, RetryConfig

Region = Literal["us", "eu", "gov", "au"]

#: API roots per region (https://developers.smartsheet.com/api/smartsheet/guides/basics/regions).
REGIONS: dict[str, str] = {
    "us": "https://api.smartsheet.com/2.0",
    "eu": "https://api.smartsheet.eu/2.0",
    "gov": "https://api.smartsheetgov.com/2.0",
    "au": "https://api.smartsheet.au/2.0",
}

#: Smartsheet allows 300 requests per minute per token.
DEFAULT_RATE_LIMIT = RateLimitConfig(rate=300, per=60, burst=10)

#: For idempotent operations 429/4003, 503/4001, 500/4002 and 500/4004 are retryable; a create
#: or append is re-sent only after 429, 503/4001 or the busy 4004 (see ``RetryConfig``).
#: Smartsheet asks for at least 60 s of patience after a 429, so the total budget is above that.
DEFAULT_RETRY = RetryConfig(
    max_attempts=8,
    max_total_seconds=300,
    retry_error_codes=frozenset({4001, 4002, 4003, 4004}),
)


__all__ = ["DEFAULT_RATE_LIMIT", "DEFAULT_RETRY", "REGIONS", "Region"]
