"""Comment dates keep the precision the page gives: a date alone is not midnight."""

import pytest
from trafilatura.utils import load_html

from storytrace.anatomy.html_comments import extract_comments, split_date_tail, to_iso


@pytest.mark.parametrize(("text", "iso"), [
    ("March 3, 2009 at 4:15 pm", "2009-03-03T16:15:00"),
    ("3 March 2009 16:15:22 GMT", "2009-03-03T16:15:22+00:00"),
    ("Posted on 7/12/2012 at 00:00", "2012-07-12T00:00:00"),
    ("March 3, 2009", "2009-03-03"),
    ("July 2012", "2012-07"),
    ("2011-01-31T09:59:00+01:00", "2011-01-31T09:59:00+01:00"),
])
def test_to_iso_keeps_precision(text: str, iso: str) -> None:
    assert to_iso(text) == iso


@pytest.mark.parametrize("text", ["", "Reply", "12 Fans", "1850-01-01"])
def test_to_iso_rejects_non_dates(text: str) -> None:
    assert to_iso(text) is None


@pytest.mark.parametrize(("text", "name", "date"), [
    ("dress11 July 25, 2012 2:14 AM EDT", "dress11", "2012-07-25T02:14:00"),
    ("Paulo Coelho June 29, 2012 at 11:24 pm", "Paulo Coelho", "2012-06-29T23:24:00"),
    ("Martin Edwards Aug 08, 2012 @ 16:44:30", "Martin Edwards", "2012-08-08T16:44:30"),
    ("Sam May 3, 2011", "Sam", "2011-05-03"),
    ("May Smith", "May Smith", None),
    ("Agent 47", "Agent 47", None),
    ("Mary 2 Cents", "Mary 2 Cents", None),
])
def test_split_date_tail(text: str, name: str, date: str | None) -> None:
    assert split_date_tail(text) == (name, date)


def test_a_date_in_the_author_element_goes_to_the_date() -> None:
    # CNET-style markup: the name and the date share one element; every comment once got its own "author"
    items = "".join(
        f'<dl><dt class="author"><span>by <b>{name}</b></span> July 25, 2012 2:1{i} AM EDT</dt>'
        f'<dd class="comment-body">{text}</dd></dl>'
        for i, (name, text) in enumerate([("dress11", "First comment here, long enough to count as one."),
                                          ("dress11", "Second comment from the same reader, also long enough."),
                                          ("ann", "A third comment by someone else entirely, for good measure.")]))
    page = f'<html><body><article><p>{"Body text. " * 40}</p></article><div id="comments" class="comments">{items}</div></body></html>'
    comments = extract_comments(load_html(page), "p")
    assert [(c.author, c.published) for c in comments] == [
        ("dress11", "2012-07-25T02:10:00"), ("dress11", "2012-07-25T02:11:00"), ("ann", "2012-07-25T02:12:00")]


def test_movable_type_by_name_classes_do_not_split_a_thread() -> None:
    # Schneier on Security: <div class="commentbody by-geraldanthro">; the per-author class made every
    # comment look unlike its siblings, so none was found
    items = "".join(
        f'<div class="commentbody by-{name}"><a name="c{i}"></a><div id="c{i}"><p>{text}</p></div>'
        f'<p class="posted">Posted by: {name} at <a href="#c{i}">November  8, 2012  1:5{i} PM</a></p></div>'
        for i, (name, text) in enumerate([("geraldanthro", "More than cyber rocks, years in the networks."),
                                          ("charjk", "Engineering not sexy? Awwww, that is a shame."),
                                          ("boog", "You know it is a good essay because it mentions hobbits.")]))
    page = (f'<html><body><div class="entry"><p>{"Essay text. " * 60}</p></div>'
            f'<div class="commentform"><h2 id="comments">Comments</h2></div>{items}</body></html>')
    comments = extract_comments(load_html(page), "p")
    assert [(c.author, c.published) for c in comments] == [
        ("geraldanthro", "2012-11-08T13:50:00"), ("charjk", "2012-11-08T13:51:00"), ("boog", "2012-11-08T13:52:00")]


def test_definition_list_threads_take_the_name_from_their_own_dt() -> None:
    # Thesis theme: <dt>name</dt><dd>text [<dl class="children"><dt>reply name</dt><dd>reply</dd></dl>]</dd>;
    # the reply's name inside the parent's <dd> was given to the parent (misattribution)
    def item(i: int, name: str, text: str, children: str = "") -> str:
        return (f'<dt class="comment depth-1" id="comment-{i}"><span class="comment_author">{name}</span></dt>'
                f'<dd class="comment depth-1"><div class="format_text"><p>{text}</p></div>{children}</dd>')
    reply = '<dl class="children">' + item(3, "Chris Host", "It will show up within the next day, promised.") + "</dl>"
    thread = (item(1, "Gibbo", "Brilliant, you have managed to smash all my reservations.")
              + item(2, "Robert", "Not seeing the update path appear in my installed site yet.", reply)
              + item(4, "Thomas", "Least this will be the last time I have to use a dev version."))
    page = f'<html><body><article><p>{"Post text. " * 60}</p></article><dl id="comment_list">{thread}</dl></body></html>'
    comments = extract_comments(load_html(page), "p")
    assert [(c.author, c.text.split()[0]) for c in comments] == [
        ("Gibbo", "Brilliant,"), ("Robert", "Not"), ("Chris Host", "It"), ("Thomas", "Least")]
    assert comments[2].parent_id == comments[1].id
    assert "Chris Host" not in comments[1].text


