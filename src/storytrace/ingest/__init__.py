"""Ingest stage: inputs (paths, directories, URLs) -> RawDocument or Failure, one per page."""

from .encoding import Decoded, decode_bytes
from .readers import is_url, read_inputs, read_path
from .sniff import as_html_document

__all__ = ["Decoded", "as_html_document", "decode_bytes", "is_url", "read_inputs", "read_path"]
