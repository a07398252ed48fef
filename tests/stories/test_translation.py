"""A translation is a copy and a translated rewrite a rewrite (``translation: true``), with ``isBasedOn`` in JSON-LD
and the numbers of the two versions compared across languages; different articles in two languages stay
independent."""

import json
from pathlib import Path

import numpy as np

from storytrace.embeddings import embed
from storytrace.records import Dossier, Page
from storytrace.report import dossier_jsonld
from storytrace.schema import validate_dossier
from storytrace.stories import find_stories
from storytrace.stories.story import _ClaimVectors, _relate
from storytrace.stories.translation import COVER_AT, anchors_found, latin, monotone_alignment, names

from .conftest import compare_shells, shell

PROBES = json.loads((Path(__file__).parent / "data" / "translations.json").read_text(encoding="utf-8"))["sources"]
FLOOD, TRANSFER = PROBES["s2"], PROBES["s6"]  # dev sources of the probe set


def _page_shell(pid, text, language, published=None):
    return shell(pid, text["title"], *text["body"], language=language, published=published)


def _relation(encoder, a, b):
    lead_a, lead_b = embed(encoder, [a.lead, b.lead])
    return _relate(a, b, float(lead_a @ lead_b), _ClaimVectors(encoder))


def test_a_german_translation_is_a_copy_based_on_the_english_original(encoder):
    original = _page_shell("a", FLOOD["texts"]["en"], "en", "2024-09-16T06:30:00+00:00")
    german = _page_shell("b", FLOOD["texts"]["de"], "de", "2024-09-16T09:30:00+00:00")
    relation = _relation(encoder, german, original)
    assert (relation["type"], relation["page"], relation["based_on"]) == ("copy", german.id, original.id)
    assert relation["translation"] is True and relation["direction"] == "date"
    assert relation["evidence"]["aligned_in_order"] >= COVER_AT
    assert relation["comparison"]["counts"]["contradict"] == 0  # "6.3 metres" is "6,3 Meter"


def test_a_russian_translation_is_based_on_the_original(encoder):
    original = _page_shell("a", TRANSFER["texts"]["en"], "en", "2025-01-14T18:40:00+00:00")
    russian = _page_shell("b", TRANSFER["texts"]["ru"], "ru", "2025-01-14T21:40:00+00:00")
    relation = _relation(encoder, original, russian)
    # a copy when 80 % of the claims of each side align in order at cosine 0.75; this one's Russian sentences
    # score lower, so it comes out as a translated rewrite: still based on the original
    assert (relation["page"], relation["based_on"], relation.get("translation")) == (russian.id, original.id, True)


def test_a_translated_rewrite_with_a_changed_number_is_a_rewrite_reporting_the_number(encoder):
    original = _page_shell("a", TRANSFER["texts"]["en"], "en", "2025-01-14T18:40:00+00:00")
    rewrite = _page_shell("b", TRANSFER["rewrites"]["de"], "de", "2025-01-15T08:00:00+00:00")
    relation = _relation(encoder, original, rewrite)
    assert (relation["type"], relation["page"], relation.get("translation")) == ("rewrite", rewrite.id, True)
    reasons = [r for entry in relation["comparison"]["contradict"] for r in entry["reasons"]]
    assert any("14 goals" in r and "41" in r for r in reasons)


def test_another_article_about_the_event_in_another_language_is_independent(encoder):
    original = _page_shell("a", FLOOD["texts"]["en"], "en", "2024-09-16T06:30:00+00:00")
    other = _page_shell("b", FLOOD["others"]["de"], "de", "2024-09-16T08:30:00+00:00")
    relation = _relation(encoder, original, other)
    assert relation["type"] == "independent"
    assert "translation" not in relation  # the flag says "translated from", not "in another language"


def test_sappers_turned_into_civilians_in_german_contradict(encoder):
    english = shell("a", "North Korea sends sappers and builders to Kursk",
                    "North Korea will send 1,000 sappers and 5,000 military construction personnel to Kursk.",
                    language="en")
    german = shell("b", "Nordkorea schickt Zivilisten nach Kursk",
                   "Nordkorea schickt 6.000 Zivilisten als Helfer für den Wiederaufbau nach Kursk.", language="de")
    comparison = compare_shells(encoder, english, german)
    reasons = [r for entry in comparison["contradict"] for r in entry["reasons"]]
    assert any("6.000 Zivilisten" in r and "military vs civilian" in r for r in reasons), reasons


