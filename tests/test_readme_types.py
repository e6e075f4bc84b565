"""``mypy --strict`` over every ```python block of the README, exactly as written.

Each block that is a complete program (it ends in ``asyncio.run(...)``, or it is a script on
``smartsuite.sync``) must type-check with no error: the library's types have to make honest
user code pass without ``assert x is not None``.
Blocks that are not complete programs yet are skipped with that reason (running them is
``tests/test_readme_examples.py``'s job). mypy runs once over all blocks together.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks() -> list[str]:
    return _BLOCK.findall(README.read_text(encoding="utf-8"))


def is_program(code: str) -> bool:
    """An async program run by ``asyncio.run``, or a script on the sync clients."""
    return re.search(r"^(asyncio\.run\(|from smartsuite\.sync import )", code, re.M) is not None


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    pytest.importorskip("mypy", reason="mypy is not installed (it is in the 'test' extra)")
    folder = tmp_path_factory.mktemp("readme_types")
    files: dict[str, str] = {}
    for index, code in enumerate(blocks()):
        if is_program(code):
            name = f"readme_block_{index:02d}.py"
            (folder / name).write_text(code, encoding="utf-8")
            files[name] = code
    errors: dict[str, list[str]] = {name: [] for name in files}
    if not files:
        return errors
    done = subprocess.run(
        [
            sys.executable,
            *("-m", "mypy", "--strict", "--no-error-summary", "--show-error-codes"),
            *("--cache-dir", str(ROOT / ".mypy_cache" / "readme")),
            *sorted(files),
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    for line in done.stdout.splitlines():
        name = line.split(":", 1)[0]
        if name in errors and ": error:" in line:
            errors[name].append(line)
    assert done.returncode in (0, 1), done.stderr or done.stdout  # 2: mypy itself failed
    return errors


def test_readme_has_python_blocks() -> None:
    assert blocks(), "the README has no ```python blocks"
    assert any(is_program(b) for b in blocks()), "no README block is a complete program"


@pytest.mark.parametrize("index", range(len(blocks())), ids=lambda i: f"block{i:02d}")
def test_readme_block_passes_mypy_strict(index: int, mypy_errors: dict[str, list[str]]) -> None:
    code = blocks()[index]
    if not is_program(code):
        pytest.skip("not a complete program yet (no asyncio.run): nothing to type-check alone")
    found = mypy_errors[f"readme_block_{index:02d}.py"]
    first = code.strip().splitlines()[0]
    assert not found, f"README block {index} ({first!r}) fails mypy --strict:\n" + "\n".join(found)
