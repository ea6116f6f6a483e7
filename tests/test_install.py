"""The package as a user gets it: importable from anywhere, a light start-up, one package on the path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli

PROBE = """
import sys
sys.argv = {argv!r}
try:
    from minutes.cli import main
    main()
except SystemExit:
    pass
names = ("spacy", "pdfplumber", "pdfminer", "dateparser", "docxtpl", "bs4", "sklearn", "numpy")
heavy = sorted(m for m in names if m in sys.modules)
print("HEAVY:" + ",".join(heavy))
"""


@pytest.mark.parametrize("argv", [["minutes", "--help"], ["minutes", "actions"], ["minutes", "meetings", "--json"]])
def test_start_up_leaves_heavy_libraries_alone(tmp_path: Path, argv: list[str]) -> None:
    argv = argv[:1] + ["--db", str(tmp_path / "m.db")] + argv[1:]
    run = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    line = next(x for x in run.stdout.splitlines() if x.startswith("HEAVY:"))
    assert line == "HEAVY:", f"{argv} imported {line[6:]}"


def test_imports_as_one_package_from_anywhere(tmp_path: Path) -> None:
    code = (
        "import minutes.extract, minutes.ingest, minutes.db, minutes.render, importlib.util as u; "
        "print(u.find_spec('db') is None, u.find_spec('extract') is None, u.find_spec('ingest') is None)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "True True True", "no generic top-level module names land in site-packages"


def test_version() -> None:
    from minutes import __version__

    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"minutes {__version__}"


def test_templates_ship_with_the_package() -> None:
    from minutes.render.templating import TEMPLATES

    assert (TEMPLATES / "digest.html.j2").is_file()


def test_ci_runs_the_readme_test_command() -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    command = next(line.strip() for line in readme.splitlines() if "pytest" in line and line.startswith("    "))
    assert command in (root / ".ci" / "run").read_text(encoding="utf-8")
