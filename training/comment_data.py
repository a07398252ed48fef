"""Loaders for the comment training and evaluation sets under a shared data folder (see its README).

Training uses only davidson and the OLID training file; the eval loaders are for benchmarks/bench_comments.py.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

csv.field_size_limit(10**8)


def load_train(data: Path) -> list[dict[str, object]]:
    """Rows {text, toxic, insult, identity_attack, source} from davidson and OLID training."""
    rows: list[dict[str, object]] = []
    with open(data / "comments" / "davidson" / "labeled_data.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            c = int(r["class"])  # 0 hate, 1 offensive, 2 neither
            rows.append({"text": r["tweet"], "toxic": int(c in (0, 1)), "insult": int(c == 1),
                         "identity_attack": int(c == 0), "source": "davidson"})
    with open(data / "comments" / "olid" / "olid-training-v1.0.tsv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            off = r["subtask_a"] == "OFF"
            rows.append({"text": r["tweet"], "toxic": int(off),
                         "insult": int(off and r["subtask_b"] == "TIN" and r["subtask_c"] == "IND"),
                         "identity_attack": int(off and r["subtask_c"] == "GRP"), "source": "olid"})
    return rows


def split_indices(n: int, held_out: float = 0.15, seed: int = 13) -> tuple[list[int], list[int], list[int]]:
    """(train, calibration, validation) row indices: a seeded 85/15 split, the 15% halved alternately. The
    calibration half fits Platt scaling; the validation half accepts or rejects a model (never an eval set)."""
    rnd = random.Random(seed)
    idx = list(range(n))
    rnd.shuffle(idx)
    cut = int(len(idx) * (1 - held_out))
    held = idx[cut:]
    return idx[:cut], held[0::2], held[1::2]


def split(rows: list[dict[str, object]], held_out: float = 0.15, seed: int = 13):
    tr, ca, va = split_indices(len(rows), held_out, seed)
    held = [0] * (len(ca) + len(va))
    held[0::2], held[1::2] = ca, va
    return [rows[i] for i in tr], [rows[i] for i in held]


# -- evaluation sets (never trained or tuned on) ---------------------------------------------------------------
def load_hatecheck(data: Path) -> list[dict[str, str]]:
    with open(data / "comments" / "hatecheck" / "test_suite_cases.csv", encoding="utf-8", newline="") as f:
        return [{"text": r["test_case"].strip(), "label": r["label_gold"], "functionality": r["functionality"],
                 "target": r["target_ident"]} for r in csv.DictReader(f)]


def load_olid_test(data: Path) -> list[dict[str, object]]:
    base = data / "comments" / "olid"
    labels = {}
    with open(base / "labels-levela.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            labels[r["id"]] = int(r["label"] == "OFF")
    with open(base / "testset-levela.tsv", encoding="utf-8", newline="") as f:
        return [{"text": r["tweet"], "label": labels[r["id"]]}
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r["id"] in labels]


def load_stormfront_test(data: Path) -> list[dict[str, object]]:
    with open(data / "comments" / "stormfront" / "stormfront.csv", encoding="utf-8", newline="") as f:
        return [{"text": r["text"], "label": int(r["label"] == "hate")}
                for r in csv.DictReader(f) if r["sampled_split"] == "test"]


def load_ethos(data: Path) -> list[dict[str, object]]:
    with open(data / "comments" / "ethos" / "Ethos_Dataset_Binary.csv", encoding="utf-8", newline="") as f:
        return [{"text": r["comment"], "label": int(float(r["isHate"]) >= 0.5)}
                for r in csv.DictReader(f, delimiter=";")]


MHC_FILES = {"fr": "french", "it": "italian", "nl": "dutch", "pt": "portuguese", "zh": "mandarin"}


def load_mhc(data: Path, lang: str) -> list[dict[str, object]]:
    path = data / "comments" / "multilingual-hatecheck" / f"hatecheck_cases_final_{MHC_FILES[lang]}.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return [{"text": r["test_case"].strip(), "label": int(r["label_gold"] == "hateful"),
                 "functionality": r["functionality"]} for r in csv.DictReader(f)]
