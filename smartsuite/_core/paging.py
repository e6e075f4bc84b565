"""One paging shape for every service.

``AsyncPaginator[T]`` wraps a ``fetch(cursor) -> Page[T]`` function: ``await paginator`` gives the
first page, ``async for item in paginator`` walks every item of every page, ``paginator.pages()``
yields pages. The next page is fetched while the caller works on the current one (prefetch):
one page ahead, started by the walk itself when a page is handed out, and cancelled as soon as
the caller stops (``break``, ``aclose()``, an exception in the loop body, or the iterator being
collected), so a walk the caller left sends nothing more. Pages are fetched in their own
tasks; once one is handed out, :func:`smartsuite.last_response` in the caller's task is its
answer.
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
from collections.abc import Awaitable, Callable, Generator, Hashable, Iterator
from typing import Any, Generic, TypeVar

import attrs

from .errors import PagingError
from .hooks import _last_response
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


FetchPage = Callable[[Hashable | None], Awaitable[Page[T]]]
#: A page and the raw answer it came in (for :func:`smartsuite.last_response`).
Loaded = tuple[Page[T], Any]


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

    def pages(self) -> PageWalk[T]:
        """Yield every page in order (an async iterator; ``aclose()`` stops the walk)."""
        return PageWalk(_Walk(self))

    def resume(self, cursor: Hashable | None) -> AsyncPaginator[T]:
        """The same walk, starting at ``cursor`` (a :attr:`Page.next_cursor` saved earlier,
        for example a Smartsheet ``lastKey``); None starts from the first page."""
        paginator = AsyncPaginator(
            self._fetch, max_pages=self._max_pages, prefetch=self._prefetch, start=cursor
        )
        paginator._operation = self._operation
        return paginator

    def __aiter__(self) -> ItemWalk[T]:
        return ItemWalk(self.pages())

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


class _Walk(Generic[T]):
    """The state of one walk, shared by the caller's iterator and the page fetch in flight.

    At most one page is fetched ahead: page n+1 is started when page n is handed out. When the
    caller is already waiting for page n, its fetch starts page n+1 in the step that finishes
    page n, so the next request's first step (on a pooled connection: writing it) runs before
    the caller resumes, whatever the caller then does with the page. The fetch holds this
    state, not the caller's :class:`PageWalk`, so dropping that iterator really drops it.
    """

    def __init__(self, paginator: AsyncPaginator[T]) -> None:
        self.paginator = paginator
        self.cursor: Hashable | None = paginator._start
        self.seen: set[Hashable] = set()
        self.handed = 0
        self.pending: asyncio.Task[Loaded[T]] | None = None
        self.waiting = False  # the caller is waiting for ``pending``
        self.done = False

    def spawn(self, cursor: Hashable | None) -> asyncio.Task[Loaded[T]]:
        task = asyncio.ensure_future(self.load(cursor))
        task.add_done_callback(_retrieve)
        return task

    def prefetch(self, index: int) -> None:
        """Start page ``index`` (from 0) at ``cursor``, unless it is running already."""
        paginator = self.paginator
        wanted = paginator._prefetch and index < paginator._max_pages
        if wanted and not self.done and self.pending is None:
            self.pending = self.spawn(self.cursor)

    async def load(self, cursor: Hashable | None) -> Loaded[T]:
        page = await self.paginator._fetch_page(cursor)
        # The fetch runs in its own task; the caller's last_response() is this page's answer.
        answer = _last_response.get()
        # An empty page is the end, even when the server says there are more.
        nxt = page.next_cursor if page.items else None
        if nxt is not None:
            if nxt in self.seen:
                raise PagingError(
                    f"the server sent the same next page twice ({nxt!r}); following a "
                    "repeated cursor would loop"
                )
            self.seen.add(nxt)
            self.cursor = nxt
            if self.waiting:  # this page is being handed out now
                self.prefetch(self.handed + 1)
        return page, answer

    def stop(self) -> asyncio.Task[Loaded[T]] | None:
        """End the walk and cancel the fetch in flight (safe from any thread)."""
        self.done = True
        task, self.pending = self.pending, None
        if task is not None and not task.done():
            loop = task.get_loop()
            with contextlib.suppress(RuntimeError):  # the loop is already closed
                if _running_loop() is loop:
                    task.cancel()
                else:
                    loop.call_soon_threadsafe(task.cancel)
        return task


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _retrieve(task: asyncio.Task[Any]) -> None:
    # A prefetch nobody awaits any more (the caller stopped) must not log "never retrieved".
    if not task.cancelled():
        task.exception()


class PageWalk(Generic[T]):
    """The pages of one walk (what :meth:`AsyncPaginator.pages` returns).

    The prefetch in flight is cancelled as soon as the caller stops: on ``aclose()``, when the
    caller's loop body raises or breaks (the iterator is dropped), or when it is collected.
    """

    def __init__(self, walk: _Walk[T]) -> None:
        self._walk = walk

    def __aiter__(self) -> PageWalk[T]:
        return self

    async def __anext__(self) -> Page[T]:
        walk = self._walk
        if walk.done:
            raise StopAsyncIteration
        if walk.handed >= walk.paginator._max_pages:
            walk.stop()
            raise PagingError(
                f"gave up after {walk.paginator._max_pages} pages (Limits.max_pages); the walk "
                "does not end"
            )
        task = walk.pending if walk.pending is not None else walk.spawn(walk.cursor)
        walk.pending = None
        walk.waiting = True
        try:
            page, answer = await task
        except BaseException:
            walk.stop()
            raise
        finally:
            walk.waiting = False
        walk.handed += 1
        if answer is not None:
            _last_response.set(answer)
        if not page.items or page.next_cursor is None:
            walk.done = True  # the last page (an empty page is the end)
        else:
            walk.prefetch(walk.handed)  # when the page was ready before the caller asked
        return page

    async def aclose(self) -> None:
        """Stop the walk; the prefetch in flight is cancelled and waited for."""
        task = self._walk.stop()
        if task is not None:
            await asyncio.wait([task])

    def __del__(self) -> None:
        self._walk.stop()


_END: Any = object()


class ItemWalk(Generic[T]):
    """The items of one walk (what ``async for item in paginator`` iterates)."""

    def __init__(self, pages: PageWalk[T]) -> None:
        self._pages = pages
        self._items: Iterator[T] = iter(())

    def __aiter__(self) -> ItemWalk[T]:
        return self

    async def __anext__(self) -> T:
        item = next(self._items, _END)
        while item is _END:
            self._items = iter((await self._pages.__anext__()).items)
            item = next(self._items, _END)
        return item

    async def aclose(self) -> None:
        """Stop the walk (see :meth:`PageWalk.aclose`)."""
        await self._pages.aclose()
