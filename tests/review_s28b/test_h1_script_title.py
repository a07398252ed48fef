"""Session 28 review (second round): a ``<script>`` inside the ``<h1>`` must not reach the headline."""

from __future__ import annotations

from storytrace.anatomy import split_page
from storytrace.records import RawDocument
from storytrace.settings import Options

BODY = " ".join(["The council voted on Tuesday to approve the new budget for the city, officials said."] * 8)
PAGE = ("<html><head><title>Council approves budget</title></head><body><article><h1>Council approves budget"
        "<script>window.dataLayer=[{'page':'x'}];</script></h1>"
        f"<p>{BODY}</p><p>{BODY}</p></article></body></html>")


def test_script_text_inside_the_h1_is_not_part_of_the_title():
    page = split_page(RawDocument(source="p.html", data=PAGE.encode(), kind="html"), Options())
    assert page.title == "Council approves budget"
