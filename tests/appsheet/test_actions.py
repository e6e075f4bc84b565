"""Every action over HTTP, both answer shapes, the request body and Properties."""

from __future__ import annotations

import datetime as dt

import pytest

from smartsuite.appsheet import AppSheetClient, Filter, Properties, col
from smartsuite.emulator import Emulator

from .conftest import sent_bodies

pytestmark = pytest.mark.asyncio


async def test_fresh_emulator_has_people(appsheet_client: AppSheetClient) -> None:
    assert await appsheet_client.table("People").list().to_list() == []


async def test_add_with_generated_key_then_find_bare_array(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    people = appsheet_client.table("People", key="ID")
    result = await people.add([{"Name": "Ann", "Age": 30, "Active": True}])
    assert result.ok and result.requests == 1
    added = result[0].value
    assert added is not None and len(added["ID"]) == 8  # generated, UNIQUEID()-style
    # The Add answer is {"Rows": [...]} with every column, blank ones and _RowNumber included.
    assert added["Email"] == "" and added["_RowNumber"] == "2" and added["Active"] == "Y"

    found = await people.list().to_list()
    assert [r["Name"] for r in found] == ["Ann"]
    raw = smartsuite_emulator.appsheet.log[-1]
    assert raw.status == 200
    # Find's wire answer is a bare array, and all-blank columns are left out of it.
    assert found[0]["ID"] == added["ID"] and "Email" not in found[0]


async def test_request_body_and_auth_header(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    people = appsheet_client.table("People", key="ID")
    await people.add([{"ID": "p1", "Name": "Ann"}])
    entry = emu.appsheet.log[-1]
    assert entry.path == f"/apps/{emu.appsheet_app_id}/tables/People/Action"
    assert entry.query == {}  # the key never travels in the query string
    assert entry.credential  # ... but it did arrive, in the ApplicationAccessKey header
    assert entry.json() == {
        "Action": "Add",
        "Properties": {"Locale": "en-US"},
        "Rows": [{"ID": "p1", "Name": "Ann"}],
    }


async def test_properties_defaults_and_overrides(smartsuite_emulator: Emulator) -> None:
    emu = smartsuite_emulator
    defaults = Properties(timezone="Pacific Standard Time", location=(47.623098, -122.330184))
    async with AppSheetClient(
        emu.appsheet_app_id, emu.appsheet_access_key, base_url=emu.appsheet_url, properties=defaults
    ) as client:
        table = client.table("People", properties=Properties(run_as_user_email="a@example.com"))
        await table.list(
            properties=Properties(locale="en-GB", user_settings={"Option 1": "v"}, extra={"X": 1})
        ).to_list()
    assert sent_bodies(emu)[-1]["Properties"] == {
        "X": 1,
        "Locale": "en-GB",
        "Location": "47.623098, -122.330184",
        "Timezone": "Pacific Standard Time",
        "RunAsUserEmail": "a@example.com",
        "UserSettings": {"Option 1": "v"},
    }


async def test_find_by_keys_get_and_empty_keys(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    people = appsheet_client.table("People", key="ID")
    await people.add([{"ID": k, "Name": k.upper()} for k in ("a", "b", "c")])
    found = await people.list(keys=["c", "a", "zzz"]).to_list()
    assert [r["ID"] for r in found] == ["c", "a"]
    assert sent_bodies(smartsuite_emulator)[-1]["Rows"] == [{"ID": "c"}, {"ID": "a"}, {"ID": "zzz"}]
    assert (await people.get("b")) == {"ID": "b", "Name": "B", "_RowNumber": "3"}
    assert await people.get("nope") is None
    requests = len(smartsuite_emulator.appsheet.log)
    assert await people.list(keys=[]).to_list() == []  # empty Rows would read the whole table
    assert len(smartsuite_emulator.appsheet.log) == requests


async def test_list_streams_find_results(appsheet_client: AppSheetClient) -> None:
    people = appsheet_client.table("People", key="ID")
    await people.add([{"ID": str(i), "Age": i} for i in range(5)])
    seen = [row["ID"] async for row in people.list(Filter("People", col("Age") >= 2))]
    assert seen == ["2", "3", "4"]
    page = await people.list()
    assert len(page.items) == 5 and not page.has_next


async def test_edit_keeps_other_columns(appsheet_client: AppSheetClient) -> None:
    people = appsheet_client.table("People", key="ID")
    await people.add([{"ID": "e1", "Name": "Eve", "Age": 40, "Joined": dt.date(2020, 1, 2)}])
    result = await people.edit([{"ID": "e1", "Age": 41}])
    assert result.ok
    row = result[0].value
    assert row is not None
    assert (row["Name"], row["Age"], row["Joined"]) == ("Eve", "41", "01/02/2020")


async def test_delete_by_keys_and_by_rows(appsheet_client: AppSheetClient) -> None:
    people = appsheet_client.table("People", key="ID")
    await people.add([{"ID": k} for k in ("d1", "d2", "d3")])
    by_key = await people.delete(["d1"])
    by_row = await people.delete([{"ID": "d2", "Name": "ignored"}])
    assert by_key.ok and by_row.ok
    assert by_key[0].value is not None and by_key[0].value["ID"] == "d1"
    assert [r["ID"] for r in await people.list().to_list()] == ["d3"]


async def test_invoke_custom_action_sets_a_column(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    smartsuite_emulator.appsheet.state.add_action(
        "People", "Deactivate", set_column="Active", value=False
    )
    people = appsheet_client.table("People", key="ID")
    await people.add([{"ID": "u1", "Active": True}, {"ID": "u2", "Active": True}])
    result = await people.invoke("Deactivate", [{"ID": "u2"}])
    assert result.ok and result[0].value is not None and result[0].value["Active"] == "N"
    assert sent_bodies(smartsuite_emulator)[-1]["Action"] == "Deactivate"
    active = {r["ID"]: r["Active"] for r in await people.list().to_list()}
    assert active == {"u1": "Y", "u2": "N"}


async def test_warnings_are_surfaced(
    appsheet_client: AppSheetClient, caplog: pytest.LogCaptureFixture
) -> None:
    people = appsheet_client.table("People", key="ID")
    result = await people.add([{"ID": "w1", "Nickname": "x"}])
    assert result.ok
    assert result.warnings == ["Column 'Nickname' is not in table 'People'; its value was ignored."]
    assert "1 warnings" in result.summary()
    assert any("Nickname" in r.getMessage() for r in caplog.records)


async def test_custom_table_with_number_key_and_virtual_column(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    smartsuite_emulator.appsheet.state.create_table(
        "Order Items/2024",
        key="No",
        columns={"No": "Number", "Item": "Text", "Qty": "Number", "Price": "Price"},
        generated_key=True,
        virtual={"Total": lambda r: (r["Qty"] or 0) * (r["Price"] or 0)},
    )
    items = appsheet_client.table("Order Items/2024", key="No")
    result = await items.add([{"Item": "pen", "Qty": 3, "Price": "1.50"}, {"No": 7, "Item": "ink"}])
    assert [r.value["No"] for r in result if r.value] == ["1", "7"]
    assert result[0].value is not None and result[0].value["Total"] == "4.50"
    # The name is URL-encoded whole, so its slash cannot split the path.
    assert appsheet_client.action_path("Order Items/2024").endswith(
        "/tables/Order%20Items%2F2024/Action"
    )
    assert [r["Item"] for r in await items.list(keys=[7]).to_list()] == ["ink"]
