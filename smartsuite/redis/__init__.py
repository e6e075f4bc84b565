"""Scale-out backends: a rate limit and write locks shared by many workers through Redis.

Needs the optional extra ``pip install 'smartsuite[redis]'``::

    limiter = RedisRateLimit("redis://redis:6379/0", key="smartsheet:etl-token", rate=300, per=60)
    locks = RedisWriteLocks("redis://redis:6379/0", lease=15)
    async with SmartsheetClient(rate_limit=limiter, write_locks=locks) as ss:
        ...
"""

from .._core.public import publish
from .errors import LeaseLostError, LockTimeoutError, RedisUnavailableError
from .locks import Lease, RedisWriteLocks
from .ratelimit import RedisRateLimit, RedisRateLimitStats

__all__ = [
    "Lease",
    "LeaseLostError",
    "LockTimeoutError",
    "RedisRateLimit",
    "RedisRateLimitStats",
    "RedisUnavailableError",
    "RedisWriteLocks",
]

publish(__name__, globals(), __all__)
