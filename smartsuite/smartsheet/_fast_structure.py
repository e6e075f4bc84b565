"""Generated structure functions for the hot models (cells and rows of large sheets).

A 20,000-row sheet holds 500,000 cells. cattrs' generic hooks cost several microseconds per
cell; the functions generated here read the wire keys once each, check the common types with
``type(v) is T`` and set the slots directly. Anything off the fast path (a wrong type, an
unknown key, a bad timestamp) re-runs the converter's reference decoder for that object, so
results, ``extra``, ``decode_issues`` and errors stay exactly the converter's.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs

from .._core.bytes_decode import collector_paused
from .._core.model import DECODED, raw_class
from .._core.serde import field_plans, to_camel

T = TypeVar("T")
Hook = Callable[[Any, Any], Any]

_SCALARS = (int, str, bool)


def _field_code(plan: Any, env: dict[str, Any], conv: cattrs.Converter) -> str:
    """Statements that read ``plan.wire`` from ``d`` into ``o.<name>`` and count the keys found
    (or bail to the slow path, the converter's reference decoder, which then decides)."""
    name, tp, inner = plan.name, plan.tp, plan.inner
    read = f"    v = g({plan.wire!r})\n"
    for alias in plan.aliases:
        read += f"    if v is None: v = g({alias!r})\n"
    missing = "[]" if plan.empty_list else "None"
    if tp is Any:
        return read + f"    if v is not None: n += 1\n    o.{name} = v\n"
    origin, args = typing.get_origin(inner), typing.get_args(inner)
    exact = inner if inner in _SCALARS else dict if origin is dict and args == (str, Any) else None
    if exact is not None:
        # Decoded JSON objects are taken as they are (cattrs would copy them key by key).
        env[f"t_{name}"] = exact
        return read + (
            f"    if v is not None:\n"
            f"        if type(v) is not t_{name}: return slow(d, cls)\n"
            f"        n += 1\n"
            f"    o.{name} = v\n"
        )
    if origin is list and len(args) == 1 and attrs.has(args[0]):
        env[f"h_{name}"] = conv.get_structure_hook(args[0])
        env[f"c_{name}"] = args[0]
        return read + (
            f"    if v is None: v = {missing}\n"
            f"    else:\n"
            f"        if type(v) is not list: return slow(d, cls)\n"
            f"        v = [h_{name}(e, c_{name}) for e in v]\n"
            f"        n += 1\n"
            f"    o.{name} = v\n"
        )
    # Everything else (timestamps, lists of dicts or strings, nested models) goes through the
    # converter's own hook for the field's type; a failure re-runs the whole object slowly.
    env[f"h_{name}"] = conv.get_structure_hook(inner)
    env[f"tp_{name}"] = inner
    return read + (
        f"    if v is None: v = {missing}\n"
        f"    else:\n        v = h_{name}(v, tp_{name})\n        n += 1\n"
        f"    o.{name} = v\n"
    )


def make_fast_structure_fn(cls: type[T], conv: cattrs.Converter) -> Callable[[Any, Any], T]:
    """A structure function for the :class:`~smartsuite._core.model.Model` ``cls`` with
    camelCase wire names, equal in result to the converter's reference decoder.

    It fills an instance of the class's untracked twin with plain slot stores (no tracking
    hook runs) and bails to the reference decoder on anything off the fast path: a key the
    model does not know (found by counting the keys read against ``len(d)``), an explicit
    null, a value of another type, a failing nested hook.

    Every init field must have a constant default (no factory) and no converter.

    Raises:
        TypeError: ``cls`` does not fit those rules.
    """
    slow: Hook = conv.get_structure_hook(cls)
    plans, fixed = field_plans(cls, lambda _, name: to_camel(name))
    env: dict[str, Any] = {
        "cls": cls,
        "slow": slow,
        "new": object.__new__,
        "raw": raw_class(cls),
        "DECODED": DECODED,
    }
    body = [
        "def structure(d, _=None):\n",
        "    if type(d) is not dict: return slow(d, cls)\n",
        "    g = d.get\n    o = new(raw)\n    n = 0\n    try:\n",
    ]
    for field in attrs.fields(cls):  # type: ignore[arg-type]
        if field.converter is not None:
            raise TypeError(f"{cls.__name__}.{field.name} has a converter")
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{field.name} has a factory default")
        if field.init and field.default is attrs.NOTHING:
            raise TypeError(f"{cls.__name__}.{field.name} has no default")
    for plan in plans:
        code = _field_code(plan, env, conv)
        body.extend("    " + line + "\n" for line in code.splitlines())
    body.append("    except Exception:\n        return slow(d, cls)\n")
    # Every key was a known one with a value: else (an unknown key for ``extra``, or an explicit
    # null) the reference decoder takes the object.
    body.append("    if n != len(d): return slow(d, cls)\n")
    for name, default in fixed.items():
        env[f"d_{name}"] = default
        body.append(f"    o.{name} = d_{name}\n")
    body.append("    o._state = DECODED\n    o.__class__ = cls\n")
    if hasattr(cls, "_after_decode"):
        body.append("    o._after_decode()\n")
    body.append("    return o\n")
    source = "".join(body)
    compiled = compile(source, f"<fast structure {cls.__name__}>", "exec")
    exec(compiled, env)  # noqa: S102 - generated from the class's own fields, as cattrs does
    fn: Callable[[Any, Any], T] = env["structure"]
    fn.reference = slow  # type: ignore[attr-defined]  # what the property tests compare with
    return fn


def without_gc(hook: Callable[[Any, Any], T]) -> Callable[[Any, Any], T]:
    """``hook`` run under :func:`~smartsuite._core.bytes_decode.collector_paused`: decoding a
    large sheet allocates a million objects in one go and makes no reference cycles, so the
    collector is paused, and the young generations collected once at the end."""

    def structure(data: Any, cls: Any) -> T:
        with collector_paused():
            return hook(data, cls)

    return structure
