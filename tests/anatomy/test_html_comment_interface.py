"""The comment area's interface is not read as comments: reply-form boxes, comment bars, "load more" controls.

Hand-written pages in the shapes a trust & safety review found (WordPress ``#respond`` box, a sports site's
comment bar, "Load more comments" / "Show more replies" links); the real comments beside them must still come
out one by one with their author and reply parent. Every test here failed on the code before the fix.
"""

from __future__ import annotations

from trafilatura.utils import load_html

from storytrace.anatomy.html_comments import extract_comments

ARTICLE = ("<html><body><article><h1>Council votes to close the Elm Street library</h1><p>"
           + "The council voted 5 to 2 on Monday night to close the branch at the end of June. " * 8
           + "</p></article>")


def _wp_comment(n: int, name: str, when: str, text: str, depth: int, children: str = "") -> str:
    return f"""
 <li id="comment-{n}" class="comment depth-{depth}"><article id="div-comment-{n}" class="comment-body">
  <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{name}</b> <span class="says">says:</span></div>
   <div class="comment-metadata"><a href="#comment-{n}"><time datetime="{when}">{when}</time></a></div></footer>
  <div class="comment-content"><p>{text}</p></div>
  <div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">Reply</a></div></article>{children}</li>"""


WP_THREAD = ('<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts</h2><ol class="comment-list">'
             + _wp_comment(11, "Marta K.", "2024-03-12T10:15:00", "My kids learned to read in that building.", 1,
                           '<ol class="children">' + _wp_comment(12, "Joe Pratt", "2024-03-12T11:02:00",
                                                                  "It is a tenth of the whole libraries line.", 2)
                           + "</ol>")
             + _wp_comment(13, "Priya", "2024-03-12T13:40:00", "Was there any talk of shorter opening hours?", 1)
             + "</ol></div>")

# the reply box as themes draw it when the <form> tag is gone (rendered by a script, or stripped by a scraper)
RESPOND_BOX = """
<div id="respond" class="comment-respond">
 <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
 <div id="commentform" class="comment-form">
  <p class="comment-notes"><span id="email-notes">Your email address will not be published.</span>
   <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>
  <p class="comment-form-comment"><span>Comment <span class="required">*</span></span></p>
  <p class="comment-form-author"><span>Name <span class="required">*</span></span></p>
  <p class="comment-form-email"><span>Email <span class="required">*</span></span></p>
  <p class="form-submit"><a class="submit" href="#">Post Comment</a></p>
 </div></div>"""

# a form laid out in a table, text fields and labels, no <form> tag and no form-like name
TABLE_FORM = """
<div id="blog-postcomment-panel"><table class="PostComments Settings">
 <tr><td><span class="Head PostComments">Post Comment</span></td></tr>
 <tr><td><div class="SubHead">Name</div><input type="text" name="name"><span class="req"> *</span></td></tr>
 <tr><td><div class="SubHead">Email</div><input type="text" name="email"><span class="req"> *</span></td></tr>
 <tr><td><div class="SubHead">Comment</div><textarea name="body"></textarea></td></tr>
 <tr><td>Allowed tags: &lt;a&gt; link, &lt;b&gt; bold, &lt;i&gt; italics</td></tr>
</table></div>"""

WP_EXPECTED = [("Marta K.", None, "My kids learned to read in that building."),
               ("Joe Pratt", "p-c0", "It is a tenth of the whole libraries line."),
               ("Priya", None, "Was there any talk of shorter opening hours?")]


def _comments(html: str) -> list[tuple[str | None, str | None, str]]:
    return [(c.author, c.parent_id, c.text) for c in extract_comments(load_html(html), "p")]


def test_reply_form_box_beside_the_thread_is_not_a_comment() -> None:
    assert _comments(ARTICLE + WP_THREAD + RESPOND_BOX + "</body></html>") == WP_EXPECTED


def test_reply_form_box_alone_is_not_a_comment() -> None:
    assert _comments(ARTICLE + RESPOND_BOX + "</body></html>") == []


def test_form_drawn_as_a_table_of_fields_is_not_a_comment() -> None:
    assert _comments(ARTICLE + TABLE_FORM + "</body></html>") == []


# a sports site's comment bar over a thread whose class names follow BEM (block__element--modifier)
BAR = """
 <div class="comments-bar">
  <div class="comment-count"><span class="comment-count__label">Comments</span> <span class="comment-count__value">(12)</span></div>
  <div class="comments-bar__cta"><span>Join the conversation</span></div>
  <div class="comments-bar__login"><a href="/login?return=story" class="comments-bar__signin">Sign in to comment</a></div>
  <div class="comments-bar__sort"><span>Sort by</span> <a href="?sort=newest">Newest</a> <a href="?sort=top">Most liked</a></div>
 </div>"""


