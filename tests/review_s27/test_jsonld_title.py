"""Session 27 (harden), item 5: a JSON-LD block that does not parse (cut by a ``</script>`` inside a string) gives no
title: trafilatura's crude reading of such a block took "x" from ``"headline":"x</script>…`` over ``<h1>`` and
``<title>``."""

from __future__ import annotations

import storytrace

QUICK = {"with_facts": False, "with_comments": False, "with_stories": False, "progress": False}
BODY = ("<p>Heavy rain flooded the town of Riverton on Monday, and 300 residents were moved to shelters, officials "
        "said on Tuesday after a night of rising water.</p><p>The river rose 4 metres in 12 hours, the highest level "
        "since records began, and the main bridge was closed to traffic until engineers could inspect it.</p>")


def _title(tmp_path, head: str) -> str | None:
    page = tmp_path / "page.html"
    page.write_text(f"<html><head>{head}</head><body><article><h1>Flood hits Riverton</h1>{BODY}</article></body>"
                    "</html>", encoding="utf-8")
    return storytrace.analyze([str(page)], **QUICK).pages[0].title


def test_a_json_ld_block_cut_by_a_script_end_tag_gives_no_title(tmp_path):
    head = ('<title>Riverton under water: 300 moved</title><script type="application/ld+json">'
            '{"@type":"NewsArticle","headline":"x</script><script>alert(2)</script>"}</script>')
    assert _title(tmp_path, head) in ("Flood hits Riverton", "Riverton under water: 300 moved")


def test_a_json_ld_block_that_does_not_parse_gives_no_title_even_when_its_headline_is_whole(tmp_path):
    head = ('<title>Flood hits Riverton | Daily Courier</title><script type="application/ld+json">'
            '{"@type":"NewsArticle","headline":"Win a free cruise today",,}</script>')
    assert _title(tmp_path, head) == "Flood hits Riverton"
