"""One paging shape for every service.

``AsyncPaginator[T]`` wraps a ``fetch(cursor) -> Page[T]`` function: ``await paginator`` gives the
first page, ``async for item in paginator`` walks every item of every page, ``paginator.pages()``
yields pages. The next page is fetched while the caller works on the current one (prefetch).
Smartsheet cursors are page numbers or ``lastKey`` tokens, Resource Management cursors are
``paging.next`` links. A walk can start from a saved cursor (:meth:`AsyncPaginator.resume`).

Guards against a server that never says "done": an empty page ends the walk whatever the
server claims is left (a ``totalPages`` that keeps growing), a cursor seen before is refused
with :class:`PagingError`, and a walk longer than ``max_pages`` (the client's
``Limits.max_pages``, 1,000 by default) is cut off with :class:`PagingError`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Hashable
from typing import Any, Generic, TypeVar

import attrs

from .errors import PagingError
from .limits import DEFAULT_MAX_PAGES
from .operations import OperationSpec, current_operation

T = TypeVar("T")
U = TypeVar("U")


@attrs.frozen
class Page(Generic[T]):
    """One page of results.

    Attributes:
        items: the objects on this page.
        next_cursor: what to pass to fetch the next page; None on the last page. Save it to
            resume a walk later with :meth:`AsyncPaginator.resume`.
        total_count: the total number of items, when the service says.
        page_number: this page's number, when the service numbers pages.
        total_pages: the number of pages, when the service says.
        page_size: the page size the service used, when it says (Smartsheet ``pageSize``).
    """

    items: list[T]
    next_cursor: Hashable | None = None
    total_count: int | None = None
    page_number: int | None = None
    total_pages: int | None = None
    page_size: int | None = None

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None


#: Loop turns granted to a prefetch before the current page is handed over (enough for the
#: limiter, the pooled connection and the request write when none of them has to wait).
_PREFETCH_HEAD_START = 4

FetchPage = Callable[[Hashable | None], Awaitable[Page[T]]]


class AsyncPaginator(Generic[T]):
    """Lazily walks a paged collection; nothing is sent until it is awaited or iterated.

    Args:
        fetch: fetches the page at a cursor (None for the first page).
        max_pages: a walk longer than this raises :class:`PagingError`.
        prefetch: fetch the next page while the caller processes the current one.
        start: the cursor of the first page (a saved :attr:`Page.next_cursor`); None starts
            at the beginning.
    """

    def __init__(
        self,
        fetch: FetchPage[T],
        *,
        max_pages: int = DEFAULT_MAX_PAGES,
        prefetch: bool = True,
        start: Hashable | None = None,
    ) -> None:
        self._fetch = fetch
        self._start = start
        self._max_pages = max_pages
        self._prefetch = prefetch
        # Pages are fetched after the method that made the paginator has returned; they are
        # judged by that method's operation declaration all the same.
        self._operation: OperationSpec | None = current_operation.get()

    async def _fetch_page(self, cursor: Hashable | None) -> Page[T]:
        token = current_operation.set(self._operation)
        try:
            return await self._fetch(cursor)
        finally:
            current_operation.reset(token)

    def __await__(self) -> Generator[Any, None, Page[T]]:
        return self._fetch_page(self._start).__await__()

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Yield every page in order."""
        seen: set[Hashable] = set()
        pending: asyncio.Future[Page[T]] | None = None
        cursor: Hashable | None = self._start
        try:
            for index in range(self._max_pages):
                page = await pending if pending is not None else await self._fetch_page(cursor)
                pending = None
                # An empty page is the end, even when the server says there are more.
                nxt = page.next_cursor if page.items else None
                if nxt is not None:
                    if nxt in seen:
                        raise PagingError(
                            f"the server sent the same next page twice ({nxt!r}); following a "
                            "repeated cursor would loop"
                        )
                    seen.add(nxt)
                    if self._prefetch and index + 1 < self._max_pages:
                        pending = asyncio.ensure_future(self._fetch_page(nxt))
                        # Let the fetch put its request on the wire now: a caller that works
                        # through the page without awaiting would otherwise not let it start
                        # until it asks for the next page, and nothing would overlap.
                        for _ in range(_PREFETCH_HEAD_START):
                            await asyncio.sleep(0)
                yield page
                if nxt is None:
                    return
                cursor = nxt
            raise PagingError(
                f"gave up after {self._max_pages} pages (Limits.max_pages); the walk does not end"
            )
        finally:
            if pending is not None and not pending.done():
                pending.cancel()
                with contextlib.suppress(BaseException):
                    await pending

    def resume(self, cursor: Hashable | None) -> AsyncPaginator[T]:
        """The same walk, starting at ``cursor`` (a :attr:`Page.next_cursor` saved earlier,
        for example a Smartsheet ``lastKey``); None starts from the first page."""
        paginator = AsyncPaginator(
            self._fetch, max_pages=self._max_pages, prefetch=self._prefetch, start=cursor
        )
        paginator._operation = self._operation
        return paginator

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def to_list(self) -> list[T]:
        """Every item of every page, in one list."""
        return [item async for item in self]

    def map(self, fn: Callable[[T], U]) -> AsyncPaginator[U]:
        """A paginator whose items are ``fn(item)``."""
        fetch = self._fetch

        async def mapped(cursor: Hashable | None) -> Page[U]:
            page = await fetch(cursor)
            return Page(
                [fn(i) for i in page.items],
                page.next_cursor,
                page.total_count,
                page.page_number,
                page.total_pages,
                page.page_size,
            )

        paginator = AsyncPaginator(
            mapped, max_pages=self._max_pages, prefetch=self._prefetch, start=self._start
        )
        paginator._operation = self._operation
        return paginator
