"""Bursts of comments need real times of day, and never compare times with and without a UTC offset."""

from storytrace.comments._thread import _bursts, find_coordination
from storytrace.records import Comment, Page


def _comments(stamps: list[str], prefix: str = "c") -> list[Comment]:
    return [Comment(id=f"{prefix}{i}", text=f"comment number {i} {prefix}", position=i, author=f"user{i}", published=t)
            for i, t in enumerate(stamps)]


def test_six_comments_within_a_minute_are_a_burst() -> None:
    found = _bursts(_comments([f"2012-07-12T10:00:{s:02d}" for s in range(0, 60, 10)]))
    assert len(found) == 1
    assert len(found[0]["comments"]) == 6


def test_a_date_without_a_time_is_not_midnight() -> None:
    # 57 comments dated the same day (no time on the page) were reported as one burst "at 00:00"
    assert _bursts(_comments(["2012-07-09"] * 57)) == []


def test_times_with_and_without_offset_are_not_compared() -> None:
    naive = _comments([f"2012-07-12T10:00:{s:02d}" for s in range(0, 30, 10)], "n")
    aware = _comments([f"2012-07-12T10:00:{s:02d}+00:00" for s in range(5, 35, 10)], "a")
    assert _bursts(naive + aware) == []  # three and three: neither side alone is a burst
    both = _bursts(naive + aware + _comments([f"2012-07-12T10:01:{s:02d}" for s in range(0, 20, 10)], "m"))
    assert [sorted(b["comments"]) for b in both] == [sorted([c.id for c in naive] + ["m0", "m1"])]


def test_coordination_across_pages_with_mixed_offsets_does_not_fail() -> None:
    # a run over many sites once failed as a whole: "can't compare offset-naive and offset-aware datetimes"
    pages = [Page(id="p1", source="a.html", comments=_comments(["2011-01-31T09:59:00"] * 9, "x")),
             Page(id="p2", source="b.html", comments=_comments(["2011-01-31T09:59:00+01:00"] * 9, "y"))]
    bursts = [c for c in find_coordination(pages) if c["kind"] == "burst"]
    assert bursts == []  # each page's burst stays on its page; none spans both
