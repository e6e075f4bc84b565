"""A base for resources whose Result envelopes carry their payload under ``result`` or, as
some operations are documented, under ``data`` (alternate emails, user updates)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from ..._core.errors import ConfigurationError, DecodeError
from ..._core.ids import ident
from .._resource import SmartsheetResource
from ..models.sheet_extras import recipients

T = TypeVar("T")


class PayloadResource(SmartsheetResource):
    async def _payload(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """Send a write and return the Result's payload (``result``, else ``data``)."""
        response = await self._request(
            method, path, json=json, params=params, content=content, headers=headers
        )
        data = response.json()
        if not isinstance(data, dict):
            raise DecodeError(f"expected a Result object from {method} {path}", body=response.body)
        return data["result"] if data.get("result") is not None else data.get("data")

    async def _payload_list(
        self,
        method: str,
        path: str,
        cls: type[T],
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
    ) -> list[T]:
        """Like :meth:`_payload`, decoded as a list of ``cls`` (one object becomes a list)."""
        payload = await self._payload(method, path, json=json, params=params)
        if payload is None:
            return []
        items = payload if isinstance(payload, list) else [payload]
        return self._decode(items, list[cls])  # type: ignore[valid-type]

    async def _payload_one(
        self,
        method: str,
        path: str,
        cls: type[T],
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> T:
        """Like :meth:`_payload`, decoded as one ``cls`` (a one-item list is unwrapped)."""
        payload = await self._payload(
            method, path, json=json, params=params, content=content, headers=headers
        )
        if isinstance(payload, list) and len(payload) == 1:
            payload = payload[0]
        if not isinstance(payload, dict):
            raise DecodeError(f"expected one object in the Result of {method} {path}")
        return self._decode(payload, cls)


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
