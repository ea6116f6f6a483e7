"""The rule registry: every rule fires on its own example, and every record names a registered rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes.extract import extract, learned
from minutes.extract.rules import REGISTRY, STAGES, Rule
from minutes.ingest import from_text, read

from conftest import ROOT, SAMPLES


def _rules_of(text: str) -> dict[str, float]:
    """The rule names, with their confidences, on every record the pipeline reads from a paper."""
    found: dict[str, float] = {}
    for meeting in extract(from_text(text, markdown=text.startswith("#"))):
        found[meeting.found.rule] = meeting.found.confidence
        for record in [*meeting.attendees, *meeting.items, *meeting.resolutions, *meeting.actions, *meeting.progress]:
            found[record.found.rule] = record.found.confidence
    return found


@pytest.mark.parametrize("rule", list(REGISTRY.values()), ids=lambda r: r.name)
def test_each_rule_fires_on_its_own_example_with_its_registered_confidence(rule: Rule) -> None:
    if rule.name.endswith(".classifier"):  # the classifier's rules need a model: a small one learned here
        from test_learned import _toy_model

        learned.use(_toy_model())
    try:
        found = _rules_of(rule.example)
    finally:
        learned._override.clear()
    assert rule.name in found, f"{rule.name} did not fire; fired: {sorted(found)}"
    if rule.name.endswith(".classifier"):
        assert rule.confidence <= found[rule.name] <= 1, "its confidence is the model's probability"
    else:
        assert found[rule.name] == rule.confidence


def test_every_rule_has_a_stage_a_confidence_and_a_summary() -> None:
    stage_of = {"meeting": "meetings", "item": "items", "resolution": "resolutions", "action": "actions"}
    for rule in REGISTRY.values():
        prefix = rule.name.split(".")[0]
        assert rule.stage in STAGES and stage_of.get(prefix, prefix) == rule.stage
        assert 0 < rule.confidence <= 1 and rule.summary and rule.example


@pytest.mark.parametrize("paper", sorted(SAMPLES.glob("schools-forum-*")), ids=lambda p: p.name)
def test_every_record_of_the_samples_names_a_registered_rule(paper: Path) -> None:
    meetings = extract(read(str(paper)))
    records = [r for m in meetings for r in (m, *m.attendees, *m.items, *m.resolutions, *m.actions, *m.progress)]
    assert records and all(r.found.rule in REGISTRY for r in records)
    assert all(r.found.confidence == REGISTRY[r.found.rule].confidence for r in records)


def test_every_rule_name_the_code_writes_is_registered() -> None:
    """A rule the registry lacks would fail the whole document (its confidence is looked up there)."""
    source = " ".join(p.read_text() for p in (ROOT / "extract").glob("*.py") if p.name != "rules.py")
    literal = set(re.findall(r'"((?:meeting|item|attendance|resolution|action|progress)\.[a-z_]+)"', source))
    kinds = {f"item.{k}" for k in ("dec", "dotted", "slash", "roman", "sub")}
    statuses = {f"attendance.{s}" for s in ("present", "apologies", "absent")}
    assert literal | kinds | statuses <= set(REGISTRY), sorted((literal | kinds | statuses) - set(REGISTRY))
