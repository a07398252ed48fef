"""Non-hateful readings of comments that name a group (session 20, helper "nh3"; English): the learned heads give a
bare group mention a high identity baseline, so a group named in a plain statement of its humanity or of everyday
life, a negative predicate denied, or a slur reclaimed by its own speakers reads as an attack unless a rule says
otherwise. Each reading here is narrow: it holds only when nothing hostile is said elsewhere (the callers in
``_rules`` keep their own guards: no hostile word, negation, sarcasm marker, slur or insult for ``benign``).

Developed on probes/s20_benign_precision.jsonl and s20b_benign_forms.jsonl (authored; split by skeleton hash)."""

from __future__ import annotations

from storytrace.comments._rules_shared import _BODILY, _IRONY, _SCARE_QUOTES, _hostile_word, _self_reference
from storytrace.comments._tokens import _phrase_at, seq_at

# "X are people (too)", "X are human beings like the rest of us": the whole rest of the comment is made of these
_HUMAN = frozenset(["people", "human", "humans", "persons", "beings"])
_HUMAN_TAIL = frozenset(["too", "as", "well", "like", "just", "everyone", "everybody", "anyone", "anybody", "else",
                         "the", "rest", "of", "us", "you", "and", "me", "with", "feelings", "families", "lives",
                         "hopes", "dreams", "same", "other", "all", "real", "who", "deserve", "respect", "dignity",
                         "normal", "ordinary", "regular", "beings", "human", "people", "at", "end", "day", "we",
                         "are", "after"])
_HUMAN_LEAD = frozenset(["just", "also", "still", "all", "simply", "only", "normal", "ordinary", "regular", "real",
                         "fellow"])
_ARE = frozenset(["are", "r", "were", "is"])
# a group as the subject of everyday life: "X live in every city", "X work in healthcare", "X vote like anyone else";
# the verb must be followed by one of its plain complements ("live off our taxes" is not one)
_LIFE_VERBS: dict[str, frozenset[str]] = {
    v: c for vs, c in (
        (("live", "lived", "living"), frozenset(["in", "all", "across", "here", "there", "with", "next", "near",
                                                 "everywhere", "throughout", "and", "around"])),
        (("work", "worked", "working"), frozenset(["in", "as", "at", "with", "hard", "across", "alongside"])),
        (("study", "studied", "speak", "spoke", "vote", "voted", "celebrate", "celebrated", "pray", "prayed",
          "pay", "paid", "serve", "served", "attend", "attended", "teach", "taught", "contribute",
          "contributed"), frozenset()),
    ) for v in vs}
# what turns an everyday-life statement into a trope: "X live in every country and control them", "X live in every
# city now, it's an invasion", "X work here and take our jobs"
_TROPES = frozenset(["control", "controls", "controlling", "run", "runs", "running", "own", "owns", "take", "takes",
                     "taking", "took", "steal", "steals", "stealing", "breed", "breeds", "breeding", "invade",
                     "invades", "invading", "invasion", "invaders", "replace", "replacing", "replacement", "outnumber",
                     "outnumbering", "infiltrate", "infiltrating", "swarm", "swarming", "flood", "flooding", "overrun",
                     "infest", "infesting", "everywhere", "free", "benefits", "welfare", "handouts", "but", "sadly",
                     "unfortunately", "apparently", "supposedly", "allegedly", "guess", "too", "many", "much",
                     "multiply", "multiplying", "spread", "spreading", "plot", "plotting", "rule", "rules", "ruling",
                     "secretly", "leave"])
# "X have every right to ...", "X belong here (as much as anyone)"
_RIGHTS = (("have", "every", "right"), ("have", "the", "right"), ("have", "the", "same", "rights"),
           ("deserve", "the", "same"), ("deserve", "equal"), ("belong", "here"), ("belong", "in", "this"))

# a negative predicate denied of the group: "X are not a threat", "X aren't the problem", "X pose no danger"
_DENIED_NOUNS = frozenset(["threat", "threats", "problem", "problems", "danger", "dangers", "enemy", "enemies",
                           "menace", "burden", "issue", "risk", "drain"])
_NEG_COPULA = (("are", "not"), ("are", "no"), ("are", "never"), ("aren't",), ("arent",), ("is", "not"), ("isn't",),
               ("were", "not"), ("weren't",), ("pose", "no"), ("are", "in", "no", "way"), ("are", "by", "no", "means"))
_DENIED_FILL = frozenset(["a", "an", "the", "any", "real", "big", "kind", "of", "sort", "our", "your", "their", "such",
                          "actual", "at", "all"])
# "there is nothing wrong with (being) X", "nothing is wrong with X"
_NOTHING_WRONG = (("nothing", "wrong", "with"), ("nothing", "is", "wrong", "with"), ("nothing", "bad", "about"),
                  ("nothing", "against"))  # session 22: "i have nothing against X"
