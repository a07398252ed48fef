"""Store stage: SQLite as the embedded default, exports to JSONL, CSV and Parquet."""

from .export import export, export_coordination, export_replaced, export_stories
from .sqlite import SQLiteStore, StoreError

__all__ = ["SQLiteStore", "StoreError", "export", "export_coordination", "export_replaced", "export_stories"]
