"""IPTC Media Topics taxonomy: loading the shipped copy and deriving its hierarchy.

The IPTC JSON export we ship (``data/taxonomy/IPTC-Media-Topics-english.json``, from
github.com/iptc/extra-examples, MIT; the vocabulary itself is CC BY 4.0 by IPTC) has no ``broader``
links. The hierarchy is derived here, once, by :func:`derive_hierarchy`:

* the 17 top-level terms are the ``medtop:NN000000`` codes;
* the ``medtop:20000002``..``20001131`` block was numbered depth-first, one top-level subtree after the
  other, in this order: arts, conflict, crime, disaster, economy, education, environment, health,
  human interest, labour, lifestyle, politics, religion, science, society, sport, weather. The unused
  code before each subtree (52, 81, 138, 169, 397, 417, 445, 496, 508, 537, 573, 656, 709, 767, 821,
  1127) marks the boundary, so each term's top level is the block it falls in;
* the second-level terms are listed in :data:`LEVEL2` (from the published IPTC tree); a deeper term's
  second-level ancestor is the nearest second-level term before it in its block;
* terms added after 2010 (codes >= 20001132) are placed by hand in :data:`LATER`.

The result is written to ``data/taxonomy/iptc-media-topics-tree.json`` by ``training/train_topics.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources as ir
from typing import Any

TOP_ORDER = ["01", "16", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "17"]
BOUNDARIES = [2, 52, 81, 138, 169, 397, 417, 445, 496, 508, 537, 573, 656, 709, 767, 821, 1127, 1132]

# second-level terms (code suffix after 20000000), per top level
LEVEL2: dict[str, list[int]] = {
    "01": [2, 38, 45],
    "16": [53, 56, 65, 70, 71, 73, 77, 80],
    "02": [82, 106, 119, 121, 129],
    "03": [139, 148, 167, 168],
    "04": [170, 209, 344, 385],
    "05": [398, 399, 400, 410, 411],
    "06": [418, 420, 423, 424, 430, 441],
    "07": [446, 461, 463, 464, 479, 485, 493],
    "08": [497, 500, 501, 502, 507],
    "09": [509, 521, 523, 524, 531, 533, 536],
    "10": [538, 565],
    "11": [574, 587, 593, 621, 638, 646, 647, 648, 649],
    "12": [657, 687, 688, 689, 697, 702, 703, 705],
    "13": [710, 715, 716, 717, 735, 741, 742, 755, 756],
    "14": [768, 770, 775, 780, 788, 799, 802, 808, 817],
    "15": [822, 1103, 1104, 1108, 1124, 1125, 1126],
    "17": [1128, 1129, 1130, 1131],
}

# later additions: code -> (top level, second-level code)
_ARTS, _ECON_BIZ, _ECON_SECTOR, _ECON_MKT = ("01", 38), ("04", 170), ("04", 209), ("04", 385)
_SPORT_DISC, _LEISURE, _GOV, _POLICY = ("15", 822), ("10", 538), ("11", 593), ("11", 621)
LATER: dict[int, tuple[str, int]] = {
    1132: _ARTS, 1133: ("01", 2), 1134: ("01", 2), 1135: ("01", 2), 1136: _ECON_BIZ,
    1137: _ECON_MKT, 1138: _ECON_MKT, 1139: _ECON_MKT, 1140: _ECON_MKT, 1141: _ECON_MKT,
    1142: _SPORT_DISC, 1143: _LEISURE, 1144: _GOV, 1145: _GOV, 1146: _POLICY, 1147: _POLICY,
    1148: ("15", 1124), 1149: _SPORT_DISC, 1150: _SPORT_DISC, 1151: _SPORT_DISC, 1152: _SPORT_DISC,
    1153: _SPORT_DISC, 1154: _LEISURE, 1155: _SPORT_DISC, 1156: _SPORT_DISC, 1157: _SPORT_DISC,
    1158: _ECON_BIZ, 1159: _ECON_BIZ, 1160: _ECON_SECTOR, 1161: _ECON_SECTOR, 1162: _ECON_SECTOR,
    1163: _ECON_BIZ, 1164: _ECON_SECTOR, 1165: _ECON_SECTOR, 1166: _ECON_SECTOR, 1167: _ECON_SECTOR,
    1168: _ECON_SECTOR, 1169: _ECON_SECTOR, 1170: _ECON_SECTOR, 1171: _ECON_SECTOR, 1172: _ECON_BIZ,
    1173: _GOV, 1174: _POLICY, 1175: _SPORT_DISC, 1176: _SPORT_DISC, 1177: ("15", 1108), 1178: ("15", 1108),
}


@dataclass(slots=True, frozen=True)
class Term:
    id: str
    name: str
    definition: str
    level: int  # 1, 2, or 3 (3 = any depth below the second level)
    top: str  # medtop id of the top-level ancestor
    parent2: str | None  # medtop id of the second-level ancestor (itself when level 2)


def _code(n: int) -> str:
    return f"medtop:{20000000 + n}"


def derive_hierarchy(raw_topics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the terms with ``level``, ``top`` and ``parent2`` added (see module docstring)."""
    out = []
    l2_sets = {top: set(v) for top, v in LEVEL2.items()}
    last_l2: dict[str, int | None] = {t: None for t in TOP_ORDER}
    for t in sorted(raw_topics, key=lambda x: x["topicId"]):
        num = int(t["topicId"].split(":")[1])
        rec = {"id": t["topicId"], "name": t["name"].strip(), "definition": (t.get("definition") or "").strip()}
        if num < 20000000:
            rec.update(level=1, top=t["topicId"], parent2=None)
        else:
            n = num - 20000000
            if n in LATER:
                top, l2 = LATER[n]
            else:
                top = next(
                    (TOP_ORDER[i] for i in range(len(TOP_ORDER)) if BOUNDARIES[i] <= n < BOUNDARIES[i + 1]), None
                )
                if top is None:
                    raise ValueError(f"IPTC term {t['topicId']} falls outside the known blocks; add it to LATER")
                if n in l2_sets[top]:
                    last_l2[top] = n
                l2 = last_l2[top] if last_l2[top] is not None else LEVEL2[top][0]
            level = 2 if n == l2 else 3
            rec.update(level=level, top=f"medtop:{top}000000", parent2=_code(l2))
        out.append(rec)
    return out


def load_taxonomy() -> list[Term]:
    """Load the shipped taxonomy tree (``data/taxonomy/iptc-media-topics-tree.json``)."""
    path = ir.files("storytrace") / "data" / "taxonomy" / "iptc-media-topics-tree.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Term(**d) for d in data["terms"]]
