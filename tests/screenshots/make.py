"""Render the chair's digest and the clerk's pack from the samples as PNG pages, for the README.

    python tests/screenshots/make.py

The digest is the HTML output shown by headless Chromium; the packs (with the clerk's notes, and clean
with --no-notes) are the Word outputs turned to PDF by LibreOffice and to PNG by pdftoppm. Nothing is
drawn by hand: each picture is the real output of `minutes` on samples/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[1] / "samples"
BODY = ["--body", "Schools Forum"]


def minutes(db: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "minutes", "--db", str(db), "-q", *args], check=True)


def first_page(docx: Path, png: Path, work: Path) -> None:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = work / (docx.stem + ".pdf")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png.with_suffix(""))],
        check=True,
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = work / "m.db"
        minutes(db, "ingest", str(SAMPLES))
        page = work / "digest.html"
        minutes(db, "digest", *BODY, "--as-of", "2023-06-27", "--format", "html", "--out", str(page))
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=1100,900",
                f"--user-data-dir={work / 'profile'}",
                f"--screenshot={HERE / 'digest.png'}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        for name, flag in (("pack-notes", "--notes"), ("pack-clean", "--no-notes")):
            out = work / f"{name}.docx"
            minutes(db, "agenda", *BODY, "--date", "2023-09-19", flag, "--out", str(out))
            first_page(out, HERE / f"{name}.png", work)
    for png in sorted(HERE.glob("*.png")):
        print(f"wrote {png.relative_to(HERE.parents[1])}")
    return 0


if __name__ == "__main__":
    if not all(shutil.which(tool) for tool in ("chromium", "soffice", "pdftoppm")):
        sys.exit("needs chromium, LibreOffice (soffice) and poppler-utils (pdftoppm)")
    sys.exit(main())
