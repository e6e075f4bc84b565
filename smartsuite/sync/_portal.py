"""The portal: one asyncio event loop in a daemon thread, and blocking calls into it.

A :class:`Portal` is what anyio's ``from_thread.start_blocking_portal`` gives, written on plain
asyncio: :meth:`Portal.call` runs a coroutine on the portal's loop and blocks the calling
thread until it ends, with the coroutine's own result or exception. Any thread may call, as
many at once as it likes (they share the one loop); the portal's own loop thread may not,
since blocking there would wait forever on itself.

Ctrl-C (``KeyboardInterrupt``) while a caller waits cancels the coroutine's task, waits until
the task has finished cancelling (so a bulk result filled in place, or an upsert checkpoint, is
left as the async API leaves it on cancellation), then re-raises ``KeyboardInterrupt``. A
second Ctrl-C while the task winds down stops the wait at once.

The thread is a daemon and the loop is stopped by :meth:`Portal.close`, by a ``weakref``
finalizer when the portal is garbage collected, or at interpreter exit, whichever comes first.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import os
import selectors
import signal
import threading
import weakref
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from .._core.errors import SmartsuiteError

T = TypeVar("T")

#: How long closing waits for the loop's clean-up (closing HTTP sessions) before giving up.
CLOSE_TIMEOUT = 5.0

#: How often a waiting main thread wakes to let a Ctrl-C through.
SIGNAL_POLL = 0.1

Cleanup = Callable[[], Awaitable[object]]


class LoopThreadError(RuntimeError):
    """A blocking call was made from the facade's own event-loop thread.

    A programming error, so not a :class:`SmartsuiteError`: an upsert does not report it as
    an interruption, it propagates as it is.

    That happens in a callback the async code runs on its loop (``on_progress``, a token
    refresh hook, a ``map`` function) calling back into the sync client; it would wait for
    itself forever. Do the work after the call returns, or use the async client there.
    """


class ClientClosedError(SmartsuiteError, RuntimeError):
    """The sync client (and its event-loop thread) is closed."""


def _wait(done: concurrent.futures.Future[T]) -> T:
    """``done.result()``, waking now and then on the main thread: a signal may be delivered to
    another thread, and the main thread only raises ``KeyboardInterrupt`` when it runs Python
    code, never while blocked on a lock."""
    if threading.current_thread() is not threading.main_thread():
        return done.result()
    while True:
        try:
            return done.result(SIGNAL_POLL)
        except TimeoutError:
            continue


class _LoopThread:
    """The loop, its thread and the clean-ups to run before stopping. Holds no reference to
    the :class:`Portal` handle, so the handle's finalizer can run."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.cleanups: list[Cleanup] = []
        self.closed = False
        self.forked = False
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()
        self.ident = self.thread.ident
        _CORES.add(self)

    def _run(self) -> None:
        loop = self.loop
        if hasattr(signal, "pthread_sigmask"):
            # Ctrl-C is for the thread that waits on us; blocking it here lets the kernel
            # deliver it there (and to the executor threads this loop starts, which inherit it).
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
            tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in tasks:
                task.cancel()
            if tasks:
                loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()

    async def _run_cleanups(self) -> None:
        for cleanup in reversed(self.cleanups):
            with contextlib.suppress(Exception):
                await cleanup()
        self.cleanups.clear()

    def shutdown(self) -> None:
        """Run the clean-ups, stop the loop and join the thread (idempotent)."""
        with self.lock:
            if self.closed:
                return
            self.closed = True
        if threading.get_ident() == self.ident:
            # Collected on the loop thread itself: nothing may block here.
            task = self.loop.create_task(self._run_cleanups())
            task.add_done_callback(lambda _: self.loop.stop())
            return
        with contextlib.suppress(Exception):
            done = asyncio.run_coroutine_threadsafe(self._run_cleanups(), self.loop)
            done.result(CLOSE_TIMEOUT)
        with contextlib.suppress(RuntimeError):  # the loop may be closed already
            self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(CLOSE_TIMEOUT)


#: Every loop thread of this process, so that a fork can mark them unusable in the child.
_CORES: weakref.WeakSet[_LoopThread] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    # The child has no copy of the loop threads: a call would wait forever (gunicorn
    # --preload, multiprocessing's fork). Refuse instead, and never try to stop them.
    for core in list(_CORES):
        core.forked = True
        core.closed = True
        core.lock = threading.Lock()  # another thread may have held it at the fork
        _detach_selector(core.loop)


