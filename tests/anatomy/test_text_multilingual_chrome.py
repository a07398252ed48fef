"""Plain-text dumps in German, Ukrainian and English: bylines, datelines and comment chrome (hand-written pages).

A trust & safety review found on such dumps: no author or date from "Von Max Muster" / "Автор: Олена Коваль" /
"12 березня 2024"; the byline left in the body; date lines ("12.03.2024, 14:05") read as comments; Ukrainian
comments put in boilerplate; no comment authors from the chrome. The fixes are post-processing rules that hold in
any language (``text_meta.repair_classes``) and dates read in more languages (``chrome_authors``). Each test
below failed on the code before the fix.
"""

from __future__ import annotations

import pytest

from storytrace.anatomy.chrome_authors import parse_chrome_line, parse_date
from storytrace.anatomy.text import load_line_model, split_text
from storytrace.anatomy.text_meta import byline_author, dateline_date, is_date_line, repair_classes
from storytrace.records import Page
from storytrace.settings import Options


@pytest.mark.parametrize(("line", "name"), [
    ("Von Max Muster", "Max Muster"),
    ("Автор: Олена Коваль", "Олена Коваль"),
    ("Автор Олена Коваль", "Олена Коваль"),
    ("Par Jean Dupont, à Paris", "Jean Dupont"),
    ("Text: Anna Schmidt | 12.03.2024", "Anna Schmidt"),
    ("Von Berlin Mitte aus ging es weiter.", None),  # a sentence, not a byline
    ("Text Messages Leak", None),  # "Text" needs its colon
])
def test_bylines_in_several_languages(line: str, name: str | None) -> None:
    assert byline_author(line) == name


@pytest.mark.parametrize(("line", "day"), [
    ("12.03.2024, 14:05", "2024-03-12"),
    ("12 березня 2024", "2024-03-12"),
    ("12. März 2024", "2024-03-12"),
    ("Veröffentlicht am 12.03.2024", "2024-03-12"),
    ("Опубліковано: 12 березня 2024, 14:05", "2024-03-12"),
    ("Am 12.03.2024 tagte der Rat.", None),  # a sentence with a date is not a dateline
])
def test_datelines_in_several_languages(line: str, day: str | None) -> None:
    assert dateline_date(line) == day


@pytest.mark.parametrize(("line", "iso"), [
    ("12.03.2024, 14:05", "2024-03-12T14:05"),  # dotted numeric dates are day first
    ("12 березня 2024, 15:12", "2024-03-12T15:12"),
    ("12 березня 2024 о 15:12", "2024-03-12T15:12"),
    ("12. März 2024 um 14:05 Uhr", "2024-03-12T14:05"),
    ("3 марта 2023", "2023-03-03"),
    ("March 3, 2009 at 4:15 pm", "2009-03-03T16:15"),
])
def test_comment_dates_in_several_languages(line: str, iso: str) -> None:
    assert parse_date(line) == iso


@pytest.mark.parametrize("line", ["12.03.2024, 14:05", "12 березня 2024", "vor 2 Stunden", "2 години тому",
                                  "heute, 14:05", "сьогодні о 14:05", "14:05", "March 3, 2009 at 4:15 pm"])
