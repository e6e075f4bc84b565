"""Downloads (``sheets download``, ``reports download``): the file as Smartsheet renders it
(CSV, Excel or PDF), written to a file or, with ``-o -``, to stdout as raw bytes.

Unlike ``export`` (records read page by page through the API's JSON), a download is one request
whose answer is the server's own rendering (``ss.downloads``)."""

from __future__ import annotations

import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import IO, Annotated

import typer

from .._core.errors import ConfigurationError
from .._core.transport import TransportStats
from ._export import STDOUT, report_written
from ._output import stats_dict

#: The formats of a sheet download; a report has no PDF form (the API's report export
#: offers CSV and Excel only: Python SDK 4.4.0 ``get_report_as_csv/excel``).
SHEET_KINDS = ("csv", "excel", "pdf")
REPORT_KINDS = ("csv", "excel")

#: File suffix -> format, when ``--format`` is not given.
SUFFIXES = {".csv": "csv", ".xlsx": "excel", ".xls": "excel", ".pdf": "pdf"}

DownloadOutputOpt = Annotated[
    str, typer.Option("-o", "--output", help="File to write; - for stdout (raw bytes).")
]


def download_format(output: str, fmt: str | None, kinds: tuple[str, ...], what: str) -> str:
    """The format to download: ``--format``, else the suffix of ``-o``; ``-o -`` is CSV.

    Raises:
        ConfigurationError: an unknown format, one ``what`` does not offer, or a suffix that
            names none.
    """
    if fmt is None:
        if output == STDOUT:
            return "csv"
        kind = SUFFIXES.get(Path(output).suffix.lower())
        if kind is None:
            raise ConfigurationError(
                f"cannot tell the format of {output!r} from its suffix; "
                f"give --format ({', '.join(kinds)})"
            )
    else:
        kind = fmt.strip().lower()
    if kind == "pdf" and "pdf" not in kinds:
        raise ConfigurationError(
            f"a {what} has no PDF download (the API renders {what}s as CSV or Excel only); "
            f"--format must be one of {', '.join(kinds)}"
        )
    if kind not in kinds:
        shown = fmt if fmt is not None else Path(output).suffix
        raise ConfigurationError(f"--format must be one of {', '.join(kinds)}, got {shown!r}")
    return kind


def check_binary_stdout(output: str, kind: str, stream: IO[str] | None = None) -> None:
    """Refuse to print a binary file (Excel, PDF) on a terminal; a pipe or redirect is fine.

    Raises:
        ConfigurationError: ``-o -`` of a binary format while stdout is a terminal.
    """
    target = stream if stream is not None else sys.stdout
    isatty = getattr(target, "isatty", None)
    if output == STDOUT and kind != "csv" and callable(isatty) and isatty():
        raise ConfigurationError(
            f"not writing a binary {kind} file to the terminal; redirect stdout "
            "(-o - > file) or give -o FILE"
        )


async def download(
    fetch: Callable[[str | None], Awaitable[bytes | int]],
    output: str,
    what: str,
    object_id: int,
    kind: str,
    stats: TransportStats,
    started: float,
    *,
    as_json: bool,
) -> None:
    """Run the download of ``what`` ``object_id`` to ``output`` (``-``: stdout), then print its
    summary (on stderr when the file went to stdout).

    ``fetch(dest)`` is the library call: with a path it writes the file (through a ``.part``
    file, renamed when complete) and returns the size; with None it returns the bytes.
    """
    if output != STDOUT:
        size = await fetch(output)
        assert isinstance(size, int)
    else:
        body = await fetch(None)
        assert isinstance(body, bytes)
        sys.stdout.flush()
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()
        size = len(body)
    summary: dict[str, object] = {
        f"{what}_id": object_id,
        "file": output,
        "format": kind,
        "bytes": size,
    }
    summary.update(stats_dict(stats, time.perf_counter() - started))
    report_written(summary, f"downloaded {what} {object_id}: {size:,} bytes", as_json=as_json)
