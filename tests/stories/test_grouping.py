"""Grouping pages into stories: same event together (also across languages), unrelated apart."""

import numpy as np

from storytrace.stories import find_stories
from storytrace.stories.grouping import group, near_duplicate_pairs

from .conftest import shell

FLOOD_EN = shell("a", "Floods force 3,000 people from their homes in Valencia",
                 "Heavy rain flooded the Spanish city of Valencia on Tuesday, forcing 3,000 residents to leave their "
                 "homes. Emergency services said two people were missing.")
FLOOD_DE = shell("b", "Hochwasser in Valencia: 3.000 Menschen verlassen ihre Häuser",
                 "Starker Regen hat am Dienstag die spanische Stadt Valencia überflutet. 3.000 Einwohner mussten ihre "
                 "Häuser verlassen, zwei Menschen werden vermisst.", language="de")
FLOOD_EN2 = shell("c", "Valencia floods: thousands evacuated as rain batters Spain",
                  "Torrential rain hit Valencia on Tuesday. Around 3,000 people were evacuated and rescuers are "
                  "searching for two missing people, the regional emergency service said.")
BANK = shell("d", "Central bank raises interest rates to 5.25 percent",
             "The central bank raised its main interest rate by a quarter point on Thursday, citing inflation that "
             "remains above its target.")
FOOTBALL = shell("e", "United beat City 2-1 in the derby",
                 "A late goal gave United a 2-1 win over City on Sunday in front of 74,000 fans.")


def test_same_story_grouped_across_languages_and_unrelated_pages_left_alone(encoder):
    stories = find_stories([FLOOD_EN, BANK, FLOOD_DE, FOOTBALL, FLOOD_EN2], encoder=encoder)
    assert len(stories) == 1
    (story,) = stories
    assert {p["id"] for p in story["pages"]} == {FLOOD_EN.id, FLOOD_DE.id, FLOOD_EN2.id}
    assert story["languages"] == ["de", "en"]


def test_no_story_from_unrelated_pages(encoder):
    assert find_stories([BANK, FOOTBALL, FLOOD_EN], encoder=encoder) == []


def test_one_page_makes_no_story(encoder):
    assert find_stories([FLOOD_EN], encoder=encoder) == []


def test_near_duplicates_found_by_minhash():
    text = " ".join(f"word{i}" for i in range(200))
    edited = text.replace("word50 ", "changed ")
    pairs = near_duplicate_pairs([text, "something else entirely " * 10, edited])
    assert pairs == {(0, 2)}


def test_average_linkage_cuts_a_chain_of_links():
    # a-b and b-c are above the threshold, a-c far below: the chain must not make one story of all three
    a = np.array([1.0, 0.0, 0.0])
    c = np.array([0.0, 1.0, 0.0])
    b = (a + c) / np.linalg.norm(a + c)
    groups = group(np.stack([a, b, c]).astype(np.float32), threshold=0.6)
    assert len(groups) == 2


def test_near_duplicates_join_even_below_the_embedding_threshold():
    vectors = np.eye(3, dtype=np.float32)
    assert group(vectors, threshold=0.5, duplicates={(0, 2)}) == [[0, 2], [1]]


def _templated(n):
    body = ("Officials said that {n} workers would arrive in the region by the end of the month, while critics "
            "warned that the plan had not been discussed with local authorities or residents.")
    return [shell(f"{i:x}", f"Workers to arrive in the region ({i})", body.format(n=1000 + i)) for i in range(n)]


def test_a_large_group_compares_each_page_with_its_centre_only(encoder, monkeypatch):
    from storytrace.stories import story as story_module

    (story,) = find_stories(_templated(12), encoder=encoder)
    assert len(story["pages"]) == 12 and len(story["relations"]) == 11
    monkeypatch.setattr(story_module, "MAX_COMPARED", 5)
    (story,) = find_stories(_templated(12), encoder=encoder)
    assert len(story["relations"]) == 4 and story["compared_pages"] == 5
    assert 0.5 < story["similarity"] <= 1.0


def test_similar_pairs_keep_only_the_nearest_neighbours(monkeypatch):
    from storytrace.stories import grouping

    monkeypatch.setattr(grouping, "NEIGHBOURS", 2)
    vectors = np.ones((6, 3), dtype=np.float32) / np.sqrt(3)
    pairs = {(i, j) for i, j, _ in grouping.similar_pairs(vectors, 0.5)}
    assert len(pairs) <= 6 * 2 and len(grouping.group(vectors, 0.5)) == 1


def _reference_components(n, pairs):
    """Connected components by a plain graph search, members ascending, sorted by first member."""
    neighbours = {i: set() for i in range(n)}
    for i, j in pairs:
        neighbours[i].add(j)
        neighbours[j].add(i)
    seen, out = set(), []
    for start in range(n):
        if start in seen:
            continue
        stack, members = [start], set()
        while stack:
            node = stack.pop()
            if node not in members:
                members.add(node)
                stack.extend(neighbours[node] - members)
        seen |= members
        out.append(sorted(members))
    return out


def test_links_kept_as_int32_arrays_give_the_linked_components(monkeypatch):
    from storytrace.stories import grouping

    rng = np.random.default_rng(7)
    centres = rng.normal(size=(6, 8))
    vectors = centres[rng.integers(0, 6, 300)] + rng.normal(scale=0.6, size=(300, 8))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    duplicates = {(int(i), int(j)) for i, j in np.sort(rng.integers(0, 300, (40, 2)), axis=1) if i != j}
    rows, cols = (np.array(x, dtype=np.int32) for x in zip(*sorted(duplicates), strict=True))
    # the same groups from pairs and from arrays, through average linkage and leader clustering
    assert group(vectors, 0.6, duplicates) == group(vectors, 0.6, (rows, cols))
    monkeypatch.setattr(grouping, "MAX_LINKAGE", 10)
    assert group(vectors, 0.6, duplicates) == group(vectors, 0.6, (rows, cols))
    # without the cut inside components, the groups are exactly the connected components of all links
    monkeypatch.setattr(grouping, "_average_linkage", lambda members, *_: [members])
    monkeypatch.setattr(grouping, "_leaders", lambda members, *_: [members])
    links = {(i, j) for i, j, _ in grouping.similar_pairs(vectors, 0.6)} | duplicates
    assert group(vectors, 0.6, (rows, cols)) == _reference_components(300, links)
    assert len(group(vectors, 0.6, (rows, cols))) < 300


def test_near_duplicate_links_are_int32_arrays():
    from storytrace.stories.grouping import minhash_signature, signature_links

    text = " ".join(f"word{i}" for i in range(200))
    texts = [text, "something else entirely " * 10, text.replace("word50 ", "changed ")]
    signatures = np.stack([minhash_signature(t) for t in texts])
    rows, cols = signature_links(signatures, np.ones(3, dtype=bool))
    assert rows.dtype == cols.dtype == np.int32
    assert set(zip(rows.tolist(), cols.tolist(), strict=True)) == near_duplicate_pairs(texts) == {(0, 2)}
