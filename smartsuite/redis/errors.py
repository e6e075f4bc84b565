"""Errors of the Redis backends, placed in smartsuite's one error tree.

::

    TransportError
    ├── RedisUnavailableError     Redis could not be reached (or refused the command)
    └── OutcomeUnknownError
        └── LeaseLostError        a write lock's lease was lost while its holder was writing
    SmartsuiteError
    └── LockTimeoutError          another worker held a write lock for longer than we would wait
"""

from __future__ import annotations

from .._core.errors import OutcomeUnknownError, SmartsuiteError, TransportError


class RedisUnavailableError(TransportError):
    """Redis could not be reached, or refused a command.

    Attributes:
        url: the Redis URL, with any password masked.
    """

    def __init__(self, message: str, *, url: str) -> None:
        self.url = url
        super().__init__(message)


class LeaseLostError(OutcomeUnknownError):
    """The holder of a write lock lost its lease (it expired or another worker owns it now).

    The batch in flight may or may not have been applied, and another worker may have
    written the same object meanwhile: re-read it to reconcile.

    Attributes:
        key: the lock key, for example ``sheet:123``.
        token: the fencing token of the lost lease.
    """

    def __init__(self, message: str, *, key: str, token: int) -> None:
        self.key = key
        self.token = token
        super().__init__(message)


class LockTimeoutError(SmartsuiteError, TimeoutError):
    """Waited longer than ``wait_timeout`` for a write lock another worker holds.

    Attributes:
        key: the lock key.
    """

    def __init__(self, message: str, *, key: str) -> None:
        self.key = key
        super().__init__(message)