def _item(user: str, text: str, extra: str = "", modifier: str = "") -> str:
    return f"""
  <li class="comment-item{modifier}">
   <div class="comment-item__header"><span class="comment-item__user">{user}</span> <span class="comment-item__time">2 hours ago</span></div>
   <div class="comment-item__body"><p>{text}</p></div>
   <div class="comment-item__actions"><a href="#" class="comment-item__reply">Reply</a> <span class="comment-item__likes">14</span></div>{extra}
  </li>"""


SPORTS = (ARTICLE + '<div class="comments-container" id="story-comments">' + BAR + '<ul class="comments-list">'
          + _item("HillsideHank", "That was never a handball, his arm was tucked in.",
                  '<ul class="comment-item__replies">'
                  + _item("RoversTillIDie", "Watch the replay, it hits his elbow.", modifier=" comment-item--reply")
                  + '<li class="comment-item__more"><a href="#" class="show-more-replies">Show more replies (3)</a></li></ul>')
          + _item("neutral_nora", "Great game to watch though, what a header.")
          + '</ul><div class="comments-more"><a href="#" class="comments-more__link">Load more comments</a></div>'
          + "</div></body></html>")


def test_comment_bar_and_more_links_are_not_comments_and_the_thread_keeps_authors_and_replies() -> None:
    assert _comments(SPORTS) == [
        ("HillsideHank", None, "That was never a handball, his arm was tucked in."),
        ("RoversTillIDie", "p-c0", "Watch the replay, it hits his elbow."),
        ("neutral_nora", None, "Great game to watch though, what a header."),
    ]


def test_comment_bar_without_comments_is_not_a_comment() -> None:
    html = ARTICLE + '<div class="comments-container" id="story-comments">' + BAR + "</div></body></html>"
    assert _comments(html) == []


# unnamed blocks in a comment list: the "Add more" / "Load more" controls are links or buttons inside them
PLAIN_LIST = ARTICLE + """
<div id="comments">
 <div><b>Ann Lee</b><br>12/03/2024<br>The closing hours were never put to a vote, as far as I know.<br>
  <a href="#" onclick="more(1)">Show more replies (2)</a></div>
 <div><b>Bo Chan</b><br>12/03/2024<br>They were, in the February session, item seven on the agenda.<br>
  <span class="btn" role="button">Add more</span></div>
 <div><a href="javascript:load()">Weitere Kommentare laden</a></div>
</div></body></html>"""


def test_more_controls_inside_comments_are_not_comment_text() -> None:
    assert _comments(PLAIN_LIST) == [
        ("Ann Lee", None, "The closing hours were never put to a vote, as far as I know."),
        ("Bo Chan", None, "They were, in the February session, item seven on the agenda."),
    ]


# links that are not controls stay: a commenter's linked name line, a linked title, an address
LINKED_LINES = ARTICLE + """
<div id="comments">
 <div class="comment"><p class="title"><a href="#" onclick="toggle(1)">Things slow is wearing today</a></p>
  <p>A long line of comment text that says what the commenter thinks.</p></div>
 <div class="comment"><p><a href="http://example.org/report">http://example.org/report/see-all</a></p>
  <p>The full report is there, the numbers are on page four.</p></div>
</div></body></html>"""


def test_links_that_are_not_controls_stay_in_the_comment() -> None:
    texts = [t for _, _, t in _comments(LINKED_LINES)]
    assert texts == ["Things slow is wearing today\nA long line of comment text that says what the commenter thinks.",
                     "http://example.org/report/see-all\nThe full report is there, the numbers are on page four."]


# a page whose only comment is the comment region itself, its header naming author and date
LONE_REGION = ARTICLE + """
<div class="comment"><div class="comment_header"><div class="comment_name"><span><a href="http://example.org"
 class="url">Jennie Park</a> writes </span></div><div class="comment_date">11/09/12 at 11:18 am</div></div>
 <p>This is so pretty and looks simple enough, I will try it this weekend!</p></div></body></html>"""

# a wrapper class naming who wrote the comment ("authored-by-None") is not the author's name nor a meta block
AUTHORED_BY = ARTICLE + """
<div class="journal-comment-area-wrapper"><div id="comments" class="journal-comment-area">
 <h3 class="caption">Reader Comments (1)</h3>
 <div class="comment-wrapper authored-by-None"><div class="comment" id="comment18">
  <div class="body"><p>I'm going to have to rethink "education."</p></div>
  <div class="signature">July 31, 2012 | <a href="/contributor/2">PW</a></div></div></div>
</div></div></body></html>"""


def test_a_lone_comment_region_with_author_and_date_is_one_comment() -> None:
    comments = extract_comments(load_html(LONE_REGION), "p")
    assert [(c.author, c.published, c.text) for c in comments] == [
        ("Jennie Park", "2012-11-09T11:18:00",
         "This is so pretty and looks simple enough, I will try it this weekend!")]


def test_an_authored_by_wrapper_keeps_the_comment_text() -> None:
    assert [t for _, _, t in _comments(AUTHORED_BY)] == ['I\'m going to have to rethink "education."']
