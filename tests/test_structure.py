"""Extraction stays readable: no function in extract/ over 80 lines or over cyclomatic complexity 25 (radon)."""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit

EXTRACT = Path(__file__).resolve().parents[1] / "extract"
MAX_LINES = 80
MAX_COMPLEXITY = 25


def _functions() -> dict:
    found = {}
    for path in sorted(EXTRACT.glob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            for unit in [block, *getattr(block, "methods", [])]:  # radon lists methods both ways: keyed once
                if unit.letter in ("F", "M"):
                    found[f"{path.name}:{unit.lineno} {unit.fullname}"] = unit
    return found


def test_no_extraction_function_is_too_long_or_too_branched() -> None:
    found = list(_functions().items())
    assert len(found) > 100  # the walk reached the rules
    long = [(name, u.endline - u.lineno + 1) for name, u in found if u.endline - u.lineno + 1 > MAX_LINES]
    branched = [(name, u.complexity) for name, u in found if u.complexity > MAX_COMPLEXITY]
    assert not long, long
    assert not branched, branched
