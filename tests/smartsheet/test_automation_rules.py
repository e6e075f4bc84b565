"""ss.automation_rules over HTTP against the emulator's seeded rules."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from smartsuite._core.errors import BadRequestError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.automation import AutomationAction, AutomationRule

from .collab_helpers import fast_client, last, sheet_with_row


@pytest.fixture
async def ss(smartsuite_emulator: Emulator) -> AsyncIterator[SmartsheetClient]:
    async with fast_client(smartsuite_emulator) as client:
        yield client


async def test_list_get_update_delete(ss: SmartsheetClient, smartsuite_emulator: Emulator) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    rules = await ss.automation_rules.list(sheet_id).to_list()
    entry = last(smartsuite_emulator)
    assert (entry.method, entry.path) == ("GET", f"/sheets/{sheet_id}/automationrules")
    assert entry.query["pageSize"] == "1000"
    # the multistep workflow is not exposed
    assert [r.action.type for r in rules if r.action] == [
        "NOTIFICATION_ACTION",
        "APPROVAL_REQUEST_ACTION",
        "UPDATE_REQUEST_ACTION",
    ]
    disabled = rules[2]
    assert disabled.enabled is False and disabled.disabled_reason == "NO_POTENTIAL_RECIPIENTS"
    notify = rules[0]
    assert notify.id is not None
    got = await ss.automation_rules.get(sheet_id, notify.id)
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/automationrules/{notify.id}"
    assert got.action and got.action.recipients and got.action.recipients[0].email

    changed = await ss.automation_rules.update(
        sheet_id,
        notify.id,
        AutomationRule(
            name="Tell the team",
            enabled=False,
            action=AutomationAction(type="NOTIFICATION_ACTION", frequency="DAILY"),
        ),
    )
    entry = last(smartsuite_emulator)
    assert entry.method == "PUT"
    assert entry.json() == {
        "name": "Tell the team",
        "enabled": False,
        "action": {"type": "NOTIFICATION_ACTION", "frequency": "DAILY"},
    }
    assert changed.name == "Tell the team" and changed.enabled is False
    assert changed.action and changed.action.frequency == "DAILY"

    result = await ss.automation_rules.delete(sheet_id, notify.id)
    assert result.result_code == 0
    remaining = await ss.automation_rules.list(sheet_id).to_list()
    assert notify.id not in [r.id for r in remaining]


async def test_documented_errors(ss: SmartsheetClient, smartsuite_emulator: Emulator) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    rules = await ss.automation_rules.list(sheet_id).to_list()
    assert rules[1].id is not None
    with pytest.raises(BadRequestError) as info:
        await ss.automation_rules.update(
            sheet_id, rules[1].id, {"action": {"type": "NOTIFICATION_ACTION"}}
        )
    assert info.value.code == 1220
    multistep = next(
        r
        for r in smartsuite_emulator.smartsheet.state.collab.rules_of(sheet_id).values()
        if r.get("_multistep")
    )
    with pytest.raises(BadRequestError) as info:
        await ss.automation_rules.get(sheet_id, multistep["id"])
    assert info.value.code == 1266
