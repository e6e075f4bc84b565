"""Shared benchmark plumbing: fresh-process rounds, timings, memory, the machine, tables.

Every measured run happens in a fresh (spawned) process, so one contender's garbage, caches and
heap never reach the next, and resident memory (``ru_maxrss``) means something. Rounds are
interleaved (each round runs every contender once) so drifting machine load hits all alike.
"""

from __future__ import annotations

import gc
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

import attrs

from ._server import SPAWN

T = TypeVar("T")


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


def fresh(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in a fresh spawned process; ``fn`` must be module-level, its result
    picklable."""
    with ProcessPoolExecutor(max_workers=1, mp_context=SPAWN) as pool:
        return pool.submit(fn, *args).result()


def maxrss_bytes() -> int:
    """This process's resident high-water mark.

    ``VmHWM`` from ``/proc/self/status`` where there is one (Linux), else ``ru_maxrss``. They
    are the same figure, except that Linux carries ``ru_maxrss`` over from the parent through
    fork and exec: a spawned child of a parent that once held 1 GiB reports 1 GiB before it
    did anything, and its growth would read as zero.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def rss_growth(fn: Callable[[], Any]) -> tuple[float, int]:
    """(wall seconds, resident growth in bytes) of one call of ``fn``: the rise of this
    process's ``ru_maxrss`` during the call. Meaningful in a fresh process whose high-water
    mark before the call is what it holds (see :func:`fresh`)."""
    gc.collect()
    before = maxrss_bytes()
    start = time.perf_counter()
    result = fn()
    wall = time.perf_counter() - start
    growth = maxrss_bytes() - before
    del result
    return wall, max(0, growth)


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes), to print next to figures."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"


def interleave(
    contenders: Sequence[tuple[str, Callable[[int], T]]], rounds: int
) -> dict[str, list[T]]:
    """Run every contender once per round, in order, ``rounds`` times; results by name.
    Each callable gets the round number."""
    out: dict[str, list[T]] = {name: [] for name, _ in contenders}
    for round_no in range(rounds):
        for name, run in contenders:
            out[name].append(run(round_no))
    return out


def paired_ratios(values: Sequence[float], baseline: Sequence[float]) -> Samples:
    """Each round's value over the baseline's value in the same round."""
    return Samples(tuple(v / b for v, b in zip(values, baseline, strict=False) if b))


def ratio_table(
    title: str,
    baseline: str,
    values: Mapping[str, Sequence[float]],
    fmt: Callable[[float], str] = lambda v: fmt_seconds(v),
    *,
    quantity: str = "time",
) -> str:
    """Median, min and max of each contender, and its ratio to ``baseline`` round by round
    (median, min, max of the per-round ratios)."""
    base = values[baseline]
    rows = []
    for name, vals in values.items():
        s = Samples(tuple(vals))
        r = paired_ratios(vals, base)
        rows.append(
            (
                name,
                fmt(s.median),
                fmt(s.min),
                fmt(s.max),
                fmt_ratio(r.median) if r.values else "-",
                f"{fmt_ratio(r.min)} - {fmt_ratio(r.max)}" if r.values else "-",
            )
        )
    headers = (
        "contender",
        f"{quantity} median",
        "min",
        "max",
        "vs baseline (median)",
        "vs baseline (min - max)",
    )
    return table(title, headers, rows)
