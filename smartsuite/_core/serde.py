"""cattrs converters. Models are attrs classes (:class:`~smartsuite._core.model.Model`) with
snake_case attributes; the wire names (camelCase for Smartsheet, snake_case for Resource
Management) live only here.

Encoding a built model sends every field that is not ``UNSET`` (an explicit ``None`` is JSON
``null``); encoding a decoded model sends what was assigned since decoding, plus its identity.
Decoding is faithful: ints are not bools, floats are not ints, strings are not numbers, a value
that fits none of a field's forms is kept as sent and listed in ``obj.decode_issues`` (or raises
:class:`DecodeError` under ``strict``); keys the model does not know are kept in ``obj.extra``.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from . import scalars
from .encode import generate_unstructure_fn
from .errors import DecodeError
from .model import (
    BUILT,
    UNSET,
    DecodeIssue,
    Model,
    Unset,
    bounded_repr,
    is_dirty,
    raw_class,
    report_issue,
    state_for,
)

__all__ = [
    "UNSET",
    "DecodeIssue",
    "Unset",
    "is_strict",
    "make_converter",
    "strict_decoding",
    "structure",
]

T = TypeVar("T")

_CAMEL = re.compile(r"_([a-z0-9])")


def to_camel(name: str) -> str:
    """``row_number`` -> ``rowNumber``; a trailing underscore (``from_``) is dropped."""
    return _CAMEL.sub(lambda m: m.group(1).upper(), name.rstrip("_"))


_strict: contextvars.ContextVar[bool] = contextvars.ContextVar("smartsuite_strict", default=False)


@contextlib.contextmanager
def strict_decoding(enabled: bool = True) -> Iterator[None]:
    """Within this block a value that fits none of its field's forms raises
    :class:`DecodeError` (naming the model, the field and the value) instead of being kept."""
    token = _strict.set(enabled)
    try:
        yield
    finally:
        _strict.reset(token)


def is_strict() -> bool:
    """Whether :func:`strict_decoding` is in force."""
    return _strict.get()


def optional_inner(tp: Any) -> tuple[Any, bool]:
    """``(X, True)`` for ``X | None``; ``(tp, False)`` otherwise."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = typing.get_args(tp)
        rest = [a for a in args if a is not type(None)]
        if len(rest) < len(args):
            inner = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
            return inner, True
    return tp, False


def is_plain_list(tp: Any) -> bool:
    """A non-optional ``list[...]`` field: the API always returns it, so a missing or null one
    decodes to an empty list."""
    return typing.get_origin(tp) is list


WireNames = Callable[[type, str], str]


@attrs.frozen
class FieldPlan:
    """How one field of a model is read from and written to the wire."""

    name: str
    wire: str
    aliases: tuple[str, ...]
    tp: Any
    inner: Any
    identity: bool
    required: bool
    empty_list: bool
    factory: Callable[[], Any] | None

    def missing(self) -> Any:
        """What a missing or null key decodes to."""
        if self.factory is not None:
            return self.factory()
        return [] if self.empty_list else None


def field_plans(cls: type, wire_name: WireNames) -> tuple[list[FieldPlan], dict[str, Any]]:
    """The plans of ``cls``'s init fields, and the defaults of its other (private) fields."""
    hints = typing.get_type_hints(cls, include_extras=True)
    identity = set(getattr(cls, "identity_fields", ()))
    aliases: Mapping[str, tuple[str, ...]] = getattr(cls, "wire_aliases", {})
    plans: list[FieldPlan] = []
    fixed: dict[str, Any] = {}
    for a in attrs.fields(cls):
        if not a.init:
            if a.name != "_state":
                fixed[a.name] = a.default
            continue
        tp = hints[a.name]
        inner, _ = optional_inner(tp)
        plans.append(
            FieldPlan(
                a.name,
                wire_name(cls, a.name),
                tuple(aliases.get(a.name, ())),
                tp,
                inner,
                a.name in identity,
                a.default is attrs.NOTHING,
                is_plain_list(tp),
                a.default.factory if isinstance(a.default, attrs.Factory) else None,  # type: ignore[arg-type]
            )
        )
    return plans, fixed


def _reason(exc: BaseException) -> str:
    if isinstance(exc, cattrs.BaseValidationError):
        notes = cattrs.transform_error(exc)
        return "; ".join(notes[:3]) if notes else str(exc)
    return str(exc) or type(exc).__name__


