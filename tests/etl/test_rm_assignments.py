"""RM assignments through the same engine: matched on a natural key, changed ones replaced
(RM has no update call for assignments), exactly once when answers are lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from smartsuite._core.errors import ConfigurationError
from smartsuite.emulator import Emulator, Fault
from smartsuite.etl import (
    AssignmentReplaceError,
    RecordStatus,
    read_records,
    stream_assignments,
    upsert_assignments,
    write_records,
)
from smartsuite.resource_management import ResourceManagementClient


async def setup(rm: ResourceManagementClient) -> tuple[int, int, int, int]:
    ada = await rm.users.create(first_name="Ada", last_name="L")
    bob = await rm.users.create(first_name="Bob", last_name="K")
    apollo = await rm.projects.create(name="Apollo")
    gemini = await rm.projects.create(name="Gemini")
    return ada.id, bob.id, apollo.id, gemini.id


def plan(ada: int, bob: int, apollo: int, gemini: int) -> list[dict[str, Any]]:
    """Text values, as read from a CSV file."""
    return [
        {"user_id": str(u), "assignable_id": str(p), "starts_at": "2024-04-01",
         "ends_at": "2024-04-30", "percent": "0.5", "note": f"{u}/{p}"}
        for u in (ada, bob)
        for p in (apollo, gemini)
    ]  # fmt: skip


def stored(emu: Emulator) -> list[dict[str, Any]]:
    return sorted(emu.rm.state.all("assignments"), key=lambda a: (a["user_id"], a["assignable_id"]))


async def test_assignments_upsert_adds_replaces_and_reports(
    rm_client: ResourceManagementClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    ids = await setup(rm_client)
    records = plan(*ids)
    first = await upsert_assignments(rm_client, records)
    assert first.ok and first.counts()["added"] == 4
    assert sorted(r.id for r in first) == sorted(a["id"] for a in stored(emu))
    assert [a["percent"] for a in stored(emu)] == [0.5] * 4

    again = await upsert_assignments(rm_client, records)
    assert again.counts()["unchanged"] == 4 and again.write_requests == 0

    old_ids = [r.id for r in first]
    records[0]["percent"] = ""  # an allocation given whole: hours per day instead of a percent
    records[0]["hours_per_day"] = "6"
    records[1]["ends_at"] = "2024-05-15"  # only the end moves: the rest is kept
    del records[1]["note"]
    records.append(dict(records[3]))  # a duplicate key
    records.append({**records[3], "starts_at": "2024-06-01", "ends_at": "2024-05-01"})
    records.append({**records[3], "starts_at": "2024-07-01", "ends_at": "2024-07-31"})
    emu.rm.log.clear()
    second = await upsert_assignments(rm_client, records)
    assert [r.status for r in second] == [
        RecordStatus.UPDATED,
        RecordStatus.UPDATED,
        RecordStatus.UNCHANGED,
        RecordStatus.UNCHANGED,
        RecordStatus.DUPLICATE,
        RecordStatus.FAILED,
        RecordStatus.ADDED,
    ]
    assert second[0].changed == ("percent", "hours_per_day")
    assert second[1].changed == ("ends_at",)
    assert "ends_at 2024-05-01 is before starts_at 2024-06-01" in str(second[5].error)
    # replaced: the old ones are gone, the results carry the new ids
    assert second[0].id != old_ids[0] and second[1].id != old_ids[1]
    assert second[2].id == old_ids[2]
    methods = sorted(e.method for e in emu.rm.log if e.method != "GET")
    assert methods == ["DELETE", "DELETE", "POST", "POST", "POST"]
    now = {a["id"]: a for a in emu.rm.state.all("assignments")}
    assert len(now) == 5 and old_ids[0] not in now and old_ids[1] not in now
    first_new, second_new = now[second[0].id], now[second[1].id]
    assert first_new["allocation_mode"] == "hours_per_day" and first_new["hours_per_day"] == 6
    assert first_new["note"] == records[0]["note"]
    assert second_new["ends_at"] == "2024-05-15" and second_new["percent"] == 0.5
    assert second_new["note"] == f"{ids[0]}/{ids[3]}"  # a field left out keeps its value

    third = await upsert_assignments(rm_client, records[:4] + records[6:])
    assert third.counts()["unchanged"] == 5


@pytest.mark.parametrize("method", ["DELETE", "POST"])
async def test_replacement_is_exactly_once_when_an_answer_is_lost(
    rm_client: ResourceManagementClient, smartsuite_emulator: Emulator, method: str
) -> None:
    emu = smartsuite_emulator
    records = plan(*await setup(rm_client))
    assert (await upsert_assignments(rm_client, records)).ok
    for record in records:
        record["percent"] = "0.25"
    # The write lands but its answer is lost: the engine must re-read, not write it again.
    emu.rm.faults.script(Fault.DROP_AFTER, method=method, path_contains="/assignments")
    result = await upsert_assignments(rm_client, records, concurrency=2)
    # A lost DELETE answer: DELETE is idempotent, so the transport sends it again; the 404
    # that answers the repeat means "done", and the replacement goes on with nothing unknown.
    # A lost POST answer: the re-read finds the replacement, so nothing is sent again.
    assert result.ok and result.reconciled == (0 if method == "DELETE" else 1)
    assert result.counts()["added"] == 0 and result.counts()["updated"] == 4
    now = stored(emu)
    assert len(now) == 4 and [a["percent"] for a in now] == [0.25] * 4
    assert sorted(r.id for r in result) == sorted(a["id"] for a in now)
    assert (await upsert_assignments(rm_client, records)).counts()["unchanged"] == 4


async def test_a_failed_replacement_names_the_deleted_assignment(
    rm_client: ResourceManagementClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    records = plan(*await setup(rm_client))[:1]
    first = await upsert_assignments(rm_client, records)
    records[0]["status_option_id"] = "999999"  # no such status option: the create is refused
    second = await upsert_assignments(rm_client, records)
    assert second[0].status is RecordStatus.FAILED
    error = second[0].error
    assert isinstance(error, AssignmentReplaceError) and error.removed_id == first[0].id
    assert f"assignment {first[0].id} was deleted" in str(error)
    assert emu.rm.state.all("assignments") == []
    del records[0]["status_option_id"]
    assert (await upsert_assignments(rm_client, records))[0].status is RecordStatus.ADDED


async def test_assignments_refuse_unknown_fields_and_bad_values(
    rm_client: ResourceManagementClient,
) -> None:
    ids = await setup(rm_client)
    with pytest.raises(ConfigurationError, match="no field 'bill_rate'"):
        await upsert_assignments(rm_client, [{**plan(*ids)[0], "bill_rate": "100"}])
    bad = [{**plan(*ids)[0], "percent": "half"}, {**plan(*ids)[1], "allocation_mode": "daily"}]
    result = await upsert_assignments(rm_client, bad)
    assert [r.status for r in result] == [RecordStatus.FAILED] * 2
    assert "'percent': bad value 'half'" in str(result[0].error)
    assert "allocation_mode must be one of" in str(result[1].error)
    assert result.write_requests == 0


async def test_stream_assignments_to_file_and_upsert_back_on_a_custom_key(
    rm_client: ResourceManagementClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    ada, bob, apollo, gemini = await setup(rm_client)
    phase = await rm_client.phases.create(
        apollo, phase_name="Design", starts_at=dt.date(2024, 4, 1), ends_at=dt.date(2024, 4, 30)
    )
    records = plan(ada, bob, apollo, gemini)
    records.append({**records[0], "assignable_id": str(phase.id)})  # phases are included
    assert (await upsert_assignments(rm_client, records)).counts()["added"] == 5
    path = tmp_path / "assignments.csv"
    assert await write_records(stream_assignments(rm_client), path) == 5
    back = read_records(path)
    assert sorted(r["assignable_id"] for r in back).count(str(phase.id)) == 1
    fields = ("user_id", "assignable_id", "starts_at", "ends_at", "percent", "note")
    mine = [{f: r[f] for f in fields} for r in back]
    key = ("note", "assignable_id")  # any natural key the caller chooses
    again = await upsert_assignments(rm_client, mine, key=key)
    assert again.counts()["unchanged"] == 5
    windowed = [r async for r in stream_assignments(rm_client, to=dt.date(2024, 3, 31))]
    assert windowed == []
