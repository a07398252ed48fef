"""A streaming reader of (multi-member) gzip that notices truncation without losing what came before it.

``gzip.GzipFile`` raises EOFError on a truncated member and drops the bytes of that read call; warcio's
own decompression ends silently. Here a truncated stream returns every byte that could be decompressed
and then sets :attr:`truncated`, so a reader keeps the complete records and records the break.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

_CHUNK = 64 * 1024


class GzipMembers(io.RawIOBase):
    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._buffer = bytearray()
        self._done = False
        self.truncated = False
        self.corrupt: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buffer and not self._done:
            self._fill()
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        del self._buffer[:n]  # in place: a bytes slice would copy the rest on every read
        return n

    def _fill(self) -> None:
        data = self._inflater.unused_data or self._raw.read(_CHUNK)
        if self._inflater.eof:  # a member ended: the next one starts in unused_data
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            if not data:
                self._done = True
                return
        elif not data:
            self._done = True
            self.truncated = True
            return
        try:
            self._buffer += self._inflater.decompress(data)
        except zlib.error as exc:
            self._done = True
            self.corrupt = str(exc)


def open_gzip(raw: BinaryIO) -> io.BufferedReader:
    """A buffered, peekable reader over ``raw``; its ``.raw`` is the :class:`GzipMembers`."""
    return io.BufferedReader(GzipMembers(raw), buffer_size=_CHUNK)
