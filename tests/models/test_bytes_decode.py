"""Sheets decoded straight from bytes (msgspec mirror structs, ``_core/bytes_decode``) against the
reference decoder: on arbitrary bodies the same object (types, values, ``extra``,
``decode_issues``, shared state) or the same error, lenient and strict; over HTTP through
``ss.sheets.get``, with misfits, a truncated body and without msgspec installed."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from smartsuite._core import bytes_decode, sansio, serde
from smartsuite._core.config import RateLimitConfig
from smartsuite._core.errors import DecodeError
from smartsuite._core.model import DECODED
from smartsuite._core.response import Response
from smartsuite.smartsheet import Sheet, SmartsheetClient
from smartsuite.smartsheet._converter import CONVERTER

from ..core.support import Answer, ScriptedServer, server  # noqa: F401
from .test_fast_decoders import PROPERTY, any_cell, good_cell, json_values, rows, scalars, snapshot

pytestmark = pytest.mark.skipif(not bytes_decode.available(), reason="msgspec is not installed")

#: A converter without any fast hook: the reference decoder all the way down.
REFERENCE = serde.make_converter(camel_case=True)
FAST = RateLimitConfig(rate=100_000, per=1, burst=1_000)
STAMPS = ["2024-05-01T10:00:00Z", "2024-05-01T10:00:00", "2024-05-01", "nope", 1714557600000]


@contextlib.contextmanager
def every_body_large() -> Iterator[None]:
    """Take the bytes path (and the stdlib parser on the reference path) whatever the size."""
    saved = sansio.LARGE_BODY_BYTES, bytes_decode.CHECK_ONLY_BYTES
    sansio.LARGE_BODY_BYTES = bytes_decode.CHECK_ONLY_BYTES = 0
    try:
        yield
    finally:
        sansio.LARGE_BODY_BYTES, bytes_decode.CHECK_ONLY_BYTES = saved


def outcome(fn: Any, body: bytes, strict: bool) -> Any:
    try:
        with serde.strict_decoding(strict), every_body_large():
            return ("ok", snapshot(fn(body)))
    except DecodeError as exc:
        return ("error", DecodeError, str(exc))


def via_bytes(body: bytes) -> Sheet:
    response = Response(200, {}, body, "GET", "/sheets/1")
    with contextlib.suppress(DecodeError):  # as the transport does: check, keep what parsed
        response.check_json()
    return bytes_decode.decode_response(CONVERTER, response, Sheet)


def via_reference(body: bytes) -> Sheet:
    return serde.structure(REFERENCE, sansio.loads(body, status=200), Sheet)


columns = st.lists(
    st.fixed_dictionaries(
        {"id": st.integers(0, 2**60), "title": st.text(max_size=4)},
        optional={"type": st.sampled_from(["TEXT_NUMBER", "DATE"]) | scalars, "x": scalars},
    ),
    max_size=3,
)
sheets = st.fixed_dictionaries(
    {},
    optional={
        "id": st.integers(0, 2**53) | json_values,
        "name": st.text(max_size=5) | scalars,
        "version": st.integers(0, 10) | scalars,
        "createdAt": st.sampled_from(STAMPS) | scalars,
        "userSettings": st.dictionaries(st.text(max_size=3), scalars, max_size=2) | scalars,
        "columns": columns | json_values,
        "rows": st.lists(rows(any_cell) | json_values, max_size=3) | json_values,
        "newSheetThing": json_values,
    },
)
EDGES = [
    b'{"rows": [{"cells": [{"columnId": 1, "value": NaN}]}]}',
    b'{"rows": [{"cells": [{"columnId": 1, "value": "\\ud800"}]}]}',
    b'{"rows": [{"cells": [{"columnId": 1, "value": 1e400}]}]}',
    b'{"rows": [{"id": 123456789012345678901234567890, "cells": []}]}',
    b'{"rows": [{"cells": [{"columnId": 1, "value": "\xff"}]}]}',
    b'{"rows": [{"cells": [{"columnId": 1, "value": 2}, {"columnId": 1}]',
    b'{"rows": [{"id": 1, "id": "x"}], "rows": [{"id": 2}]}',
    b'{"id": 1, "rows": null, "columns": null}',
    b"  [] ",
    b"",
]
bodies = (
    sheets.map(lambda d: json.dumps(d).encode())
    | json_values.map(lambda v: json.dumps(v).encode())
    | st.sampled_from(EDGES)
)


@pytest.mark.parametrize("strict", [False, True])
@PROPERTY
@given(body=bodies)
def test_bytes_decoder_agrees_with_reference(body: bytes, strict: bool) -> None:
    assert outcome(via_bytes, body, strict) == outcome(via_reference, body, strict)


good_rows = st.fixed_dictionaries(
    {"id": st.integers(0, 2**63)},
    optional={
        "rowNumber": st.integers(0, 100),
        "expanded": st.booleans(),
        "createdAt": st.sampled_from(STAMPS[:3]) | st.integers(0, 2**41),
        "permalink": st.text(max_size=5) | st.none(),
        "permaLink": st.text(max_size=5),
        "format": st.none(),
        "cells": st.lists(good_cell, max_size=4),
    },
)
good_sheets = st.fixed_dictionaries(
    {"id": st.integers(0, 2**53), "rows": st.lists(good_rows, max_size=4)},
    optional={
        "name": st.text(max_size=5),
        "columns": st.lists(
            st.fixed_dictionaries(
                {"id": st.integers(0, 2**60), "title": st.text(max_size=4)},
                optional={"type": st.sampled_from(["TEXT_NUMBER", "DATE"])},
            ),
            max_size=3,
        ),
    },
)


@PROPERTY
@given(data=good_sheets)
def test_well_typed_sheets_take_the_fast_path_and_match(data: dict[str, Any]) -> None:
    body = json.dumps(data).encode()
    assume(b"Infinity" not in body)  # not JSON: the reference path decides (tested above)
    decoder = bytes_decode.decoder_for(CONVERTER, Sheet)
    assert decoder is not None
    with every_body_large():
        fast = decoder.decode(body)  # no Fallback: nothing here is off the fast path
    assert snapshot(fast) == outcome(via_reference, body, False)[1]


def large_sheet(rows: int = 800) -> dict[str, Any]:
    from benchmarks.sheet_body import sheet_dict

    return sheet_dict(rows, 25)


def encoded(data: dict[str, Any]) -> bytes:
    body = json.dumps(data, separators=(",", ":")).encode()
    assert len(body) > sansio.LARGE_BODY_BYTES  # the size that takes the bytes path
    return body


@pytest.fixture
def fast_calls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records each bytes decode: True when the fast path returned the sheet."""
    calls: list[bool] = []
    real = bytes_decode.BytesDecoder.decode

    def spy(self: Any, body: bytes) -> Any:
        try:
            result = real(self, body)
        except bytes_decode.Fallback:
            calls.append(False)
            raise
        calls.append(True)
        return result

    monkeypatch.setattr(bytes_decode.BytesDecoder, "decode", spy)
    return calls


