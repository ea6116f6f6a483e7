"""Tables for the officers who live in spreadsheets: CSV files, one JSON document, or one Excel workbook."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

TABLES = ("meetings", "attendance", "resolutions", "actions")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")  # none is allowed in XML


def cell(value: object) -> object:
    """Lists become '; '-joined text; control characters go; text a spreadsheet would run as a formula is quoted."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str):
        value = _CONTROL.sub("", value.replace("\ufffe", "-"))  # pdfium's hyphen mark, as ingest reads it
        if value.startswith(_FORMULA):
            return "'" + value
    return value


def write_csv(handle, columns: list[str], rows: list[dict], lineterminator: str = "\r\n") -> None:
    """The one CSV writer every command uses: no cell runs as a formula, no control character survives."""
    writer = csv.writer(handle, lineterminator=lineterminator)
    writer.writerow(columns)
    writer.writerows([cell(row.get(c)) for c in columns] for row in rows)


def files(tables: dict[str, list[dict]], fmt: str, out: Path) -> dict[Path, bytes]:
    """Every table rendered: one JSON or XLSX file at `out`, or one CSV file per table in the folder `out`."""
    if fmt == "json":
        return {out: json.dumps(tables, indent=2, ensure_ascii=False, default=str).encode("utf-8")}
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        book.remove(book.active)
        for name, rows in tables.items():
            _sheet(book.create_sheet(name), rows)
        buffer = io.BytesIO()
        book.save(buffer)
        return {out: buffer.getvalue()}
    found = {}
    for name, rows in tables.items():
        text = io.StringIO(newline="")
        write_csv(text, list(rows[0]) if rows else [], rows)
        found[out / f"{name}.csv"] = text.getvalue().encode("utf-8")
    return found


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _sheet(sheet, rows: list[dict]) -> None:
    """One table as a spreadsheet expects it: dates as date cells, a frozen header row with a filter,
    and columns as wide as their contents (within reason)."""
    from datetime import date

    from openpyxl.utils import get_column_letter

    columns = list(rows[0]) if rows else []
    sheet.append(columns)
    for row in rows:
        values = [cell(row[c]) for c in columns]
        sheet.append([date.fromisoformat(v) if isinstance(v, str) and _ISO_DAY.match(v) else v for v in values])
    for n, column in enumerate(columns, start=1):
        letter = get_column_letter(n)
        longest = max([len(column), *(len(str(c.value or "")) for c in sheet[letter][1:200])])
        sheet.column_dimensions[letter].width = min(max(10, longest + 2), 60)
        for c in sheet[letter][1:]:
            if isinstance(c.value, date):
                c.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    if columns:
        sheet.auto_filter.ref = sheet.dimensions