def _dl_thread(item) -> list:
    texts = ["Brilliant, you have managed to smash all my reservations.",
             "Not seeing the update path appear in my installed site yet.",
             "Least this will be the last time I have to use a dev version."]
    thread = "".join(item(i, n, t) for i, (n, t) in enumerate(zip(("Gibbo", "Robert", "Thomas"), texts, strict=True)))
    page = (f'<html><body><article><p>{"Post text. " * 60}</p></article>'
            f'<dl id="comment_list" class="comments">{thread}</dl></body></html>')
    return [(c.author, c.published) for c in extract_comments(load_html(page), "p")]


def test_definition_list_items_keep_their_own_meta_when_the_dt_has_none() -> None:
    got = _dl_thread(lambda i, n, t: f'<dt class="comment">#{i + 1}</dt><dd class="comment">'
                                     f'<span class="comment-author">{n}</span><p>{t}</p>'
                                     f'<span class="comment-date">March {i + 3}, 2009 at 4:15 pm</span></dd>')
    assert got == [("Gibbo", "2009-03-03T16:15:00"), ("Robert", "2009-03-04T16:15:00"), ("Thomas", "2009-03-05T16:15:00")]


def test_definition_list_byline_in_the_dt() -> None:
    assert _dl_thread(lambda i, n, t: f'<dt class="comment-author">{n}</dt><dd class="comment-text"><p>{t}</p></dd>') \
        == [("Gibbo", None), ("Robert", None), ("Thomas", None)]
    assert _dl_thread(lambda i, n, t: f'<dt class="comment">Posted by {n} on March {i + 3}, 2009</dt>'
                                      f'<dd class="comment"><p>{t}</p></dd>') \
        == [("Gibbo", "2009-03-03"), ("Robert", "2009-03-04"), ("Thomas", "2009-03-05")]


def test_a_reply_date_is_not_its_parents() -> None:
    def li(i: int, name: str, text: str, date: str | None = None, children: str = "") -> str:
        meta = f'<div class="comment-meta"><span class="comment-author">{name}</span>{(" " + date) if date else ""}</div>'
        return f'<li class="comment" id="c{i}">{meta}<div class="comment-content"><p>{text}</p></div>{children}</li>'
    reply = '<ul class="children">' + li(9, "Bob", "I reply to you with a long enough comment text here.",
                                         "March 9, 2011 at 4:15 pm") + "</ul>"
    thread = (li(1, "Ann", "A first comment without a date but long enough text.", None, reply)
              + li(2, "Cy", "A second comment, also without a date, long enough."))
    page = (f'<html><body><article><p>{"Post text. " * 60}</p></article>'
            f'<ol id="comments" class="commentlist">{thread}</ol></body></html>')
    got = {c.text.split()[0]: c.published for c in extract_comments(load_html(page), "p")}
    assert got["A"] is None and got["I"] == "2011-03-09T16:15:00"


@pytest.mark.parametrize(("text", "iso"), [("2012", "2012"), ("Guest 201207", None)])
def test_year_alone_and_digit_user_names(text: str, iso: str | None) -> None:
    assert (to_iso(text) if " " not in text else split_date_tail(text)[1]) == iso


def _wordpress_thread(name: str, meta_inner: str) -> str:
    items = "".join(
        f'<li class="comment" id="comment-{i}"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">{name}</b></div>{meta_inner}</footer>'
        f'<div class="comment-content"><p>Comment number {i} says something long enough to count.</p></div>'
        f'</article></li>' for i in range(2))
    return (f'<html><body><article><p>{"Body text. " * 40}</p></article>'
            f'<div id="comments" class="comments-area"><ol class="comment-list">{items}</ol></div></body></html>')


@pytest.mark.parametrize("name", ["mike12", "Ann1", "jen_7", "Bob 2", "Carol"])
def test_the_datetime_attribute_wins_over_a_name_with_digits(name: str) -> None:
    # review s12 #7: the footer "comment-meta" (a date-named block) was read as text first: "mike12 June 1,
    # 2021 at 10:02 am" -> 2001-06-12; the <time datetime> inside it is what the page means
    meta = '<time datetime="2021-06-01T10:02:00+00:00">June 1, 2021 at 10:02 am</time>'
    comments = extract_comments(load_html(_wordpress_thread(name, meta)), "p")
    assert [(c.author, c.published) for c in comments] == [(name, "2021-06-01T10:02:00+00:00")] * 2


@pytest.mark.parametrize("name", ["mike12", "Bob 2"])
def test_a_name_is_not_read_as_part_of_a_text_date(name: str) -> None:
    # no machine-readable date: the meta block's text without the author element is the date
    meta = '<span class="when">June 1, 2021 at 10:02 am</span>'
    comments = extract_comments(load_html(_wordpress_thread(name, meta)), "p")
    assert [(c.author, c.published) for c in comments] == [(name, "2021-06-01T10:02:00")] * 2