# the words between a negative subject and a hate verb it denies: "no one has any reason to despise X", "nobody
# ever had a good reason to hate X", "there's never any need to fear X"
_REASON_CHAIN = frozenset(["has", "have", "had", "got", "ever", "any", "a", "good", "real", "single", "reason",
                           "reasons", "cause", "need", "excuse", "to", "one", "there", "is", "there's", "was"])
_NEG_SUBJECTS = frozenset(["no", "nobody", "never"])

# a slur reclaimed by its speakers: "proud to be a X", "me and my X", "all my X", "my fellow X"
_RECLAIM_BEFORE = (("proud", "to", "be", "a"), ("proud", "to", "be", "an"), ("proud", "to", "be"),
                   ("me", "and", "my"), ("all", "my"), ("my", "fellow"), ("fellow",))

# a claim named by a noun with its "that" clause ("your comment that X are Y is disgusting", "the statement that ...
# is vile"): judged by a condemning predicate like a gerund claim ("posting that X ... is disgusting")
CLAIM_NOUNS = frozenset(["comment", "comments", "statement", "statements", "remark", "remarks", "post", "posts",
                         "tweet", "tweets", "claim", "claims", "suggestion", "assertion", "message", "reply"])


def nominal_claim(toks: list[str], f: int) -> bool:
    """The claim frame at ``f`` is a noun of saying with its "that" clause: "your comment that X are Y"."""
    return toks[f] in CLAIM_NOUNS and toks[f + 1 : f + 2] == ["that"] and not _CONCEDED & set(toks[f:])


# after a condemned claim, what concedes it: "... is disgusting, but true"
_CONCEDED = frozenset(["but", "yet", "though", "although", "true", "right", "correct", "accurate", "fair", "point"])


def _at(toks: list[str], k: int, pat: tuple[str, ...]) -> bool:
    return seq_at(toks, k, (pat,)) > 0


def kind_statement(toks: list[str], ends: list[int]) -> bool:
    """A group mention (its token ends ``ends``) is the subject of a plain statement: of its humanity, closing the
    comment ("X are people too", "X are human beings like the rest of us"), of everyday life ("X live in every
    city", "X vote like everyone else") or of rights ("X have every right to live here")."""
    n = len(toks)
    for e in ends:
        if e >= n:
            continue
        if toks[e] in _ARE:
            k = e + 1
            while k < n and toks[k] in _HUMAN_LEAD and toks[k] != "human" and k - e < 3:
                k += 1
            k += toks[k : k + 2] == ["human", "beings"]
            if k < n and toks[k] in _HUMAN and all(t in _HUMAN_TAIL for t in toks[k + 1 :]):
                return True
        k = e + (toks[e] in ("all", "also", "often", "mostly", "usually", "still", "too"))
        if _TROPES & set(toks[k:]):
            continue
        if k + 1 < n and toks[k] in _LIFE_VERBS and (not _LIFE_VERBS[toks[k]] or toks[k + 1] in _LIFE_VERBS[toks[k]]):
            return True
        if any(_at(toks, k, pat) for pat in _RIGHTS):
            return True
    return False


def denied_negative(toks: list[str], starts: list[int], ends: list[int]) -> tuple[int, int] | None:
    """The token span of a negative predicate denied of the group ("X are not a threat", "X pose no danger",
    "there is nothing wrong with (being) X"), or None."""
    n = len(toks)
    for e in ends:
        for pat in _NEG_COPULA:
            if not _at(toks, e, pat):
                continue
            k = e + len(pat)
            while k < n and toks[k] in _DENIED_FILL and k - e < len(pat) + 3:
                k += 1
            if k < n and toks[k] in _DENIED_NOUNS:
                return e, k + 1
    for s in starts:
        for pat in _NOTHING_WRONG:
            for lead in (0, 1, 2):  # "with X", "with being X", "with being a X"
                b = s - lead - len(pat)
                if b >= 0 and _at(toks, b, pat) and all(t in ("being", "a", "an") for t in toks[b + len(pat) : s]):
                    return b, s
    return None


def reason_denied(toks: list[str], neg: list[bool], j: int) -> bool:
    """A negative subject reaches the hate verb at ``j`` over a chain of having a reason or need ("no one has any
    reason to despise X", "nobody ever had a good reason to hate X")."""
    k = j - 1
    if k < 0 or toks[k] != "to":
        return False
    seen_reason = False
    while k >= 0 and j - k <= 8:
        if toks[k] in _NEG_SUBJECTS and seen_reason:
            return True
        if toks[k] not in _REASON_CHAIN:
            return False
        seen_reason = seen_reason or toks[k] in ("reason", "reasons", "cause", "need", "excuse")
        k -= 1
    return False


