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


def load_stormfront(data: Path, split: str | None = None) -> list[dict[str, object]]:
    """Stormfront sentences, all of them or one ``sampled_split`` ("test": the balanced test sample)."""
    with open(data / "comments" / "stormfront" / "stormfront.csv", encoding="utf-8", newline="") as f:
        return [{"text": r["text"], "label": int(r["label"] == "hate")}
                for r in csv.DictReader(f) if split is None or r["sampled_split"] == split]


def load_stormfront_test(data: Path) -> list[dict[str, object]]:
    return load_stormfront(data, "test")


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


# -- the project's authored set (training/data/comments_authored: written by the project, Apache-2.0) ---------
AUTHORED_LABELS = ("toxic", "insult", "identity_attack", "threat")


def load_authored(directory: Path) -> list[dict[str, object]]:
    """Rows {text, lang, toxic, insult, identity_attack, threat, target, kind, source="authored:<lang>", file,
    line} from every ``*.jsonl`` of ``directory``. Lines that are not JSON objects with a text and the three
    learned labels (a file still being written) are skipped; a repeated (lang, text) keeps its first line."""
    import json

    rows: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for path in sorted(Path(directory).glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(r, dict) or not str(r.get("text") or "").strip():
                continue
            try:
                labels = {k: int(bool(int(r.get(k) or 0))) for k in AUTHORED_LABELS}
            except (TypeError, ValueError):
                continue
            if any(k not in r for k in ("toxic", "identity_attack")):
                continue
            lang = str(r.get("lang") or path.stem).strip().lower()
            text = str(r["text"]).strip()
            if (lang, text) in seen:
                continue
            seen.add((lang, text))
            # an identity attack or an insult is toxic, whatever the line says
            labels["toxic"] = int(labels["toxic"] or labels["identity_attack"] or labels["insult"])
            rows.append({"text": text, "lang": lang, **labels, "target": r.get("target"),
                         "kind": str(r.get("kind") or ""), "source": f"authored:{lang}", "file": path.name,
                         "line": n})
    return rows


def authored_key(row: dict[str, object]) -> str:
    """A stable id of an authored line (the decontamination report's drop list uses it)."""
    import hashlib

    return hashlib.sha1(f"{row['lang']}\t{row['text']}".encode()).hexdigest()[:16]


_SKEL_WORD = None


def _group_words() -> tuple[frozenset[str], list[str], dict[str, list[str]]]:
    """(English single-word group names and slurs, English multi-word group terms, language -> group stems) from
    the model's lexicons."""
    global _SKEL_WORD
    if _SKEL_WORD is None:
        from storytrace.comments._lexicon import load_lexicon

        lex = load_lexicon()
        single = frozenset(t for t, term in lex.terms.items() if term.group is not None and " " not in t)
        multi = sorted((t for t, term in lex.terms.items() if term.group is not None and " " in t), key=len,
                       reverse=True)
        stems = {lang: sorted({s.lower() for ss in gs.values() for s in ss}, key=len, reverse=True)
                 for lang, gs in lex.multi_groups.items()}
        _SKEL_WORD = (single, multi, stems)
    return _SKEL_WORD


def skeleton(text: str, lang: str = "en") -> str:
    """The text with its group words replaced by one placeholder (§), lower case, NFKC, punctuation dropped,
    digits as 0 and single spaces: "I hate Muslims!" and "i hate women" share the skeleton "i hate §". Used to
    group template variants into one side of the authored split and to compare authored lines with eval cases."""
    import re
    import unicodedata

    single, multi, stems = _group_words()
    t = unicodedata.normalize("NFKC", text).lower()
    t = re.sub(r"https?://\S+|www\.\S+|@\w+", " ", t)
    if lang == "zh":
        for s in stems.get("zh", []):
            t = t.replace(s, " § ")
    for phrase in multi:
        if phrase in t:
            t = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " § ", t)
    own = [s for s in stems.get(lang, []) if len(s) >= 3] if lang != "zh" else []
    out = []
    for w in re.findall(r"§|[^\W_]+", t):
        if w in single or (w.endswith("s") and w[:-1] in single) or any(w.startswith(s) for s in own):
            w = "§"
        out.append(re.sub(r"\d", "0", w))
    return " ".join(out)


