"""Give a line model a chrome specialist: a second line model for comment sections that keep their chrome.

    .venv/bin/python training/add_chrome_specialist.py --model DIR --specialist OTHER \
        [--min-interleaved 1] [--min-share 0.2]

``OTHER`` is a line model trained with ``train_line_model.py --comment-chrome 0.5`` (and its boundary ranker
from ``train_boundary_ranker.py --comment-chrome 0.5``). At run time (``LineModel.predict``) both models
read the page; the specialist's reading is used when it puts at least ``--min-interleaved`` boilerplate
lines between its first and last comment line, and at least ``--min-share`` of them per comment line (both
chosen on the dev split: docs/results/text_anatomy.md).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from add_line_partner import copy_member


def add_specialist(model_dir: Path, specialist_dir: Path, min_interleaved: int, min_share: float = 0.0,
                   name: str = "chrome") -> None:
    """Copy ``specialist_dir``'s files to ``model_dir / name`` and name it in ``model_dir``'s JSON."""
    if min_interleaved < 1:
        raise ValueError(f"--min-interleaved must be at least 1, not {min_interleaved}")
    if min_share < 0:
        raise ValueError(f"--min-share must not be negative, not {min_share}")
    meta_path = model_dir / "line_model.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    copy_member(specialist_dir, model_dir / name)
    meta["chrome_specialist"] = {"dir": name, "min_interleaved": min_interleaved, "min_share": min_share}
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path, required=True, help="model directory that gets the specialist")
    ap.add_argument("--specialist", type=Path, required=True, help="directory of the chrome-trained line model")
    ap.add_argument("--min-interleaved", type=int, default=1,
                    help="boilerplate lines inside the specialist's comment section that make its reading win")
    ap.add_argument("--min-share", type=float, default=0.0,
                    help="... and the least number of them per comment line")
    ap.add_argument("--name", default="chrome", help="sub-directory of --model for the specialist's files")
    args = ap.parse_args(argv)
    add_specialist(args.model, args.specialist, args.min_interleaved, args.min_share, args.name)
    print(f"{args.specialist} added to {args.model} as chrome specialist {args.name!r} "
          f"(min_interleaved {args.min_interleaved}, min_share {args.min_share})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
