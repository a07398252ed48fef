"""Build s26_spacing.jsonl (session 26, helper spacing): spacing probes from frames written for this file.

    python training/data/comments_authored/probes/s26_spacing_build.py

Frames are mine (not taken from any benchmark). {g} is a plural group phrase. Kinds:
- ``space_del``: a hateful frame with one space deleted, every position in turn (identity_attack 1);
- ``benign_del``: a frame that names a group without attacking it, or names none, one space deleted every position
  (identity_attack 0: any identity flag is false);
- ``fragments``: a hateful frame with the group's word spelled as a fragment and single letters ("mus l i m s",
  "r e fu g e e s", "wo m e n"; identity_attack 1);
- ``name_glued``: capitalised surnames, brands and words that hold a slur or group name followed by a short word
  ("GOOKIN", "Jewson") in neutral frames (identity_attack 0).
Split: frames alternate dev / check (even index dev), so no frame has lines on both sides.
"""
import json
from pathlib import Path

GROUPS = ["women", "trans people", "gay people", "black people", "disabled people", "Muslims", "immigrants", "Jews",
          "refugees", "Mexicans"]
HATEFUL = [
    "Honestly {g} are the worst thing that ever happened to this town.",
    "You can't trust {g} with anything important.",
    "{g} are parasites and always will be.",
    "I'd happily see every one of the {g} locked up.",
    "Why are {g} so disgusting?",
    "{g} are just a bunch of filthy animals.",
    "It's obvious that {g} are inferior to the rest of us.",
    "We should drive all {g} out of our neighbourhood.",
    "Nobody wants {g} around here, they ruin everything.",
    "{g} like you are a disgrace.",
    "Those {g} need to be put down.",
    "I can't believe people still put up with {g}.",
]
BENIGN = [
    "Many {g} in our street helped clean up after the storm.",
    "The new report looks at how {g} are treated at work.",
    "My neighbours are {g} and they are lovely.",
    "The council meets on Tuesday to talk about the bus routes.",
    "She said the match was cancelled because of the rain.",
    "We should support {g} who face abuse online.",
    "The museum opens a new exhibition about trains next week.",
    "Hating {g} is wrong and it has to stop.",
]
# (word as spelled apart, group phrase it stands for)
FRAGMENTS = [("mus l i m s", "Muslims"), ("m u s li ms", "Muslims"), ("r e fu g e e s", "refugees"),
             ("re f u g e e s", "refugees"), ("wo m e n", "women"), ("w o men", "women"), ("j e ws", "Jews"),
             ("imm i g r a n t s", "immigrants"), ("i m m igrants", "immigrants"), ("mex i c a n s", "Mexicans"),
             ("les b i a n s", "lesbians"), ("a s i ans", "Asians")]
NAMES = ["GOOKIN", "Gookin", "Jewson", "Niggli", "Spicer", "Dykeman", "Cooney", "Fagin", "Kooner", "Spickett"]
NAME_FRAMES = [
    "{n} won the regional chess title on Sunday.",
    "The report was written by Dr. {n} and two colleagues.",
    "{n} IS A FAMILY NAME FROM THE NORTH OF ENGLAND.",
    "Thanks to {n} for organising the quiz night.",
]


def deletions(text):
    """``text`` with one space deleted, each position in turn."""
    return [text[:i] + text[i + 1:] for i, ch in enumerate(text) if ch == " "]


def rows():
    out = []
    for fi, frame in enumerate(HATEFUL):
        split = "dev" if fi % 2 == 0 else "check"
        for g in GROUPS:
            line = frame.format(g=g)
            line = line[0].upper() + line[1:]
            for t in deletions(line):
                out.append({"text": t, "original": line, "identity_attack": 1, "toxic": 1, "kind": "space_del",
                            "frame": frame, "split": split})
        for word, g in FRAGMENTS:
            t = frame.format(g=word)
            out.append({"text": t, "original": frame.format(g=g), "identity_attack": 1, "toxic": 1,
                        "kind": "fragments", "frame": frame, "split": split})
    for fi, frame in enumerate(BENIGN):
        split = "dev" if fi % 2 == 0 else "check"
        for g in (GROUPS if "{g}" in frame else [""]):
            line = frame.format(g=g)
            line = line[0].upper() + line[1:]
            for t in deletions(line):
                out.append({"text": t, "original": line, "identity_attack": 0, "kind": "benign_del", "frame": frame,
                            "split": split})
    for fi, frame in enumerate(NAME_FRAMES):
        split = "dev" if fi % 2 == 0 else "check"
        for n in NAMES:
            out.append({"text": frame.format(n=n), "identity_attack": 0, "toxic": 0, "kind": "name_glued",
                        "frame": frame, "split": split})
    return out


if __name__ == "__main__":
    path = Path(__file__).with_name("s26_spacing.jsonl")
    rs = rows()
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rs), encoding="utf-8")
    print(len(rs), "lines ->", path)
