"""Query and body values shared by the Smartsheet namespaces: ids, comma-separated lists,
timestamps, email addresses and the "send as attachment" body."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.ids import ident
from ..models.sheet_extras import recipients


def path_id(value: Any, what: str) -> int:
    """An object id for a URL path; ConfigurationError naming ``what`` when it is not one
    (the one id rule, :func:`smartsuite._core.ids.ident`)."""
    return ident(value, what)


def ids_param(values: Any, what: str) -> list[int] | None:
    """A collection of ids for a comma-separated query parameter, validated."""
    if values is None:
        return None
    out = [path_id(v, what) for v in values]
    if not out:
        raise ConfigurationError(f"{what}: at least one id is needed")
    return out


def csv_param(value: str | Sequence[str] | None) -> str | None:
    """A string or several strings as one comma-separated query value."""
    if value is None or isinstance(value, str):
        return value
    return ",".join(value)


def when_param(value: dt.datetime | str | None) -> str | None:
    """A timestamp query value: datetimes become ISO-8601 UTC, strings pass through."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(timespec="seconds") + "Z"
    return value


def email_param(value: str) -> str:
    """An email address, trimmed; ConfigurationError when it is plainly not one."""
    text = value.strip() if isinstance(value, str) else ""
    local, _, domain = text.partition("@")
    if not local or "." not in domain or " " in text:
        raise ConfigurationError(f"{value!r} is not an email address")
    return text


def email_body(
    send_to: Any,
    format: str,
    paper_size: str | None,
    subject: str | None,
    message: str | None,
    cc_me: bool | None,
) -> dict[str, Any]:
    """The body of "send as attachment" (sheets and reports): recipients, format, and the
    optional paper size, subject, message and copy to the sender."""
    body: dict[str, Any] = {"sendTo": recipients(send_to), "format": format}
    if paper_size is not None:
        body["formatDetails"] = {"paperSize": paper_size}
    for key, value in (("subject", subject), ("message", message), ("ccMe", cc_me)):
        if value is not None:
            body[key] = value
    return body
