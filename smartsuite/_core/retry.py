"""Retry timing: exponential backoff with full jitter (``backoff``), or the server's wait."""

from __future__ import annotations

import random
from collections.abc import Generator

import backoff

from .config import RetryConfig


class Backoff:
    """The waits between attempts for one request: a bounded series, never ``while True``."""

    def __init__(self, config: RetryConfig) -> None:
        self._config = config
        self._steps: Generator[float, None, None] = backoff.expo(
            base=2, factor=config.backoff_base, max_value=config.backoff_max
        )
        next(self._steps)  # backoff's generators are primed with one send(None)

    def next_wait(self, server_hint: float | None) -> float:
        """The next wait: the server's hint plus a little jitter, else the next jittered step."""
        step = next(self._steps)
        if server_hint is not None:
            # A small jitter spreads out clients that were all told the same reset time.
            return server_hint + random.uniform(0, min(1.0, 0.1 * server_hint + 0.05))
        return backoff.full_jitter(step)
