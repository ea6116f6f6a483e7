"""Tables for the officers who live in spreadsheets: CSV files, one JSON document, or one Excel workbook."""

from __future__ import annotations

import csv
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


def write(tables: dict[str, list[dict]], fmt: str, out: Path) -> list[Path]:
    """Write every table; returns the files written."""
    if fmt == "json":
        out.write_text(json.dumps(tables, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
        return [out]
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
        book.save(out)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in tables.items():
        path = out / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            write_csv(handle, list(rows[0]) if rows else [], rows)
        written.append(path)
    return written
