"""Tables for the officers who live in spreadsheets: CSV files, one JSON document, or one Excel workbook."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

TABLES = ("meetings", "attendance", "resolutions", "actions")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def cell(value: object) -> object:
    """Lists become '; '-joined text; control characters go; text a spreadsheet would run as a formula is quoted."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str):
        value = _CONTROL.sub("", value)
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
            sheet = book.create_sheet(name)
            columns = list(rows[0]) if rows else []
            sheet.append(columns)
            for row in rows:
                sheet.append([cell(row[c]) for c in columns])
        buffer = io.BytesIO()
        book.save(buffer)
        return {out: buffer.getvalue()}
    found = {}
    for name, rows in tables.items():
        text = io.StringIO(newline="")
        write_csv(text, list(rows[0]) if rows else [], rows)
        found[out / f"{name}.csv"] = text.getvalue().encode("utf-8")
    return found
