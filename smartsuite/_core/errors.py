"""The one exception tree of smartsuite.

::

    SmartsuiteError
    ├── ConfigurationError            bad arguments or settings, raised before any request
    │   └── LimitExceededError        a documented server limit would be broken
    ├── APIError                      the service answered with an error status
    │   ├── BadRequestError           400, 405, 409, 415, 422 ...
    │   ├── AuthenticationError       401
    │   ├── PermissionDeniedError     403
    │   ├── NotFoundError             404
    │   ├── RateLimitedError          429 (after retries were exhausted)
    │   └── ServerError               5xx
    ├── TransportError                no usable HTTP answer
    │   ├── RequestTimeoutError       connect or read timed out
    │   ├── OutcomeUnknownError       a write was sent but its outcome is unknown
    │   ├── ResponseTooLargeError     a body passed a Limits cap while being read
    │   └── InsecureDowngradeError    a redirect or link from https to plain http
    ├── DecodeError                   the body is not what the API documents
    └── PagingError                   a page walk broke its rules
        └── PagingLinkError           a paging link the client will not follow

No exception holds a token, access key or secret: request headers are never stored on them,
and every message, body excerpt and decoded error body is scrubbed of the secrets alive in
the process (a server may echo them back; see :mod:`smartsuite._core.redact`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .hooks import ResponseInfo

from .redact import redact, redact_data

_EXCERPT = 200
#: How much of a body an excerpt looks at: enough to mask a secret that straddles the cut.
_EXCERPT_WINDOW = 8192


def excerpt(body: bytes | str | None, limit: int = _EXCERPT) -> str:
    """A short printable excerpt of a response body, for error messages (secrets masked)."""
    if body is None:
        return ""
    head = body[:_EXCERPT_WINDOW]
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    text = " ".join(redact(text).split())
    return text if len(text) <= limit else text[:limit] + "..."


class SmartsuiteError(Exception):
    """Root of every error raised by smartsuite. Its text never shows a live secret."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact(a) if isinstance(a, str) else a for a in args))


class ConfigurationError(SmartsuiteError, ValueError):
    """An argument or setting is invalid; nothing was sent."""


class LimitExceededError(ConfigurationError):
    """A documented server limit would be exceeded; refused locally before any request."""


class APIError(SmartsuiteError):
    """The service answered with an error status.

    Attributes:
        status: HTTP status code.
        code: the service's own error code (Smartsheet ``errorCode``), when given.
        message: the service's message, or the HTTP reason.
        method: request method.
        path: request path (no query string: query values may be sensitive).
        ref_id: Smartsheet ``refId`` (quote it to Smartsheet support).
        detail: the error's ``detail`` object, when given.
        body: the decoded error body, when it was JSON.
        response: the answer's status, headers (no cookies) and request id, when the error
            came from a response (see :func:`smartsuite.last_response`).
    """

    response: ResponseInfo | None = None

    def __init__(
        self,
        message: str,
        *,
        status: int,
        method: str,
        path: str,
        code: int | str | None = None,
        ref_id: str | None = None,
        detail: Any = None,
        body: Any = None,
    ) -> None:
        self.message = redact(message)
        self.status = status
        self.method = method
        self.path = path
        self.code = redact(code) if isinstance(code, str) else code
        self.ref_id = redact(ref_id) if ref_id else ref_id
        self.detail = redact_data(detail)
        self.body = redact_data(body)
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [f"{self.method} {self.path} -> HTTP {self.status}"]
        if self.code is not None:
            parts.append(f"code {self.code}")
        text = f"{', '.join(parts)}: {self.message}"
        if self.ref_id:
            text += f" (refId {self.ref_id})"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status}, code={self.code!r}, "
            f"message={self.message!r}, method={self.method!r}, path={self.path!r})"
        )


class BadRequestError(APIError):
    """The request was refused as invalid (400 and other client errors)."""


class AuthenticationError(APIError):
    """401: the token or key is missing, invalid or expired."""


class PermissionDeniedError(APIError):
    """403: authenticated, but not allowed to do this."""


class NotFoundError(APIError):
    """404: the object does not exist (or is not visible to this token)."""


class RateLimitedError(APIError):
    """429: still rate limited after every allowed retry."""


class ServerError(APIError):
    """5xx: the service failed."""


class TransportError(SmartsuiteError):
    """No usable HTTP answer: connection refused, reset or dropped."""

    def __init__(self, message: str, *, method: str = "", path: str = "") -> None:
        self.method = method
        self.path = path
        super().__init__(f"{method} {path}: {message}" if method else message)


class RequestTimeoutError(TransportError, TimeoutError):
    """The request timed out (connect or read)."""


class OutcomeUnknownError(TransportError):
    """A write was sent and nothing says whether it was applied: the connection failed before
    its answer arrived, or the answer was one the vendor does not document as "not applied"
    (a gateway's HTML or empty 502/503/504, a plain 500, an unreadable or oversized 2xx).

    The server may or may not have applied it, so it was not repeated. Re-read the
    affected objects to reconcile (the ETL engine's upsert does this for you).
    """


class DecodeError(SmartsuiteError):
    """The body could not be decoded into what the API documents."""

    def __init__(
        self, message: str, *, body: bytes | str | None = None, status: int | None = None
    ) -> None:
        self.excerpt = excerpt(body)
        self.status = status
        text = message
        if status is not None:
            text += f" (HTTP {status})"
        if body is not None:
            text += f"; body starts: {self.excerpt!r}" if self.excerpt else "; body is empty"
        super().__init__(text)


class ResponseTooLargeError(TransportError):
    """An answer's body passed a :class:`~smartsuite._core.limits.Limits` cap while it was read
    (on the wire, or once decompressed). Reading stopped there; the body is dropped.

    Attributes:
        limit: the name of the cap (``max_body_bytes`` or ``max_decoded_bytes``).
        cap: its value in bytes.
    """

    def __init__(
        self, message: str, *, limit: str, cap: int, method: str = "", path: str = ""
    ) -> None:
        self.limit = limit
        self.cap = cap
        super().__init__(message, method=method, path=path)


class InsecureDowngradeError(TransportError):
    """A redirect or a paging link would take a request that started on https to plain http,
    where its credential would travel in clear text; nothing was sent there."""


class PagingError(SmartsuiteError):
    """A paged walk broke its rules (a next link to another host, or a loop that never ends)."""


class PagingLinkError(PagingError):
    """A ``paging.next`` link the client will not follow (another host, plain http from an
    https client, not an http link, absurdly long); nothing was sent to it.

    Attributes:
        link: the start of the link as the server sent it (secrets masked).
        reason: what is wrong with it.
    """

    def __init__(self, link: object, reason: str) -> None:
        # Masked before it is cut, so a secret the server echoed is never shown in part.
        text = redact(link[:4096]) if isinstance(link, str) else type(link).__name__
        self.link = text[:120] + ("..." if len(text) > 120 else "")
        self.reason = reason
        super().__init__(f"refusing to follow paging.next {self.link!r}: {reason}")


class InsecurePagingLinkError(PagingLinkError, InsecureDowngradeError):
    """A paging link from an https client to plain http: a :class:`PagingLinkError` like every
    bad link, and an :class:`InsecureDowngradeError` like a redirect that would do the same."""


_BY_STATUS: dict[int, type[APIError]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitedError,
}


def error_class_for(status: int) -> type[APIError]:
    """The APIError subclass that names what an HTTP status means."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return ServerError
    return BadRequestError