def test_date_and_time_only_lines(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize("line", ["Eine Schande, am 12.03.2024 war alles anders.", "Heike_B", "Kommentare (3)"])
def test_lines_that_are_not_only_a_date(line: str) -> None:
    assert not is_date_line(line)


def test_counted_headers_and_buttons_are_chrome_in_several_languages() -> None:
    assert [parse_chrome_line(s).kind for s in ("Kommentare (3)", "Коментарі (12)", "Antworten", "Відповісти")] \
        == ["ui"] * 4


UK_LINES = ["Міська рада ухвалила закрити бібліотеку на Подолі", "Автор: Олена Коваль", "12 березня 2024",
            "Міська рада в понеділок увечері 31 голосом проти 18 ухвалила закрити районну бібліотеку.",
            "Коментарі (3)",
            "Тарас_К", "12 березня 2024, 15:12", "Ганьба. Мої діти вчилися читати в цій бібліотеці.",
            "Ірина Мельник", "12 березня 2024, 15:40", "Можна було спершу скоротити години роботи.",
            "читачка77", "13 березня 2024, 08:02", "Хто зараз ходить до бібліотек? Ці гроші краще вкласти у школи."]


def test_repair_moves_byline_dateline_and_chrome_and_rescues_comments_left_as_boilerplate() -> None:
    # what the line model gave this page: byline and dateline as body, the comments as boilerplate, the last
    # comment's date line and the name before it as comments
    model = ["headline", "body", "body", "body", "boilerplate",
             "boilerplate", "boilerplate", "boilerplate", "boilerplate", "boilerplate", "boilerplate",
             "comment", "comment", "comment"]
    idx = [0, 2, 4, 6, 8, 10, 11, 12, 14, 15, 16, 18, 19, 20]  # a blank line between the paragraphs
    assert repair_classes(UK_LINES, model, idx) == [
        "headline", "boilerplate", "boilerplate", "body", "boilerplate",
        "boilerplate", "boilerplate", "comment", "boilerplate", "boilerplate", "comment",
        "boilerplate", "boilerplate", "comment"]


def test_repair_without_blank_lines_uses_names_next_to_dates() -> None:
    model = ["headline", "body", "body", "body", "boilerplate"] + ["boilerplate"] * 6 + ["comment"] * 3
    got = repair_classes(UK_LINES, model, list(range(len(UK_LINES))))
    assert [s for s, c in zip(UK_LINES, got, strict=True) if c == "comment"] == [UK_LINES[7], UK_LINES[10], UK_LINES[13]]


def test_repair_leaves_a_page_without_chrome_alone() -> None:
    lines = ["A headline here", "First paragraph of the article, long enough.", "Second paragraph of it.",
             "Great piece, thanks for writing it.", "I disagree with the second point."]
    model = ["headline", "body", "body", "comment", "comment"]
    assert repair_classes(lines, model, list(range(5))) == model


def _page(text: str) -> Page:
    return split_text(text, Page(id="p", source="p.txt", kind="text"), Options(text_comment_authors=True),
                      model=load_line_model())


DE_PAGE = """Stadtrat beschließt Schließung der Stadtbibliothek Nord

Von Max Muster

12.03.2024, 14:05

Der Stadtrat hat am Montagabend mit 31 zu 18 Stimmen beschlossen, die Stadtbibliothek Nord zum Ende des Jahres zu schließen. Die Verwaltung begründet den Schritt mit einem Haushaltsloch von 1,4 Millionen Euro.

Mehr als zweihundert Bürgerinnen und Bürger hatten vor dem Rathaus gegen die Pläne protestiert. Eine Petition mit über 8.000 Unterschriften wurde dem Oberbürgermeister übergeben.

Die Bibliothek wurde 1962 eröffnet und zählte im vergangenen Jahr rund 40.000 Besucher. Der Bestand soll auf die Zentralbibliothek verteilt werden.

Kommentare (3)

Heike_B
12.03.2024, 15:12
Eine Schande. Meine Kinder haben dort lesen gelernt, und jetzt wird wegen so einer Summe alles dichtgemacht.

Klaus Wendt
12.03.2024, 15:40
Man hätte doch erst einmal die Öffnungszeiten kürzen können, statt gleich alles zu schließen.

leserin77
13.03.2024, 08:02
Wer geht denn heute noch in eine Bibliothek? Das Geld ist in Schulen besser angelegt.
"""


def test_german_dump_end_to_end() -> None:
    page = _page(DE_PAGE)
    assert (page.title, page.author, page.published) == (
        "Stadtrat beschließt Schließung der Stadtbibliothek Nord", "Max Muster", "2024-03-12")
    assert not any("Muster" in b or is_date_line(b) for b in page.body)
    assert [(c.author, c.published) for c in page.comments] == [
        ("Heike_B", "2024-03-12T15:12"), ("Klaus Wendt", "2024-03-12T15:40"), ("leserin77", "2024-03-13T08:02")]
    assert page.comments[0].text.startswith("Eine Schande.")


def test_ukrainian_dump_end_to_end() -> None:
    text = "\n\n".join([UK_LINES[0], UK_LINES[1], UK_LINES[2],
                        UK_LINES[3] + " У міськраді пояснюють рішення дефіцитом бюджету у 52 мільйони гривень.",
                        ("Понад двісті мешканців протестували біля будівлі ради. Петицію з понад вісьмома тисячами "
                         "підписів передали міському голові."), UK_LINES[4],
                        "\n".join(UK_LINES[5:8]), "\n".join(UK_LINES[8:11]), "\n".join(UK_LINES[11:14])])
    page = _page(text)
    assert (page.title, page.author, page.published) == (UK_LINES[0], "Олена Коваль", "2024-03-12")
    assert page.headline_variants == []
    assert [(c.author, c.text) for c in page.comments] == [
        ("Тарас_К", UK_LINES[7]), ("Ірина Мельник", UK_LINES[10]), ("читачка77", UK_LINES[13])]


# A German dump with no blank lines, relative comment times and the model's reading of it (session 15 review):
# the counter and the first commenter's name read as the article's end, every comment as boilerplate.
DE_RELATIVE = ["Startseite", "Hochwasser in Sachsen: Tausende Menschen evakuiert", "Von Anna Schmidt",
               "Dresden. Nach tagelangem Regen sind in Sachsen mehr als 3.000 Menschen aus ihren Häusern gebracht worden.",
               "Die Bundesregierung kündigte Soforthilfen in Höhe von 50 Millionen Euro an.",
               "Kommentare (3)", "Klaus M.", "vor 2 Stunden",
               "Schon wieder! Warum wird nichts für den Hochwasserschutz getan?", "Antworten",
               "Petra_88", "vor 1 Stunde", "Danke an alle Helfer vor Ort, ihr seid großartig.", "Antworten",
               "Hans", "vor 30 Minuten", "Du Vollidiot, lies doch erst mal den Artikel.", "Antworten",
               "Impressum | Datenschutz | Kontakt"]
DE_RELATIVE_MODEL = ["boilerplate", "headline", "body", "body", "body", "body", "body"] + ["boilerplate"] * 12


def test_repair_reads_relative_comment_times_and_the_chrome_at_the_article_end() -> None:
    got = repair_classes(DE_RELATIVE, DE_RELATIVE_MODEL, list(range(len(DE_RELATIVE))))
    assert [s for s, c in zip(DE_RELATIVE, got, strict=True) if c == "comment"] == [
        DE_RELATIVE[8], DE_RELATIVE[12], DE_RELATIVE[16]]
    assert got[3:7] == ["body", "body", "boilerplate", "boilerplate"]  # counter and name leave the body


def test_a_short_last_body_line_without_a_date_below_stays_body() -> None:
    lines = ["A headline here", "First paragraph of the article, long enough to count.", "Anna Schmidt",
             "Impressum | Kontakt"]
    model = ["headline", "body", "body", "boilerplate"]
    assert repair_classes(lines, model, list(range(4))) == model


def test_german_dump_with_relative_times_end_to_end() -> None:
    page = _page("\n".join(DE_RELATIVE))
    assert [c.text for c in page.comments] == [DE_RELATIVE[8], DE_RELATIVE[12], DE_RELATIVE[16]]
    assert "Kommentare (3)" not in page.body and "Klaus M." not in page.body


UK_SHORT = "\n\n".join([
    UK_LINES[0], UK_LINES[1], UK_LINES[2],
    UK_LINES[3] + " У міськраді пояснюють рішення дефіцитом бюджету.",
    "Понад двісті мешканців протестували біля будівлі ради. Петицію з понад вісьмома тисячами підписів передали "
    "міському голові.",
    "Бібліотеку планують перетворити на коворкінг до кінця року, повідомили в управлінні культури.",
    "Коментарі (2)", "\n".join(UK_LINES[5:8]), "\n".join(UK_LINES[8:11]), "Всі права захищено © 2024"])


def test_the_chrome_specialist_does_not_take_the_article() -> None:
    # session 15 review: with --comment-chrome --comment-authors this page had an empty body, its paragraphs as
    # comments by "Автор: Олена Коваль" (the byline and dateline read as a commenter's name and date)
    page = split_text(UK_SHORT, Page(id="p", source="p.txt", kind="text"),
                      Options(text_comment_chrome=True, text_comment_authors=True), model=load_line_model())
    assert len(page.body) == 3 and page.body[0].startswith(UK_LINES[3][:20])
    assert [(c.author, c.text) for c in page.comments] == [("Тарас_К", UK_LINES[7]), ("Ірина Мельник", UK_LINES[10])]


def test_a_specialist_reading_without_an_article_line_is_not_preferred() -> None:
    from storytrace.anatomy.text import ChromeSpecialist

    specialist = ChromeSpecialist(model=None, min_interleaved=1)  # type: ignore[arg-type]
    path = ["headline", "body", "comment", "boilerplate", "comment"]
    lines = ["Title", "Автор: Олена Коваль", "a comment", "Тарас_К", "another comment"]
    assert specialist.prefers(path)  # without the lines: chrome alone decides, as before
    assert not specialist.prefers(path, lines)
    lines[1] = "Міська рада в понеділок увечері ухвалила закрити районну бібліотеку на Подолі."
    assert specialist.prefers(path, lines)
