"""Session 28 (harden), review: ``storytrace analyze pages --out pages`` (the dossier kept beside its inputs) read its
own output back on the next run: index.html became a "news page", dossier.json, dossier.jsonld, every pages/*.json
and the store failed (12 failures for 1 page). A folder given by name that holds storytrace's output marker is still
read (it may hold inputs too), without the files storytrace wrote there."""

from __future__ import annotations

import json

from storytrace.cli import main
from tests.conftest import GOOD_HTML


def _run(folder) -> dict:
    code = main(["analyze", str(folder), "--out", str(folder), "--quiet", "--no-facts", "--no-comments",
                 "--no-stories"])
    return {"code": code, **json.loads((folder / "dossier.json").read_text(encoding="utf-8"))}


def test_a_folder_analysed_into_itself_twice_gives_the_same_pages_and_no_failure(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "dam.html").write_text(GOOD_HTML, encoding="utf-8")
    first = _run(folder)
    second = _run(folder)
    assert first["code"] == second["code"] == 0
    assert [p["source"] for p in second["pages"]] == [p["source"] for p in first["pages"]]
    assert second["failures"] == []


def test_an_input_beside_the_output_is_still_read(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "dam.html").write_text(GOOD_HTML, encoding="utf-8")
    _run(folder)
    (folder / "later.txt").write_text("Officials said on Monday that the dam had failed after heavy rain. " * 4,
                                      encoding="utf-8")
    assert len(_run(folder)["pages"]) == 2
