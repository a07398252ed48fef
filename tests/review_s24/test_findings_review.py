"""Session-24 user review ("review"): each test failed on a074760 and passes with its fix
(.scratch_notes/review_defects.md lists them)."""

from __future__ import annotations

import re

from storytrace.records import Comment, Dossier, Page
from storytrace.report import render_dossier


def _scored_page() -> Page:
    scores = {"toxic": 0.85, "insult": 0.1, "identity_attack": 0.8, "profanity": 0.0, "threat": 0.0, "sexual": 0.0}
    comments = [Comment(id="p-c0", text="First!", position=0, flags=["low_content"]),
                Comment(id="p-c1", text="muslims are vermin", position=1, parent_id="p-c0", scores=scores,
                        targets=["Muslims"], flags=["near_duplicate"],
                        evidence=[{"start": 0, "end": 7, "text": "muslims", "category": "identity_attack"}])]
    thread = {"comments": 2, "toxic_comments": ["p-c1"], "toxic_share": 0.5}
    return Page(id="p" * 16, source="p.html", body=["Body."], comments=comments, thread=thread)


def test_comments_are_numbered_from_one_in_the_html():
    """Task B: the HTML numbered comments from #0 ("Comments (27)" listed #0-#26); a reader counts from 1. The JSON
    keeps ``position`` from 0."""
    out = render_dossier(Dossier(pages=[_scored_page()]))
    assert "<div class='meta'>#1 " in out and "<div class='meta'>#2 " in out
    assert "reply to <a href='#c-p-c0'>#1</a>" in out
    toxic_row = out.split("<th>toxic (score ≥ 0.5)</th>")[1].split("</tr>")[0]
    assert "<a href='#c-p-c1'>#2</a>" in toxic_row
    assert ">#0<" not in out and "#0 " not in out


def test_score_and_flag_tags_are_human_words():
    """Task B: tags showed the stage's raw names ("identity_attack 0.80", "low_content", "near_duplicate")."""
    out = render_dossier(Dossier(pages=[_scored_page()]))
    tags = re.sub(r" title='[a-z_]+'", "", out.split("id='c-p-c0'")[1])  # the hover title keeps the JSON's name
    assert "identity_attack" not in tags
    assert "low_content" not in tags and "near_duplicate" not in tags
    assert "attack on a group 0.80" in tags
    assert "little content" in tags and "nearly the same text as another comment" in tags


def test_a_storys_similarity_and_a_relations_similarity_are_told_apart():
    """Task B: the story's "mean similarity 0.818" stood beside the relation's "meaning similarity 0.82": nearly the
    same words for numbers of different kinds (a mean over the story's page pairs, one pair's lead similarity)."""
    pages = [{"id": c * 16, "source": f"{c}.html", "title": f"Page {c}"} for c in "abc"]
    relation = {"type": "rewrite", "page": "b" * 16, "based_on": "a" * 16, "direction": "date",
                "evidence": {"shingle_jaccard": 0.03, "similarity": 0.8234}}
    story = {"id": "s0", "title": "Dam", "pages": pages, "similarity": 0.818, "relations": [relation]}
    out = render_dossier(Dossier(stories=[story]))
    assert "mean similarity" not in out
    assert "meaning similarity of the leads 0.82 on average over 3 pairs" in out
    assert "shared wording 3 % · meaning similarity of the leads 0.82<" in out
