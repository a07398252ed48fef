"""Session 28 (entities2): the list-member repair must not read a title's tail as an organisation."""

from storytrace.facts.ner_repair import repair_entities


def _labels(text, ents):
    return {text[s:e]: lab for s, e, lab in repair_entities(text, ents, None)}


def test_title_tail_after_and_is_no_list_member():
    text = "Martin wrote A Song of Ice and Fire, Ford created a retelling of the Wars of the Roses."
    ents = [(0, 6, "ORG"), (15, 26, "ORG"), (37, 41, "ORG")]  # the model's spans: Martin, Song of Ice, Ford
    assert text[15:26] == "Song of Ice" and text[37:41] == "Ford"
    assert "Fire" not in _labels(text, ents)


def test_plain_list_member_still_added():
    text = "The selection of SpaceX, Blue Origin, Sierra Nevada Corp. and Boeing was announced."
    ents = [(17, 23, "ORG"), (38, 57, "ORG"), (62, 68, "ORG")]
    assert [text[s:e] for s, e, _ in ents] == ["SpaceX", "Sierra Nevada Corp.", "Boeing"]
    assert _labels(text, ents).get("Blue Origin") == "ORG"


def test_page_reuse_tags_a_name_missed_in_another_paragraph():
    from storytrace.facts.entities import RawMention
    from storytrace.facts.ner_repair import reuse_page_names

    first = RawMention(0, 0, 12, "Anthony Lynn", "PERSON", "PERSON")
    paragraphs = {0: ("Anthony Lynn said no.", [(0, 12, "PERSON")], {0}),
                  1: ("Later Anthony Lynn left; in May Anthony Lynn Day began.", [(32, 51, "DATE")], {0})}
    added = reuse_page_names([first], paragraphs)
    assert [(m.paragraph, m.start, m.end, m.label) for m in added] == [(1, 6, 18, "PERSON")]  # not inside the DATE
