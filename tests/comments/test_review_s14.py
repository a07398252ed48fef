"""Session-14 trust & safety review: non-English insults, threats at unnamed people, English rules on French text,
re-posted replies and emoji floods, "tran"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.comments import analyze_comments, score_texts
from storytrace.comments._multi_insult import read_insult
from storytrace.comments._thread import comment_flags
from storytrace.records import Comment, Page
from storytrace.settings import Options
from tests.comments.conftest import make_page

PROBES = Path(__file__).resolve().parents[2] / "training/data/comments_authored/probes/review_s14.jsonl"
NEWS = "news_comments"


def _score(model, text: str, lang: str) -> dict[str, float]:
    return score_texts([text], model, languages=[lang], calibration=NEWS)[0]["scores"]


@pytest.mark.parametrize("text,lang", [
    ("Du bist ein Idiot.", "de"), ("Halt die Fresse, du Vollidiot.", "de"), ("ти дебіл", "uk"), ("ты идиот", "ru"),
    ("jesteś kretynem", "pl"), ("Ty kretén, najprv si prečítaj článok.", "sk"),
])
def test_direct_insults_in_other_languages_are_insults(model, text, lang):
    s = _score(model, text, lang)
    assert s["insult"] >= 0.5 and s["toxic"] >= 0.5 and s["identity_attack"] < 0.5


@pytest.mark.parametrize("text,lang", [
    ("Du bist kein Idiot, nur weil du eine Frage stellst.", "de"),
    ("Dostojewskis Roman „Der Idiot“ wird gerade neu verfilmt.", "de"),
    ("Ich Idiot habe mein Ticket zu Hause vergessen.", "de"),
    ("Glaubst du wirklich, dass das dumm ist?", "de"),
    ("Ты прав, спасибо за пояснение.", "ru"), ("Nie jesteś idiotą, każdy może się pomylić.", "pl"),
    ("Nie si idiot, len si sa pomýlil.", "sk"),
])
def test_second_person_or_a_hurtful_word_alone_is_no_insult(model, text, lang):
    s = _score(model, text, lang)
    assert s["insult"] < 0.5 and s["toxic"] < 0.5


def test_an_undetermined_cyrillic_insult_is_read(model):
    out = score_texts(["ти дебіл"], model, languages=["und"], calibration=NEWS)[0]
    assert out["scores"]["insult"] >= 0.5
    assert any(e["category"] == "insult" and e["text"] == "дебіл" for e in out["evidence"])


def test_a_quoted_insult_is_reported_not_said():
    assert read_insult("Er schrieb „du Idiot“ unter den Artikel.", "de") == []


def test_a_thread_with_two_insults_of_five_has_toxic_share(model):
    texts = ["Endlich! Ich fahre jeden Tag mit dem Rad zur Arbeit.", "Du bist ein Idiot.",
             "Wo sollen die Lieferwagen dann halten?", "Halt die Fresse, du Vollidiot.",
             "Die Pläne sollen online gestellt werden, dann kann man sie sich ansehen."]
    page = analyze_comments(make_page(texts), Options(), model=model, calibration=NEWS)
    assert page.thread["toxic_share"] == 0.4


@pytest.mark.parametrize("text,lang", [
    ("повесить их надо", "ru"), ("man sollte sie aufhängen", "de"), ("Die gehören alle erschossen.", "de"),
    ("Trzeba ich wszystkich powiesić.", "pl"), ("Їх треба всіх повісити.", "uk"),
    ("they should all be hanged", "en"), ("people like that deserve to be shot", "en"),
])
def test_a_threat_at_unnamed_people_is_a_threat_without_a_target(model, text, lang):
    out = score_texts([text], model, languages=[lang], calibration=NEWS)[0]
    assert out["scores"]["threat"] >= 0.5 and out["scores"]["identity_attack"] < 0.5 and out["targets"] == []


@pytest.mark.parametrize("text,lang", [
    ("Картину надо повесить в гостиной.", "ru"), ("Man sollte die Bilder im Flur aufhängen.", "de"),
    ("the paintings should all be hung in the lobby", "en"), ("they should all be fired", "en"),
])
def test_hanging_things_is_no_threat(model, text, lang):
    assert _score(model, text, lang)["threat"] < 0.5


def test_english_insult_words_are_no_group_predicate_in_french(model):
    out = score_texts(["Les migrants sont arrivés avec du retard à la réunion du conseil."], model, languages=["fr"],
                      calibration=NEWS)[0]
    assert out["scores"]["identity_attack"] < 0.5 and out["scores"]["insult"] < 0.5 and out["targets"] == []
    # a French hostile word after the group still counts
    assert _score(model, "Les migrants sont des parasites.", "fr")["identity_attack"] >= 0.5


def test_german_die_is_no_threat_word(model):
    assert score_texts(["Die Pläne sollen online gestellt werden."], model, languages=["de"])[0]["scores"][
        "threat"] < 0.1


@pytest.mark.parametrize("text", ["Tran Van Thieu won the mayoral race.", "the tran was late again this morning",
                                  "Nguyen and Tran are the most common Vietnamese surnames."])
def test_tran_is_a_name_or_a_typo(model, text):
    out = score_texts([text], model, languages=["en"])[0]
    assert out["decoded"] == [] and out["scores"]["identity_attack"] < 0.5


@pytest.mark.parametrize("text", ["I hate tran people", "tran people are disgusting freaks", "tran are vermin"])
def test_tran_in_a_hostile_context_is_still_the_slur_use(model, text):
    out = score_texts([text], model, languages=["en"])[0]
    assert [d["decoded"] for d in out["decoded"]] == ["trans"] and out["scores"]["identity_attack"] >= 0.5


BASE = "we all know who is to blame for this and it is not the one they say it is now"


@pytest.mark.parametrize("prefix", ["+1 ", "So true: "])
def test_a_reply_reposting_its_parent_behind_a_prefix_is_a_near_duplicate(model, prefix):
    page = Page(id="p", source="p.txt", comments=[
        Comment(id="c0", text=BASE, position=0, author="ann"),
        Comment(id="c1", text=prefix + BASE, position=1, author="bob", parent_id="c0"),
        Comment(id="c2", text="I disagree, the report says otherwise.", position=2, author="cat")])
    analyze_comments(page, Options(), model=model)
    clusters = page.thread["coordinated_clusters"]
    assert [c["comments"] for c in clusters] == [["c0", "c1"]] and clusters[0]["several_names"]


def test_a_reply_quoting_part_of_its_parent_is_still_no_copy(model):
    parent = BASE + ". Also the council should publish the full budget before the vote next month."
    page = Page(id="p", source="p.txt", comments=[
        Comment(id="c0", text=parent, position=0, author="ann"),
        Comment(id="c1", text=BASE + " so true", position=1, author="bob", parent_id="c0")])
    analyze_comments(page, Options(), model=model)
    assert page.thread["coordinated_clusters"] == []


@pytest.mark.parametrize("text,flood", [("😂😂😂", True), ("👍👍", True), ("😂 😂", True), ("👍", False),
                                        ("👍🏽", False), ("ok 👍", False)])
def test_repeated_emoji_only_comments_are_flood(text, flood):
    flags = comment_flags(text)
    assert ("flood" in flags) is flood and "low_content" in flags


def test_probe_file_labels_are_complete():
    rows = [json.loads(line) for line in PROBES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 100 and all(r["split"] in ("dev", "check") and "toxic" in r for r in rows)
