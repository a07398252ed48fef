"""Session 28 (harden), item 3: one decoder for text that may be UTF-16 (``sniff.wide_text``) serves the list of
inputs (strict: a mis-read line would be a wrong file name) and the peek at a file's head (replace: the peek may end
inside a character). The list read from standard input goes through it too, and a list that is not UTF-8 is refused
naming its line and what to do, not with Python's codec message."""

from __future__ import annotations

import io
import sys

import pytest

from storytrace import cli

LIST = "# tonight\r\nhttps://example.invalid/a\r\n\r\nhttps://example.invalid/b\r\n"
WANTED = ["https://example.invalid/a", "https://example.invalid/b"]


@pytest.fixture
def analysed(monkeypatch):
    seen: dict[str, list[str]] = {}
    monkeypatch.setattr(cli, "_analyze_until_interrupted", lambda inputs, args: seen.update(inputs=inputs) or 0)
    return seen


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-8-sig", "utf-8"])
def test_a_list_piped_on_standard_input_is_read_whatever_its_unicode_form(monkeypatch, analysed, codec):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(LIST.encode(codec)), encoding="utf-8"))
    assert cli.main(["analyze", "--inputs-from", "-"]) == 0
    assert analysed["inputs"] == WANTED


def test_a_list_not_in_utf8_is_refused_naming_its_line_and_the_fix(tmp_path, analysed, capsys):
    listed = tmp_path / "list.txt"
    listed.write_bytes("pages/a.html\npages/Görlitz.html\n".encode("latin-1"))
    assert cli.main(["analyze", "--inputs-from", str(listed)]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "UTF-8" in err and "codec can't decode" not in err


def test_the_file_head_decoder_and_the_list_decoder_are_one():
    from storytrace.ingest import readers, sniff

    data = LIST.encode("utf-16")
    assert sniff.wide_text(data) == LIST
    assert sniff.wide_text(data[:-1], errors="replace").startswith(LIST[:-1])  # a peek cut inside a character
    with pytest.raises(UnicodeDecodeError):
        sniff.wide_text(data[:-1])
    assert not hasattr(readers, "_as_text")
