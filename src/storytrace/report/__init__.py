"""Report stage: the dossier as JSON, JSON-LD (schema.org NewsArticle) and a readable HTML page."""

from .html import esc, render_dossier
from .jsonld import dossier_jsonld, jsonld_dumps, page_jsonld
from .write import write_dossier

__all__ = ["dossier_jsonld", "esc", "jsonld_dumps", "page_jsonld", "render_dossier", "write_dossier"]
