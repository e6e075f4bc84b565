"""What the command prints about requests: one line per retry always, the whole request log
with ``-v``, and never a secret.

Everything comes from the library's ``smartsuite`` logger; the transport is not changed. The
retry record (``"retrying after %.2f s (%s)"``) does not say which attempt failed, so the
attempt is taken from the record's ``attempt`` attribute when a handler upstream adds one, else
counted per asyncio task: a task sends its requests one after another, so the last record it
logged tells which attempt this retry follows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from rich.console import Console

RETRY_TEMPLATE = "retrying after %.2f s (%s)"
_ANSWER_SUFFIX = "(attempt %d)"

_CAUSES = {
    "timeout": "timed out",
    "disconnect": "connection lost",
    "rate_limited": "rate limited (HTTP 429)",
    "malformed": "malformed answer",
}


class Redactor:
    """Replaces every registered secret by ``***`` in text meant for the terminal."""

    def __init__(self) -> None:
        self._secrets: set[str] = set()

    def add(self, *secrets: str | None) -> None:
        self._secrets.update(s for s in secrets if s and len(s) >= 4)

    def clear(self) -> None:
        self._secrets.clear()

    def __call__(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text


class RetryCounter:
    """The ``n`` of ``retrying (n/N)`` for the task that logged a record."""

    def __init__(self) -> None:
        self._last: weakref.WeakKeyDictionary[object, tuple[str, int]] = weakref.WeakKeyDictionary()
        self._outside = _Outside()

    def _owner(self) -> object:
        try:
            task = asyncio.current_task()
        except RuntimeError:
            task = None
        return task if task is not None else self._outside

    def answered(self, attempt: int, status: int) -> None:
        owner = self._owner()
        if status < 400 or (status < 500 and status != 429):
            self._last.pop(owner, None)  # final: the task's next retry is a new request's
        else:
            self._last[owner] = ("answer", attempt)

    def retrying(self, attempt: int | None) -> int:
        owner = self._owner()
        kind, number = self._last.get(owner, ("", 0))
        if attempt is None:
            attempt = number if kind == "answer" else number + 1 if kind == "retry" else 1
        self._last[owner] = ("retry", attempt)
        return attempt


class _Outside:
    """Stands for "no running task" as a weak-referenceable key."""


def describe_cause(cause: str, base_url: str | None) -> str:
    """The transport's retry cause (``connect``, ``http_503``, ``error_4004`` ...) in words."""
    if cause == "connect":
        where = urlsplit(base_url).netloc if base_url else "the server"
        return f"cannot connect to {where}"
    if cause in _CAUSES:
        return _CAUSES[cause]
    if cause.startswith("http_"):
        return f"HTTP {cause[5:]}"
    if cause.startswith("error_"):
        return f"error code {cause[6:]}"
    return cause


class CliLogHandler(logging.Handler):
    """Writes ``retrying (n/N): cause`` for each retry and, when verbose, every other record of
    the ``smartsuite`` logger, to the error console, with secrets redacted."""

    def __init__(
        self,
        console: Console,
        *,
        verbose: bool,
        retries: int,
        redact: Callable[[str], str],
        base_url: Callable[[], str | None],
    ) -> None:
        super().__init__(logging.DEBUG)
        self.console = console
        self.verbose = verbose
        self.retries = retries
        self.redact = redact
        self.base_url = base_url
        self.counter = RetryCounter()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self._line(record)
            if line is not None:
                self.console.print(self.redact(line), markup=False, highlight=False, soft_wrap=True)
        except Exception:  # a log line must never break the command
            self.handleError(record)

    def _line(self, record: logging.LogRecord) -> str | None:
        args = record.args if isinstance(record.args, tuple) else ()
        if record.msg == RETRY_TEMPLATE and len(args) == 2:
            wait, cause = args
            attempt = getattr(record, "attempt", None)
            n = self.counter.retrying(attempt if isinstance(attempt, int) else None)
            text = f"retrying ({n}/{self.retries}): {describe_cause(str(cause), self.base_url())}"
            return text + (
                f" (in {wait:.2f} s)" if self.verbose and isinstance(wait, float) else ""
            )
        if isinstance(record.msg, str) and record.msg.endswith(_ANSWER_SUFFIX) and len(args) == 5:
            status, attempt = args[2], args[4]
            if isinstance(status, int) and isinstance(attempt, int):
                self.counter.answered(attempt, status)
        if not self.verbose:
            return None
        return f"smartsuite: {record.getMessage()}"


@contextlib.contextmanager
def request_log(handler: CliLogHandler) -> Iterator[None]:
    """Attach ``handler`` to the ``smartsuite`` logger (at DEBUG) for the duration."""
    logger = logging.getLogger("smartsuite")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
