"""The Smartsheet wire format: camelCase names, ISO or numeric dates."""

from __future__ import annotations

from typing import Any

from .._core import bytes_decode
from .._core.serde import make_converter, to_camel
from ._fast_structure import make_fast_structure_fn, without_gc
from .models.sheets import Cell, Row, Sheet

CONVERTER = make_converter(camel_case=True)


def _exactly(cls: type) -> Any:
    # A predicate, not register_structure_hook(cls, ...): that would also catch subclasses
    # (ReportRow, ReportCell), which have fields of their own.
    return lambda t: t is cls


# Large sheets decode through generated functions for cells and rows (see _fast_structure).
CONVERTER.register_structure_hook_func(_exactly(Cell), make_fast_structure_fn(Cell, CONVERTER))
CONVERTER.register_structure_hook_func(_exactly(Row), make_fast_structure_fn(Row, CONVERTER))
CONVERTER.register_structure_hook_func(
    _exactly(Sheet), without_gc(CONVERTER.get_structure_hook(Sheet))
)

# Large sheets are read straight from the body's bytes when msgspec is installed (see
# bytes_decode), row by row so that a row off the fast path costs only itself.
bytes_decode.register(
    CONVERTER, Sheet, lambda _, name: to_camel(name), per_item=frozenset({"rows"})
)
