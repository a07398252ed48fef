"""Pages collected for the stories stage one at a time, in bounded memory per page.

Per page, :class:`StoryPages` keeps in memory only what grouping reads: the lead embedding (512 float32,
computed in batches as pages arrive, so no lead text waits), the MinHash signature (64 uint32), and the
publication day and site as numbers: ~2.3 KB; and the few places the facts stage resolved on it (shared
empty sets when it has none).
The shell itself goes to a :class:`~storytrace.stories.shell_store.ShellStore` and is read back one group
at a time when relations and claims are compared.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable

import numpy as np

from storytrace.embeddings import Encoder, embed
from storytrace.stories.grouping import (
    NUM_PERM,
    SAME_STORY_AT,
    Places,
    day_number,
    group,
    minhash_signature,
    signature_links,
    site_number,
)
from storytrace.stories.shell_store import MemoryShellStore, ShellStore
from storytrace.stories.shells import StoryShell
from storytrace.stories.story import stories_of

_NO_PLACES: tuple[frozenset[str], frozenset[int]] = (frozenset(), frozenset())
EMBED_BATCH = 64  # leads embedded at a time (the encoder's output depends slightly on the batch, so it is fixed)


class StoryPages:
    """Call :meth:`add` per page, then :meth:`stories` once; :meth:`close` frees the store.

    ``encoder`` is called (once) when the first leads are embedded: a run of fewer than two pages never
    loads it. An error while collecting stops collecting and is raised by :meth:`stories`, so the caller
    records it like any failure of the stage.
    """

    def __init__(self, encoder: Callable[[], Encoder], store: ShellStore | None = None) -> None:
        self._load_encoder = encoder
        self._encoder: Encoder | None = None
        self.store = store if store is not None else MemoryShellStore()
        self.error: Exception | None = None
        self._count = 0
        self._leads: list[str] = []  # waiting to be embedded
        self._signatures: list[np.ndarray | None] = []  # waiting to be stacked with them
        self._vector_blocks: list[np.ndarray] = []
        self._signature_blocks: list[np.ndarray] = []
        self._present_blocks: list[np.ndarray] = []
        self._days = array("i")  # publication day numbers (NO_DAY: unknown), 4 bytes a page
        self._sites = array("i")  # site numbers (NO_SITE: unknown), 4 bytes a page
        # countries and lead places (facts stage), the few a page names; one shared empty pair without them
        self._places: Places = []

    def __len__(self) -> int:
        return self._count

    def add(self, shell: StoryShell) -> None:
        if self.error is not None or not shell.full_text.strip():
            return
        try:
            self.store.add(shell)
            self._leads.append(shell.lead)
            self._signatures.append(minhash_signature(shell.full_text))
            self._days.append(day_number(shell.published))
            self._sites.append(site_number(shell.url, shell.site))
            self._places.append((frozenset(shell.countries), frozenset(shell.lead_places))
                                if shell.countries and shell.lead_places else _NO_PLACES)
            self._count += 1
            if len(self._leads) >= EMBED_BATCH:
                self._flush()
        except Exception as exc:  # noqa: BLE001 - raised by stories(), where the stage records it
            self.error = exc

    def stories(self, threshold: float = SAME_STORY_AT) -> list[dict]:
        """Story groups of two or more pages, with relations and claim comparisons, in arrival order."""
        if self.error is not None:
            raise self.error
        if self._count < 2:
            return []
        self._flush()
        vectors, signatures, present = (_stack_vectors(self._vector_blocks), _stack(self._signature_blocks),
                                        _stack(self._present_blocks))  # each batch freed once copied in
        self._vector_blocks, self._signature_blocks, self._present_blocks = [vectors], [signatures], [present]
        duplicates = signature_links(signatures, present)
        days, sites = np.frombuffer(self._days, dtype=np.int32), np.frombuffer(self._sites, dtype=np.int32)
        groups = [g for g in group(vectors, threshold, duplicates, days, self._places, sites=sites) if len(g) > 1]
        del duplicates
        # a group of every page (one story: the worst case for memory) reads the matrix without a copy
        return [story for g in groups
                for story in stories_of(self.store, g, vectors if len(g) == len(vectors) else vectors[g], self.encoder)]

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = self._load_encoder()
        return self._encoder

    def close(self) -> None:
        self.store.close()

    def _flush(self) -> None:
        if not self._leads:
            return
        self._vector_blocks.append(embed(self.encoder, self._leads))
        present = np.array([s is not None for s in self._signatures], dtype=bool)
        no_signature = np.zeros(NUM_PERM, dtype=np.uint32)
        self._signature_blocks.append(np.stack([s if s is not None else no_signature for s in self._signatures]))
        self._present_blocks.append(present)
        self._leads, self._signatures = [], []
        self.store.flush()


def _stack_vectors(blocks: list[np.ndarray]) -> np.ndarray:
    """One matrix from the embedded batches, which are dropped from ``blocks`` as they are copied in (the
    rows are not held twice); a batch of only blank leads came back 0 wide (zero rows)."""
    width = max(b.shape[1] for b in blocks)
    return _stack(blocks, width)


def _stack(blocks: list[np.ndarray], width: int | None = None) -> np.ndarray:
    """The rows of ``blocks`` in one preallocated array; ``blocks`` is emptied as they are copied.
    A block narrower than ``width`` (2-D) contributes zero rows."""
    first = blocks[0]
    shape = (sum(len(b) for b in blocks), *((width,) if width is not None else first.shape[1:]))
    if len(blocks) == 1 and first.shape == shape:
        blocks.clear()
        return first
    out = np.zeros(shape, dtype=first.dtype)
    start = 0
    blocks.reverse()  # popped from the end: each batch is freed once copied
    while blocks:
        block = blocks.pop()
        if block.shape[1:] == shape[1:]:
            out[start : start + len(block)] = block
        start += len(block)
    return out
