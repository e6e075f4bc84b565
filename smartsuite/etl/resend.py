"""Why the ETL never lets the transport re-send a write it cannot prove was not applied.

The transport re-sends a non-idempotent write after an answer the vendor documents as "not
applied" (a 429, Smartsheet 4001, the "being updated by another request" 4004). A server that
breaks that contract (applies the write, then answers one of those) would get a second copy.
The ETL knows which keys it wrote, so it can do better: every write goes through a client view
that never re-sends, and any failure that might hide an applied write is settled by re-reading
the affected keys first; only what is missing is sent again. Exactly one copy per key, whatever
the server answered.
"""

from __future__ import annotations

from typing import TypeVar

import attrs

from .._core.client import BaseClient
from .._core.errors import APIError, SmartsuiteError, TransportError

C = TypeVar("C", bound=BaseClient)


def without_resends(client: C) -> C:
    """A view of ``client`` (same session, limiter and locks) whose transport never re-sends
    a non-idempotent write, even after a documented "not applied" answer or when the caller
    opted in to ``retry_unknown_writes``. Reads and idempotent writes retry as before."""
    retry = attrs.evolve(
        client._transport.retry, resend_unapplied_writes=False, retry_unknown_writes=False
    )
    return client.with_options(retry=retry)


def may_have_landed(error: SmartsuiteError | None) -> bool:
    """Whether a failed write may have been applied anyway, or was refused in a way that a
    later try fixes: an unknown outcome or any transport failure, a 429, any 5xx. The engine
    re-reads such writes instead of trusting the answer. A per-row refusal (a 4xx) is final."""
    if isinstance(error, TransportError):
        return True
    if isinstance(error, APIError):
        return error.status == 429 or error.status >= 500
    return False
