"""Defects a fact-checker's review of real pages found in the HTML comment readers (session 15).

Hand-written pages in the shapes seen on real sites; every test failed on the code before its fix.
"""

from __future__ import annotations

from trafilatura.utils import load_html

from storytrace.anatomy.html import split_html
from storytrace.anatomy.html_comments import extract_comments, to_iso
from storytrace.records import Page
from storytrace.settings import Options

PARAGRAPH = "The council voted 5 to 2 on Monday night to close the branch at the end of June, officials said. "


def test_a_responsive_layout_block_is_not_a_comment_region() -> None:
    # "responsive" contains "respons": the page's main column was read as one comment and cut from the body
    html = f"""<html><body><div class="content-wrapper">
      <div id="responsive_main" class="content-primary">
        <h1>Council closes the Elm Street library</h1>
        <div class="byline"><span class="author">By Ann Lee</span> <time datetime="2024-03-12T08:22">March 12</time></div>
        <article><p>{PARAGRAPH * 4}</p><p>{PARAGRAPH * 3}</p></article>
      </div><div class="content-secondary"><p>Most read</p></div></div></body></html>"""
    page = split_html(html, Page(id="p", source="p.html"), Options())
    assert page.comments == []
    assert any("council voted" in p for p in page.body)


def test_a_comment_number_before_the_date_is_not_read_as_part_of_it() -> None:
    # Newsvine: "#1 - Tue Jul 24, 2012 10:14 AM EDT" came out as 2024-07-01T10:14:00
    assert to_iso("#1 - Tue Jul 24, 2012 10:14 AM EDT") == "2012-07-24T10:14:00"
    assert to_iso("#12 - Jul 24, 2012") == "2012-07-24"
    assert to_iso("#1.2 - Tue Jul 24, 2012 12:06 PM EDT") == "2012-07-24T12:06:00"  # a reply's number
    assert to_iso("No. 3 - May 2, 2011") == "2011-05-02"
    # a comment's number alone in a meta block ("<small class='commentmetadata'>32</small>") was the year 2032
    assert to_iso("32") is None and to_iso("#32") is None and to_iso("2012") == "2012"


def _comments(html: str) -> list[tuple[str | None, str | None, str]]:
    return [(c.author, c.published, c.text) for c in extract_comments(load_html(html), "p")]


BLOGGER_ITEM = """<dt class="comment-author" id="c{n}"><a name="c{n}"></a>
  <a href="http://www.blogger.com/profile/{n}" rel="nofollow">{name}</a>
  <span class="comm-num"><a href="#c{n}" title="Comment Link"><script type="text/javascript">
  CommentsCounter=CommentsCounter+1; document.write(CommentsCounter)</script></a></span>
  said...</dt>
 <dd class="comment-body" id="Blog1_cmt-{n}"><p>{text}</p></dd>
 <dd class="comment-footer"><span class="comment-timestamp"><a href="#c{n}" title="comment permalink">{when}</a></span></dd>"""


def test_blogger_definition_list_thread_gives_every_comment_its_author_and_date() -> None:
    # script text inside the name line became part of the author; the date in the <dd> after the text was lost;
    # the byline reader then won with "Name said..." in every text and the first comment dropped
    items = [("tRiSh", "That is exactly what I need this week, thanks for writing it.", "September 10, 2012 4:45 AM"),
             ("Ankita", "Wish I could think this way more often, it helps a lot.", "September 10, 2012 6:14 AM"),
             ("Amie", "Thank you. Really having a rough moment now, this helped.", "September 10, 2012 9:23 AM")]
    html = (f"<html><body><article><p>{PARAGRAPH * 4}</p></article>"
            "<div class='comments' id='comments'><h4>3 comments:</h4><div id='Blog1_comments-block-wrapper'>"
            "<dl class='avatar-comment-indent' id='comments-block'>"
            "<script type='text/javascript'>var CommentsCounter=0;</script>"
            + "".join(BLOGGER_ITEM.format(n=i, name=name, text=text, when=when)
                      for i, (name, text, when) in enumerate(items))
            + "</dl></div></div></body></html>")
    assert _comments(html) == [("tRiSh", "2012-09-10T04:45:00", items[0][1]),
                               ("Ankita", "2012-09-10T06:14:00", items[1][1]),
                               ("Amie", "2012-09-10T09:23:00", items[2][1])]