# (session 22) the "-a" spelling of the slur for Black people is, with a possessive or a first-person subject, the
# in-group's word ("that's my nigga", "i'm the realest nigga here"; Davidson et al. 2017, Sap et al. 2019 on
# classifiers flagging it in African-American English); the "-er" spelling is not read so
_IN_GROUP_SPELLINGS = frozenset(["nigga", "niggas", "niggaz", "niggah", "niggahs"])
_FIRST_COPULA = (("i'm",), ("im",), ("i", "am"), ("we're",), ("we", "are"))


# a comment telling its addressee to leave ("go back to africa my n***a") is no in-group talk, whatever the spelling
_SENT_AWAY = (("back", "to", "africa"), ("where", "you", "came", "from"), ("send", "them", "back"))


def _in_group_spelling(toks: list[str], j: int) -> bool:
    """The in-group spelling at ``j`` after "my" or after a first-person copula and up to three words, in a comment
    that sends nobody away."""
    if toks[j] not in _IN_GROUP_SPELLINGS or any(seq_at(toks, b, _SENT_AWAY) for b in range(len(toks))):
        return False
    if j and toks[j - 1] == "my":
        return True
    return any(seq_at(toks, b, _FIRST_COPULA) and all(t not in ("not", "no", "never") for t in toks[b:j])
               for b in range(max(0, j - 5), j))


def reclaimed_frame(toks: list[str], j: int) -> bool:
    """The slur at ``j`` is named as the speaker's own group: "proud to be a X", "me and my X", "all my X", "my
    fellow X" (plural there: "all my X" names the speaker's people, "my X" alone may be an insult)."""
    if _in_group_spelling(toks, j) and not (toks[j + 1 : j + 2] and toks[j + 1].endswith(("er", "ers", "ing"))):
        return True
    for pat in _RECLAIM_BEFORE:
        b = j - len(pat)
        if b >= 0 and _at(toks, b, pat):
            if toks[j + 1 : j + 2] and toks[j + 1].endswith(("er", "ers", "ing")):
                return False  # "proud to be a X hater", "me and my X bashing mates": not the speaker's group
            return pat[-1] != "my" or toks[j].endswith(("s", "z"))
    return False


# "we whites ...": in-group talk of a majority's race is the register of supremacist forums, not of a reclaimed name
_NOT_IN_GROUP = frozenset(["white_people"])


def benign_readings(a, toks: list[str], neg: list[bool], group_idx: list[tuple[int, str, bool]],
                    group_end: dict[int, int], lex) -> None:
    """Set ``a.benign`` when every group named is the speakers' own ("we queers ...", "as a trans woman ..."), or
    ``a.defused`` for a negative predicate denied of a named group ("X are not a threat", "there is nothing wrong with
    X"), when nothing else hostile is said; the caller has set ``a.benign`` (``kind_statement`` reading
    included) and run the attack rules."""
    if a.people and a.attack and not a.counter and not a.slurs and not a.disguised_groups and not a.emoji_attack:
        attack_explained(a, toks, neg, group_idx, group_end, lex)  # session 22 (nh4)
    if a.people and not a.attack and not a.counter and not a.defused and not a.slurs and not a.disguised_groups:
        unheld_without_attack(a, toks, group_idx, group_end, lex)  # session 22 (nh4)
    if not a.people or a.attack or a.counter or a.defused or a.slurs or a.insults or a.profanity or a.threats \
            or a.disguised_groups or a.emoji_attack:
        return
    people = [gi for gi, _, country in group_idx if not country]
    text = f" {' '.join(toks)} "
    ironic = any(f" {m} " in text for m in _IRONY) or bool(_SCARE_QUOTES.search(a.norm))
    if not a.benign and not ironic and not _hostile_word(toks, lex) and all(_self_reference(toks, gi) or reclaimed_frame(toks, gi) for gi in people) and \
            not {g for _, g, _ in group_idx} & _NOT_IN_GROUP and not _TROPES & set(toks):
        a.benign = True  # the speakers' own group: "we queers are here and we are not going anywhere"
        return
    span = denied_negative(toks, people, [group_end.get(gi, gi + 1) for gi in people])
    if span is None:
        return
    if any(toks[k : k + 2] in (["they", "are"], ["they", "r"]) or toks[k] in ("they're", "theyre", "but")
           for k in range(span[1], len(toks))):
        return  # "X are not a problem, they're a catastrophe": a contrast restates the charge
    rest = toks[: span[0]] + ["."] + toks[span[1] :]
    if ironic or _hostile_word(rest, lex):
        return
    # the only negations are the denial's own: "X are not a threat, but I still don't want them here" is not one
    if any(neg[k] for k in range(len(toks)) if not span[0] <= k < span[1]):
        return
    a.defused = True


