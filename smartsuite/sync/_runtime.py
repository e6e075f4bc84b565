"""What the generated sync classes are made of: the facade bases, the sync :class:`Paginator`
and the helpers that move arguments and results across the portal.

Nothing here knows an API method; the generated modules (``_smartsheet.py`` ...) hold those.
"""

from __future__ import annotations

import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Hashable, Iterator
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

from .._core.paging import AsyncPaginator, Page
from ._portal import Portal

T = TypeVar("T")
U = TypeVar("U")


class Facade:
    """Base of every generated sync class: the portal, and the async object it fronts."""

    _target: Any

    def __init__(self, portal: Portal, target: Any) -> None:
        self._portal = portal
        self._target = target

    def _view(self, target: Any) -> Self:
        """A sibling facade (``with_options``) on the same portal."""
        view = type(self).__new__(type(self))
        Facade.__init__(view, self._portal, target)
        return view

    def __repr__(self) -> str:
        return f"<sync {self._target!r}>"


class ClientFacade(Facade):
    """Base of the sync clients: each owns a portal (its event-loop thread), closed by
    :meth:`close`, by leaving ``with``, when the client is garbage collected, or at exit."""

    @staticmethod
    def _start(name: str, build: Callable[[], T]) -> tuple[Portal, T]:
        """A new portal, and the async client ``build`` makes on its loop thread."""
        portal = Portal(f"smartsuite-sync-{name}")
        try:
            target = portal.run_sync(build)
        except BaseException:
            portal.close()
            raise
        portal.on_close(target.aclose)  # type: ignore[attr-defined]
        return portal, target

    @property
    def closed(self) -> bool:
        """True once the client is closed (its loop thread has stopped)."""
        return self._portal.closed

    def close(self) -> None:
        """Close the HTTP session and stop the client's event-loop thread. Views made by
        ``with_options`` share them, so closing any of them closes all."""
        self._portal.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


async def _first(paginator: Awaitable[T]) -> T:
    return await paginator


async def _next(iterator: AsyncIterator[T]) -> tuple[bool, T | None]:
    try:
        return True, await anext(iterator)
    except StopAsyncIteration:
        return False, None


def iterate(portal: Portal, iterator: AsyncIterator[T]) -> Iterator[T]:
    """A plain iterator over an async one: one portal call per item. Leaving the loop early
    closes the async generator on its loop (cancelling any prefetch)."""
    try:
        while True:
            more, item = portal.call(_next(iterator))
            if not more:
                return
            yield item  # type: ignore[misc]
    finally:
        close = getattr(iterator, "aclose", None)
        if close is not None and not portal.closed:
            if portal.in_loop_thread():
                portal.call_soon(close())
            else:
                portal.call(close())


async def _enter(manager: AbstractAsyncContextManager[T]) -> T:
    return await manager.__aenter__()


async def _exit(
    manager: AbstractAsyncContextManager[Any],
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
) -> bool | None:
    return await manager.__aexit__(exc_type, exc, tb)


class SyncContext(AbstractContextManager[T]):
    """A plain ``with`` over an async context manager, entered and left on the portal."""

    def __init__(self, portal: Portal, target: AbstractAsyncContextManager[T]) -> None:
        self._portal = portal
        self._target = target

    def __enter__(self) -> T:
        return self._portal.call(_enter(self._target))

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        return self._portal.call(_exit(self._target, exc_type, exc, tb))


def context(portal: Portal, manager: AbstractAsyncContextManager[T]) -> SyncContext[T]:
    """The sync face of an async context manager a method returned."""
    return SyncContext(portal, manager)


class Paginator(Generic[T]):
    """The sync face of :class:`~smartsuite.AsyncPaginator`: ``for item in paginator``.

    Nothing is sent until it is iterated. Pages are fetched through the client's loop, the
    next one while your loop body works on the current one (as in the async API).
    """

    def __init__(self, portal: Portal, target: AsyncPaginator[T]) -> None:
        self._portal = portal
        self._target = target

    def first_page(self) -> Page[T]:
        """The first page only (``await paginator`` in the async API)."""
        return self._portal.call(_first(self._target))

    def pages(self) -> Iterator[Page[T]]:
        """Every page in order."""
        return iterate(self._portal, aiter(self._target.pages()))

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items

    def to_list(self) -> list[T]:
        """Every item of every page, in one list."""
        return self._portal.call(self._target.to_list())

    def resume(self, cursor: Hashable | None) -> Paginator[T]:
        """The same walk, starting at ``cursor`` (a :attr:`Page.next_cursor` saved earlier,
        for example a Smartsheet ``lastKey``); None starts from the first page."""
        return Paginator(self._portal, self._target.resume(cursor))

    def map(self, fn: Callable[[T], U]) -> Paginator[U]:
        """A paginator whose items are ``fn(item)`` (``fn`` runs on the client's loop thread,
        so it must not call the sync client)."""
        return Paginator(self._portal, self._target.map(fn))

    def __repr__(self) -> str:
        return f"<sync Paginator {self._target!r}>"


#: Async objects made by sync functions (ETL targets), and the portal their client runs on.
_BOUND: weakref.WeakKeyDictionary[Any, Portal] = weakref.WeakKeyDictionary()


def unwrap(value: Any) -> Any:
    """The async object behind a facade (a client, a table, a paginator); others as given."""
    if isinstance(value, Facade | Paginator):
        return value._target
    return value


def materialize(value: Any) -> Any:
    """A sync paginator given where a plain iterable is expected, read here into a list (the
    async code would iterate it on the loop thread, which cannot block on the portal)."""
    if isinstance(value, Paginator):
        return value.to_list()
    return value


def bind(obj: T, portal: Portal | None) -> T:
    """Remember that ``obj`` (an async object made from a sync client) runs on ``portal``."""
    if portal is not None:
        _BOUND[obj] = portal
    return obj


def portal_of(*values: Any) -> Portal | None:
    """The portal of the first facade (or bound object) among ``values``."""
    for value in values:
        if isinstance(value, Facade | Paginator):
            return value._portal
        try:
            found = _BOUND.get(value)
        except TypeError:  # not weak-referenceable, so never bound
            found = None
        if found is not None:
            return found
    return None


def run(portal: Portal | None, coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` on ``portal``; with none (no client among the arguments), on a portal made
    for this one call."""
    if portal is not None:
        return portal.call(coro)
    once = Portal("smartsuite-sync-call")
    try:
        return once.call(coro)
    finally:
        once.close()


def wrap_paginator(portal: Portal | None, target: AsyncPaginator[T]) -> Paginator[T]:
    """A sync paginator over ``target`` (a portal is needed: the client's)."""
    if portal is None:
        raise TypeError("a sync paginator needs a sync client among the arguments")
    return Paginator(portal, target)


__all__ = [
    "ClientFacade",
    "Facade",
    "Paginator",
    "SyncContext",
    "bind",
    "context",
    "iterate",
    "materialize",
    "portal_of",
    "run",
    "unwrap",
    "wrap_paginator",
]
