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

import logging
import types
from collections.abc import Mapping
from typing import Any, ClassVar, Final, TypeVar

import attrs

from .fields import (
    CHECK_ALL,
    UNSET,
    IntId,
    ModelTypeError,
    TextId,
    Unset,
    _Unset,
    bounded_repr,
    compile_check_all,
    fast_init,
    field_checks,
    raw_class,
    type_error,
    unset,
)

T = TypeVar("T")
log = logging.getLogger("smartsuite.decode")
_EMPTY: Final[Mapping[str, Any]] = types.MappingProxyType({})


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
    check = field_checks(type(instance)).get(name)
    if check is not None and not check(value):
        raise type_error(type(instance), name, value)
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

    @classmethod
    def __attrs_init_subclass__(cls) -> None:
        cls.__init__ = fast_init(cls)  # type: ignore[method-assign]

    def __attrs_post_init__(self) -> None:
        cls = type(self)
        check_all = CHECK_ALL.get(cls) or compile_check_all(cls)
        check_all(self)
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


# -- building decoded objects ------------------------------------------------------------------


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


__all__ = [
    "BUILT",
    "DECODED",
    "UNSET",
    "DecodeIssue",
    "IntId",
    "Model",
    "ModelTypeError",
    "TextId",
    "Unset",
    "_Unset",
    "bounded_repr",
    "is_dirty",
    "raw_class",
    "report_issue",
    "state_for",
    "track",
    "unset",
]
