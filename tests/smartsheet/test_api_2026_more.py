"""The rest of the 2026 API over HTTP: asset shares of every kind, plans and seats, report
structure, filters, favorites, downloads, passthrough, the integration-source header, wire
details (empty POSTs say JSON, include= on row writes, bare or enveloped rule updates),
events' end bound, the webhook list's -1 totals, plan webhooks, data classification and
``sheet.refresh()``."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from smartsuite._core.errors import (
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    NotFoundError,
)
from smartsuite.emulator import Emulator
from smartsuite.emulator.smartsheet.filters import add_filter
from smartsuite.emulator.smartsheet.plans import PLAN_ID
from smartsuite.smartsheet import SmartsheetClient
from tests.core.support import Answer, ScriptedServer, server  # noqa: F401 (fixture)

from .emulator_helpers import check, emu, last, ss  # noqa: F401 (fixtures)
from .sheet_helpers import task_sheet

SHARE = {"email": "ann@example.com", "accessLevel": "VIEWER"}


async def test_asset_shares_for_every_kind(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    state = emu.smartsheet.state
    sheet = await task_sheet(ss)
    assets = {
        "sheet": sheet.id or 0,
        "report": state.integrations.add_report("R", [sheet.id or 0]).id,
        "sight": state.integrations.add_dashboard("D").id,
        "workspace": (await ss.workspaces.create("W")).id or 0,
    }
    for kind, ident in assets.items():
        (share,) = await ss.shares.share(kind, ident, SHARE, send_email=True)
        query = {"assetType": kind, "assetId": str(ident)}
        check(last(emu), "POST", "/shares", {**query, "sendEmail": "true"}, [SHARE])
        assert isinstance(share.id, str)
        items = [s async for s in ss.shares.list(kind, ident, sharing_include="item")]
        check(last(emu), "GET", "/shares", {**query, "maxItems": "1000", "sharingInclude": "ITEM"})
        assert share.id in {s.id for s in items}
        assert all(isinstance(s.user_id, str) for s in items if s.user_id is not None)
        updated = await ss.shares.update(kind, ident, share.id or "", "EDITOR")
        check(last(emu), "PATCH", f"/shares/{share.id}", query, {"accessLevel": "EDITOR"})
        assert updated.access_level == "EDITOR"
        assert (await ss.shares.get(kind, ident, share.id or "")).access_level == "EDITOR"
        await ss.shares.delete(kind, ident, share.id or "")
        check(last(emu), "DELETE", f"/shares/{share.id}", query)
        with pytest.raises(NotFoundError) as gone:
            await ss.shares.get(kind, ident, share.id or "")
        assert gone.value.code == 1027
    with pytest.raises(ConfigurationError, match="asset_type"):
        ss.shares.list("spreadsheet", 1)
    with pytest.raises(ConfigurationError, match="share_id"):
        await ss.shares.get("sheet", 1, "")


async def test_plans_and_seats(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    user = await ss.users.add("seat@example.com")
    uid = user.id or 0
    (plan,) = [p async for p in ss.users.list_plans(uid)]
    check(last(emu), "GET", f"/users/{uid}/plans", {"maxItems": "1000"})
    assert (plan.plan_id, plan.seat_type) == (PLAN_ID, "MEMBER")
    await ss.users.downgrade(uid, PLAN_ID, "contributor")
    check(
        last(emu),
        "POST",
        f"/users/{uid}/plans/{PLAN_ID}/downgrade",
        body={"seatType": "CONTRIBUTOR"},
    )
    assert [p.seat_type async for p in ss.users.list_plans(uid)] == ["VIEWER"]
    shown = ss.users.list_plans(uid, display_contributor_seat_type=True)
    assert [p.seat_type async for p in shown] == ["CONTRIBUTOR"]
    filtered = ss.users.list(
        plan_id=PLAN_ID, seat_type="CONTRIBUTOR", display_contributor_seat_type=True
    )
    assert [u.id async for u in filtered] == [uid]
    assert last(emu).query["seatType"] == "CONTRIBUTOR"
    await ss.users.upgrade(uid, PLAN_ID, "MEMBER")
    with pytest.raises(ConfigurationError, match="seat_type"):
        await ss.users.upgrade(uid, PLAN_ID, "CONTRIBUTOR")
    await ss.users.remove_from_plan(uid, PLAN_ID)
    check(last(emu), "DELETE", f"/users/{uid}/plans/{PLAN_ID}")
    assert [p async for p in ss.users.list_plans(uid)] == []


async def test_report_structure(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet = await task_sheet(ss)
    sid = sheet.id or 0
    ws = await ss.workspaces.create("W")
    created = await ss.reports.create(
        "Open tasks",
        scope=[("sheet", sid)],
        columns=[{"title": "Task"}],
        definition={"sortingCriteria": [{"columnId": 1, "direction": "ASCENDING"}]},
        destination_type="Workspace",
        destination_id=ws.id,
    )
    body = last(emu).body
    assert b'"destinationType": "Workspace"' in body or b'"destinationType":"Workspace"' in body
    rid = created.id or 0
    assert [c.title for c in created.columns or []] == ["Task"]
    definition = await ss.reports.get_definition(rid)
    assert definition.sorting_criteria == [{"columnId": 1, "direction": "ASCENDING"}]
    await ss.reports.update_definition(rid, {"filters": {"operator": "AND", "criteria": []}})
    check(
        last(emu),
        "PUT",
        f"/reports/{rid}/definition",
        body={"filters": {"operator": "AND", "criteria": []}},
    )
    assert (await ss.reports.get_definition(rid)).filters == {"operator": "AND", "criteria": []}
    await ss.reports.add_scope(rid, [("workspace", ws.id or 0)])
    scope = [(s.asset_type, s.asset_id) async for s in ss.reports.list_scope(rid)]
    assert scope == [("sheet", sid), ("workspace", ws.id)]
    await ss.reports.remove_scope(rid, [("workspace", ws.id or 0)])
    check(
        last(emu),
        "DELETE",
        f"/reports/{rid}/scope",
        body=[{"assetType": "workspace", "assetId": ws.id}],
    )
    added = await ss.reports.add_columns(rid, [{"title": "Status"}])
    assert [c.title for c in added] == ["Status"]
    columns = [c async for c in ss.reports.list_columns(rid, level=2)]
    assert [c.title for c in columns] == ["Task", "Status"]
    vid = columns[1].virtual_id or 0
    changed = await ss.reports.update_column(rid, vid, title="State", width=90)
    check(last(emu), "PUT", f"/reports/{rid}/columns/{vid}", body={"title": "State", "width": 90})
    assert (changed.title, (await ss.reports.get_column(rid, vid)).width) == ("State", 90)
    await ss.reports.delete_column(rid, vid)
    assert [c.title async for c in ss.reports.list_columns(rid)] == ["Task"]
    await ss.reports.delete(rid)
    with pytest.raises(NotFoundError):
        await ss.reports.get_definition(rid)
    with pytest.raises(ConfigurationError, match="scope"):
        await ss.reports.create("Bad", scope=[("folder", 1)])


async def test_filters_and_favorites(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet = await task_sheet(ss)
    state = emu.smartsheet.state.sheet(sheet.id or 0)
    add_filter(state, 77, "Mine", filter_type="PERSONAL")
    assert [(f.id, f.name) async for f in ss.sheet_filters.list(sheet.id or 0)] == [(77, "Mine")]
    got = await ss.sheet_filters.get(sheet.id or 0, 77)
    check(last(emu), "GET", f"/sheets/{sheet.id}/filters/77")
    assert got.filter_type == "PERSONAL" and got.query is not None
    await ss.sheet_filters.delete(sheet.id or 0, 77)
    with pytest.raises(NotFoundError):
        await ss.sheet_filters.get(sheet.id or 0, 77)
    await ss.favorites.add(("sheet", sheet.id or 0))
    favorite = await ss.favorites.get("sheet", sheet.id or 0)
    check(last(emu), "GET", f"/favorites/sheet/{sheet.id}")
    assert favorite.object_id == sheet.id


async def test_downloads(ss: SmartsheetClient, emu: Emulator, tmp_path: object) -> None:  # noqa: F811
    sheet = await task_sheet(ss, [{"Task": "Write", "Done": False}])
    sid = sheet.id or 0
    csv = await ss.downloads.sheet(sid, "csv")
    assert last(emu).path == f"/sheets/{sid}" and isinstance(csv, bytes)
    assert csv.splitlines()[0].startswith(b"Task") and b"Write" in csv
    xlsx = io.BytesIO()
    written = await ss.downloads.sheet(sid, "excel", dest=xlsx)
    assert written == len(xlsx.getvalue()) and xlsx.getvalue()[:2] == b"PK"
    target = tmp_path / "sheet.pdf"  # type: ignore[operator]
    await ss.downloads.sheet(sid, "pdf", dest=target, paper_size="a4")
    assert last(emu).query == {"paperSize": "A4"} and target.read_bytes().startswith(b"%PDF")
    report = emu.smartsheet.state.integrations.add_report("R", [sid])
    assert b"Write" in await ss.downloads.report(report.id, "CSV")  # type: ignore[operator]
    assert (await ss.downloads.report(report.id, "excel"))[:2] == b"PK"  # type: ignore[index]
    with pytest.raises(ConfigurationError, match="report downloads as one of"):
        await ss.downloads.report(report.id, "pdf")


async def test_passthrough_and_integration_source(emu: Emulator) -> None:  # noqa: F811
    source = "SCRIPT,Acme,Nightly sync"
    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, integration_source=source
    ) as client:
        created = await client.request("POST", "/workspaces", json={"name": "Raw"})
        assert created["result"]["name"] == "Raw"
        listed = await client.request("GET", "/workspaces", params={"paginationType": "token"})
        assert [w["name"] for w in listed["data"]] == ["Raw"]
        with pytest.raises(NotFoundError) as missing:
            await client.request("GET", "/workspaces/1/metadata")
        assert missing.value.code == 1006
        with pytest.raises(ConfigurationError, match="path"):
            await client.request("GET", "https://elsewhere.example/x")
    with pytest.raises(ConfigurationError, match="integration_source"):
        SmartsheetClient("x", integration_source="ROBOT,Acme,Job")
    async with SmartsheetClient("wrong-token-secret", base_url=emu.smartsheet_url) as bad:
        with pytest.raises(AuthenticationError) as denied:
            await bad.request("GET", "/workspaces")
        assert "wrong-token-secret" not in str(denied.value)


async def test_integration_source_and_empty_post_headers(server: ScriptedServer) -> None:  # noqa: F811
    server.script(Answer(body={"message": "SUCCESS", "resultCode": 0}))
    async with SmartsheetClient(
        "t0k3n", base_url=server.url, integration_source="AI,Acme,Assistant"
    ) as client:
        await client.users.deactivate(5)
    seen = server.seen[0]
    assert seen.method == "POST" and seen.body == b""
    assert seen.headers["Content-Type"] == "application/json"
    assert seen.headers["smartsheet-integration-source"] == "AI,Acme,Assistant"


async def test_rule_update_decodes_bare_and_enveloped(server: ScriptedServer) -> None:  # noqa: F811
    rule = {"id": 3, "name": "Notify", "action": {"type": "NOTIFICATION_ACTION"}}
    server.script(Answer(body=rule), Answer(body={"message": "SUCCESS", "result": rule}))
    async with SmartsheetClient("t0k3n", base_url=server.url) as client:
        for _ in range(2):
            got = await client.automation_rules.update(
                1, 3, {"action": {"type": "NOTIFICATION_ACTION"}}
            )
            assert (got.id, got.name) == (3, "Notify")


async def test_rows_take_include(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet = await task_sheet(ss)
    added = await ss.rows.add(sheet.id or 0, [{"Task": "A"}], include=["objectValue"])
    assert last(emu, "POST").query.get("include") == "objectValue" and added.ok
    row_id = added.items[0].value.id or 0  # type: ignore[union-attr]
    await ss.rows.update(sheet.id or 0, [{"id": row_id, "Task": "B"}], include=["objectValue"])
    assert last(emu, "PUT").query.get("include") == "objectValue"


async def test_events_take_an_end_bound(server: ScriptedServer) -> None:  # noqa: F811
    page = {
        "data": [{"eventId": "e1", "objectIdStr": "abc1"}],
        "nextStreamPosition": "p2",
        "moreAvailable": False,
    }
    server.script(Answer(body=page))
    async with SmartsheetClient("t0k3n", base_url=server.url) as client:
        stream = client.events.list(
            since=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), to=dt.datetime(2026, 1, 2, tzinfo=dt.UTC)
        )
        events = [e async for e in stream]
        with pytest.raises(ConfigurationError, match="exactly one"):
            client.events.list(since=dt.datetime(2026, 1, 1), stream_position="p")
    assert server.seen[0].query["to"] == "2026-01-02T00:00:00Z"
    assert events[0].object_id_str == "abc1"
    assert (stream.next_stream_position, stream.more_available) == ("p2", False)


async def test_webhook_list_ignores_minus_one_totals(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet = await task_sheet(ss)
    for i in range(3):
        await ss.webhooks.create(f"h{i}", "https://hooks.example.com/x", sheet.id or 0)
    hooks = [h.name async for h in ss.webhooks.list(page_size=2)]
    assert hooks == ["h2", "h1", "h0"]  # newest first, over two pages whose totals are -1
    assert [
        e.query.get("page")
        for e in emu.smartsheet.log
        if e.path == "/webhooks" and e.method == "GET"
    ] == ["1", "2"]
    plan = await ss.webhooks.create(
        "seats", "https://hooks.example.com/p", PLAN_ID, scope="plan", events=["user.seatType.*"]
    )
    assert plan.scope == "plan"
    with pytest.raises(ConfigurationError, match="sheet webhook"):
        await ss.webhooks.create("x", "https://hooks.example.com/x", 1, events=["user.*"])
    with pytest.raises(ConfigurationError, match="page_size"):
        ss.webhooks.list(page_size=10_001)


async def test_data_classification(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet = await task_sheet(ss)
    settings = await ss.governance.data_classification_settings(plan_id=PLAN_ID)
    check(last(emu), "GET", "/governance/data-classification/settings", {"planId": str(PLAN_ID)})
    names = [label.name for label in settings.labels or []]
    assert "Confidential" in names
    by_asset = await ss.governance.data_classification_settings(
        asset_type="sheet", asset_id=sheet.id
    )
    assert by_asset.plan_id == PLAN_ID
    await ss.governance.set_sheet_classification(sheet.id or 0, "Confidential")
    check(
        last(emu),
        "PUT",
        f"/sheets/{sheet.id}/dataclassification",
        body={"dataClassification": "Confidential"},
    )
    with pytest.raises(BadRequestError):
        await ss.governance.set_sheet_classification(sheet.id or 0, "Top Secret")
    with pytest.raises(ConfigurationError):
        await ss.governance.data_classification_settings()


async def test_sheet_refresh_rereads_in_place(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet = await task_sheet(ss, [{"Task": "A"}])
    same = sheet
    await ss.rows.add(sheet.id or 0, [{"Task": "B"}])
    refreshed = await sheet.refresh()
    assert refreshed is same
    check(last(emu), "GET", f"/sheets/{sheet.id}", {"level": "2", "include": "objectValue"})
    assert [r["Task"] for r in sheet.to_records()] == ["A", "B"]
    from smartsuite.smartsheet import Sheet

    with pytest.raises(ConfigurationError, match="refresh"):
        await Sheet(id=1).refresh()


async def test_downloads_to_a_file_stream_past_the_body_caps(
    emu: Emulator,  # noqa: F811
    tmp_path: object,
) -> None:
    """A file download is never held in memory, so the caps for decoded bodies do not apply
    to it; the same export asked for as bytes is refused by them. A write whose answer is too
    large to read may have been applied: it is unknown, never failed."""
    from smartsuite import Limits, Outcome, ResponseTooLargeError

    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, limits=Limits(max_body_bytes=2048)
    ) as small:
        sheet = await task_sheet(small)
        records = [{"Task": f"Write {i:04d}", "Done": False} for i in range(400)]
        added = await small.rows.add(sheet.id, records)
        assert [r.outcome for r in added] == [Outcome.UNKNOWN] * 400
        assert len(emu.smartsheet.state.sheets[sheet.id].rows) == 400  # it had landed
        target = tmp_path / "big.csv"  # type: ignore[operator]
        written = await small.downloads.sheet(sheet.id, "csv", dest=target)
        assert written > 2048 and target.stat().st_size == written
        assert target.read_bytes().count(b"Write ") == 400
        with pytest.raises(ResponseTooLargeError, match="max_body_bytes"):
            await small.downloads.sheet(sheet.id, "csv")


async def test_a_streamed_download_retries_before_its_first_byte_and_maps_errors(
    emu: Emulator,  # noqa: F811
    tmp_path: object,
) -> None:
    from smartsuite import RetryConfig
    from smartsuite.emulator import Fault

    async with SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        retry=RetryConfig(backoff_base=0.01, backoff_max=0.02),
    ) as client:
        sheet = await task_sheet(client, [{"Task": "Write", "Done": False}])
        emu.smartsheet.faults.script(Fault.RATE_LIMIT, method="GET")
        target = tmp_path / "after-429.csv"  # type: ignore[operator]
        await client.downloads.sheet(sheet.id, "csv", dest=target)
        assert b"Write" in target.read_bytes()
        with pytest.raises(NotFoundError):
            await client.downloads.sheet(987654321, "csv", dest=tmp_path / "missing.csv")  # type: ignore[operator]
        assert not (tmp_path / "missing.csv").exists()  # type: ignore[operator]
        assert not (tmp_path / "missing.csv.part").exists()  # type: ignore[operator]
