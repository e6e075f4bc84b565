"""Optional typed table schemas: one attrs class per table, decoded from AppSheet's strings.

::

    @attrs.define
    class Person:
        id: str = column("ID", key=True)
        name: str = column("Name")
        age: int | None = column("Age", default=None)
        joined: datetime.date | None = column("Joined", default=None)

    people = appsheet.table("People", schema=Person)
    adults = await people.list(Filter("People", col("Age") >= 18)).to_list()   # list[Person]

Values are parsed in the request's Locale (dates, decimals) and Yes/No columns accept every
spelling AppSheet does. A blank or missing column (AppSheet leaves out all-blank columns) becomes
None for an optional attribute, ``""`` for text, ``[]`` for a list, or the attribute's default.
The wire names live in a cattrs converter built per locale.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Generic, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override

from .._core import serde
from .._core.errors import ConfigurationError, DecodeError
from .._core.model import DecodeIssue, Model, raw_class, report_issue, state_for
from .values import (
    parse_bool,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_int,
    parse_list,
    parse_time,
    to_wire,
)

T = TypeVar("T")

_META = "smartsuite.appsheet"


@attrs.frozen
class ColumnInfo:
    """Where an attribute lives on the wire.

    Attributes:
        name: the AppSheet column name (the attribute name when None).
        key: whether this column is the table's key.
    """

    name: str | None = None
    key: bool = False


def column(
    name: str | None = None,
    *,
    key: bool = False,
    default: Any = attrs.NOTHING,
    factory: Callable[[], Any] | None = None,
) -> Any:
    """An attrs field bound to the AppSheet column ``name``.

    Args:
        name: the column name (spaces and all); defaults to the attribute name.
        key: mark the table's key column (``table.list(keys=...)`` and ``delete`` use it).
        default / factory: as in ``attrs.field``.
    """
    return attrs.field(default=default, factory=factory, metadata={_META: ColumnInfo(name, key)})


@attrs.frozen
class _Field:
    attr: str
    column: str
    type: Any
    optional: bool
    has_default: bool


def _is_optional(tp: Any) -> tuple[bool, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) < len(typing.get_args(tp)):
            return True, args[0] if len(args) == 1 else tp
    return False, tp


class Schema(Generic[T]):
    """Decodes AppSheet rows into ``cls`` and encodes instances back to rows.

    Args:
        cls: an attrs class; attributes made with :func:`column` name their columns.

    Raises:
        ConfigurationError: ``cls`` is not an attrs class, its annotations do not resolve, or
            it marks more than one key.
    """

    def __init__(self, cls: type[T]) -> None:
        self.cls: type[T] = cls
        if not (isinstance(cls, type) and attrs.has(cls)):
            raise ConfigurationError(f"a table schema must be an attrs class, got {cls!r}")
        try:
            attrs.resolve_types(cls)
        except NameError as exc:
            raise ConfigurationError(
                f"cannot resolve the annotations of {cls.__name__}: {exc}"
            ) from None
        self.fields: list[_Field] = []
        keys: list[str] = []
        for a in attrs.fields(cls):
            if not a.init:  # private state (a Model's ``_state``), never a column
                continue
            info = a.metadata.get(_META) or ColumnInfo()
            optional, inner = _is_optional(a.type)
            has_default = a.default is not attrs.NOTHING
            field = _Field(a.name, info.name or a.name, inner, optional, has_default)
            self.fields.append(field)
            if info.key:
                keys.append(field.column)
        if len(keys) > 1:
            raise ConfigurationError(f"{cls.__name__} marks more than one key column: {keys}")
        self.key: str | None = keys[0] if keys else None
        self._converters: dict[str, cattrs.Converter] = {}

    def _converter(self, locale: str | None) -> cattrs.Converter:
        code = (locale or "en-US").lower()
        conv = self._converters.get(code)
        if conv is None:
            conv = _make_converter(locale)
            renames: dict[str, Any] = {f.attr: override(rename=f.column) for f in self.fields}
            conv.register_structure_hook(
                self.cls,
                make_dict_structure_fn(self.cls, conv, _cattrs_forbid_extra_keys=False, **renames),
            )
            self._converters[code] = conv
        return conv

    def decode(self, row: Mapping[str, Any], locale: str | None = None) -> T:
        """One AppSheet row as an instance of the schema class.

        A schema class that subclasses :class:`~smartsuite._core.model.Model` decodes like the
        service models: a value that does not parse as its attribute's type is kept as sent and
        listed in ``obj.decode_issues`` (the key column, or ``strict_decoding()``, raises
        instead), columns the class does not name are kept in ``obj.extra``, and the object
        records later assignments, so :meth:`Table.edit` sends the key and what changed.

        Raises:
            DecodeError: ``row`` is not an object; a value does not parse as its attribute's
                type (plain attrs classes), or a required attribute's column is blank.
        """
        if not isinstance(row, Mapping):
            raise DecodeError(
                f"cannot decode {self.cls.__name__}: expected a row object, "
                f"got {type(row).__name__}"
            )
        if issubclass(self.cls, Model):
            return self._decode_model(row, locale)
        data: dict[str, Any] = {}
        for f in self.fields:
            raw = row.get(f.column)
            if raw is not None and raw != "":
                data[f.column] = raw
            elif f.optional:
                data[f.column] = None
            elif f.type is str:
                data[f.column] = ""
            elif typing.get_origin(f.type) is list:
                data[f.column] = []
            elif not f.has_default:
                raise DecodeError(
                    f"column {f.column!r} is blank, but {self.cls.__name__}.{f.attr} is not "
                    "optional: make it `X | None` or give it a default"
                )
        return serde.structure(self._converter(locale), data, self.cls)

    def _decode_model(self, row: Mapping[str, Any], locale: str | None) -> T:
        conv = self._converter(locale)
        o: Any = object.__new__(raw_class(self.cls))
        issues: list[DecodeIssue] = []
        for f in self.fields:
            raw = row.get(f.column)
            if raw is None or raw == "":
                if not (
                    f.optional
                    or f.has_default
                    or f.type is str
                    or typing.get_origin(f.type) is list
                ):
                    raise DecodeError(
                        f"column {f.column!r} is blank, but {self.cls.__name__}.{f.attr} is not "
                        "optional: make it `X | None` or give it a default"
                    )
                value: Any = (
                    "" if f.type is str else [] if typing.get_origin(f.type) is list else None
                )
            else:
                try:
                    value = conv.structure(raw, f.type)
                except Exception as exc:
                    reason = str(exc) or type(exc).__name__
                    if f.column == self.key or serde.is_strict():
                        raise DecodeError(
                            f"cannot decode {self.cls.__name__}.{f.attr}: {reason} "
                            f"(got {raw!r:.80})"
                        ) from None
                    issue = DecodeIssue(self.cls.__name__, f.attr, raw, reason)
                    report_issue(issue)
                    issues.append(issue)
                    value = raw
            setattr(o, f.attr, value)
        known = {f.column for f in self.fields}
        extra = {k: v for k, v in row.items() if k not in known}
        o._state = state_for(extra, issues)
        o.__class__ = self.cls
        return o  # type: ignore[no-any-return]

    def encode(
        self, obj: T, locale: str | None = None, *, timezone: str | None = None
    ) -> dict[str, Any]:
        """An instance as a request row; attributes set to ``UNSET`` are left out. A decoded
        :class:`~smartsuite._core.model.Model` sends its key column and the attributes assigned
        since it was read (an assigned ``None`` is sent blank, which clears the column).

        Raises:
            ConfigurationError: ``obj`` is not an instance of the schema class, or holds a value
                AppSheet cannot take.
        """
        if not isinstance(obj, self.cls):
            raise ConfigurationError(f"expected a {self.cls.__name__}, got {type(obj).__name__}")
        out: dict[str, Any] = {}
        changed = _changed(obj)
        for f in self.fields:
            value = getattr(obj, f.attr)
            if value is serde.UNSET:
                continue
            if changed is not None and f.attr not in changed and f.column != self.key:
                continue
            out[f.column] = to_wire(value, locale, timezone=timezone, column=f.column)
        return out


def _changed(obj: Any) -> frozenset[str] | None:
    """The assigned attributes of a decoded Model; None for anything else (send it all)."""
    if isinstance(obj, Model) and obj.is_decoded:
        return obj.assigned_fields()
    return None


def _make_converter(locale: str | None) -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=False)

    def text(value: Any, _: type) -> str:
        if isinstance(value, str | int | float | Decimal) and not isinstance(value, bool):
            return str(value)
        raise TypeError(f"expected text, got {type(value).__name__}")

    conv.register_structure_hook(str, text)
    conv.register_structure_hook(bool, lambda v, _: parse_bool(v))
    conv.register_structure_hook(int, lambda v, _: parse_int(v, locale))
    conv.register_structure_hook(float, lambda v, _: float(parse_decimal(v, locale)))
    conv.register_structure_hook(Decimal, lambda v, _: parse_decimal(v, locale))
    conv.register_structure_hook(dt.datetime, lambda v, _: parse_datetime(v, locale))
    conv.register_structure_hook(dt.date, lambda v, _: parse_date(v, locale))
    conv.register_structure_hook(dt.time, lambda v, _: parse_time(v))

    def is_text_list(tp: Any) -> bool:
        return typing.get_origin(tp) is list and typing.get_args(tp) in ((str,), ())

    conv.register_structure_hook_func(is_text_list, lambda v, _: parse_list(v))
    return conv


_SCHEMAS: dict[type, Schema[Any]] = {}


def schema_for(cls: type[T]) -> Schema[T]:
    """The (cached) :class:`Schema` of an attrs class."""
    schema = _SCHEMAS.get(cls)
    if schema is None:
        schema = _SCHEMAS[cls] = Schema(cls)
    return schema


__all__ = ["ColumnInfo", "Schema", "column", "schema_for"]
