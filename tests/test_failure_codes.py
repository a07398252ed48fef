"""A failure names its storytrace error code in a field of its own, so a program need not parse the message."""

import json

import pytest

from storytrace import analyze
from storytrace.records import Dossier, Failure
from storytrace.schema import validate_dossier
from storytrace.store import SQLiteStore

OFF = {"with_facts": False, "with_comments": False, "with_stories": False}


def test_each_failure_carries_the_code_its_message_starts_with(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    dossier = analyze([str(empty), str(tmp_path / "missing.html")], **OFF)
    codes = {f.source.rsplit("/", 1)[-1]: f.code for f in dossier.failures}
    assert codes == {"empty.html": "E101", "missing.html": "E109"}
    validate_dossier(json.loads(json.dumps(dossier.as_dict())))


def test_an_error_that_is_not_storytraces_own_has_no_code():
    failure = Failure(source="x.html", stage="comments", error="ValueError", message="math domain error")
    assert failure.code is None
    validate_dossier(Dossier(failures=[failure]).as_dict())


def test_a_code_in_the_middle_of_a_message_is_not_the_failures_code():
    failure = Failure(source="x", stage="facts", error="KeyError", message="lookup of '[E101]' failed")
    assert failure.code is None


def test_the_store_gives_failures_back_with_their_codes(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    with SQLiteStore(tmp_path / "s.sqlite") as store:
        analyze([str(empty)], store=store, **OFF)
        assert [f.code for f in store.failures()] == ["E101"]


@pytest.mark.parametrize("code", ["E1", "X101", 101])
def test_the_schema_refuses_a_code_that_is_not_one(code):
    import jsonschema

    data = Dossier(failures=[Failure(source="x", stage="ingest", error="InputError", message="m")]).as_dict()
    data["failures"][0]["code"] = code
    with pytest.raises(jsonschema.ValidationError):
        validate_dossier(data)
