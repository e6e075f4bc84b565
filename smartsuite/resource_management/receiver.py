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
from .._core.limits import DEFAULT_MAX_JSON_DEPTH, json_depth_exceeds
from ._converter import CONVERTER
from .models.events import WebhookEvent


def parse_webhook(
    body: bytes | str | Mapping[str, Any], *, max_depth: int = DEFAULT_MAX_JSON_DEPTH
) -> WebhookEvent:
    """Decode one webhook delivery.

    Args:
        body: the raw request body (bytes or text) or an already-parsed mapping.
        max_depth: the deepest JSON nesting accepted (checked before parsing).

    Returns:
        The event, whose ``data`` is a Project, TimeEntry, User or Assignment by ``type``.

    Raises:
        DecodeError: the body is not JSON, nests deeper than ``max_depth``, has no known
            ``type``, or ``data`` does not match. Answer it with 400.
    """
    if isinstance(body, bytes | str):
        raw = body.encode() if isinstance(body, str) else body
        if json_depth_exceeds(raw, max_depth):
            raise DecodeError(f"a webhook body must not nest deeper than {max_depth} levels")
        try:
            decoded: Any = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise DecodeError(f"a webhook body must be JSON ({exc})", body=body) from None
    else:
        decoded = dict(body)
    return serde.structure(CONVERTER, decoded, WebhookEvent)
