"""Each benchmark script runs end to end at a tiny size, so none of them can rot.

Timings are printed by the scripts, never asserted here. What is checked: the run completes
(each script verifies its own work: decoders agree on the records, every row lands, every time
entry is walked) and the table names every contender.
"""

from __future__ import annotations

import json
import os

import pytest

from benchmarks import (
    _harness,
    bulk_write,
    decode_rm,
    decode_sheet,
    request_overhead,
    rm_paging,
    scale,
    sync_overhead,
)
from benchmarks._server import EmulatorProcess, ServerError
from benchmarks.sheet_body import columns, sheet_body, sheet_dict
from smartsuite.emulator import Emulator
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


def test_decode_check_refuses_msgspec_losing_data(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("msgspec")
    from benchmarks import msgspec_sheet

    body = sheet_body(30)
    original = msgspec_sheet.decode

    def lossy(raw: bytes) -> msgspec_sheet.Sheet:
        sheet = original(raw)
        sheet.rows[0].cells[0].value = "changed"
        return sheet

    monkeypatch.setattr(msgspec_sheet, "decode", lossy)
    with pytest.raises(RuntimeError, match="msgspec decoded different records"):
        decode_sheet.check(body, 30, with_sdk=False)


def test_decode_rm(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        decode_rm.main(["--per-page", "20", "--rows", "20", "--calls", "2", "--repeat", "1"]) == 0
    )
    out = capsys.readouterr().out
    assert decode_rm.FLOOR in out and decode_rm.TYPED in out


def test_decode_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("msgspec")
    only = "json.loads (floor),msgspec,smartsuite typed Sheet,HTTP: aiohttp,ss.sheets.get"
    assert decode_sheet.main(["--rows", "60", "--repeat", "1", "--only", only, "--no-sdk"]) == 0
    out = capsys.readouterr().out
    for name in (decode_sheet.FLOOR, decode_sheet.MSGSPEC, decode_sheet.TYPED, "to_records()"):
        assert name in out
    for name in (decode_sheet.HTTP_FLOOR, decode_sheet.HTTP_OURS, "resident growth"):
        assert name in out
    assert "target <= 1.0x time" in out


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_decode_sheet_every_contender(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("msgspec")
    pytest.importorskip("smartsheet")
    assert decode_sheet.main(["--rows", "60", "--repeat", "1", "--sdk-repeat", "1"]) == 0
    out = capsys.readouterr().out
    for name in (
        decode_sheet.FLOOR,
        "orjson.loads",
        decode_sheet.MSGSPEC,
        decode_sheet.TYPED,
        "to_records()",
        decode_sheet.HTTP_FLOOR,
        decode_sheet.HTTP_OURS,
        decode_sheet.SDK,
        "resident growth",
        "tracemalloc peak",
        "load average",
    ):
        assert name in out
    assert "target <= 1.0x time" in out


def test_bulk_write(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--rows", "1000", "--sheets", "2", "--only", "upsert, 2 sheets, limiter"]
    assert bulk_write.main([*argv, "--repeat", "1", "--limiter", "both", "--no-sdk"]) == 0
    out = capsys.readouterr().out
    assert "limiter = server 10/s [fixed]" in out
    assert "limiter = server 10/s [adaptive]" in out
    assert out.count("| 1,000 ") == 2  # every row landed in both runs


def test_bulk_write_measures_one_sheet_against_its_round_trips() -> None:
    floor, paced = bulk_write.scenarios(
        rows=10, sheets=1, lower_rate=8, one_sheet_rows=10, sdk_rows=10, sdk=False
    )[3:5]
    assert paced.floor_of == floor.name

    def result(s: bulk_write.Scenario, wall: float) -> bulk_write.RunResult:
        return bulk_write.RunResult(s, wall, bulk_write.ServerTally(accepted=30), 0.0, 10)

    # 30 requests at 5/s, less the bucket: 4 s; the round trips took 5 s; the run 5.5 s.
    text = bulk_write.render(
        {floor.name: [result(floor, 5.0)], paced.name: [result(paced, 5.5)]}, "x"
    )
    assert "90.9% (90.9% - 90.9%) of max(round trips, limit)" in text


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the official SDK's ssl options
def test_bulk_write_every_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("smartsheet")
    argv = ["--rows", "1000", "--sheets", "2", "--one-sheet-rows", "500", "--sdk-rows", "1000"]
    assert bulk_write.main([*argv, "--repeat", "1", "--limiter", "both"]) == 0
    out = capsys.readouterr().out
    assert "limiter = server 10/s [fixed]" in out
    assert "limiter = server 10/s [adaptive]" in out
    assert "server 8/s < limiter 10/s [adaptive]" in out
    assert "of max(round trips, limit)" in out
    assert "official SDK / smartsuite, same sequential work" in out
    assert out.count("| 1,000 ") >= 7  # every row landed in each two-sheet run (run_once checks)


def test_rm_paging(capsys: pytest.CaptureFixture[str]) -> None:
    assert rm_paging.main(["--entries", "1500", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "sequential" in out and "prefetch (default)" in out


def test_request_overhead(capsys: pytest.CaptureFixture[str]) -> None:
    assert request_overhead.main(["--requests", "50", "--repeat", "1", "--profile", "5"]) == 0
    out = capsys.readouterr().out
    assert request_overhead.FLOOR in out and "smartsuite ss.rows.get" in out
    assert "server in its own process" in out and "internal time" in out


def test_sync_overhead(capsys: pytest.CaptureFixture[str]) -> None:
    assert sync_overhead.main(["--calls", "30", "--hops", "100", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert sync_overhead.ASYNC in out and sync_overhead.SYNC in out and "wall ratio" in out


def test_scale(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--scales", "1,2", "--decode-rows", "40", "--write-rows", "600"]
    assert scale.main([*argv, "--write-sheets", "2", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "2x" in out and "export resident growth" in out


def server_pid(emu: Emulator) -> int:
    return os.getpid()


def server_fails(emu: Emulator) -> None:
    raise ValueError("broken on purpose")


def test_the_emulator_runs_in_its_own_process_and_reports_errors() -> None:
    with EmulatorProcess() as emu:
        assert emu.call(server_pid) != os.getpid()
        assert emu.smartsheet_url.startswith("http://127.0.0.1:")
        with pytest.raises(ServerError, match="broken on purpose"):
            emu.call(server_fails)
        assert emu.call(server_pid) != os.getpid()  # still serving after an error


def test_fresh_runs_in_a_new_process_and_ratios_pair_rounds() -> None:
    assert _harness.fresh(os.getpid) != os.getpid()
    ratios = _harness.paired_ratios([2.0, 6.0, 3.0], [1.0, 2.0, 3.0])
    assert ratios.values == (2.0, 3.0, 1.0) and ratios.median == 2.0
    text = _harness.ratio_table("t", "base", {"base": [1.0, 2.0], "other": [2.0, 2.0]})
    assert "1.00x - 2.00x" in text and "1.50x" in text