def test_the_same_measure_in_two_languages_agrees(encoder):
    english = shell("a", "Opava river rises", "The river rose to 6.3 metres at the town gauge on Sunday morning.",
                    language="en")
    for language, text in (("fr", "La rivière est montée à 6,3 mètres à l’échelle de la ville dimanche matin."),
                           ("ru", "Уровень воды у городского гидропоста поднялся в воскресенье утром до 6,3 метра.")):
        other = shell("b", "Opava", text, language=language)
        assert compare_shells(encoder, english, other)["contradict"] == [], language


def test_the_alignment_keeps_the_order_of_sentences():
    score = np.array([[0.9, 0.1, 0.1], [0.1, 0.2, 0.8], [0.1, 0.85, 0.2]])
    assert [(i, j) for i, j, _ in monotone_alignment(score, 0.6)] in ([(0, 0), (2, 1)], [(0, 0), (1, 2)])
    assert monotone_alignment(np.full((3, 3), 0.5), 0.6) == []


def test_names_are_compared_across_scripts():
    assert latin("Курск") == "kursk" and latin("Navrátil") == "navratil"
    russian = shell("r", "Курск", "Решение приняли в Курске и Москве, сообщил Шойгу.", language="ru")
    english = shell("e", "Kursk", "The decision was taken in Kursk and Moscow, Shoigu said.", language="en")
    assert {"kurs", "mosk", "shoi"} <= names(russian)
    assert anchors_found(russian, english) == 2 / 3  # Moskva is not Moscow by its first letters
    assert names(shell("d", "Titel", "Die Regierung hat die Armee um Hilfe gebeten.", language="de")) == set()


def test_a_translation_is_based_on_its_original_in_json_ld_and_the_dossier_validates(encoder):
    original = Page(id="a" * 16, source="a.html", url="https://news.example/opava", title=FLOOD["texts"]["en"]["title"],
                    body=FLOOD["texts"]["en"]["body"], language="en", published="2024-09-16T06:30:00+00:00")
    german = Page(id="b" * 16, source="b.html", url="https://nachrichten.example/opava",
                  title=FLOOD["texts"]["de"]["title"], body=FLOOD["texts"]["de"]["body"], language="de",
                  published="2024-09-16T09:30:00+00:00")
    from storytrace.stories.shells import shell_of

    stories = find_stories([shell_of(original), shell_of(german)], encoder=encoder)
    (story,) = stories
    (relation,) = story["relations"]
    assert (relation["type"], relation["translation"]) == ("copy", True)
    dossier = Dossier(pages=[original, german], stories=stories)
    validate_dossier(json.loads(json.dumps(dossier.as_dict())))
    nodes = {n["@id"]: n for n in dossier_jsonld(dossier)["@graph"]}
    german_node = nodes[f"urn:storytrace:page:{german.id}"]
    assert german_node["isBasedOn"] == [{"@id": f"urn:storytrace:page:{original.id}", "url": original.url}]


def test_a_translation_reads_as_one_in_the_html_dossier_and_the_relations_export(encoder):
    from storytrace.report.html import render_dossier
    from storytrace.store.export import relation_rows
    from storytrace.stories.shells import shell_of

    original = Page(id="a" * 16, source="a.html", title=FLOOD["texts"]["en"]["title"], body=FLOOD["texts"]["en"]["body"],
                    language="en", published="2024-09-16T06:30:00+00:00")
    german = Page(id="b" * 16, source="b.html", title=FLOOD["texts"]["de"]["title"], body=FLOOD["texts"]["de"]["body"],
                  language="de", published="2024-09-16T09:30:00+00:00")
    stories = find_stories([shell_of(original), shell_of(german)], encoder=encoder)
    html = render_dossier(Dossier(pages=[original, german], stories=stories))
    assert "is a translation of" in html and "is a copy of" not in html
    assert [row["translation"] for row in relation_rows(stories)] == [1]
