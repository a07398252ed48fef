"""storytrace: trace a news story across outlets and the comment sections under it.

Importing the package loads no model; see :mod:`storytrace.api` for the Python API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Comment", "Dossier", "Failure", "Options", "Page", "__version__", "analyze"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import analyze
    from .records import Comment, Dossier, Failure, Page
    from .settings import Options


def __getattr__(name: str) -> Any:
    # lazy re-exports keep `import storytrace` and `storytrace --help` instant
    if name == "analyze":
        from .api import analyze

        return analyze
    if name == "Options":
        from .settings import Options

        return Options
    if name in {"Page", "Comment", "Dossier", "Failure"}:
        from . import records

        return getattr(records, name)
    if name in _SUBMODULES:  # storytrace.report.write_dossier(...) after `import storytrace` alone, as README writes
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(name)


_SUBMODULES = frozenset({"api", "errors", "records", "report", "schema", "service", "settings", "store"})
