"""The generated Row/Cell decoders against the converter's reference decoder, on arbitrary valid
and invalid input: the same object (types, values, ``extra``, ``decode_issues``, shared state)
or the same error, in lenient and strict mode."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartsuite._core import serde
from smartsuite._core.errors import DecodeError
from smartsuite._core.model import DECODED, Model
from smartsuite.smartsheet._converter import CONVERTER
from smartsuite.smartsheet.models import Cell, Row

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=6)
    | st.sampled_from(["2024-05-01T10:00:00Z", "2024-05-01", "false", "1.9", "", "x"])
)
json_values = st.recursive(
    scalars,
    lambda kids: (
        st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3)
    ),
    max_leaves=8,
)
CELL_KEYS = [serde.to_camel(a.name) for a in attrs.fields(Cell) if a.init]
ROW_KEYS = [serde.to_camel(a.name) for a in attrs.fields(Row) if a.init] + ["permaLink"]

good_cell = st.fixed_dictionaries(
    {"columnId": st.integers(0, 2**53)},
    optional={
        "value": scalars,
        "displayValue": st.text(max_size=5),
        "strict": st.booleans(),
        "hyperlink": st.dictionaries(st.text(max_size=4), scalars, max_size=2),
        "linksOutToCells": st.lists(st.dictionaries(st.text(max_size=3), scalars, max_size=2)),
    },
)
any_cell = good_cell | st.dictionaries(
    st.sampled_from(CELL_KEYS) | st.text(max_size=6), json_values, max_size=6
)


def rows(cells: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "id": st.integers(0, 2**53) | json_values,
            "rowNumber": st.integers(0, 100) | scalars,
            "expanded": st.booleans() | scalars,
            "createdAt": st.sampled_from(["2024-05-01T10:00:00Z", "nope", 1714557600000]) | scalars,
            "permalink": st.text(max_size=5) | scalars,
            "permaLink": st.text(max_size=5),
            "cells": st.lists(cells, max_size=4) | json_values,
            "proofs": json_values,
            "extraKey": json_values,
        },
    ) | st.dictionaries(st.sampled_from(ROW_KEYS) | st.text(max_size=6), json_values, max_size=6)


def snapshot(value: Any) -> Any:
    if isinstance(value, Model):
        fields = tuple(
            (a.name, snapshot(getattr(value, a.name))) for a in attrs.fields(type(value)) if a.init
        )
        return (
            type(value),
            fields,
            dict(value.extra),
            value.decode_issues,
            value._state is DECODED,
        )
    if isinstance(value, list):
        return [snapshot(v) for v in value]
    if isinstance(value, dict):
        return {k: snapshot(v) for k, v in value.items()}
    return (type(value), value)


def outcome(fn: Any, data: Any, strict: bool) -> Any:
    try:
        with serde.strict_decoding(strict):
            return ("ok", snapshot(fn(data, None)))
    except DecodeError as exc:
        return ("error", DecodeError, str(exc))
    except Exception as exc:
        return ("error", type(exc), str(exc))


@pytest.mark.parametrize("strict", [False, True])
@PROPERTY
@given(data=any_cell | json_values)
def test_fast_cell_decoder_agrees_with_reference(data: Any, strict: bool) -> None:
    fast = CONVERTER.get_structure_hook(Cell)
    assert outcome(fast, data, strict) == outcome(fast.reference, data, strict)


@pytest.mark.parametrize("strict", [False, True])
@PROPERTY
@given(data=rows(any_cell) | json_values)
def test_fast_row_decoder_agrees_with_reference(data: Any, strict: bool) -> None:
    fast = CONVERTER.get_structure_hook(Row)
    assert outcome(fast, data, strict) == outcome(fast.reference, data, strict)


@PROPERTY
@given(data=rows(good_cell))
def test_well_typed_rows_stay_on_the_fast_path_and_match(data: Any) -> None:
    fast = CONVERTER.get_structure_hook(Row)
    assert outcome(fast, data, False) == outcome(fast.reference, data, False)


def test_a_missing_key_decodes_to_none_and_a_missing_cell_list_to_empty() -> None:
    row = serde.structure(CONVERTER, {"id": 1}, Row)
    assert row.cells == [] and row.format is None and row.extra == {} and row._state is DECODED
    cell = serde.structure(CONVERTER, {"columnId": 2}, Cell)
    assert cell.value is None and cell.hyperlink is None and cell._state is DECODED


def test_every_model_tracks_assignments() -> None:
    """A model declared without ``on_setattr=track`` would silently send nothing on update."""
    import smartsuite.resource_management.models as rm_models
    import smartsuite.smartsheet.models as ss_models

    found = [
        obj
        for module in (ss_models, rm_models)
        for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, Model) and obj is not Model
    ]
    assert len(found) > 60
    untracked = [cls.__name__ for cls in found if cls.__setattr__ is Model.__setattr__]
    assert untracked == []
