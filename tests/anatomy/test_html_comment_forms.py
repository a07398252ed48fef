"""Comment-section interface text (forms, notices, policies) is not read as comments (hand-written pages)."""

from __future__ import annotations

from trafilatura.utils import load_html

from storytrace.anatomy.html_comments import extract_comments

ARTICLE = "<html><body><article><h1>Title</h1><p>" + "Body text of the article. " * 20 + "</p></article>"

# a form's status messages, each a <label> in a repeated block: interface text, not comments
FORM_NOTICES = ARTICLE + """
<section class="comments"><div class="title">Discussion</div>
 <ul><li><div class="line"><label>Thank you! Your note will be reviewed before it is shown here.</label></div></li>
  <li><div class="line"><label>Too many posts in a row. Please wait a minute and try again.</label></div></li>
  <li><div class="line"><label>Notes with a link in them are held back and not shown on the site.</label></div></li>
 </ul></section></body></html>"""

# a lone block in the comment area without author or date: a policy text, a log-in prompt
LONE_POLICY = ARTICLE + """
<div id="story-comments"><section class="story-comments-bar">
 <div class="url-label hidden">%2Fsection%2Fsome-story%2F</div>
 <div>When posting, please follow our guidelines and avoid insults or personal attacks of any kind.</div>
</section></div></body></html>"""

LOGIN_PROMPT = ARTICLE + """
<div id="comments" class="comments-area"><div id="respond" class="comment-respond">
 <h3 class="comment-reply-title">Leave a reply</h3>
 <p class="must-log-in">You must be logged in to post a comment on this article.</p>
</div></div></body></html>"""

# a lone comment with its author and date is still a comment
LONE_COMMENT = ARTICLE + """
<div id="comments"><ol class="commentlist"><li class="comment">
 <div class="comment-author"><cite class="fn">Ann Lee</cite></div>
 <div class="comment-meta"><time datetime="2020-05-02T10:00:00">May 2, 2020</time></div>
 <div class="comment-content"><p>I read this twice and still disagree with the second point.</p></div>
</li></ol></div></body></html>"""

# real comments in labelled blocks keep their text; only the label's text goes
LABELLED_THREAD = ARTICLE + """
<div id="comments">
 <div class="comment"><span class="author">Ann Lee</span><p>First comment with enough words in it to count.</p></div>
 <div class="comment"><span class="author">Bo Chan</span><p>Second comment, also long enough to be read.</p></div>
 <form><label>Your comment will be reviewed before it is published.</label><textarea></textarea></form>
</div></body></html>"""


def _comments(html: str) -> list:
    return extract_comments(load_html(html), "p")


def test_form_notices_in_labels_are_not_comments() -> None:
    assert _comments(FORM_NOTICES) == []


def test_lone_comment_with_author_and_date_is_kept() -> None:
    comments = _comments(LONE_COMMENT)
    assert [(c.author, c.text) for c in comments] == [
        ("Ann Lee", "I read this twice and still disagree with the second point.")]


def test_thread_beside_a_form_keeps_its_comments() -> None:
    comments = _comments(LABELLED_THREAD)
    assert [c.author for c in comments] == ["Ann Lee", "Bo Chan"]


# a schema.org UserComments scope that is only the frame of an (empty, script-filled) list
EMPTY_LIST_FRAME = ARTICLE + """
<div class="comments-list" itemscope itemtype="http://schema.org/UserComments">
 <div class="title-line"><h3>All comments</h3><a class="more">Show more comments (20)</a></div>
 <ul class="main"></ul><a class="loadnew">Show new comments (0)</a></div></body></html>"""

FRAMED_COMMENTS = ARTICLE + """
<div itemscope itemtype="http://schema.org/UserComments"><h3>All comments</h3>
 <div itemscope itemtype="http://schema.org/Comment"><span itemprop="author">Ann Lee</span>
  <p itemprop="text">First comment with enough words in it to count.</p></div>
 <div itemscope itemtype="http://schema.org/Comment"><span itemprop="author">Bo Chan</span>
  <p itemprop="text">Second comment, also long enough to be read.</p></div>
</div></body></html>"""


def test_microdata_frame_without_comment_properties_is_not_a_comment() -> None:
    assert _comments(EMPTY_LIST_FRAME) == []
    comments = _comments(FRAMED_COMMENTS)
    assert [(c.author, c.parent_id) for c in comments] == [("Ann Lee", None), ("Bo Chan", None)]
