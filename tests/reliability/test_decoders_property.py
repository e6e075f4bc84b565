"""Property tests: whatever a server sends, decoding gives a typed model or a DecodeError.

Bodies go through ``sansio.loads`` (bytes -> JSON) and the services' decoders (``serde.structure``
with each service's converter, and the envelope readers); arbitrary JSON, model-shaped objects
with missing, extra and wrongly typed fields, huge numbers, deep nesting and non-UTF-8 bytes.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartsuite._core import sansio, serde
from smartsuite._core.client import BaseClient
from smartsuite._core.errors import DecodeError
from smartsuite._core.response import Response
from smartsuite.appsheet.tables import parse_action_response
from smartsuite.resource_management import models as rm_models
from smartsuite.resource_management._converter import CONVERTER as RM
from smartsuite.resource_management._resource import RMResource
from smartsuite.resource_management.receiver import parse_webhook
from smartsuite.smartsheet import models as ss_models
from smartsuite.smartsheet._converter import CONVERTER as SS
from smartsuite.smartsheet._resource import SmartsheetResource

PROPERTY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SMARTSHEET_MODELS: list[type[Any]] = [
    ss_models.Sheet,
    ss_models.Row,
    ss_models.Column,
    ss_models.Cell,
    ss_models.Result,
    ss_models.Attachment,
    ss_models.Discussion,
]
RM_MODELS: list[type[Any]] = [
    rm_models.User,
    rm_models.Project,
    rm_models.TimeEntry,
    rm_models.Assignment,
    rm_models.Approval,
]
# (Paging is decoded only from objects, by the envelope readers: see the envelope tests.)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()  # unbounded: far past 64 bits
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["", "2024-13-45", "1e400", "-0", "null", "\udcff"])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def wire_names(cls: type[Any], camel: bool) -> list[str]:
    return [serde.to_camel(a.name) if camel else a.name for a in attrs.fields(cls)]


def shaped(cls: type[Any], camel: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Objects with some of the model's own fields (any values) and some extra ones."""
    names = wire_names(cls, camel)
    return st.builds(
        lambda known, extra: {**extra, **known},
        st.dictionaries(st.sampled_from(names), json_values, max_size=len(names)),
        st.dictionaries(st.text(max_size=8), json_values, max_size=3),
    )


