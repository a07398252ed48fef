"""Text normalisation for the classifier and the lexical rules on top of it (targets, threats, profanity).

The learned model reads the de-obfuscated text; the rules read the same tokens and add what two tweet data
sets cannot teach: who an attack is aimed at, threats, sexual content and profanity, each with the spans
that drove it.

``analyse`` reads a comment's terms and runs the rules; ``_attacks`` reads identity attacks (a group plus a hostile
predicate in its clause). The readings they call live by concern (session 24 split; names other modules and the
tests import from here are re-exported): ``_tokens`` (phrases, negations, clauses), ``_rules_shared`` (``Analysis``
and shared word lists), ``_rules_threats``, ``_rules_harm`` (harm aimed at a group), ``_rules_claims`` (claims the
comment rejects), ``_rules_reported`` (hate reported or quoted), ``_rules_questions``, ``_rules_groups`` (what refers
to a group), ``_rules_praise``, ``_rules_senses`` (everyday senses of slurs), ``_rules_sexual``, ``_rules_emoji``,
``_rules_multilingual``, ``_rules_emotion``, ``_rules_coref``, ``_rules_implicit`` and ``_rules_benign``.
"""

import bisect
import functools
import re
from collections.abc import Callable

from storytrace.comments import _rules_coref, _rules_emotion, _rules_tropes
from storytrace.comments._content import hostile_emoji
from storytrace.comments._decode import Decoded, Decoder, clean
from storytrace.comments._lexicon import Lexicon, Term
from storytrace.comments._rules_addressee import profanity_at_addressee
from storytrace.comments._rules_benign import benign_readings, reason_denied, reclaimed_frame
from storytrace.comments._rules_claims import (
    _addressee_claim,  # noqa: F401 (re-exported)
    _claim_frame,
    _claim_words,
    _falsity_that,  # noqa: F401 (re-exported)
    _first_person,
    _negative_question,
    _rejected_claim,
    _rejected_praise,
)
from storytrace.comments._rules_emoji import emoji_attack
from storytrace.comments._rules_emotion import _bodily, _emotion_at
from storytrace.comments._rules_groups import (
    _PRON_REF,
    _PRONOUN_REACH,  # noqa: F401 (re-exported)
    _counted,
    _group_is_head,
    _group_pronouns,
    _object_of_attitude,
    _shrugged,
)
from storytrace.comments._rules_harm import (
    _approved_harm,
    _cursed,
    _denied_goods,
    _deserved_blow,
    _eliminated,
    _endorsed_after,
    _harm_judged,
    _harm_lamented,
    _harm_phrases,
    _hate_for_others,
    _how_question,
    _no_standing,
    _ordered_harm,
    _praised_vice,
    _protected,
    _quantified,
    _quantified_harm,
    _reported_harm,
    _toll_question,
    _unwanted,
    _wished_harm,
)
from storytrace.comments._rules_implicit import (
    coded_readings,
    implicit_frames,
    mark_coded,  # noqa: F401 (re-exported)
    sent_home,
)
from storytrace.comments._rules_multilingual import (  # noqa: F401 (re-exported)
    _MWORD,
    _stem_hit,
    multilingual_attack,
    multilingual_match,
    names_group,
    stem_matches,
)
from storytrace.comments._rules_praise import _backhanded, _benign_mention
from storytrace.comments._rules_questions import (
    _asked,
    _asked_of_others,
    _doubted,
    _rhetorical,
    _sentence_ends,
)
from storytrace.comments._rules_reported import (
    _all_quoted,
    _called_as,
    _mentioned,
    _punctuated,
    _reported,
    _same_sentence,
)
from storytrace.comments._rules_senses import _everyday_sense, _names_an_institution
from storytrace.comments._rules_sexual import _sexual_score
from storytrace.comments._rules_shared import (
    _ABUSE,
    _CHAIN,
    _DETERMINERS,
    _DISGUST,
    _FUTURE,
    _HEDGES,
    _INTENT,
    _KEEP_OUT,
    _MORE_NEGATIVE,
    _NOT_PRAISE,
    _PLACES,
    _PRONOUNS,
    _QUOTE,
    _REFUSAL,
    _REGARD_BRIDGE,
    _RELATIVES,
    _SECOND_PERSON,
    Analysis,
    _self_reference,
    _typed_hate_verbs,
)
from storytrace.comments._rules_threats import (
    _dying_subject,
    _figurative,
    _harm_at_person,
    _idiom,
    _imperative,
    _menace,
    _menace_at_reader,
    _noun_reading,
    _passive_subject,
    _sentence_between,
    _thing_object,
)
from storytrace.comments._tokens import (
    _NEGATION,
    _bridged,
    _clause_start,
    _clause_stop,
    _clauses,
    _negations,
    _phrase_at,
)

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
# a negated belief before a group mention denies what follows: "I don't think X are dangerous"
_BELIEF = frozenset(["think", "believe", "agree", "say", "feel", "buy", "accept"])
_HATE_VERBS = frozenset(["hate", "hates", "despise", "despises", "loathe", "detest", "abhor", "can't stand",
                         "sick of", "tired of", "disgusted by", "disgust"])
_COPULA = frozenset(["be", "been", "get", "got", "are", "is", "were", "all"])
# verbs of regard: negated right before a group they are contempt ("i don't respect X", "i will never accept X")
_REGARD = frozenset(["respect", "accept", "trust", "tolerate", "welcome", "want", "like",
                     # session 19: "i'd never hire a X", "i could never be friends with a X"
                     "hire", "employ", "rent to", "be friends with"])


@functools.lru_cache(maxsize=2**15)
def _phrase_reading(phrase: str, size: int, decoder: Decoder) -> tuple[Term | None, bool, bool, bool, bool] | None:
    """What ``analyse`` reads in a phrase of ``size`` words: the group term it names (None when it names none), and
    whether it is a threat verb, profanity, an insult or sexual; None when it is none of these. Cached per decoder:
    comments repeat their phrases, and the lexicon does not change once a decoder is built."""
    lex = decoder.lexicon
    term = _term(phrase, size, decoder)
    reading = (term if term is not None and term.group is not None else None, phrase in lex.threat_verbs,
               phrase in lex.profanity, phrase in lex.insults, phrase in lex.sexual)
    return reading if any(reading) else None


@functools.lru_cache(maxsize=2**15)
def _term(phrase: str, size: int, decoder: Decoder) -> Term | None:
    """The lexicon term a phrase of ``size`` words names (a single word also as a regular plural); with the
    decoder's ``clitics``, an English clitic on the last word is dropped first ("women's", "fag's")."""
    def named(words: str) -> Term | None:
        return decoder.lookup(words) or (decoder.plural(words) if size == 1 else None)

    term = named(phrase)
    if term is None and "'" in phrase:
        head, _, last = phrase.rpartition(" ")
        cl = decoder.split_clitic(last)
        if cl is not None and cl[1] != "t":
            term = named(f"{head} {cl[0]}" if head else cl[0])
    return term


