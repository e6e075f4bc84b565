"""The generated Resource Management decoders against the converter's reference decoder, on
arbitrary valid and invalid objects: the same object or the same error, lenient and strict."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartsuite._core.model import Model
from smartsuite.resource_management import models
from smartsuite.resource_management._converter import CONVERTER, _wire_name
from smartsuite.resource_management.models.time import TimeEntry

from .test_fast_decoders import PROPERTY, json_values, outcome, scalars

FAST = sorted(
    (
        m
        for m in vars(models).values()
        if isinstance(m, type)
        and issubclass(m, Model)
        and hasattr(CONVERTER.get_structure_hook(m), "reference")
    ),
    key=lambda m: m.__name__,
)
STAMPS = ["2024-05-01T10:00:00Z", "2024-05-01T10:00:00+02:00", "2024-05-01", "nope", 17e11]


def keys(cls: type) -> list[str]:
    return [_wire_name(cls, a.name) for a in attrs.fields(cls) if a.init]


def objects(cls: type) -> st.SearchStrategy[dict[str, Any]]:
    values = json_values | st.sampled_from(STAMPS) | st.integers(0, 2**40) | scalars
    return st.dictionaries(st.sampled_from(keys(cls)) | st.text(max_size=4), values, max_size=8)


good_entry = st.fixed_dictionaries(
    {"id": st.integers(0, 2**53)},
    optional={
        "user_id": st.integers(0, 10**6) | st.none(),
        "date": st.sampled_from(["2024-05-01", "2024-02-29"]),
        "hours": st.floats(0, 24) | st.integers(0, 24) | st.none(),
        "bill_rate": st.floats(-1, 500) | st.integers(-1, 500),
        "task": st.text(max_size=5) | st.none(),
        "created_at": st.sampled_from(STAMPS[:2]),
        "is_suggestion": st.booleans(),
    },
)


def test_the_list_models_have_generated_decoders() -> None:
    assert TimeEntry in FAST and len(FAST) > 20


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("cls", FAST, ids=lambda c: c.__name__)
@settings(PROPERTY, max_examples=40)
@given(data=st.data())
def test_fast_rm_decoders_agree_with_reference(cls: type, strict: bool, data: Any) -> None:
    value = data.draw(objects(cls) | json_values)
    fast = CONVERTER.get_structure_hook(cls)
    assert outcome(fast, value, strict) == outcome(fast.reference, value, strict)


@PROPERTY
@given(entry=good_entry)
def test_well_typed_time_entries_match(entry: dict[str, Any]) -> None:
    fast = CONVERTER.get_structure_hook(TimeEntry)
    assert outcome(fast, entry, False) == outcome(fast.reference, entry, False)