def _failure(cls: type, plan: FieldPlan, value: Any, exc: BaseException) -> DecodeError:
    return DecodeError(
        f"cannot decode {cls.__name__}.{plan.name}: {_reason(exc)} (got {bounded_repr(value)})"
    )


def make_model_structure_fn(
    cls: type[T], conv: cattrs.Converter, wire_name: WireNames
) -> Callable[[Any, Any], T]:
    """The reference decoder of a :class:`Model` (the generated fast decoders must agree with
    it exactly): missing or null keys become None (plain lists ``[]``), unknown keys go to
    ``extra``, a value no hook accepts is kept and reported unless the field is an identity or
    decoding is strict."""
    compiled: list[Any] = []
    raw = raw_class(cls)
    after = getattr(cls, "_after_decode", None)

    def prepare() -> list[Any]:
        plans, fixed = field_plans(cls, wire_name)
        known = frozenset(w for p in plans for w in (p.wire, *p.aliases))
        hooks = [(p, conv.get_structure_hook(p.inner)) for p in plans]
        compiled[:] = [hooks, fixed, known]
        return compiled

    def structure(data: Any, _: Any = None) -> T:
        if not isinstance(data, Mapping):
            raise TypeError(f"expected a JSON object, got {type(data).__name__}")
        hooks, fixed, known = compiled or prepare()
        o: Any = object.__new__(raw)
        issues: list[DecodeIssue] | None = None
        for plan, hook in hooks:
            value = data.get(plan.wire)
            if value is None:
                for alias in plan.aliases:
                    value = data.get(alias)
                    if value is not None:
                        break
            if value is None:
                if plan.required and plan.wire not in data:
                    raise DecodeError(f"cannot decode {cls.__name__}: {plan.wire!r} is missing")
                setattr(o, plan.name, plan.missing())
                continue
            try:
                decoded = hook(value, plan.inner)
            except (DecodeError, RecursionError):
                raise
            except Exception as exc:
                if plan.identity or _strict.get():
                    raise _failure(cls, plan, value, exc) from None
                issue = DecodeIssue(cls.__name__, plan.name, value, _reason(exc))
                report_issue(issue)
                issues = [*(issues or ()), issue]
                decoded = value
            setattr(o, plan.name, decoded)
        for name, default in fixed.items():
            setattr(o, name, default)
        extra = (
            None if known.issuperset(data) else {k: v for k, v in data.items() if k not in known}
        )
        o._state = state_for(extra, issues)
        o.__class__ = cls
        if after is not None:
            after(o)
        built: T = o
        return built

    return structure


def make_model_unstructure_fn(
    cls: type, conv: cattrs.Converter, wire_name: WireNames
) -> Callable[[Any], dict[str, Any]]:
    """Encode a model: a built one sends every field that is not UNSET (None as null); a
    decoded one sends its identity, the fields assigned since decoding, and the changed
    objects among its nested models (a decoded row sends only its changed cells)."""
    compiled: list[tuple[str, str, bool]] = []
    simple = (str, int, float, bool)

    def prepare() -> list[tuple[str, str, bool]]:
        plans, _ = field_plans(cls, wire_name)
        compiled[:] = [(p.name, p.wire, p.identity) for p in plans]
        return compiled

    def encode(value: Any) -> Any:
        return value if value is None or type(value) in simple else conv.unstructure(value)

    def unstructure(obj: Any) -> dict[str, Any]:
        plans = compiled or prepare()
        state = obj._state
        out: dict[str, Any] = {}
        if state is BUILT:
            for name, wire, _identity in plans:
                value = getattr(obj, name)
                if value is not UNSET:
                    out[wire] = encode(value)
            return out
        assigned = state.assigned
        for name, wire, identity in plans:
            value = getattr(obj, name)
            if value is UNSET:
                continue
            if name in assigned or (identity and value is not None):
                out[wire] = encode(value)
            elif isinstance(value, Model):
                if is_dirty(value):
                    out[wire] = encode(value)
            elif type(value) is list and value and isinstance(value[0], Model):
                changed = [conv.unstructure(v) for v in value if is_dirty(v)]
                if changed:
                    out[wire] = changed
        return out

    return unstructure


