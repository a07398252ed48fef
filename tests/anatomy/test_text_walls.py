"""A plain-text dump of a bot check or paywall is marked as not an article, as the same HTML page is."""

import pytest

from storytrace.api import analyze
from storytrace.records import NOT_AN_ARTICLE
from storytrace.settings import Options

OPTIONS = Options(with_facts=False, with_comments=False, with_stories=False, progress=False)


@pytest.mark.parametrize("text", [
    ("Just a moment...\nChecking your browser before accessing example.com.\n"
     "This process is automatic. Your browser will redirect to your requested content shortly.\n"),
    ("Ukraine floods: dam breach forces thousands to flee\nSubscribe to read\n"
     "You have reached your limit of free articles.\nAlready a subscriber? Log in\n"),
])
def test_a_wall_dumped_as_text_is_not_an_article(tmp_path, text):
    (tmp_path / "wall.txt").write_text(text, encoding="utf-8")
    (page,) = analyze([tmp_path / "wall.txt"], options=OPTIONS).pages
    assert any(w.startswith(NOT_AN_ARTICLE) for w in page.warnings)


def test_an_article_dumped_as_text_is_one(tmp_path):
    body = ("Officials said the port reopened on Monday after a week of repairs, and ships queued outside. " * 6 +
            "\n") * 4
    (tmp_path / "article.txt").write_text("Port reopens after repairs\n" + body, encoding="utf-8")
    (page,) = analyze([tmp_path / "article.txt"], options=OPTIONS).pages
    assert not any(w.startswith(NOT_AN_ARTICLE) for w in page.warnings)
