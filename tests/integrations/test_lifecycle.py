"""A client used without ``async with``: run in fresh interpreters with warnings as errors, so
an "Unclosed client session" (or any other) warning fails the test."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import asyncio, gc, sys
    from smartsuite import ConfigurationError, SmartsheetClient
    from smartsuite.emulator import Emulator

    mode = sys.argv[1]
    kept = []

    async def use(url, token):
        ss = SmartsheetClient(token, base_url=url)
        await ss.sheets.list().to_list()
        return ss

    async def main():
        async with Emulator() as emu:
            ss = await use(emu.smartsheet_url, emu.smartsheet_token)
            if mode == "aclose":
                await ss.aclose()
            elif mode == "collected":
                del ss
                gc.collect()
            elif mode in ("kept", "second-loop"):
                kept.append(ss)  # outlives the event loop
            # "dropped": the reference goes when main() returns

    asyncio.run(main())
    if mode == "second-loop":
        async def again():
            try:
                await kept[0].sheets.list().to_list()
            except ConfigurationError as exc:
                assert "another event loop" in str(exc), exc
                print("refused")
            await kept[0].aclose()
        asyncio.run(again())
    print("done")
    """
)


MODES = ["aclose", "dropped", "collected", "kept", "second-loop"]


@pytest.fixture(scope="module")
def runs() -> dict[str, tuple[int, str, str]]:
    """Every mode at once, each in its own interpreter (they mostly wait on start-up)."""
    procs = {
        mode: subprocess.Popen(
            [sys.executable, "-W", "error", "-X", "tracemalloc", "-c", SCRIPT, mode],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for mode in MODES
    }
    out = {}
    for mode, proc in procs.items():
        stdout, stderr = proc.communicate(timeout=90)
        out[mode] = (proc.returncode, stdout, stderr)
    return out


@pytest.mark.parametrize("mode", MODES)
def test_no_leaked_session_warning(mode: str, runs: dict[str, tuple[int, str, str]]) -> None:
    returncode, stdout, stderr = runs[mode]
    assert returncode == 0, stderr
    assert stderr == "", stderr
    assert stdout.splitlines()[-1] == "done"
    if mode == "second-loop":
        assert "refused" in stdout
