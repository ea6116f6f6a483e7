"""Word to PDF through LibreOffice headless, when it is installed.

soffice is called with an argument list (never a shell), on a copy of the file
with a fixed name in a private temporary folder, with its own throwaway profile
(`-env:UserInstallation`) so runs in parallel do not fight over one, and with a
time limit. The PDF is then moved to the path the user gave.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..config import child_environment

INSTALL = "apt-get install libreoffice-writer-nogui fonts-liberation2"
TIMEOUT = 180.0


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed."""


class PdfFailed(RuntimeError):
    """LibreOffice ran but gave no PDF."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: Path, pdf: Path, timeout: float = TIMEOUT) -> None:
    program = soffice()
    if program is None:
        raise PdfUnavailable(
            f"no PDF written: LibreOffice (soffice) is not installed. Install it (Debian/Ubuntu: "
            f"{INSTALL}) and run again, or open {docx.name} in Word and save it as PDF"
        )
    with tempfile.TemporaryDirectory(prefix="minutes-pdf-") as tmp:
        work = Path(tmp)
        source, outdir = work / "pack.docx", work / "out"
        shutil.copyfile(docx, source)
        argv = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(source),
        ]
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=work,
            start_new_session=True,
            text=True,
            env=child_environment(),
        )
        try:
            _, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # soffice starts helpers in its own group: end them all
            process.communicate()
            raise PdfFailed(f"no PDF written: LibreOffice did not finish within {timeout:.0f} s") from None
        made = outdir / "pack.pdf"
        if process.returncode != 0 or not made.is_file():
            cause = (errors or "").strip().splitlines()[-1:] or [f"exit code {process.returncode}"]
            raise PdfFailed(f"no PDF written: LibreOffice could not convert {docx.name} ({cause[0]})")
        partial = pdf.with_name(f".{pdf.name}.partial")
        try:
            shutil.copyfile(made, partial)
            os.replace(partial, pdf)
        finally:
            partial.unlink(missing_ok=True)
