"""Adaptive pacing: learn the rate a server really accepts from its 429s (pure, no I/O).

A limiter configured for the documented limit (Smartsheet: 300 requests per minute per token,
https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/scalability-options)
meets a lower one whenever something else spends the same token. Each 429 costs a rejected
request and a hold with jitter, so offering the documented rate to a server that accepts less
keeps paying for it. :class:`AdaptivePace` settles just under the rate the server accepts:

* the first 429 (or one after a long quiet spell) lowers the rate a little (``first_cut``): a
  lone 429 when both sides agree on the limit is jitter, not a lower limit;
* a later 429 measures the accepted rate since the previous cut (the server has been full
  since then, so what it accepted is at most its limit: the climb below it is in the window
  too) and sets the rate to it, less ``margin``, never below half of the rate at that moment (a
  quiet spell in between would read as a low limit);
* 429s within ``cooldown`` of a cut were sent at the old rate and change nothing;
* without 429s the rate climbs back towards the configured one, slowly at first and faster
  the longer the server stays quiet (``climb`` of the configured rate per second, growing by
  ``dt / 10``), so a limit that rises again is found.

Rates are in cost units per second, the bucket's unit: a request counts its declared cost
(``@operation(cost=...)``; Smartsheet uploads and cell history count 10), both when it is
paced and when its answer is counted as accepted, so the measured accepted rate and the
configured one are the same kind of number. Times are seconds of one monotonic clock, passed
in, so every rule is testable without a loop (see ``tests/core/test_adaptive_limit.py``); the
in-process limiter and the Redis one (which runs the same rules in a script, shared by every
worker) both follow it.
"""

from __future__ import annotations

import attrs


# on_setattr=NO_OP: the ceiling is validated once, when made; a per-assignment hook would run
# on every counted answer.
@attrs.define(on_setattr=attrs.setters.NO_OP)
class AdaptivePace:
    """The learned rate for one credential.

    Args:
        ceiling: the configured rate (cost units per second); the learned rate never exceeds it.
        first_cut: factor applied at a 429 with nothing measured yet.
        margin: how far under the measured accepted rate to settle (a share of it). None by
            default: the measurement already sits a little under the server's limit, and every
            point under it is throughput lost for good while a 429 costs one short hold.
        cooldown: seconds after a cut during which further 429s are ignored.
        min_window: seconds since the previous cut needed before measuring.
        max_window: a previous cut older than this is stale (a fresh first cut instead).
        climb: share of the ceiling regained per second without a 429.
        floor_share: the learned rate never goes under this share of the ceiling.
    """

    ceiling: float = attrs.field()
    first_cut: float = 0.98
    margin: float = 0.0
    cooldown: float = 1.0
    min_window: float = 1.0
    max_window: float = 60.0
    climb: float = 0.002
    floor_share: float = 0.02
    #: The rate at the last cut; None while the configured rate applies.
    base: float | None = attrs.field(default=None, init=False)
    #: When the last cut happened, and the accepted count then.
    cut_at: float = attrs.field(default=0.0, init=False)
    cut_accepted: int = attrs.field(default=0, init=False)
    #: Cost units the server accepted so far (every observed response less the 429s).
    accepted: int = attrs.field(default=0, init=False)
    cuts: int = attrs.field(default=0, init=False)

    @ceiling.validator
    def _check_ceiling(self, _: object, value: float) -> None:
        if not value > 0:
            raise ValueError(f"ceiling must be > 0, got {value!r}")

    def rate(self, now: float) -> float:
        """The rate to pace at, at ``now``."""
        if self.base is None:
            return self.ceiling
        dt = max(0.0, now - self.cut_at - self.cooldown)
        rate = self.base + self.ceiling * self.climb * dt * (1 + dt / 10)
        if rate >= self.ceiling:
            self.base = None  # back at the configured rate: nothing learned is left
            return self.ceiling
        return rate

    def adapted(self, now: float) -> bool:
        """Whether the pace is under the configured rate at ``now``."""
        return self.rate(now) < self.ceiling

    def on_accepted(self, count: int = 1) -> None:
        """Answers worth ``count`` cost units the server accepted (any answer but a 429)."""
        self.accepted += count

    def on_rejected(self, now: float) -> bool:
        """A 429 arrived at ``now``; True when it lowered the rate."""
        if self.base is not None and now < self.cut_at + self.cooldown:
            return False
        current = self.rate(now)
        elapsed = now - self.cut_at
        if self.cuts and self.min_window <= elapsed <= self.max_window:
            measured = (self.accepted - self.cut_accepted) / elapsed
            new = min(measured * (1 - self.margin), current * (1 - self.margin))
            new = max(new, current * 0.5)
        else:
            new = current * self.first_cut
        self.base = max(new, self.ceiling * self.floor_share)
        self.cut_at = now
        self.cut_accepted = self.accepted
        self.cuts += 1
        return True


@attrs.define
class PaceGate:
    """Strict spacing at a given rate: each caller gets the next slot, ``cost / rate`` after
    the previous one, and no burst (a server that just said 429 has no tokens to spare)."""

    next_at: float = 0.0

    def reserve(self, now: float, rate: float, cost: int = 1) -> float:
        """Take the next slot; the seconds to wait until it."""
        slot = max(now, self.next_at)
        self.next_at = slot + cost / rate
        return slot - now

    def push_past(self, until: float) -> None:
        """No slot before ``until`` (a hold the server asked for)."""
        self.next_at = max(self.next_at, until)
