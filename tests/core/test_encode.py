"""The generated model encoders against the reference loop (``make_model_unstructure_fn``):
the same dict, key order and value types included, for built objects, decoded ones, decoded
ones with assignments, and nested models, on every model of Smartsheet and Resource
Management."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import typing
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartsuite._core.model import Model, ModelTypeError
from smartsuite._core.serde import make_converter, make_fast_unstructure_fn, to_camel
from smartsuite.resource_management._converter import CONVERTER as RM_CONVERTER
from smartsuite.resource_management._converter import _wire_name as rm_wire_name
from smartsuite.resource_management.models import CustomFieldFilter, ReportFilter
from smartsuite.smartsheet._converter import CONVERTER
from smartsuite.smartsheet.models import Cell, Column, Row

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REFERENCE = make_converter(camel_case=True, reference_encoders=True)


class Level(enum.IntEnum):
    HIGH = 2


def same(obj: Any, fast: Any = CONVERTER, reference: Any = REFERENCE) -> None:
    """The two encoders give equal dicts with equal key order and equal value types."""
    got, want = fast.unstructure(obj), reference.unstructure(obj)
    assert repr(got) == repr(want)
    assert got == want


values = (
    st.none()
    | st.booleans()
    | st.integers(-(2**64), 2**64)
    | st.floats(allow_nan=False)
    | st.text(max_size=5)
    | st.just(Level.HIGH)
    | st.dates()
    | st.datetimes(timezones=st.just(dt.UTC))
    | st.lists(st.integers() | st.text(max_size=3) | st.dates(), max_size=3)
    | st.dictionaries(st.text(max_size=3), st.integers() | st.dates(), max_size=2)
)
cell_fields = {
    "column_id": st.integers(0, 2**53),
    "value": values,
    "display_value": st.none() | st.text(max_size=4),
    "formula": st.none() | st.text(max_size=4),
    "hyperlink": st.none() | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    "object_value": values,
    "format": st.none() | st.text(max_size=4),
    "strict": st.none() | st.booleans(),
    "override_validation": st.none() | st.booleans(),
}
built_cells = st.fixed_dictionaries({}, optional=cell_fields).map(lambda kw: Cell(**kw))


@st.composite
def decoded_cells(draw: st.DrawFn) -> Cell:
    wire = draw(
        st.fixed_dictionaries(
            {"columnId": st.integers(0, 2**53) | st.none()},
            optional={"value": st.integers() | st.text(max_size=3), "displayValue": st.text()},
        )
    )
    cell = CONVERTER.structure(wire, Cell)
    for name, value in draw(st.dictionaries(st.sampled_from(sorted(cell_fields)), values)).items():
        with contextlib.suppress(ModelTypeError):
            setattr(cell, name, value)
    return cell


any_cells = built_cells | decoded_cells()
row_fields = {
    "id": st.integers(0, 2**53),
    "parent_id": st.none() | st.integers(0, 2**40),
    "sibling_id": st.none() | st.integers(0, 2**40),
    "above": st.none() | st.booleans(),
    "to_top": st.none() | st.booleans(),
    "to_bottom": st.none() | st.booleans(),
    "expanded": st.none() | st.booleans(),
    "format": st.none() | st.text(max_size=4),
    "created_at": st.none() | st.datetimes(timezones=st.just(dt.UTC)) | st.datetimes(),
    "cells": st.lists(any_cells, max_size=4),
    "columns": st.none() | st.lists(st.builds(Column, title=st.text(max_size=3)), max_size=2),
    "proofs": values,
}


@given(st.fixed_dictionaries({}, optional=row_fields))
@PROPERTY
def test_built_rows_encode_as_the_reference(fields: dict[str, Any]) -> None:
    same(Row(**fields))


@given(
    st.fixed_dictionaries(
        {"id": st.integers(0, 2**53) | st.none()},
        optional={"rowNumber": st.integers(0, 9), "expanded": st.booleans()},
    ),
    st.lists(decoded_cells() | built_cells, max_size=4),
    st.lists(st.sampled_from(sorted(row_fields)), unique=True, max_size=4),
    st.data(),
)
@PROPERTY
def test_decoded_rows_with_assignments_encode_as_the_reference(
    wire: dict[str, Any], cells: list[Cell], assign: list[str], data: st.DataObject
) -> None:
    row = CONVERTER.structure(wire, Row)
    object.__setattr__(row, "cells", cells)  # as decoded with these cells (not assigned)
    for name in assign:
        with contextlib.suppress(ModelTypeError):
            setattr(row, name, data.draw(row_fields[name]))
    same(row)


@given(any_cells)
@PROPERTY
def test_cells_encode_as_the_reference(cell: Cell) -> None:
    same(cell)


def _models(base: type) -> list[type]:
    out, todo = [], [base]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("smartsuite.") and "._core" not in sub.__module__:
                todo.append(sub)
                if (
                    not sub.__name__.startswith("_")
                    and attrs.has(sub)
                    and sub.__dict__.get("__attrs_attrs__")
                ):
                    out.append(sub)
    return out


def _sample(tp: Any) -> Any:
    """A value of a field's type, for the sweep (None where None fits)."""
    args = typing.get_args(tp)
    if type(None) in args:
        return None
    origin = typing.get_origin(tp) or tp
    samples: dict[Any, Any] = {int: 7, str: "s", float: 1.5, bool: True, list: [], dict: {}}
    samples[dt.datetime] = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    samples[dt.date] = dt.date(2024, 5, 1)
    return samples.get(origin, "x")


def test_every_model_encodes_as_the_reference() -> None:
    """Each Smartsheet and RM model, built with every field set and decoded with every field
    assigned, gives the reference's dict (wire names, order, nulls, identity)."""
    rm_reference = make_converter(camel_case=False, wire_name=rm_wire_name, reference_encoders=True)
    checked = 0
    for cls in _models(Model):
        if cls.__module__.startswith("smartsuite.smartsheet"):
            fast, reference = CONVERTER, REFERENCE
        elif cls.__module__.startswith("smartsuite.resource_management"):
            if cls in (ReportFilter, CustomFieldFilter):  # sent whole, by their own hook
                continue
            fast, reference = RM_CONVERTER, rm_reference
        else:
            continue
        hints = typing.get_type_hints(cls)
        required = {
            a.name: _sample(hints[a.name])
            for a in attrs.fields(cls)
            if a.init and a.default is attrs.NOTHING
        }
        try:
            built = cls(**required)
        except ModelTypeError:  # a required field of a model type: covered by its own model
            continue
        decoded = fast.structure(reference.unstructure(built), cls)
        for a in attrs.fields(cls):
            if not a.init:
                continue
            for obj in (built, decoded):
                with contextlib.suppress(ModelTypeError):
                    setattr(obj, a.name, _sample(hints[a.name]))
        same(built, fast, reference)
        same(decoded, fast, reference)
        checked += 1
    assert checked > 90


def test_an_unresolved_annotation_is_generated_on_first_use() -> None:
    @attrs.define
    class Later(Model):
        ref: Unknown | None = None  # type: ignore[name-defined]  # noqa: F821

    fn = make_fast_unstructure_fn(Later, CONVERTER, lambda _c, n: to_camel(n))
    globals()["Unknown"] = int
    try:
        assert fn(Later(ref=3)) == {"ref": 3}
    finally:
        del globals()["Unknown"]