def _model_items(tp: Any) -> type | None:
    """``X`` for a ``list[X]`` of a model class ``X``, else None."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) is list and len(args) == 1:
        item = args[0]
        if isinstance(item, type) and issubclass(item, Model):
            return item
    return None


def make_fast_unstructure_fn(
    cls: type, conv: cattrs.Converter, wire_name: WireNames
) -> Callable[[Any], dict[str, Any]]:
    """The encoder the converters use: :func:`make_model_unstructure_fn` generated as
    straight-line code (:mod:`smartsuite._core.encode`), equal to it in result. A model whose
    annotations do not resolve yet is generated on its first use instead."""

    def generate() -> Callable[[Any], dict[str, Any]]:
        plans, _ = field_plans(cls, wire_name)
        rows = [(p.name, p.wire, p.identity, _model_items(p.inner)) for p in plans]
        return generate_unstructure_fn(cls, rows, conv)

    try:
        return generate()
    except NameError:
        compiled: list[Callable[[Any], dict[str, Any]]] = []

        def unstructure(obj: Any) -> dict[str, Any]:
            if not compiled:
                compiled.append(generate())
            return compiled[0](obj)

        return unstructure


def _guarded(fn: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def structure_object(data: Any, tp: Any) -> Any:
        # cattrs only tests `"name" in data`: a list, or a string without the field names
        # as substrings, would pass as an object with every field at its default.
        if not isinstance(data, Mapping):
            raise TypeError(f"expected a JSON object, got {type(data).__name__}")
        return fn(data, tp)

    return structure_object


def make_converter(
    *, camel_case: bool, wire_name: WireNames | None = None, reference_encoders: bool = False
) -> cattrs.Converter:
    """A converter for one service's wire names.

    Args:
        camel_case: rename snake_case attributes to camelCase on the wire (Smartsheet).
        wire_name: the wire name of a field, when the service has exceptions to its rule.
        reference_encoders: encode models with :func:`make_model_unstructure_fn` instead of
            the generated encoders (what tests and benchmarks compare them with).
    """
    # detailed_validation off: an error inside a list stays the element's own error.
    conv = cattrs.Converter(forbid_extra_keys=False, detailed_validation=False)
    scalars.register(conv)

    def default_name(cls: type, name: str) -> str:
        return to_camel(name) if camel_case else name.rstrip("_")

    names = wire_name or default_name

    def rename(cls: type) -> dict[str, Any]:
        return {
            a.name: override(rename=names(cls, a.name))
            for a in attrs.fields(cls)
            if names(cls, a.name) != a.name
        }

    def is_model(tp: Any) -> bool:
        return isinstance(tp, type) and issubclass(tp, Model)

    def structure_factory(cls: type) -> Callable[[Any, Any], Any]:
        if is_model(cls):
            return make_model_structure_fn(cls, conv, names)
        return _guarded(
            make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=False, **rename(cls))
        )

    def unstructure_factory(cls: type) -> Callable[[Any], Any]:
        if is_model(cls):
            make = make_model_unstructure_fn if reference_encoders else make_fast_unstructure_fn
            return make(cls, conv, names)
        base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv, **rename(cls))

        def unstructure(obj: Any) -> dict[str, Any]:
            return {k: v for k, v in base(obj).items() if v is not UNSET and v is not None}

        return unstructure

    conv.register_structure_hook_factory(attrs.has, structure_factory)
    conv.register_unstructure_hook_factory(attrs.has, unstructure_factory)
    return conv


def structure(converter: cattrs.Converter, data: Any, cls: type[T], *, strict: bool = False) -> T:
    """Decode ``data`` into ``cls``; any mismatch becomes a :class:`DecodeError`.

    Args:
        strict: raise instead of keeping values that fit none of their field's forms.
    """
    token = _strict.set(True) if strict else None
    try:
        return converter.structure(data, cls)
    except RecursionError:
        raise DecodeError(f"cannot decode {cls.__name__}: data nested too deeply") from None
    except DecodeError:
        raise
    except Exception as exc:  # cattrs raises many kinds; callers get exactly one
        raise DecodeError(
            f"cannot decode {getattr(cls, '__name__', cls)}: {_describe(exc)}"
        ) from None
    finally:
        if token is not None:
            _strict.reset(token)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, cattrs.BaseValidationError):
        notes = cattrs.transform_error(exc)
        return "; ".join(notes[:3]) if notes else str(exc)
    return f"{type(exc).__name__}: {exc}"
