"""`minutes eval` and the gold sets: the same counting as the shared scorer, sets never pooled."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, needs_shared, run_cli

GOLD = ROOT / "tests" / "gold"
BATCHES = json.loads((GOLD / "real" / "batches.json").read_text())


@needs_shared()
def test_the_packaged_scorer_is_the_shared_scorer_word_for_word() -> None:
    assert (ROOT / "scorer.py").read_bytes() == (SHARED / "eval" / "score.py").read_bytes()


@needs_shared()
def test_eval_json_counts_exactly_as_the_shared_scorer_does(tmp_path: Path) -> None:
    gold, docs = SHARED / "eval" / "gold", SHARED / "eval" / "docs"
    ours = json.loads(run_cli("eval", str(gold), str(docs), "--json", check=True).stdout)
    cmd = f"{sys.executable} -m minutes extract --json {{path}}"
    theirs = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--docs", str(docs)]
        + ["--cmd", cmd, "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    shared = json.loads(next(line for line in theirs.stdout.splitlines() if line.startswith("{")))
    assert {f: v["counts"] for f, v in ours["fields"].items()} == shared["fields"]
    assert ours["overall_f1"] == pytest.approx(shared["overall_f1"], abs=1e-4)
    assert [d["source"] for d in ours["documents"]] == sorted(
        json.loads(p.read_text())["source"] for p in gold.glob("*.json")
    )


def _one_gold(tmp_path: Path, text: str, gold: dict) -> tuple[Path, Path]:
    docs, golds = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    golds.mkdir()
    (docs / "paper.txt").write_text(text)
    (golds / "paper.json").write_text(json.dumps({"source": "paper.txt", **gold}))
    return golds, docs


MINUTES = """Minutes of the Finance Committee held on 4 March 2024

Present: Jane Smith (Chair), Tom Brown

1. Apologies
None.

