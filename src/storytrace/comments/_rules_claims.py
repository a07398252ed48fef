"""Claims about a group that the comment itself rejects, denies or calls false ("stop pretending X are
vermin", "the myth that X are lazy", "you keep saying X are criminals, they are not"), and praise it rejects:
``_rules._attacks`' readings of counter-speech, which move the hostile words to ``Analysis.claimed``.
"""

from __future__ import annotations

import re

from storytrace.comments._lexicon import Lexicon
from storytrace.comments._rules_benign import nominal_claim
from storytrace.comments._rules_shared import (
    _CONDEMNING,
    _DISGUST,
    _ENDORSED,
    _FALSE_FRAMES,
    _FALSITY,
    _FIRST_PERSON,
    _GROUP_NOUNS,
    _HEDGES,
    _STOP,
)
from storytrace.comments._tokens import _NEGATION, _phrase_at

# words that introduce a claim about a group without asserting it: "saying X are Y", "the idea that X are Y", "stop
# calling X Y", "no evidence X are Y"
_CLAIM_FRAMES = _FALSE_FRAMES | frozenset([
    "say", "says", "saying", "said", "claim", "claims", "claiming", "claimed", "think", "thinks", "thinking", "thought",
    "believe", "believes", "believing", "call", "calls", "calling", "called", "treat", "treats", "treating", "idea",
    "notion", "evidence", "proof", "shown", "show", "shows", "prove", "proves", "proved", "suggest", "suggests",
    "suggesting", "assume", "assumes", "assuming", "imply", "implying", "label", "labelling", "labeling", "portray",
    "portraying", "painting",
    # saying it in writing or aloud (session 19): "posting that X should die is disgusting", "telling X they ..."
    "post", "posts", "posting", "posted", "write", "writes", "writing", "wrote", "shout", "shouting", "shouted",
    "yelling", "yelled", "telling", "tweet", "tweeting", "tweeted", "compare", "compares",
    "comparing", "compared"])
# a claim that speaks well of a group besides the lexicon's positive words: "the myth that X are harmless"
_FAVOURABLE = frozenset(["harmless", "fine", "ok", "okay", "victims", "welcome", "innocent", "equal"])
# after "and", these refer back to the claim: "... and it's still a lie"
_REFERS_BACK = (["it's"], ["its"], ["it"], ["that's"], ["thats"], ["that"], ["which"], ["this"])
# after a negation in that predicate: "... is not true", "... is not supported by the data"
_SUPPORTED = frozenset(["true", "supported", "backed", "proven", "accurate", "correct", "real", "factual", "right",
                        "ok", "okay", "acceptable", "based"])


def _claim_words(toks: list[str], gi: int, ev: list[int]) -> list[int]:
    """The hostile words of the claim about the group at ``gi``: those up to the first one after the group; later
    ones are said of someone else ("anyone who says X are liars is an idiot") or asserted by a new subject ("stop
    calling X refugees they are invaders")."""
    after = [j for j in ev if j > gi and not _new_subject(toks, gi, j)]
    return [j for j in ev if j <= gi or (after and j <= after[0])]


def _new_subject(toks: list[str], gi: int, j: int) -> bool:
    """A new clause with "they" as its subject starts between the group at ``gi`` and token ``j`` (run-on
    sentences: "stop calling X refugees they are invaders")."""
    return any(toks[k] in ("they're", "theyre") or toks[k] in ("they", "those", "these") and
               toks[k + 1] in ("are", "r", "is", "were", "all") for k in range(gi + 1, j))


def _claim_frame(norm: str, words: list[tuple[int, int, str]], toks: list[str], clause: list[int], gi: int,
                 ev: list[int]) -> int:
    """Index of a claim frame ("saying", "the idea that", "calling") at most four words before the group at ``gi``
    that introduces the group and its hostile words ``ev`` as one claim: in the group's clause, with no punctuation
    from the frame to the last hostile word ("stop calling X victims, they are criminals" asserts the part after the
    comma; "nobody wants to say it but X are Y" asserts what follows "but"). -1 if none."""
    end = words[max([*ev, gi])][1]
    for f in range(gi - 1, max(-1, gi - 5), -1):
        size = _phrase_at(toks, f, _CLAIM_FRAMES) or _falsity_that(toks, f) or int(nominal_claim(toks, f))  # s20
        if size and f + size <= gi and clause[f] == clause[gi] and not re.search(r"[,.!?;:\n]",
                                                                                  norm[words[f][1] : end]):
            return f
    return -1