def test_a_date_line_ending_in_said_is_the_comment_date_not_its_text() -> None:
    # <p class="info">On October 29, 2012 at 2:35am, <cite>Rosa</cite> said...</p>: the name went to the author,
    # "On October 29, 2012 at 2:35am, said..." stayed as the first line of the text
    item = """<li><div class="comment depth-1" id="comment-{n}"><div class="text"><div class="inner">
      <p class="info">On {when}, <cite><a href="http://example.com/{n}" class="url">{name}</a></cite> said...</p>
      <p>{text}</p></div></div><div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>
      </div></li>"""
    rows = [("Rosa", "October 29, 2012 at 2:35am", "Wonderful food! So comforting. Stay safe out there."),
            ("LizA", "October 29, 2012 at 9:55am", "OK, which one do I make first? They all look good.")]
    html = (f"<html><body><article><p>{PARAGRAPH * 4}</p></article><ol class='commentlist'>"
            + "".join(item.format(n=i, name=n, when=w, text=t) for i, (n, w, t) in enumerate(rows))
            + "</ol></body></html>")
    assert _comments(html) == [("Rosa", "2012-10-29T02:35:00", rows[0][2]),
                               ("LizA", "2012-10-29T09:55:00", rows[1][2])]


def test_blogger_thread_of_short_comments_is_not_read_as_bylines() -> None:
    # the byline reader (footers as markers) took "Name said..." into each text, dropped the first comment, and
    # won by word count when the comments are short
    items = [(f"Reader Number{i}", f"Short note {i} here.", f"September 10, 2012 {i + 1}:45 AM") for i in range(5)]
    html = (f"<html><body><article><p>{PARAGRAPH * 4}</p></article>"
            "<div class='comments' id='comments'><h4>5 comments:</h4>"
            "<dl class='avatar-comment-indent' id='comments-block'>"
            + "".join(BLOGGER_ITEM.format(n=i, name=name, text=text, when=when)
                      for i, (name, text, when) in enumerate(items))
            + "</dl></div></body></html>")
    assert _comments(html) == [(name, f"2012-09-10T0{i + 1}:45:00", text) for i, (name, text, _) in enumerate(items)]


def test_an_empty_comment_section_with_scripts_is_not_a_comment() -> None:
    # "0 Comments" and a form's scripts: the script text made the section look like a comment with text; what
    # was shown was only the word "Comments". Script text is never shown, so it counts for no item's length.
    script = "<script>" + "var disqus_blogger_current_url = 'http://x.example/2018/08/a.html';\n" * 6 + "</script>"
    empty = (f"<div class='blog-post-comments'>{script}<div class='title-wrap comments-title'><h3>Post a Comment</h3>"
             "</div><section class='comments embed' id='comments'><a name='comments'></a><h3 class='title'>0\nComments"
             "</h3><div id='Blog1_comments-block-wrapper'></div><div class='footer'><div class='comment-form'>"
             "<a href='https://www.blogger.com/comment-iframe.g?blogID=1' id='comment-editor-src'></a>"
             f"<iframe id='comment-editor' src=''></iframe>{script}</div></div></section></div>")
    assert _comments(f"<html><body><article><p>{PARAGRAPH * 4}</p></article>{empty}</body></html>") == []

def test_a_lone_comment_with_its_author_is_still_read() -> None:
    thread = ("<ol class='commentlist'><li class='comment' id='comment-1'><cite class='fn'>Ann</cite>"
              "<div class='comment-content'><p>The branch was the only one open on Sundays.</p></div></li></ol>")
    html = f"<html><body><article><p>{PARAGRAPH * 4}</p></article>{thread}</body></html>"
    assert _comments(html) == [("Ann", None, "The branch was the only one open on Sundays.")]

