"""The Dask fan-out example (benchmarks/fanout_dask.py), small: 20,000 rows on 2 workers."""

from __future__ import annotations

import pytest

from tests.redis.support import RedisServer

pytest.importorskip("distributed", reason="Dask is missing: pip install 'smartsuite[dask]'")


def test_dask_workers_share_the_limit_and_the_locks(redis_server: RedisServer) -> None:
    from benchmarks.fanout_dask import report, run

    figures = run(
        rows=20_000,
        workers=2,
        chunk_rows=5_000,
        rate=20,
        per=1,
        burst=5,
        redis_url=redis_server.url,
    )
    print("\n" + report(figures))
    assert figures["tasks"] == 4
    assert figures["added"] == figures["rows_stored"] == figures["distinct_keys"] == 20_000
    assert figures["failed"] == 0
    assert figures["overlapping_writes"] == 0
    assert figures["busiest_second"] <= 20 + 5