def _detach_selector(loop: asyncio.AbstractEventLoop) -> None:
    """Give the child's copy of a parent loop a selector of its own.

    An epoll instance is shared across fork (epoll(7), "Questions and answers" 6): when the
    child drops the async client (at exit, its connections are collected), each transport's
    close unregisters its socket from that shared instance, so the parent's loop never again
    hears its keep-alive connection answer and the parent's next call waits forever. Against
    an empty selector of the child's own those unregisterings find nothing to remove.
    """
    selector = getattr(loop, "_selector", None)  # asyncio's selector loops (not uvloop)
    if isinstance(selector, selectors.BaseSelector):
        loop._selector = selectors.DefaultSelector()  # type: ignore[attr-defined]


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class Portal:
    """A running event loop in a daemon thread.

    Args:
        name: the thread's name.
    """

    def __init__(self, name: str = "smartsuite-sync") -> None:
        self._core = _LoopThread(name)
        self._finalizer = weakref.finalize(self, self._core.shutdown)

    @property
    def closed(self) -> bool:
        return self._core.closed

    @property
    def thread(self) -> threading.Thread:
        return self._core.thread

    def in_loop_thread(self) -> bool:
        """True when called from the portal's own loop thread."""
        return threading.get_ident() == self._core.ident

    def on_close(self, cleanup: Cleanup) -> None:
        """Run ``await cleanup()`` on the loop when the portal closes (last added, first run)."""
        self._core.cleanups.append(cleanup)

    def close(self) -> None:
        """Run the clean-ups, stop the loop and end the thread. Safe to call twice."""
        self._finalizer()

    def _refuse(self, what: object) -> None:
        if self._core.forked:
            raise ClientClosedError(
                "this sync client was made in the parent process before a fork; its event-loop "
                "thread does not exist here: make the client in each worker process"
            )
        if self._core.closed:
            raise ClientClosedError("the sync client is closed; make a new one")
        if threading.get_ident() == self._core.ident:
            raise LoopThreadError(
                f"smartsuite.sync: {what} was called from the client's own event-loop thread "
                "(from a callback such as on_progress?); it would wait for itself forever. "
                "Call it after the operation returns, or use the async client there."
            )

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the loop and block until it ends; its result, or its exception.

        Raises:
            LoopThreadError: called from the loop thread.
            ClientClosedError: the portal is closed.
            KeyboardInterrupt: Ctrl-C while waiting; the task was cancelled and has ended.
        """
        try:
            self._refuse(getattr(coro, "__qualname__", "a coroutine"))
        except BaseException:
            coro.close()
            raise
        done: concurrent.futures.Future[T] = concurrent.futures.Future()
        context = contextvars.copy_context()
        holder: list[asyncio.Task[T]] = []
        loop = self._core.loop

        def finish(task: asyncio.Task[T]) -> None:
            if task.cancelled():
                done.cancel()
            elif done.set_running_or_notify_cancel():
                exc = task.exception()
                if exc is None:
                    done.set_result(task.result())
                else:
                    done.set_exception(exc)

        def start() -> None:
            task = loop.create_task(coro, context=context)
            holder.append(task)
            task.add_done_callback(finish)

        try:
            loop.call_soon_threadsafe(start)
        except RuntimeError:  # the loop closed between the check and now
            coro.close()
            raise ClientClosedError("the sync client is closed; make a new one") from None
        try:
            return _wait(done)
        except concurrent.futures.CancelledError:
            if self._core.closed:
                raise ClientClosedError("the sync client was closed during the call") from None
            raise
        except BaseException:
            if done.done():
                raise
            # Interrupted while waiting (Ctrl-C): cancel the task and let it wind down; the
            # call_soon_threadsafe queue is FIFO, so the task exists when this runs.
            loop.call_soon_threadsafe(lambda: holder[0].cancel() if holder else None)
            with contextlib.suppress(concurrent.futures.CancelledError, Exception):
                _wait(done)
            raise

    def call_soon(self, coro: Coroutine[Any, Any, object]) -> None:
        """Start ``coro`` on the loop without waiting (dropped if the portal is closed)."""
        try:
            self._core.loop.call_soon_threadsafe(self._core.loop.create_task, coro)
        except RuntimeError:
            coro.close()

    def run_sync(self, fn: Callable[[], T]) -> T:
        """Run a plain function on the loop thread and block for its result."""

        async def run() -> T:
            return fn()

        return self.call(run())

    def __repr__(self) -> str:
        state = "closed" if self.closed else "running"
        return f"<Portal {self._core.thread.name} {state}>"


__all__ = ["ClientClosedError", "LoopThreadError", "Portal"]
