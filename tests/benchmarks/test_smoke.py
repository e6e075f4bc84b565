"""Each benchmark script runs end to end at a tiny size, so none of them can rot.

Timings are printed by the scripts, never asserted here. What is checked: the run completes
(each script verifies its own work: decoders agree on the records, every row lands, every time
entry is walked) and the table names every contender.
"""

from __future__ import annotations

import json

import pytest

from benchmarks import bulk_write, decode_sheet, request_overhead, rm_paging, scale, sync_overhead
from benchmarks.sheet_body import columns, sheet_body, sheet_dict
from smartsuite.smartsheet import Sheet


def test_sheet_body_is_the_json_of_sheet_dict() -> None:
    body = sheet_body(40, 7)
    data = json.loads(body)
    assert data == sheet_dict(40, 7)
    assert len(data["rows"]) == 40
    assert all(len(r["cells"]) == 7 for r in data["rows"])
    assert len({c["id"] for c in columns(60)}) == 60  # column ids stay unique past 25


def test_decode_check_refuses_a_decoder_that_loses_data(monkeypatch: pytest.MonkeyPatch) -> None:
    body = sheet_body(30)
    original = decode_sheet.typed_decode

    def lossy(raw: bytes) -> Sheet:
        sheet = original(raw)
        assert sheet.rows is not None
        sheet.rows.pop()
        return sheet

    monkeypatch.setattr(decode_sheet, "typed_decode", lossy)
    with pytest.raises(RuntimeError, match="different records"):
        decode_sheet.check(body, 30, with_sdk=False)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_decode_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    assert decode_sheet.main(["--rows", "60", "--repeat", "2", "--sdk-repeat", "1"]) == 0
    out = capsys.readouterr().out
    for name in (decode_sheet.FLOOR, decode_sheet.TYPED, "to_records()"):
        assert name in out
    assert "target <= 2x" in out


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the official SDK's ssl options
def test_bulk_write(capsys: pytest.CaptureFixture[str]) -> None:
    assert bulk_write.main(["--rows", "1200", "--sheets", "2"]) == 0
    out = capsys.readouterr().out
    assert "limiter = server" in out
    assert "server 8/s < limiter 10/s" in out
    assert out.count("1,200/1,200") >= 2  # every row landed in each smartsuite run


def test_rm_paging(capsys: pytest.CaptureFixture[str]) -> None:
    assert rm_paging.main(["--entries", "1500", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "sequential" in out and "prefetch (default)" in out


def test_request_overhead(capsys: pytest.CaptureFixture[str]) -> None:
    assert request_overhead.main(["--requests", "50", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert request_overhead.FLOOR in out and "smartsuite ss.rows.get" in out


def test_sync_overhead(capsys: pytest.CaptureFixture[str]) -> None:
    assert sync_overhead.main(["--calls", "30", "--hops", "100", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert sync_overhead.ASYNC in out and sync_overhead.SYNC in out and "wall ratio" in out


def test_scale(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--scales", "1,2", "--decode-rows", "40", "--write-rows", "600"]
    assert scale.main([*argv, "--write-sheets", "2", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "2x" in out and "export peak memory" in out
