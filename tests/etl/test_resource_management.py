"""RM time entries through the same engine, matched on a natural key."""

from __future__ import annotations

import datetime as dt

import pytest

from smartsuite.emulator import Emulator, Fault
from smartsuite.etl import RecordStatus, upsert_time_entries
from smartsuite.resource_management import ResourceManagementClient


async def test_time_entries_upsert_on_natural_key(
    rm_client: ResourceManagementClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    user = await rm_client.users.create(first_name="Ada", last_name="L")
    project = await rm_client.projects.create(name="P")
    records = [
        {"user_id": str(user.id), "assignable_id": str(project.id), "date": f"2024-03-0{d}",
         "hours": "8"}
        for d in range(1, 6)
    ]  # fmt: skip
    window = {"from_": dt.date(2024, 3, 1), "to": dt.date(2024, 3, 31)}
    first = await upsert_time_entries(rm_client, records, **window)
    assert first.ok and first.counts()["added"] == 5

    records[2]["hours"] = "6.5"
    emu.rm.faults.script(Fault.DROP_AFTER, method="PUT")  # the update lands, its answer is lost
    second = await upsert_time_entries(rm_client, records, **window)
    assert [r.status for r in second] == [
        RecordStatus.UNCHANGED,
        RecordStatus.UNCHANGED,
        RecordStatus.UPDATED,
        RecordStatus.UNCHANGED,
        RecordStatus.UNCHANGED,
    ]
    assert second[2].changed == ("hours",)
    entries = await rm_client.time_entries.list(**window).to_list()
    assert len(entries) == 5
    assert sorted(e.hours for e in entries if e.hours is not None) == [6.5, 8, 8, 8, 8]


@pytest.mark.parametrize(
    "fault", [Fault.APPLIED_500, Fault.APPLIED_502, Fault.APPLIED_503, Fault.APPLIED_429]
)
async def test_time_entry_creates_land_once_when_answered_with_an_error(
    rm_client: ResourceManagementClient, smartsuite_emulator: Emulator, fault: Fault
) -> None:
    emu = smartsuite_emulator
    user = await rm_client.users.create(first_name="Ada", last_name="L")
    project = await rm_client.projects.create(name="P")
    records = [
        {"user_id": str(user.id), "assignable_id": str(project.id), "date": f"2024-04-0{d}",
         "hours": "8"}
        for d in range(1, 4)
    ]  # fmt: skip
    window = {"from_": dt.date(2024, 4, 1), "to": dt.date(2024, 4, 30)}
    emu.rm.faults.script(fault, method="POST", path_contains="/time_entries")  # applied
    result = await upsert_time_entries(rm_client, records, **window)
    assert [r.status for r in result] == [RecordStatus.ADDED] * 3, result.summary()
    assert result.reconciled == 1
    entries = await rm_client.time_entries.list(**window).to_list()
    assert sorted(str(e.date) for e in entries) == ["2024-04-01", "2024-04-02", "2024-04-03"]
    creates = [e for e in emu.rm.log if e.method == "POST" and "/time_entries" in e.path]
    assert len(creates) == 3  # the one answered with an error was never sent again
