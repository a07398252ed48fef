"""Make a line-model ensemble: copy a second line model into a model directory as its partner.

    .venv/bin/python training/add_line_partner.py --model DIR --partner OTHER [--weight 0.5] [--name NAME]

At run time (``storytrace.anatomy.text.LineModel.stage_probs``) the model in ``DIR`` and its partner read
the same line features and embeddings; their stage-1, 2 and 3 probabilities are averaged (the partner with
``--weight``), and the grammar decoding and the boundary ranker of ``DIR`` read the averages. The ranker must
therefore be trained on the ensemble: run ``train_boundary_ranker.py`` afterwards, with a ``--dev-model``
ensemble built the same way from the two recipes' ``--dev`` models.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

FILES = ("line_model.json", "line_model.npz")


def copy_member(source: Path, target: Path) -> None:
    """Copy the line model in ``source`` to ``target``; it must be a single model (no partners, no
    specialist of its own)."""
    meta = json.loads((source / "line_model.json").read_text(encoding="utf-8"))
    if meta.get("partners") or meta.get("chrome_specialist"):
        raise ValueError(f"{source} is itself an ensemble")
    target.mkdir(parents=True, exist_ok=True)
    for file in FILES:
        shutil.copyfile(source / file, target / file)


def add_partner(model_dir: Path, partner_dir: Path, weight: float, name: str) -> None:
    """Copy ``partner_dir``'s files to ``model_dir / name`` and list it in ``model_dir``'s JSON."""
    if not 0.0 < weight < 1.0:
        raise ValueError(f"the partner's weight must be between 0 and 1, not {weight}")
    meta_path = model_dir / "line_model.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    copy_member(partner_dir, model_dir / name)
    meta["partners"] = [p for p in meta.get("partners", []) if p["dir"] != name] + [{"dir": name, "weight": weight}]
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path, required=True, help="model directory that gets the partner")
    ap.add_argument("--partner", type=Path, required=True, help="directory of the partner line model")
    ap.add_argument("--weight", type=float, default=0.5, help="the partner's share of the averaged probabilities")
    ap.add_argument("--name", default="partner", help="sub-directory of --model for the partner's files")
    args = ap.parse_args(argv)
    add_partner(args.model, args.partner, args.weight, args.name)
    print(f"{args.partner} added to {args.model} as {args.name!r} (weight {args.weight})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
