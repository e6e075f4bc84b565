"""Shared benchmark plumbing: repeated timings, peak memory, the machine, and tables."""

from __future__ import annotations

import asyncio
import gc
import os
import platform
import statistics
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from smartsuite.emulator import Emulator


@attrs.frozen
class Samples:
    """Repeated measurements of one quantity (seconds, unless said otherwise)."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def min(self) -> float:
        return min(self.values)

    @property
    def max(self) -> float:
        return max(self.values)


def time_calls(fn: Callable[[], Any], repeat: int) -> Samples:
    """Wall time of ``repeat`` calls of ``fn``, each after a full collection; the result of
    each call is dropped before the next one."""
    values = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        values.append(time.perf_counter() - start)
        del result
    return Samples(tuple(values))


def peak_bytes(fn: Callable[[], Any]) -> int:
    """Peak memory allocated while ``fn`` runs (tracemalloc), above what existed before."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return peak - before


def machine() -> str:
    """One line naming the machine the figures come from."""
    return (
        f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.system()}"
    )


def fmt_seconds(value: float) -> str:
    if value >= 100:
        return f"{value:.0f} s"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.1f} us"


def fmt_bytes(value: float) -> str:
    if value >= 1 << 30:
        return f"{value / (1 << 30):.2f} GiB"
    return f"{value / (1 << 20):.0f} MiB"


def fmt_ratio(value: float) -> str:
    return f"{value:.2f}x"


def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table (also valid Markdown) with a title line."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [f"### {title}", "", line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out.extend(line(r) for r in rows)
    return "\n".join(out) + "\n"


def emit(text: str) -> None:
    """Print a block and flush (benchmarks run long; show progress as it comes)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


class EmulatorThread:
    """The emulator serving from its own thread and event loop.

    The client under test keeps the main thread (and, for the official SDK, a worker thread),
    so the server's work does not run inside the loop being measured. Seed the emulator's state
    before the clients start; read it after they finish.
    """

    def __init__(self) -> None:
        from smartsuite.emulator import Emulator

        self.emu = Emulator()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="emulator", daemon=True)

    def __enter__(self) -> Emulator:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.emu.start(), self._loop).result()
        return self.emu

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.emu.close(), self._loop).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