@functools.lru_cache(maxsize=16)
def _phrase_starts(decoder: Decoder) -> frozenset[str]:
    """The first words of the phrases of two or more words that ``_phrase_reading`` can read (multi-word terms and
    list entries): a phrase that begins with another word reads as nothing, so ``analyse`` tries only the token."""
    lex = decoder.lexicon
    entries = [*lex.terms, *lex.threat_verbs, *lex.profanity, *lex.insults, *lex.sexual]
    return frozenset(e.split(" ")[0] for e in entries if " " in e)


def analyse(text: str, decoder: Decoder, *, fuzzy: bool = True, english: bool | None = None) -> Analysis:
    """What the rules see in ``text``; ``fuzzy=False`` for non-English comments (see ``Decoder.decode``).
    ``english`` (default: ``fuzzy``): whether the comment may be English; in one that is not, English insult and
    profanity words are no hostile predicate of a group ("Les migrants sont arrivés avec du retard")."""
    english = fuzzy if english is None else english
    lex: Lexicon = decoder.lexicon
    raw = clean(text)
    decoded, hits = decoder.decode(raw, fuzzy=fuzzy)
    # an everyday word that is also a slur ("fairy", "Yankees") is a slur only where the decoder kept it as one
    slur_spans = {(s, e) for s, e, _ in hits} | {(d.start, d.end) for d in decoded}
    norm, to_raw = _with_decoded_words(raw, decoded)
    a = Analysis(norm=_URL.sub(" url ", _MENTION.sub(" @user ", norm)), decoded=decoded)
    words = [(m.start(), m.end(), m.group().replace("’", "'")) for m in _WORD.finditer(norm)]
    toks = [w for _, _, w in words]
    _interjected_no(norm, words, toks)
    group_idx, group_end, sexual_at = _read_terms(a, words, toks, raw, to_raw, slur_spans, decoder)
    # an emoji that is a hostile gesture by itself (the middle finger, the gesture of "fuck you") is an obscene
    # insult: profanity and insult evidence with its span (revision 3.4.1; see _content.HOSTILE_EMOJI)
    gestures = hostile_emoji(raw)
    a.profanity.extend(gestures)
    a.insults.extend(gestures)
    neg = _negations(toks)  # once per comment: the threat, group, coded, sending and benign rules all read it
    a.negated = any(neg)
    # "the Russian government is corrupt": said of a state or a thing, read as a country mention (session 18)
    group_idx = [(gi, g, c or _names_an_institution(toks, group_end[gi], g, lex)) for gi, g, c in group_idx]
    a.people = any(not c for _, _, c in group_idx)
    slur_at = [gi for gi, _, _ in group_idx if (t := _term(toks[gi], 1, decoder)) is not None and t.kind == "slur"]
    own = {toks[gi] for gi in slur_at if _self_reference(toks, gi) or reclaimed_frame(toks, gi)}
    a.reclaimed = bool(slur_at) and all(toks[gi] in own for gi in slur_at)  # session 28: "as a X myself ... the X march"
    # clause ids: read by the group rules, the threat reading and the backhanded-praise check, so only when they run
    clauses = functools.cache(lambda: _clauses(norm, words))  # computed once, on first use
    clause = clauses() if group_idx or a.threats else []
    _attacks(a, norm, words, toks, neg, clause, group_idx, group_end, lex, to_raw, raw, english=english)
    if english:
        coded_readings(a, norm, words, toks, neg, clauses, to_raw, raw, lex)  # session 22: dog whistles
        sent_home(a, norm, words, toks, neg, clauses, to_raw, raw)  # session 23: "go back to your country"
    if slur_at and not a.counter and _mentioned(norm, words, toks, slur_at, lex):
        a.counter = True
    if slur_at and not a.counter and all(_called_as(toks, j, lex) for j in slur_at):
        a.counter = True  # session 23: what someone was called, told or condemned ("he called me a ...")
        called, ends = {words[j][0] for j in slur_at}, _sentence_ends(norm)[0]
        a.attack = [x for x in a.attack if not _same_sentence(norm, ends, called, to_raw, x)]
    if a.people and not a.counter:
        named = dict.fromkeys(g for _, g, country in group_idx if not country)
        a.emoji_attack = emoji_attack(raw, toks, [(g, a.groups[g]) for g in named], lex)
    # a group's name deliberately disguised ("jooz", "m0slems") is itself a hostile signal
    for d in decoded:
        if d.term.group is not None and d.term.kind in ("group_name", "slur") and not d.term.country:
            a.disguised_groups.append((d.start, d.end, d.span, d.term.group))
    # threats: a violent verb with intent ("will", "should", "gonna") aimed at someone (you, them, a group)
    if a.threats:
        a.threat_score = _verb_threat_score(norm, words, toks, neg, clause, group_idx, group_end, lex)
    if a.harm_aimed:
        a.threat_score = max(a.threat_score, 0.85)
    _menace_at_reader(a, norm, words, toks, lex, to_raw, raw)
    _harm_at_person(a, norm, words, toks, lex, to_raw, raw)
    if english:  # session 24: "your pointless shit", "you and your crap"
        profanity_at_addressee(a, words, toks, neg, clauses, lex, to_raw, raw)
    a.sexual_score = _sexual_score(toks, sexual_at)
    if a.people and not a.attack and not a.counter:
        people = [(gi, g) for gi, g, country in group_idx if not country]
        for j, (gi, g) in _backhanded(norm, words, toks, clause, people, group_end, lex):
            for s, e in ((words[gi][0], words[group_end[gi] - 1][1]), (words[j][0], words[j][1])):
                rs, re_ = to_raw(s, e)
                a.attack.append((rs, re_, raw[rs:re_], g))
    a.benign = _benign_mention(a, toks, lex, [group_end.get(gi, gi + 1) for gi, _, c in group_idx if not c])
    benign_readings(a, toks, neg, group_idx, group_end, lex)  # session 20: _rules_benign
    return a


# verbs whose bare imperative is an order to harm; "destroy them in the finals", "beat them" are sport talk
def _pronoun_next_sentence(norm: str, words: list[tuple[int, int, str]], toks: list[str],
                           group_idx: list[tuple[int, str, bool]], group_end: dict[int, int]) -> list[int]:
    """A pronoun that opens the sentence right after a group ("Stop talking about X. Those people are scum."): it
    refers to the group (session 28; ``_group_pronouns`` reads only pronouns at least two words on)."""
    found = []
    for gi, _, c in group_idx:
        k = group_end.get(gi, gi + 1)
        if not c and k < len(toks) and toks[k] in _PRON_REF and k - gi == 1 and \
                any(ch in ".!?;" for ch in norm[words[k - 1][1] : words[k][0]]):
            found.append(k)
    return found


_DOERS = frozenset(["people", "some", "someone", "somebody", "they", "he", "she", "trolls", "everyone", "anyone",
                    "others", "men", "society", "folks", "politicians", "kids", "strangers", "users", "commenters",
                    "bigots", "racists", "you", "we", "the", "this", "that", "our", "their", "his", "her"])


_HARMFUL_DEEDS = frozenset(["threaten", "attack", "treat", "mock", "abuse", "harass", "insult", "bully", "talk", "speak",
                            "target", "demonise", "demonize", "dehumanise", "dehumanize", "hate", "discriminate",
                            "exclude", "smear", "troll", "threatened", "attacked", "treated", "mocked", "abused",
                            "harassed", "insulted", "bullied", "talks", "speaks", "targeted", "treats", "threatens",
                            "attacks", "mocks", "abuses", "harasses", "insults", "bullies", "targets", "hates", "trolls"])
