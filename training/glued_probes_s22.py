"""Deleted-space probes around group words (session 22): ``probes/glued_frames_s22.json`` -> ``probes/glued_groups_s22.jsonl``.

    python training/glued_probes_s22.py          # writes the probes
    python training/spelling_diag.py training/data/comments_authored/probes/glued_groups_s22.jsonl   # scores them

Every hateful and counter frame is written with each group, once with the group word capitalised ("Muslims",
"Gays") and once in lower case ("muslims", "gays"). Each line gets one probe per space next to the group word, that
space deleted (``left_cap``: "hateMuslims", ``right_cap``: "Muslimsso", ``left_low``, ``right_low``), and one per other
space (``other``). Controls (real names, places, brands, words holding a group word by chance) get a probe for the
space before and after each capitalised word (``left_cap`` / ``right_cap``) and for every other space (``other``):
any identity flag or group decoding on them is false. Split dev/check by a hash of the frame (about a quarter check).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE_DIR = ROOT / "training" / "data" / "comments_authored" / "probes"
FRAMES = PROBE_DIR / "glued_frames_s22.json"
OUT = PROBE_DIR / "glued_groups_s22.jsonl"
_SPACE = re.compile(r"(?<=\S) (?=\S)")


def frame_split(frame: str) -> str:
    return "check" if int(hashlib.sha1(f"s22\t{frame}".encode()).hexdigest(), 16) % 4 == 0 else "dev"


def _cased(g: str, cap: bool) -> str:
    return g[0].upper() + g[1:] if cap else g.lower()


def _probes(text: str, spans: list[tuple[int, int, str]], base: dict[str, object]) -> list[dict[str, object]]:
    """One probe per space of ``text``: named after the span it touches (``left_`` / ``right_`` + the span's case),
    else ``other``."""
    out = []
    for m in _SPACE.finditer(text):
        kind = "other"
        for s, e, case in spans:
            if m.end() == s:
                kind = f"left_{case}"
            elif m.start() == e:
                kind = f"right_{case}"
        out.append(dict(base, text=text[: m.start()] + text[m.end() :], perturbation=kind, at=m.start()))
    return out


def build() -> list[dict[str, object]]:
    spec = json.loads(FRAMES.read_text(encoding="utf-8"))
    probes: list[dict[str, object]] = []
    for side, label in (("hateful", 1), ("counter", 0)):
        for frame in spec[side]:
            for g in spec["groups"]:
                for cap in (True, False):
                    word = _cased(g, cap)
                    text = frame.replace("{g}", word)
                    text = text[0].upper() + text[1:]
                    at = text.index(word) if word in text else text.lower().index(word.lower())
                    base = {"original": text, "identity_attack": label, "side": side, "frame": frame,
                            "split": frame_split(frame), "group": g}
                    probes += _probes(text, [(at, at + len(word), "cap" if text[at].isupper() else "low")], base)
    for frame in spec["controls"]:
        base = {"original": frame, "identity_attack": 0, "side": "controls", "frame": frame,
                "split": frame_split(frame), "group": None}
        names = [(m.start(), m.end(), "cap") for m in re.finditer(r"(?<![\w#])[A-Z][a-z]+", frame) if m.start() > 0]
        probes += _probes(frame, names, base)
    return probes


def main() -> int:
    probes = build()
    OUT.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in probes), encoding="utf-8")
    print(f"{len(probes)} probes -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
