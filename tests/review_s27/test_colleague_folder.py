"""Session 27 (harden), review of ingest as a researcher feeding storytrace a colleague's folder of mixed files: UTF-16
without a byte order mark, JSONL in UTF-16 or in latin-1, and a list of URLs given as if it were a page."""

from __future__ import annotations

import json

import storytrace
from storytrace.ingest import read_inputs
from storytrace.records import Failure, RawDocument
from storytrace.settings import Options

QUICK = {"with_facts": False, "with_comments": False, "with_stories": False, "progress": False}
DE_TITLE = "Hochwasser in Görlitz: 300 Anwohner in Sicherheit gebracht"
DE_BODY = ("Starker Regen überflutete am Montag die Stadt Görlitz, 300 Anwohner wurden in Notunterkünfte gebracht, "
           "teilten die Behörden am Dienstag mit. Der Fluss stieg in zwölf Stunden um vier Meter.")
RU_TITLE = "Паводок в Ростове: эвакуированы 300 жителей"
RU_BODY = ("Сильные дожди затопили город Ростов в понедельник, и 300 жителей были эвакуированы во временные приюты, "
           "сообщили власти во вторник. Уровень реки поднялся на четыре метра за двенадцать часов.")


def _html(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p><p>{body}</p>" \
           "</article></body></html>"


def _read(path) -> list[RawDocument | Failure]:
    return list(read_inputs([str(path)], Options(progress=False)))


def test_utf16_without_a_byte_order_mark_is_read_not_called_binary(tmp_path):
    (tmp_path / "ru_le.txt").write_bytes(f"{RU_TITLE}\n\n{RU_BODY}\n".encode("utf-16-le"))
    (tmp_path / "de_be.html").write_bytes(_html(DE_TITLE, DE_BODY).encode("utf-16-be"))
    dossier = storytrace.analyze([str(tmp_path)], **QUICK)
    assert dossier.failures == []
    by_name = {p.source.rsplit("/", 1)[1]: p for p in dossier.pages}
    assert by_name["de_be.html"].title == DE_TITLE
    assert RU_BODY[:40] in " ".join(by_name["ru_le.txt"].body)


def _jsonl_lines() -> str:
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in (
        {"url": "https://j.example/1", "html": _html(RU_TITLE, RU_BODY)},
        {"url": "https://j.example/2", "text": f"{DE_TITLE}\n\n{DE_BODY}", "title": DE_TITLE}))


def test_a_jsonl_file_in_utf16_is_read_line_by_line_not_as_one_html_page(tmp_path):
    (tmp_path / "bom.jsonl").write_bytes(_jsonl_lines().encode("utf-16"))  # with a byte order mark
    (tmp_path / "nobom.jsonl").write_bytes(_jsonl_lines().encode("utf-16-le"))
    for name in ("bom.jsonl", "nobom.jsonl"):
        items = _read(tmp_path / name)
        assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"], name
        assert [i.url for i in items] == ["https://j.example/1", "https://j.example/2"]
        assert items[1].title == DE_TITLE


def test_a_jsonl_line_in_latin1_is_decoded_not_replaced_and_says_so(tmp_path):
    line = json.dumps({"url": "https://j.example/3", "text": f"{DE_TITLE}\n\n{DE_BODY}"}, ensure_ascii=False)
    (tmp_path / "latin1.jsonl").write_bytes((line + "\n").encode("latin-1"))
    (item,) = _read(tmp_path / "latin1.jsonl")
    assert isinstance(item, RawDocument)
    assert "\ufffd" not in item.text and "Görlitz" in item.text
    assert any("not UTF-8" in w for w in item.warnings)


def test_a_list_of_urls_given_as_a_file_is_not_analysed_as_a_text_page(tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("https://example.org/news/1\nhttps://example.org/news/2\r\nhttp://example.com/a?b=c\n",
                    encoding="utf-8")
    (item,) = _read(urls)
    assert isinstance(item, Failure)
    assert "--inputs-from" in item.message


def test_a_url_written_without_its_scheme_is_not_called_a_missing_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    items = list(read_inputs(["www.bbc.co.uk/news/world-123", "example.com", "notes/page.html"],
                             Options(progress=False)))
    assert all(isinstance(i, Failure) for i in items)
    assert "https://www.bbc.co.uk/news/world-123" in items[0].message
    assert "https://example.com" in items[1].message
    assert "https://" not in items[2].message  # a missing file with a path is a missing file


def test_a_list_of_inputs_saved_by_notepad_as_unicode_is_read(tmp_path, monkeypatch):
    from storytrace import cli

    listed = tmp_path / "list.txt"
    listed.write_bytes("# tonight\r\nhttps://example.invalid/a\r\n\r\nhttps://example.invalid/b\r\n".encode("utf-16"))
    seen = {}
    monkeypatch.setattr(cli, "_analyze_until_interrupted", lambda inputs, args: seen.update(inputs=inputs) or 0)
    assert cli.main(["analyze", "--inputs-from", str(listed)]) == 0
    assert seen["inputs"] == ["https://example.invalid/a", "https://example.invalid/b"]
