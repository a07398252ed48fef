"""Non-hateful readings of comments that name a group (session 20, helper "nh3"; English): the learned heads give a
bare group mention a high identity baseline, so a group named in a plain statement of its humanity or of everyday
life, a negative predicate denied, or a slur reclaimed by its own speakers reads as an attack unless a rule says
otherwise. Each reading here is narrow: it holds only when nothing hostile is said elsewhere (the callers in
``_rules`` keep their own guards: no hostile word, negation, sarcasm marker, slur or insult for ``benign``).

Developed on probes/s20_benign_precision.jsonl and s20b_benign_forms.jsonl (authored; split by skeleton hash)."""

from __future__ import annotations

from storytrace.comments._tokens import seq_at

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
_NOTHING_WRONG = (("nothing", "wrong", "with"), ("nothing", "is", "wrong", "with"), ("nothing", "bad", "about"))
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


def reclaimed_frame(toks: list[str], j: int) -> bool:
    """The slur at ``j`` is named as the speaker's own group: "proud to be a X", "me and my X", "all my X", "my
    fellow X" (plural there: "all my X" names the speaker's people, "my X" alone may be an insult)."""
    for pat in _RECLAIM_BEFORE:
        b = j - len(pat)
        if b >= 0 and _at(toks, b, pat):
            if toks[j + 1 : j + 2] and toks[j + 1].endswith(("er", "ers", "ing")):
                return False  # "proud to be a X hater", "me and my X bashing mates": not the speaker's group
            return pat[-1] != "my" or toks[j].endswith(("s", "z"))
    return False


# "we whites ...": in-group talk of a majority's race is the register of supremacist forums, not of a reclaimed name
_NOT_IN_GROUP = frozenset(["white_people"])


def benign_readings(a, toks: list[str], group_idx: list[tuple[int, str, bool]], group_end: dict[int, int],
                    lex) -> None:
    """Set ``a.benign`` when every group named is the speakers' own ("we queers ...", "as a trans woman ..."), or
    ``a.defused`` for a negative predicate denied of a named group ("X are not a threat", "there is nothing wrong with
    X"), when nothing else hostile is said; the caller has set ``a.benign`` (``kind_statement`` reading
    included) and run the attack rules."""
    from ._rules import (  # here: _rules imports this module
        _IRONY,
        _SCARE_QUOTES,
        _hostile_word,
        _negations,
        _self_reference,
    )

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
    neg = _negations(toks)
    if any(neg[k] for k in range(len(toks)) if not span[0] <= k < span[1]):
        return
    a.defused = True