def excluded_keys(report: Path | None) -> set[str]:
    """Keys (:func:`authored_key`) of the authored lines a decontamination report dropped; none without a report."""
    if report is None:
        return set()
    import json

    return {d["key"] for d in json.loads(Path(report).read_text(encoding="utf-8"))["dropped_lines"]}


PINNED_SPLIT = Path(__file__).resolve().parent / "data" / "comments_authored" / "split_v1.json"


def split_authored(rows: list[dict[str, object]], validation: float = 0.2, seed: str = "authored-v1",
                   pinned: Path | None = PINNED_SPLIT) -> tuple[list[int], list[int]]:
    """(train, validation) indices of authored rows: per language, lines grouped by skeleton (template variants
    that differ only in the group named stay on one side), groups ordered by a hash of (seed, skeleton) and taken
    into validation until it holds ``validation`` of that language's rows. Deterministic; no random state.

    ``pinned`` (session 8): a JSON file of line keys (``authored_key``) per side; a listed line keeps its side
    and only the lines not listed are split as above, among themselves. Skeletons replace the lexicon's group words,
    so a lexicon change moved lines between the sides (revision 3.3: 15 each way), which changed the validation set
    under the models being compared; ``split_v1.json`` holds revision 3.5's split (seed "authored-v1", share 0.2; the
    pin applies only to that seed and share). ``None``: no pinning.

    The pin's ``train_only`` list (session 18, :func:`train_only_keys`) holds lines that are training data whatever
    the seed or share: they are never validation lines, and ``train_comment_model.calibration_split`` never takes
    them either, so adding them leaves every other line's side (validation, calibration, training) as it was."""
    import hashlib
    import json

    fixed: dict[str, bool] = {}  # key -> is validation
    if pinned is not None and Path(pinned).exists():
        pin = json.loads(Path(pinned).read_text(encoding="utf-8"))
        if pin["seed"] == seed and pin["validation_share"] == validation:  # the pinned split is the one asked for
            fixed = {k: False for k in pin["train"]} | {k: True for k in pin["validation"]}
        fixed |= {k: False for k in pin.get("train_only", [])}
    by_lang: dict[str, dict[str, list[int]]] = {}
    train, val = [], []
    for i, r in enumerate(rows):
        side = fixed.get(authored_key(r)) if fixed else None
        if side is not None:
            (val if side else train).append(i)
            continue
        sk = skeleton(str(r["text"]), str(r["lang"]))
        by_lang.setdefault(str(r["lang"]), {}).setdefault(sk, []).append(i)
    for lang in sorted(by_lang):
        groups = sorted(by_lang[lang].items(),
                        key=lambda kv: hashlib.sha1(f"{seed}\t{lang}\t{kv[0]}".encode()).hexdigest())
        total = sum(len(v) for _, v in groups)
        want, got = validation * total, 0
        for _, idx in groups:
            if got + len(idx) / 2 <= want:
                val += idx
                got += len(idx)
            else:
                train += idx
    return sorted(train), sorted(val)


def train_only_keys(pinned: Path | None = PINNED_SPLIT) -> frozenset[str]:
    """Keys (:func:`authored_key`) of the authored lines that only ever train (the pin's ``train_only`` list:
    lines added after the validation and calibration splits were fixed, e.g. translations of English training
    lines, which must not become validation or calibration evidence)."""
    import json

    if pinned is None or not Path(pinned).exists():
        return frozenset()
    return frozenset(json.loads(Path(pinned).read_text(encoding="utf-8")).get("train_only", []))


def char_ngrams(s: str, n: int = 5) -> set[str]:
    s = f" {s} "
    return {s[i : i + n] for i in range(max(1, len(s) - n + 1))}


def set_model_spec(model_dir: Path, key: str, value: object) -> Path:
    """Write ``value`` under ``key`` in a comment model's ``model.json`` (sorted keys, as the trainer writes it)."""
    import json

    path = model_dir / "model.json"
    spec = json.loads(path.read_text(encoding="utf-8"))
    spec[key] = value
    path.write_text(json.dumps(spec, indent=1, sort_keys=True), encoding="utf-8")
    return path