# ---------------------------------------------------------------------------------------------------------------
# Session 22 (helper "nh4"): hate the comment names but does not hold. The attack rules of ``_rules`` find a hostile
# word next to a group; these readings find the frame around it that makes it someone else's, negated or judged:
# a negative subject ("no one wants to hurt X"), a negated judgement ("i don't find X repulsive"), a degrading
# place denied ("X don't belong in a zoo"), hate judged as an act ("hating X is wrong", "it's wrong to hate X"), the
# holder of hate condemned ("people who hate X are pathetic", "anyone who says X should die is a monster"), others'
# hate reported ("some people hate X"), a reported claim condemned ("he said X are vermin, which is appalling").
# The attack is dropped only when every word it found lies inside such a frame and nothing endorses the hate.
# Developed on probes/s22_negation_reference.jsonl (dev split).

# words that judge an act or a person as bad: "hating X is wrong", "people who hate X are pathetic"
_CONDEMN = frozenset(["wrong", "disgusting", "vile", "evil", "cruel", "sick", "stupid", "pathetic", "shameful",
                      "unacceptable", "ignorant", "bigoted", "racist", "hateful", "awful", "terrible", "horrible",
                      "appalling", "despicable", "inhumane", "immoral", "gross", "dumb", "idiotic", "cowardly", "sad",
                      "deplorable", "abhorrent", "indefensible", "inexcusable", "unjust", "horrifying", "scary",
                      "frightening", "infuriating", "outrageous", "sickening", "heartbreaking", "shocking",
                      "disgraceful", "nasty", "toxic", "wicked", "brainwashed", "deluded", "insane", "lame", "unfair",
                      "petty", "foolish", "silly", "senseless", "irrational", "unjustified", "harmful", "bad"])
# what the holder of hate is called: "... are monsters", "... is an idiot", "... are the real problem"
_CONDEMN_NOUNS = frozenset(["monster", "monsters", "idiot", "idiots", "moron", "morons", "coward", "cowards", "loser",
                            "losers", "bigot", "bigots", "racist", "racists", "problem", "disgrace", "fool", "fools",
                            "clown", "clowns", "scum", "trash", "garbage", "nazis", "nazi", "evil", "cancer",
                            "hypocrites", "hypocrite", "sickos", "sicko", "creeps", "creep", "pigs", "animals"])
_CONDEMNING = _CONDEMN | _CONDEMN_NOUNS
_CONDEMN_FILL = frozenset(["a", "an", "the", "just", "so", "all", "real", "truly", "really", "complete", "total",
                           "absolute", "such", "plain", "simply", "utterly", "totally", "very", "pure", "downright",
                           "frankly", "honestly", "only", "always", "nothing", "but", "bunch", "of", "pathetic"])
# a condemning verb phrase after the holder: "people like you who hate X disgust me"
_CONDEMN_VERBS = (("disgust", "me"), ("disgusts", "me"), ("make", "me", "sick"), ("makes", "me", "sick"),
                  ("need", "help"), ("needs", "help"), ("should", "be", "ashamed"), ("need", "to", "grow", "up"),
                  ("needs", "to", "grow", "up"), ("make", "me", "so", "angry"), ("makes", "me", "so", "angry"),
                  ("makes", "me", "angry"), ("make", "me", "angry"), ("should", "be", "banned"))
_COPULAS = frozenset(["is", "are", "was", "were", "r", "'s", "s"])
# what endorses a hate the comment names: "people who hate X are right", "... for a reason", "me included"
_ENDORSING = frozenset(["right", "rightly", "correct", "true", "truth", "agree", "agreed", "exactly", "based", "blame",
                        "justified", "understandable", "smart", "hero", "heroes", "brave", "point", "reason",
                        "reasons", "deserve", "deserved", "included", "including", "natural", "honest"])
_ENDORSING_SEQS = (("so", "do", "i"), ("me", "too"), ("as", "they", "should"), ("i", "do", "too"),
                   ("i", "do", "as", "well"), ("and", "i", "do"), ("i", "agree"))

# the holder of hate named by a relative clause: "people who ...", "anyone that ...", "people like you who ..."
_HOLDERS = frozenset(["people", "anyone", "anybody", "someone", "somebody", "those", "person", "persons", "folks",
                      "guys", "men", "racists", "bigots", "you", "ppl", "one", "everyone", "everybody", "whoever"])
_SAY = frozenset(["say", "says", "said", "think", "thinks", "believe", "believes", "claim", "claims", "call", "calls",
                  "compare", "compares", "post", "posts", "tweet", "tweets", "write", "writes", "insist", "insists"])