# passives that favour the group: "disgusting how X are allowed to ..." still judges the group
_FAVOURED = frozenset(["allowed", "permitted", "accepted", "tolerated", "welcomed", "favoured", "favored", "pampered",
                       "coddled", "paid", "handed", "funded", "subsidised", "subsidized", "protected", "excused"])


def _judged_deed(toks: list[str], k: int, gi: int, end: int) -> bool:
    """Between an evaluative word (ending at ``k``) and the group at ``gi``: "how" or "the way" and then someone
    else as subject ("disgusting how people online threaten X"), or the group as the subject of a passive ("sick
    when i think about how X are treated"); not the group acting ("disgusting how X live") nor "people like X"."""
    for m in range(k, gi):
        size = 1 if toks[m] == "how" else 2 if toks[m : m + 2] == ["the", "way"] else 0
        d = m + size
        if size and d < gi and toks[d] in _DOERS and toks[d + 1 : d + 2] != ["like"] and gi - d >= 2:
            return True
        if size and gi - d <= 1 and end + 1 < len(toks) and toks[end] in ("are", "were", "get", "got", "is", "being") \
                and (toks[end + 1].endswith("ed") or toks[end + 1] in ("spoken", "seen", "thrown", "beaten", "hurt")) \
                and toks[end + 1] not in _FAVOURED:
            return True
    return False


_BELIEF_FAR = frozenset(["think", "believe", "buy", "accept", "tell", "say", "claim", "fall", "listen"])
_BELIEF_FILL = frozenset(["for", "a", "second", "minute", "moment", "even", "really", "ever", "anyone", "anybody",
                          "you", "let", "people", "them", "the", "lie", "idea", "myth", "to", "when", "me", "us"])


def _belief_denied_far(toks: list[str], neg: list[bool], clause: list[int], gi: int) -> bool:
    """A belief or a telling denied a few words before "that X ..." ("i don't believe for a second that X ...",
    "never let anyone tell you that X ...", session 28): what follows is denied, not claimed."""
    if gi < 3 or toks[gi - 1] not in ("that", "me", "us"):
        return False
    for b in range(max(0, gi - 7), gi - 1):
        if toks[b] in _BELIEF_FAR and all(t in _BELIEF_FILL for t in toks[b + 1 : gi - 1]):
            return any(neg[k] for k in range(max(0, b - 4), b))
    return False


# an act done to a group, named by a gerund that opens the sentence, then condemned ("threatening X online is a
# crime", "denying that X are people is disgusting")
_ACTS = frozenset(["hating", "threatening", "attacking", "harassing", "calling", "denying", "mocking", "insulting",
                   "blaming", "abusing", "bullying", "targeting", "demonising", "demonizing", "dehumanising",
                   "dehumanizing", "scapegoating", "excluding", "stereotyping", "discriminating", "insulting",
                   "belittling", "ridiculing", "vilifying", "slandering", "trolling", "othering"])
_ACT_BRIDGE = frozenset(["all", "the", "these", "those", "that", "against", "on", "any", "every", "our", "your"])
_CONDEMNED = frozenset(["crime", "illegal", "punished", "pathetic", "disgusting", "vile", "wrong", "shameful",
                        "disgrace", "racist", "bigoted", "bigotry", "cowardly", "evil", "sick", "sickening", "gross",
                        "unacceptable", "despicable", "appalling", "horrible", "awful", "cruel", "hateful", "low",
                        "inexcusable", "unforgivable", "dangerous", "hate", "disgraceful", "ugly", "unkind", "stupid"])


def _act_condemned(toks: list[str], clause: list[int], gi: int, end: int) -> int:
    """The group at ``gi`` is the object of an act gerund that opens its clause, and what follows judges the act:
    the index of the judging word; -1 if none."""
    g = next((k for k in range(max(0, gi - 3), gi) if toks[k] in _ACTS and _bridged(toks, k + 1, gi, _ACT_BRIDGE, 2)),
             -1)
    if g < 0 or (g > 0 and clause[g - 1] == clause[g]):
        return -1
    n = len(toks)
    for m in range(end, min(n, end + 10)):
        if toks[m] in ("is", "was", "should", "makes", "must"):
            k = next((k for k in range(m + 1, min(n, m + 5)) if toks[k] in _CONDEMNED), -1)
            return k if k > 0 and not any(t in _NEGATION for t in toks[m:k]) else -1  # "hating X is not wrong"
    return -1


def _interjected_no(norm: str, words: list[tuple[int, int, str]], toks: list[str]) -> None:
    """A "no" that answers ("No, X are not dangerous", "No. X are ...") quantifies nothing after it (session 28):
    read as "nope" when it opens the comment or a sentence and a comma or a full stop follows it."""
    for k, (s, e, w) in enumerate(words):
        if w.lower() == "no" and norm[e : e + 1] in (",", ".", "!") and \
                (k == 0 or any(c in ".!?\n" for c in norm[words[k - 1][1] : s])):
            toks[k] = "nope"


_LETHAL = frozenset(["kill", "hang", "shoot", "gas", "stab", "burn", "lynch", "behead", "execute", "murder",
                     "slaughter", "exterminate", "bomb", "nuke", "butcher", "massacre", "drown", "torch"])


def _with_decoded_words(raw: str, decoded: list[Decoded]) -> tuple[str, Callable[[int, int], tuple[int, int]]]:
    """The lower-cased text with each decoded word in place of its disguise, and the map from its offsets back to
    the raw text's (a decoded word maps to its whole disguise)."""
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

    return norm, to_raw


def _read_terms(a: Analysis, words: list[tuple[int, int, str]], toks: list[str], raw: str,
                to_raw: Callable[[int, int], tuple[int, int]], slur_spans: set[tuple[int, int]], decoder: Decoder,
                ) -> tuple[list[tuple[int, str, bool]], dict[int, int], list[tuple[int, str]]]:
    """Read the lexicon's terms in the tokens into ``a`` (groups, slurs, threats, profanity, insults, sexual words,
    with their raw spans), longest phrase first; returns the group mentions (token index, group, is a country
    name), the index after each mention's last word, and the sexual terms' token indices."""
    lex = decoder.lexicon
    n = len(toks)
    group_idx: list[tuple[int, str, bool]] = []  # token index, group, is a country name
    group_end: dict[int, int] = {}  # token index of a group mention -> the index after its last word
    sexual_at: list[tuple[int, str]] = []  # token index, sexual term
    starts = _phrase_starts(decoder)
    i = 0
    while i < n:
        matched = False
        for size in (3, 2, 1) if toks[i] in starts else (1,):  # multi-word terms first: "black people", "wipe out"
            if i + size > n:
                continue
            phrase = " ".join(toks[i : i + size])
            reading = _phrase_reading(phrase, size, decoder)
            if reading is None:
                continue  # most phrases: no term, no list entry
            term, threat, profanity, insult, sexual = reading
            s, e = words[i][0], words[i + size - 1][1]
            rs, re_ = to_raw(s, e)
            if term is not None and term.kind == "slur" and term.text in lex.everyday_slurs \
                    and (rs, re_) not in slur_spans:
                term = None  # "a fairy tale", "the Yankees' 7th", "a burger": the everyday word
            if term is not None and term.kind == "slur" and _everyday_sense(toks, i, size, term.text):
                term = None  # session 19: "smoked a fag", "cheese and crackers", "the dyke burst"
            if term is not None:
                a.groups.setdefault(term.group, []).append((rs, re_, raw[rs:re_]))
                group_idx.append((i, term.group, term.country))
                group_end[i] = i + size
                if term.kind == "slur":
                    a.slurs.append((rs, re_, raw[rs:re_], term.group))
                matched = True
            if threat:
                a.threats.append((rs, re_, raw[rs:re_]))
                matched = True
            if profanity:
                a.profanity.append((rs, re_, raw[rs:re_]))
            if insult:
                a.insults.append((rs, re_, raw[rs:re_]))
            if sexual:
                a.sexual.append((rs, re_, raw[rs:re_]))
                sexual_at.append((i, phrase))
            if matched:
                i += size - 1
                break
        i += 1
    return group_idx, group_end, sexual_at



