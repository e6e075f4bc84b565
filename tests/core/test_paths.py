"""Caller-supplied values placed in a URL path stay one segment, end to end."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import ConfigurationError, NotFoundError
from smartsuite._core.paths import segment
from smartsuite.appsheet import AppSheetClient
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient

AWKWARD = "People/x?y=1#z%41"


def test_segment_encodes_every_delimiter() -> None:
    assert segment(AWKWARD) == "People%2Fx%3Fy%3D1%23z%2541"
    assert segment("..x") == "..x"  # dots are only special as a whole segment
    assert segment(42) == "42"


@pytest.mark.parametrize("value", ["", ".", ".."])
def test_segment_refuses_dot_segments(value: str) -> None:
    with pytest.raises(ConfigurationError, match="table name"):
        segment(value, "table name")


async def test_appsheet_table_name_stays_one_segment(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    emu.appsheet.state.create_table("People", key="ID", columns={"ID": "Text", "Name": "Text"})
    emu.appsheet.state.create_table(AWKWARD, key="ID", columns={"ID": "Text", "Name": "Text"})
    await appsheet_client.table(AWKWARD, key="ID").add([{"ID": "p1", "Name": "Ann"}])
    # The server saw the whole name as the table (path decoded by the server), and the row
    # landed there rather than in ``People`` or nowhere.
    assert emu.appsheet.log[-1].path == f"/apps/{emu.appsheet_app_id}/tables/{AWKWARD}/Action"
    assert emu.appsheet.log[-1].query == {}
    found = await appsheet_client.table(AWKWARD, key="ID").list().to_list()
    assert [r["ID"] for r in found] == ["p1"]
    assert await appsheet_client.table("People", key="ID").list().to_list() == []


async def test_dot_segments_are_refused_before_sending(
    appsheet_client: AppSheetClient,
    smartsheet_client: SmartsheetClient,
    smartsuite_emulator: Emulator,
) -> None:
    emu = smartsuite_emulator
    sent = len(emu.appsheet.log), len(emu.smartsheet.log)
    with pytest.raises(ConfigurationError, match="table name"):
        await appsheet_client.table("..", key="ID").list().to_list()
    with pytest.raises(ConfigurationError, match="contact_id"):
        await smartsheet_client.contacts.get("..")
    assert (len(emu.appsheet.log), len(emu.smartsheet.log)) == sent


async def test_contact_id_fragment_is_encoded(
    smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    with pytest.raises(NotFoundError):
        await smartsheet_client.contacts.get("AAAA#frag")
    entry = smartsuite_emulator.smartsheet.log[-1]
    assert entry.path == "/contacts/AAAA#frag"
    assert entry.query == {}


@pytest.mark.parametrize("share_id", ["AQ?x=1", "AQ#frag", "AQ%2F"])
async def test_share_id_stays_one_segment(
    share_id: str, smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    with pytest.raises(NotFoundError):
        await smartsheet_client.shares.get("sheet", 1, share_id)
    entry = smartsuite_emulator.smartsheet.log[-1]
    assert entry.path == f"/shares/{share_id}"
    assert entry.query == {"assetType": "sheet", "assetId": "1"}


async def test_share_id_dot_segment_is_refused(
    smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    with pytest.raises(ConfigurationError, match="share_id"):
        await smartsheet_client.shares.delete("sheet", 1, "..")
    assert smartsuite_emulator.smartsheet.log == []
