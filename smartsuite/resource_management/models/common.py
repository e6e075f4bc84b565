"""Envelope pieces shared by every Resource Management collection: paging and nested collections.

Collections (top level and nested ``fields=`` expansions alike) arrive as ``{"data": [...],
"paging": {...}}`` (seed 002, "Collections & Objects").
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import attrs

from ..._core.model import Model, track, unset

T = TypeVar("T")


@attrs.frozen
class Paging:
    """The ``paging`` block of a collection.

    Attributes:
        page: this page's number (from 1).
        per_page: the page size the server used.
        previous / next: relative links to the neighbouring pages, None at the ends.
        self_link: the relative link of this page (``self`` on the wire).
    """

    page: int | None = None
    per_page: int | None = None
    previous: str | None = None
    next: str | None = None
    self_link: str | None = None


@attrs.define
class Nested(Generic[T]):
    """A nested collection from a ``fields=`` expansion (a user's ``tags``, a project's
    ``children`` ...). Its page size is the parent request's, so it may be truncated: pass it to
    :meth:`ResourceManagementClient.expand` to walk every item.

    Attributes:
        data: the items on this first page.
        paging: the server's paging block.
        item_type: the model of the items (set by the decoder).
    """

    data: list[T] = attrs.field(factory=list)
    paging: Paging | None = None
    item_type: type[Any] | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def truncated(self) -> bool:
        """True when the server has more pages than this one."""
        return self.paging is not None and self.paging.next is not None

    def __iter__(self) -> Any:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


@attrs.define(on_setattr=track)
class Tag(Model):
    """A tag on a user or a project (``value`` is its text)."""

    id: int
    value: str | None = unset
