"""RM time entries through the same engine, matched on a natural key."""

from __future__ import annotations

import datetime as dt

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
