"""Ingest stage: inputs (paths, directories, URLs) -> RawDocument or Failure, one per page."""

from .encoding import Decoded, decode_bytes
from .readers import is_url, read_inputs, read_path

__all__ = ["read_inputs", "read_path", "is_url", "decode_bytes", "Decoded"]
