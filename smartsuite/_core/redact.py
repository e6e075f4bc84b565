"""Scrubbing secrets out of text a server sent back.

A server may echo a token, an access key, an OAuth secret or a webhook secret in an error
message or an HTML page. Every :class:`~smartsuite._core.auth.Secret` alive in the process is
registered here (weakly), and every error message, body excerpt and ``smartsuite`` log line
is passed through :func:`redact` before anyone can see it.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Mapping
from typing import Any, Protocol

MASK = "********"

#: Shorter values are not scrubbed: masking every "abc" in a message would garble it, and no
#: real token, key or secret is this short.
MIN_SECRET_LENGTH = 8


class _Revealing(Protocol):
    def reveal(self) -> str: ...


_LIVE: weakref.WeakSet[Any] = weakref.WeakSet()


def register(secret: _Revealing) -> None:
    """Scrub ``secret`` from everything :func:`redact` sees while it is alive."""
    if len(secret.reveal()) >= MIN_SECRET_LENGTH:
        _LIVE.add(secret)


def live_values() -> list[str]:
    """The registered secrets' values, longest first (so a secret containing another is
    masked whole)."""
    values = {s.reveal() for s in list(_LIVE)}
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
