"""Webhook receiver helper: turn a delivery body into a typed :class:`WebhookEvent`.

Deliveries are ``{"data": {...}, "type": "<event type>"}`` where ``data`` is the object as a
plain GET returns it (seed 002, "Webhook Payloads").
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .._core import serde
from .._core.errors import DecodeError
from ._converter import CONVERTER
from .models.events import WebhookEvent


def parse_webhook(body: bytes | str | Mapping[str, Any]) -> WebhookEvent:
    """Decode one webhook delivery.

    Args:
        body: the raw request body (bytes or text) or an already-parsed mapping.

    Returns:
        The event, whose ``data`` is a Project, TimeEntry, User or Assignment by ``type``.

    Raises:
        DecodeError: the body is not JSON, has no known ``type``, or ``data`` does not match.
    """
    if isinstance(body, bytes | str):
        try:
            decoded: Any = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise DecodeError(f"a webhook body must be JSON ({exc})", body=body) from None
    else:
        decoded = dict(body)
    return serde.structure(CONVERTER, decoded, WebhookEvent)
