"""``sheets download``, ``reports download`` and ``workspaces list|tree`` against the emulator:
files and ``-o -`` bytes, the exit codes of a missing object and a bad format, ``--json``."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from smartsuite.cli._download import check_binary_stdout, download_format
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient

from .test_commands import employees, invoke, ss_args
from .test_export_commands import people_sheet

COLUMNS = [{"title": "Name", "primary": True, "type": "TEXT_NUMBER"}]


def xlsx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return book.read("xl/worksheets/sheet1.xml").decode()


async def test_sheets_download_csv_excel_pdf(
    smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    sheet_id = await people_sheet(smartsheet_client, "Staff", 0, 4)

    piped = await invoke("sheets", "download", "Staff", "-o", "-", *ss_args(emu))
    assert piped.exit_code == 0, piped.output
    assert list(csv.DictReader(piped.stdout.splitlines())) == employees(4)
    assert f"downloaded sheet {sheet_id}" in piped.stderr and "to stdout (csv)" in piped.stderr
    entry = emu.smartsheet.log[-1]
    assert (entry.method, entry.path) == ("GET", f"/sheets/{sheet_id}")

    book = tmp_path / "staff.xlsx"  # the format from the suffix
    excel = await invoke("sheets", "download", str(sheet_id), "-o", str(book), *ss_args(emu))
    assert excel.exit_code == 0, excel.output
    assert book.read_bytes()[:2] == b"PK" and "P3" in xlsx_text(book.read_bytes())
    assert f"to {book} (excel)" in excel.stdout
    assert not list(tmp_path.glob("*.part"))

    pdf = tmp_path / "staff.out"
    result = await invoke(
        "sheets", "download", "Staff", "--format", "PDF", "--paper-size", "a4",
        "-o", str(pdf), "--json", *ss_args(emu),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["sheet_id"] == sheet_id and summary["format"] == "pdf"
    assert summary["bytes"] == pdf.stat().st_size and summary["requests"] == 2  # name, file
    assert pdf.read_bytes().startswith(b"%PDF")
    assert emu.smartsheet.log[-1].query == {"paperSize": "A4"}
    assert emu.smartsheet_token not in result.output

    raw = await invoke(
        "sheets", "download", "Staff", "--format", "excel", "-o", "-", "--json", *ss_args(emu)
    )
    assert raw.exit_code == 0, raw.output
    assert raw.stdout_bytes[:2] == b"PK" and "P0" in xlsx_text(raw.stdout_bytes)
    assert json.loads(raw.stderr)["format"] == "excel"  # the summary moves to stderr


async def test_sheets_download_missing_sheet_and_bad_format_exit_2(
    smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    await people_sheet(smartsheet_client, "Staff", 0, 1)
    target = str(tmp_path / "x.csv")
    by_name = await invoke("sheets", "download", "Nobody", "-o", target, *ss_args(emu))
    assert by_name.exit_code == 2 and "no sheet named 'Nobody'" in by_name.stderr
    by_id = await invoke("sheets", "download", "4242", "-o", target, "--json", *ss_args(emu))
    error = json.loads(by_id.stdout)["error"]
    assert by_id.exit_code == 2 and error["type"] == "NotFoundError" and error["status"] == 404
    assert not Path(target).exists() and not list(tmp_path.iterdir())

    requests = len(emu.smartsheet.log)
    bad = await invoke(
        "sheets", "download", "Staff", "--format", "docx", "-o", target, "--json", *ss_args(emu)
    )
    assert bad.exit_code == 2
    assert json.loads(bad.stdout) == {
        "error": {
            "type": "ConfigurationError",
            "message": "--format must be one of csv, excel, pdf, got 'docx'",
            "exit_code": 2,
        }
    }
    suffix = await invoke("sheets", "download", "Staff", "-o", "x.bin", *ss_args(emu))
    assert suffix.exit_code == 2 and "give --format (csv, excel, pdf)" in suffix.stderr
    paper = await invoke(
        "sheets", "download", "Staff", "--paper-size", "A4", "-o", target, *ss_args(emu)
    )
    assert paper.exit_code == 2 and "--paper-size is for --format pdf" in paper.stderr
    size = await invoke(
        "sheets", "download", "Staff", "--format", "pdf", "--paper-size", "B9", "-o", "-",
        *ss_args(emu),
    )  # fmt: skip
    assert size.exit_code == 2 and "--paper-size must be one of LETTER" in size.stderr
    assert len(emu.smartsheet.log) == requests  # refused before anything was sent


async def test_reports_download_and_no_pdf(
    smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    north = await people_sheet(smartsheet_client, "North", 0, 3)
    south = await people_sheet(smartsheet_client, "South", 3, 2)
    report = emu.smartsheet.state.integrations.add_report("Everyone", [north, south])

    piped = await invoke("reports", "download", "Everyone", "-o", "-", *ss_args(emu))
    assert piped.exit_code == 0, piped.output
    assert list(csv.DictReader(piped.stdout.splitlines())) == employees(5)
    book = tmp_path / "everyone.xlsx"
    excel = await invoke(
        "reports", "download", str(report.id), "-o", str(book), "--json", *ss_args(emu)
    )
    assert excel.exit_code == 0, excel.output
    summary = json.loads(excel.stdout)
    assert summary["report_id"] == report.id and summary["format"] == "excel"
    assert "P4" in xlsx_text(book.read_bytes())

    requests = len(emu.smartsheet.log)
    for args in (["--format", "pdf", "-o", "-"], ["-o", str(tmp_path / "r.pdf")]):
        no_pdf = await invoke("reports", "download", "Everyone", *args, "--json", *ss_args(emu))
        assert no_pdf.exit_code == 2
        message = json.loads(no_pdf.stdout)["error"]["message"]
        assert "a report has no PDF download" in message
        assert "--format must be one of csv, excel" in message
    assert len(emu.smartsheet.log) == requests
    missing = await invoke("reports", "download", "777", "-o", "-", *ss_args(emu))
    assert missing.exit_code == 2 and "NotFoundError" in missing.stderr
    unnamed = await invoke("reports", "download", "Nobody", "-o", "-", *ss_args(emu))
    assert unnamed.exit_code == 2 and "no report named 'Nobody'" in unnamed.stderr


async def _team(ss: SmartsheetClient) -> dict[str, int]:
    ws = await ss.workspaces.create("Team")
    plans = await ss.workspaces.create_folder(ws.id, "Plans")
    empty = await ss.workspaces.create_folder(ws.id, "Empty")
    q3 = await ss.folders.create_folder(plans.id, "Q3")
    tasks = await ss.sheets.create_in_folder(q3.id, "Tasks", COLUMNS)
    budget = await ss.sheets.create_in_folder(plans.id, "Budget", COLUMNS)
    top = await ss.sheets.create_in_workspace(ws.id, "Top", COLUMNS)
    await ss.workspaces.create("Other")
    return {
        "ws": ws.id, "plans": plans.id, "empty": empty.id, "q3": q3.id, "tasks": tasks.id,
        "budget": budget.id, "top": top.id,
    }  # fmt: skip


async def test_workspaces_list_and_tree(
    smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    ids = await _team(smartsheet_client)

    listed = await invoke("workspaces", "list", "--json", *ss_args(emu))
    assert listed.exit_code == 0, listed.output
    workspaces = json.loads(listed.stdout)
    assert (workspaces[0]["id"], workspaces[0]["name"]) == (ids["ws"], "Team")
    assert [w["name"] for w in workspaces] == ["Team", "Other"]
    assert workspaces[0]["access_level"] == "OWNER"
    table = await invoke("workspaces", "list", *ss_args(emu))
    assert table.exit_code == 0 and str(ids["ws"]) in table.stdout and "Other" in table.stdout

    drawn = await invoke("workspaces", "tree", "Team", *ss_args(emu))
    assert drawn.exit_code == 0, drawn.output
    assert drawn.stdout.splitlines() == [
        f"Team (workspace {ids['ws']})",
        f"├── Plans/ (folder {ids['plans']})",
        f"│   ├── Q3/ (folder {ids['q3']})",
        f"│   │   └── Tasks (sheet {ids['tasks']})",
        f"│   └── Budget (sheet {ids['budget']})",
        f"├── Empty/ (folder {ids['empty']})",
        f"└── Top (sheet {ids['top']})",
    ]
    assert "6 items" in drawn.stderr
    children = [e.path for e in emu.smartsheet.log if e.path.endswith("/children")]
    assert children == [
        f"/workspaces/{ids['ws']}/children",
        f"/folders/{ids['plans']}/children",
        f"/folders/{ids['q3']}/children",
        f"/folders/{ids['empty']}/children",
    ]  # folder by folder

    as_json = await invoke("workspaces", "tree", str(ids["ws"]), "--json", *ss_args(emu))
    assert as_json.exit_code == 0, as_json.output
    lines = [json.loads(x) for x in as_json.stdout.splitlines()]
    assert lines[0] == {
        "type": "workspace", "id": ids["ws"], "name": "Team", "path": [], "parent_id": None
    }  # fmt: skip
    assert [(x["type"], x["id"], x["name"], x["path"], x["parent_id"]) for x in lines[1:]] == [
        ("folder", ids["plans"], "Plans", [], ids["ws"]),
        ("folder", ids["q3"], "Q3", ["Plans"], ids["plans"]),
        ("sheet", ids["tasks"], "Tasks", ["Plans", "Q3"], ids["q3"]),
        ("sheet", ids["budget"], "Budget", ["Plans"], ids["plans"]),
        ("folder", ids["empty"], "Empty", [], ids["ws"]),
        ("sheet", ids["top"], "Top", [], ids["ws"]),
    ]


async def test_workspaces_tree_missing_workspace_exits_2(
    smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    await _team(smartsheet_client)
    by_id = await invoke("workspaces", "tree", "999", "--json", *ss_args(emu))
    assert by_id.exit_code == 2
    error = json.loads(by_id.stdout)["error"]
    assert error["type"] == "NotFoundError" and error["status"] == 404
    by_name = await invoke("workspaces", "tree", "Nowhere", *ss_args(emu))
    assert by_name.exit_code == 2 and "no workspace named 'Nowhere'" in by_name.stderr
    assert by_name.stdout == ""


async def test_download_and_tree_on_the_persistent_emulator(tmp_path: Path) -> None:
    data = tmp_path / "people.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in employees(3)))
    made = await invoke(
        "sheets", "upsert", "Staff", str(data), "--key", "Employee ID", "--create", "--emulator"
    )
    assert made.exit_code == 0, made.output
    piped = await invoke("sheets", "download", "Staff", "-o", "-", "--emulator")
    assert piped.exit_code == 0, piped.output
    assert list(csv.DictReader(piped.stdout.splitlines())) == employees(3)
    assert "started" not in piped.stderr  # the same background emulator, found again
    listed = await invoke("workspaces", "list", "--emulator", "--json")
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []
    missing = await invoke("workspaces", "tree", "Team", "--emulator")
    assert missing.exit_code == 2 and "no workspace named 'Team'" in missing.stderr


@pytest.mark.parametrize(
    ("output", "fmt", "kind"),
    [("-", None, "csv"), ("a.XLSX", None, "excel"), ("a.xls", None, "excel"),
     ("a.pdf", None, "pdf"), ("a.bin", "Excel", "excel"), ("-", "pdf", "pdf")],
)  # fmt: skip
def test_download_format_from_flag_or_suffix(output: str, fmt: str | None, kind: str) -> None:
    assert download_format(output, fmt, ("csv", "excel", "pdf"), "sheet") == kind


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_binary_downloads_are_not_printed_on_a_terminal() -> None:
    from smartsuite._core.errors import ConfigurationError

    check_binary_stdout("-", "csv", _Terminal())
    check_binary_stdout("a.pdf", "pdf", _Terminal())
    check_binary_stdout("-", "pdf", io.StringIO())  # a pipe
    with pytest.raises(ConfigurationError, match="not writing a binary pdf file to the terminal"):
        check_binary_stdout("-", "pdf", _Terminal())
