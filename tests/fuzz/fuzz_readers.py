"""Fuzz the PDF and DOCX readers with atheris: bytes in, a Document or a clean IngestError out.

    pip install atheris
    python tests/fuzz/fuzz_readers.py -max_total_time=600 tests/fuzz/corpus
    FUZZ_READER=pdf python tests/fuzz/fuzz_readers.py -max_total_time=1800 tests/fuzz/corpus   # one reader

Files are read in this process (MINUTES_READ_IN_PROCESS=1), not in the reading child that
`minutes` normally uses, so that atheris sees the readers' coverage and their crashes.

Anything else that escapes read() is a crash: atheris stops and writes the input to crash-*;
turn it into a test in tests/test_bad_input.py.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

os.environ["MINUTES_READ_IN_PROCESS"] = "1"

with atheris.instrument_imports(include=["minutes"]):
    from minutes.ingest import IngestError, read

FOLDER = tempfile.mkdtemp(prefix="minutes-fuzz-")
SUFFIXES = [".pdf", ".docx", ".txt", ".md", ".html"]
if os.environ.get("FUZZ_READER"):
    SUFFIXES = ["." + os.environ["FUZZ_READER"]]


def one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = os.path.join(FOLDER, "input" + suffix)
    with open(path, "wb") as handle:
        handle.write(data[1:])
    try:
        document = read(path)
    except IngestError as err:
        assert "\n" not in str(err), "errors are one line"
        return
    assert document.lines, "a read document has text"


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
