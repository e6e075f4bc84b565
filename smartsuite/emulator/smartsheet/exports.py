"""Sheets and reports in other formats, chosen by the ``Accept`` header on ``GET /sheets/{id}``
and ``GET /reports/{id}`` (Python SDK 4.4.0 ``get_sheet_as_csv/excel/pdf``,
``get_report_as_csv/excel``): CSV, a small but valid .xlsx workbook, and a one-page PDF naming
the sheet (the real PDF is a rendering the emulator does not imitate)."""

from __future__ import annotations

import csv
import io
import zipfile
from xml.sax.saxutils import escape

from aiohttp import web

CSV = "text/csv"
EXCEL = "application/vnd.ms-excel"
PDF = "application/pdf"


def wanted(request: web.Request) -> str | None:
    """The export format asked for, if any (JSON otherwise)."""
    accept = request.headers.get("Accept", "")
    for media in (CSV, EXCEL, PDF):
        if media in accept:
            return media
    return None


def export(media: str, name: str, table: list[list[str]]) -> web.Response:
    if media == CSV:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(table)
        return web.Response(body=out.getvalue().encode(), content_type=CSV)
    if media == EXCEL:
        return web.Response(body=_xlsx(name, table), content_type=EXCEL)
    return web.Response(body=_pdf(name), content_type=PDF)


def _xlsx(name: str, table: list[list[str]]) -> bytes:
    rows = "".join(
        f'<row r="{r + 1}">'
        + "".join(f'<c t="inlineStr"><is><t>{escape(str(value))}</t></is></c>' for value in row)
        + "</row>"
        for r, row in enumerate(table)
    )
    ns = "http://schemas.openxmlformats.org"
    files = {
        "[Content_Types].xml": (
            f'<Types xmlns="{ns}/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{ns}/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/'
            f'relationships"><sheets><sheet name="{escape(name[:31])}" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{ns}/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{ns}/spreadsheetml/2006/main"><sheetData>{rows}</sheetData>'
            "</worksheet>"
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in files.items():
            archive.writestr(path, '<?xml version="1.0" encoding="UTF-8"?>' + text)
    return out.getvalue()


def _pdf(name: str) -> bytes:
    title = name.replace("\\", "").replace("(", "").replace(")", "")
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
        + f"% {title}\n".encode()
        + b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
