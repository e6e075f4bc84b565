"""Scrubbing secrets out of text a server sent back.

A server may echo a token, an access key, an OAuth secret or a webhook secret in an error
message or an HTML page. Every :class:`~smartsuite._core.auth.Secret` alive in the process
(and every webhook shared secret the client holds) is registered here, weakly: the value is
forgotten when the object holding it goes away. Every error message, body excerpt and
``smartsuite`` log line is passed through :func:`redact` before anyone can see it.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Mapping
from typing import Any

MASK = "********"

#: Shorter values are not scrubbed: masking every "abc" in a message would garble it, and no
#: real token, key or secret is this short.
MIN_SECRET_LENGTH = 8


#: id(owner) -> the secret values it holds; an entry goes when its owner is collected (keyed
#: by identity: owners need not be hashable, and equal owners live and die separately).
_LIVE: dict[int, tuple[str, ...]] = {}


def register(owner: object, *values: str | None) -> None:
    """Scrub ``values`` from everything :func:`redact` sees while ``owner`` is alive.

    ``owner`` must support weak references (a ``Secret``, an attrs class with slots ...).
    """
    kept = tuple(v for v in values if isinstance(v, str) and len(v) >= MIN_SECRET_LENGTH)
    if not kept:
        return
    key = id(owner)
    if key not in _LIVE:
        weakref.finalize(owner, _LIVE.pop, key, None)
    _LIVE[key] = _LIVE.get(key, ()) + kept


def live_values() -> list[str]:
    """The registered secrets' values, longest first (so a secret containing another is
    masked whole)."""
    values = {v for held in list(_LIVE.values()) for v in held}
    return sorted(values, key=len, reverse=True)


def redact(text: str, extra: list[str] | None = None) -> str:
    """``text`` with every live secret (and ``extra`` values) replaced by ``********``."""
    if not text:
        return text
    values = live_values()
    if extra:
        values += [v for v in extra if len(v) >= MIN_SECRET_LENGTH]
        values.sort(key=len, reverse=True)
    for value in values:
        if value in text:
            text = text.replace(value, MASK)
    return text


def redact_data(value: Any) -> Any:
    """A decoded JSON value with every string passed through :func:`redact`."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, Mapping):
        return {redact(k) if isinstance(k, str) else k: redact_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_data(v) for v in value]
    return value


class RedactingFilter(logging.Filter):
    """A logging filter that renders the record and masks every live secret in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not _LIVE:
            return True
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_log_filter(logger: logging.Logger) -> None:
    """Mask secrets in ``logger``'s records (a logger filter does not see its children's)."""
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())


for _name in ("smartsuite", "smartsuite.appsheet", "smartsuite.redis"):
    install_log_filter(logging.getLogger(_name))
