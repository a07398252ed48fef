"""Topic model v6 labelling convention (model card, "Conventions"): technology products, services, networks
and video games are science and technology; a government, parliament or party acting on a subject is
politics; company finance stays economy and crimes and trials stay crime. The texts below were written for
this test (short wire-style leads, none from an evaluation corpus or from the training texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AUTHORED_DIR = ROOT / "training" / "data" / "topics_authored"

TECH, POLITICS, ECONOMY, CRIME = "medtop:13000000", "medtop:11000000", "medtop:04000000", "medtop:02000000"

CASES = [
    (TECH, ("Handset maker unveils phone with two-day battery\nThe company showed a new smartphone on Tuesday with a "
           "larger battery, a brighter screen and a camera that shoots sharper pictures at night. It goes on sale "
           "next month in 30 countries, and owners of older models will get the new software features as a free "
           "update.")),
    (TECH, ("Mobile operator cuts prices of fibre broadband packages\nThe country's largest mobile and broadband "
           "operator cut the monthly price of its fastest fibre connection by a fifth on Monday and doubled upload "
           "speeds for existing customers, as rival network builders extend their lines to more towns. Customers "
           "can switch online without a new router.")),
    (TECH, ("Racing game sells three million copies as console stocks run low\nThe latest instalment of the "
           "racing video game series sold three million copies in its first week, its developer said, while "
           "shops reported that the new games console it was made for remained hard to find. An online update "
           "adds new tracks and fixes crashes.")),
    (TECH, ("Security researchers find flaw in popular home routers\nA flaw in the software of widely sold Wi-Fi "
           "routers lets attackers take over the devices and redirect users to fake websites, researchers said. "
           "The maker released a patch and urged owners to update the firmware or switch on automatic updates.")),
    (POLITICS, ("Minister proposes new police powers in crime bill\nThe interior minister presented a bill in "
               "parliament on Wednesday that would let police search people without a warrant in high-crime "
               "areas. Opposition parties said the powers went too far and would vote against the bill, which "
               "the governing coalition hopes to pass before the summer recess.")),
    (POLITICS, ("Government unveils plan to overhaul school curriculum\nThe education minister announced a "
               "reform of the national school curriculum on Monday, which the cabinet will send to parliament as a "
               "bill. Opposition lawmakers criticised the plan and the governing party's junior partner asked for "
               "changes before the vote.")),
    (ECONOMY, ("Chipmaker's quarterly profit beats forecasts\nThe chipmaker reported a 40 percent rise in "
              "quarterly net profit to $2.1 billion on Thursday, ahead of analysts' forecasts, and raised its "
              "revenue outlook for the year. Its shares rose 7 percent in after-hours trading as investors "
              "welcomed higher margins.")),
    (CRIME, ("Man jailed for burglaries across three counties\nA 34-year-old man was jailed for six years on "
            "Friday after a court heard he broke into 40 homes and stole jewellery and cash. Police arrested him "
            "after detectives matched fingerprints found at several of the houses, the judge said.")),
]


@pytest.mark.parametrize("gold,text", CASES, ids=[f"{g[7:9]}-{t.split(chr(10))[0][:30]}" for g, t in CASES])
def test_shipped_tagger_follows_the_v6_convention(gold, text):
    from storytrace.facts.topics import load_topic_tagger

    tagger = load_topic_tagger(use_e5=False)
    assert tagger.tag([text])[0][0].id == gold


def test_v6_authored_file_is_well_formed_and_new():
    """en_s18.jsonl (v6, measured but not in the shipped models): the en.jsonl format and lead length, top level matching the subtopic's, no text
    shared with en.jsonl, and mostly the two classes the v6 convention widened."""
    from storytrace.facts.taxonomy import load_taxonomy

    top_of = {t.id: t.top for t in load_taxonomy() if t.level == 2}
    rows = [json.loads(x) for x in (AUTHORED_DIR / "en_s18.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    old = {json.loads(x)["text"] for x in (AUTHORED_DIR / "en.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()}
    assert len(rows) >= 150 and len({r["text"] for r in rows}) == len(rows) and not {r["text"] for r in rows} & old
    assert all(top_of[r["subtopic"]] == r["topic"] for r in rows)
    for r in rows:
        headline, lead = r["text"].split("\n", 1)
        assert headline.strip() and 60 <= len(lead.split()) <= 98
    assert sum(r["topic"] in (TECH, POLITICS) for r in rows) >= 150


def test_authored_loader_reads_several_files_in_order(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "training"))
    import train_topics

    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"text": "A\nx", "topic": TECH, "subtopic": "medtop:20000756"}) + "\n", encoding="utf-8")
    b.write_text(json.dumps({"text": "B\ny", "topic": POLITICS, "subtopic": "medtop:20000621"}) + "\n", encoding="utf-8")
    assert train_topics.authored([a, b]) == (["A\nx", "B\ny"], [TECH, POLITICS])
    assert train_topics.authored(a) == (["A\nx"], [TECH])
    assert [p.name for p in train_topics.AUTHORED_FILES] == ["en.jsonl"]  # v6 ships without en_s18.jsonl
