"""Fault injection for the emulator: latency, rate limits, errors, dropped connections and
malformed bodies, scripted one by one or drawn at random from a seeded mix."""

from __future__ import annotations

import enum
import random
import time
from collections import deque

import attrs


class Fault(enum.Enum):
    """What the emulator can do to one request instead of (or after) serving it."""

    RATE_LIMIT = "429"  # 429 with Retry-After / X-RateLimit-* headers; nothing applied
    SERVER_ERROR = "500"  # plain 500; nothing applied
    UNAVAILABLE = "503"  # 503 with an HTML body; nothing applied
    BAD_GATEWAY = "502"  # 502 with an HTML body; nothing applied
    ERROR_4004 = "4004"  # Smartsheet 500 / errorCode 4004; nothing applied
    MAINTENANCE = (
        "4001"  # Smartsheet 503 / errorCode 4001 (others: their 503 JSON); nothing applied
    )
    DROP_BEFORE = "drop_before"  # connection reset before the request is applied
    DROP_AFTER = "drop_after"  # the request is applied, then the connection is reset
    TRUNCATED = "truncated"  # applied; the JSON body is cut short
    HTML = "html"  # applied; answered 200 with an HTML page
    EMPTY = "empty"  # applied; answered 200 with an empty body
    SPIKE = "spike"  # served normally after an extra delay
    # Applied, then answered with an error. Real gateways do this: a load balancer or proxy
    # that gives up on the origin (AWS ALB 502/504, nginx proxy_read_timeout 504, a CDN's
    # 503) answers while the origin goes on to finish the write, and a server can fail after
    # committing (a 500 while rendering the answer). The answer says nothing about the write.
    APPLIED_500 = "applied_500"  # the service's own 500 JSON (Smartsheet errorCode 4000)
    APPLIED_502 = "applied_502"  # a gateway's HTML 502
    APPLIED_503 = "applied_503"  # a gateway's HTML 503
    APPLIED_504 = "applied_504"  # a gateway's empty 504
    APPLIED_4002 = "applied_4002"  # Smartsheet 500 / 4002 "Server timeout exceeded"
    APPLIED_4004 = "applied_4004"  # Smartsheet 500 / 4004, the generic "unexpected error"
    # Applied, then answered with what the vendor documents as "not applied": a server that
    # breaks its contract. Only the ETL (which re-reads before re-sending) stays exact here.
    APPLIED_4001 = "applied_4001"  # Smartsheet 503 / 4001 "offline for maintenance"
    APPLIED_BUSY = "applied_busy"  # Smartsheet 500 / 4004 "being updated by another request"
    APPLIED_429 = "applied_429"  # the service's own 429 body

    @property
    def applies_request(self) -> bool:
        return self in _APPLIED

    @property
    def breaks_contract(self) -> bool:
        """Applied, yet answered as the vendor documents a write that was not applied."""
        return self in (Fault.APPLIED_4001, Fault.APPLIED_BUSY, Fault.APPLIED_429)


_APPLIED = frozenset(
    {Fault.DROP_AFTER, Fault.TRUNCATED, Fault.HTML, Fault.EMPTY, Fault.SPIKE}
    | {f for f in Fault if f.value.startswith("applied_")}
)

#: The applied-then-5xx faults a client's default retry settings must survive without a
#: duplicate (the answers are not documented as "not applied").
APPLIED_THEN_5XX = (
    Fault.APPLIED_500,
    Fault.APPLIED_502,
    Fault.APPLIED_503,
    Fault.APPLIED_504,
    Fault.APPLIED_4002,
    Fault.APPLIED_4004,
)


@attrs.define
class ScriptedFault:
    fault: Fault
    method: str | None = None
    path_contains: str | None = None
    remaining: int = 1
    skip: int = 0

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (
            self.path_contains is None or self.path_contains in path
        )


@attrs.define
class FaultConfig:
    """Per-service fault settings. Change them at any time; the next request sees them.

    Attributes:
        latency: seconds added to every request.
        rate_limit: requests per second allowed per token (None: unlimited).
        burst: bucket size for ``rate_limit``.
        mix: probability of each fault per request, drawn with ``seed``.
        spike_seconds: the delay a SPIKE adds.
        writes_only: apply the random mix only to POST/PUT/DELETE requests.
        seed: random seed for the mix.
    """

    latency: float = 0.0
    rate_limit: float | None = None
    burst: int = 1
    mix: dict[Fault, float] = attrs.field(factory=dict)
    spike_seconds: float = 0.5
    writes_only: bool = False
    seed: int | None = 0
    _script: deque[ScriptedFault] = attrs.field(factory=deque, alias="_script")
    _rng: random.Random = attrs.field(init=False)
    _buckets: dict[str, tuple[float, float]] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    def script(
        self,
        fault: Fault,
        *,
        times: int = 1,
        method: str | None = None,
        path_contains: str | None = None,
        after: int = 0,
    ) -> None:
        """Make ``times`` matching requests suffer ``fault``, after letting ``after`` matching
        requests through untouched."""
        self._script.append(ScriptedFault(fault, method, path_contains, times, after))

    def clear(self) -> None:
        self._script.clear()
        self.mix = {}
        self.latency = 0.0
        self.rate_limit = None

    def pick(self, method: str, path: str) -> Fault | None:
        """The fault for this request, if any: scripted faults first, then the random mix."""
        for entry in self._script:
            if entry.matches(method, path):
                if entry.skip > 0:
                    entry.skip -= 1
                    return None
                entry.remaining -= 1
                if entry.remaining <= 0:
                    self._script.remove(entry)
                return entry.fault
        if not self.mix or (self.writes_only and method == "GET"):
            return None
        roll = self._rng.random()
        for fault, p in self.mix.items():
            if roll < p:
                return fault
            roll -= p
        return None

    def take_token(self, key: str, now: float | None = None) -> float:
        """Take a rate-limit token for ``key``: 0.0 when allowed, else seconds until one frees."""
        if self.rate_limit is None:
            return 0.0
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate_limit)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1.0 - tokens) / self.rate_limit

    def tokens_left(self, key: str, now: float | None = None) -> tuple[float, float] | None:
        """(tokens left, seconds until one more frees) in ``key``'s rate-limit bucket, for
        services that report X-RateLimit-* headers on success; None when unlimited."""
        if self.rate_limit is None:
            return None
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate_limit)
        return tokens, max(0.0, (1.0 - (tokens % 1.0)) / self.rate_limit)

    @classmethod
    def parse(cls, spec: str) -> dict[Fault, float]:
        """Parse a CLI fault mix such as ``429=0.03,500=0.02,drop_after=0.01``."""
        mix: dict[Fault, float] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, _, value = part.partition("=")
            try:
                mix[Fault(name.strip())] = float(value)
            except ValueError:
                known = ", ".join(f.value for f in Fault)
                raise ValueError(
                    f"bad fault {part!r}; use NAME=PROBABILITY with NAME in {known}"
                ) from None
        return mix