def well_typed(cls: type[Any], camel: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Objects whose values have plausible types, so decoding often succeeds and the
    successful branch is exercised too."""
    plausible = st.none() | st.integers(0, 2**53) | st.text(max_size=10) | st.booleans()
    names = wire_names(cls, camel)
    return st.dictionaries(st.sampled_from(names), plausible, max_size=len(names))


def nested(depth: int) -> Any:
    data: Any = 1
    for _ in range(depth):
        data = {"rows": [data], "cells": data, "data": [data]}
    return data


def check_model(converter: Any, data: Any, cls: type[Any]) -> None:
    try:
        out = serde.structure(converter, data, cls)
    except DecodeError as exc:
        assert cls.__name__ in str(exc)
        return
    assert isinstance(out, cls)
    assert isinstance(data, dict), f"{data!r} is not an object, yet became {out!r}"
    if isinstance(out, ss_models.Sheet):
        out.to_records()  # derived views must not break on odd data either


@pytest.mark.parametrize("cls", SMARTSHEET_MODELS, ids=lambda c: c.__name__)
@PROPERTY
@given(data=st.data())
def test_smartsheet_models_decode_or_decode_error(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(json_values | shaped(cls, True) | well_typed(cls, True))
    check_model(SS, value, cls)


@pytest.mark.parametrize("cls", RM_MODELS, ids=lambda c: c.__name__)
@PROPERTY
@given(data=st.data())
def test_rm_models_decode_or_decode_error(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(json_values | shaped(cls, False) | well_typed(cls, False))
    check_model(RM, value, cls)


@PROPERTY
@given(body=st.binary(max_size=64) | st.text(max_size=40).map(str.encode))
def test_loads_gives_json_or_decode_error(body: bytes) -> None:
    try:
        sansio.loads(body, status=200)
    except DecodeError as exc:
        assert "HTTP 200" in str(exc)


int64 = st.integers(-(2**63), 2**63 - 1)
exact_values = st.recursive(
    st.none()
    | st.booleans()
    | int64
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@PROPERTY
@given(value=exact_values)
def test_loads_round_trips_what_a_server_could_send(value: Any) -> None:
    assert sansio.loads(json.dumps(value).encode()) == value


@PROPERTY
@given(value=json_values)
def test_loads_of_any_json_text_gives_json_or_decode_error(value: Any) -> None:
    # NaN, Infinity and integers past 64 bits included (orjson refuses some of them)
    with contextlib.suppress(DecodeError):
        sansio.loads(json.dumps(value).encode())


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 5000 + b"1" + b"}" * 5000,
        b"9" * 5000,
        b'{"id": 1' + b"\xff\xfe" + b"}",
        b"\xef\xbb\xbf{}",
        b"\x00",
    ],
    ids=["deep-list", "deep-object", "huge-int", "bad-utf8", "bom", "nul"],
)
def test_loads_hostile_bodies(body: bytes) -> None:
    with contextlib.suppress(DecodeError):
        sansio.loads(body)


@pytest.mark.parametrize("cls", [ss_models.Sheet, ss_models.Row, rm_models.User])
def test_deeply_nested_data_is_a_decode_error(cls: type[Any]) -> None:
    converter = SS if cls.__module__.startswith("smartsuite.smartsheet") else RM
    check_model(converter, nested(3000), cls)
    check_model(converter, {"rows": nested(3000), "columns": [nested(3000)]}, cls)


@pytest.mark.parametrize("value", [10**400, -(10**400), 2**64, float("inf"), float("nan")])
def test_huge_numbers_in_every_typed_field(value: Any) -> None:
    for cls, converter, camel in [
        (ss_models.Sheet, SS, True),
        (ss_models.Row, SS, True),
        (ss_models.Column, SS, True),
        (rm_models.TimeEntry, RM, False),
        (rm_models.Project, RM, False),
    ]:
        for name in wire_names(cls, camel):
            check_model(converter, {"id": 1, name: value}, cls)


# -- envelopes ----------------------------------------------------------------------------

index_results = st.fixed_dictionaries(
    {},
    optional={
        "pageNumber": json_values,
        "pageSize": json_values,
        "totalPages": json_values,
        "totalCount": json_values,
        "data": st.lists(json_values | well_typed(ss_models.Sheet, True), max_size=3) | json_values,
    },
)


@PROPERTY
@given(data=index_results | json_values)
def test_smartsheet_index_result_gives_a_page_or_decode_error(data: Any) -> None:
    resource = SmartsheetResource(BaseClient())
    try:
        page = resource._index_page(data, ss_models.Sheet, b"")
    except DecodeError:
        return
    assert all(isinstance(s, ss_models.Sheet) for s in page.items)
    assert page.next_cursor is None or isinstance(page.next_cursor, int)


rm_envelopes = st.fixed_dictionaries(
    {},
    optional={
        "data": st.lists(json_values | well_typed(rm_models.User, False), max_size=3) | json_values,
        "paging": st.fixed_dictionaries(
            {}, optional={k: json_values for k in ("page", "per_page", "next", "previous")}
        )
        | json_values,
    },
)


@PROPERTY
@given(data=rm_envelopes | json_values)
def test_rm_envelope_gives_a_page_or_decode_error(data: Any) -> None:
    resource = RMResource(BaseClient())
    try:
        body = json.dumps(data).encode()
        page = resource._page(Response(200, {}, body, "GET", "/users"), rm_models.User)
    except DecodeError:
        return
    assert all(isinstance(u, rm_models.User) for u in page.items)
    assert page.next_cursor is None or isinstance(page.next_cursor, str)


@PROPERTY
@given(data=json_values | st.builds(lambda t, d: {"type": t, "data": d}, json_values, json_values))
def test_rm_webhook_body_gives_an_event_or_decode_error(data: Any) -> None:
    try:
        event = parse_webhook(data) if isinstance(data, dict) else parse_webhook(json.dumps(data))
    except DecodeError:
        return
    assert isinstance(event, rm_models.WebhookEvent)


@PROPERTY
@given(body=st.binary(max_size=40))
def test_rm_webhook_raw_bytes_give_an_event_or_decode_error(body: bytes) -> None:
    with contextlib.suppress(DecodeError):
        parse_webhook(body)


appsheet_answers = (
    json_values
    | st.lists(json_values, max_size=3)
    | st.fixed_dictionaries(
        {}, optional={"Rows": json_values | st.lists(json_values), "Warnings": json_values}
    )
)


@PROPERTY
@given(data=appsheet_answers)
def test_appsheet_action_answer_gives_rows_or_decode_error(data: Any) -> None:
    try:
        parsed = parse_action_response(data, b"")
    except DecodeError:
        return
    assert all(isinstance(r, dict) for r in parsed.rows)
    assert all(isinstance(w, str) for w in parsed.warnings)
