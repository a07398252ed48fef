"""Heavy models and lexicons, loaded on first use and cached per process, then passed to stages.

Nothing here loads at import. Tests build a :class:`Resources` with fakes::

    Resources(overrides={"toxicity": FakeModel()})
"""

from __future__ import annotations

import importlib
import threading
from typing import Any

# name -> "module:function" returning the loaded resource; each stage owns its loader
LOADERS: dict[str, str] = {
    "line_model": "storytrace.anatomy.text:load_line_model",
    "nlp": "storytrace.facts:load_nlp",
    "facts_resources": "storytrace.facts:load_facts_resources",
    "toxicity": "storytrace.comments:load_model",
    "sentence_encoder": "storytrace.embeddings:load_encoder",
}


class Resources:
    """A per-process cache of loaded models. Thread-safe; one instance per process."""

    def __init__(self, overrides: dict[str, Any] | None = None) -> None:
        self._loaded: dict[str, Any] = dict(overrides or {})
        self._lock = threading.Lock()

    def get(self, name: str) -> Any:
        if name in self._loaded:
            return self._loaded[name]
        with self._lock:
            if name not in self._loaded:
                try:
                    module_name, func_name = LOADERS[name].split(":")
                except KeyError:
                    raise KeyError(f"unknown resource {name!r}; known: {sorted(LOADERS)}") from None
                loader = getattr(importlib.import_module(module_name), func_name)
                self._loaded[name] = loader()
            return self._loaded[name]

    def loaded(self) -> list[str]:
        return sorted(self._loaded)
