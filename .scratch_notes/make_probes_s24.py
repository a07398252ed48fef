"""Write training/data/comments_authored/probes/s24_profanity_at_you.jsonl (session 24, helper "mend").

Invented English comments; not taken from or modelled on any eval set. Each frame is filled with three profanity
nouns. Split by frame, fixed before any measurement: "dev" when int(sha1(frame), 16) % 100 < 60, else "check".
    python .scratch_notes/make_probes_s24.py
"""
import hashlib
import json
from pathlib import Path

WORDS = ("shit", "crap", "bullshit")
# profanity aimed at the addressee's person or words: insult and toxic
AT_YOU = [
    "nobody wants to read your pointless {p} every day",
    "stop spamming your {p} all over this thread",
    "you and your {p} again, give it a rest",
    "take your {p} somewhere else",
    "here you are again with your usual {p}",
    "constantly answering your own {p} under a dozen fake names",
    "keep your conspiracy {p} to yourself",
    "i'm tired of your {p}, every single day",
    "your {p} again? we read it yesterday",
    "scrolling past your {p} every morning, it never changes",
    "who asked for your political {p}?",
    "you post your {p} on every article",
    "enough of your {p}, mate",
    "we have all seen through your {p} by now",
    "go peddle your {p} on another site",
    "you keep repeating your {p} like a broken record",
    "delete your {p} and log off",
    "your endless {p} ruins every comment section",
    "i see you and your {p} are back",
    "answering your own {p} with your other accounts again",
    "spare us your {p} for once",
    # the same aim without a possessive: outside the candidate rule's reach, kept to show its limit
    "posting the same {p} under 40 usernames fools nobody",
    "cut the {p}, you made that number up",
]
CONTROLS = {
    "not_aimed": [
        "this {p} is crazy", "no {p}, you are right", "holy {p}, what a match", "they scared the {p} out of me",
        "{p} happens, let's move on", "that traffic jam was total {p}", "my phone is {p} again, the battery died",
        "the weather has been {p} all week", "i don't give a {p} about the score, great game anyway",
    ],
    "praise": [
        "your {p} is fire, keep posting", "love your {p}, man", "your {p} always makes me laugh, thanks",
    ],
    "negated": [
        "i never called your post {p}, read it again", "nobody said your ideas were {p}",
        "i'm not saying your plan is {p}, just expensive",
    ],
}


def split(frame: str) -> str:
    return "dev" if int(hashlib.sha1(frame.encode()).hexdigest(), 16) % 100 < 60 else "check"


def main() -> None:
    rows = []
    for frame in AT_YOU:
        for p in WORDS:
            rows.append({"text": frame.format(p=p), "kind": "profanity_at_you", "frame": frame, "split": split(frame),
                         "insult": 1, "toxic": 1, "identity_attack": 0})
    for kind, frames in CONTROLS.items():
        for frame in frames:
            for p in WORDS:
                rows.append({"text": frame.format(p=p), "kind": f"{kind}_control", "frame": frame,
                             "split": split(frame), "insult": 0, "identity_attack": 0})
    out = Path("training/data/comments_authored/probes/s24_profanity_at_you.jsonl")
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(len(rows), {s: sum(r["split"] == s for r in rows) for s in ("dev", "check")})


if __name__ == "__main__":
    main()
