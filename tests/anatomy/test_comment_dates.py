"""Comment dates keep the precision the page gives: a date alone is not midnight."""

import pytest

from storytrace.anatomy.html_comments import to_iso


@pytest.mark.parametrize(("text", "iso"), [
    ("March 3, 2009 at 4:15 pm", "2009-03-03T16:15:00"),
    ("3 March 2009 16:15:22 GMT", "2009-03-03T16:15:22+00:00"),
    ("Posted on 7/12/2012 at 00:00", "2012-07-12T00:00:00"),
    ("March 3, 2009", "2009-03-03"),
    ("July 2012", "2012-07"),
    ("2011-01-31T09:59:00+01:00", "2011-01-31T09:59:00+01:00"),
])
def test_to_iso_keeps_precision(text: str, iso: str) -> None:
    assert to_iso(text) == iso


@pytest.mark.parametrize("text", ["", "Reply", "12 Fans", "1850-01-01"])
def test_to_iso_rejects_non_dates(text: str) -> None:
    assert to_iso(text) is None
