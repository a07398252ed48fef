"""Resume: an interrupted analyze keeps its finished pages in the store, and a re-run reuses them."""

import json
import sqlite3

from storytrace.cli import main
from tests.conftest import GOOD_HTML

FAST = ["--quiet", "--no-facts", "--no-comments", "--no-stories"]


def _pages(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):  # distinct content: distinct page ids
        (folder / f"p{i}.html").write_text(GOOD_HTML.replace("said on Tuesday", f"said on Tuesday (report {i})"),
                                           encoding="utf-8")
    return folder


def _stored_pages(db):
    with sqlite3.connect(db) as con:
        return con.execute("SELECT COUNT(*) FROM pages").fetchone()[0]


def _interrupt_writer_at(monkeypatch, nth):
    """Ctrl-C while the dossier writer handles the nth page (the pages before it are finished)."""
    from storytrace.report import write

    real_add, seen = write.DossierWriter.add, []

    def add(self, result):
        seen.append(result)
        if len(seen) == nth:
            raise KeyboardInterrupt
        return real_add(self, result)

    monkeypatch.setattr(write.DossierWriter, "add", add)


def test_resume_ctrl_c_keeps_every_finished_page_in_the_store(tmp_path, monkeypatch, capsys):
    inputs, out = _pages(tmp_path / "in", 5), tmp_path / "out"
    _interrupt_writer_at(monkeypatch, 2)
    assert main(["analyze", str(inputs), "--out", str(out), *FAST]) == 130
    # the five pages were analysed together (one batch): all five reach the store, not only those written so far
    assert _stored_pages(out / "storytrace.sqlite") == 5
    assert sorted(p.name for p in out.iterdir()) == [".storytrace-output", "pages", "storytrace.sqlite"]  # no .part, no temp folder
    assert "run the same command again" in capsys.readouterr().err


def test_resume_rerun_reuses_stored_pages_and_writes_the_whole_dossier(tmp_path, monkeypatch, capsys):
    from storytrace import anatomy

    inputs, out = _pages(tmp_path / "in", 5), tmp_path / "out"
    (inputs / "empty.html").write_bytes(b"")
    _interrupt_writer_at(monkeypatch, 2)
    assert main(["analyze", str(inputs), "--out", str(out), *FAST]) == 130
    monkeypatch.undo()
    capsys.readouterr()

    analysed = []
    real_split = anatomy.split_page

    def counting_split(raw, *args, **kwargs):
        analysed.append(raw.source)
        return real_split(raw, *args, **kwargs)

    monkeypatch.setattr(anatomy, "split_page", counting_split)
    assert main(["analyze", str(inputs), "--out", str(out), *FAST]) == 3  # the empty input still fails
    assert analysed == []  # nothing analysed again: every page came from the store
    err = capsys.readouterr().err
    assert "5 page(s) analysed, 1 input(s) failed" in err and "5 reused from the store" in err
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert len(dossier["pages"]) == 5 and len(dossier["failures"]) == 1
    assert sorted(p["source"].rsplit("/", 1)[-1] for p in dossier["pages"]) == [f"p{i}.html" for i in range(5)]


def test_resume_redo_and_changed_options_analyse_again(tmp_path, monkeypatch, capsys):
    from storytrace import anatomy

    inputs, out = _pages(tmp_path / "in", 2), tmp_path / "out"
    assert main(["analyze", str(inputs), "--out", str(out), *FAST]) == 0
    analysed = []
    real_split = anatomy.split_page
    monkeypatch.setattr(anatomy, "split_page", lambda raw, *a, **k: analysed.append(raw.source) or real_split(raw, *a, **k))
    assert main(["analyze", str(inputs), "--out", str(out), *FAST, "--redo"]) == 0
    assert len(analysed) == 2 and "reused" not in capsys.readouterr().err
    analysed.clear()
    assert main(["analyze", str(inputs), "--out", str(out), *FAST, "--comment-chrome"]) == 0  # other options
    assert len(analysed) == 2
    analysed.clear()
    # options that do not change a page (stories, timeouts, workers) still reuse the pages stored just before
    same = ["--comment-chrome", "--timeout", "3", "--allow-private-addresses"]
    assert main(["analyze", str(inputs), "--out", str(out), *FAST[:-1], *same]) == 0
    assert analysed == [] and "2 reused from the store" in capsys.readouterr().err
