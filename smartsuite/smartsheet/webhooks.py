"""Receive Smartsheet webhook callbacks in any web framework.

Hand :meth:`WebhookReceiver.handle` the request's headers and raw body bytes; it returns a
:class:`WebhookDecision` to turn into your framework's response (``status``, ``headers``,
``body``) and, for an authentic callback, the parsed :class:`Callback`::

    receiver = WebhookReceiver({hook.id: hook.shared_secret}, change_agent="my-sync")
    decision = receiver.handle(request.headers, await request.read())
    # respond with decision.status / decision.headers / decision.body, then:
    if decision.callback is not None:
        for event in decision.callback.events_not_caused_by("my-sync"): ...

What it checks (https://developers.smartsheet.com/api/smartsheet/openapi/webhooks):

* the body size, before anything else, then its JSON nesting depth (``max_depth``): a
  200,000-deep array is answered 400, never parsed into a ``RecursionError``;
* verification challenges (``Smartsheet-Hook-Challenge``): checked (at most 256 printable
  ASCII characters, no CR/LF, so nothing can be injected into a response header), then echoed
  back in the ``Smartsheet-Hook-Response`` header and the ``smartsheetHookResponse`` body
  attribute, and refused with 403 for a webhook id we do not know (which disables that
  webhook);
* callbacks: the ``Smartsheet-Hmac-SHA256`` header must be the hex HMAC-SHA256 of the raw
  body under the webhook's shared secret, compared in constant time.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .._core import redact
from .._core.auth import Secret
from .._core.errors import ConfigurationError, DecodeError
from .._core.ids import idents
from .._core.limits import DEFAULT_MAX_JSON_DEPTH, json_depth_exceeds
from .._core.serde import structure
from ._converter import CONVERTER
from .models.webhooks import (
    Callback,
    CallbackEvent,
    change_agent_includes,
    decode_event_fields,
)

CHALLENGE_HEADER = "Smartsheet-Hook-Challenge"
RESPONSE_HEADER = "Smartsheet-Hook-Response"
SIGNATURE_HEADER = "Smartsheet-Hmac-SHA256"
CHANGE_AGENT_HEADER = "Smartsheet-Change-Agent"

#: Callbacks are "skinny" (ids and event types only); 1 MiB is far above any real one.
DEFAULT_MAX_BODY = 1 << 20
#: The API trims longer ``Smartsheet-Change-Agent`` values from the front.
MAX_CHANGE_AGENT = 512
#: Challenges are GUID-like tokens; anything longer, or not printable ASCII, is refused
#: before it is echoed into a response header.
MAX_CHALLENGE = 256

SecretSource = Mapping[int, "str | Secret"] | Callable[[int], "str | Secret | None"] | str | Secret


class Outcome(enum.StrEnum):
    """What a request to the callback URL turned out to be."""

    CHALLENGE = "challenge"  # a verification request, answered
    CALLBACK = "callback"  # an authentic event or status-change callback
    REJECTED = "rejected"  # refused; see ``WebhookDecision.reason``


@attrs.frozen
class WebhookDecision:
    """The receiver's verdict and the response to send back.

    Attributes:
        outcome: challenge, callback or rejected.
        status: the HTTP status to answer with (200 when accepted).
        headers: response headers (the challenge echo, Content-Type).
        body: the response body bytes.
        webhook_id: the webhook the request is about, when known.
        callback: the parsed callback (only for ``Outcome.CALLBACK``).
        reason: why it was rejected (never contains a secret).
    """

    outcome: Outcome
    status: int
    headers: dict[str, str] = attrs.field(factory=dict)
    body: bytes = b""
    webhook_id: int | None = None
    callback: Callback | None = None
    reason: str | None = None

    @property
    def accepted(self) -> bool:
        return self.outcome is not Outcome.REJECTED


def sign(secret: str | Secret, body: bytes) -> str:
    """The ``Smartsheet-Hmac-SHA256`` value for ``body``: hex HMAC-SHA256 with the secret."""
    key = secret.reveal() if isinstance(secret, Secret) else secret
    return hmac.new(key.encode(), body, hashlib.sha256).hexdigest()


def verify_signature(secret: str | Secret, body: bytes, signature: str | None) -> bool:
    """Whether ``signature`` is the body's HMAC under ``secret`` (constant-time compare)."""
    if not signature:
        return False
    expected = sign(secret, body)
    return hmac.compare_digest(expected.encode(), signature.strip().lower().encode())


