"""The page title is the headline, not the blog's name or a "Share this:" heading (found on Dragnet blogs)."""

from __future__ import annotations

from trafilatura.utils import load_html

from storytrace.anatomy.html import choose_title, page_metadata

BODY = "<p>" + "The council met on Tuesday and agreed the budget after a long debate. " * 12 + "</p>"


def _title(html: str) -> tuple[str | None, str | None]:
    tree = load_html(html)
    meta = page_metadata(tree, None)
    return choose_title(tree, meta.title, meta.sitename)


def test_blog_name_in_the_only_h1_gives_way_to_the_post() -> None:
    html = ('<html><head><title>The Fall Funnel of Fun « Quiet Librarian</title></head><body>'
            '<h1><a href="https://quietlibrarian.example/">Quiet Librarian</a></h1>'
            f'<h2>The Fall Funnel of Fun</h2>{BODY}</body></html>')
    assert _title(html) == ("The Fall Funnel of Fun", "Quiet Librarian")


def test_blog_name_first_with_a_colon() -> None:
    html = ('<html><head><title>Schooled Daily: How Study Groups Disband</title></head><body>'
            '<h1><a href="/">Schooled Daily</a></h1><div class="date">November 9, 2012</div>'
            f'{BODY}</body></html>')
    assert _title(html)[0] == "How Study Groups Disband"


