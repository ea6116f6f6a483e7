"""The rule registry: every rule fires on its own example, and every record names a registered rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes.extract import extract, learned
from minutes.extract.rules import REGISTRY, STAGES, Rule, confidence, measured_confidence
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
def test_each_rule_fires_on_its_own_example_with_its_confidence(rule: Rule) -> None:
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
        assert found[rule.name] == confidence(rule.name)


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
    assert all(r.found.confidence == confidence(r.found.rule) for r in records)


def test_a_rule_s_confidence_is_its_measured_precision_less_what_few_records_leave_unsure() -> None:
    assert measured_confidence(1725, 1678) == 0.97  # 97 % right over many records: about that
    assert measured_confidence(5, 5) == 0.75  # five of five: right so far, but five says little
    assert measured_confidence(121, 98) < 98 / 121  # a lower bound: development papers were tuned on
    assert measured_confidence(4, 4) is None  # too few to tell: the registered guess stands
    assert measured_confidence(56, 29) < 0.5 < measured_confidence(862, 711)


def test_measured_rules_take_their_measure_and_the_others_their_registered_guess() -> None:
    import json

    from minutes.extract.rules import PRECISION

    counts = json.loads(PRECISION.read_text())["rules"]
    assert set(counts) <= set(REGISTRY)
    for name, rule in REGISTRY.items():
        measured = measured_confidence(*counts.get(name, [0, 0]))
        assert confidence(name) == (rule.confidence if measured is None else measured)
    assert confidence("attendance.present") > 0.9 > confidence("resolution.seconded")


def test_every_rule_name_the_code_writes_is_registered() -> None:
    """A rule the registry lacks would fail the whole document (its confidence is looked up there)."""
    source = " ".join(p.read_text() for p in (ROOT / "extract").glob("*.py") if p.name != "rules.py")
    literal = set(re.findall(r'"((?:meeting|item|attendance|resolution|action|progress)\.[a-z_]+)"', source))
    kinds = {f"item.{k}" for k in ("dec", "dotted", "slash", "roman", "sub")}
    statuses = {f"attendance.{s}" for s in ("present", "apologies", "absent")}
    assert literal | kinds | statuses <= set(REGISTRY), sorted((literal | kinds | statuses) - set(REGISTRY))
