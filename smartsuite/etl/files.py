"""Reading and writing record files: CSV, JSON Lines, and Parquet (with the ``parquet`` extra).

Writers take an async iterator (a streaming export), so a whole sheet never sits in memory for
CSV and JSON Lines. Parquet needs the columns up front and buffers the records.
"""

from __future__ import annotations

import csv
import importlib
import json
import os
from collections.abc import AsyncIterable, Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from .._core.errors import ConfigurationError
from .records import normalize

FORMATS = ("csv", "jsonl", "parquet")
_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


def guess_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The file format: ``fmt`` when given, else from the file name's suffix.

    Raises:
        ConfigurationError: an unknown format or suffix.
    """
    if fmt is None:
        fmt = _SUFFIXES.get(Path(path).suffix.lower())
        if fmt is None:
            raise ConfigurationError(
                f"cannot tell the format of {str(path)!r}; use a .csv, .jsonl or .parquet name "
                "or say --format"
            )
    if fmt not in FORMATS:
        raise ConfigurationError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


def _pyarrow() -> tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``, imported only when Parquet is asked for."""
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ConfigurationError(
            'Parquet needs pyarrow: pip install "smartsuite[parquet]"'
        ) from None


def read_records(path: str | os.PathLike[str], fmt: str | None = None) -> list[dict[str, Any]]:
    """Every record of a CSV (header row), JSON Lines or Parquet file.

    Raises:
        ConfigurationError: an unknown format, an unreadable file, or a line that is not a
            JSON object.
    """
    fmt = guess_format(path, fmt)
    try:
        return _read(path, fmt)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigurationError(f"cannot read {str(path)!r}: {exc}") from None


def _read(path: str | os.PathLike[str], fmt: str) -> list[dict[str, Any]]:
    if fmt == "parquet":
        return list(_pyarrow()[1].read_table(str(path)).to_pylist())
    with open(path, newline="", encoding="utf-8") as handle:
        if fmt == "csv":
            return [dict(row) for row in csv.DictReader(handle)]
        out = []
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if not isinstance(record, dict):
                raise ConfigurationError(f"{path}:{number} is not a JSON object")
            out.append(record)
        return out


def _csv_value(value: Any) -> str:
    return normalize(value)


class _Sink:
    def __init__(self, handle: TextIO, fmt: str, columns: list[str] | None) -> None:
        self.handle = handle
        self.fmt = fmt
        self.columns = columns
        self.writer: Any = None
        self.count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.handle.write(json.dumps(record, default=str) + "\n")
        else:
            if self.writer is None:
                self.columns = self.columns or list(record)
                self.writer = csv.writer(self.handle)
                self.writer.writerow(self.columns)
            self.writer.writerow([_csv_value(record.get(c)) for c in self.columns or ()])
        self.count += 1


async def write_records(
    records: AsyncIterable[Mapping[str, Any]] | Iterable[Mapping[str, Any]],
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    columns: list[str] | None = None,
) -> int:
    """Write records to a file as they arrive.

    Args:
        records: an async iterator (for example :func:`stream_sheet`) or a plain iterable.
        path: the file to create (replaced if it exists).
        fmt: ``csv``, ``jsonl`` or ``parquet``; by default from the suffix.
        columns: the CSV header and column order (default: the first record's keys).

    Returns:
        How many records were written.
    """
    fmt = guess_format(path, fmt)
    if fmt == "parquet":
        pa, pq = _pyarrow()
        rows = [dict(r) async for r in _aiter(records)]
        table = pa.Table.from_pylist(rows) if rows else pa.table({})
        pq.write_table(table, str(path))
        return len(rows)
    with open(path, "w", newline="", encoding="utf-8") as handle:  # noqa: ASYNC230 - local file
        sink = _Sink(handle, fmt, columns)
        async for record in _aiter(records):
            sink.write(record)
        if sink.writer is None and fmt == "csv" and columns:
            csv.writer(handle).writerow(columns)
        return sink.count


async def _aiter(
    records: AsyncIterable[Mapping[str, Any]] | Iterable[Mapping[str, Any]],
) -> AsyncIterable[Mapping[str, Any]]:
    if isinstance(records, AsyncIterable):
        async for record in records:
            yield record
    else:
        for record in records:
            yield record
