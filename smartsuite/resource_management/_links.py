"""``paging.next`` links: where one points, and the one check every walk (top-level or nested)
makes before following it (seed 002, "Pagination")."""

from __future__ import annotations

from urllib.parse import urlsplit

from .._core.errors import (
    ConfigurationError,
    InsecureDowngradeError,
    InsecurePagingLinkError,
    PagingLinkError,
)
from .._core.transport import Transport

#: The API's own path prefix; ``paging`` links start with it.
API_PREFIX = "/api/v1"

#: The longest ``paging.next`` link followed (the API's own are well under 500 characters).
MAX_LINK_LENGTH = 2048


def next_link(base_url: str, link: str) -> str:
    """Where a ``paging.next`` link points, as a path the transport accepts.

    The API writes links from its own root (``/api/v1/users?page=2``). When the client's base
    URL mounts the API elsewhere (a proxy at ``/rm/api/v1``), a link carrying the plain
    ``/api/v1`` prefix is resolved relative to the base URL's path instead.
    """
    base_path = urlsplit(base_url).path.rstrip("/")
    if link.startswith(("http://", "https://", "//")):
        return link
    if base_path and link.startswith(base_path + "/"):
        return link
    if link.startswith(API_PREFIX + "/") or link.startswith(API_PREFIX + "?"):
        return link[len(API_PREFIX) :]
    return link


def follow_link(transport: Transport, link: object) -> str:
    """The path to request for a ``paging.next`` link: the one check of every walk, top-level
    or nested.

    Raises:
        PagingLinkError: the link is not a string, too long, has spaces or control characters,
            is not http(s), or points at another host (:class:`InsecurePagingLinkError`, also
            an :class:`InsecureDowngradeError`, when it leaves https for plain http).
    """
    if not isinstance(link, str) or not link:
        raise PagingLinkError(link, "it is not a link")
    if len(link) > MAX_LINK_LENGTH:
        raise PagingLinkError(link, f"it is longer than {MAX_LINK_LENGTH} characters")
    if any(ord(c) < 33 or c == "\x7f" for c in link):
        raise PagingLinkError(link, "it contains spaces or control characters")
    try:
        scheme = urlsplit(link).scheme
    except ValueError:
        raise PagingLinkError(link, "it is not a valid URL") from None
    if scheme not in ("", "http", "https"):
        raise PagingLinkError(link, f"it is not an http link ({scheme}:)")
    path = next_link(transport.base_url, link)
    try:
        transport.url_for(path)
    except InsecureDowngradeError:
        raise InsecurePagingLinkError(
            link, "it leaves https for plain http, where the credential would travel in plain text"
        ) from None
    except ConfigurationError:
        raise PagingLinkError(link, "it points at another host") from None
    return path
