"""``ss.downloads``: sheets as CSV, Excel or PDF and reports as CSV or Excel, asked for with the
``Accept`` header on ``GET /sheets/{id}`` and ``GET /reports/{id}`` (Python SDK 4.4.0
``get_sheet_as_csv/excel/pdf``, ``get_report_as_csv/excel``; reports have no PDF form).

The request goes through the client's transport (pacing, retries, error mapping, redaction);
the answer is returned as bytes (held in memory, so within the body caps) or streamed to a
file or binary file object chunk by chunk, never held whole (``<name>.part``, renamed when
complete).
"""

from __future__ import annotations

import os
from typing import IO

from ..._core.errors import ConfigurationError
from ..._core.ids import ident
from .._resource import SmartsheetResource
from ._uploads import save_stream

#: format -> Accept header (the SDK's media types).
SHEET_FORMATS = {
    "csv": "text/csv",
    "excel": "application/vnd.ms-excel",
    "pdf": "application/pdf",
}
REPORT_FORMATS = {k: v for k, v in SHEET_FORMATS.items() if k != "pdf"}
PAPER_SIZES = ("LETTER", "LEGAL", "WIDE", "ARCHD", "A4", "A3", "A2", "A1", "A0")


def _media(fmt: str, formats: dict[str, str], what: str) -> str:
    media = formats.get(str(fmt).lower())
    if media is None:
        raise ConfigurationError(f"a {what} downloads as one of {sorted(formats)}, not {fmt!r}")
    return media


class Downloads(SmartsheetResource):
    async def sheet(
        self,
        sheet_id: int,
        fmt: str = "csv",
        *,
        dest: str | os.PathLike[str] | IO[bytes] | None = None,
        paper_size: str | None = None,
    ) -> bytes | int:
        """A sheet as ``csv``, ``excel`` (.xlsx) or ``pdf``.

        Args:
            fmt: the format.
            dest: a path or a binary file object to write to; None returns the bytes.
            paper_size: for PDF: ``LETTER``, ``LEGAL``, ``WIDE``, ``ARCHD``, ``A4`` ... ``A0``.

        Returns:
            The file's bytes, or with ``dest`` the number of bytes written.

        Raises:
            ConfigurationError: an unknown format or paper size, or a paper size without PDF.
        """
        media = _media(fmt, SHEET_FORMATS, "sheet")
        params: dict[str, str] = {}
        if paper_size is not None:
            if media != SHEET_FORMATS["pdf"] or str(paper_size).upper() not in PAPER_SIZES:
                raise ConfigurationError(
                    f"paper_size is for PDF downloads, one of {PAPER_SIZES}: {paper_size!r}"
                )
            params["paperSize"] = str(paper_size).upper()
        path = f"/sheets/{ident(sheet_id, 'sheet_id')}"
        return await self._download(path, media, params, dest)

    async def report(
        self,
        report_id: int,
        fmt: str = "csv",
        *,
        dest: str | os.PathLike[str] | IO[bytes] | None = None,
    ) -> bytes | int:
        """A report as ``csv`` or ``excel`` (the API has no PDF form of a report).

        Returns:
            The file's bytes, or with ``dest`` the number of bytes written.
        """
        media = _media(fmt, REPORT_FORMATS, "report")
        return await self._download(f"/reports/{ident(report_id, 'report_id')}", media, {}, dest)

    async def _download(
        self,
        path: str,
        media: str,
        params: dict[str, str],
        dest: str | os.PathLike[str] | IO[bytes] | None,
    ) -> bytes | int:
        headers = {"Accept": media}
        if dest is None:
            response = await self._request(
                "GET", path, params=params or None, headers=headers, expect_json=False
            )
            return response.body  # held in memory, so within the client's body caps
        stream = self._transport.stream_request(path, params=params or None, headers=headers)
        return await save_stream(stream, dest)
