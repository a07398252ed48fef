"""Write a dossier to a folder: one JSON per page, dossier.json, dossier.jsonld and index.html."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..records import Dossier
from .html import render_dossier
from .jsonld import dossier_jsonld


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def write_dossier(dossier: Dossier, out_dir: str | Path) -> dict[str, Path]:
    """Write every output file; return their paths by name."""
    out = Path(out_dir)
    (out / "pages").mkdir(parents=True, exist_ok=True)
    for page in dossier.pages:
        (out / "pages" / f"{page.id}.json").write_text(dumps(page.as_dict()), encoding="utf-8")
    paths = {
        "dossier": out / "dossier.json",
        "jsonld": out / "dossier.jsonld",
        "html": out / "index.html",
        "pages": out / "pages",
    }
    paths["dossier"].write_text(dumps(dossier.as_dict()), encoding="utf-8")
    paths["jsonld"].write_text(dumps(dossier_jsonld(dossier)), encoding="utf-8")
    paths["html"].write_text(render_dossier(dossier), encoding="utf-8")
    return paths