def is_own_change(change_agent: str | None, agent: str) -> bool:
    """Whether a callback event's ``changeAgent`` list names ``agent``: the change was made
    by us (through a client created with ``change_agent=agent``) and can be skipped."""
    return change_agent_includes(change_agent, agent)


def chain_change_agent(incoming: str | None, agent: str) -> str:
    """The ``Smartsheet-Change-Agent`` value to send when reacting to a change made by
    others: their list plus ours, trimmed from the front to 512 characters as the API does."""
    value = f"{incoming},{agent}" if incoming else agent
    return value[-MAX_CHANGE_AGENT:]


def parse_callback(data: Any) -> Callback:
    """Decode a callback body (already JSON-decoded) into a :class:`Callback`.

    Raises:
        DecodeError: it is not a callback object.
    """
    if not isinstance(data, dict):
        raise DecodeError("a webhook callback must be a JSON object")
    events = data.get("events")
    if events is not None and not isinstance(events, list):
        raise DecodeError("a webhook callback's events must be a list")
    raw = {**data, "events": [decode_event_fields(e) for e in events or []]}
    return structure(CONVERTER, raw, Callback)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    for key, val in headers.items():
        if key.lower() == lowered:
            return val
    return None


def _json_body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode()


class WebhookReceiver:
    """Decides what to answer to requests arriving at a webhook callback URL.

    Args:
        secrets: the shared secret of one webhook (a string), or a mapping of webhook id to
            shared secret, or a function from webhook id to secret (None when unknown).
        known_webhook_ids: when given, challenges for other webhook ids are refused (403).
            With per-webhook secrets (a mapping or a function), a challenge for a webhook
            without a secret is refused too.
        max_body_bytes: larger bodies are refused with 413 before they are parsed.
        max_depth: bodies nesting JSON deeper than this are refused with 400 before parsing.
        change_agent: our ``Smartsheet-Change-Agent``, for :meth:`is_own_change`.

    Raises:
        ConfigurationError: a non-positive ``max_body_bytes`` or ``max_depth``.
    """

    def __init__(
        self,
        secrets: SecretSource,
        *,
        known_webhook_ids: Iterable[int] | None = None,
        max_body_bytes: int = DEFAULT_MAX_BODY,
        max_depth: int = DEFAULT_MAX_JSON_DEPTH,
        change_agent: str | None = None,
    ) -> None:
        if max_body_bytes <= 0:
            raise ConfigurationError("max_body_bytes must be positive")
        if max_depth <= 0:
            raise ConfigurationError("max_depth must be positive")
        self._secrets = secrets
        self.max_depth = max_depth
        if isinstance(secrets, str):
            redact.register(self, secrets)
        elif isinstance(secrets, Mapping):
            redact.register(self, *(v for v in secrets.values() if isinstance(v, str)))
        if known_webhook_ids is None and isinstance(secrets, Mapping):
            known_webhook_ids = secrets.keys()
        self._known = (
            None if known_webhook_ids is None else set(idents(known_webhook_ids, "webhook ids"))
        )
        self.max_body_bytes = max_body_bytes
        self.change_agent = change_agent

    def __repr__(self) -> str:
        known = None if self._known is None else sorted(self._known)
        return f"WebhookReceiver(known_webhook_ids={known!r}, change_agent={self.change_agent!r})"

    def secret_for(self, webhook_id: int | None) -> str | Secret | None:
        """The shared secret for a webhook id, or None when unknown."""
        source = self._secrets
        if isinstance(source, str | Secret):
            return source
        if webhook_id is None:
            return None
        if isinstance(source, Mapping):
            return source.get(webhook_id)
        return source(webhook_id)

    def is_own_change(self, event: CallbackEvent) -> bool:
        """Whether this receiver's change agent caused ``event``."""
        return bool(self.change_agent) and event.caused_by(self.change_agent or "")

    def handle(self, headers: Mapping[str, str], body: bytes) -> WebhookDecision:
        """Judge one request to the callback URL.

        Args:
            headers: the request headers (any case).
            body: the raw request body, exactly as received.

        Returns:
            The decision: the response to send and, for callbacks, the parsed events.
        """
        if len(body) > self.max_body_bytes:
            return _reject(413, f"body of {len(body)} bytes exceeds {self.max_body_bytes}")
        if json_depth_exceeds(body, self.max_depth):
            return _reject(400, f"the body nests JSON deeper than {self.max_depth} levels")
        try:
            data = json.loads(body) if body else None
        except (ValueError, RecursionError):
            return _reject(400, "the body is not JSON")
        webhook_id = _webhook_id(data)
        challenge = _header(headers, CHALLENGE_HEADER)
        if challenge is None and isinstance(data, dict) and isinstance(data.get("challenge"), str):
            challenge = data["challenge"]
        signature = _header(headers, SIGNATURE_HEADER)
        if challenge is not None:
            problem = challenge_problem(challenge)
            if problem is not None:
                return _reject(400, f"refusing to echo the challenge: {problem}", webhook_id)
            return self._challenge(challenge, webhook_id, body, signature)
        if webhook_id is None:
            return _reject(400, "the callback names no webhookId")
        secret = self.secret_for(webhook_id)
        if secret is None:
            return _reject(403, f"unknown webhook {webhook_id}", webhook_id)
        if signature is None:
            return _reject(401, f"missing {SIGNATURE_HEADER} header", webhook_id)
        if not verify_signature(secret, body, signature):
            return _reject(401, "the signature does not match the body", webhook_id)
        try:
            callback = parse_callback(data)
        except DecodeError as exc:
            return _reject(400, f"malformed callback: {exc}", webhook_id)
        return WebhookDecision(
            Outcome.CALLBACK,
            200,
            {"Content-Type": "application/json"},
            b"{}",
            webhook_id,
            callback,
        )

    def _challenge(
        self, challenge: str, webhook_id: int | None, body: bytes, signature: str | None
    ) -> WebhookDecision:
        secret = self.secret_for(webhook_id)
        per_webhook = not isinstance(self._secrets, str | Secret)
        if (self._known is not None and webhook_id not in self._known) or (
            per_webhook and secret is None
        ):
            # A non-200 answer makes Smartsheet disable the webhook we did not create.
            return _reject(403, f"challenge for unknown webhook {webhook_id}", webhook_id)
        if (
            signature is not None
            and secret is not None
            and not verify_signature(secret, body, signature)
        ):
            return _reject(401, "the challenge's signature does not match", webhook_id)
        return WebhookDecision(
            Outcome.CHALLENGE,
            200,
            {RESPONSE_HEADER: challenge, "Content-Type": "application/json"},
            _json_body({"smartsheetHookResponse": challenge}),
            webhook_id,
        )


