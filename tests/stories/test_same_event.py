"""A story group parts where its pages share a topic but not an event (session 17): two pages with enough claims
stay linked when their leads are very close, some claims align, or one copies the other."""

from __future__ import annotations

from storytrace.stories.shells import StoryShell
from storytrace.stories.story import MIN_CLAIMS, SAME_EVENT_ALIGNED, SAME_EVENT_SIMILARITY, _parts, same_event

from .conftest import claim


def _shell(pid: str, n_claims: int) -> StoryShell:
    return StoryShell(id=pid, source=f"{pid}.html", title=pid, text=pid,
                      claims=[claim(f"Claim {k} of page {pid}.") for k in range(n_claims)])


def _record(similarity: float, aligned: float, kind: str = "independent") -> dict:
    return {"type": kind, "page": "a", "other": "b",
            "evidence": {"similarity": similarity, "aligned_claims": aligned, "shingle_jaccard": 0.0}}


def test_one_topic_without_shared_claims_is_not_one_event():
    a, b = _shell("a", MIN_CLAIMS), _shell("b", MIN_CLAIMS + 4)
    assert not same_event(_record(SAME_EVENT_SIMILARITY - 0.05, 0.0), a, b)


def test_close_leads_aligned_claims_or_a_copy_are_one_event():
    a, b = _shell("a", 6), _shell("b", 6)
    assert same_event(_record(SAME_EVENT_SIMILARITY, 0.0), a, b)
    assert same_event(_record(0.52, SAME_EVENT_ALIGNED), a, b)
    assert same_event(_record(0.52, 0.0, kind="copy"), a, b)
    rewrite = _record(0.52, 0.0, kind="rewrite") | {"based_on": "b"}
    assert same_event(rewrite, a, b)


def test_pages_with_few_claims_are_not_judged():
    # headlines and stubs: too little to tell an event from a topic
    assert same_event(_record(0.52, 0.0), _shell("a", MIN_CLAIMS - 1), _shell("b", 8))


def test_parts_follow_the_kept_links():
    assert _parts(5, [(0, 2), (3, 4)]) == [[0, 2], [1], [3, 4]]
    assert _parts(3, []) == [[0], [1], [2]]
    assert _parts(3, [(0, 1), (1, 2)]) == [[0, 1, 2]]


_CHILE = ("Earthquake strikes northern Chile",
          "A magnitude 6.8 earthquake struck northern Chile on Monday, killing 12 people in the city of Calama.",
          "Rescue teams searched collapsed houses through the night in Calama.",
          "The government of Chile declared a state of emergency in the Antofagasta region.",
          "Copper mines near Calama halted work while engineers checked the shafts.")
_CHILE_REWRITE = ("Deadly quake hits Chile",
                  "A strong earthquake of magnitude 6.8 hit northern Chile on Monday, killing 12 people in Calama.",
                  ("Chile's government declared an emergency in the Antofagasta region as rescuers searched houses "
                   "overnight."),
                  "Mining companies stopped work at copper mines near Calama to inspect the shafts.",
                  "Aftershocks of up to magnitude 5 followed during the night.")
_PERU = ("Earthquake strikes southern Peru",
         "A magnitude 6.1 earthquake struck southern Peru on Thursday, killing 3 people in the city of Arequipa.",
         "Landslides blocked the highway to Puno for several hours.",
         "Schools in Arequipa will stay closed until Monday, the education ministry said.",
         "Peru's president flew to the region to meet the families of the victims.")


def test_a_group_parts_into_its_events(encoder, monkeypatch):
    from storytrace.stories import find_stories, story

    from .conftest import shell

    pages = [shell("a", *_CHILE), shell("b", *_CHILE_REWRITE), shell("c", *_PERU)]
    (whole,) = find_stories(pages, encoder=encoder)  # the two quakes' pages align some claims: one story
    assert len(whole["pages"]) == 3
    # a stricter claim test parts Peru's quake from Chile's, whose rewrite stays linked
    monkeypatch.setattr(story, "SAME_EVENT_ALIGNED", 0.9)
    (chile,) = find_stories(pages, encoder=encoder)
    assert sorted(p["title"] for p in chile["pages"]) == ["Deadly quake hits Chile", "Earthquake strikes northern Chile"]
    assert len(chile["relations"]) == 1
