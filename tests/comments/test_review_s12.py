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


@pytest.mark.parametrize("text", [
    "you can simply disable it and return to Thesis 1.8.5.",
    "If you don't like the feature, disable it in the settings.",
])
def test_a_verb_that_is_a_common_word_is_not_a_disguised_group_word(model, text: str) -> None:
    # review s12 #9: "disable" was decoded as "disabled" (a misspelling) and scored an identity attack on disabled
    # people (0.60 news, 0.74 training); a common verb whose participle names a group needs a hostile context
    from storytrace.comments import score_texts

    result = score_texts([text], model)[0]
    assert result["decoded"] == [] and result["scores"]["identity_attack"] < 0.5


def test_a_common_verb_in_a_hostile_comment_is_still_read(model) -> None:
    from storytrace.comments._decode import Decoder

    decoder = model.decoder if hasattr(model, "decoder") else None
    assert isinstance(decoder, Decoder)
    decoded, _ = decoder.decode("shut up you stupid fucking disable freak")
    assert [d.decoded for d in decoded] == ["disabled"]


@pytest.mark.parametrize("text", [
    # review s12 #9, Dragnet comments that scored threat 0.45
    ("it would be nice to know how many pieces of software the authors had to sift in order to find the "
     "vulnerabilities they burn.  Each of them is crisis-worthy enough."),
    ("we drink our own kool-aide all the time, the key difference between the winners and losers is that the "
     "winners know when their kool-aide is just not right."),
    "I would suggest finding a legitimate reason why someone is wrong then set out to execute it.",
    "I for one would like to have some sort of principle to hang on to to avoid doing this.",
    "We need to kill the bill before it passes.",
])
def test_a_violent_verb_done_to_a_thing_or_in_an_idiom_is_no_threat(model, text: str) -> None:
    from storytrace.comments import score_texts

    assert score_texts([text], model)[0]["scores"]["threat"] <= 0.2


@pytest.mark.parametrize(("text", "least"), [
    ("I will kill you", 0.85), ("They should hang all the immigrants", 0.85), ("we will burn down your mosque", 0.85),
    ("I'm going to kill the man who did this", 0.45), ("you should hang the idiot", 0.45),
])
def test_a_violent_verb_done_to_a_person_keeps_its_threat(model, text: str, least: float) -> None:
    from storytrace.comments import score_texts

    assert score_texts([text], model)[0]["scores"]["threat"] >= least


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
