"""A stopped or failed run never leaves a half-written output file that a reader would take as complete."""

import errno
import json
import pathlib

import pytest

from storytrace.records import Page, page_id
from storytrace.report import write
from storytrace.report.write import DossierWriter


def _page(i):
    body = f"Sappers reached the town on Tuesday, report {i}. " * 20
    return Page(id=page_id(body.encode(), f"https://example.com/{i}"), source=f"https://example.com/{i}",
                url=f"https://example.com/{i}", title=f"Report {i}", body=[body])


def _write_dossier(out, pages):
    with DossierWriter(out, keep_comments=False, keep_stories=False) as writer:
        for page in pages:
            writer.add(page)
        return writer.close()


def _disk_fills_up_in(monkeypatch, name_part):
    """The disk fills up while a file whose name holds ``name_part`` is written: half its text reaches it."""
    real_open = pathlib.Path.open

    class HalfWriter:
        def __init__(self, handle):
            self.handle = handle

        def write(self, text):
            self.handle.write(text[: len(text) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, attr):
            return getattr(self.handle, attr)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    def open_(self, mode="r", *args, **kwargs):
        handle = real_open(self, mode, *args, **kwargs)
        return HalfWriter(handle) if ("w" in mode or "x" in mode) and name_part in self.name else handle

    monkeypatch.setattr(pathlib.Path, "open", open_)


def _whole_json_files(folder):
    for path in folder.iterdir():
        assert not path.name.startswith("."), f"temp file left: {path.name}"
        json.loads(path.read_text(encoding="utf-8"))  # raises on a half-written file


@pytest.mark.parametrize("n_before", [0, 1])
def test_write_page_file_is_whole_or_absent_when_the_disk_fills(tmp_path, monkeypatch, n_before):
    pages = [_page(i) for i in range(3)]
    with DossierWriter(tmp_path, keep_comments=False, keep_stories=False) as writer:
        for page in pages[:n_before]:
            writer.add(page)
        _disk_fills_up_in(monkeypatch, pages[n_before].id)
        with pytest.raises(OSError, match="No space"):
            writer.add(pages[n_before])
        monkeypatch.undo()
    assert not (tmp_path / "pages" / f"{pages[n_before].id}.json").exists()
    _whole_json_files(tmp_path / "pages")
    assert len(list((tmp_path / "pages").iterdir())) == n_before


@pytest.mark.parametrize("stopped_in", ["story_links", "_with_based_on"])
def test_write_stopped_while_closing_keeps_the_last_whole_dossier(tmp_path, monkeypatch, stopped_in):
    """Ctrl-C while index.html or dossier.jsonld is streamed out: the files of the last finished run stay
    whole (no truncated index.html next to a newer dossier.json), and no temp file is left."""
    _write_dossier(tmp_path, [_page(1)])
    before = {name: (tmp_path / name).read_bytes() for name in ("index.html", "dossier.jsonld", "dossier.json")}
    real = getattr(write, stopped_in)

    if stopped_in == "story_links":
        def stopped(*args, **kwargs):
            yield from list(real(*args, **kwargs))[:1]
            raise KeyboardInterrupt
    else:
        def stopped(*args, **kwargs):
            raise KeyboardInterrupt

    monkeypatch.setattr(write, stopped_in, stopped)
    monkeypatch.setattr(write, "based_on_links", lambda stories: {"x": ["y"]})  # so every node line is rewritten
    with pytest.raises(KeyboardInterrupt):
        _write_dossier(tmp_path, [_page(1), _page(2)])
    after = {name: (tmp_path / name).read_bytes() for name in before}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".storytrace-output", "dossier.json", "dossier.jsonld", "index.html", "pages"]


def test_write_finished_dossier_replaces_the_old_one(tmp_path):
    _write_dossier(tmp_path, [_page(1)])
    paths = _write_dossier(tmp_path, [_page(1), _page(2)])
    assert len(json.loads(paths["dossier"].read_text(encoding="utf-8"))["pages"]) == 2
    assert len(json.loads(paths["jsonld"].read_text(encoding="utf-8"))["@graph"]) == 2
    assert paths["html"].read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".storytrace-output", "dossier.json", "dossier.jsonld", "index.html", "pages"]
    _whole_json_files(tmp_path / "pages")
