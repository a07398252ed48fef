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