async def test_sheets_get_decodes_a_large_sheet_from_bytes(
    server: ScriptedServer,  # noqa: F811
    fast_calls: list[bool],
) -> None:
    data = large_sheet()
    body = encoded(data)
    server.script(Answer(body=body))
    async with SmartsheetClient("t", base_url=server.url, rate_limit=FAST) as ss:
        sheet = await ss.sheets.get(1)
    assert fast_calls == [True]
    assert snapshot(sheet) == snapshot(via_reference(body))
    first = sheet.rows[0]
    assert first["Task"] == data["rows"][0]["cells"][0]["value"]
    assert first._state is DECODED and first.cells[0]._state is DECODED
    assert sheet.rows[-1].created_at is not None and sheet.rows[-1].created_at.tzinfo
    assert len(sheet.to_records()) == len(data["rows"])


async def test_misfits_in_a_large_sheet_are_kept_as_the_reference_keeps_them(
    server: ScriptedServer,  # noqa: F811
    fast_calls: list[bool],
) -> None:
    data = large_sheet()
    data["rows"][3]["cells"][1]["newCellThing"] = {"a": 1}  # unknown key: extra
    data["rows"][5]["cells"][2]["strict"] = "no"  # a string in a boolean field
    data["rows"][7]["futureRowField"] = [1]
    data["rows"][9]["createdAt"] = "not a time"
    data["newSheetField"] = True  # the sheet itself goes the reference way
    body = encoded(data)
    server.script(Answer(body=body), Answer(body=body))
    async with SmartsheetClient("t", base_url=server.url, rate_limit=FAST) as ss:
        sheet = await ss.sheets.get(1)
        with serde.strict_decoding(), pytest.raises(DecodeError, match=r"Cell\.strict"):
            await ss.sheets.get(1)
    assert fast_calls[0] is False  # the unknown sheet key sent the body to the reference path
    assert snapshot(sheet) == snapshot(via_reference(body))
    assert sheet.extra == {"newSheetField": True}
    assert sheet.rows[3].cells[1].extra == {"newCellThing": {"a": 1}}
    assert sheet.rows[5].cells[2].decode_issues[0].field == "strict"
    assert sheet.rows[7].extra == {"futureRowField": [1]}
    assert sheet.rows[9].decode_issues[0].field == "created_at"