def _falsity_that(toks: list[str], f: int) -> int:
    """1 if ``f`` is the "that" of a clause called false before it (session 19): "it is not true that X are Y", "it's
    simply false that ...", "it's a lie that ..."; not "it's true that", "it's not a lie that" (negated falsity)."""
    if toks[f] != "that" or f < 1:
        return 0
    before = toks[max(0, f - 4) : f]
    negated = any(t in _NEGATION for t in before)
    if toks[f - 1] in _FALSITY or toks[f - 1] == "case" or f > 1 and toks[f - 2] in _FALSITY:
        return 0 if negated and toks[f - 1] != "case" else 1  # "the case": "it is not the case that"
    return 1 if negated and toks[f - 1] in _SUPPORTED else 0


def _first_person(toks: list[str], f: int) -> bool:
    """The claim frame at ``f`` is the commenter's own belief or saying ("i think", "i really do believe", "we
    say"): it asserts the claim."""
    k = f - 1
    while k >= 0 and f - k <= 3 and toks[k] in _HEDGES:
        k -= 1
    return k >= 0 and toks[k] in _FIRST_PERSON


def _favourable(toks: list[str], neg: list[bool], clause: list[int], f: int, gi: int, claimed: list[int],
                lex: Lexicon) -> bool:
    """The claim framed at ``f`` about the group at ``gi`` speaks well of it: a positive word ("X are peaceful", "X
    are harmless") or a denied hostile word ("X aren't dangerous"). Rejecting such a claim is an attack."""
    after = [j for j in claimed if j > gi]
    if any(f < j < gi for j in claimed):
        return False  # a hostile word inside the frame ("parasites they are people"): what follows is not the claim
    end = after[-1] + 1 if after else min(len(toks), gi + 5)
    negated = False
    start = gi + 2 if toks[gi + 1 : gi + 2] and toks[gi + 1] in _GROUP_NOUNS else gi + 1  # "trans people are ..."
    for k in range(start, end):
        if clause[k] != clause[gi]:
            break
        if neg[k]:
            negated = True
        elif _phrase_at(toks, k, lex.positive) or toks[k] in _FAVOURABLE:
            return not negated
        elif _phrase_at(toks, k, lex.negative):
            return negated
    return False


def _predicate_rejects(toks: list[str], neg: list[bool], clause: list[int], last: int, lex: Lexicon) -> bool:
    """A word of falsity or condemnation follows the claim ending at ``last`` as what is said of it: in its clause,
    within a few words, not negated and not in a new statement joined by "and" ("[claim] is a lie", "..., that's a
    myth", "... is not true", "people calling X Y with zero evidence are repeating propaganda", "... and it's still
    a lie"; not "... and the denials are lies", "... and that's not a stereotype")."""
    for k in range(last + 1, min(len(toks), last + 12)):
        t = toks[k]
        if clause[k] != clause[last] or (t == "and" and toks[k + 1 : k + 2] not in _REFERS_BACK):
            return False
        if neg[k] and not (t == "nothing" and toks[k + 1 : k + 2] == ["but"]):
            return toks[k + 1 : k + 2] != [] and toks[k + 1] in _SUPPORTED  # "is not true", "is not supported"
        if t in _FALSITY or lex.counter_re.match(" ".join(toks[k : k + 3])):
            return True
    return False
# (session 19) who makes a claim the comment argues with: the addressee ("if you think X are Y, you need help", "did
# you really just say ...", "people like you who call X Y"); the words that may stand between "you" and the frame
_ADDRESSEE = frozenset(["you", "u", "ya", "y'all", "yall"])
_BEFORE_FRAME = _HEDGES | frozenset(["keep", "keeps", "kept", "who", "that", "can", "could", "did", "ever", "now",
                                     "seriously", "literally", "went", "go", "and", "then", "still", "is"])
# ... and what marks the addressee's claim as the commenter's own view after all: "like you said", "you're right"
_ENDORSING_LEADS = frozenset(["like", "as", "thank", "thanks"])
# before a claim frame, disbelief or mockery at it: "i can't believe people still say X are Y", "imagine thinking ..."
_MOCKING = frozenset(["imagine", "imagining"])
_CLAIMANTS = frozenset(["people", "anyone", "someone", "somebody", "folks", "you", "u", "they", "he", "she", "some",
                        "others", "idiots", "morons", "men", "guys"])


