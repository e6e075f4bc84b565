"""run_in_batches(prepare=...): each batch is prepared just before it is sent, with the index of
its first item; a batch that cannot be prepared is NOT_SENT with the rest, with the reason."""

from __future__ import annotations

from collections.abc import Sequence

from smartsuite._core.bulk import BatchOutcome, Outcome, run_in_batches
from smartsuite._core.errors import ConfigurationError


async def test_batches_are_prepared_one_at_a_time_and_a_failure_stops_the_rest() -> None:
    events: list[str] = []

    def prepare(items: Sequence[int], start: int) -> tuple[int, ...]:
        events.append(f"prepare {start}")
        if start == 4:
            raise ConfigurationError("batch 4 cannot be built")
        return tuple(i * 10 for i in items)

    async def send(payload: tuple[int, ...]) -> list[BatchOutcome[int]]:
        events.append(f"send {payload}")
        return [(Outcome.LANDED, p, None) for p in payload]

    result = await run_in_batches(list(range(7)), send, batch_size=2, prepare=prepare)
    assert events == ["prepare 0", "send (0, 10)", "prepare 2", "send (20, 30)", "prepare 4"]
    assert [r.outcome for r in result] == [Outcome.LANDED] * 4 + [Outcome.NOT_SENT] * 3
    assert result.values() == [0, 10, 20, 30]
    assert result.requests == 2
    reasons = {id(r.error) for r in result.not_sent}
    assert len(reasons) == 1 and "batch 4" in str(result.not_sent[0].error)
