"""The HTML dossier in a real browser (headless Chromium): hostile page text stays text."""

import shutil
import subprocess

import pytest

from storytrace.records import Comment, Dossier, Page
from storytrace.report import render_dossier

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAYLOAD = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
def test_browser_renders_hostile_text_as_text(tmp_path):
    page = Page(id="0123456789abcdef", source="x", title=PAYLOAD, body=[PAYLOAD],
                comments=[Comment(id="c0", text=PAYLOAD, position=0, author=PAYLOAD)])
    path = tmp_path / "index.html"
    path.write_text(render_dossier(Dossier(pages=[page])), encoding="utf-8")
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    assert "<title>storytrace dossier: 1 page(s)</title>" in dom  # no script changed the title
    assert "<script" not in dom and "<img" not in dom
    assert dom.count("&lt;script&gt;document.title='pwned'&lt;/script&gt;") >= 4  # shown, as text


# measures the table of contents' two-column page list after layout: each item's number must lie inside the
# item's own box (not in the gap, over the column to its left), and no two items may overlap
_MEASURE = """<script>
const items = [...document.querySelectorAll('.toc .loose li')].map(li => {
  const box = li.getBoundingClientRect(), link = li.querySelector('a').getBoundingClientRect();
  return {left: box.left, right: box.right, top: box.top, bottom: box.bottom, text: link.left - box.left,
          over: link.right - box.right};
});
document.body.insertAdjacentHTML('beforeend', '<pre id=measured>' + JSON.stringify(items) + '</pre>');
</script>"""


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
def test_browser_toc_columns_keep_numbers_clear_of_long_titles(tmp_path):
    import html
    import json
    import re

    titles = ["Short title", "Officials say the long-awaited report on regional reconstruction will wait",
              "Unbroken" + "x" * 90]
    pages = [Page(id=f"{i:016x}", source=f"p{i}.html", title=f"{titles[i % 3]} {i}", body=["x"]) for i in range(120)]
    page = render_dossier(Dossier(pages=pages))
    page = re.sub(r"<meta http-equiv='Content-Security-Policy'[^>]*>", "", page)  # let the test's script run
    path = tmp_path / "index.html"
    path.write_text(page.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1000,1400", "--dump-dom",
         path.as_uri()], capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    items = json.loads(html.unescape(re.search(r"<pre id=\"measured\">(.*?)</pre>", dom, re.DOTALL).group(1)))
    assert len(items) == 120 and len({round(i["left"]) for i in items}) == 2  # two columns
    for item in items:
        assert item["text"] >= 16, item  # room for "120." inside the item, left of its title
        assert item["over"] <= 0.5, item  # a long unbroken title wraps inside its column
    for a in items:
        for b in items:
            if a is not b and a["left"] < b["left"]:  # a in the left column: it ends before b's box starts
                assert a["right"] <= b["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"], (a, b)
