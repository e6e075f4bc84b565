"""Pausing the cyclic garbage collector while a large body becomes a million objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: Objects allocated under :func:`collector_paused` above which it collects the young
#: generations on the way out.
PROMOTE_AFTER = 10_000


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large body is decoded, then move what it
    made to the oldest generation.

    A decode allocates a million objects in one go and makes no reference cycles. Left on, the
    collector would walk the fresh objects again and again as they pile up; merely paused, they
    would all wait in the youngest generation, and the first collections after the decode would
    walk all of them twice (young, then middle) in whatever the caller does next (0.2 s per
    walk for a 500,000-cell sheet on a loaded 2-core box). Young collections look for cycles
    among new objects, and these have none, so on the way out, when many objects were made,
    ``gc.freeze()`` + ``gc.unfreeze()`` move every tracked object to the oldest generation
    unwalked: full collections still see them. The price: other young objects of the process
    are moved too, so cyclic garbage among them waits for the next full collection. When the
    application keeps objects frozen itself (``gc.freeze()`` before forking workers), which
    unfreezing would undo, one collection of the young generations does the move instead.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        if gc.get_count()[0] > PROMOTE_AFTER:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            else:
                gc.collect(1)


__all__ = ["PROMOTE_AFTER", "collector_paused"]