async def test_a_misfit_row_costs_only_itself(
    server: ScriptedServer,  # noqa: F811
    fast_calls: list[bool],
) -> None:
    data = large_sheet()
    data["rows"][3]["cells"][1]["newCellThing"] = 1
    body = encoded(data)
    server.script(Answer(body=body))
    async with SmartsheetClient("t", base_url=server.url, rate_limit=FAST) as ss:
        sheet = await ss.sheets.get(1)
    assert fast_calls == [True]
    assert snapshot(sheet) == snapshot(via_reference(body))
    assert sheet.rows[3].cells[1].extra == {"newCellThing": 1}
    assert sheet.rows[3]._index is sheet.rows[0]._index is sheet.column_index()


@pytest.mark.parametrize(
    "damage", [lambda b: b[: len(b) // 2], lambda b: b.replace(b"alpha", b"alph\xff", 1)]
)
async def test_a_damaged_large_body_is_retried_as_malformed(
    server: ScriptedServer,  # noqa: F811
    damage: Any,
) -> None:
    body = encoded(large_sheet())
    server.script(Answer(body=damage(body)), Answer(body=body))
    async with SmartsheetClient("t", base_url=server.url, rate_limit=FAST) as ss:
        sheet = await ss.sheets.get(1)
        assert ss.stats.retries["malformed"] == 1
    assert len(sheet.rows) == 800


def test_well_formed_checks_syntax_and_utf8_without_building() -> None:
    assert bytes_decode.well_formed(b'{"a": ["\xc3\xa9", 1.5, null]}')
    assert not bytes_decode.well_formed(b'{"a": [1, 2')
    assert not bytes_decode.well_formed(b'{"a": "\xff"}')
    assert not bytes_decode.well_formed(b'{"a": NaN}')  # json decides: see check_json
    response = Response(200, {}, b'{"a": NaN}', "GET", "/x")
    with every_body_large():
        response.check_json()
    assert response.is_parsed


def test_without_msgspec_the_stdlib_path_decodes_the_same() -> None:
    """msgspec hidden in a fresh interpreter: no bytes decoder, the same sheet."""
    script = textwrap.dedent(
        """
        import sys
        sys.modules["msgspec"] = None  # import msgspec -> ImportError
        from benchmarks.sheet_body import sheet_body
        from smartsuite._core import bytes_decode
        from smartsuite._core.response import Response
        from smartsuite.smartsheet import Sheet
        from smartsuite.smartsheet._converter import CONVERTER
        body = sheet_body(800, 25)
        response = Response(200, {}, body, "GET", "/sheets/1")
        response.check_json()
        assert response.is_parsed and not bytes_decode.available()
        assert bytes_decode.decoder_for(CONVERTER, Sheet) is None
        sheet = bytes_decode.decode_response(CONVERTER, response, Sheet)
        print(len(sheet.to_records()), sheet.rows[0]["Task"])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    from benchmarks.sheet_body import sheet_body

    sheet = via_bytes(sheet_body(800, 25))
    assert done.stdout.split() == [str(len(sheet.rows)), *str(sheet.rows[0]["Task"]).split()]
