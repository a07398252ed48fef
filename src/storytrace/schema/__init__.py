"""The versioned JSON Schema of the dossier, and a validator for it."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def dossier_schema() -> dict[str, Any]:
    return json.loads(files(__package__).joinpath("dossier.schema.json").read_text(encoding="utf-8"))


def validate_dossier(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``data`` does not follow the dossier schema."""
    import jsonschema

    jsonschema.validate(data, dossier_schema(), cls=jsonschema.Draft202012Validator)


def validate_page(data: dict[str, Any]) -> None:
    import jsonschema

    schema = dict(dossier_schema())
    page_schema = {"$defs": schema["$defs"], **schema["$defs"]["page"]}
    jsonschema.validate(data, page_schema, cls=jsonschema.Draft202012Validator)