2. Budget
The Committee approved the budget for 2024/25.
ACTION: Tom Brown to circulate the final budget to members.
"""


def test_eval_tables_show_each_document_and_each_field_with_a_miss_counted(tmp_path: Path) -> None:
    gold = {
        "meetings": [
            {
                "kind": "minutes",
                "body": "Finance Committee",
                "date": "2024-03-04",
                "attendees": [
                    {"name": "Jane Smith", "status": "present"},
                    {"name": "Tom Brown", "status": "present"},
                    {"name": "Ann Green", "status": "apologies"},  # not in the paper: a miss to count
                ],
                "items": [{"number": "1", "title": "Apologies"}, {"number": "2", "title": "Budget"}],
                "resolutions": [{"item": "2", "text": "The Committee approved the budget for 2024/25."}],
                "actions": [
                    {
                        "item": "2",
                        "text": "Tom Brown to circulate the final budget to members.",
                        "owners": ["Tom Brown"],
                        "due": None,
                    }
                ],
            }
        ]
    }
    golds, docs = _one_gold(tmp_path, MINUTES, gold)
    report = json.loads(run_cli("eval", str(golds), str(docs), "--json", check=True).stdout)
    attendees = report["fields"]["attendees"]
    assert attendees["counts"] == [2, 2, 3]
    assert attendees["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["documents"][0]["source"] == "paper.txt"
    shown = run_cli("eval", str(golds), str(docs), check=True).stdout
    assert "paper.txt" in shown and "By field" in shown
    assert re.search(r"attendees\s*│\s*1\.000\s*│\s*0\.667\s*│\s*0\.800\s*│\s*2/2/3", shown)
    assert re.search(r"overall F1: 0\.\d{3}", shown)


def test_eval_names_a_missing_document_and_still_scores_the_rest(tmp_path: Path) -> None:
    golds, docs = _one_gold(tmp_path, MINUTES, {"meetings": []})
    (golds / "lost.json").write_text(
        json.dumps({"source": "lost.txt", "meetings": [{"kind": "minutes", "date": None}]})
    )
    report = json.loads(run_cli("eval", str(golds), str(docs), "--json", check=True).stdout)
    lost = next(d for d in report["documents"] if d["source"] == "lost.txt")
    assert "no such document" in lost["error"]
    assert report["fields"]["meetings"]["counts"][2] == 1


@pytest.mark.parametrize("content", ["{not json", json.dumps({"meetings": []})])
def test_eval_refuses_a_broken_gold_file_in_one_line(tmp_path: Path, content: str) -> None:
    golds, docs = _one_gold(tmp_path, MINUTES, {"meetings": []})
    (golds / "broken.json").write_text(content)
    run = run_cli("eval", str(golds), str(docs))
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("error:") and "Traceback" not in run.stderr
    assert "broken.json: not a gold file" in run.stderr


def test_eval_refuses_an_empty_gold_folder(tmp_path: Path) -> None:
    run = run_cli("eval", str(tmp_path), str(tmp_path))
    assert run.returncode == 1 and "no gold files" in run.stderr


@needs_shared()
def test_every_real_gold_file_is_sound_against_the_contract() -> None:
    sys.path.insert(0, str(GOLD))
    from check_gold import problems

    files = sorted((GOLD / "real").glob("*/*.json"))
    assert len(files) >= 80
    # the sealed batch is only counted here: a failure would print its contents, and it is not to be read
    sealed = {b for b, spec in BATCHES.items() if spec["status"] == "sealed"}
    assert [line for f in files if f.parent.name not in sealed for line in problems(f)] == []


def _organisation(source: str, batch: str) -> str:
    name = Path(source).name
    return next(org for org in BATCHES[batch]["organisations"] if name.startswith(org + "-"))


def test_each_organisation_is_in_one_batch_only_and_every_file_is_in_its_batch() -> None:
    owner: dict[str, str] = {}
    for batch, spec in BATCHES.items():
        for org in spec["organisations"]:
            assert owner.setdefault(org, batch) == batch, f"{org} is in {owner[org]} and {batch}"
        for gold in (GOLD / "real" / batch).glob("*.json"):
            _organisation(json.loads(gold.read_text())["source"], batch)  # StopIteration if not listed


def test_the_sealed_batch_has_twenty_documents_and_sets_cover_fifty_organisations() -> None:
    sealed = [b for b, spec in BATCHES.items() if spec["status"] == "sealed"]
    assert sealed and all(len(list((GOLD / "real" / b).glob("*.json"))) >= 20 for b in sealed)
    used = {
        _organisation(json.loads(g.read_text())["source"], b)
        for b in BATCHES
        for g in (GOLD / "real" / b).glob("*.json")
    }
    assert len(used) >= 50
    formats = {json.loads(g.read_text())["source"].split("/")[0] for g in (GOLD / "real").glob("*/*.json")}
    assert formats == {"pdf", "docx", "md", "html", "txt"}


@needs_shared()
def test_every_gold_set_holds_its_floor_on_its_own() -> None:
    """CI's floors, set by set (tests/gold/floors.json): a drop of more than 0.02 on any set fails."""
    run = subprocess.run(
        [sys.executable, str(GOLD / "score_all.py"), "--check-floors", "--json"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr
    scored = json.loads(run.stdout)
    assert not any(spec["kind"].endswith("sealed") for spec in scored.values())  # never scored in CI
    assert set(scored) == set(json.loads((GOLD / "floors.json").read_text()))


@needs_shared()
def test_shipped_rule_confidences_are_what_the_rules_measure_today() -> None:
    """extract/precision.json against a fresh count on the real development gold (tests/gold/calibrate.py)."""
    run = subprocess.run(
        [sys.executable, str(GOLD / "calibrate.py"), "--check"], capture_output=True, text=True, timeout=900
    )
    assert run.returncode == 0, run.stderr


def test_the_sealed_batch_is_refused_outside_a_release() -> None:
    run = subprocess.run(
        [sys.executable, str(GOLD / "score_all.py"), "--sets", "real-sealed1"], capture_output=True, text=True
    )
    assert run.returncode == 2 and "--release" in run.stderr and run.stdout == ""


def test_the_readmes_gold_example_is_a_gold_file_eval_reads(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r'\n    (\{"source".*?\]\}\]\})\n', readme, re.S).group(1)
    gold = json.loads(block)
    assert gold["meetings"][0]["actions"][0]["owners"] == ["Tom Brown"]
    golds, docs = _one_gold(tmp_path, MINUTES, {"meetings": gold["meetings"]})
    report = json.loads(run_cli("eval", str(golds), str(docs), "--json", check=True).stdout)
    assert report["fields"]["meetings"]["counts"][2] == 1
