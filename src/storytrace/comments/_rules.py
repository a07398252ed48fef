"""Text normalisation for the classifier and the lexical rules on top of it (targets, threats, profanity).

The learned model reads the de-obfuscated text; the rules read the same tokens and add what two tweet data
sets cannot teach: who an attack is aimed at, threats, sexual content and profanity, each with the spans
that drove it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storytrace.comments._decode import Decoded, Decoder, clean
from storytrace.comments._lexicon import Lexicon

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_NEGATION = frozenset(["not", "no", "never", "isn't", "aren't", "don't", "doesn't", "shouldn't", "won't", "nobody",
                       "nothing", "neither", "nor", "cannot", "can't", "wasn't", "weren't", "never"])
_HATE_VERBS = frozenset(["hate", "hates", "despise", "despises", "loathe", "detest", "abhor", "can't stand",
                         "sick of", "tired of", "disgusted by", "disgust"])
_ATTACK_FRAMES = ("death to", "no more", "get rid of", "go back to", "send them back", "should all", "should be",
                  "deserve to", "belong in", "are all", "all of them", "like you", "ban all", "out of our")
_SECOND_PERSON = frozenset(["you", "u", "ya", "your", "youre", "you're", "ur", "yourself", "thou"])
_PRONOUNS = frozenset(["him", "her", "them", "they", "he", "she", "everyone", "all", "yourself", "themselves"])
_FUTURE = frozenset(["will", "gonna", "going", "should", "must", "deserve", "deserves", "i'll", "we'll", "let's",
                     "lets", "wanna", "want", "to", "i'd", "would", "gotta", "need", "we", "i"])


@dataclass(slots=True)
class Analysis:
    """What the rules saw in one comment."""

    norm: str  # normalised text the classifier reads
    decoded: list[Decoded] = field(default_factory=list)
    groups: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # group -> spans
    slurs: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, text, group
    profanity: list[tuple[int, int, str]] = field(default_factory=list)
    insults: list[tuple[int, int, str]] = field(default_factory=list)
    sexual: list[tuple[int, int, str]] = field(default_factory=list)
    threats: list[tuple[int, int, str]] = field(default_factory=list)
    attack: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, text, group
    disguised_groups: list[tuple[int, int, str, str]] = field(default_factory=list)
    negated: bool = False
    threat_score: float = 0.0


def analyse(text: str, decoder: Decoder) -> Analysis:
    lex: Lexicon = decoder.lexicon
    raw = clean(text)
    decoded, _hits = decoder.decode(raw)
    # rebuild the text with decoded words in place, keeping a map back to raw offsets per word
    pieces: list[str] = []
    spans: list[tuple[int, int, int, int]] = []  # norm_start, norm_end, raw_start, raw_end for replaced parts
    last = 0
    for d in sorted(decoded, key=lambda d: d.start):
        if d.start < last:
            continue
        pieces.append(raw[last : d.start].lower())
        n0 = sum(len(p) for p in pieces)
        word = d.term.text.split("+")[0] if d.kind.endswith("blend") else d.term.text
        pieces.append(word)
        spans.append((n0, n0 + len(word), d.start, d.end))
        last = d.end
    pieces.append(raw[last:].lower())
    norm = "".join(pieces)

    def to_raw(s: int, e: int) -> tuple[int, int]:
        shift = 0
        for n0, n1, r0, r1 in spans:
            if s >= n0 and e <= n1:
                return r0, r1
            if n1 <= s:
                shift += (r1 - r0) - (n1 - n0)
        return s + shift, e + shift

    a = Analysis(norm=_URL.sub(" url ", _MENTION.sub(" @user ", norm)), decoded=decoded)
    words = [(m.start(), m.end(), m.group().replace("’", "'")) for m in _WORD.finditer(norm)]
    toks = [w for _, _, w in words]
    n = len(toks)
    group_idx: list[tuple[int, str, bool]] = []  # token index, group, is a country name
    i = 0
    while i < n:
        matched = False
        for size in (3, 2, 1):  # multi-word terms first: "black people", "wipe out"
            if i + size > n:
                continue
            phrase = " ".join(toks[i : i + size])
            s, e = words[i][0], words[i + size - 1][1]
            rs, re_ = to_raw(s, e)
            term = lex.terms.get(phrase)
            if term is not None and term.group is not None:
                a.groups.setdefault(term.group, []).append((rs, re_, raw[rs:re_]))
                group_idx.append((i, term.group, term.country))
                if term.kind == "slur":
                    a.slurs.append((rs, re_, raw[rs:re_], term.group))
                matched = True
            if phrase in lex.threat_verbs:
                a.threats.append((rs, re_, raw[rs:re_]))
                matched = True
            if phrase in lex.profanity:
                a.profanity.append((rs, re_, raw[rs:re_]))
            if phrase in lex.insults:
                a.insults.append((rs, re_, raw[rs:re_]))
            if phrase in lex.sexual:
                a.sexual.append((rs, re_, raw[rs:re_]))
            if matched:
                i += size - 1
                break
        i += 1
    a.negated = any(t in _NEGATION for t in toks)
    # attacks on a group: a group word near a dehumanising/insulting predicate, a hate verb or a threat
    for gi, group, country in group_idx:
        lo, hi = max(0, gi - 5), min(n, gi + 7)
        window = toks[lo:hi]
        pred = [j for j in range(lo, hi) if j != gi and (toks[j] in lex.dehumanising or (not country and (
            toks[j] in lex.insults or toks[j] in lex.profanity)))]
        pred += [j for j in range(lo, hi) if j + 1 < n and " ".join(toks[j : j + 2]) in lex.dehumanising]
        if country:  # a state is criticised, bombed or hated in news threads all the time; only dehumanising counts
            hate, threat = [], []
        else:
            hate = [j for j in range(max(0, gi - 4), gi) if toks[j] in _HATE_VERBS
                    or " ".join(toks[j : j + 2]) in _HATE_VERBS]
            threat = [j for j in range(lo, hi) if toks[j] in lex.threat_verbs]
        frame = any(f in " ".join(window) for f in _ATTACK_FRAMES)
        evidence = pred + hate + threat
        if not evidence and not (frame and any(t in lex.dehumanising for t in window)):
            continue
        # a negation between the group word and its predicate ("women are not scum") cancels the attack
        first = min(evidence) if evidence else gi
        between = toks[min(first, gi) : max(first, gi) + 1]
        if any(t in _NEGATION for t in between):
            continue
        s, e = words[gi][0], words[gi][1]
        rs, re_ = to_raw(s, e)
        a.attack.append((rs, re_, raw[rs:re_], group))
        for j in evidence:
            ps, pe = to_raw(words[j][0], words[j][1])
            a.attack.append((ps, pe, raw[ps:pe], group))
    # a group's name deliberately disguised ("jooz", "m0slems") is itself a hostile signal
    for d in decoded:
        if d.term.group is not None and d.term.kind in ("group_name", "slur") and not d.term.country:
            a.disguised_groups.append((d.start, d.end, d.span, d.term.group))
    # threats: a violent verb with intent ("will", "should", "gonna") aimed at someone (you, them, a group)
    if a.threats:
        groups_at = {gi for gi, _, c in group_idx if not c}
        best = 0.2
        for j, t in enumerate(toks):
            if t not in lex.threat_verbs:
                continue
            intent = any(x in _FUTURE for x in toks[max(0, j - 3) : j])
            aimed = any(x in _SECOND_PERSON or x in _PRONOUNS for x in toks[j + 1 : j + 4]) or any(
                k in groups_at for k in range(max(0, j - 4), j + 5))
            best = max(best, 0.85 if intent and aimed else 0.45 if intent or aimed else 0.2)
        a.threat_score = best
    return a
