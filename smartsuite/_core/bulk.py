"""Bulk writes: split into batches, run them, and account for every input item.

Every input item ends in exactly one state, by its index in the caller's input:
``LANDED`` (with the server's object), ``FAILED`` (with the error), ``UNKNOWN`` (the request was
sent but its answer was lost: re-read to reconcile), or ``NOT_SENT`` (the run stopped first).
Nothing is dropped silently.

A bulk write returns its result rather than raising, so the rows that landed keep their ids
next to the ones that did not. Check it: ``result.raise_for_failures()`` (it returns the result,
so ``result = (await ss.rows.add(...)).raise_for_failures()`` reads as one step), or look at
``result.ok`` / ``result.failed`` / ``result.unknown``. A result with failures that is dropped
without anyone looking at it warns (:class:`UncheckedResultWarning`, at the caller's line), the
way asyncio reports a task exception that was never retrieved.
"""

from __future__ import annotations

import asyncio
import enum
import os
import sys
import warnings
from collections.abc import Awaitable, Callable, Iterator, Sequence
from types import FrameType
from typing import Any, Generic, Self, TypeVar, overload

import attrs

from .errors import (
    AuthenticationError,
    ConfigurationError,
    OutcomeUnknownError,
    PermissionDeniedError,
    SmartsuiteError,
)
from .locks import WriteLocks

I = TypeVar("I")  # noqa: E741 - input item
T = TypeVar("T")  # server object
P = TypeVar("P")  # what is sent for one item (its wire form)


class Outcome(enum.Enum):
    LANDED = "landed"
    FAILED = "failed"
    UNKNOWN = "unknown"
    NOT_SENT = "not_sent"


@attrs.frozen
class ItemResult(Generic[T]):
    """The fate of one input item.

    Attributes:
        index: position in the caller's input.
        outcome: what happened to it.
        value: the server's object for it (for example the added Row, with its id).
        error: why it failed, or why its outcome is unknown.
    """

    index: int
    outcome: Outcome
    value: T | None = None
    error: SmartsuiteError | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.LANDED

    @property
    def status(self) -> int | None:
        """The HTTP status of this item's error (for a failed row of a partial-success write,
        the status its error code carries), None when there is none."""
        status = getattr(self.error, "status", None)
        return status if isinstance(status, int) else None

    @property
    def code(self) -> int | str | None:
        """The service's error code of this item's error (Smartsheet ``errorCode``), if any."""
        code = getattr(self.error, "code", None)
        return code if isinstance(code, int | str) else None


class UncheckedResultWarning(UserWarning):
    """A bulk result with failed, unknown or unsent items was dropped without being checked."""


class BulkWriteError(SmartsuiteError):
    """Some items of a bulk write did not land; ``.result`` says which."""

    def __init__(self, result: BulkResult[object]) -> None:
        self.result = result
        super().__init__(result.summary())


@attrs.define
class BulkResult(Generic[T]):
    """Per-item results of a bulk write, in input order.

    Attributes:
        items: one :class:`ItemResult` per input item, ``items[i].index == i``.
        requests: how many batch requests were sent.
    """

    items: list[ItemResult[T]]
    requests: int = 0
    # Who got this result (file, line, module) and whether they looked at its outcome.
    _caller: tuple[str, int, str] | None = attrs.field(default=None, init=False, eq=False)
    _checked: bool = attrs.field(default=False, init=False, eq=False)

    @classmethod
    def pending(cls, count: int) -> BulkResult[T]:
        return cls([ItemResult(i, Outcome.NOT_SENT) for i in range(count)])

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[ItemResult[T]]:
        self._checked = True
        return iter(self.items)

    def __getitem__(self, index: int) -> ItemResult[T]:
        self._checked = True
        return self.items[index]

    def _with(self, outcome: Outcome) -> list[ItemResult[T]]:
        if outcome is not Outcome.LANDED:
            self._checked = True
        return [r for r in self.items if r.outcome is outcome]

    @property
    def landed(self) -> list[ItemResult[T]]:
        return self._with(Outcome.LANDED)

    @property
    def failed(self) -> list[ItemResult[T]]:
        return self._with(Outcome.FAILED)

    @property
    def unknown(self) -> list[ItemResult[T]]:
        return self._with(Outcome.UNKNOWN)

    @property
    def not_sent(self) -> list[ItemResult[T]]:
        return self._with(Outcome.NOT_SENT)

    @property
    def ok(self) -> bool:
        self._checked = True
        return all(r.ok for r in self.items)

    def values(self) -> list[T]:
        """The server objects of the landed items, in input order."""
        return [r.value for r in self.items if r.ok and r.value is not None]

    def summary(self) -> str:
        self._checked = True
        return (
            f"{len(self.items)} items: {len(self.landed)} landed, {len(self.failed)} failed, "
            f"{len(self.unknown)} unknown, {len(self.not_sent)} not sent "
            f"({self.requests} requests)"
        )

    def raise_for_failures(self) -> Self:
        """Raise :class:`BulkWriteError` (with this result as ``.result``) unless every item
        landed; else return the result, for ``r = (await ss.rows.add(...)).raise_for_failures()``.
        """
        if not self.ok:
            raise BulkWriteError(self)  # type: ignore[arg-type]
        return self

    def _hand_out(self) -> None:
        """Remember the caller, so a failed result dropped unchecked can point at them."""
        self._caller = _caller_outside_smartsuite()

    def __del__(self) -> None:
        if self._checked or self._caller is None:
            return
        if all(r.outcome is Outcome.LANDED for r in self.items):
            return
        try:
            filename, lineno, module = self._caller
            warnings.warn_explicit(
                f"a bulk write's result was dropped without being checked ({self.summary()}); "
                "call result.raise_for_failures() or look at result.failed / result.unknown",
                UncheckedResultWarning,
                filename,
                lineno,
                module=module,
            )
        except Exception:  # noqa: S110 - interpreter shutdown: nothing left to warn with
            pass

    def __repr__(self) -> str:
        return f"BulkResult({self.summary()})"