_HARM_WANTED = frozenset(["want", "wants", "wish", "wishes", "wanna"])
_HOLDER_HEDGES = frozenset(["really", "still", "just", "actually", "genuinely", "truly", "honestly", "seriously",
                            "openly", "always", "would", "do", "does", "constantly", "keep", "keeps"])
# others whose hate a comment reports: "some people hate X", "so many racists despise X"
_OTHER_SUBJECTS = (("some", "people"), ("many", "people"), ("a", "lot", "of", "people"), ("lots", "of", "people"),
                   ("so", "many", "people"), ("too", "many", "people"), ("certain", "people"),
                   ("plenty", "of", "people"), ("some", "folks"), ("some", "men"), ("he",), ("she",))
_BIGOTS = frozenset(["racists", "bigots", "nazis", "haters", "trolls", "extremists", "homophobes", "transphobes",
                     "islamophobes", "misogynists", "antisemites", "xenophobes", "fascists", "supremacists"])
_BIGOT_LEADS = frozenset(["some", "many", "so", "too", "the", "these", "those", "certain", "a", "lot", "of"])
# a negative subject that no one holds the harm: "no one wants to hurt X", "none of us want to harm X"
_NOBODY = (("no", "one"), ("noone",), ("nobody",), ("none", "of", "us"), ("not", "one", "of", "us"),
           ("not", "a", "single", "person"), ("not", "one", "person"))
_NOBODY_CHAIN = frozenset(["wants", "want", "wished", "wishes", "to", "should", "would", "will", "ever", "could",
                           "is", "going", "gonna", "trying", "needs", "need", "has", "have", "here", "really",
                           "actually", "of", "us", "i", "know"])
# a judgement verb negated before the group: "i don't find X repulsive", "i do not consider X subhuman"
_JUDGE = frozenset(["find", "consider", "see", "regard", "view", "call"])
# a degrading place a group is said to belong in: "X belong in a zoo" (hateful), "X don't belong in a zoo" (not)
_DEGRADING_PLACES = frozenset(["zoo", "zoos", "cage", "cages", "jail", "jails", "prison", "prisons", "trash", "bin",
                               "gutter", "gutters", "sewer", "sewers", "camp", "camps", "oven", "ovens", "chains",
                               "kennel", "kennels", "barn", "jungle", "jungles", "hell", "dumpster", "asylum",
                               "asylums", "garbage"])
_BELONG_NEG = (("don't", "belong"), ("dont", "belong"), ("do", "not", "belong"), ("doesn't", "belong"),
               ("shouldn't", "be"), ("should", "not", "be"), ("don't", "deserve", "to", "be"))
# clause openers before a gerund that names hate as an act: "hating X is wrong", "i think hating X is wrong"
_ACT_LEADS = frozenset(["that", "and", "but", "so", "because", "think", "believe", "honestly", "just", "seriously",
                        "simply", "yes", "no", "look", "guys"])
_IT_IS = (("it's",), ("its",), ("it", "is"), ("that's",), ("thats",), ("it", "was"))
_HATE_ACTS = frozenset(["hating", "despising", "loathing", "detesting", "hurting", "harming", "attacking",
                        "harassing", "bullying", "abusing", "mocking", "wanting", "dehumanising", "dehumanizing",
                        "demonising", "demonizing", "insulting", "killing", "beating", "threatening"])
_HATE_INF = frozenset(["hate", "despise", "loathe", "detest", "hurt", "harm", "attack", "harass", "bully", "abuse",
                       "mock", "want", "dehumanise", "dehumanize", "demonise", "demonize", "insult", "kill", "beat",
                       "threaten", "treat"])
# a report frame: "he said X are vermin", "people talk about X as if ..."
_REPORT = frozenset(["say", "says", "said", "think", "thinks", "thought", "believe", "believes", "claim", "claims",
                     "claimed", "call", "calls", "called", "talk", "talks", "talked", "tweeted", "wrote", "posted",
                     "insists", "insisted", "keeps", "kept"])
_REPORT_OWN = frozenset(["i", "we", "i'd", "id", "i'll", "i'm", "im", "personally", "you", "u", "also", "too"])
# after a reported claim, what condemns it: "..., which is appalling", "... and it makes me so angry"
_AFTER_REPORT = (("which", "is"), ("and", "it's"), ("and", "its"), ("and", "that's"), ("that's",), ("thats",),
                 ("and", "it", "is"), ("which", "was"))
_REPORT_EFFECTS = (("and", "it", "makes", "me"), ("it", "makes", "me"), ("which", "makes", "me"))
# an attitude of others towards a group, the group its victim: "there's so much hate towards X online"
_ATTITUDE = frozenset(["hate", "hatred", "racism", "prejudice", "bigotry", "discrimination", "abuse", "violence",
                       "harassment", "hostility", "contempt", "vitriol", "venom", "intolerance", "bias"])
