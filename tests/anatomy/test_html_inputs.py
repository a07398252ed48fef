"""HTML pages as they come: no invented publication date, bare fragments read as pages."""

from trafilatura.utils import load_html

from storytrace.anatomy.html import publication_date

TEXT = "<p>The council said the law, which passed in 2015, would be reviewed after the budget talks.</p>" * 8


def test_a_year_in_the_text_is_not_a_publication_date() -> None:
    assert publication_date(load_html(f"<html><body><article>{TEXT}</article></body></html>"), None) is None


def test_a_january_first_date_in_the_metadata_stays() -> None:
    html = ('<html><head><meta property="article:published_time" content="2015-01-01T09:00:00Z"/></head>'
            f"<body><article>{TEXT}</article></body></html>")
    assert publication_date(load_html(html), None) == "2015-01-01"


def test_a_day_no_calendar_has_is_no_publication_date() -> None:
    """htmldate reads "2024-02-30" as "2024-02-01", a day the page never gave; a real first of the month stays."""
    def meta(day: str) -> str:
        return (f'<html><head><meta property="article:published_time" content="{day}T10:00:00Z"/></head>'
                f"<body><article>{TEXT}</article></body></html>")
    assert publication_date(load_html(meta("2024-02-30")), None) is None
    assert publication_date(load_html(meta("2024-02-01")), None) == "2024-02-01"
    assert publication_date(load_html(meta("2024-02-29")), None) == "2024-02-29"


def test_a_full_date_in_the_text_is_still_found() -> None:
    html = f"<html><body><article><p>Posted on March 3, 2012</p>{TEXT}</article></body></html>"
    assert publication_date(load_html(html), None) == "2012-03-03"


def test_a_bare_fragment_is_read_as_a_page() -> None:
    from storytrace.anatomy.html import split_html
    from storytrace.records import Page
    from storytrace.settings import Options

    page = split_html("<div><p>The mayor approved the budget on Monday.</p></div>", Page(id="p", source="p.html"),
                      Options())
    assert page.body == ["The mayor approved the budget on Monday."]
