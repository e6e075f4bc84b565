"""Generated structure functions for the hot models (cells and rows of large sheets).

A 20,000-row sheet holds 500,000 cells. cattrs' generic hooks cost several microseconds per
cell; the functions generated here read the wire keys once each, check the common types with
``type(v) is T`` and set the slots directly. Anything off the fast path (a wrong type, a value
cattrs would coerce, a bad timestamp) re-runs the cattrs hook for that object, so results and
error messages stay exactly those of the converter.
"""

from __future__ import annotations

import gc
import typing
from collections.abc import Callable
from types import NoneType, UnionType
from typing import Any, TypeVar

import attrs
import cattrs

from .._core.serde import to_camel

T = TypeVar("T")
Hook = Callable[[Any, Any], Any]

_SCALARS = (int, str, bool)


def _optional_inner(tp: Any) -> Any:
    """``X`` for ``X | None``; ``tp`` itself otherwise."""
    if isinstance(tp, UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not NoneType]
        if len(args) == 1:
            return args[0]
    return tp


def _field_code(name: str, wire: str, tp: Any, env: dict[str, Any], conv: cattrs.Converter) -> str:
    """Statements that read ``wire`` from ``d`` into ``o.<name>`` (or bail to the slow path)."""
    read = f"    v = g({wire!r})\n"
    inner = _optional_inner(tp)
    if tp is Any:
        return read + f"    o.{name} = v\n"
    if inner in _SCALARS:
        env[f"t_{name}"] = inner
        check = f"    if v is not None and type(v) is not t_{name}: return slow(d, cls)\n"
        return read + check + f"    o.{name} = v\n"
    origin, args = typing.get_origin(inner), typing.get_args(inner)
    if origin is dict and args == (str, Any):
        # Decoded JSON objects are taken as they are (cattrs would copy them key by key).
        return read + (
            f"    if v is not None and type(v) is not dict: return slow(d, cls)\n    o.{name} = v\n"
        )
    if origin is list and len(args) == 1 and attrs.has(args[0]):
        env[f"h_{name}"] = conv.get_structure_hook(args[0])
        env[f"c_{name}"] = args[0]
        return read + (
            f"    if v is not None:\n"
            f"        if type(v) is not list: return slow(d, cls)\n"
            f"        v = [h_{name}(e, c_{name}) for e in v]\n"
            f"    o.{name} = v\n"
        )
    # Everything else (timestamps, lists of dicts or strings, nested models) goes through the
    # converter's own hook for the field's type; a failure re-runs the whole object slowly.
    env[f"h_{name}"] = conv.get_structure_hook(tp)
    env[f"tp_{name}"] = tp
    return read + f"    if v is not None:\n        v = h_{name}(v, tp_{name})\n    o.{name} = v\n"


def make_fast_structure_fn(cls: type[T], conv: cattrs.Converter) -> Callable[[Any, Any], T]:
    """A structure function for the attrs class ``cls`` with camelCase wire names.

    Every init field must default to a constant and have no validator or converter; fields
    with ``init=False`` are set to their default.

    Raises:
        TypeError: ``cls`` does not fit those rules.
    """
    slow: Hook = conv.get_structure_hook(cls)
    hints = typing.get_type_hints(cls)
    env: dict[str, Any] = {"cls": cls, "slow": slow, "new": object.__new__}
    body = ["def structure(d, _=None):\n", "    if type(d) is not dict: return slow(d, cls)\n"]
    body.append("    g = d.get\n    o = new(cls)\n    try:\n")
    tail: list[str] = []
    for field in attrs.fields(cls):  # type: ignore[arg-type]
        if field.validator is not None or field.converter is not None:
            raise TypeError(f"{cls.__name__}.{field.name} has a validator or converter")
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{field.name} has a factory default")
        if not field.init:
            env[f"d_{field.name}"] = field.default
            tail.append(f"    o.{field.name} = d_{field.name}\n")
            continue
        code = _field_code(field.name, to_camel(field.name), hints[field.name], env, conv)
        body.extend("    " + line + "\n" for line in code.splitlines())
    body.append("    except Exception:\n        return slow(d, cls)\n")
    body.extend(tail)
    if hasattr(cls, "__attrs_post_init__"):
        body.append("    o.__attrs_post_init__()\n")
    body.append("    return o\n")
    source = "".join(body)
    compiled = compile(source, f"<fast structure {cls.__name__}>", "exec")
    exec(compiled, env)  # noqa: S102 - generated from the class's own fields, as cattrs does
    fn: Callable[[Any, Any], T] = env["structure"]
    return fn


def without_gc(hook: Callable[[Any, Any], T]) -> Callable[[Any, Any], T]:
    """``hook`` with the cyclic garbage collector paused while it runs.

    Decoding a large sheet allocates a million objects in one go; each allocation burst
    triggers collections that walk the whole freshly parsed body again, which costs more than
    building the objects. The decode creates no reference cycles, so nothing is lost by
    collecting afterwards instead.
    """

    def structure(data: Any, cls: Any) -> T:
        if not gc.isenabled():
            return hook(data, cls)
        gc.disable()
        try:
            return hook(data, cls)
        finally:
            gc.enable()

    return structure