_ATTITUDE_TO = frozenset(["towards", "toward", "against", "of", "for", "at"])
_OWN_ATTITUDE = frozenset(["my", "our", "i", "we", "i've", "ive", "me"])


def _attack_tokens(a, toks: list[str]) -> set[int] | None:
    """Every token position that spells one of the attack spans' words; None when a span is not found among the
    tokens (a decoded or respelled word: then no reading here can vouch for it)."""
    at: set[int] = set()
    where: dict[str, list[int]] = {}  # first word -> positions: one pass, so many spans stay linear
    for k, t in enumerate(toks):
        where.setdefault(t, []).append(k)
    for text in {text.lower().replace("’", "'") for _, _, text, _ in a.attack}:  # once per distinct wording
        ws = text.split()
        found = [k for k in where.get(ws[0], []) if toks[k : k + len(ws)] == ws] if ws else []
        if not ws or not found:
            return None
        for k in found:
            at.update(range(k, k + len(ws)))
    return at


def _endorsed(toks: list[str]) -> bool:
    """A word or phrase anywhere that endorses hate named in the comment ("... are right", "for a reason")."""
    return bool(_ENDORSING & set(toks)) or any(seq_at(toks, k, _ENDORSING_SEQS) for k in range(len(toks)))


def _condemnation_at(toks: list[str], neg: list[bool], k: int) -> int:
    """End of a condemning predicate starting at ``k`` ("is wrong", "are monsters", "disgust me", "is just plain
    stupid"), or -1; not under a negation ("is not wrong")."""
    n = len(toks)
    if size := seq_at(toks, k, _CONDEMN_VERBS):
        return k + size
    if k >= n or toks[k] not in _COPULAS:
        return -1
    m = k + 1
    while m < n and m - k <= 4 and toks[m] in _CONDEMN_FILL and toks[m] not in _CONDEMN:
        m += 1
    if m < n and (toks[m] in _CONDEMN or toks[m] in _CONDEMN_NOUNS) and not any(neg[k:m]):
        return m + 1
    return -1


# the verbs whose denial by a negative subject protects the group ("no one wants to hurt X")
_HARM_VERBS = frozenset(["hurt", "harm", "kill", "attack", "hate", "despise", "loathe", "detest", "harass", "bully",
                         "abuse", "insult", "mock", "murder", "beat", "threaten", "shoot", "stab", "deport", "expel",
                         "exterminate", "eradicate", "torture", "punish", "persecute", "dehumanise", "dehumanize",
                         "demonise", "demonize", "discriminate", "oppress", "attacks", "hurts", "hates", "harms"])


def _nobody_wants(toks: list[str], gi: int) -> range | None:
    """"no one wants to hurt X", "none of us want to harm X": a negative subject over a chain of wish or modal words
    before the verb right before the group."""
    k = gi - 1
    while k >= 1 and gi - k <= 7:
        for pat in _NOBODY:
            b = k - len(pat) + 1
            if b >= 0 and tuple(toks[b : k + 1]) == pat and all(t in _NOBODY_CHAIN for t in toks[k + 1 : gi - 1]) \
                    and toks[gi - 1] in _HARM_VERBS:
                return range(b, gi)  # not "no one should trust X": a regard refused is an attack
        k -= 1
    return None


def _judgement_denied(toks: list[str], neg: list[bool], gi: int, end: int, lex) -> range | None:
    """"i don't find X repulsive", "i do not consider X subhuman", "i don't see X as a threat": a negated judgement
    verb right before the group; the negative words after the group (not a positive one: "i don't find X human"
    denies their humanity) are what is denied."""
    v = gi - 1
    if v < 1 or toks[v] not in _JUDGE or not any(neg[max(0, v - 3) : v]):
        return None
    tail = toks[end : end + 4]
    if any(t in lex.positive or t in ("human", "humans", "people", "persons", "equal", "equals") for t in tail):
        return None
    return range(v - 3 if v >= 3 else 0, min(len(toks), end + 4))


def _place_denied(toks: list[str], end: int) -> range | None:
    """"X don't belong in a zoo", "X shouldn't be in cages": a degrading place denied of the group."""
    size = seq_at(toks, end, _BELONG_NEG)
    if not size:
        return None
    k = end + size
    k += toks[k : k + 1] in (["in"], ["on"], ["behind"])
    while k < len(toks) and toks[k] in ("a", "an", "the", "some", "any"):
        k += 1
    if k < len(toks) and toks[k] in _DEGRADING_PLACES:
        return range(end, k + 1)
    return None


