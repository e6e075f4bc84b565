"""``Table.list()``: the AppSheet read is an ``AsyncPaginator`` like every other collection;
``find()`` and ``iter()`` keep working for one release with a DeprecationWarning; a table
needs only its app settings and a transport, not the client."""

from __future__ import annotations

import attrs
import pytest

from smartsuite import AsyncPaginator, ConfigurationError, Limits, ResponseTooLargeError
from smartsuite.appsheet import AppSheetClient, Filter, Properties, Table, col
from smartsuite.emulator import Emulator


async def test_list_is_one_page_read_when_used(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    people = appsheet_client.table("People", key="ID")
    await people.add([{"ID": str(i), "Age": i} for i in range(4)])
    sent = len(smartsuite_emulator.appsheet.log)
    rows = people.list(Filter("People", col("Age") >= 1))
    assert isinstance(rows, AsyncPaginator)
    assert len(smartsuite_emulator.appsheet.log) == sent  # nothing sent yet
    assert [r["ID"] for r in await rows.to_list()] == ["1", "2", "3"]
    pages = [page async for page in people.list().pages()]
    assert len(pages) == 1 and len(pages[0].items) == 4 and not pages[0].has_next
    assert sorted(r["ID"] for r in await people.list(keys=["3", "0"]).to_list()) == ["0", "3"]


async def test_bad_arguments_are_refused_when_called(appsheet_client: AppSheetClient) -> None:
    people = appsheet_client.table("People", key="ID")
    with pytest.raises(ConfigurationError, match="selector or keys"):
        people.list(Filter("People"), keys=["1"])
    with pytest.raises(ConfigurationError, match="key column"):
        appsheet_client.table("People").list(keys=["1"])
    with pytest.raises(ConfigurationError, match="Properties"):
        people.list(properties={"Locale": "en-GB"})  # type: ignore[arg-type]


async def test_find_and_iter_are_deprecated_names(appsheet_client: AppSheetClient) -> None:
    people = appsheet_client.table("People", key="ID")
    await people.add([{"ID": "a", "Age": 1}])
    with pytest.warns(DeprecationWarning, match=r"Table\.find\(\) is deprecated.*Table\.list"):
        found = await people.find(keys=["a"])
    assert [r["ID"] for r in found] == ["a"]
    with pytest.warns(DeprecationWarning, match=r"Table\.iter\(\) is deprecated") as caught:
        paginator = people.iter()
    assert caught[0].filename == __file__  # blamed on the caller's line
    assert [r["ID"] async for r in paginator] == ["a"]


async def test_the_one_page_is_bounded_by_the_body_limit(smartsuite_emulator: Emulator) -> None:
    emu = smartsuite_emulator
    async with AppSheetClient(
        emu.appsheet_app_id,
        emu.appsheet_access_key,
        base_url=emu.appsheet_url,
        limits=Limits(max_body_bytes=2048),
    ) as app:
        people = app.table("People", key="ID")
        await people.add([{"ID": str(i), "Name": "x" * 40} for i in range(100)], batch_size=10)
        with pytest.raises(ResponseTooLargeError):
            await people.list().to_list()


@attrs.define
class Settings:
    """App settings without a client (what :class:`AppSettings` asks of one)."""

    app_id: str
    properties: Properties
    batch_size: int = 2


async def test_a_table_needs_settings_and_a_transport_only(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    settings = Settings(appsheet_client.app_id, Properties(locale="en-US"))
    table: Table[dict[str, str]] = Table(
        settings, "People", transport=appsheet_client._transport, key="ID"
    )
    added = await table.add([{"ID": str(i)} for i in range(3)])
    assert added.ok
    writes = [e for e in smartsuite_emulator.appsheet.log if e.json()["Action"] == "Add"]
    assert len(writes) == 2  # batches of the settings' batch_size
    settings.properties = Properties(locale="en-GB")  # read at each call
    await table.list().to_list()
    assert smartsuite_emulator.appsheet.log[-1].json()["Properties"]["Locale"] == "en-GB"
    assert "Settings(app_id=" in repr(table)
