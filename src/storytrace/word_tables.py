"""The English word tables under ``data/lexicons/word_frequencies`` (wordfreq-derived, CC BY-SA 4.0; see the
folder's NOTICE.md), read once per process and shared by the stages that use them (facts: common words and
names; comments: Zipf frequencies for decoding)."""

from __future__ import annotations

import functools
from importlib import resources as importlib_resources


@functools.cache
def word_table(file_name: str, folder: str = "lexicons/word_frequencies") -> dict[str, float | None]:
    """word -> Zipf frequency from a ``word<TAB>zipf`` file under ``data/<folder>`` (``#`` lines skipped); None for a
    one-column list."""
    path = importlib_resources.files("storytrace").joinpath("data", *folder.split("/"), file_name)
    table: dict[str, float | None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, zipf = line.partition("\t")
            table[word] = float(zipf) if zipf else None
    return table