_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _caller_outside_smartsuite() -> tuple[str, int, str] | None:
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not filename.startswith(_PACKAGE_DIR + os.sep):
            return filename, frame.f_lineno, frame.f_globals.get("__name__", "")
        frame = frame.f_back
    return None


#: A batch sender returns, for each item of the batch in order, (outcome, value, error).
BatchOutcome = tuple[Outcome, T | None, SmartsuiteError | None]
SendBatch = Callable[[Sequence[I]], Awaitable[Sequence[BatchOutcome[T]]]]
#: Builds what is sent for one batch from its items and the index of the first in the input.
PrepareBatch = Callable[[Sequence[I], int], P]
#: Sends one prepared batch; answers as :data:`SendBatch` does.
SendPrepared = Callable[[P], Awaitable[Sequence[BatchOutcome[T]]]]

# After one of these, later batches would fail the same way: stop and mark them NOT_SENT.
_FATAL = (AuthenticationError, PermissionDeniedError, ConfigurationError)


def chunk(count: int, size: int) -> list[range]:
    """Index ranges of at most ``size`` items covering ``range(count)``."""
    if size <= 0:
        raise ConfigurationError(f"batch size must be > 0, got {size}")
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


@overload
async def run_in_batches(
    items: Sequence[I],
    send: SendBatch[I, T],
    *,
    batch_size: int,
    locks: WriteLocks | None = None,
    lock_key: str | None = None,
    result: BulkResult[T] | None = None,
) -> BulkResult[T]: ...


@overload
async def run_in_batches(
    items: Sequence[I],
    send: SendPrepared[P, T],
    *,
    batch_size: int,
    locks: WriteLocks | None = None,
    lock_key: str | None = None,
    result: BulkResult[T] | None = None,
    prepare: PrepareBatch[I, P],
) -> BulkResult[T]: ...


async def run_in_batches(
    items: Sequence[Any],
    send: Callable[[Any], Awaitable[Sequence[BatchOutcome[T]]]],
    *,
    batch_size: int,
    locks: WriteLocks | None = None,
    lock_key: str | None = None,
    result: BulkResult[T] | None = None,
    prepare: PrepareBatch[Any, Any] | None = None,
) -> BulkResult[T]:
    """Send ``items`` in batches of ``batch_size``, one batch after another.

    Args:
        items: the input items.
        send: sends one batch and reports each item's outcome.
        batch_size: the largest batch (500 for Smartsheet rows).
        locks / lock_key: hold this write lock around each batch, so that writes to one object
            stay serial even across concurrent callers (or processes, with the Redis locks).
        result: a result to fill in place; pass one to keep a correct partial result if the
            task is cancelled part-way.
        prepare: builds what ``send`` gets for a batch (``prepare(batch_items, first_index)``,
            for example its JSON body), called just before that batch is sent and outside the
            write lock, so a large write starts after one batch is encoded rather than all of
            them. If it raises a :class:`SmartsuiteError`, that batch and every later one are
            ``NOT_SENT`` with it as their error (nothing of them went out).

    Returns:
        The :class:`BulkResult`, one entry per input item.
    """
    res: BulkResult[T] = result if result is not None else BulkResult.pending(len(items))
    if len(res.items) != len(items):
        raise ConfigurationError("result must have one entry per item")
    fatal: SmartsuiteError | None = None
    unsent: SmartsuiteError | None = None
    for batch in chunk(len(items), batch_size):
        if unsent is not None:
            for i in batch:
                res.items[i] = ItemResult(i, Outcome.NOT_SENT, None, unsent)
            continue
        if fatal is not None:
            for i in batch:
                res.items[i] = ItemResult(i, Outcome.NOT_SENT, None, fatal)
            continue
        part: Any = [items[i] for i in batch]
        if prepare is not None:
            try:
                part = prepare(part, batch.start)
            except SmartsuiteError as exc:
                unsent = exc
                for i in batch:
                    res.items[i] = ItemResult(i, Outcome.NOT_SENT, None, exc)
                continue
        try:
            res.requests += 1
            if locks is not None and lock_key is not None:
                async with locks.hold(lock_key):
                    outcomes = await send(part)
            else:
                outcomes = await send(part)
        except asyncio.CancelledError:
            for i in batch:
                res.items[i] = ItemResult(
                    i, Outcome.UNKNOWN, None, OutcomeUnknownError("cancelled while in flight")
                )
            raise
        except OutcomeUnknownError as exc:
            for i in batch:
                res.items[i] = ItemResult(i, Outcome.UNKNOWN, None, exc)
            continue
        except SmartsuiteError as exc:
            for i in batch:
                res.items[i] = ItemResult(i, Outcome.FAILED, None, exc)
            if isinstance(exc, _FATAL):
                fatal = exc
            continue
        if len(outcomes) != len(batch):
            err = OutcomeUnknownError(
                f"the server answered {len(outcomes)} results for a batch of {len(batch)}"
            )
            for i in batch:
                res.items[i] = ItemResult(i, Outcome.UNKNOWN, None, err)
            continue
        for i, (outcome, value, error) in zip(batch, outcomes, strict=True):
            res.items[i] = ItemResult(i, outcome, value, error)
    res._hand_out()
    return res
