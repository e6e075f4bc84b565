"""ETL: upsert and export at the speed the APIs allow, one engine for every service.

* :func:`upsert` with an adapter (:class:`SheetTarget`, :class:`AppSheetTarget`,
  :class:`RMTarget`), or the shortcuts :func:`upsert_rows` (``ss.rows.upsert``),
  :func:`upsert_table`, :func:`upsert_time_entries` and :func:`upsert_assignments`.
* :func:`stream_sheet`, :func:`stream_report`, :func:`stream_table`,
  :func:`stream_time_entries`, :func:`stream_assignments`: records page by page, with
  prefetch.
* :func:`write_records` / :func:`read_records`: CSV, JSON Lines and Parquet files.
"""

from .._core.public import publish
from .appsheet import AppSheetTarget, stream_table, upsert_table
from .checkpoint import Checkpoint
from .engine import Existing, OnProgress, ProgressEvent, Update, UpsertTarget, run_many, upsert
from .files import read_records, write_records
from .records import Key, Record, key_fields, key_of, normalize, same
from .resource_management import (
    RMTarget,
    rm_record,
    stream_time_entries,
    time_entries_target,
    upsert_time_entries,
)
from .result import (
    DuplicateKeyError,
    RecordResult,
    RecordStatus,
    UpsertFailedError,
    UpsertInterruptedError,
    UpsertResult,
)
from .rm_assignments import (
    AssignmentReplaceError,
    assignments_target,
    stream_assignments,
    upsert_assignments,
)
from .smartsheet import SheetTarget, stream_report, stream_sheet, upsert_rows

__all__ = [
    "AppSheetTarget",
    "AssignmentReplaceError",
    "Checkpoint",
    "DuplicateKeyError",
    "Existing",
    "Key",
    "OnProgress",
    "ProgressEvent",
    "RMTarget",
    "Record",
    "RecordResult",
    "RecordStatus",
    "SheetTarget",
    "Update",
    "UpsertFailedError",
    "UpsertInterruptedError",
    "UpsertResult",
    "UpsertTarget",
    "assignments_target",
    "key_fields",
    "key_of",
    "normalize",
    "read_records",
    "rm_record",
    "run_many",
    "same",
    "stream_assignments",
    "stream_report",
    "stream_sheet",
    "stream_table",
    "stream_time_entries",
    "time_entries_target",
    "upsert",
    "upsert_assignments",
    "upsert_rows",
    "upsert_table",
    "upsert_time_entries",
    "write_records",
]

publish(__name__, globals(), __all__)