def _verb_threat_score(norm: str, words: list[tuple[int, int, str]], toks: list[str], neg: list[bool],
                       clause: list[int], group_idx: list[tuple[int, str, bool]], group_end: dict[int, int],
                       lex: Lexicon) -> float:
    """The threat a violent verb of the lexicon makes: 0.85 with intent ("will", "should", "gonna") and aimed at
    someone (you, them, a named group), 0.45 with one of the two or when a report attributes it, else 0.2. A verb
    denied, in another sense or lamented does not count."""
    groups_at = {gi for gi, _, c in group_idx if not c}
    best = 0.2
    for j, t in enumerate(toks):
        if t not in lex.threat_verbs or _chain_negated(toks, neg, j) or _figurative(toks, j) or _idiom(toks, j) \
                or _noun_reading(toks, j, norm, words) or _unwanted(toks, neg, j) or \
                any(_toll_question(toks, gi, group_end.get(gi, gi + 1), j) for gi in groups_at):
            continue  # "I won't kill you", "nobody should ever be killed": denied, not threatened; "hang out
            # with you", "take a stab at": another sense of the word; "how many more X have to die?": lamented
        intent = any(x in _FUTURE for x in toks[max(0, j - 3) : j]) or (
            t in _LETHAL and _imperative(norm, words, toks, j))
        # a person after the verb in the same sentence ("the vulnerabilities they burn. Each of them": not aimed)
        aimed = any((x in _SECOND_PERSON or x in _PRONOUNS) and not _sentence_between(norm, words, j, k)
                    for k, x in enumerate(toks[j + 1 : j + 4], start=j + 1)) or any(
            k in groups_at for k in range(max(0, j - 4), j + 5)) or _passive_subject(norm, words, toks, j) or \
            _dying_subject(norm, words, toks, j)
        if intent and not aimed and _thing_object(toks, j, lex):
            continue  # "set out to execute it", "we need to kill the bill": done to a thing, not a person
        best = max(best, 0.85 if intent and aimed else 0.45 if intent or aimed else 0.2)
    at = [j for j, t in enumerate(toks) if t in lex.threat_verbs]
    if best >= 0.5 and (_reported(norm, words, toks, lex, at) or
                        at and all(_reported_harm(toks, clause, j) for j in at)):
        best = 0.45  # a threat quoted or attributed by a report ('he shouted "burn them", police said')
    return best



def _chain_negated(toks: list[str], neg: list[bool], j: int, clause: list[int] | None = None) -> bool:
    """A negation reaches token ``j`` across a permission or modal chain ("shouldn't be allowed to be attacked",
    "no one should ever be hurt", "won't kill"), within ``clause`` when given."""
    k = j - 1
    while k >= 0 and j - k <= 7 and (clause is None or clause[k] == clause[j]):
        if neg[k]:
            return True
        if toks[k] not in _CHAIN:
            return False
        k -= 1
    return False


# words that say someone is a person, and the words between a negation and them that keep the denial about
# personhood: "X are not people", "not even human", "not real people"; any other word ("not rich people") qualifies
_PERSONHOOD = frozenset(["people", "persons", "person", "human", "humans"])
_PERSONHOOD_QUALIFIERS = frozenset(["even", "real", "really", "actual", "actually", "true", "truly", "fully", "proper",
                                    "normal", "decent", "civilised", "civilized", "human", "like", "worthy", "any",
                                    "considered", "counted", "as", "quite", "entirely", "completely", "totally"])


# said of a country or an institution, only words that deny people their humanity attack the people ("Russia are
# vermin"); the lexicon's other "dehumanising" words judge a state ("evil", "terrorists", "a disease")
_INHUMAN = frozenset(["animals", "ape", "apes", "barbarians", "beasts", "cockroach", "cockroaches", "filth", "insects",
                      "leeches", "locusts", "maggots", "monkey", "monkeys", "parasite", "parasites", "pests", "pigs",
                      "rat", "rats", "savage", "savages", "scum", "subhuman", "subhumans", "untermensch", "vermin",
                      "orcs", "orks"])


def _refused_regard(toks: list[str], neg: list[bool], clause: list[int], j: int, gi: int, lex: Lexicon,
                    end: int, groups: set[int]) -> bool:
    """A verb of regard at ``j`` ("respect", "accept", "trust") or a positive word about the group ("nothing good
    about X") is negated or refused right before it, and the group at ``gi`` .. ``end`` is its object (only "the",
    "these", "any of" ... between) and a head noun (``_group_is_head``). "like" only after an auxiliary's negation
    ("don't like X"; "it's not like X are ..." compares); "want" only with a place or nothing after the group ("we
    don't want X here"; not "i don't want X to suffer")."""
    if not _group_is_head(toks, clause, gi, end, groups):
        return False
    if toks[j] in ("want", "wanna") and end < len(toks) and clause[end] == clause[gi] and toks[end] not in _PLACES:
        return False
    size = _phrase_at(toks, j, _REGARD)
    if not size:
        size = _phrase_at(toks, j, lex.positive)
        size = size + 1 if size and toks[j + size : j + size + 1] == ["about"] else 0
    if not size or j + size > gi or any(t not in _REGARD_BRIDGE for t in toks[j + size : gi]) or gi - j - size > 3:
        return False
    if toks[gi].endswith(("'s", "s'")) or toks[gi + 1 : gi + 2] in (["being"], ["getting"]):
        return False  # "don't like christian's money", "won't accept X being treated so": not the group itself
    if toks[j] == "like":
        return j > 0 and neg[j - 1] and toks[j - 1] not in ("not", "no", "nothing")
    at = j - 2 if toks[j - 2 : j] in (["want", "to"], ["like", "to"]) else j  # session 22: "i'd never want to be ..."
    if toks[j] in _OWN_REGARD and not {"i", "we", "i'd", "id", "we'd", "i'll", "ill", "we'll"} & set(toks[max(0, at - 4) : j]):
        return False  # "no landlord will rent to them", "nobody will hire X": discrimination reported
    if j > 0 and toks[j - 1] in _REFUSING_MODALS and any(
            (toks[k] in ("nobody", "noone") or toks[k : k + 2] == ["no", "one"]) and clause[k] == clause[j]
            for k in range(max(0, j - 8), j - 1)):
        return True  # session 28: "nobody with any sense could respect X"
    return any((neg[k] or toks[k] in _REFUSAL) and clause[k] == clause[j] for k in range(max(0, j - 3), j))


