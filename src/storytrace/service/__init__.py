"""HTTP service (FastAPI). Needs the ``service`` extra: ``pip install 'storytrace[service]'``."""

from .app import ServiceSettings, create_app

__all__ = ["ServiceSettings", "create_app"]
