"""Check gold files against the extraction contract: every meeting valid, the source present.

    python tests/gold/check_gold.py tests/gold/real/batch1/*.json

Gold has the contract's shape with "source" (a path under the docs folder) in place of
"document"; each meeting must validate against the contract's meeting definition.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT.parent / "shared" / "contract" / "extraction.schema.json"
CORPUS = ROOT.parent / "shared" / "corpus"


def problems(path: Path, docs: Path = CORPUS) -> list[str]:
    """What is wrong with one gold file, as readable lines (empty when it is sound)."""
    try:
        gold = json.loads(path.read_text())
    except (OSError, ValueError) as err:
        return [f"{path.name}: not readable JSON ({err})"]
    found = []
    if not (docs / str(gold.get("source", ""))).is_file():
        found.append(f"{path.name}: source {gold.get('source')!r} is not a file under {docs}")
    schema = json.loads(SCHEMA.read_text())
    meeting = {"$defs": schema["$defs"], **schema["$defs"]["meeting"]}
    # attendees: null means "not annotated" in gold (ANNOTATION.md); the contract itself wants a list
    for i, m in enumerate(gold.get("meetings") or []):
        checked = {**m, "attendees": m.get("attendees") or []}
        for err in jsonschema.Draft202012Validator(meeting).iter_errors(checked):
            where = "/".join(str(p) for p in err.absolute_path)
            found.append(f"{path.name}: meeting {i} {where}: {err.message}")
    if not gold.get("meetings"):
        found.append(f"{path.name}: no meetings")
    return found


def main(paths: list[str]) -> int:
    bad = [line for p in paths for line in problems(Path(p))]
    print("\n".join(bad) or f"{len(paths)} gold files sound")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