_REFUSING_MODALS = frozenset(["could", "would", "can", "will", "should", "ever"])


# (session 19) verbs of regard read only with the commenter as subject: "i'd never hire a X"
_OWN_REGARD = frozenset(["hire", "employ", "rent", "be"])


def _addressed_insult(norm: str, words: list[tuple[int, int, str]], toks: list[str], neg: list[bool], gi: int, j: int,
                      lex: Lexicon) -> bool:
    """The insult at ``j`` follows a comma after the negation that denies a claim about the group at ``gi``, and is
    said to someone ("X are not parasites, shut your stupid mouth"; not "..., that's a disgusting smear", nor a
    word that condemns: "..., you bigot"): the negation does not reach it, it is the commenter's own insult."""
    if toks[j] in lex.negative or lex.counter_re.fullmatch(toks[j]):
        return False
    last_neg = max(k for k in range(gi, j) if neg[k])
    comma = norm.rfind(",", words[last_neg][1], words[j][0])
    return comma >= 0 and any(t in _SECOND_PERSON for t in toks[last_neg + 1 : j + 2] if t)


_GERUND_LEADS = frozenset(["from", "of", "about", "for", "against", "without", "by", "stop", "quit", "stopped",
                           "quitting", "stopping"])


# (session 21) "X are taking over" a field of work, sport or culture: success told, not a demographic threat; the
# fields of the control tropes (media, banks, finance, government, the world) stay hostile
_TAKEOVER = frozenset(["taking", "take", "took", "taken"])
_FIELDS = frozenset(["industry", "field", "sector", "profession", "charts", "chart", "league", "leagues", "sport",
                     "game", "scene", "box", "stage", "kitchen", "workplace", "tech", "science", "medicine", "music",
                     "podium", "olympics", "tournament", "market", "classroom", "lab", "labs", "startup", "startups"])
_TROPE_FIELDS = frozenset(["media", "bank", "banks", "banking", "finance", "financial", "money", "government",
                           "governments", "world", "hollywood", "politics", "country", "nation", "west", "europe",
                           "america", "britain", "schools", "universities", "courts", "police", "army", "neighbourhood",
                           "neighborhood", "neighborhoods", "neighbourhoods", "streets", "towns", "cities", "jobs"])
_OURS = frozenset(["our", "us", "my", "we"])  # "... the tech industry and our jobs": taken from us


def _field_taken(toks: list[str], k: int) -> bool:
    """The hostile phrase ending before ``k`` was "... taking over" and what is taken, within four words, is a field
    of work, sport or culture that no control trope names."""
    if k < 2 or toks[k - 1] != "over" or toks[k - 2] not in _TAKEOVER:
        return False
    near, rest = set(toks[k : k + 4]), set(toks[k : k + 8])
    return bool(near & _FIELDS) and not rest & _TROPE_FIELDS and not rest & _OURS


def _others_hate(toks: list[str], j: int) -> bool:
    """The hate verb at ``j`` is someone else's or a topic: right after "who"/"that" (or "who really"/"that all"), a
    gerund ("hating") right after a preposition or "stop", or asked of others ("why do people hate X?")."""
    if j and toks[j - 1] in _RELATIVES or j > 1 and toks[j - 2] in _RELATIVES and toks[j - 1] in _HEDGES:
        return True
    return toks[j].endswith("ing") and j > 0 and toks[j - 1] in _GERUND_LEADS or _asked_of_others(toks, j)


# positive words the lexicon lacks, read only after such a quantifier or a negation: "no X has done anything
# worthwhile", "X are no use to anyone"
_MORE_POSITIVE = frozenset(["worthwhile", "use", "value", "trustworthy", "reliable", "contributed", "grateful",
                            "pleasant", "likeable", "likable", "friendly", "polite"])  # last line: session 22


# a subject of its own or a subordinate clause between the group and an evaluative word: the word is said of that
# subject ("X brought us food when we were sick"), not of the group
# ("he" and "she" often refer back to one member of the group: "give a refugee a flat and he'll trash it")
_OTHER_SUBJECTS = frozenset(["i", "we", "it", "i'm", "im", "we're", "it's", "i've", "we've", "i'd", "we'd", "i'll",
                             "we'll"])
_SUBORDINATORS = frozenset(["when", "whenever", "because", "if", "after", "while", "since", "until", "before",
                            "once", "unless"])
# words that link a group to an evaluative noun phrase about it: a copula, a comparison, a quantifier
# ("X are filthy animals", "X are nothing but dirty rats", "X, like all dirty rats"); negations are handled apart
_LINKS = frozenset(["are", "is", "was", "were", "be", "been", "being", "am", "aint", "ain't", "seem", "seems",
                    "seemed", "look", "looks", "looked", "remain", "remains", "become", "becomes", "became", "act",
                    "acts", "like", "as", "than", "but", "of", "all", "nothing", "just", "only", "still", "always",
                    "such", "them", "they", "these", "those", "you", "ya", "bunch", "lot", "pack", "herd", "full"])
# words between a link and the evaluative word of an attributive phrase: determiners and intensifiers
_NOUN_PHRASE_START = frozenset(["a", "an", "the", "so", "very", "really", "truly", "most", "more", "total", "complete",
                                "utter", "pure", "fucking", "bloody", "damn", "too", "real", "absolute", "some",
                                "literal", "literally", "basically", "simply", "absolutely"])
# after an attributive word, words that end its noun phrase instead of being its noun
_NOT_A_NOUN = frozenset(["and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "like", "than", "as", "by",
                         "from", "because", "when", "if", "so", "too", "af", "asf", "lol", "ever",
                         # an object pronoun makes the word a verb ("he'll trash it")
                         "it", "them", "him", "her", "us", "me", "everything", "anything"])


def _said_of_another(toks: list[str], norm: str, words: list[tuple[int, int, str]], clause: list[int],
                     group_end: int, j: int, size: int, lex: Lexicon) -> bool:
    """The evaluative word at ``j`` (after the group, which ends before ``group_end``) is said of something else:
    another clause's subject stands between them ("X brought us food when we were sick"), or the word modifies a
    noun that is the object of a verb ("X cleaned the dirty streets", "X doctors treat sick people"), which a
    copula or comparison would otherwise link to the group ("X are dirty animals", "X are nothing but sick
    freaks" stay attacks)."""
    between = toks[group_end:j]
    if any(t in _OTHER_SUBJECTS or t in _SUBORDINATORS for t in between):
        return True
    after = j + size
    attributive = (after < len(toks) and clause[after] == clause[j] and not norm[words[after - 1][1]:words[after][0]].strip()
                   and toks[after] not in _NOT_A_NOUN and not _phrase_at(toks, after, lex.negative))
    if not attributive or j <= group_end:
        return False
    k = j - 1
    while k >= group_end and toks[k] in _NOUN_PHRASE_START | _DETERMINERS and not _punctuated(norm, words, k + 1):
        k -= 1
    if k < group_end or _punctuated(norm, words, k + 1):
        return False  # next to the group, or a phrase of its own after a comma ("X kids, filthy hands on ...")
    return toks[k] not in _LINKS and toks[k] not in _NEGATION


