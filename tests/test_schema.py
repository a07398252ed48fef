import copy

import jsonschema
import pytest

from storytrace.records import Comment, Dossier, Page, Reference
from storytrace.schema import dossier_schema, validate_dossier, validate_page


def _dossier():
    page = Page(id="0123456789abcdef", source="x.txt", title="T", body=["b"],
                references=[Reference("1", "r")], comments=[Comment(id="c0", text="hi", position=0)])
    return Dossier(pages=[page]).as_dict()


def test_schema_accepts_a_dossier():
    validate_dossier(_dossier())
    validate_page(_dossier()["pages"][0])


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("schema_version"),
        lambda d: d.__setitem__("schema_version", "0.9"),
        lambda d: d["pages"][0].pop("body"),
        lambda d: d["pages"][0].__setitem__("body", "not a list"),
        lambda d: d["pages"][0]["comments"][0].pop("parent_id"),
        lambda d: d["pages"][0].__setitem__("id", "not-a-hash"),
        lambda d: d["pages"][0]["comments"][0].__setitem__("scores", {"toxic": 1.5}),
        lambda d: d["pages"][0].__setitem__("facts", {"topics": [{"id": "politics", "name": "p", "score": 1, "level": 1}]}),
        lambda d: d["pages"][0].__setitem__("facts", {"claims": [{"id": "c", "text": "t", "modality": "rumoured"}]}),
        lambda d: d["pages"][0].__setitem__("facts", {"quantities": [{"id": "q", "text": "1,000"}]}),
        lambda d: d["pages"][0].__setitem__("thread", {"toxic_share": 2}),
    ],
)
def test_schema_rejects_broken_dossiers(breakage):
    data = copy.deepcopy(_dossier())
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        validate_dossier(data)


def test_schema_version_matches_the_record_model():
    from storytrace.records import SCHEMA_VERSION

    assert dossier_schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION
