"""A common English word at the start of a line or sentence is not a person just because the NER model says so
("Giveaway: win a ..."), while a one-word surname with other person evidence stays a person."""

from __future__ import annotations

from storytrace.facts.entities import RawMention, build_entities


def _mention(paragraph: int, start: int, text: str, *, initial: bool) -> RawMention:
    return RawMention(paragraph, start, start + len(text), text, "PERSON", None, None, initial)


def _persons(mentions: list[RawMention]) -> list[str]:
    return [e.name for e in build_entities(mentions, None) if e.label == "PERSON"]


def test_a_common_word_only_at_sentence_starts_is_not_a_person() -> None:
    assert _persons([_mention(-1, 0, "Giveaway", initial=True), _mention(0, 0, "Giveaway", initial=True)]) == []


def test_a_one_word_surname_after_the_full_name_stays_a_person() -> None:
    mentions = [_mention(0, 10, "Sergei Shoigu", initial=False), _mention(1, 0, "Shoigu", initial=True)]
    assert _persons(mentions) == ["Sergei Shoigu"]


def test_a_common_word_surname_that_joins_a_full_name_stays_a_person() -> None:
    mentions = [_mention(0, 0, "Gordon Brown", initial=True), _mention(1, 0, "Brown", initial=True)]
    assert _persons(mentions) == ["Gordon Brown"]


def test_a_common_word_name_also_used_mid_sentence_stays_a_person() -> None:
    mentions = [_mention(0, 0, "Trump", initial=True), _mention(1, 25, "Trump", initial=False)]
    assert _persons(mentions) == ["Trump"]


def test_a_rare_word_at_a_sentence_start_stays_a_person() -> None:
    assert _persons([_mention(0, 0, "Shoigu", initial=True)]) == ["Shoigu"]


def test_several_common_words_that_are_never_names_are_not_a_person() -> None:
    assert _persons([_mention(0, 0, "Giveaway Alert", initial=True)]) == []


def test_words_that_are_also_names_stay_a_person() -> None:
    assert _persons([_mention(0, 0, "Mary", initial=True)]) == ["Mary"]
    assert _persons([_mention(0, 0, "Will Smith", initial=True)]) == ["Will Smith"]


def test_an_honorific_is_person_evidence() -> None:
    assert _persons([_mention(0, 0, "Ms Highs", initial=True)]) == ["Highs"]


def test_upper_case_is_left_to_the_model() -> None:
    assert _persons([_mention(0, 0, "GIVEAWAY", initial=True)]) == ["GIVEAWAY"]
