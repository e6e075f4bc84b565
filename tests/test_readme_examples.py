"""Runs every README code block marked ``# example: NAME`` against the emulator.

A block may use ``await`` at top level and the names ``ss`` (SmartsheetClient), ``rm``
(ResourceManagementClient), ``appsheet`` (AppSheetClient) and ``emu`` (the Emulator).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
_BLOCK = re.compile(r"```python\n(# example: ([\w-]+)\n.*?)```", re.S)


def examples() -> list[tuple[str, str]]:
    return [(m.group(2), m.group(1)) for m in _BLOCK.finditer(README.read_text())]


def test_readme_has_examples() -> None:
    assert len(examples()) >= 1


@pytest.mark.parametrize(("name", "code"), examples(), ids=[n for n, _ in examples()])
async def test_readme_example(
    name: str, code: str, smartsuite_emulator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smartsuite.smartsheet import SmartsheetClient

    emu = smartsuite_emulator
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"emu": emu}
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        namespace["ss"] = ss
        clients = []
        try:
            from smartsuite.resource_management import ResourceManagementClient

            rm = ResourceManagementClient(emu.rm_token, base_url=emu.rm_url)
            clients.append(rm)
            namespace["rm"] = rm
        except ImportError:
            pass
        try:
            from smartsuite.appsheet import AppSheetClient

            app = AppSheetClient(
                emu.appsheet_app_id, emu.appsheet_access_key, base_url=emu.appsheet_url
            )
            clients.append(app)
            namespace["appsheet"] = app
        except ImportError:
            pass
        source = "async def __example__():\n" + textwrap.indent(code, "    ")
        exec(compile(source, f"README:{name}", "exec"), namespace)
        try:
            await namespace["__example__"]()
        finally:
            for client in clients:
                await client.aclose()