def challenge_problem(challenge: str) -> str | None:
    """Why a challenge value cannot be echoed into a header, or None when it can."""
    if not challenge:
        return "it is empty"
    if len(challenge) > MAX_CHALLENGE:
        return f"it is {len(challenge)} characters long (at most {MAX_CHALLENGE})"
    if "\r" in challenge or "\n" in challenge:
        return "it contains CR or LF"
    if not all(" " <= c <= "~" for c in challenge):
        return "it contains characters that are not printable ASCII"
    return None


def _webhook_id(data: Any) -> int | None:
    if isinstance(data, dict):
        value = data.get("webhookId")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.isdigit():
            return int(value)
    return None


def _reject(status: int, reason: str, webhook_id: int | None = None) -> WebhookDecision:
    return WebhookDecision(
        Outcome.REJECTED,
        status,
        {"Content-Type": "application/json"},
        _json_body({"error": reason}),
        webhook_id,
        None,
        reason,
    )


__all__ = [
    "CHALLENGE_HEADER",
    "CHANGE_AGENT_HEADER",
    "RESPONSE_HEADER",
    "SIGNATURE_HEADER",
    "Outcome",
    "WebhookDecision",
    "WebhookReceiver",
    "chain_change_agent",
    "challenge_problem",
    "is_own_change",
    "parse_callback",
    "sign",
    "verify_signature",
]
