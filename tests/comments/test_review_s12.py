"""Findings of the session 12 user review (comments): false alarms and wrong fields on real reader threads."""

from __future__ import annotations

import pytest

from storytrace.comments._thread import comment_flags


@pytest.mark.parametrize("text", [
    "Way, way out of control. The community needs to rally around: http://www.tbray.org/ongoing/When/",
    "See www.example.org/about for the details of the plan",
    "Write to wwwhelp@example.com or www@example.org if it breaks",
])
def test_a_link_or_an_address_is_not_laughter(text: str) -> None:
    # review s12 #14: "www" in a URL read as Japanese laughter; 13 of 21 laughter flags in a Dragnet sample
    assert "laughter" not in comment_flags(text) and "flood" not in comment_flags(text)


def test_laughter_next_to_a_link_is_still_laughter() -> None:
    assert "laughter" in comment_flags("wwwww that cat https://example.com/cat.gif")
    assert "laughter" in comment_flags("hahaha see www.example.com")


PARENT = ("Man, that scene can still powerfully impact me, even when I'm just reading the lines.\n"
          "Thanks for sharing your stories. This blog is becoming great group therapy for others with the same "
          "genetic flaw you have.")
QUOTED = "Thanks for sharing your stories. This blog is becoming great group therapy for others with the same genetic flaw you have."


def _thread(texts: list[str], authors: list[str], parents: list[int | None], model):
    from storytrace.comments import analyze_comments
    from storytrace.settings import Options
    from tests.comments.conftest import make_page

    page = make_page(texts, authors=authors)
    for comment, parent in zip(page.comments, parents, strict=True):
        comment.parent_id = page.comments[parent].id if parent is not None else None
    return analyze_comments(page, Options(), model=model)


def test_replies_that_quote_their_parent_are_not_coordination(model) -> None:
    # review s12 #15 (Dragnet 106): two replies quote the same sentence of their parent, one adds "+2"; they were a
    # near_identical cluster "under several names"
    page = _thread([PARENT, f"\u201c{QUOTED}\u201d", f"{QUOTED} +2", "Spite has been a powerful motivator in my life."],
                   ["Dharmesh", "Ruchir", "Lauren", "Jono"], [None, 0, 0, None], model)
    assert page.thread["coordinated_clusters"] == []
    assert not any("near_duplicate" in c.flags or "duplicate" in c.flags for c in page.comments)


def test_a_quote_in_quote_marks_of_an_earlier_comment_is_a_quote_relation(model) -> None:
    earlier = "The council should have asked the shop owners before closing the road for eighteen months."
    page = _thread([earlier, "I think the plan is fine and the lanes will help kids get to school safely.",
                    f'"{earlier}" Exactly.'], ["ann", "bob", "cy"], [None, None, None], model)
    assert page.thread["coordinated_clusters"] == []
    assert {"comment": page.comments[2].id, "quotes": page.comments[0].id} in page.thread["relations"]


def test_copies_that_quote_nobody_are_still_coordination(model) -> None:
    copy = "Wake up people, the media is lying to you about the war again and again!!"
    page = _thread([PARENT, copy, copy + " +2"], ["ann", "bob", "cy"], [None, 0, 0], model)
    clusters = page.thread["coordinated_clusters"]
    assert len(clusters) == 1 and clusters[0]["authors"] == ["bob", "cy"]


def test_a_quote_attributed_by_name_is_a_quote_relation(model) -> None:
    earlier = "The council should have asked the shop owners before closing the road for eighteen months."
    page = _thread([earlier, "Lanes will help kids get to school safely, whatever the shops say.",
                    f"@ann {earlier} Exactly right."], ["ann", "bob", "cy"], [None, None, None], model)
    assert page.thread["coordinated_clusters"] == []
    assert {"comment": page.comments[2].id, "quotes": page.comments[0].id} in page.thread["relations"]


@pytest.mark.parametrize("text", ["Thanks Scott. I\u2019m very interested.", "I don\u2019t think that\u2019s what he said."])
def test_typographic_apostrophes_do_not_hide_english(model, text: str) -> None:
    # review s12 #13: WordPress turns every ' into \u2019; "Thanks Scott. I\u2019m very interested." was "und" (0.47)
    from storytrace.comments import score_texts

    plain = text.replace("\u2019", "'")
    assert score_texts([text], model)[0]["language"] == score_texts([plain], model)[0]["language"] == "en"


@pytest.mark.parametrize("text", ["LOL Love your sense of humor!", "What a great day to ban arabs"])
def test_a_short_comment_of_english_function_words_is_english(model, text: str) -> None:
    # review s12 #13: "LOL Love your sense of humor!" was read as Catalan (0.71); the learned non-English heads
    # then scored it
    from storytrace.comments import score_texts

    assert score_texts([text], model)[0]["language"] == "en"


@pytest.mark.parametrize("text", ["Merci pour ton article, c'est super", "Ik ben het er niet mee eens",
                                  "Das ist doch alles Unsinn", "Grazie mille, bellissimo"])
def test_short_comments_in_other_languages_keep_their_language(model, text: str) -> None:
    from storytrace.comments import score_texts

    assert score_texts([text], model)[0]["language"] not in ("en", "ca")


@pytest.mark.parametrize("text", [
    "My Muslim neighbours brought us food when we were sick. Great people.",
    "My Jewish neighbours looked after us when I was sick.",
    "Muslim volunteers cleaned the dirty streets after the flood.",
    "Jewish doctors treat sick people every day.",
    "The Mexican workers fixed the dangerous road near our house.",
])
def test_an_evaluative_word_said_of_something_else_is_not_an_attack(model, text: str) -> None:
    # review s12 #8: "sick" anywhere in the clause after a group fired the negative-evaluation rule (0.85)
    from storytrace.comments import score_texts

    assert score_texts([text], model)[0]["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize("text", [
    "Muslims make me sick.", "I am sick of Muslims.", "Muslims are sick.", "Muslims are sick people.",
    "Muslims in this country are dirty animals.", "Immigrants are nothing but dirty rats.",
    "Immigrants, dirty animals, all of them.", "Those refugees are a dirty bunch.",
    "When I was sick, immigrants stole my job, they are dirty.",
])
def test_an_evaluative_word_said_of_the_group_is_still_an_attack(model, text: str) -> None:
    from storytrace.comments import score_texts

    assert score_texts([text], model)[0]["scores"]["identity_attack"] >= 0.5
