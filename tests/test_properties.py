"""Property tests: for any text, and for minutes-like text built from the grammar of real minutes,
extraction never raises, keeps to the contract, and points every record at a real span of the input.

CI runs 2,000 examples in all; `HYPOTHESIS_PROFILE=long pytest tests/test_properties.py` runs 50,000."""

from __future__ import annotations

import json
import os
import re

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes.extract import extract, to_contract
from minutes.ingest import from_text

from conftest import SCHEMA

settings.register_profile("ci", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=50000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()), format_checker=jsonschema.FormatChecker())

first = st.sampled_from(["Tony", "Claire", "Peter", "Jo-Anne", "Sam", "Kathleen", "Ozioma", "D", "R"])
last = st.sampled_from(["Burton", "Fletcher", "Haylock", "Sanders", "Naismith", "O'Neill", "McShannon"])
name = st.builds(
    lambda t, given, family: f"{t}{given} {family}".strip(), st.sampled_from(["", "Cllr ", "Mr ", "Dr "]), first, last
)
names = st.lists(name, min_size=1, max_size=6).map(", ".join)
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
sentence = st.builds(
    lambda who, verb, rest: f"{who} {verb} {rest}.",
    name,
    st.sampled_from(["said he would", "was asked to", "to", "agreed to", "presented", "noted"]),
    st.text(alphabet="abcdefghij klmnop", min_size=1, max_size=40),
)
number = st.sampled_from(
    ["1.", "2)", "3 ", "4\\.", "5.1", "14/23", "Minute 23/045", "BM 133/2021", "IV.", "(a)", "b)", "i)", ""]
)
title = st.sampled_from(
    [
        "APOLOGIES FOR ABSENCE",
        "Minutes of the last meeting",
        "Finance",
        "Any other business",
        "Matters arising",
        "HIGH NEEDS BLOCK 2023-24 - UPDATE",
        "Date of next meeting",
    ]
)
line = st.one_of(
    st.builds(lambda n, t: f"{n} {t}", number, title),
    st.builds(
        lambda label, people: f"{label} {people}",
        st.sampled_from(["Present:", "Apologies:", "Absent:", "In attendance:", "Observers"]),
        names,
    ),
    st.builds(lambda who: f"ACTION: {who}", name),
    st.builds(lambda task: f"ACTION: {task}", sentence),
    st.builds(lambda who, task: f"Action {who}: {task}", st.sampled_from(["HP", "MW", "TB/PH"]), sentence),
    st.builds(lambda text: f"RESOLVED - That {text}", st.text(alphabet="abcdefg hijk", min_size=1, max_size=50)),
    st.just("RESOLVED:"),
    st.builds(lambda n, text: f"{n}. {text}", st.integers(1, 4), sentence),
    st.sampled_from(
        [
            "Tuesday 14th March 2023",
            "Meeting started: 2.00 pm",
            "Page 2 of 5",
            "Signed ____ Dated",
            "Schools Forum Minutes",
            "Agenda Item 2",
            "Purpose of the report",
            "Recommendations:",
            "Action complete",
            "Next steps:",
            "I will make changes.",
            "\t<p>Officers</p>\t<p>x</p>",
        ]
    ),
    sentence,
    words,
)
minutes_like = st.lists(line, min_size=1, max_size=40).map("\n".join)


def check(text: str) -> None:
    document = from_text(text)
    meetings = extract(document)
    data = to_contract(document, meetings, trace=True)
    plain = to_contract(document, meetings)
    errors = list(VALIDATOR.iter_errors(plain))
    assert not errors, errors[0].message
    count = len(document.lines)
    for meeting in data["meetings"]:
        for kind in ("attendees", "items", "resolutions", "actions"):
            for record in meeting[kind]:
                first_line, last_line = record["source"]["lines"]
                assert 0 <= first_line <= last_line < count
                said = record.get("text") or record.get("title") or record.get("name") or ""
                tokens = re.findall(r"\w{3,}", said.lower())
                span = " ".join(document.lines[k].text for k in range(first_line, last_line + 1)).lower()
                if tokens:
                    assert any(t in span for t in tokens), (kind, said, span)


@given(words)
def test_any_text(text: str) -> None:
    check(text)


@given(minutes_like)
def test_minutes_like_text(text: str) -> None:
    check(text)
