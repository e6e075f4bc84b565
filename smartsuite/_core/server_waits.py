"""Server-sent waits above ``RetryConfig.max_wait_seconds`` are invalid: the request that saw
one fails at once, nothing is held for anyone else, and it is logged (see
:func:`sansio.bound_wait`, the one check every server-sent wait passes)."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from . import sansio
from .calls import Shared
from .config import RetryConfig
from .errors import APIError
from .ratelimit import RateLimiter

log = logging.getLogger("smartsuite")


def refused(retry: RetryConfig, seconds: float, error: APIError) -> APIError:
    """``error``, to raise at once for a wait of ``seconds`` above the cap (logged here)."""
    log.warning(
        "%s %s: the server asked to wait %.0f s, more than max_wait_seconds (%g s); "
        "not waiting and not holding other requests",
        error.method,
        error.path,
        seconds,
        retry.max_wait_seconds,
    )
    return error


def observe(
    shared: Shared,
    limiter: RateLimiter,
    retry: RetryConfig,
    headers: Mapping[str, str],
    cost: int = 1,
) -> None:
    """Let the limiter read the rate-limit headers of an answer to a request of ``cost``,
    unless their reset is invalid (then it is ignored, and logged once per client)."""
    reset = headers.get("X-RateLimit-Reset")
    if reset is not None:
        seconds = sansio.parse_reset(reset, now=shared.clock.time())
        too_long = sansio.bound_wait(seconds, retry.max_wait_seconds).refused
        if too_long is not None:
            if not shared.warned_reset:
                shared.warned_reset = True
                log.warning(
                    "X-RateLimit-Reset asks for %.0f s, more than max_wait_seconds (%g s); "
                    "ignored (logged once per client)",
                    too_long,
                    retry.max_wait_seconds,
                )
            return
    limiter.observe(headers, cost)
