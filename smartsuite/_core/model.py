"""The base of every wire model: built versus decoded objects, assignment tracking, ``extra``,
``decode_issues`` and the constructor type guard.

An object the caller *builds* starts with every optional field at ``UNSET``: encoding sends the
fields that are not ``UNSET``, so an explicit ``None`` goes out as JSON ``null``. An object the
client *decodes* has every field the server left out at ``None`` (lists the API always returns at
``[]``) and remembers which fields were assigned afterwards: encoding it sends those fields and
its identity (``id``, a cell's ``column_id``) only, so nulls that came from the server are never
sent back unless the caller assigns them.

Decoded objects share one empty state object until something is recorded on them, so half a
million decoded cells cost one pointer each for all of this.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Annotated, Any, ClassVar, Final, Literal, TypeVar

import attrs

from .errors import ConfigurationError

T = TypeVar("T")
log = logging.getLogger("smartsuite.decode")


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

_EMPTY: Final[Mapping[str, Any]] = types.MappingProxyType({})

#: An id the API documents as text but may send as a number (share ids): a number is read as
#: its decimal text.
TextId = Annotated[str, "smartsuite:text-id"]
#: An id the API may send as a number or as its decimal text (share ``userId``/``groupId`` in
#: the 2026 API): the text is read as the number.
IntId = Annotated[int, "smartsuite:int-id"]


class ModelTypeError(ConfigurationError, TypeError):
    """A model was built with a value of the wrong type; the message names the field."""


@attrs.frozen
class DecodeIssue:
    """A server value that fits none of the forms the field accepts; it is kept as sent.

    Attributes:
        model: the model's class name.
        field: the attribute name.
        value: the value exactly as decoded from JSON.
        reason: why it did not fit.
    """

    model: str
    field: str
    value: Any
    reason: str

    def __str__(self) -> str:
        return f"{self.model}.{self.field}: {self.reason} (got {bounded_repr(self.value)})"


def bounded_repr(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _State:
    """What a decoded object has recorded: assigned field names, unknown keys, issues."""

    __slots__ = ("assigned", "extra", "issues")

    def __init__(
        self, extra: Mapping[str, Any] = _EMPTY, issues: tuple[DecodeIssue, ...] = ()
    ) -> None:
        self.assigned: set[str] = set()
        self.extra = extra
        self.issues = issues


class _Built:
    __slots__ = ()

    def __repr__(self) -> str:
        return "BUILT"


#: The state of a built object (encoding sends every field that is not UNSET).
BUILT: Final = _Built()
#: The shared state of a decoded object that has recorded nothing yet.
DECODED: Final = _State()


def track(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> Any:
    name = attribute.name
    if name[0] == "_":
        return value
    check = _checker(type(instance)).get(name)
    if check is not None and not check(value):
        raise _type_error(type(instance), name, value)
    state = instance._state
    if state is DECODED:
        state = _State()
        object.__setattr__(instance, "_state", state)
    if state is not BUILT:
        state.assigned.add(name)
    return value


@attrs.define(slots=True)
class Model:
    """Base of the wire models. Subclasses are declared ``@attrs.define(on_setattr=track)``
    (``track`` records assignments on decoded objects and type-checks every assignment).

    Class attribute ``identity_fields`` names what identifies an object in a write (sent with
    every update of a decoded object): ``("id",)`` unless a model says otherwise.
    """

    identity_fields: ClassVar[tuple[str, ...]] = ("id",)
    _state: Any = attrs.field(
        default=BUILT, init=False, repr=False, eq=False, on_setattr=attrs.setters.NO_OP
    )

    def __attrs_post_init__(self) -> None:
        checks = _checker(type(self))
        for name, check in checks.items():
            value = getattr(self, name)
            if value is not UNSET and not check(value):
                raise _type_error(type(self), name, value)
        after = getattr(self, "_after_decode", None)
        if after is not None:
            after()

    @property
    def extra(self) -> Mapping[str, Any]:
        """Fields the server sent that this model does not know, read-only, as sent."""
        state = self._state
        return _EMPTY if state is BUILT else state.extra

    @property
    def decode_issues(self) -> tuple[DecodeIssue, ...]:
        """Values the server sent that fit none of their field's forms (kept as sent)."""
        state = self._state
        return () if state is BUILT else state.issues

    @property
    def is_decoded(self) -> bool:
        """True for an object the client decoded from a server answer."""
        return self._state is not BUILT

    def assigned_fields(self) -> frozenset[str]:
        """Fields assigned since decoding (what an update of this object sends, with its id).
        For a built object: the fields that are not UNSET."""
        state = self._state
        if state is BUILT:
            return frozenset(
                a.name
                for a in attrs.fields(type(self))
                if a.init and getattr(self, a.name) is not UNSET
            )
        return frozenset(state.assigned)


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


def _checker(cls: type) -> dict[str, Check]:
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


def _type_error(cls: type, name: str, value: Any) -> ModelTypeError:
    hint = typing.get_type_hints(cls).get(name, Any)
    shown = (
        hint.__name__ if isinstance(hint, type) else re.sub(r"\b[\w.]+\.(\w+)", r"\1", str(hint))
    )
    return ModelTypeError(
        f"{cls.__name__}.{name}: expected {shown}, got {type(value).__name__} {bounded_repr(value)}"
    )


# -- building decoded objects ------------------------------------------------------------------

_RAW: dict[type, type] = {}


def raw_class(cls: type[T]) -> type[T]:
    """A twin of ``cls`` without the tracking ``__setattr__``: decoders fill an instance of it
    with plain slot stores, then set its ``__class__`` to ``cls`` (same layout)."""
    raw = _RAW.get(cls)
    if raw is None:
        raw = type(cls.__name__, (cls,), {"__slots__": (), "__setattr__": object.__setattr__})
        _RAW[cls] = raw
    return raw


def state_for(extra: Mapping[str, Any] | None, issues: list[DecodeIssue] | None) -> Any:
    """The state of a freshly decoded object: the shared :data:`DECODED` unless it has unknown
    fields or issues to record."""
    if not extra and not issues:
        return DECODED
    return _State(types.MappingProxyType(dict(extra)) if extra else _EMPTY, tuple(issues or ()))


_warned: set[tuple[str, str]] = set()


def report_issue(issue: DecodeIssue) -> None:
    """Log a decode issue, once per model field for the life of the process."""
    key = (issue.model, issue.field)
    if key not in _warned:
        _warned.add(key)
        log.warning("kept a value as sent: %s (further ones for this field are not logged)", issue)


def is_dirty(value: Any) -> bool:
    """A model object that would send something beyond its identity in an update."""
    state = getattr(value, "_state", None)
    if state is None:
        return False
    return state is BUILT or bool(state.assigned)
