"""The values, types and checks of model fields: ``UNSET``, the id types, the constructor
type guard, and the generated ``__init__`` and untracked twin classes the decoders use."""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Final, Literal, TypeVar

import attrs

from .errors import ConfigurationError

T = TypeVar("T")


class _Unset(enum.Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False

    # A field not given equals a field the server left out (None): a built model compares
    # equal to the decoded one with the same values.
    def __eq__(self, other: object) -> bool:
        return other is None or other is self

    def __hash__(self) -> int:
        return hash(None)


#: "Not given": a field or argument at UNSET is left out of the body (``x is not UNSET``
#: narrows ``str | Unset`` to ``str``).
UNSET: Final = _Unset.UNSET
#: The same object typed ``Any``: the default of model fields, so that a field the server
#: always returns can be declared ``id: int = unset`` and read as an ``int``.
unset: Final[Any] = UNSET
#: The type of UNSET, for keyword arguments: ``name: str | Unset = UNSET``.
Unset = Literal[_Unset.UNSET]


#: An id the API documents as text but may send as a number (share ids): a number is read as
#: its decimal text.
TextId = Annotated[str, "smartsuite:text-id"]
#: An id the API may send as a number or as its decimal text (share ``userId``/``groupId`` in
#: the 2026 API): the text is read as the number.
IntId = Annotated[int, "smartsuite:int-id"]


class ModelTypeError(ConfigurationError, TypeError):
    """A model was built with a value of the wrong type; the message names the field."""


def bounded_repr(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- the type guard ----------------------------------------------------------------------------

Check = Callable[[Any], bool]
_CHECKS: dict[type, dict[str, Check]] = {}


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_float(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _check_for(tp: Any) -> Check | None:
    """A predicate for values of ``tp``, or None when anything goes."""
    if tp is Any or tp is object or isinstance(tp, TypeVar):
        return None
    if tp is type(None):
        return lambda v: v is None
    origin = typing.get_origin(tp)
    if origin is typing.Union or isinstance(tp, types.UnionType):
        parts = [_check_for(a) for a in typing.get_args(tp)]
        if any(p is None for p in parts):
            return None
        checks = [p for p in parts if p is not None]
        return lambda v: any(c(v) for c in checks)
    if origin is Literal:
        allowed = typing.get_args(tp)
        return lambda v: v in allowed
    if tp is int:
        return _is_int
    if tp is float:
        return _is_float
    if tp is bool:
        return lambda v: isinstance(v, bool)
    if tp is dt.date:
        return lambda v: isinstance(v, dt.date)
    if origin in (list, tuple, set, frozenset):
        container = origin
        args = typing.get_args(tp)
        item = _check_for(args[0]) if args and origin is not tuple else None
        if item is None:
            return lambda v: isinstance(v, container)
        return lambda v: isinstance(v, container) and all(item(e) for e in v)
    if origin in (dict, Mapping) or tp in (dict, Mapping):
        return lambda v: isinstance(v, Mapping)
    if isinstance(origin, type):
        return lambda v: isinstance(v, origin)
    if isinstance(tp, type):
        return lambda v: isinstance(v, tp)
    return None


def field_checks(cls: type) -> dict[str, Check]:
    found = _CHECKS.get(cls)
    if found is not None:
        return found
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # an annotation that does not resolve at run time: no guard
        hints = {}
    checks: dict[str, Check] = {}
    for a in attrs.fields(cls):
        if a.init and a.name in hints:
            check = _check_for(hints[a.name])
            if check is not None:
                checks[a.name] = check
    _CHECKS[cls] = checks
    return checks


_NO_ARG: Final = object()


def fast_init(cls: type) -> Callable[..., None]:
    """An ``__init__`` equal to the one attrs generates, but storing the fields through the
    class's untracked twin: attrs calls a bound ``object.__setattr__`` per field once a class
    has a ``__setattr__`` hook, which made building a cell twice as slow.

    Run by attrs (``__attrs_init_subclass__``, attrs >= 25.4) after each model class is made;
    with an older attrs the generated ``__init__`` stays, equal in effect."""
    own: Callable[..., None] = cls.__init__  # type: ignore[misc]
    raw: type = raw_class(cls)
    env: dict[str, Any] = {"raw": raw, "cls": cls, "NO": _NO_ARG, "osa": object.__setattr__}
    params: list[str] = []
    body: list[str] = ["    osa(self, '__class__', raw)\n"]
    for index, a in enumerate(attrs.fields(cls)):
        default = a.default
        if not a.init:
            env[f"d{index}"] = default
            body.append(f"    self.{a.name} = d{index}\n")
            continue
        if a.converter is not None or a.alias != a.name:
            return own  # keep attrs' own
        if default is attrs.NOTHING:
            params.append(a.name)
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                return own
            env[f"f{index}"] = default.factory
            params.append(f"{a.name}=NO")
            body.append(f"    if {a.name} is NO: {a.name} = f{index}()\n")
        else:
            env[f"d{index}"] = default
            params.append(f"{a.name}=d{index}")
        body.append(f"    self.{a.name} = {a.name}\n")
    body.append("    osa(self, '__class__', cls)\n    self.__attrs_post_init__()\n")
    source = f"def __init__(self, {', '.join(params)}):\n" + "".join(body)
    exec(compile(source, f"<fast init {cls.__name__}>", "exec"), env)  # noqa: S102
    fn: Callable[..., None] = env["__init__"]
    fn.__qualname__ = f"{cls.__qualname__}.__init__"
    fn.__doc__ = own.__doc__
    return fn


def _fast_types(tp: Any) -> frozenset[type]:
    """Exact value types that certainly fit ``tp`` (a set lookup before the full check)."""
    if typing.get_origin(tp) is typing.Union or isinstance(tp, types.UnionType):
        out: frozenset[type] = frozenset()
        for arg in typing.get_args(tp):
            out |= _fast_types(arg)
        return out
    simple: dict[Any, frozenset[type]] = {
        int: frozenset({int}),
        float: frozenset({float, int}),
        bool: frozenset({bool}),
        str: frozenset({str}),
        type(None): frozenset({type(None)}),
        dt.datetime: frozenset({dt.datetime}),
        dt.date: frozenset({dt.date, dt.datetime}),
    }
    if tp in simple:
        return simple[tp]
    if typing.get_origin(tp) is dict:
        return frozenset({dict})
    return frozenset()


CHECK_ALL: dict[type, Callable[[Any], None]] = {}


def compile_check_all(cls: type) -> Callable[[Any], None]:
    """One generated function checking every field of a freshly built ``cls``: an exact-type
    set lookup first, the full predicate only when that misses (building half a million cells
    for a bulk write stays cheap)."""
    checks = field_checks(cls)
    try:
        hints = typing.get_type_hints(cls)
    except Exception:
        hints = {}
    env: dict[str, Any] = {"U": UNSET, "err": type_error, "cls": cls}
    lines = ["def check_all(self):\n"]
    for index, (name, check) in enumerate(checks.items()):
        env[f"c{index}"], env[f"f{index}"] = check, _fast_types(hints.get(name, Any))
        lines.append(
            f"    v = self.{name}\n"
            f"    if v is not U and v.__class__ not in f{index} and not c{index}(v):\n"
            f"        raise err(cls, {name!r}, v)\n"
        )
    lines.append("    return None\n")
    exec(compile("".join(lines), f"<check {cls.__name__}>", "exec"), env)  # noqa: S102
    fn: Callable[[Any], None] = env["check_all"]
    CHECK_ALL[cls] = fn
    return fn


def type_error(cls: type, name: str, value: Any) -> ModelTypeError:
    hint = typing.get_type_hints(cls).get(name, Any)
    shown = (
        hint.__name__ if isinstance(hint, type) else re.sub(r"\b[\w.]+\.(\w+)", r"\1", str(hint))
    )
    return ModelTypeError(
        f"{cls.__name__}.{name}: expected {shown}, got {type(value).__name__} {bounded_repr(value)}"
    )


_RAW: dict[type, type] = {}


def raw_class(cls: type[T]) -> type[T]:
    """A twin of ``cls`` without the tracking ``__setattr__``: decoders fill an instance of it
    with plain slot stores, then set its ``__class__`` to ``cls`` (same layout)."""
    raw = _RAW.get(cls)
    if raw is None:
        raw = type(cls.__name__, (cls,), {"__slots__": (), "__setattr__": object.__setattr__})
        _RAW[cls] = raw
    return raw
