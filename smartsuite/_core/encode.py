"""Generated encoders (unstructure functions) for the wire models.

:func:`smartsuite._core.serde.make_model_unstructure_fn` is the reference: a loop over the
model's field plans with a ``getattr`` per field. A 500-row write body holds 12,500 cells of 14
fields each, and that loop was most of the time it took to build. The function generated here
does the same thing in straight-line code: one slot read and one ``is not UNSET`` test per field,
scalars copied as they are, anything else through the converter (``conv.unstructure``), lists
of models element by element through a per-class hook cache. Its output equals the reference's
for every object (``tests/core/test_encode.py`` compares them on generated models).

The rules it keeps (see :mod:`smartsuite._core.model`): a built object sends every field that
is not ``UNSET`` (``None`` as ``null``); a decoded one sends its identity, the fields assigned
since decoding, and the changed objects among its nested models.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import cattrs

from .model import BUILT, UNSET, Model

#: Values sent as they are (``type(v) in _AS_IS``); anything else goes through the converter.
_AS_IS = frozenset({type(None), str, int, float, bool})

Unstructure = Callable[[Any], dict[str, Any]]
#: (attribute, wire name, is identity, the model class of its elements if it is a model list)
Plans = list[tuple[str, str, bool, type | None]]


def _hook_cache(conv: cattrs.Converter) -> Callable[[Any], Any]:
    """``conv.unstructure`` for one value, with the per-class dispatch of models cached."""
    hooks: dict[type, Callable[[Any], Any]] = {}
    get = hooks.get

    def unstructure_one(value: Any) -> Any:
        cls = type(value)
        if cls in _AS_IS:
            return value
        hook = get(cls)
        if hook is None:
            hook = hooks[cls] = conv.get_unstructure_hook(cls)
        return hook(value)

    return unstructure_one


def _encoder(conv: cattrs.Converter) -> Callable[[Any], Any]:
    """What the reference does with a non-scalar field value: ``conv.unstructure(value)``.
    A plain list (the cells of a row) is done element by element here, as cattrs' list hook
    does, without its per-element dispatch."""
    one = _hook_cache(conv)
    unstructure = conv.unstructure

    def encode(value: Any) -> Any:
        if type(value) is list:
            return [one(v) for v in value]
        return unstructure(value)

    return encode


def _list_of(cls: type, conv: cattrs.Converter, one: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """:func:`_encoder` for a ``list[cls]`` field (the cells of a row): elements of exactly
    ``cls`` go straight to its encoder (looked up on first use: a model may hold a list of
    its own kind), anything else as :func:`_encoder` does."""
    hook: list[Callable[[Any], Any]] = []
    other = _encoder(conv)

    def encode(value: Any) -> Any:
        if type(value) is not list:
            return other(value)
        if not hook:
            hook.append(conv.get_unstructure_hook(cls))
        fn = hook[0]
        return [fn(e) if type(e) is cls else one(e) for e in value]

    return encode


def generate_unstructure_fn(cls: type, plans: Plans, conv: cattrs.Converter) -> Unstructure:
    """Straight-line code for :func:`~smartsuite._core.serde.make_model_unstructure_fn`'s loop
    over ``plans``, equal to it in result."""
    env: dict[str, Any] = {
        "U": UNSET,
        "BUILT": BUILT,
        "S": _AS_IS,
        "enc": _encoder(conv),
        "one": _hook_cache(conv),
        "Model": Model,
    }
    built: list[str] = []
    decoded: list[str] = []
    for index, (name, wire, identity, element) in enumerate(plans):
        encode = "enc"
        if element is not None:
            encode = f"enc{index}"
            env[encode] = _list_of(element, conv, env["one"])
        put = f"out[{wire!r}] = v if type(v) in S else {encode}(v)"
        built.append(f"        v = o.{name}\n        if v is not U:\n            {put}\n")
        sent = f"'{name}' in a" + (" or v is not None" if identity else "")
        decoded.append(
            f"    v = o.{name}\n"
            f"    if v is not U:\n"
            f"        if {sent}:\n"
            f"            {put}\n"
            f"        elif isinstance(v, Model):\n"
            f"            st = v._state\n"
            f"            if st is BUILT or st.assigned:\n"
            f"                out[{wire!r}] = enc(v)\n"
            f"        elif type(v) is list and v and isinstance(v[0], Model):\n"
            f"            changed = [one(e) for e in v if _dirty(e)]\n"
            f"            if changed:\n"
            f"                out[{wire!r}] = changed\n"
        )
    source = (
        "def unstructure(o):\n"
        "    s = o._state\n"
        "    out = {}\n"
        "    if s is BUILT:\n" + "".join(built) + "        return out\n"
        "    a = s.assigned\n" + "".join(decoded) + "    return out\n"
    )
    env["_dirty"] = _dirty
    exec(compile(source, f"<encode {cls.__name__}>", "exec"), env)  # noqa: S102
    fn: Unstructure = env["unstructure"]
    return fn


def _dirty(value: Any) -> bool:
    """:func:`smartsuite._core.model.is_dirty`, for elements of a list of models."""
    state = getattr(value, "_state", None)
    if state is None:
        return False
    return state is BUILT or bool(state.assigned)