def test_share_this_heading_is_not_the_title() -> None:
    html = ('<html><head><title>Site Blog | 5 videos of a man walking on wire</title></head><body>'
            '<h1>Site Blog</h1><h1>5 videos of a man walking on wire</h1>'
            f'{BODY}<h3 class="sd-title">Share this:</h3></body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Share this:", "Site Blog") == ("5 videos of a man walking on wire", "Site Blog")


def test_news_headline_with_site_suffix_stays() -> None:
    html = ('<html><head><title>Council agrees budget after long debate | Town Post</title></head><body>'
            '<h1>Council agrees budget after long debate</h1><h3><a href="/">Town Post</a></h3>'
            f'{BODY}</body></html>')
    assert _title(html)[0] == "Council agrees budget after long debate"


def test_a_site_name_that_only_repeats_the_title_is_replaced_by_the_other_part() -> None:
    html = ('<html><head><title>Hitachi in U.K. Nuclear Bid - WSJ.com</title></head><body>'
            f'<h1>Hitachi in U.K. Nuclear Bid</h1>{BODY}</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Hitachi in U.K. Nuclear Bid", "Hitachi in U.K. Nuclear Bid") == (
        "Hitachi in U.K. Nuclear Bid", "WSJ.com")


def test_a_short_real_headline_is_kept_without_evidence() -> None:
    # "Alien Surface" shares no word with a generic <title>, but no heading confirms the <title>
    html = ('<html><head><title>Tutorials, Plug-ins and Stock Footage for Post Production</title></head><body>'
            f'<h1>Alien Surface</h1>{BODY}</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Alien Surface", None) == ("Alien Surface", None)


def test_a_site_name_that_is_the_post_becomes_the_blog_name() -> None:
    html = ('<html><head><title>Im in.. Are YOU in? - Virtual Nerd</title></head><body>'
            f'<h1><a href="/">Virtual Nerd</a></h1><h3>Im in.. Are YOU in?</h3>{BODY}</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Virtual Nerd", "Im in.. Are YOU in?") == ("Im in.. Are YOU in?", "Virtual Nerd")


def test_chrome_title_gives_way_to_the_confirmed_part_of_title() -> None:
    # <title> "Post | Blog: The Shop Blog" with the post as a heading of its own; "Follow Us!" is a sidebar heading
    html = ('<html><head><title>Bringing Up The Barn | Hatch: The Design Shop Blog</title></head><body>'
            f'<h3>Bringing Up The Barn</h3>{BODY}<h2>Follow Us!</h2><h2>Archives</h2></body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Follow Us!", None)[0] == "Bringing Up The Barn"


def test_a_banner_heading_linking_home_does_not_confirm_a_title() -> None:
    html = ('<html><head><title>Auto cars 123 - Car Reviews</title></head><body>'
            f'<h1><a href="/">Auto cars 123 - Car Reviews</a></h1><h2>Lancia Delta Review</h2>{BODY}</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Lancia Delta Review", None)[0] == "Lancia Delta Review"


def test_a_title_that_only_starts_the_site_name_is_kept() -> None:
    # the rest of <title> is the site itself: "Coffee" is the headline, not the site's name
    tree = load_html(f"<html><head><title>Coffee | Coffee Time</title></head><body><h1>Coffee</h1>{BODY}</body></html>")
    assert choose_title(tree, "Coffee", "Coffee Time") == ("Coffee", "Coffee Time")
    tree = load_html(f"<html><head><title>Art | Smart Money</title></head><body><h1>Art</h1>{BODY}</body></html>")
    assert choose_title(tree, "Art", "Smart Money") == ("Art", "Smart Money")


def test_an_anchor_or_permalink_is_not_a_link_home() -> None:
    html = ('<html><head><title>Coffee | Weekly beans roundup news</title></head><body>'
            f'<h2><a href="#comments">Coffee</a></h2>{BODY}</body></html>')
    assert choose_title(load_html(html), "Coffee", None)[0] == "Coffee"


def test_a_malformed_link_does_not_fail_the_page() -> None:
    from storytrace.anatomy.html import split_html
    from storytrace.records import Page
    from storytrace.settings import Options

    html = ("<html><head><title>Rand's Blog | Why I moved to Berlin this year</title></head><body>"
            f"<h1><a href='http://[oops'>Rand's Blog</a></h1>{BODY}</body></html>")
    page = split_html(html, Page(id="x", source="x"), Options())
    assert page.title == "Rand's Blog" and page.body


def test_a_sidebar_box_heading_is_not_the_title() -> None:
    html = ('<html><head><title>First color panorama from Curiosity | Bad Astronomy | Discover</title></head><body>'
            '<h2><a href="/blog/2012/08/09/first-color-panorama/">First color panorama from Curiosity</a></h2>'
            f'{BODY}<ul><li class="widget widget_text"><h2 class="widgettitle">About Bad Astronomy</h2></li></ul>'
            '</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "About Bad Astronomy", None)[0] == "First color panorama from Curiosity"


def test_a_headline_also_shown_in_a_related_box_stays() -> None:
    html = ('<html><head><title>Council agrees budget | Town Post</title></head><body>'
            f'<h1>Council agrees budget</h1>{BODY}<div class="related"><h3>Council agrees budget</h3></div>'
            '</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Council agrees budget", "Town Post")[0] == "Council agrees budget"


def test_a_blog_name_with_a_separator_of_its_own_gives_way_to_the_post() -> None:
    # session 15 review: "Ann Lee | notes" (the only <h1>, linking to the blog) stayed the title of every post,
    # because the name itself holds a "|" and so was never found among the parts of <title>
    html = ('<html><head><title>Ann Lee | notes » Three conversations for parents about networks</title></head>'
            '<body><h1><a href="https://annlee.example/notes/">Ann Lee | notes</a></h1>'
            f'<h2>Three conversations for parents about networks</h2>{BODY}</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Ann Lee | notes", None)[0] == "Three conversations for parents about networks"


def test_a_logo_heading_linking_home_gives_way_to_the_title_element() -> None:
    # session 15 review: a news site's logo <h1><a href="/">엔터 미디어</a></h1> was the title; the headline is only
    # in <title>, before the site's name
    html = ('<html><head><title>Council agrees budget after long debate - Townpost</title></head><body>'
            f'<h1 id="site-title"><a href="/">Town Post Daily</a></h1>{BODY}</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Town Post Daily", None)[0] == "Council agrees budget after long debate"


def test_the_blog_name_is_cut_from_the_title_element_it_gives_way_to() -> None:
    html = ('<html><head><title>  &raquo; Create a Superhealth Community :quietblog</title></head><body>'
            f'<section id="sidebar"><h1><a href="/">quietblog</a></h1></section>{BODY}</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "quietblog", None)[0] == "Create a Superhealth Community"


def test_the_post_keeps_its_own_colon_when_the_blog_name_is_cut() -> None:
    html = ('<html><head><title>Ann Lee | notes » Free Speech and Visibility: Protesting Racist Ads</title></head>'
            '<body><h1><a href="https://annlee.example/notes/">Ann Lee | notes</a></h1>'
            f'<h2>Free Speech and Visibility: Protesting Racist Ads</h2>{BODY}</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Ann Lee | notes", None)[0] == "Free Speech and Visibility: Protesting Racist Ads"


def test_a_logo_heading_inside_a_link_home_is_the_site_banner() -> None:
    # the link may wrap the heading: <a href="/"><h1>Town Post Daily</h1></a>
    html = ('<html><head><title>Council agrees budget after long debate - Townpost</title></head><body>'
            f'<div id="site-title"><a href="/"><h1>Town Post Daily</h1></a></div>{BODY}</body></html>')
    tree = load_html(html)
    assert choose_title(tree, "Town Post Daily", None)[0] == "Council agrees budget after long debate"


def test_a_chrome_title_replaced_by_the_post_does_not_leave_the_post_as_the_site() -> None:
    # Dragnet train page 281: trafilatura's title is a newsletter box's heading, its site name the post; once the
    # post is the title, the rest of <title> names the site (it was "site": the post, and JSON-LD's publisher)
    html = ('<html><head><title>Must. Eat. Everything. (The Astoria Sunday Market Edition.) | The Everywhereist'
            '</title></head><body><h2>Must. Eat. Everything. (The Astoria Sunday Market Edition.)</h2>'
            f'{BODY}<h3>Newsletter subscription status</h3></body></html>')
    tree = load_html(html)
    post = "Must. Eat. Everything. (The Astoria Sunday Market Edition.)"
    assert choose_title(tree, "Newsletter subscription status", post) == (post, "The Everywhereist")
