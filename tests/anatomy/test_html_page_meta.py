"""Page author and date do not come from inside a comment (hand-written pages)."""

from __future__ import annotations

from storytrace.anatomy.html import split_html
from storytrace.records import Page
from storytrace.settings import Options

BODY = "".join(f"<p>Paragraph {i} of the article, about the new cycle lanes the council voted for.</p>"
               for i in range(6))

# no byline: the first commenter's name is the only byline-like element on the page
THREAD_NO_BYLINE = f"""<html><head><title>Council votes for cycle lanes</title></head><body>
<article><h1>Council votes for cycle lanes</h1>{BODY}</article>
<div id="disqus_thread"><ul id="post-list" class="post-list">
<li class="post"><div class="post-byline"><span class="author">Karl_Berg</span></div>
 <div class="post-message"><p>Finally, I ride to work every day and it is dangerous.</p></div></li>
<li class="post"><div class="post-byline"><span class="author">Petra Lang</span></div>
 <div class="post-message"><p>The money would be better spent on buses, in my view.</p></div></li>
</ul></div></body></html>"""

# no article date: the comments' dateCreated are the only dates on the page
MICRODATA_NO_DATE = f"""<html><head><title>Council votes for cycle lanes</title></head><body>
<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Council votes for cycle lanes</h1>
<div itemprop="articleBody">{BODY}</div>
<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Anna Weber</span>
 <time itemprop="dateCreated" datetime="2024-05-02T10:00:00Z">May 2, 2024</time>
 <div itemprop="text">Good decision, but that is a lot of money for so few kilometres.</div></div>
<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Jorg Klein</span>
 <time itemprop="dateCreated" datetime="2024-05-03T11:00:00Z">May 3, 2024</time>
 <div itemprop="text">The opposition has a point about the financing of the plan.</div></div>
</article></body></html>"""

# the article's own byline and date stay when comments follow
WITH_BYLINE = THREAD_NO_BYLINE.replace(
    "<h1>Council votes for cycle lanes</h1>",
    '<h1>Council votes for cycle lanes</h1><p class="byline">By <span class="author">Maria Schulz</span></p>'
    '<time class="published" datetime="2024-04-30">April 30, 2024</time>')


def _split(html: str) -> Page:
    return split_html(html, Page(id="p", source="test"), Options())


def test_page_author_not_taken_from_a_comment() -> None:
    page = _split(THREAD_NO_BYLINE)
    assert [c.author for c in page.comments] == ["Karl_Berg", "Petra Lang"]
    assert page.author is None


def test_page_date_not_taken_from_a_comment() -> None:
    page = _split(MICRODATA_NO_DATE)
    assert [c.published[:10] for c in page.comments] == ["2024-05-02", "2024-05-03"]
    assert page.published is None
    assert page.author is None


def test_page_byline_and_date_kept_beside_comments() -> None:
    page = _split(WITH_BYLINE)
    assert page.author == "Maria Schulz"
    assert page.published == "2024-04-30"
    assert len(page.comments) == 2