def _act_condemned(toks: list[str], neg: list[bool], gi: int, end: int) -> range | None:
    """Hate named as an act and judged: "hating X is wrong", "wanting to hurt X is evil", "it's wrong to hate X",
    "it is disgusting to despise X like that"; not "hating X is natural" or "hating X is not wrong"."""
    n = len(toks)
    j = gi - 1
    while j >= 0 and gi - j <= 3 and toks[j] not in _HATE_ACTS:
        j -= 1
    if j >= 0 and toks[j] in _HATE_ACTS and (j == 0 or toks[j - 1] in _ACT_LEADS):
        for k in range(end, min(n, end + 6)):
            if (stop := _condemnation_at(toks, neg, k)) > 0:
                return range(j, stop)
    j = gi - 1
    while j >= 1 and gi - j <= 3 and toks[j] not in _HATE_INF:
        j -= 1
    if j >= 2 and toks[j] in _HATE_INF and toks[j - 1] == "to":
        c = j - 2
        while c > 0 and toks[c] not in _CONDEMN and j - c <= 4:
            c -= 1
        if toks[c] in _CONDEMN and not any(neg[max(0, c - 3) : c]):
            for b in range(max(0, c - 3), c):
                if seq_at(toks, b, _IT_IS):
                    return range(b, gi)
    return None


def _holder_condemned(toks: list[str], neg: list[bool], gi: int, end: int, lex) -> range | None:
    """The holder of hate, named by a relative clause, is condemned: "people who hate X are pathetic", "anyone who says
    X should die is a monster", "people like you who hate X disgust me". With a verb of saying the claim after the
    group must come first ("people who say X are vermin are idiots"): "people who say X are pathetic" is ambiguous."""
    n = len(toks)
    for r in range(max(0, gi - 6), gi):
        if not (toks[r] == "whoever" or r and toks[r] in ("who", "that") and toks[r - 1] in _HOLDERS):
            continue
        v = r + 1
        while v < gi and toks[v] in _HOLDER_HEDGES:
            v += 1
        if v >= gi:
            continue
        saying = toks[v] in _SAY
        hating = toks[v] in _HARM_WANTED or any(toks[v : v + size] for size in (1, 2)
                                                if " ".join(toks[v : v + size]) in lex.hate_verbs)
        if not saying and not hating and toks[v] not in _HATE_INF and toks[v] + "s" not in _HATE_INF \
                and toks[v][:-1] not in _HATE_INF:
            continue
        # "want", "treat": hostile only with what follows ("people who want to help X are idiots" is an attack)
        plain = saying or toks[v] in ("want", "wants", "wish", "wishes", "wanna", "treat", "treats")
        first = end if not saying else end + 2
        for k in range(first, min(n, end + (4 if not saying else 9))):
            if saying and not any(t in _COPULAS or t in ("should", "must", "deserve", "need", "belong", "don't",
                                                         "have", "can't") for t in toks[end:k]):
                continue
            claim = toks[end:k] if saying else toks[v + 1 : gi] + ["."] + toks[end:k]
            if (stop := _condemnation_at(toks, neg, k)) > 0 and (not plain or _hostile_word(claim, lex)):
                return range(max(0, r - 1), stop)  # said: only a hostile claim ("anyone who says X are peaceful is an
                # idiot" condemns the kind claim: an attack)
    return None


def _others_hate(toks: list[str], gi: int, lex) -> range | None:
    """Others' hate reported: "some people hate X", "so many racists despise X", "he hates X" (the hate verb right
    before the group)."""
    for size in (1, 2):
        j = gi - size
        if j < 1 or " ".join(toks[j:gi]) not in lex.hate_verbs:
            continue
        s = j
        while s > 0 and toks[s - 1] in _HOLDER_HEDGES:
            s -= 1
        for pat in _OTHER_SUBJECTS:
            b = s - len(pat)
            if b >= 0 and tuple(toks[b:s]) == pat and (b == 0 or toks[b - 1] not in ("if", "when", "why", "i")):
                return range(b, gi)
        if s > 0 and toks[s - 1] in _BIGOTS:
            b = s - 1
            while b > 0 and toks[b - 1] in _BIGOT_LEADS:
                b -= 1
            return range(b, gi)
    return None


_REPORT_REACH = 24  # tokens after the group where a condemnation of the report may start
_REPORT_LEAD = 8  # tokens before the report verb where "it's disgusting how ..." may start


