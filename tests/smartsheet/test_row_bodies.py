"""Write bodies: the direct dict -> wire encoder against the reference path (dict -> Row ->
converter), byte for byte, and the up-front check against what the reference raises."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartsuite._core import sansio
from smartsuite._core.errors import ConfigurationError, LimitExceededError
from smartsuite._core.model import ModelTypeError
from smartsuite.smartsheet import Cell, Column, Row
from smartsuite.smartsheet._converter import CONVERTER
from smartsuite.smartsheet.row_encode import RowBodies

PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

COLUMNS = [
    CONVERTER.structure(c, Column)
    for c in (
        {"id": 101, "title": "Task", "type": "TEXT_NUMBER", "primary": True},
        {"id": 102, "title": "Tags", "type": "MULTI_PICKLIST"},
        {"id": 103, "title": "People", "type": "MULTI_CONTACT_LIST"},
        {"id": 104, "title": "Due", "type": "DATE"},
        {"id": 105, "title": "id", "type": "TEXT_NUMBER"},  # a column titled like a row field
        {"title": "No id", "type": "TEXT_NUMBER"},
    )
]


class Level(enum.IntEnum):
    HIGH = 2


class Tag(enum.StrEnum):
    RED = "red"


values = (
    st.none()
    | st.booleans()
    | st.integers(-(2**64), 2**64)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5)
    | st.just("x" * 4001)
    | st.just(Level.HIGH)
    | st.just(Tag.RED)
    | st.dates()
    | st.datetimes()
    | st.lists(st.text(max_size=3) | st.just("a@x.io"), max_size=2)
    | st.tuples(st.text(max_size=3))
    | st.just({"objectType": "MULTI_PICKLIST", "values": ["a"]})
    | st.builds(Cell, value=st.text(max_size=3), formula=st.text(max_size=3))
    | st.just(object())
)
row_values = (
    st.none()
    | st.integers(0, 2**40)
    | st.booleans()
    | st.text(max_size=3)
    | st.just(Level.HIGH)
    | st.floats(allow_nan=False)
)
keys = st.sampled_from(["Task", "Tags", "People", "Due", "id", "No id", "Nope"])
row_keys = st.sampled_from(
    ["parent_id", "parentId", "siblingId", "to_top", "toBottom", "above", "format", "indent"]
)
records = st.dictionaries(keys, values, max_size=5) | st.dictionaries(
    keys | row_keys, values | row_values, max_size=6
)
plain_records = st.dictionaries(
    st.sampled_from(["Task", "Due", "parent_id", "to_top", "siblingId", "format"]),
    st.none() | st.booleans() | st.integers(0, 99) | st.text(max_size=4) | st.dates(),
    max_size=6,
)
locations = st.fixed_dictionaries(
    {
        "toTop": st.none() | st.booleans(),
        "toBottom": st.none() | st.booleans(),
        "parentId": st.none() | st.integers(1, 9),
        "siblingId": st.none() | st.integers(1, 9),
    }
)


def outcome(fn: Any) -> tuple[str, Any]:
    try:
        return "ok", fn()
    except (ConfigurationError, LimitExceededError, TypeError) as exc:
        return type(exc).__name__, str(exc)


def bodies(strict: bool | None, location: dict[str, Any], above: bool | None) -> RowBodies:
    return RowBodies(COLUMNS, CONVERTER, strict=strict, location=location, above=above)


@given(
    st.lists(records | plain_records, max_size=4),
    st.none() | st.booleans(),
    locations,
    st.none() | st.booleans(),
)
@PROPERTY
def test_direct_encoder_equals_the_reference(
    items: list[dict[str, Any]],
    strict: bool | None,
    location: dict[str, Any],
    above: bool | None,
) -> None:
    b = bodies(strict, location, above)
    want = outcome(lambda: b.reference(items, 3))
    got = outcome(lambda: b.encode(items, 3))
    assert repr(got) == repr(want)
    if want[0] == "ok":
        assert sansio.dumps(got[1]) == sansio.dumps(want[1])  # byte for byte, order included
    # the up-front check raises exactly what the reference raises, and nothing else
    first = outcome(lambda: b.reference(items))
    checked = outcome(lambda: b.check(items))
    assert checked == (first if first[0] != "ok" else ("ok", None))


@given(
    st.lists(
        st.dictionaries(st.sampled_from(["Task", "id"]), st.none() | st.integers(1, 9)),
        min_size=1,
        max_size=4,
    ),
    st.booleans(),
)
@PROPERTY
def test_update_check_refuses_rows_without_an_id(
    items: list[dict[str, Any]], id_column: bool
) -> None:
    # With a column titled "id", the key "id" is that column's cell, not the row's id.
    columns = COLUMNS if id_column else [c for c in COLUMNS if c.title != "id"]
    b = RowBodies(columns, CONVERTER)
    missing = [i for i, w in enumerate(b.reference(items)) if w.get("id") is None]
    if missing:
        with pytest.raises(ConfigurationError, match=f"row {missing[0]} has no id"):
            b.check(items, need_id=True)
    else:
        b.check(items, need_id=True)


def test_row_field_of_the_wrong_type_is_a_model_type_error_up_front() -> None:
    b = bodies(None, {}, None)
    with pytest.raises(ModelTypeError, match=r"Row\.parent_id"):
        b.check([{"Task": "a"}, {"Task": "b", "parent_id": "x"}])


def test_row_objects_check_only_the_values_they_send() -> None:
    long = "é" * 4001
    b = RowBodies((), CONVERTER)
    with pytest.raises(LimitExceededError, match="row 1, column 5: value has 4001"):
        b.check([Row(cells=[]), Row(cells=[Cell(column_id=5, value=long)])])
    decoded = CONVERTER.structure(
        {"id": 1, "cells": [{"columnId": 5, "value": long}, {"columnId": 6, "value": "a"}]}, Row
    )
    decoded.cells[1].value = "b"
    b.check([decoded])  # the long value is not sent: only the changed cell goes
    assert b.encode([decoded]) == [{"id": 1, "cells": [{"columnId": 6, "value": "b"}]}]
    decoded.cells[0].value = long + "!"
    with pytest.raises(LimitExceededError, match="4002 characters"):
        b.check([decoded])
    with pytest.raises(ConfigurationError, match="row 0 has no id"):
        b.check([Row(cells=[])], need_id=True)


def test_dates_and_strict_and_locations_on_the_direct_path() -> None:
    b = bodies(False, {"toTop": None, "toBottom": True, "parentId": None, "siblingId": 4}, True)
    out = b.encode(
        [
            {"Task": "a", "Due": dt.date(2024, 5, 1)},
            {"Task": "b", "to_top": True},
            {"Due": dt.datetime(2024, 5, 1, 9, 30), "format": ",,1"},
        ]
    )
    assert out == [
        {
            "cells": [
                {"columnId": 101, "value": "a", "strict": False},
                {"columnId": 104, "value": "2024-05-01", "strict": False},
            ],
            "toBottom": True,
            "siblingId": 4,
            "above": True,
        },
        {"toTop": True, "cells": [{"columnId": 101, "value": "b", "strict": False}]},
        {
            "format": ",,1",
            "cells": [{"columnId": 104, "value": "2024-05-01T09:30:00", "strict": False}],
            "toBottom": True,
            "siblingId": 4,
            "above": True,
        },
    ]
