"""ETL: upsert and export at the speed the APIs allow, one engine for every service.

* :func:`upsert` with an adapter (:class:`SheetTarget`, :class:`AppSheetTarget`,
  :class:`RMTarget`), or the shortcuts :func:`upsert_rows` (``ss.rows.upsert``).
* :func:`stream_sheet` and friends: records page by page, with prefetch.
* :func:`write_records` / :func:`read_records`: CSV, JSON Lines and Parquet files.
"""

from .checkpoint import Checkpoint
from .engine import Existing, OnProgress, ProgressEvent, Update, UpsertTarget, run_many, upsert
from .records import Key, Record, key_fields, key_of, normalize, same
from .result import (
    DuplicateKeyError,
    RecordResult,
    RecordStatus,
    UpsertFailedError,
    UpsertResult,
)
from .smartsheet import SheetTarget, stream_sheet, upsert_rows

__all__ = [
    "Checkpoint",
    "DuplicateKeyError",
    "Existing",
    "Key",
    "OnProgress",
    "ProgressEvent",
    "Record",
    "RecordResult",
    "RecordStatus",
    "SheetTarget",
    "Update",
    "UpsertFailedError",
    "UpsertResult",
    "UpsertTarget",
    "key_fields",
    "key_of",
    "normalize",
    "run_many",
    "same",
    "stream_sheet",
    "upsert",
    "upsert_rows",
]