def _addressee_claim(toks: list[str], neg: list[bool], f: int, last: int) -> bool:
    """The claim framed at ``f`` (ending at ``last``) is the addressee's: "you" up to four words before the frame,
    only hedges, auxiliaries or a relative between ("did you really just say", "people like you who call", "you keep
    saying"); not endorsed ("like you said", "you said X are Y and you're right"), not a negative question ("don't
    you think X are Y?", which asserts it)."""
    k = f - 1
    while k >= 0 and f - k <= 4 and toks[k] not in _ADDRESSEE and toks[k] in _BEFORE_FRAME:
        k -= 1
    if k < 0 or f - k > 4 or toks[k] not in _ADDRESSEE or _negative_question(toks, f):
        return False
    if k > 0 and toks[k - 1] in _ENDORSING_LEADS and k == f - 1:
        return False  # "like you said", "as you say", "thank you for saying"
    return not any(_phrase_at(toks, m, _ENDORSED) and not any(neg[max(0, m - 2) : m]) or
                   toks[m : m + 2] in (["i", "do"], ["me", "too"], ["so", "do"]) for m in range(last + 1, len(toks)))


def _disbelief(toks: list[str], neg: list[bool], clause: list[int], f: int) -> int:
    """Index of disbelief or mockery aimed at someone's claim framed at ``f``: "imagine" right before the frame
    ("imagine thinking X are Y"), or a negated "believe" with a claimant between it and the frame ("i can't believe
    people still say X are Y"). -1 if none."""
    if f > 0 and toks[f - 1] in _MOCKING:
        return f - 1
    for k in range(max(1, f - 5), f - 1):
        if clause[k] == clause[f] and toks[k] == "believe" and neg[k - 1] and _CLAIMANTS & set(toks[k + 1 : f]):
            return k
    return -1


def _rejected_claim(norm: str, words: list[tuple[int, int, str]], toks: list[str], neg: list[bool],
                    clause: list[int], gi: int, ev: list[int], lex: Lexicon, opener: dict[int, str]) -> int:
    """Counter-speech by reference: the group at ``gi`` and its hostile words ``ev`` are a claim the comment rejects
    without quoting it. The claim frame (``_claim_frame``) presents it as false ("pretending X are Y", "the myth that
    ..."); a negation, "stop" or a word of falsity comes right before the frame ("no evidence X are Y", "stop calling
    X Y", "i would never say X are Y", "it's false that ..."; not a disclaimer with "but" opening the next clause:
    "I'm not saying all X are Y but ..."); a word of disgust or hate leads to the frame ("i hate it when people say X
    are Y"); an insult names whoever makes the claim ("only a moron would claim ...", "anyone who says ... is an
    idiot"); or the claim's own predicate is a word of falsity or condemnation ("... is wrong", "... is a lie").
    Not rejected: a claim that speaks well of the group (rejecting it attacks the group: "i'm sick of people saying X
    aren't dangerous"), a first-person frame ("i think X are Y": the commenter's own claim), hostile words a new
    subject asserts after the claim. ``opener``: clause id -> the word that opens the next clause. Returns the index
    of the frame or of the condemning word, -1 if the claim is not rejected."""
    if (term := lex.terms.get(toks[gi])) is not None and term.kind == "slur":
        return -1  # a slur is the commenter's own word unless quoted
    claimed = _claim_words(toks, gi, ev)
    f = _claim_frame(norm, words, toks, clause, gi, claimed)
    if f < 0 or any(j > gi and j not in claimed and _new_subject(toks, gi, j) for j in ev):
        return -1
    if _favourable(toks, neg, clause, f, gi, claimed, lex):
        return -1
    last = max([gi, *claimed])
    k = _rejection(toks, neg, clause, f, gi, [j for j in ev if j not in claimed], last, lex, opener)
    if k >= 0 or _first_person(toks, f):
        return k
    # session 19: someone else's claim the comment argues with, not the commenter's own
    if _addressee_claim(toks, neg, f, last) or (k := _disbelief(toks, neg, clause, f)) >= 0:
        return max(k, f)
    if not toks[f].endswith("ing") and not nominal_claim(toks, f):
        return -1
    if toks[last] in _CONDEMNING and last - gi > 2 and toks[last - 1] in ("is", "was"):
        return last  # "comparing X to rats is disgusting": the claim has no hostile word of its own
    return f if _condemned_predicate(toks, neg, clause, last) else -1


def _condemned_predicate(toks: list[str], neg: list[bool], clause: list[int], last: int) -> bool:
    """After a claim ending at ``last``, in its clause, "is" / "was" then, within three words, a condemning word not
    negated: the claim's gerund frame is the subject judged ("posting that X should die is disgusting", "comparing
    X to rats is just vile")."""
    for k in range(last + 1, min(len(toks), last + 8)):
        if clause[k] != clause[last]:
            return False
        if toks[k] in ("is", "was", "isn't", "isnt", "wasn't"):
            return any(toks[m] in _CONDEMNING and not any(neg[k : m]) for m in range(k + 1, min(len(toks), k + 4))
                       if clause[m] == clause[last])
    return False


