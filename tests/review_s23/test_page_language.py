"""Session-23 lead fix from the session-22 review's hand-over: a page with an Arabic headline over an English
report was 'ar', so two English copies of one article were called a translation in the story."""

from __future__ import annotations

from storytrace.lang import page_language
from storytrace.records import Page

TITLE = "سد مدينة سبرينغفيلد يغلق بعد اكتشاف تشققات"
BODY = [("The city council of Springfield voted 7 to 2 on Tuesday to close the old dam after engineers found 14 "
         "cracks in its wall."), "Repairs are expected to cost about $3 million and take two years, the council said.",
        "Residents downstream were told the water level would be lowered slowly over the coming weeks.",
        "The dam was built in 1931 and last inspected in 2019, according to state records."]


def test_a_headline_in_another_script_does_not_decide_a_long_article() -> None:
    page = Page(id="x", source="x", title=TITLE, body=[TITLE, *BODY])
    assert page_language(page) == "en"


def test_a_short_body_still_reads_its_title() -> None:
    page = Page(id="x", source="x", title="Le barrage de Springfield fermé après la découverte de fissures",
                body=["Photo: AFP"])
    assert page_language(page) == "fr"
