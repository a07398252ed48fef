"""The stories stage in bounded memory: the streaming CLI (shells spilled to a temp file, grouping signals in
memory) finds exactly the stories of the in-memory pipeline, and the spilled store never outlives the writer."""

import json
import shutil

import numpy as np
import pytest

import storytrace
from storytrace.api import demo_corpus
from storytrace.cli import main
from storytrace.records import Page
from storytrace.report.write import DossierWriter
from storytrace.stories import MemoryShellStore, SpilledShellStore, StoryPages
from storytrace.stories.collect import EMBED_BATCH, _stack_vectors

from .conftest import shell

ARTICLE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article>"
           "</body></html>")
FLOOD = [("Heavy rain flooded the Spanish city of Valencia on Tuesday, forcing 3,000 residents to leave their "
          "homes, officials said."), "Emergency services said two people were missing and 40 roads were closed."]
FLOOD_REWRITE = [("Torrential rain hit Valencia on Tuesday and about 3,000 people were evacuated, the regional "
                  "emergency service said."), "Two people are missing; 25 roads and 15 bridges were closed."]
BANK = [("The central bank raised its main interest rate by a quarter point on Thursday, citing inflation that "
         "remains above its target of 2 percent.")]


def _article(title, paragraphs):
    return ARTICLE.format(title=title, paragraphs="".join(f"<p>{p}</p>" for p in paragraphs))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The two seed pages and synthetic pages: a copy, a rewrite and an unrelated page."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in sorted(demo_corpus().iterdir()):
        shutil.copyfile(seed, folder / seed.name)
    (folder / "flood.html").write_text(_article("Floods force 3,000 people from their homes in Valencia", FLOOD))
    (folder / "flood_copy.html").write_text(_article("Floods force 3,000 people from their homes in Valencia",
                                                     [*FLOOD, "Share this article."]))
    (folder / "flood_rewrite.html").write_text(_article("Valencia floods: 3,000 evacuated", FLOOD_REWRITE))
    (folder / "bank.html").write_text(_article("Central bank raises interest rates", BANK))
    return folder


def test_streaming_cli_finds_the_same_stories_as_the_in_memory_pipeline(corpus, tmp_path):
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "--out", str(out), "--quiet", "--no-comments", "--strict"]) == 0
    streamed = json.loads((out / "dossier.json").read_text())["stories"]
    in_memory = storytrace.analyze([corpus], with_comments=False, progress=False, strict=True).stories
    assert len(streamed) == 2  # the seeds, and the flood pages
    assert streamed == json.loads(json.dumps(in_memory))


def _templated(n):
    body = ("Officials said that {n} workers would arrive in the region by the end of the month, while critics "
            "warned that the plan had not been discussed with local authorities or residents.")
    return [shell(f"{i:x}", f"Workers to arrive in the region ({i})", body.format(n=1000 + i))
            for i in range(16, 16 + n)]


def test_spilled_and_in_memory_stores_give_the_same_stories_over_several_embedding_batches(encoder, tmp_path):
    shells = _templated(EMBED_BATCH + 10)
    shells.insert(30, shell("f", "Floods force 3,000 people from their homes in Valencia", *FLOOD))
    shells.append(shell("e", "Valencia floods: 3,000 evacuated", *FLOOD_REWRITE))
    found = []
    for store in (MemoryShellStore(), SpilledShellStore(tmp_path / "shells.sqlite")):
        pages = StoryPages(lambda: encoder, store)
        for s in shells:
            pages.add(s)
        found.append(pages.stories())
        pages.close()
    assert len(found[0]) == 2 and found[0] == found[1]
    assert not (tmp_path / "shells.sqlite").exists()


def test_spilled_store_gives_back_full_shells_and_light_heads(tmp_path):
    store = SpilledShellStore(tmp_path / "shells.sqlite")
    shells = [shell("a", "Floods in Valencia", *FLOOD), shell("b", "Lone \ud800 surrogate", "Body text here.")]
    for s in shells:
        store.add(s)
    assert store.shells([1, 0]) == shells[::-1]
    (head,) = store.heads([0])
    assert (head.id, head.title, head.text, head.claims) == (shells[0].id, shells[0].title, "", [])
    store.close()


def _page(i):
    return Page(id=f"{i:016x}", source=f"{i}.html", title=f"Floods in Valencia {i}", body=FLOOD)


def _spilled_files(out):
    return list(out.glob("storytrace-*/story_shells.sqlite"))


def test_spilled_store_is_removed_when_the_writer_closes(tmp_path):
    writer = DossierWriter(tmp_path, story_encoder=_no_encoder)
    writer.add(_page(1))
    assert len(_spilled_files(tmp_path)) == 1
    writer.close()
    assert _spilled_files(tmp_path) == [] and not list(tmp_path.glob("storytrace-*"))


def test_spilled_store_is_removed_when_the_run_fails(tmp_path):
    with pytest.raises(RuntimeError), DossierWriter(tmp_path, story_encoder=_no_encoder) as writer:
        writer.add(_page(1))
        raise RuntimeError("crash mid-run")
    assert _spilled_files(tmp_path) == [] and not list(tmp_path.glob("storytrace-*"))


def _no_encoder():
    raise AssertionError("one page needs no encoder")


class _BrokenEncoder:
    def encode(self, texts):
        raise RuntimeError("encoder exploded")


def test_an_encoder_failure_while_streaming_is_raised_by_stories_not_by_add(tmp_path):
    writer = DossierWriter(tmp_path, story_encoder=_BrokenEncoder)
    for i in range(EMBED_BATCH + 1):  # the first batch is embedded while pages arrive
        writer.add(_page(i))
    with pytest.raises(RuntimeError, match="encoder exploded"):
        writer.story_pages.stories()
    writer.close()
    assert not list(tmp_path.glob("storytrace-*"))


def test_embedded_batches_are_stacked_once_and_freed():
    blocks = [np.full((3, 4), 1, dtype=np.float32), np.zeros((2, 0), dtype=np.float32),
              np.full((1, 4), 2, dtype=np.float32)]
    expected = np.concatenate([blocks[0], np.zeros((2, 4), dtype=np.float32), blocks[2]])
    stacked = _stack_vectors(blocks)
    assert blocks == [] and stacked.dtype == np.float32 and np.array_equal(stacked, expected)
    single = [expected]
    assert _stack_vectors(single) is expected and single == []
