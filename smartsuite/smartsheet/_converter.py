"""The Smartsheet wire format: camelCase names, ISO or numeric dates."""

from __future__ import annotations

import typing
from typing import Any, TypeVar

from .._core import bytes_decode
from .._core.fast_structure import make_fast_structure_fn, without_gc
from .._core.serde import make_converter, to_camel
from .._core.serde import structure as structure_as
from .models.common import Result
from .models.sheets import Cell, Row, Sheet

CONVERTER = make_converter(camel_case=True)


def _exactly(cls: type) -> Any:
    # A predicate, not register_structure_hook(cls, ...): that would also catch subclasses
    # (ReportRow, ReportCell), which have fields of their own.
    return lambda t: t is cls


# Large sheets decode through generated functions for cells and rows (see _core/fast_structure.py).
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


def _is_result_of(tp: Any) -> bool:
    return typing.get_origin(tp) is Result


def _result_of(tp: Any) -> Any:
    """``Result[X]``: the envelope's own fields, then its payload decoded once as ``X``."""
    (payload_type,) = typing.get_args(tp)
    envelope = CONVERTER.get_structure_hook(Result)

    def structure(data: Any, _: Any) -> Any:
        decoded = envelope(data, Result)
        if decoded.result is not None:
            payload = structure_as(CONVERTER, decoded.result, payload_type)
            object.__setattr__(decoded, "result", payload)
        return decoded

    return structure


# A bare Result keeps its payload as sent (its field is typed by the parameter T).
CONVERTER.register_structure_hook_func(lambda t: isinstance(t, TypeVar), lambda v, _: v)
CONVERTER.register_structure_hook_factory(_is_result_of, _result_of)
