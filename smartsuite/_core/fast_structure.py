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

from .gc_pause import collector_paused
from .model import DECODED, raw_class
from .serde import WireNames, field_plans, to_camel

T = TypeVar("T")
Hook = Callable[[Any, Any], Any]

_SCALARS = (int, str, bool)


def _field_code(plan: Any, env: dict[str, Any], conv: cattrs.Converter) -> str:
    """Statements that read ``plan.wire`` from ``d`` into ``o.<name>`` (or bail to the slow
    path, the converter's reference decoder, which then decides)."""
    name, tp, inner = plan.name, plan.tp, plan.inner
    read = f"    v = g({plan.wire!r})\n"
    for alias in plan.aliases:
        read += f"    if v is None: v = g({alias!r})\n"
    if plan.required:  # missing (an error) or null: the reference decoder says which
        read += "    if v is None: return slow(d, cls)\n"
    missing = "[]" if plan.empty_list else "None"
    if tp is Any:
        return read + f"    o.{name} = v\n"
    origin, args = typing.get_origin(inner), typing.get_args(inner)
    exact = inner if inner in _SCALARS else dict if origin is dict and args == (str, Any) else None
    if exact is not None:
        # Decoded JSON objects are taken as they are (cattrs would copy them key by key).
        env[f"t_{name}"] = exact
        return read + (
            f"    if v is not None:\n"
            f"        if type(v) is not t_{name}: return slow(d, cls)\n"
            f"    o.{name} = v\n"
        )
    if inner is float:  # a JSON integer is the same number (scalars._float)
        return read + (
            f"    if v is not None and type(v) is not float:\n"
            f"        if type(v) is not int: return slow(d, cls)\n"
            f"        v = float(v)\n"
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
            f"    o.{name} = v\n"
        )
    # Everything else (timestamps, lists of dicts or strings, nested models) goes through the
    # converter's own hook for the field's type; a failure re-runs the whole object slowly.
    env[f"h_{name}"] = conv.get_structure_hook(inner)
    env[f"tp_{name}"] = inner
    return read + (
        f"    if v is None: v = {missing}\n"
        f"    else:\n        v = h_{name}(v, tp_{name})\n"
        f"    o.{name} = v\n"
    )


def make_fast_structure_fn(
    cls: type[T], conv: cattrs.Converter, wire_name: WireNames | None = None
) -> Callable[[Any, Any], T]:
    """A structure function for the :class:`~smartsuite._core.model.Model` ``cls``, equal in
    result to the converter's reference decoder.

    It fills an instance of the class's untracked twin with plain slot stores (no tracking
    hook runs) and bails to the reference decoder on anything off the fast path: a key the
    model does not know (one set test of the object's keys), a required field missing or
    null, a value of another type, a failing nested hook.

    Every init field must have a constant default (no factory) or be required, and have no
    converter.

    Args:
        wire_name: the converter's wire names (camelCase when not given).

    Raises:
        TypeError: ``cls`` does not fit those rules.
    """
    slow: Hook = conv.get_structure_hook(cls)
    plans, fixed = field_plans(cls, wire_name or (lambda _, name: to_camel(name)))
    env: dict[str, Any] = {
        "known": frozenset(w for p in plans for w in (p.wire, *p.aliases)),
        "cls": cls,
        "slow": slow,
        "new": object.__new__,
        "raw": raw_class(cls),
        "DECODED": DECODED,
    }
    body = [
        "def structure(d, _=None):\n",
        "    if type(d) is not dict: return slow(d, cls)\n",
        "    if not known.issuperset(d): return slow(d, cls)\n",
        "    g = d.get\n    o = new(raw)\n    try:\n",
    ]
    for field in attrs.fields(cls):  # type: ignore[arg-type]
        if field.converter is not None:
            raise TypeError(f"{cls.__name__}.{field.name} has a converter")
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{field.name} has a factory default")
    for plan in plans:
        code = _field_code(plan, env, conv)
        body.extend("    " + line + "\n" for line in code.splitlines())
    body.append("    except Exception:\n        return slow(d, cls)\n")
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
    """``hook`` run under :func:`~smartsuite._core.gc_pause.collector_paused`: decoding a
    large sheet allocates a million objects in one go and makes no reference cycles, so the
    collector is paused, and the young generations collected once at the end."""

    def structure(data: Any, cls: Any) -> T:
        with collector_paused():
            return hook(data, cls)

    return structure
