"""The sync ETL entry points against the emulator: upserts, streams, files."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from smartsuite.etl import UpsertResult as AsyncUpsertResult
from smartsuite.sync import (
    AppSheetClient,
    LoopThreadError,
    Paginator,
    ResourceManagementClient,
    SmartsheetClient,
    etl,
)

from .conftest import make_sheet


def test_upsert_rows_adds_then_updates(ss: SmartsheetClient, tmp_path: Path) -> None:
    sheet_id = make_sheet(ss, rows=2)
    records = [{"Key": f"K-{i}", "Name": f"v{i}", "Hours": i} for i in range(5)]
    events: list[str] = []
    result = etl.upsert_rows(
        ss,
        sheet_id,
        records,
        key="Key",
        checkpoint=tmp_path / "job.json",
        on_progress=lambda e: events.append(e.phase),
    )
    assert isinstance(result, AsyncUpsertResult)
    assert result.counts()["added"] == 3 and result.counts()["updated"] == 2
    assert "add" in events and not (tmp_path / "job.json").exists()  # done: removed
    again = ss.rows.upsert(sheet_id, records, key="Key")  # the namespace's shortcut
    assert again.counts()["unchanged"] == 5
    assert len(ss.sheets.get(sheet_id).to_records()) == 5


def test_generic_upsert_with_a_sync_target(ss: SmartsheetClient) -> None:
    sheet_id = make_sheet(ss)
    target = etl.SheetTarget(ss, sheet_id, batch_size=2)
    result = etl.upsert(target, [{"Key": f"K-{i}"} for i in range(5)], key="Key")
    assert result.ok and result.write_requests == 3


def test_stream_sheet_to_a_file(ss: SmartsheetClient, tmp_path: Path) -> None:
    sheet_id = make_sheet(ss, rows=7)
    stream = etl.stream_sheet(ss, sheet_id, page_size=3)
    assert isinstance(stream, Paginator)
    assert [len(p.items) for p in stream.pages()] == [3, 3, 1]
    # A sync paginator handed to write_records is read on the client's loop, streamed.
    count = etl.write_records(etl.stream_sheet(ss, sheet_id, page_size=3), tmp_path / "out.csv")
    assert count == 7
    with open(tmp_path / "out.csv", newline="") as handle:
        assert [r["Key"] for r in csv.DictReader(handle)] == [f"K-{i}" for i in range(7)]
    # A plain iterable needs no client at all.
    assert etl.write_records([{"a": 1}], tmp_path / "plain.jsonl") == 1
    assert json.loads((tmp_path / "plain.jsonl").read_text()) == {"a": 1}
    assert etl.read_records(tmp_path / "plain.jsonl") == [{"a": 1}]


def test_a_paginator_given_as_rows_is_read_first(ss: SmartsheetClient) -> None:
    source = make_sheet(ss, rows=4, name="Source")
    target = make_sheet(ss, name="Target")
    added = ss.rows.add(target, etl.stream_sheet(ss, source))
    assert added.ok and len(added) == 4
    assert [r["Key"] for r in ss.sheets.get(target).to_records()] == [f"K-{i}" for i in range(4)]


def test_appsheet_upsert_and_stream(app: AppSheetClient) -> None:
    people = app.table("People", key="ID")
    people.add([{"ID": "a", "Name": "A"}, {"ID": "b", "Name": "B"}])
    result = etl.upsert_table(
        app, "People", [{"ID": "a", "Name": "A2"}, {"ID": "c", "Name": "C"}], key="ID"
    )
    assert result.counts()["updated"] == 1 and result.counts()["added"] == 1
    names = {r["ID"]: r["Name"] for r in etl.stream_table(app, "People")}
    assert names == {"a": "A2", "b": "B", "c": "C"}


def test_rm_time_entries(rm: ResourceManagementClient) -> None:
    user = rm.users.create(first_name="T", last_name="E")
    project = rm.projects.create(name="P")
    assert user.id is not None and project.id is not None
    day = dt.date(2024, 6, 3)
    records = [{"user_id": user.id, "assignable_id": project.id, "date": day, "hours": 3.0}]
    result = etl.upsert_time_entries(rm, records)
    assert result.counts()["added"] == 1
    streamed = list(etl.stream_time_entries(rm, from_=day, to=day))
    assert [r["hours"] for r in streamed] == [3.0]
    target = etl.time_entries_target(rm, from_=day, to=day)
    again = etl.upsert(target, [{**records[0], "hours": 4.0}], key=("user_id", "date"))
    assert again.counts()["updated"] == 1


def test_a_callback_calling_the_client_gets_a_clear_error(ss: SmartsheetClient) -> None:
    sheet_id = make_sheet(ss)

    def progress(event: etl.ProgressEvent) -> None:
        ss.sheets.get(sheet_id)  # runs on the client's loop thread: refused

    with pytest.raises(LoopThreadError, match="own event-loop thread"):
        etl.upsert_rows(ss, sheet_id, [{"Key": "x"}], key="Key", on_progress=progress)
    with pytest.raises(LoopThreadError):
        ss.sheets.list().map(lambda s: ss.sheets.get(s.id or 0)).to_list()
    assert ss.sheets.get(sheet_id).id == sheet_id  # the client still works
