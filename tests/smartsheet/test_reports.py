"""ss.reports and report shares over HTTP: reports built by the emulator over real sheets."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Report, ReportPublish, SmartsheetClient

from .reports_helpers import check, emu, last, people_sheet, ss  # noqa: F401 (fixtures)
from .share_helpers import exercise_share_shims


async def two_sheet_report(ss: SmartsheetClient, emu: Emulator) -> int:  # noqa: F811
    north = await people_sheet(
        ss, "North", [{"Name": f"n{i}", "Team": "N", "Score": i} for i in range(5)]
    )
    south = await people_sheet(
        ss, "South", [{"Name": f"s{i}", "Team": "S", "Score": 10 + i} for i in range(3)]
    )
    return emu.smartsheet.state.integrations.add_report("Everyone", [north, south]).id


async def test_get_report_pages_rows_from_the_source_sheets(
    ss: SmartsheetClient,  # noqa: F811
    emu: Emulator,  # noqa: F811
) -> None:
    report_id = await two_sheet_report(ss, emu)
    report = await ss.reports.get(
        report_id, page_size=3, page=2, include=["sourceSheets", "scope"], level=2
    )
    check(
        last(emu),
        "GET",
        f"/reports/{report_id}",
        {"pageSize": "3", "page": "2", "include": "sourceSheets,scope", "level": "2"},
    )
    assert isinstance(report, Report) and report.name == "Everyone"
    assert report.total_row_count == 8 and len(report.rows or []) == 3
    assert [c.title for c in report.columns or []] == ["Name", "Team", "Score"]
    assert all(c.virtual_id for c in report.columns or [])
    assert report.to_records() == [
        {"Name": "n3", "Team": "N", "Score": 3},
        {"Name": "n4", "Team": "N", "Score": 4},
        {"Name": "s0", "Team": "S", "Score": 10},
    ]
    sheets = {s.name: s.id for s in report.source_sheets or []}
    assert set(sheets) == {"North", "South"}
    rows = report.rows or []
    assert rows[2].sheet_id == sheets["South"] and rows[0].sheet_id == sheets["North"]
    assert report.scope is not None and len(report.scope["sheets"]) == 2


async def test_rows_walks_every_page(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    report_id = await two_sheet_report(ss, emu)
    before = len(emu.smartsheet.log)
    names = [row.cells[0].value async for row in ss.reports.rows(report_id, page_size=3)]  # type: ignore[index]
    assert names == ["n0", "n1", "n2", "n3", "n4", "s0", "s1", "s2"]
    pages = [e.query["page"] for e in emu.smartsheet.log[before:]]
    assert pages == ["1", "2", "3"]
    # Rows added to a source sheet show up in the report: it is live.
    north = emu.smartsheet.state.integrations.reports[report_id].source_sheet_ids[0]
    await ss.rows.add(north, [{"Name": "n5", "Team": "N", "Score": 5}])
    assert (await ss.reports.get(report_id)).total_row_count == 9


async def test_report_columns_can_be_chosen(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet = await people_sheet(ss, "One", [{"Name": "a", "Team": "T", "Score": 1}])
    report = emu.smartsheet.state.integrations.add_report("Slim", [sheet], ["Score", "Name"])
    fetched = await ss.reports.get(report.id)
    assert [c.title for c in fetched.columns or []] == ["Score", "Name"]
    assert fetched.to_records() == [{"Score": 1, "Name": "a"}]


async def test_list_reports(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    report_id = await two_sheet_report(ss, emu)
    listed = [r async for r in ss.reports.list(modified_since="2020-01-01T00:00:00Z")]
    check(
        last(emu),
        "GET",
        "/reports",
        {"modifiedSince": "2020-01-01T00:00:00Z", "page": "1", "pageSize": "1000"},
    )
    assert [(r.id, r.name, r.access_level) for r in listed] == [(report_id, "Everyone", "OWNER")]


async def test_report_errors(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    with pytest.raises(NotFoundError) as missing:
        await ss.reports.get(424242)
    assert missing.value.code == 1006
    with pytest.raises(ConfigurationError, match="page_size"):
        await ss.reports.get(1, page_size=10_001)
    with pytest.raises(ConfigurationError, match="page must"):
        await ss.reports.get(1, page=0)
    with pytest.raises(ConfigurationError, match="report_id"):
        await ss.reports.get(-1)


async def test_send_report(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    report_id = await two_sheet_report(ss, emu)
    result = await ss.reports.send(
        report_id,
        ["a@example.com", 77],
        format="EXCEL",
        subject="Weekly",
        message="See attached",
        cc_me=True,
    )
    check(
        last(emu),
        "POST",
        f"/reports/{report_id}/emails",
        body={
            "sendTo": [{"email": "a@example.com"}, {"groupId": 77}],
            "format": "EXCEL",
            "subject": "Weekly",
            "message": "See attached",
            "ccMe": True,
        },
    )
    assert result.result_code == 0
    assert emu.smartsheet.state.sent_emails[-1]["reportId"] == report_id
    with pytest.raises(ConfigurationError, match="format"):
        await ss.reports.send(report_id, "a@example.com", format="DOCX")
    with pytest.raises(ConfigurationError):
        await ss.reports.send(report_id, [])


async def test_publish_report(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    report_id = await two_sheet_report(ss, emu)
    assert (await ss.reports.get_publish(report_id)).read_only_full_enabled is False
    check(last(emu), "GET", f"/reports/{report_id}/publish")
    published = await ss.reports.set_publish(
        report_id,
        ReportPublish(
            read_only_full_enabled=True,
            read_only_full_accessible_by="ORG",
            read_only_full_url="https://ignored.example",
        ),
    )
    check(
        last(emu),
        "PUT",
        f"/reports/{report_id}/publish",
        body={"readOnlyFullEnabled": True, "readOnlyFullAccessibleBy": "ORG"},
    )
    assert published.read_only_full_enabled and published.read_only_full_accessible_by == "ORG"
    assert (published.read_only_full_url or "").startswith("https://publish.smartsheet.com/")
    assert (await ss.reports.get_publish(report_id)).read_only_full_url == (
        published.read_only_full_url
    )
    off = await ss.reports.set_publish(report_id, ReportPublish(read_only_full_enabled=False))
    assert off.read_only_full_enabled is False and off.read_only_full_url is None
    with pytest.raises(ConfigurationError, match="read_only_full_enabled"):
        await ss.reports.set_publish(report_id, ReportPublish(read_only_full_show_toolbar=True))


async def test_report_shares(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    """The report share methods are shims over /shares (assetType=report)."""
    report_id = await two_sheet_report(ss, emu)
    group = await ss.groups.create("Readers")
    await exercise_share_shims(ss, emu, "report", report_id, "report", group.id or 0)


async def test_export_csv(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    report_id = await two_sheet_report(ss, emu)
    data = await ss.reports.export_csv(report_id)
    entry = last(emu)
    assert (entry.method, entry.path, entry.query) == ("GET", f"/reports/{report_id}", {})
    lines = data.decode().splitlines()
    assert lines[0] == "Name,Team,Score" and len(lines) == 9
    assert lines[1] == "n0,N,0" and lines[-1] == "s2,S,12"
