"""Resumable jobs: a small JSON checkpoint written atomically after each batch.

The file holds one character per input record (its state) and the messages of failed records.
A record is marked in flight (``A``/``U``) before its batch is sent and settled after, so after a
crash or Ctrl-C the next run knows exactly which writes may have landed: it re-reads those keys
and writes only what is missing, never a duplicate row.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .._core.errors import ConfigurationError
from .records import Key

PENDING = "."
ADD_IN_FLIGHT = "A"
UPDATE_IN_FLIGHT = "U"
#: Settled states, written after a batch's answer arrives.
SETTLED = {"added": "a", "updated": "u", "unchanged": "=", "failed": "f", "duplicate": "d"}
SETTLED_NAMES = {v: k for k, v in SETTLED.items()}
FORMAT_VERSION = 1


def job_fingerprint(target: str, fields: Sequence[str], keys: Iterable[Key | None]) -> str:
    """Identify a job by its target, key fields and input keys in order."""
    digest = hashlib.sha256()
    digest.update(json.dumps([target, list(fields)]).encode())
    for key in keys:
        digest.update(b"\x00" + json.dumps(key).encode())
    return digest.hexdigest()


class Checkpoint:
    """The progress of one job, kept in ``path``.

    Use :meth:`open`: it resumes an existing file of the same job and refuses one of another.

    Attributes:
        path: the checkpoint file.
        job: the job's fingerprint.
        states: one state character per input record.
        errors: failure messages by record index.
        resumed: the file existed (the job is continuing).
    """

    def __init__(self, path: Path, job: str, total: int) -> None:
        self.path = path
        self.job = job
        self.states = [PENDING] * total
        self.errors: dict[int, str] = {}
        self.resumed = False

    @classmethod
    def open(cls, path: str | os.PathLike[str], job: str, total: int) -> Checkpoint:
        """Load ``path`` when it holds this job, else start a new checkpoint there.

        Raises:
            ConfigurationError: the file belongs to another job or is not a checkpoint.
        """
        cp = cls(Path(path), job, total)
        if not cp.path.exists():
            return cp
        try:
            data: Any = json.loads(cp.path.read_text())
            states = str(data["states"])
            errors = {int(k): str(v) for k, v in dict(data.get("errors", {})).items()}
            same_job = data["version"] == FORMAT_VERSION and data["job"] == job
        except (ValueError, KeyError, TypeError, AttributeError):
            raise ConfigurationError(f"{cp.path} is not a smartsuite checkpoint") from None
        if not same_job or len(states) != total:
            raise ConfigurationError(
                f"{cp.path} is the checkpoint of another job (other target, key or input); "
                "delete it or choose another file"
            )
        cp.states = list(states)
        cp.errors = errors
        cp.resumed = True
        return cp

    def mark(self, indices: Iterable[int], state: str) -> None:
        for i in indices:
            self.states[i] = state

    def settle(self, index: int, status: str, error: str | None = None) -> None:
        self.states[index] = SETTLED[status]
        if error is not None:
            self.errors[index] = error

    def save(self) -> None:
        """Write the file atomically (temporary file, fsync, rename)."""
        data = {
            "version": FORMAT_VERSION,
            "job": self.job,
            "states": "".join(self.states),
            "errors": {str(k): v for k, v in sorted(self.errors.items())},
        }
        directory = self.path.parent
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w") as handle:
                json.dump(data, handle, separators=(",", ":"))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def remove(self) -> None:
        """Delete the file (the job finished)."""
        self.path.unlink(missing_ok=True)