def _report_condemned(toks: list[str], neg: list[bool], gi: int, starts: set[int], lex) -> range | None:
    """A reported claim condemned: "he said X are vermin, which is appalling", "it's disgusting how people talk about
    X as if they were vermin", "my uncle says X are parasites and it makes me so angry". The reporter is not the
    commenter, the claim is hostile ("it's sad that people believe X are normal" laments a kind claim) and it holds
    no other group."""
    n = len(toks)
    for f in range(max(1, gi - 4), gi):
        if toks[f] not in _REPORT or toks[f - 1] in _REPORT_OWN:
            continue
        # condemned after the claim (within a bounded reach: a scan to the end per group is quadratic)
        for k in range(gi + 1, min(n, gi + 1 + _REPORT_REACH)):
            size = seq_at(toks, k, _AFTER_REPORT)
            effect = seq_at(toks, k, _REPORT_EFFECTS)
            if size and k + size < n and toks[k + size] in _CONDEMNING and not any(neg[k : k + size + 1]):
                stop = k + size + 1
            else:
                stop = _condemnation_at(toks, neg, k + effect - 2) if effect else 0
                if stop <= 0:
                    continue
            if not any(s in starts for s in range(f, k) if s != gi) and _hostile_word(toks[gi:k], lex):
                return range(f - 1, stop)
        # condemned before: "it's disgusting how people talk about X ..."
        for b in range(max(0, f - _REPORT_LEAD), f):
            size = seq_at(toks, b, _IT_IS)
            if size and b + size < f and toks[b + size] in _CONDEMN and \
                    toks[b + size + 1 : b + size + 2] in (["how"], ["that"], ["when"]) and \
                    not any(s in starts for s in range(b, n) if s != gi) and _hostile_word(toks[gi:], lex):
                return range(b, n)
    return None


def _trailing_condemnation(toks: list[str], neg: list[bool], end: int) -> range | None:
    """After a reference to hate, a clause that condemns it: "..., which is terrible", "... and it's sad"."""
    for k in range(end, min(len(toks), end + 6)):
        size = seq_at(toks, k, _AFTER_REPORT)
        if size and k + size < len(toks) and toks[k + size] in _CONDEMN and not any(neg[k : k + size + 1]):
            return range(k, k + size + 1)
    return None


def attack_explained(a, toks: list[str], neg: list[bool], group_idx: list[tuple[int, str, bool]],
                     group_end: dict[int, int], lex) -> None:
    """Drop ``a.attack`` when every word it found lies inside a frame that negates, judges or reports the hate, and
    nothing endorses it; the hateful words become ``a.claimed`` (counter-speech for a reference to hate, defused for
    a negation)."""
    at = _attack_tokens(a, toks)
    if at is None or _endorsed(toks):
        return
    starts = {gi for gi, _, _ in group_idx}
    covered: set[int] = set()
    referred = False
    for gi, _, country in group_idx:
        end = group_end.get(gi, gi + 1)
        covered.update(range(gi, end))
        if country:
            continue
        spans = [_nobody_wants(toks, gi), _judgement_denied(toks, neg, gi, end, lex), _place_denied(toks, end)]
        refs = [_act_condemned(toks, neg, gi, end), _holder_condemned(toks, neg, gi, end, lex),
                _others_hate(toks, gi, lex), _report_condemned(toks, neg, gi, starts, lex)]
        referred = referred or any(refs)
        if any(refs):
            refs.append(_trailing_condemnation(toks, neg, end))
        for span in spans + refs:
            if span:
                covered.update(span)
    if not at <= covered:
        return
    a.claimed.extend((s, e) for s, e, _, _ in a.attack)
    a.attack = []
    a.harm_aimed = False
    if referred:
        a.counter = True
    else:
        a.defused = True


def unheld_without_attack(a, toks: list[str], group_idx: list[tuple[int, str, bool]], group_end: dict[int, int],
                          lex) -> None:
    """No attack was found but the heads may still read one: a hostile effect negated with the group as subject
    ("X don't disgust me") or others' attitude aimed at the group ("there's so much hate towards X online", "your
    hatred of X makes me sick") sets ``a.defused`` when nothing hostile is said outside it."""
    neg_at = {k for k, t in enumerate(toks) if t in ("don't", "dont", "do", "doesn't", "doesnt", "never")}
    for gi, _, country in group_idx:
        if country:
            continue
        end = group_end.get(gi, gi + 1)
        for k in (end, end + 1):
            if k in neg_at:
                m = k + 1 + (toks[k] == "do" and toks[k + 1 : k + 2] == ["not"])
                if (m > k + 1 or toks[k] != "do") and \
                        (_phrase_at(toks, m, lex.subject_hostile) or _phrase_at(toks, m, _BODILY)) and \
                        not _hostile_word(toks[:gi], lex):
                    a.defused = True
                    return
        for k in range(max(0, gi - 4), gi - 1):
            if toks[k] in _ATTITUDE and toks[k + 1] in _ATTITUDE_TO and \
                    all(t in ("the", "all", "these", "those", "any") for t in toks[k + 2 : gi]) and \
                    not _OWN_ATTITUDE & set(toks[:k]) and not _endorsed(toks):
                a.defused = True
                return
