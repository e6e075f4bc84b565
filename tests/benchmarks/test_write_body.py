"""benchmarks/write_body.py at a tiny size: it runs end to end, names every contender, and
refuses to time a contender whose body differs from the floor's (no timing is asserted)."""

from __future__ import annotations

import pytest

from benchmarks import write_body


def test_write_body(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--rows", "20", "--columns", "5", "--repeat", "1", "--calls", "2"]
    assert write_body.main(argv) == 0
    out = capsys.readouterr().out
    for name in write_body.CONTENDERS:
        assert name in out
    assert "vs baseline" in out and "fastest of 2 builds" in out


def test_every_contender_builds_the_floors_bytes() -> None:
    bodies = {name: build() for name, build in write_body.builders(30, 25).items()}
    assert len(set(bodies.values())) == 1
    assert bodies[write_body.FLOOR].startswith(b'[{"cells":[{"columnId":')


def test_a_contender_with_another_body_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    original = write_body.builders

    def builders(rows: int, columns: int) -> dict[str, write_body.Callable[[], bytes]]:
        made = original(rows, columns)
        made[write_body.ROWS] = lambda: b"[]"
        return made

    monkeypatch.setattr(write_body, "builders", builders)
    with pytest.raises(RuntimeError, match="smartsuite from Row objects built a different body"):
        write_body.check(10, 5)
