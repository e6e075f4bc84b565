"""The facade in a process of its own: exit with a forgotten client, and Ctrl-C mid-upsert."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

FORGOTTEN = textwrap.dedent(
    """
    import threading
    from smartsuite.sync import EmulatorThread, SmartsheetClient

    server = EmulatorThread()
    emu = server.start()
    ss = SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url)
    ss.sheets.list().to_list()
    threads = [t.name for t in threading.enumerate() if t.name.startswith("smartsuite-sync")]
    print("RUNNING", threads, flush=True)
    # neither ss.close() nor server.stop(): the interpreter must still exit
    """
)

FORKED = textwrap.dedent(
    """
    import os, sys
    from smartsuite.sync import ClientClosedError, EmulatorThread, SmartsheetClient

    with EmulatorThread() as emu, SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url
    ) as ss:
        ss.sheets.list().to_list()
        pid = os.fork()
        if pid == 0:
            try:
                ss.sheets.list().to_list()
                print("CHILD CALLED", flush=True)
            except ClientClosedError as exc:
                print("CHILD REFUSED", "fork" in str(exc), flush=True)
            sys.exit(0)  # atexit and the finalizers run: they must not wait for the thread
        _, status = os.waitpid(pid, 0)
        print("PARENT", os.waitstatus_to_exitcode(status), len(ss.sheets.list().to_list()))
    """
)

INTERRUPTED = textwrap.dedent(
    """
    import json, os, sys, time
    from smartsuite import RateLimitConfig
    from smartsuite.emulator import FaultConfig
    from smartsuite.sync import EmulatorThread, SmartsheetClient, etl

    checkpoint, total = sys.argv[1], int(sys.argv[2])
    columns = [{"title": "Key", "type": "TEXT_NUMBER", "primary": True},
               {"title": "Name", "type": "TEXT_NUMBER"}]
    records = [{"Key": f"K-{i}", "Name": f"n{i}"} for i in range(total)]
    fast = RateLimitConfig(rate=100000, per=1, burst=10000)
    with EmulatorThread() as emu, SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=fast
    ) as ss:
        workspace_id = ss.workspaces.create("Big").id
        sheet_id = ss.sheets.create_in_workspace(workspace_id, "Big", columns).id
        emu.smartsheet.faults = FaultConfig(latency=0.05)

        def progress(event):
            if event.phase == "add":
                print("PROGRESS", event.done, flush=True)

        try:
            etl.upsert_rows(ss, sheet_id, records, key="Key", checkpoint=checkpoint,
                            on_progress=progress, batch_size=10)
            print("FINISHED", flush=True)
        except KeyboardInterrupt:
            print("INTERRUPTED", time.monotonic(), flush=True)
        with open(checkpoint) as handle:
            states = json.load(handle)["states"]
        print("CHECKPOINT", json.dumps({"added": states.count("a"),
                                         "in_flight": states.count("A")}), flush=True)
        emu.smartsheet.faults = FaultConfig()
        result = etl.upsert_rows(ss, sheet_id, records, key="Key", checkpoint=checkpoint)
        keys = [r["Key"] for r in ss.sheets.get(sheet_id).to_records()]
        print("RESULT", json.dumps({"rows": len(keys), "unique": len(set(keys)),
                                     "ok": result.ok, "counts": result.counts(),
                                     "checkpoint_left": os.path.exists(checkpoint)}), flush=True)
    """
)


def _env() -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[2])
    return {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}


def test_a_forgotten_client_does_not_keep_the_interpreter_alive() -> None:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", FORGOTTEN],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "RUNNING ['smartsuite-sync-SmartsheetClient']" in done.stdout
    assert time.monotonic() - started < 30
    assert "Unclosed client session" not in done.stderr  # the finalizer closed it at exit


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX fork")
def test_a_client_made_before_a_fork_refuses_in_the_child() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FORKED],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["CHILD REFUSED True", "PARENT 0 0"], done.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_ctrl_c_cancels_the_upsert_and_the_checkpoint_resumes(tmp_path: Path) -> None:
    total = 2000
    checkpoint = tmp_path / "job.json"
    child = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTED, str(checkpoint), str(total)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        while line and not line.startswith("PROGRESS"):
            line = child.stdout.readline()
        assert line.startswith("PROGRESS"), child.stderr.read() if child.stderr else ""
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    lines = {ln.split(" ", 1)[0]: ln.split(" ", 1)[1] for ln in out.splitlines() if " " in ln}
    assert "FINISHED" not in lines and "INTERRUPTED" in lines
    # The call returned promptly once Ctrl-C came (the task was cancelled, not finished).
    assert float(lines["INTERRUPTED"]) - sent < 10
    cp = json.loads(lines["CHECKPOINT"])
    assert 0 < cp["added"] < total  # the checkpoint holds the batches that landed
    result = json.loads(lines["RESULT"])
    # Resumed from the checkpoint: every record exactly once, nothing left over.
    assert result == {
        "rows": total,
        "unique": total,
        "ok": True,
        "counts": {**result["counts"], "failed": 0, "duplicate": 0},
        "checkpoint_left": False,
    }
