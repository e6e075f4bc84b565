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

    Whether an attempt may be repeated belongs to the operation: each client method declares
    whether repeating it is safe (``@operation(idempotent=...)``). Reads and writes that set
    given values are retried by ``retry_statuses`` and ``retry_error_codes``. A
    non-idempotent write (a create, an append, a send) is re-sent only after an answer the
    vendor documents as "not applied" (a 429 with the service's JSON error body, Smartsheet
    503 / 4001, Smartsheet 4004 "currently being updated by another request") or a connect
    failure before any byte was sent; any other 5xx, and a lost answer, raise
    :class:`OutcomeUnknownError` (``UNKNOWN`` in a ``BulkResult``).

    Attributes:
        max_attempts: attempts in all, the first included.
        max_total_seconds: the deadline of the whole call, from its start: limiter waits,
            backoff, and the attempt in flight (cut short when the deadline comes).
        backoff_base: the first backoff step in seconds (exponential, with full jitter).
        backoff_max: the largest single backoff step.
        retry_statuses: HTTP statuses retried for idempotent operations.
        retry_error_codes: service error codes retried for idempotent operations whatever
            the status (Smartsheet 4001, 4002, 4003, 4004).
        retry_unknown_writes: opt in to the old rule: a non-idempotent write is retried like
            an idempotent one (by ``retry_statuses`` / ``retry_error_codes``, and after a lost
            answer), accepting that a write the server applied may land twice.
        resend_unapplied_writes: re-send a non-idempotent write after an answer documented
            as "not applied" (see above). The ETL turns it off and re-reads instead, so even
            a server that applied such a write anyway ends with one copy.
        max_wait_seconds: the longest server-requested wait (Retry-After, X-RateLimit-Reset)
            we accept; a longer one is invalid: the request that saw it raises
            :class:`RateLimitedError` (or its own error) at once and nothing is held.
    """

    max_attempts: int = attrs.field(default=8, validator=_positive)
    max_total_seconds: float = attrs.field(default=300.0, validator=_positive)
    backoff_base: float = attrs.field(default=1.0, validator=_positive)
    backoff_max: float = attrs.field(default=60.0, validator=_positive)
    retry_statuses: frozenset[int] = frozenset({429, 502, 503, 504})
    retry_error_codes: frozenset[int | str] = frozenset()
    retry_unknown_writes: bool = False
    resend_unapplied_writes: bool = True
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
