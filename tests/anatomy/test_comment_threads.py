"""Reply structure from threads drawn flat, with the nesting level only in a class."""

from trafilatura.utils import load_html

from storytrace.anatomy.html_comments import extract_comments


def _flat_thread(levels: list[int], wrapper: bool) -> str:
    items = []
    for i, level in enumerate(levels):
        body = f'<p class="comment-meta">by <a class="url">reader{i}</a></p><p>Comment number {i} with enough words.</p>'
        if wrapper:  # WordPress: the level is on the wrapper, the item is its comment-body
            items.append(f'<div class="comment even depth-{level}" id="comment-{i}"><div class="comment-body">{body}</div></div>')
        else:
            items.append(f'<li class="comment level-{level}">{body}</li>')
    thread = "".join(items)
    thread = f'<div id="comments" class="post-comments">{thread}</div>' if wrapper else f'<ol class="commentlist">{thread}</ol>'
    return f'<html><body><article><p>{"Body text. " * 40}</p></article>{thread}</body></html>'


def _parents(html: str) -> list[str | None]:
    return [c.parent_id for c in extract_comments(load_html(html), "p")]


def test_depth_classes_link_replies_to_the_nearest_comment_one_level_up() -> None:
    levels = [1, 1, 2, 3, 2, 1, 2]
    expected = [None, None, "p-c1", "p-c2", "p-c1", None, "p-c5"]
    assert _parents(_flat_thread(levels, wrapper=True)) == expected
    assert _parents(_flat_thread(levels, wrapper=False)) == expected


def test_a_thread_without_levels_stays_flat() -> None:
    html = _flat_thread([1, 1, 1], wrapper=True).replace(" depth-1", "")
    assert _parents(html) == [None, None, None]


def test_numbered_says_chrome_is_not_comment_text() -> None:
    items = "".join(f'<li id="comment-{i}">{i + 1}.&nbsp;&nbsp; <cite>reader{i}</cite> Says:<br/>'
                    f'<small class="commentmetadata">August 9th, 2012 at 1:1{i} pm</small>'
                    f'<div><p>Comment number {i} with enough words in it.</p></div></li>' for i in range(3))
    html = f'<html><body><article><p>{"Body text. " * 40}</p></article><ol class="commentlist">{items}</ol></body></html>'
    comments = extract_comments(load_html(html), "p")
    assert [(c.author, c.text) for c in comments] == [(f"reader{i}", f"Comment number {i} with enough words in it.")
                                                      for i in range(3)]


def _term(i: int, depth: int, replies: str = "") -> str:
    return (f'<dt class="comment depth-{depth}" id="comment-{i}"><span class="avatar"><img src="a.png"/></span> '
            f'<span class="comment_num"><a href="#comment-{i}">{i}</a></span> <span class="comment_author">reader{i}</span> '
            f'<span class="comment_time">October 2{i}, 2012 at 1:57 pm</span></dt>'
            f'<dd class="comment depth-{depth}"><div class="format_text" id="comment-body-{i}">'
            f'<p>Comment number {i} with enough words.</p><p class="reply"><a>Reply</a></p></div>{replies}</dd>')


def test_author_and_date_from_the_term_before_the_comment() -> None:
    # a thread drawn as a definition list: the name and time in the <dt>, the text in the <dd>, replies nested
    thread = _term(0, 1, f'<dl class="children">{_term(1, 2)}</dl>') + _term(2, 1) + _term(3, 1)
    html = (f'<html><body><article><p>{"Body text. " * 40}</p></article>'
            f'<div id="comments"><dl id="comment_list">{thread}</dl></div></body></html>')
    comments = extract_comments(load_html(html), "p")
    assert [(c.author, c.published, c.parent_id) for c in comments] == [
        ("reader0", "2012-10-20T13:57:00", None), ("reader1", "2012-10-21T13:57:00", "p-c0"),
        ("reader2", "2012-10-22T13:57:00", None), ("reader3", "2012-10-23T13:57:00", None)]


def _page_with_commenters(byline: str) -> str:
    thread = "".join(f'<li class="comment"><div class="comment-author"><span class="authorname">{name}</span></div>'
                     f'<div class="comment-text"><p>Comment by {name} with enough words to count.</p></div></li>'
                     for name in ("Lena Marsh", "Paul Dorn", "Ann Brisk"))
    return (f'<html><body><article>{byline}<p>{"Body text of the post. " * 40}</p></article>'
            f'<div class="discussion"><ol class="commentlist">{thread}</ol></div></body></html>')


def test_the_first_commenter_is_not_the_page_author() -> None:
    from storytrace.anatomy.html import split_html
    from storytrace.records import Page
    from storytrace.settings import Options

    page = split_html(_page_with_commenters(""), Page(id="p", source="p.html"), Options())
    assert page.author is None and page.comments[0].author == "Lena Marsh"
    byline = '<p class="byline">By <span class="author">Ann Brisk</span></p>'  # the blogger answers too
    page = split_html(_page_with_commenters(byline), Page(id="p", source="p.html"), Options())
    assert page.author == "Ann Brisk"


def _slashdot_comment(i: int, name: str, replies: str = "") -> str:
    return (f'<li id="tree_{i}" class="comment oneline"><div id="comment_{i}" class="cw">'
            f'<div class="commentTop"><div class="title"><h4><a href="#c{i}">Re:</a></h4></div>'
            f'<div class="details"><span class="by"><span class="byby">by </span><a href="/~{name}">{name} '
            f'<span class="uid">(5799{i})</span></a></span><span class="writes" style="display:none"> writes:</span>'
            f'</div></div><div class="commentBody"><div id="comment_body_{i}"><p>Comment number {i} with some words.</p>'
            f'</div></div></div><ul id="commtree_{i}">{replies}</ul></li>')


def test_nested_list_item_comments_get_their_authors_and_parents() -> None:
    thread = (_slashdot_comment(1, "garaged", _slashdot_comment(2, "kcin", _slashdot_comment(3, "vlm")))
              + _slashdot_comment(4, "ballpoint"))
    html = (f'<html><body><article><p>{"Body text. " * 40}</p></article>'
            f'<section id="comments" class="a2commentwrap"><ul id="commentlisting">{thread}</ul></section></body></html>')
    comments = extract_comments(load_html(html), "p")
    assert [(c.author, c.parent_id) for c in comments] == [
        ("garaged", None), ("kcin", "p-c0"), ("vlm", "p-c1"), ("ballpoint", None)]
    assert all(c.text.startswith("Comment number") and "writes" not in c.text for c in comments)
