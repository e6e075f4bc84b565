"""Exit codes and error messages of the ``smartsuite`` command: every error maps here, once."""

from __future__ import annotations

import enum
import re
import socket
from typing import Any
from urllib.parse import urlsplit

from .._core.errors import (
    APIError,
    AuthenticationError,
    ConfigurationError,
    DecodeError,
    NotFoundError,
    OutcomeUnknownError,
    PagingError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    SmartsuiteError,
    TransportError,
)
from ..etl import UpsertFailedError, UpsertInterruptedError
from ._clickapi import UsageError


class ExitCode(enum.IntEnum):
    """The exit codes of every command (also in ``smartsuite --help`` and the README)."""

    OK = 0
    ROWS_FAILED = 1  # some rows failed or their outcome is unknown
    BAD_INPUT = 2  # bad input or configuration, a named object that does not exist
    AUTH = 3  # authentication or permission
    UNAVAILABLE = 4  # network, server unavailable or misbehaving, rate limit exhausted
    INTERRUPTED = 130  # Ctrl-C


EPILOG = (
    "Exit codes: 0 ok; 1 some rows failed or are unknown; 2 bad input or configuration "
    "(including a named object that does not exist); 3 authentication or permission; "
    "4 network, server unavailable, or rate limit exhausted; 130 interrupted (Ctrl-C)."
)


def exit_code_for(exc: BaseException) -> ExitCode:
    """The exit code that names what went wrong."""
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(exc, UpsertInterruptedError):
        return exit_code_for(exc.cause)
    if isinstance(exc, UpsertFailedError | OutcomeUnknownError):
        return ExitCode.ROWS_FAILED
    if isinstance(exc, AuthenticationError | PermissionDeniedError):
        return ExitCode.AUTH
    if isinstance(exc, RateLimitedError | ServerError | TransportError | DecodeError | PagingError):
        return ExitCode.UNAVAILABLE
    if isinstance(exc, APIError | ConfigurationError | UsageError):
        return ExitCode.BAD_INPUT  # 404 and the other 4xx: the request named something wrong
    return ExitCode.ROWS_FAILED


#: Library wording (Python arguments) -> command-line wording (flags).
_FLAG_WORDING: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"pass it as an argument or set \$SMARTSHEET_ACCESS_TOKEN", "pass --token or set "
         "$SMARTSHEET_ACCESS_TOKEN"),
        (r"pass it as an argument or set \$SMARTSHEET_RM_TOKEN", "pass --token or set "
         "$SMARTSHEET_RM_TOKEN"),
        (r"pass it as an argument or set \$APPSHEET_ACCESS_KEY", "pass --access-key or set "
         "$APPSHEET_ACCESS_KEY"),
        (r"pass it as an argument or set \$APPSHEET_APP_ID", "pass --app-id or set "
         "$APPSHEET_APP_ID"),
        (r" or with allow_insecure=True", ""),
        (r"\bbase_url=?", "--base-url"),
        (r"\bpage_size\b", "--page-size"),
        (r"\bpaper_size\b", "--paper-size"),
        (r"\bfrom_\b", "--from"),
        (r"\bkey must name\b", "--key must name"),
    )
)  # fmt: skip


def cli_wording(text: str) -> str:
    """A library message with Python argument names replaced by the flags that set them."""
    for pattern, replacement in _FLAG_WORDING:
        text = pattern.sub(replacement, text)
    return text


def connect_cause(base_url: str | None, message: str) -> str | None:
    """Why a host could not be reached, in words: "cannot resolve host x" or "cannot connect
    to h:p (Connection refused)". None when the message is not about connecting.

    The transport reports only the aiohttp class name, so a refused connection is probed once
    more here (a single TCP connect, 2 s at most) to name the operating system's reason.
    """
    if not base_url or "cannot connect" not in message:
        return None
    parts = urlsplit(base_url)
    host = parts.hostname or "?"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if "DNS" in message:
        return f"cannot resolve host {host}"
    try:
        with socket.create_connection((host, port), timeout=2):
            return f"cannot connect to {host}:{port}"
    except socket.gaierror:
        return f"cannot resolve host {host}"
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return f"cannot connect to {host}:{port} ({reason})"


def error_message(exc: BaseException, base_url: str | None = None) -> str:
    """One line for the user: the error's public class name (except for configuration errors,
    which speak for themselves) and its message in command-line wording."""
    if isinstance(exc, UsageError):
        return str(exc.format_message())
    text = cli_wording(str(exc))
    if isinstance(exc, TransportError):
        cause = connect_cause(base_url, text)
        if cause:
            text = f"{cause} ({exc.method} {exc.path})" if exc.method else cause
    if isinstance(exc, ConfigurationError) and not isinstance(exc, NotFoundError):
        return text
    return f"{type(exc).__name__}: {text}"


def error_json(exc: BaseException, base_url: str | None = None) -> dict[str, Any]:
    """The error as the JSON object printed under ``--json``."""
    body: dict[str, Any] = {
        "type": type(exc).__name__,
        "message": error_message(exc, base_url),
        "exit_code": int(exit_code_for(exc)),
    }
    if isinstance(exc, APIError):
        body.update(status=exc.status, code=exc.code, ref_id=exc.ref_id)
    return {"error": body}


__all__ = [
    "EPILOG",
    "ExitCode",
    "SmartsuiteError",
    "cli_wording",
    "error_json",
    "error_message",
    "exit_code_for",
]
