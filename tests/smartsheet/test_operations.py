"""The operation walk: every Smartsheet operationId is tagged on exactly one client method,
every group's walk call (``calls_*.py``) reaches the emulator with the operation's method and
a path matching its template, and the README's operation table is the generated one."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from smartsuite._core.errors import APIError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient, api_2026
from smartsuite.smartsheet.operations import markdown_table, operations, tag_counts

from .sheet_helpers import fast_client

HERE = Path(__file__).parent
README = HERE.parent.parent / "README.md"
SECTION = re.compile(
    r"<!-- section:smartsheet-operations -->\n(.*?)<!-- /section:smartsheet-operations -->", re.S
)


def table() -> dict[str, tuple[str, str]]:
    """The operations the API answers in 2026 (api_2026: every status but removed)."""
    return {op: (o.method, o.path) for op, o in api_2026.current().items()}


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


def test_the_2026_list_has_the_reference_counts() -> None:
    statuses = Counter(o.status for o in api_2026.OPERATIONS)
    assert statuses == {"same": 144, "changed": 9, "new": 34, "deprecated": 5, "removed": 26}
    assert len(table()) == 192
    assert len({o.operation_id for o in api_2026.OPERATIONS}) == 218


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
    assert len(rows) == len(operations()) + len(api_2026.removed())
    deprecated = [r for r in rows if "| **deprecated** |" in r]
    assert len(deprecated) == 5


@pytest.mark.parametrize("op", ["getSheet", "rows-addToSheet", "share-asset"])
def test_the_table_names_the_client_method(op: str) -> None:
    names = {o.operation_id: o.client_method for o in operations()}
    assert (
        names[op]
        == {
            "getSheet": "ss.sheets.get",
            "rows-addToSheet": "ss.rows.add",
            "share-asset": "ss.shares.share",
        }[op]
    )


def _shims() -> dict[str, Callable[[SmartsheetClient], Awaitable[object]]]:
    spec = importlib.util.spec_from_file_location("_walk_shims", HERE / "calls_2026.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shims: dict[str, Callable[[SmartsheetClient], Awaitable[object]]] = module.SHIMS
    return shims


def test_every_removed_operation_with_a_replacement_has_a_shim() -> None:
    removed = api_2026.removed()
    with_replacement = {op for op, o in removed.items() if o.replacement}
    assert set(_shims()) == with_replacement
    assert set(removed) - with_replacement == {"templates-listPublic"}


async def test_shims_warn_and_never_call_a_removed_path() -> None:
    removed = api_2026.removed()
    misses: list[str] = []
    async with Emulator() as emu, fast_client(emu) as ss:
        for op, call in _shims().items():
            gone = removed[op]
            before = len(emu.smartsheet.log)
            with pytest.warns(DeprecationWarning, match="removed from the Smartsheet API on 2026"):
                try:
                    await call(ss)
                except APIError as exc:
                    assert exc.code is not None, f"{op}: {exc}"
            pattern = re.compile("^" + re.sub(r"\{\w+\}", r"[^/]+", gone.path) + "$")
            seen = emu.smartsheet.log[before:]
            if not seen or any(e.method == gone.method and pattern.match(e.path) for e in seen):
                misses.append(f"{op}: saw {[(e.method, e.path) for e in seen]}")
    assert misses == []


async def test_removed_paths_answer_404_1006() -> None:
    from smartsuite.emulator.smartsheet.removed import REMOVED

    async with Emulator() as emu, fast_client(emu) as ss:
        for method, template in REMOVED:
            path = template.replace("{id}", "1").replace("{share_id}", "abc")
            with pytest.raises(APIError) as caught:
                await ss.request(method, path, json={} if method in ("POST", "PUT") else None)
            assert (caught.value.status, caught.value.code) == (404, 1006), path