def _attacks(a: Analysis, norm: str, words: list[tuple[int, int, str]], toks: list[str], neg: list[bool],
             clause: list[int], group_idx: list[tuple[int, str, bool]], group_end: dict[int, int], lex: Lexicon,
             to_raw, raw: str, *, english: bool = True) -> None:
    """Compositional identity attacks: a group mention plus, in the same clause, a hostile predicate.

    Hostile predicates: a negative evaluative or dehumanising word after the group ("X are vermin"), a hate verb
    before it ("I despise X"), a hostile verb phrase with the group as subject ("X make me sick", "X don't belong
    here"), a call for exclusion or violence ("X should be deported", "kill all X"), or a negated positive
    evaluation ("X are not human", "I don't think X are human") or a refused regard ("I don't respect X"). A
    negation right before the predicate cancels it ("X are not scum", "I don't hate X"); hate inside quotation marks,
    reported in order to condemn it, or referred to as a claim the comment rejects ("stop pretending X are Y",
    ``_rejected_claim``) is counter-speech, not an attack. Hostile words denied or rejected go to ``a.claimed``.
    """
    n = len(toks)
    if not group_idx or not n:
        return
    # pronoun reference: "I met many X. I hate them." (one group named, a pronoun in a later clause)
    named = {g for _, g, c in group_idx if not c}
    mentions = list(group_idx)
    if len(named) == 1:
        first = min(gi for gi, _, c in group_idx if not c)
        g = next(iter(named))
        named_at = {k for gi, _, c in group_idx if not c for k in range(gi, group_end[gi])}
        mentions += [(j, g, False) for j in _group_pronouns(toks, named_at, first)]
        mentions += [(j, g, False) for j in _pronoun_next_sentence(norm, words, toks, group_idx, group_end)]
        if english:  # session 20 (hate3): "such people", "people like that" refer back too
            mentions += [(j, g, False) for j in _rules_coref.referring_phrases(toks, clause, named_at, first)]
    starts = {gi for gi, _, _ in group_idx}
    ends = _sentence_ends(norm)
    # the word that opens each clause's successor, once per comment (a look-ahead per hit is quadratic)
    opener = {clause[k - 1]: toks[k] for k in range(1, n) if clause[k] != clause[k - 1]}

    def negated_before(j: int, span: int = 3) -> bool:
        return any(neg[k] for k in range(max(0, j - span), j) if clause[k] == clause[j]) or (
            "?" not in norm and reason_denied(toks, neg, j))  # session 20: not "no reason to hate X? they are ..."

    harm = _harm_phrases(lex)

    def harm_follows(k: int) -> bool:
        """Tokens from ``k`` read "to be / get <harmed>" (an adverb may sit before the harm)."""
        if k + 1 >= n or toks[k] != "to" or toks[k + 1] not in ("be", "get", "being"):
            return False
        return any(_phrase_at(toks, m, harm) for m in range(k + 2, min(n, k + 4)))

    def protective(j: int, size: int) -> bool:
        """A negated permission at ``j`` ("shouldn't be allowed", "must not be allowed") followed by "to be / get
        <harmed>": it protects the group ("X shouldn't be allowed to be bullied"), it does not exclude it."""
        return any(neg[j : j + size]) and harm_follows(j + size)

    def denied(j: int) -> bool:
        """The harm at ``j`` is negated: right before it, or across a permission or modal chain ("shouldn't be
        allowed to be attacked", "no one should ever be hurt")."""
        return negated_before(j) or _chain_negated(toks, neg, j, clause)

    claimed_spans = set(a.claimed)  # a list scan per claim was quadratic on long comments

    def claim(j: int, size: int = 1) -> None:
        """Words ``j`` .. ``j + size`` are hostile words the comment denies or rejects, not its own abuse."""
        span = to_raw(words[j][0], words[min(n, j + size) - 1][1])
        if span not in claimed_spans:
            claimed_spans.add(span)
            a.claimed.append(span)

    def unwished(gi: int, j: int) -> bool:
        """The harm at ``j`` is done to the group at ``gi`` in a negated wish: "i don't want X to be hurt"."""
        return _unwanted(toks, neg, j, gi, clause)

    def harmed_after(gi: int) -> bool:
        """A harm within four words after the group ("to be hurt", "person to get hurt"): the group is protected."""
        return any(_phrase_at(toks, m, harm) for m in range(gi + 1, min(n, gi + 5)))

    hits: list[tuple[int, str, list[int]]] = []
    denial_hits: set[int] = set()
    aimed: set[int] = set()  # violent words of ``_ordered_harm`` and ``_wished_harm``
    spared: set[int] = set()  # harms denied to a named group: not aimed at a pronoun that refers back to it
    reported: set[int] = set()  # harms reported as someone else's ("he said X should be shot")
    deeds_judged: set[int] = set()  # session 28: groups at which a judged deed of others is aimed
    judged_acts: set[int] = set()  # session 28: "threatening X online is a crime", "hating X ... is pathetic"
    for gi, _, _ in mentions if english else []:
        if (m := _act_condemned(toks, clause, gi, group_end.get(gi, gi + 1))) > 0:
            judged_acts.update(range(gi, m))  # with "they" in between
    for gi, group, country in mentions:
        if _object_of_attitude(toks, gi):
            continue  # "their hatred of X", "the prejudice against X is disgusting": an attitude to X is judged
        if gi in judged_acts:
            a.counter = True
            continue
        c = clause[gi]
        lo, hi = _clause_start(clause, gi, 6), _clause_stop(clause, c, gi + 1, 9)  # the group's clause around it
        ev: list[int] = []
        regard_ev: list[int] = []  # negated positive evaluations: not cancelled by a denied belief
        # "I don't think X are ...", "nobody believes X are ...": the belief in what follows is denied
        belief_denied = any(neg[k] and toks[k + 1] in _BELIEF and not _negative_question(toks, k + 1)
                            for k in range(max(lo, gi - 4), gi - 1)) or _belief_denied_far(toks, neg, clause, gi)
        doubted = _doubted(toks, lo, gi)  # "since when do X count as real people?"
        quant = _quantified(toks, gi)  # session 19: "no X can be trusted"
        how = _how_question(toks, gi)  # session 19: "how are X not criminals?"
        asked = _asked(ends, words[gi][1])
        # negative evaluation or dehumanising word after the group (or before it: "filthy X", "why are X so vile"; not
        # across a comma: "X aren't all criminals, most X families ...")
        for j in range(lo, hi):
            if j == gi or (j < gi and "," in norm[words[j][1] : words[gi][0]]):
                continue
            size = _phrase_at(toks, j, lex.negative) or _phrase_at(toks, j, _MORE_NEGATIVE) or (
                english and _rules_emotion.predicate_word(toks, clause, gi, group_end.get(gi, gi + 1), j))
            # an English insult or swear word after the group, in an English comment only: in another language the
            # word may be an ordinary one ("retard" is French for a delay; session-14 review)
            if not size and not country and english and (toks[j] in lex.insults or toks[j] in lex.profanity) \
                    and j > gi and not _shrugged(toks, j):
                size = 1
            if not size:
                continue
            between = neg[min(j, gi) + 1 : max(j, gi)] if j > gi else []
            if any(between) and _addressed_insult(norm, words, toks, neg, gi, j, lex):
                continue  # "X are not parasites, shut your stupid mouth": the commenter's own insult
            if any(between) != (j > gi and (quant or how)):  # session 19: "none of these X are criminals"
                a.defused = True
                claim(j, size)
                continue
            if country and toks[j] not in _INHUMAN and toks[j + size : j + size + 1] not in (["people"], ["humans"]):
                continue  # "Russia is a terrorist state", "the Russian government is evil": a state judged; not
                # "Russia is full of evil people", said of its people
            if j > gi and not belief_denied and _said_of_another(toks, norm, words, clause, group_end.get(gi, gi + 1),
                                                                  j, size, lex):
                continue  # "X brought us food when we were sick", "X cleaned the dirty streets"
            if _judged_deed(toks, j + size if j < gi else _clause_start(clause, gi, 7), gi, group_end.get(gi, gi + 1)):
                if _HARMFUL_DEEDS & set(toks[max(0, gi - 4) : gi]):
                    a.counter = True  # "disgusting how people online threaten X": the harm done to X is condemned
                    deeds_judged.add(gi)
                continue  # session 28: "it's disgusting how people online threaten X": the deed is judged
            ev.append(j)
        if not country:
            # hate verb before the group: "I hate X", "I can't stand X"
            for j in range(lo, gi):
                size = _phrase_at(toks, j, lex.hate_verbs) or _phrase_at(toks, j, _KEEP_OUT) or \
                    _phrase_at(toks, j, _typed_hate_verbs(lex)) or _emotion_at(toks, j, gi, clause)
                if size and (_others_hate(toks, j) or _hate_for_others(toks, j + size, gi)) and \
                        not _endorsed_after(toks, neg, group_end.get(gi, gi + 1)):
                    a.defused = True  # "people who hate X", "nothing good comes from hating X": hate named, not
                    claim(j, size)  # held; "I can't stand people who attack X": the hate is for the attackers
                    continue
                if size and j + size <= gi:
                    if negated_before(j):
                        a.defused = True
                        claim(j, size)
                    elif not harmed_after(gi):  # "stop letting X be abused" protects them
                        ev.append(j)
                # a refused regard for the group: "i don't respect X", "i will never accept X", "nothing good about X"
                elif _refused_regard(toks, neg, clause, j, gi, lex, group_end.get(gi, gi + 1), starts) and \
                        not harmed_after(gi):
                    regard_ev.append(j)
            # the group as the subject of a hostile phrase: "X make me sick", "X don't belong here"
            for j in range(gi + 1, hi):
                if toks[j] in ("deserve", "deserves") and (negated_before(j, 2) or quant) and \
                        _ABUSE & set(toks[j + 1 : j + 4]):
                    a.defused = True  # "X don't deserve the abuse they get": protective
                    continue
                if (size := _denied_goods(toks, neg, j, belief_denied, quant)) and not harm_follows(j + size) and not \
                        any(_phrase_at(toks, m, harm) for m in range(j + size, min(n, j + size + 4))):
                    regard_ev.append(j)  # session 19: "X don't deserve rights", "X shouldn't have a vote"
                    continue
                size = _phrase_at(toks, j, lex.subject_hostile) or _no_standing(toks, clause, j)
                if size and protective(j, size):
                    a.defused = True
                    continue
                if size and _field_taken(toks, j + size):
                    continue  # "women are taking over the tech industry": success in a field, not a threat
                # a phrase may carry its own negation ("don't belong"); one before it cancels it ("do not disgust me")
                if size and (toks[j] in _NEGATION or not negated_before(j, 2)):
                    ev.append(j)
            # session 20: implicit and dehumanising frames ("X breed like rabbits", "overrun with X"; _rules_implicit)
            for j, denied_frame in implicit_frames(toks, neg, clause, gi, group_end.get(gi, gi + 1), asked):
                if denied_frame:
                    a.defused = True
                    claim(j)
                elif j not in ev and not _all_quoted(norm, words, [j]):  # 'calling X "a fifth column"' mentions it
                    ev.append(j)
            # violence or exclusion: "X should be deported", "we must exterminate X", "kill all X"
            for j in range(lo, hi):
                if j == gi:
                    continue
                size = _phrase_at(toks, j, lex.exclusion_passive) or _phrase_at(toks, j, lex.threat_verbs) or \
                    _deserved_blow(toks, lo, gi, j)
                if not size or (toks[j] in lex.threat_verbs and _idiom(toks, j)):
                    continue  # "love to hang out with gay friends": not violence
                if j < gi and "," in norm[words[j][1] : words[gi][0]]:
                    continue  # "... deported, they belong here": the harm ends the clause before the group
                if j in spared:
                    continue
                if (quant and _quantified_harm(toks, group_end.get(gi, gi + 1), j)) or \
                        _harm_judged(toks, neg, clause, j, gi, group_end.get(gi, gi + 1)) or \
                        _harm_lamented(toks, gi, group_end.get(gi, gi + 1), j) or \
                        _toll_question(toks, gi, group_end.get(gi, gi + 1), j):
                    spared.add(j)  # session 19: "no X should ever be attacked", "attacking X is never ok"
                    a.defused = True
                    claim(j, size)
                    continue
                if denied(j) or unwished(gi, j):
                    a.defused = True
                    claim(j, size)
                    continue
                if _reported_harm(toks, clause, j):
                    reported.add(j)
                if j > gi and (toks[j - 1] in ("was", "were") or toks[j] not in lex.exclusion_passive and
                               j + 1 < hi and toks[j + 1] in _DETERMINERS):
                    continue  # "three X were stabbed" reports it; "my X friend will murder the karaoke": X acts
                pre = toks[max(lo, j - 3) : j]
                if j < gi and _counted(toks, j):
                    continue  # "a few dead X", "thousands of dead X": victims counted, not a call for harm
                if {"likely", "risk"} & set(toks[max(0, j - 3) : j]):
                    continue  # "X are twice as likely to be attacked": a risk reported, not a call for it
                # right before the group, an order ("kill all X"); not a noun ("the killing of X" reports one)
                if any(t in _INTENT or t in _COPULA for t in pre) or (j < gi and gi - j <= 3 and not
                                                                      _noun_reading(toks, j, norm, words)):
                    ev.append(j)
            # harm aimed at the group that the lexicon's violence words miss (revision 3.8)
            end = group_end.get(gi, gi + 1)
            violent = [*_ordered_harm(toks, lo, gi, hi), _wished_harm(toks, neg, gi, lo, hi),
                       *_menace(toks, lo, gi, end, hi)]
            questioned = _rhetorical(toks, neg, lo, gi, end, asked)  # session 11: hate asked as a question
            proposed: list[int] = []  # their own negation is the question's form ("why don't we get rid of X?")
            if english:  # session 20 (hate3): "why do X even exist?", "beat the shit out of X"
                proposed = _rules_coref.asked_hate(toks, neg, clause, gi, end, asked)
                proposed += _rules_emotion.readings(toks, neg, clause, gi, end, asked)  # session 22 (hate5)
                proposed += _rules_tropes.readings(toks, neg, clause, gi, end, asked)  # session 28 (hcen)
                questioned += proposed
                violent += _rules_coref.profane_harm(toks, neg, clause, gi, end)
                violent += [_rules_tropes.weapon_threat(toks, neg, clause, gi, end)]  # session 28 (hcen)
            welcomed = [_approved_harm(toks, neg, lo, gi, end, hi, harm), _praised_vice(toks, gi)]  # session 18
            felt = _bodily(toks, lo, gi, end, hi)  # session 19: "X make my skin crawl"
            if felt >= 0 and negated_before(felt, 2):
                a.defused = True  # "X don't make my skin crawl"
                claim(felt)
                felt = -1
            for j in [*violent, *_eliminated(toks, neg, lo, gi, hi), *_cursed(toks, lo, gi, hi), *questioned, *welcomed,
                      felt]:
                if j < 0 or j in ev or (j < gi and "," in norm[words[j][1] : words[gi][0]]):
                    continue  # "fuck, the X team was brilliant": the curse is not aimed at X
                if j in spared:
                    continue
                if (quant and _quantified_harm(toks, end, j)) or _harm_judged(toks, neg, clause, j, gi, end):
                    spared.add(j)
                    a.defused = True
                    claim(j)
                    continue
                if (j < gi and negated_before(j) and j not in proposed) or unwished(gi, j):
                    a.defused = True
                    claim(j)
                    continue
                if _reported_harm(toks, clause, j):
                    reported.add(j)
                ev.append(j)
                if j in violent:
                    aimed.add(j)
            if not ev and _protected(toks, neg, gi, hi):
                a.defused = True
            if (k := _rejected_praise(norm, words, toks, neg, clause, gi, lex, opener)) >= 0:
                regard_ev.append(k)  # "stop pretending X are people"
            # negated positive evaluation: "X are not human", "X can never be trusted"; under a denied belief the
            # positive evaluation itself is what is denied ("I don't think X are human")
            if gi > 1 and _phrase_at(toks, gi - 1, lex.positive) and toks[gi - 1] not in _NOT_PRAISE and \
                    any(neg[k] and clause[k] == c for k in range(max(0, gi - 7), gi - 1)) and \
                    toks[gi - 2] in ("a", "an", "one", "single") and not harmed_after(gi):
                regard_ev.append(gi - 1)  # session 19: "never met a decent X", "no such thing as a good X"
            end_g = group_end.get(gi, gi + 1)
            for j in range(gi + 1, hi):
                size = _phrase_at(toks, j, lex.positive)
                if not size and toks[j] in _MORE_POSITIVE and (quant or any(neg[gi + 1 : j])):
                    size = 1  # "no X has done anything worthwhile", "X are no use to anyone"
                if quant and (toks[j] in ("safe", "people", "persons") or toks[j - 1] in ("was", "were") and
                              toks[j] in ("allowed", "permitted", "welcome")):
                    continue  # "no X is safe here" fears for them; "none of the X were allowed to stay" tells
                flipped = (belief_denied or doubted) and toks[j] not in ("people", "persons", "safe", "allowed") or how or \
                    asked and toks[j - 1] == "even" and toks[j] not in ("allowed", "permitted", "safe")  # "are X
                # even human?" doubts it; "are X even allowed to work?" is often asked in earnest
                if size and (any(neg[k] for k in range(gi + 1, j)) != quant) != flipped and j - end_g <= 5:
                    if toks[j] in _PERSONHOOD and not neg[j - 1] and toks[j - 1] not in _PERSONHOOD_QUALIFIERS:
                        continue  # "they are not rich people": a quality denied, not their humanity (session 17)
                    if toks[j] in ("allowed", "permitted") and harm_follows(j + 1):
                        a.defused = True  # "X are not allowed to be harassed": protective
                        continue
                    regard_ev.append(j)
        if ev and belief_denied:
            a.defused = True
            for j in ev:
                claim(j)
            ev = []
        ev += regard_ev
        if not ev:
            continue
        if belief_denied:
            denial_hits.add(gi)  # the denied belief made it hostile: not also a rejected claim
        hits.append((gi, group, ev))
    # session 28: "disgusting how people talk about X as if they were vermin": the pronoun's words are the deed's
    hits = [h for h in hits if h[0] in starts or not any(
        d < h[0] <= d + 12 and bisect.bisect_left(ends[0], words[d][1]) == bisect.bisect_left(ends[0], words[h[0]][1])
        for d in deeds_judged)]  # ... in the same sentence
    if not hits:
        return
    a.defused = False
    # counter-speech: the hateful words are quoted, or reported and condemned or attributed to a source
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(norm)]
    text_l = " ".join(toks)
    condemn = lex.counter_re.search(text_l) is not None
    report = any(t in lex.reporting for t in toks) or any(p in text_l for p in lex.reporting if " " in p)
    # "i think X are Y": the commenter's own claim, whatever else the comment reports or condemns
    own_claim = any(f >= 0 and _first_person(toks, f)
                    for gi, _, ev in hits for f in [_claim_frame(norm, words, toks, clause, gi, _claim_words(toks, gi, ev))])
    report = report and not own_claim
    attributed = lex.attribution_re.search(text_l) is not None

    def in_quotes(j: int) -> bool:
        return any(qs <= words[j][0] < qe for qs, qe in quoted)

    if report and quoted:
        # reported words: a group named outside quotation marks, the hostile words inside them ('he called X
        # "animals"'): the hostility is the quoted speaker's
        hits = [(gi, g, ev) if in_quotes(gi) else (gi, g, [j for j in ev if not in_quotes(j)]) for gi, g, ev in hits]
        hits = [h for h in hits if h[2]]
        if not hits:
            a.counter = True
            return
    in_quote = all(in_quotes(gi) for gi, _, _ in hits)
    if in_quote and quoted:
        a.counter = True  # quoted, not necessarily condemned: its hostile words are not claimed as rejected
        return
    rejected = [-1 if gi in denial_hits else _rejected_claim(norm, words, toks, neg, clause, gi, ev, lex, opener)
                for gi, _, ev in hits]
    others = all(j in reported for _, _, ev in hits for j in ev)  # every hostile word is a reported harm
    if (report and (condemn or attributed)) or others or all(k >= 0 for k in rejected):
        a.counter = True
        for (gi, _, ev), k in zip(hits, rejected, strict=True):
            words_of_claim = _claim_words(toks, gi, ev)
            for j in words_of_claim + ([k] if k >= 0 and toks[k] in _DISGUST else []):
                claim(j)
            if (f := _claim_frame(norm, words, toks, clause, gi, words_of_claim)) >= 0:
                claim(f, max([gi, *words_of_claim]) + 1 - f)  # the whole claim, frame to last word
        return
    for gi, group, ev in hits:
        s, e = words[gi][0], words[gi][1]
        rs, re_ = to_raw(s, e)
        a.attack.append((rs, re_, raw[rs:re_], group))
        for j in ev:
            ps, pe = to_raw(words[j][0], words[j][1])
            a.attack.append((ps, pe, raw[ps:pe], group))
            if j in aimed:
                a.harm_aimed = True
                a.threats.append((ps, pe, raw[ps:pe]))


