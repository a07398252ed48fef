"""A comment widget's notice (its rules, community guidelines, moderation warning) is not a reader comment;
and a definition-list comment takes its header from the <dt> before it even with an HTML comment between.

Hand-written pages in the shapes of real sites (a Viafoura embed on a sports site, a WordPress-style thread).
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html
from trafilatura.utils import load_html

from storytrace.anatomy.html import split_html
from storytrace.anatomy.html_comments import extract_comments
from storytrace.records import Page
from storytrace.settings import Options

PARAGRAPH = "The home side levelled the tie at one rubber each on Wednesday after a long second set, the coach said. "

NOTICES = [
    # a sports site's Viafoura embed: the rules sit in an unnamed div above the (script-filled) widget
    ("When posting, please follow our <a href='/guidelines.pdf'>comment guidelines</a> and do not post insults, "
    "personal attacks or harassment. If you break the guidelines, we reserve the right to remove your comments "
    "and suspend your account. The site may close a story's comment section at any time."),
    "Comments are moderated. Please keep your comments civil and on topic.",
    "By commenting you agree to our community guidelines and terms of use.",
]


def _widget_page(notice: str) -> str:
    return f"""<html><head><title>Hosts level the tie | Sports</title></head><body>
      <article><h1>Hosts level the tie</h1><p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p></article>
      <div class="row" id="story-comments"><section class="story-comments-bar col-xs-12">
        <div id="comment-container-4782678">
          <button type="button" class="btn btnVfJoinDiscussion">Join the Conversation</button>
          <div class="comment-viafoura-wrapper"><div>{notice}</div>
            <div class="viafoura"><div class="vf-comments vf-widget" data-widget="comments"></div></div>
          </div>
        </div></section></div></body></html>"""


@pytest.mark.parametrize("notice", NOTICES)
def test_html_comments_widget_rules_notice_is_not_a_comment(notice: str) -> None:
    page = split_html(_widget_page(notice), Page(id="p", source="p.html"), Options())
    assert page.comments == []
    assert page.body[-1].startswith("The home side levelled the tie")


def _thread(first: str) -> str:
    items = [("Ann Lee", "March 3, 2021 at 4:15 pm", "Great match, the second set was the best tennis I have seen."),
             ("Bo", "March 3, 2021 at 5:02 pm", "The coach got the line-up right this time, credit where due.")]
    comments = "".join(
        f'<li class="comment"><div class="comment-meta"><span class="comment-author">{name}</span> '
        f'<span class="comment-date">{when}</span></div><div class="comment-content"><p>{text}</p></div></li>'
        for name, when, text in items)
    return (f'<html><body><article><p>{PARAGRAPH * 4}</p></article><div id="comments">'
            f'<ol class="commentlist"><li class="comment"><div class="comment-content"><p>{first}</p></div></li>'
            f'{comments}</ol></div></body></html>')


@pytest.mark.parametrize("notice", NOTICES[1:])
def test_html_comments_notice_at_the_head_of_a_thread_is_dropped(notice: str) -> None:
    comments = extract_comments(load_html(_thread(notice)), "p")
    assert [c.author for c in comments] == ["Ann Lee", "Bo"]


@pytest.mark.parametrize("text", [
    "Please read the community guidelines before you post again, this thread is getting nasty.",  # has an author
])
def test_html_comments_reader_quoting_the_rules_stays_a_comment(text: str) -> None:
    html = _thread("An unsigned first comment: I watched from the stands and loved it.").replace(
        "Great match, the second set was the best tennis I have seen.", text)
    comments = extract_comments(load_html(html), "p")
    assert [c.text for c in comments][:2] == ["An unsigned first comment: I watched from the stands and loved it.", text]


@pytest.mark.parametrize("form", [
    '<dt class="comment-author">{n}</dt>{sep}<dd class="comment-text"><p>{t}</p></dd>',
    '<dt class="comment-head">{n} said...</dt>{sep}<dd class="comment-text"><p>{t}</p></dd>',
    '<dt class="c">{n} March {d}, 2009 4:15 pm</dt>{sep}<dd class="comment-text"><p>{t}</p></dd>',
])
@pytest.mark.parametrize("sep", ["", "<!-- #comment-header -->"])
def test_html_comments_dd_header_passes_over_html_comments(form: str, sep: str) -> None:
    """trafilatura's parser drops HTML comments, but extract_comments takes any tree (lxml.html keeps them)."""
    texts = ["Brilliant, you have managed to smash all my reservations.",
             "Not seeing the update path appear in my installed site yet."]
    thread = "".join(form.format(n=n, t=t, d=d, sep=sep) for n, t, d in zip(("Gibbo", "Robert"), texts, (3, 4),
                                                                           strict=True))
    page = (f'<html><body><article><p>{"Post text. " * 60}</p></article>'
            f'<dl id="comment_list" class="comments">{thread}</dl></body></html>')
    expected = [extract_comments(load_html(page), "p")[i] for i in (0, 1)]  # comment-free tree
    got = extract_comments(lxml_html.document_fromstring(page), "p")
    assert [(c.author, c.published, c.text) for c in got] == [(c.author, c.published, c.text) for c in expected]
    assert all(c.author or c.published for c in got)
