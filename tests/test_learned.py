"""The sentence classifier: its features, training that gives the same model twice, the model's file format,
`minutes train`, and that extraction uses a model only where the rules found nothing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from minutes import train
from minutes.extract import extract, learned
from minutes.extract.learned import SentenceModel, fold
from minutes.ingest import from_text

from conftest import ROOT, run_cli

WRITTEN = ROOT / "tests" / "gold" / "written"
UNDERTAKINGS = [
    "Jo is to look into the costs before the next meeting.",
    "Sam will circulate the revised terms of reference.",
    "Priya offered to draft a letter to the landowner.",
    "Tom is going to ask the contractor for a second quote.",
    "Members were content with the proposal.",
    "The committee endorsed the revised budget.",
    "The minutes were approved by consent.",
    "It was agreed to renew the insurance with the current broker.",
]
LABELS = ["ACTION"] * 4 + ["DECISION"] * 4
OTHER = [
    "The chair welcomed everyone to the meeting.",
    "There was a long discussion about parking in the village.",
    "The treasurer reported a balance of 4,000 pounds.",
    "Members noted the report from the police.",
    "The weather had been poor over the summer.",
    "A resident spoke about the state of the footpaths.",
]


def _toy_model() -> SentenceModel:
    """A model learned from a handful of hand-labelled sentences: enough to test the mechanism, not the words."""
    data = [
        train.Example(
            f"s_para  || {text}", {"ACTION": float(label == "ACTION"), "DECISION": float(label == "DECISION")}, "toy"
        )
        for text, label in zip(UNDERTAKINGS, LABELS, strict=True)
    ]
    data += [train.Example(f"s_para  || {text}", {"ACTION": 0.0, "DECISION": 0.0}, "toy") for text in OTHER * 2]
    return train.fit(data * 3)


@pytest.fixture
def toy():
    model = _toy_model()
    learned.use(model)
    yield model
    learned._override.clear()


def test_features_fold_names_to_their_shape_and_keep_context_tokens() -> None:
    assert fold("s_bullet u_first t_finance || Jo and JS will send 3 letters") == (
        "s_bullet u_first t_finance _s jo and _ini will send _num letters"
    )


def test_training_twice_gives_the_same_model_and_it_survives_its_file(tmp_path: Path) -> None:
    first, second = _toy_model(), _toy_model()
    for label in first.coef:
        assert np.array_equal(first.coef[label], second.coef[label])
    first.save(tmp_path)
    back = SentenceModel.load(tmp_path)
    texts = [f"s_para  || {t}" for t in UNDERTAKINGS + OTHER]
    for a, b in zip(first.scores(texts), back.scores(texts), strict=True):
        assert a == pytest.approx(b, abs=1e-6)
    assert not list(tmp_path.glob("*.pkl")), "no pickle: loading a model runs no code"


def test_classifier_adds_what_no_rule_reads_with_its_probability_as_confidence(toy) -> None:
    paper = (
        "Minutes of the Parish Council meeting held on Tuesday 5th March 2024\n\nPresent: Jane Smith, Tom Brown\n\n"
        "1. Budget\nMembers were content with the proposal.\n"
        "The chair welcomed everyone to the meeting.\n"
    )
    (meeting,) = extract(from_text(paper))
    added = [r for r in meeting.resolutions if r.found.rule == "resolution.classifier"]
    assert [r.text for r in added] == ["Members were content with the proposal."]
    assert 0.5 <= added[0].found.confidence <= 1 and added[0].item == "1"
    learned.use(None)
    (rules_only,) = extract(from_text(paper))
    assert not [r for r in rules_only.resolutions if r.found.rule == "resolution.classifier"]


def test_marked_actions_leave_the_classifier_out(toy) -> None:
    paper = (
        "Minutes of the Parish Council meeting held on Tuesday 5th March 2024\n\nPresent: Jane Smith, Tom Brown\n\n"
        "1. Budget\nJo is to look into the costs before the next meeting.\nACTION: Jane Smith to book the hall.\n"
    )
    (meeting,) = extract(from_text(paper))
    assert [a.found.rule for a in meeting.actions] == ["action.marked"] or all(
        a.found.rule != "action.classifier" for a in meeting.actions
    )


def test_minutes_train_writes_a_model_that_extraction_then_uses(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    run = run_cli("train", "--from", str(WRITTEN), "--docs", str(WRITTEN / "docs"), "--out", str(folder), check=True)
    assert "trained on" in run.stdout and (folder / "sentences.npz").is_file()
    doc = next((WRITTEN / "docs").iterdir())
    used = run_cli("extract", str(doc), "--json", env={"MINUTES_MODEL": str(folder)}, check=True)
    assert used.stdout.startswith("{")
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = run_cli("train", "--from", str(empty), "--docs", str(WRITTEN / "docs"), "--out", str(folder))
    assert refused.returncode == 1 and refused.stderr.startswith("error: no labelled sentences found")


def test_extraction_without_a_model_never_loads_numpy_or_scikit_learn(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from minutes.parse import parse; "
        f"parse({str(ROOT / 'samples' / 'schools-forum-2023-06-27-agenda-pack.txt')!r}); "
        "print(sorted(m for m in ('numpy', 'sklearn', 'scipy') if m in sys.modules))"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "MINUTES_MODEL": str(tmp_path / "none")}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
