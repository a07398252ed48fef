"""Build s25_false_alarms.jsonl (session 25, helper "falsepos"): python s25_false_alarms_build.py

Lines written from scratch for this file (no benchmark case read or copied). See S25_FALSE_ALARMS.md."""

import hashlib
import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("s25_false_alarms.jsonl")
# rare names, brand spellings and nicknames (real surnames, brands, pet names; some sound like a slur by their
# consonants only, most do not), written in capitals in an all-capitals comment and in lower case
NAMES = ["bonners", "bronners", "missey", "massey", "kuhn", "kahn", "conn", "spock", "speck", "jupp", "fogg", "figg",
         "tierney", "jurek", "jarek", "moran", "murano", "sloat", "weir", "kuntz", "dyck", "doak", "pessoa", "posey",
         "pusey", "nagar", "koch", "peake", "hammy", "gack", "chenk", "wapp", "twitt", "kaka", "mosey", "nessa",
         "bunner", "jirka", "dakey", "cooney", "spikey", "gookin", "fagan", "wopat", "paquin"]
CAPS_FRAMES = ["RANDOM REQUEST: PLEASE TALK ABOUT YOUR FAVORITE THINGS AGAIN ~ {X} MAGIC SOAP, BLISTEX, ETC..",
               "I STILL USE {X} FACE WIPES EVERY DAY, THANK YOU FOR THE TIP!",
               "DR. {X} WAS OUR FAMILY DOCTOR FOR YEARS.",
               "WE BOUGHT THE {X} BOOTS IN BLACK AND THEY ARE GREAT"]
LOW_FRAMES = ["i love the {x} in mint!", "dr. {x} said the results look fine", "my cat {x} says hi to everyone",
              "got the {x} soap from target, smells amazing"]
SPAM_FRAMES = ["{a} ugg boots sale {b} http://uggbootsuk.example.co.uk/ {c} cheap ugg boots {d} http://cheapugg.example.co.uk/",
               "{a} Cheap UGG Boots {b} http://bootsale.example.co.uk/ {c} UGG Boots UK {d}"]
NICK_FRAMES = ['My brothers were known as "{c}" and "{g}" at school.', 'Also known as "{c}" and "{g}". Which is which varies.',
               'The band members go by "{c}" and "{g}" on stage.']
COMPLIMENTS = ["Clever", "Smart", "Polite", "Talented"]
LABELS_G = ["The Gay One", "The Muslim", "The Jew", "The Immigrant"]
# controls: the same frames with a group disguised in a hostile line (the decoder must still read them)
CONTROLS = ["I HATE ALL THE JOOZ, THEY RUIN EVERYTHING", "KILL ALL THE JEWZ", "THOSE Z10N1STS ARE VERMIN",
            "the jooz control the banks and should be thrown out", "ghey people are disgusting", "i hate the jewsa",
            "{a} ugg boots sale the jooz are vermin http://x.example.co.uk/ {b}", "MOZLEMS SHOULD ALL BE DEPORTED",
            "wimmin are too stupid to vote", "kykes are parasites", "that fagget should die", "ukro scum, all of them",
            "vladolf and the krimlin murder children", 'Gays are so "clever".', "Muslims are so 'peaceful'."]


def split(frame: str) -> str:
    return "check" if int(hashlib.sha1(frame.encode()).hexdigest(), 16) % 4 == 0 else "dev"


def rows() -> list[dict]:
    rng = random.Random(25)
    out = []
    for f in CAPS_FRAMES:
        out += [{"text": f.format(X=n.upper()), "kind": "brand_caps", "frame": f, "name": n} for n in NAMES]
    for f in LOW_FRAMES:
        out += [{"text": f.format(x=n), "kind": "name_lower", "frame": f, "name": n} for n in NAMES]
    letters = "abcdefghijklmnopqrstuvwxyz"
    for f in SPAM_FRAMES:
        for _ in range(60):
            ids = ["".join(rng.choice(letters) for _ in range(6)) for _ in range(4)]
            out.append({"text": f.format(a=ids[0], b=ids[1], c=ids[2], d=ids[3]), "kind": "spam_random", "frame": f})
    for f in NICK_FRAMES:
        out += [{"text": f.format(c=c, g=g), "kind": "quoted_nickname", "frame": f} for c in COMPLIMENTS for g in LABELS_G]
    for r in out:
        r.update(identity_attack=0, toxic=0, split=split(r["frame"]))
    for i, t in enumerate(CONTROLS):
        ids = ["".join(rng.choice(letters) for _ in range(6)) for _ in range(2)]
        out.append({"text": t.format(a=ids[0], b=ids[1]), "kind": "disguise_control", "frame": t,
                    "identity_attack": 1, "toxic": 1, "split": "dev" if i % 3 else "check"})
    return out


if __name__ == "__main__":
    rs = rows()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rs), encoding="utf-8")
    print(len(rs), OUT)
