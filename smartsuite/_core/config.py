"""Frozen configuration objects shared by every client.

Per-call overrides come from ``client.with_options(...)``, which returns a sibling client
sharing the same session, limiter and locks.
"""

from __future__ import annotations

from typing import Any

import attrs

from .errors import ConfigurationError


def _positive(_inst: Any, attr: Any, value: Any) -> None:
    if value <= 0:
        raise ConfigurationError(f"{attr.name} must be > 0, got {value!r}")


def _optional_positive(_inst: Any, attr: Any, value: Any) -> None:
    if value is not None and value <= 0:
        raise ConfigurationError(f"{attr.name} must be > 0 or None, got {value!r}")


@attrs.frozen
class Timeouts:
    """Timeouts in seconds for each request. The official SDK sets none; we always do.

    Attributes:
        total: whole request, from connect to the last body byte.
        connect: obtaining a connection (including the pool wait).
        read: the gap allowed between two reads of the response.
    """

    total: float | None = attrs.field(default=120.0, validator=_optional_positive)
    connect: float | None = attrs.field(default=15.0, validator=_optional_positive)
    read: float | None = attrs.field(default=60.0, validator=_optional_positive)


@attrs.frozen
class RetryConfig:
    """How failed attempts are retried.

    Attributes:
        max_attempts: attempts in all, the first included.
        max_total_seconds: no new attempt starts after this much time since the first one.
        backoff_base: the first backoff step in seconds (exponential, with full jitter).
        backoff_max: the largest single backoff step.
        retry_statuses: HTTP statuses always retried.
        retry_error_codes: service error codes retried whatever the status (Smartsheet 4001,
            4002, 4003, 4004).
        retry_unknown_writes: repeat a POST/PUT/PATCH/DELETE whose outcome is unknown. Off:
            such a failure raises :class:`OutcomeUnknownError`.
        max_wait_seconds: the longest single server-requested wait (Retry-After,
            X-RateLimit-Reset) we agree to; a longer one raises instead.
    """

    max_attempts: int = attrs.field(default=8, validator=_positive)
    max_total_seconds: float = attrs.field(default=300.0, validator=_positive)
    backoff_base: float = attrs.field(default=1.0, validator=_positive)
    backoff_max: float = attrs.field(default=60.0, validator=_positive)
    retry_statuses: frozenset[int] = frozenset({429, 502, 503, 504})
    retry_error_codes: frozenset[int | str] = frozenset()
    retry_unknown_writes: bool = False
    max_wait_seconds: float = attrs.field(default=600.0, validator=_positive)


@attrs.frozen
class RateLimitConfig:
    """A token bucket: ``rate`` requests per ``per`` seconds, allowing ``burst`` at once.

    Attributes:
        rate: requests allowed per period.
        per: the period in seconds.
        burst: bucket size; how many requests may go back to back after a quiet spell.
        slow_down_remaining: when a response says ``X-RateLimit-Remaining`` is at or below
            this, later requests wait for ``X-RateLimit-Reset`` instead of hitting the wall.
    """

    rate: float = attrs.field(default=300.0, validator=_positive)
    per: float = attrs.field(default=60.0, validator=_positive)
    burst: int = attrs.field(default=10, validator=_positive)
    slow_down_remaining: int = 0

    @property
    def per_second(self) -> float:
        return self.rate / self.per
