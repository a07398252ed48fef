"""Generate training/data/comments_authored/probes/s22_emotion_negation.jsonl (session 22, helper hate5).

Invented English comments; no eval set was opened. Each frame is filled with 5 of 12 groups (seeded); the split is
fixed by the frame: "dev" when int(sha1(frame), 16) % 100 < 60, else "check".
"""
import hashlib
import json
import random
import sys

GROUPS = [("women", "woman", "women"), ("trans people", "trans person", "trans_people"),
          ("gay people", "gay person", "lgbt"), ("black people", "black person", "black_people"),
          ("disabled people", "disabled person", "disabled"), ("Muslims", "Muslim", "muslims"),
          ("immigrants", "immigrant", "immigrants"), ("Jews", "Jew", "jews"), ("refugees", "refugee", "refugees"),
          ("lesbians", "lesbian", "lgbt"), ("Asians", "Asian", "asians"), ("Mexicans", "Mexican", "mexicans")]

HATE = {  # kind -> frames; {p} plural group, {s} singular
    "felt_by_group": ["{p} irritate the hell out of me.", "{p} anger me more than anything.", "{p} annoy me so much.", "{p} honestly infuriate me.", "{p} really irritate me.",
                      "{p} make me so mad.", "{p} just make me angry.", "{p} sicken me.",
                      "seeing {p} makes me furious.", "{p} make me want to scream.", "all {p} enrage me.",
                      "{p} appal me."],
    "felt_owned": ["i am so mad at {p}.", "i feel nothing but rage towards {p}.", "i'm so angry at {p}.", "i am furious with {p}.", "i can't bear {p}.",
                   "i cannot abide {p}.", "i have a deep hatred of {p}.", "honestly i'm fed up with {p}.",
                   "i'm so annoyed by {p}.", "all i feel for {p} is hate."],
    "felt_superlative": ["i despise nobody more than {p}.", "nothing gets on my nerves more than {p}.", "there is nothing i despise more than {p}.", "nothing i hate more than {p}.",
                         "nothing makes me angrier than {p}.", "i've never hated anyone as much as {p}.",
                         "nothing is worse than {p}.", "there's nothing worse than {p}.",
                         "nothing disgusts me more than {p}.", "no one annoys me more than {p}."],
    "predicate_word": ["{p} are absolutely intolerable.", "{p} are so tiresome.", "{p} are the worst.", "{p} are so annoying.", "{p} are repugnant.", "{p} are insufferable.",
                       "{p} are such a pain.", "{p} are a nuisance.", "{p} are just the worst people.",
                       "{p} are so irritating.", "{p} are unbearable.", "{p} are obnoxious."],
    "negated_good": ["{p} will never be likeable.", "{p} have nothing to contribute.", "{p} lives don't matter.", "{p} have nothing to offer.", "{p} are not pleasant to be around.",
                     "{p} can't do anything right.", "i would never want to be friends with {p}.",
                     "i have never met any {p} who were nice.", "{p} are never friendly.",
                     "{p} contribute nothing.", "{p} don't matter.", "{p} are not likeable."],
    "asked_dismissal": ["who actually wants {p} around?", "why should anyone care about {p}?", "what is it with {p}?", "who even likes {p}?", "why does anyone care about {p}?",
                        "why would anyone want to be around {p}?", "why can't {p} just disappear?",
                        "aren't {p} just the worst?", "is it just me or are {p} annoying?",
                        "why are {p} such a pain?"],
    "wished_gone": ["i just want {p} to vanish.", "i wish {p} would just disappear.", "{p} should just vanish.", "{p} need to disappear."],
    "deserved_harm": ["{p} deserve to be smacked.", "{p} deserve to be punched.", "{p} deserve to be slapped.", "{p} should be kicked.",
                      "{p} deserve to get beaten up."],
}
CONTROL = {
    "object_control": ["mondays are the worst.", "my commute is so annoying.", "this weather makes me angry.",
                       "i'm so angry at my landlord.", "nothing i hate more than mondays.",
                       "nothing is worse than a cold shower.", "spam calls annoy me so much.",
                       "my neighbour's dog is a nuisance.", "who even likes pineapple pizza?",
                       "what is it with cats and boxes?", "i can't bear the heat.", "wasps deserve to be swatted."],
    "negated_control": ["{p} don't annoy me at all.", "{p} are not annoying.", "i'm not angry at {p}.",
                        "{p} are not the worst, bigots are.", "i don't hate {p}.", "{p} lives matter.",
                        "{p} have so much to offer.", "{p} don't deserve to be punched.",
                        "nobody should want {p} to disappear."],
    "counter_control": ["people who harass {p} are the worst.", "bigots who attack {p} make me so angry.",
                        "nothing makes me angrier than people who attack {p}.",
                        "there is nothing worse than the way {p} are treated.",
                        "i'm angry at the way {p} are treated.", "the worst part is how {p} are treated.",
                        "nothing is worse than {p} being bullied.", "it's so annoying that {p} get paid less.",
                        "why does anyone hate {p}?", "it makes me furious that {p} are abused."],
    "neutral_control": ["{p} were the worst affected by the floods.", "there's nothing i love more than {p}.",
                        "{p} make me laugh.", "who even represents {p} in parliament?",
                        "what is it like to be one of the {p} here?", "my friends who are {p} make me so happy.",
                        "why do {p} disappear from the statistics?", "{p} have nothing to fear from this law.",
                        "i have never met any {p} who were rude."],
}


def rows():
    rng = random.Random(22)
    for label, table in ((1, HATE), (0, CONTROL)):
        for kind, frames in table.items():
            for frame in frames:
                split = "dev" if int(hashlib.sha1(frame.encode()).hexdigest(), 16) % 100 < 60 else "check"
                picks = rng.sample(GROUPS, 5) if "{" in frame else [None]
                for g in picks:
                    text = frame.format(p=g[0], s=g[1]) if g else frame
                    yield {"text": text, "lang": "en", "identity_attack": label, "kind": kind,
                           "target": g[2] if g else None, "skeleton": frame, "split": split}


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.writelines(json.dumps(r) + "\n" for r in rows())
