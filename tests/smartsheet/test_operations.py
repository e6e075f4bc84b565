"""The operation walk: every Smartsheet operationId is tagged on exactly one client method,
every group's walk call (``calls_*.py``) reaches the emulator with the operation's method and
a path matching its template, and the README's operation table is the generated one."""

from __future__ import annotations

import csv
import importlib.util
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from smartsuite._core.errors import APIError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.operations import markdown_table, operations, tag_counts

from .sheet_helpers import fast_client

HERE = Path(__file__).parent
README = HERE.parent.parent / "README.md"
SECTION = re.compile(
    r"<!-- section:smartsheet-operations -->\n(.*?)<!-- /section:smartsheet-operations -->", re.S
)


def table() -> dict[str, tuple[str, str]]:
    with (HERE / "operations.tsv").open() as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return {r[0]: (r[1], r[2]) for r in rows[1:] if r}


def merged_calls() -> dict[str, Callable[[SmartsheetClient], Awaitable[object]]]:
    calls: dict[str, Any] = {}
    for path in sorted(HERE.glob("calls_*.py")):
        spec = importlib.util.spec_from_file_location(f"_walk_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        overlap = set(calls) & set(module.CALLS)
        assert not overlap, f"{path.name} repeats {sorted(overlap)}"
        calls.update(module.CALLS)
    return calls


def test_the_table_lists_183_operations() -> None:
    assert len(table()) == 183


def test_each_operation_is_tagged_once_with_its_method_and_path() -> None:
    counts = tag_counts()
    assert {op for op, n in counts.items() if n > 1} == set()
    expected = table()
    assert set(counts) == set(expected), (
        f"missing: {sorted(set(expected) - set(counts))}; "
        f"unknown: {sorted(set(counts) - set(expected))}"
    )
    for op in operations():
        assert (op.method, op.path) == expected[op.operation_id], op


def test_the_walk_covers_every_operation() -> None:
    calls = merged_calls()
    expected = table()
    assert set(calls) == set(expected), f"no walk call for {sorted(set(expected) - set(calls))}"


async def test_each_walk_call_reaches_its_route() -> None:
    expected = table()
    misses: list[str] = []
    async with Emulator() as emu, fast_client(emu) as ss:
        for op, call in merged_calls().items():
            method, template = expected[op]
            before = len(emu.smartsheet.log)
            try:
                await call(ss)
            except APIError as exc:
                # A dummy id may be refused, but by a route handler (it names a code).
                if exc.code is None:
                    misses.append(f"{op}: {exc}")
                    continue
            pattern = re.compile("^" + re.sub(r"\{\w+\}", r"[^/]+", template) + "$")
            seen = emu.smartsheet.log[before:]
            if not any(e.method == method and pattern.match(e.path) for e in seen):
                got = [(e.method, e.path) for e in seen]
                misses.append(f"{op}: expected {method} {template}, saw {got}")
    assert misses == []


def test_readme_operation_table_is_generated() -> None:
    match = SECTION.search(README.read_text())
    assert match is not None, "README has no smartsheet-operations section"
    body = match.group(1)
    assert markdown_table() in body, "regenerate: python -m smartsuite.smartsheet.operations"
    rows = [line for line in body.splitlines() if line.startswith("| `")]
    assert len(rows) == len(operations())


@pytest.mark.parametrize("op", ["getSheet", "rows-addToSheet", "share-sheet"])
def test_the_table_names_the_client_method(op: str) -> None:
    names = {o.operation_id: o.client_method for o in operations()}
    assert (
        names[op]
        == {
            "getSheet": "ss.sheets.get",
            "rows-addToSheet": "ss.rows.add",
            "share-sheet": "ss.sharing.share_sheet",
        }[op]
    )
