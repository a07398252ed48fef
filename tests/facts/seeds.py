"""Build the two seed pages as the anatomy stage would hand them over (title + body paragraphs)."""

from __future__ import annotations

from importlib import resources as ir

from storytrace.records import Page


def _demo(prefix: str) -> list[str]:
    base = ir.files("storytrace") / "data" / "demo"
    name = next(p.name for p in base.iterdir() if p.name.startswith(prefix))
    return [ln.strip() for ln in (base / name).read_text(encoding="utf-8").splitlines()]


def seed_000(published: str | None = None) -> Page:
    lines = [ln for ln in _demo("000_") if ln]
    return Page(id="seed000", source="demo/000", title=None, body=lines[:6], published=published)


def seed_003(published: str | None = None) -> Page:
    lines = [ln for ln in _demo("003_") if ln]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("Get ready"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("[1] Enrichment"))
    body = lines[start:end]
    body.append(next(ln for ln in lines if ln.startswith("The community policy")))
    return Page(id="seed003", source="demo/003",
                title="North Korean government dispatches 6000 civilians as relief workers to aid in the "
                      "reconstruction of Kursk region", body=body, published=published)