def _rejection(toks: list[str], neg: list[bool], clause: list[int], f: int, gi: int, said_of_claimant: list[int],
               last: int, lex: Lexicon, opener: dict[int, str]) -> int:
    """Index of what rejects the claim framed at ``f`` about the group at ``gi`` and ending at ``last`` (see
    ``_rejected_claim``), -1 if nothing does; ``said_of_claimant``: hostile words after the claim, which may insult
    whoever makes it."""
    before = [k for k in range(max(0, f - 3), f) if clause[k] == clause[f]]
    negated = any(neg[k] for k in before) and not _negative_question(toks, f)
    if _phrase_at(toks, f, _FALSE_FRAMES):
        return -1 if negated else f  # "it's not a myth that X are Y" asserts it
    if negated or any(toks[k] in _STOP or toks[k] in _FALSITY for k in before):
        return -1 if negated and opener.get(clause[gi]) in ("but", "however", "yet") else f
    if _first_person(toks, f):
        return -1
    for k in range(f - 1, max(-1, f - 6), -1):
        if clause[k] == clause[f] and (toks[k] in _DISGUST or toks[k] in lex.insults
                                       or _phrase_at(toks, k, lex.hate_verbs)):
            return k  # "it's disgusting that people think", "only a moron would claim"
    insulted = [j for j in said_of_claimant if toks[j] in lex.insults]  # "anyone who says ... is an idiot"
    if insulted:
        return insulted[0]
    return f if _predicate_rejects(toks, neg, clause, last, lex) else -1
_LESSER = frozenset(["less", "least", "hardly", "barely", "rarely", "seldom"])
# the subject of a negative question: "don't you think", "doesn't everyone know", "do you not agree"
_ASKED_SUBJECTS = frozenset(["you", "u", "ya", "we", "they", "people", "everyone", "everybody", "anyone", "anybody",
                             "he", "she", "it", "folks", "y'all"])
_AUXILIARIES = frozenset(["do", "does", "did", "would", "could", "should", "can", "will"])


def _negative_question(toks: list[str], f: int) -> bool:
    """The claim frame at ``f`` is asked as a negative question ("don't you think X are Y?", "wouldn't you agree
    that ...", "do you not think ..."): a rhetorical question asserts the claim, it does not deny it."""
    k = f - 1
    while k >= 0 and f - k <= 3 and toks[k] in _HEDGES:
        k -= 1
    if k >= 2 and toks[k] == "not":  # "do you not think"
        return toks[k - 1] in _ASKED_SUBJECTS and toks[k - 2] in _AUXILIARIES
    # "don't you think", "wouldnt you agree": a contracted negative auxiliary before the subject
    return k >= 1 and toks[k] in _ASKED_SUBJECTS and toks[k - 1] in _NEGATION and toks[k - 1].endswith(("n't", "nt"))


def _praise_at(toks: list[str], neg: list[bool], clause: list[int], gi: int, lex: Lexicon) -> int:
    """Index of the word by which the words after the group at ``gi`` speak well of it: a positive word ("X are
    normal", "... are people") or a denied hostile one ("X are not terrorists"); -1 if none."""
    negated = False
    start = gi + 2 if toks[gi + 1 : gi + 2] and toks[gi + 1] in _GROUP_NOUNS else gi + 1
    for k in range(start, min(len(toks), gi + 6)):
        if clause[k] != clause[gi]:
            break
        if neg[k] or toks[k] in _LESSER:
            negated = True  # "no evidence X are less intelligent" rejects a hostile claim
        elif _phrase_at(toks, k, lex.positive) or toks[k] in _FAVOURABLE:
            return -1 if negated else k
        elif _phrase_at(toks, k, lex.negative):
            return k if negated else -1
    return -1


def _rejected_praise(norm: str, words: list[tuple[int, int, str]], toks: list[str], neg: list[bool],
                     clause: list[int], gi: int, lex: Lexicon, opener: dict[int, str]) -> int:
    """A claim that speaks well of the group at ``gi``, rejected ("stop pretending X are people", "only a fool would
    claim X are normal", "saying X are not terrorists is propaganda"): an attack on the group with no hostile word
    of its own. Index of what rejects it, -1 if none."""
    f = _claim_frame(norm, words, toks, clause, gi, [])
    praise = _praise_at(toks, neg, clause, gi, lex) if f >= 0 else -1
    return -1 if praise < 0 else _rejection(toks, neg, clause, f, gi, [], praise, lex, opener)
