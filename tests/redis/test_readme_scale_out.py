"""Runs the README's ``# redis example: NAME`` blocks against a real redis-server and the
emulator, with the names ``redis_url`` and ``emu`` predefined and top-level ``await``."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.redis.support import RedisServer

README = Path(__file__).resolve().parents[2] / "README.md"
_BLOCK = re.compile(r"```python\n(# redis example: ([\w-]+)\n.*?)```", re.S)


def examples() -> list[tuple[str, str]]:
    return [(m.group(2), m.group(1)) for m in _BLOCK.finditer(README.read_text())]


def test_readme_has_redis_examples() -> None:
    assert len(examples()) >= 1


@pytest.mark.parametrize(("name", "code"), examples(), ids=[n for n, _ in examples()])
async def test_readme_redis_example(
    name: str, code: str, redis_server: RedisServer, smartsuite_emulator: Any
) -> None:
    namespace: dict[str, Any] = {"redis_url": redis_server.url, "emu": smartsuite_emulator}
    source = "async def __example__():\n" + textwrap.indent(code, "    ")
    exec(compile(source, f"README:{name}", "exec"), namespace)
    await namespace["__example__"]()
