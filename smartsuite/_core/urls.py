"""URL rules, as pure functions: which base URLs are allowed, how paths and links join a base
URL, and how query values are rendered."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from .errors import ConfigurationError, InsecureDowngradeError

Params = Mapping[str, Any] | None


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str, *, allow_insecure: bool = False) -> str:
    """Validate a base URL: https, or http only for loopback (the emulator) or by opt-in."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(f"base_url must be an absolute http(s) URL, got {url!r}")
    if parts.scheme == "http" and not (allow_insecure or is_loopback(parts.hostname)):
        raise ConfigurationError(
            f"base_url {url!r} is not https; plain http is allowed only for loopback "
            "addresses or with allow_insecure=True"
        )
    if parts.query or parts.fragment:
        raise ConfigurationError(f"base_url must not carry a query or fragment: {url!r}")
    return url.rstrip("/")


def clean_params(params: Params) -> dict[str, str] | None:
    """Drop None values; render bools as the APIs expect and lists as comma-separated."""
    if not params:
        return None
    out: dict[str, str] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, list | tuple | set | frozenset):
            out[key] = ",".join(str(v) for v in value)
        else:
            out[key] = str(value)
    return out or None


def join_url(base: str, path: str) -> str:
    """Join a path to the base URL. Absolute or root-relative links must stay on its host.

    ``/sheets/1`` is below the base URL; a link that already starts with the base URL's path
    (Resource Management's ``paging.next``) is taken from the host root.

    Raises:
        ConfigurationError: the link points at another host.
        InsecureDowngradeError: the base URL is https and the link plain http.
    """
    base_parts = urlsplit(base)
    if path.startswith(("http://", "https://", "//")):
        url = urljoin(base + "/", path)
        parts = urlsplit(url)
        if parts.netloc != base_parts.netloc:
            raise ConfigurationError(f"refusing to send credentials to another host: {url!r}")
        if base_parts.scheme == "https" and parts.scheme != "https":
            raise InsecureDowngradeError(
                f"refusing to follow {parts.scheme}://{parts.netloc}{parts.path} from an https "
                "client: the credential would travel in plain text"
            )
        return url
    if base_parts.path and path.startswith(base_parts.path + "/"):
        return f"{base_parts.scheme}://{base_parts.netloc}{path}"
    return f"{base}/{path.lstrip('/')}"
