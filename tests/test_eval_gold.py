"""The shared gold, scored by the shared scorer through the real command, as the issue measures it."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SHARED, needs_shared


@needs_shared()
def test_shared_gold_scores_at_least_090() -> None:
    cmd = f"{sys.executable} -m minutes extract --json {{path}}"
    run = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--cmd", cmd, "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    result = json.loads(next(line for line in run.stdout.splitlines() if line.startswith("{")))
    assert result["failures"] == []
    assert result["overall_f1"] >= 0.90
    hits, predicted, gold = result["fields"]["actions+owner"]
    f1 = 2 * hits / (predicted + gold)
    assert f1 >= 0.90
