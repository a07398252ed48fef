"""Generate probes/s19_slur_senses.jsonl (session 19, helper "hate"): words of the slur list in their everyday sense
(a cigarette, a biscuit, an embankment, a verb) or said of oneself, and the same words used as slurs. Authored lines,
not from any eval set. Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else "check" (fixed before measuring)."""
import collections, hashlib, json
from pathlib import Path

# (kind, identity_attack, skeleton, fillers)
T = [
 ("everyday_sense", 0, "just popping out for a {w}, back in five", ["fag"]),
 ("everyday_sense", 0, "he smoked a {w} behind the shed", ["fag"]),
 ("everyday_sense", 0, "bought a packet of {w}s and a lighter", ["fag"]),
 ("everyday_sense", 0, "left a {w} end burning on the balcony", ["fag"]),
 ("everyday_sense", 0, "cheese and {w}s for dinner again lol", ["cracker"]),
 ("everyday_sense", 0, "the kids ate a whole box of {w}s", ["cracker"]),
 ("everyday_sense", 0, "we pulled christmas {w}s and read the awful jokes", ["cracker"]),
 ("everyday_sense", 0, "the {w} burst and the whole village flooded", ["dyke"]),
 ("everyday_sense", 0, "we walked along the sea {w} at sunset", ["dyke"]),
 ("everyday_sense", 0, "a new tax like that could {w} small businesses", ["cripple"]),
 ("everyday_sense", 0, "these sanctions will {w} their economy", ["cripple"]),
 ("everyday_sense", 0, "cold weather can {w} the growth of the seedlings", ["retard"]),
 ("everyday_sense", 0, "fossils of homo {w} were found in the cave", ["erectus"]),
 ("everyday_sense", 0, "there's a {w} in the armour of every argument", ["chink"]),
 ("everyday_sense", 0, "a {w} of light came through the curtains", ["chink"]),
 ("everyday_sense", 0, "my grandad's {w} hound barked all night", ["coon"]),
 ("everyday_sense", 0, "we played space {w} at the arcade for hours", ["invaders"]),
 ("everyday_sense", 0, "{w} and peas with onion gravy, proper northern tea", ["faggots"]),
 ("everyday_sense", 0, "the {w} moth caterpillars stripped the oak", ["gypsy"]),
 ("everyday_sense", 0, "the orcs in the second film looked much better", ["orcs"]),
 # reclaimed: a speaker naming themselves
 ("reclaimed", 0, "we are a bunch of proud {w} and we are not going anywhere", ["dykes"]),
 ("reclaimed", 0, "i'm just an old {w} who likes gardening", ["dyke"]),
 ("reclaimed", 0, "us {w} have to look out for each other", ["homos"]),
 ("reclaimed", 0, "me and the other {w} at the bar had a great night", ["dykes"]),
 ("reclaimed", 0, "we're loud proud {w} and we vote", ["dykes"]),
 ("reclaimed", 0, "being a {w} myself i find this hilarious", ["dyke"]),
 # the same words as slurs: hateful controls
 ("slur_use", 1, "get these {w} out of my country", ["fags", "spics", "kikes", "trannies"]),
 ("slur_use", 1, "you are nothing but a {w}", ["fag", "spic", "dyke", "retard"]),
 ("slur_use", 1, "my neighbour is a filthy {w}", ["coon", "chink", "paki", "tranny"]),
 ("slur_use", 1, "typical {w}, always whining", ["dyke", "cracker", "gook", "spic"]),
 ("slur_use", 1, "no {w} will ever work in my shop", ["fag", "chink", "coon", "kike"]),
 ("slur_use", 1, "those {w} are ruining the neighbourhood", ["crackers", "dykes", "gypsies", "pakis"]),
 ("slur_use", 1, "they are a bunch of {w}", ["dykes", "fags", "cripples", "retards"]),
 ("slur_use", 1, "shut up you {w}", ["fag", "dyke", "cripple", "spic"]),
]
out = []
for kind, ident, skel, fills in T:
    split = "dev" if int(hashlib.sha1(skel.encode()).hexdigest(), 16) % 100 < 60 else "check"
    for w in fills:
        out.append({"text": skel.format(w=w), "lang": "en", "identity_attack": ident, "kind": kind,
                    "skeleton": skel, "split": split})
Path("training/data/comments_authored/probes/s19_slur_senses.jsonl").write_text(
    "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
print(len(out), collections.Counter((r["kind"], r["split"]) for r in out))
