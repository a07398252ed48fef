"""Sexual content: a sexual word read in a sexual frame (a body part with a possessive, a sex act, an
object shown) scores 0.85; a word with another sense alone 0.35 (``_sexual_score``).
"""

from __future__ import annotations

from storytrace.comments._rules_shared import _SECOND_PERSON

# words of the sexual lexicon that also have a non-sexual sense ("same sex", "not sexy" for dull, "he's a dick", a
# rooster, "the naked eye", "a bang", rape as a crime in the news): alone they are weak evidence (revision 3.6.2);
# stems group the forms of one word, so that "rape ... raped" is one word, not two
_SEXUAL_SENSES = {"sex": "sex", "sexy": "sex", "dick": "dick", "dicks": "dick", "cock": "cock", "cocks": "cock",
                  "bang": "bang", "hoe": "hoe", "hoes": "hoe", "pussy": "pussy", "pussies": "pussy", "boobs": "boob",
                  "tits": "tit", "naked": "naked", "nude": "naked", "rape": "rape", "raped": "rape",
                  "rapist": "rape", "penis": "penis", "vagina": "vagina", "anal": "anal"}
_BODY = frozenset(["dick", "dicks", "cock", "cocks", "pussy", "pussies", "boobs", "tits", "penis", "vagina"])
_POSSESSIVE = frozenset(["my", "your", "ur", "his", "her", "their", "yo"])
# verbs of a sexual act or display a few words before the word: "grab her pussy", "show me your tits"
_SEX_ACTS = frozenset(["suck", "sucking", "lick", "licking", "grab", "grabbing", "touch", "touching", "show", "flash",
                       "ride", "riding", "fuck", "fucking", "stroke", "stroking", "finger", "send", "eat", "have",
                       "having", "want", "wanna"])
# a body word after one of these is described, not named ("nice tits", "big fat cock"); "naked" or "nude" before
# one of _SHOWN is a picture of someone ("hot naked girls"), not "the naked eye"
_SEX_ADJECTIVES = frozenset(["nice", "wet", "big", "fat", "huge", "hot", "tight", "juicy", "hard", "small", "tiny",
                             "perky", "hairy", "sweet"])
_SHOWN = frozenset(["girl", "girls", "woman", "women", "teen", "teens", "pics", "photos", "pictures", "video",
                    "videos", "selfies", "body", "bodies", "chick", "chicks", "babes"])
# "rape her", "bang him", "to be raped": the act aimed at a person
_SEX_VERBS = frozenset(["rape", "raped", "bang"])
_THIRD_PERSON_OBJECTS = frozenset(["her", "him", "them", "that", "this"])


def _sexual_frame(toks: list[str], j: int, term: str) -> bool:
    """Words around a sexual word with another sense that make it sexual: described body words, naked people,
    a sexual act aimed at someone."""
    before = toks[max(0, j - 2) : j]
    if term in _BODY and any(t in _SEX_ADJECTIVES for t in before):
        return True
    if _SEXUAL_SENSES.get(term) == "naked" and (toks[j + 1 : j + 2] and toks[j + 1] in _SHOWN or "hot" in before):
        return True
    return term in _SEX_VERBS and (any(t in _THIRD_PERSON_OBJECTS for t in toks[j + 1 : j + 3]) or "be" in before)


def _sexual_score(toks: list[str], hits: list[tuple[int, str]]) -> float:
    """0.85 for sexual content: an unambiguous term, two different sexual words, or a word with a non-sexual sense in
    a sexual frame (a possessive before a body word, a sexual act or display before it, "you" right after it);
    0.35 for such a word alone ("same sex marriage", "not sexy", "he's a dick"); 0 without any."""
    if not hits:
        return 0.0
    if any(term not in _SEXUAL_SENSES for _, term in hits) or len({_SEXUAL_SENSES[t] for _, t in hits}) >= 2:
        return 0.85
    for j, term in hits:
        before = toks[max(0, j - 3) : j]
        possessed = term in _BODY and j > 0 and toks[j - 1] in _POSSESSIVE
        act = any(t in _SEX_ACTS for t in before) and (term in _BODY or any(t in _SECOND_PERSON for t in toks[j:j + 4]))
        aimed = any(t in _SECOND_PERSON for t in toks[j + 1 : j + 3])  # "rape you", "sex with you"
        if possessed or act or aimed or _sexual_frame(toks, j, term):
            return 0.85
    return 0.35
