"""Text normalisation for the classifier and the lexical rules on top of it (targets, threats, profanity).

The learned model reads the de-obfuscated text; the rules read the same tokens and add what two tweet data
sets cannot teach: who an attack is aimed at, threats, sexual content and profanity, each with the spans
that drove it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from storytrace.comments import _rules_coref, _rules_emotion
from storytrace.comments._content import dehumanising_emoji, hostile_emoji
from storytrace.comments._decode import Decoded, Decoder, clean
from storytrace.comments._lexicon import Lexicon, Term
from storytrace.comments._rules_benign import (
    _CONDEMN,
    benign_readings,
    kind_statement,
    nominal_claim,
    reason_denied,
    reclaimed_frame,
)
from storytrace.comments._rules_implicit import (  # noqa: F401
    coded_readings,
    implicit_frames,
    mark_coded,
    sent_home,
)
from storytrace.comments._rules_shared import (
    _ABUSE,
    _BODILY,
    _CURSED,
    _CURSES,
    _DISGUST,
    _ELIMINATED,
    _EMOTION_NOUNS,
    _ERASED,
    _ERASED_ALONE,
    _FALSE_FRAMES,
    _FALSITY,
    _HARMS_DONE,
    _IRONY,
    _KEEP_OUT,
    _MENACE_AFTER,
    _MENACE_ALONE,
    _MENACE_BEFORE,
    _MENACE_CLOSING,
    _MORE_NEGATIVE,
    _NO_STANDING,
    _ORDERED_HARM,
    _REFUSAL,
    _REVULSION_BY,
    _SCARE_QUOTES,
    _STOP,
    _WISHED_HARM,
    _WISHES,
    _hostile_word,
    _self_reference,
    _typed_hate_verbs,
)
from storytrace.comments._tokens import (
    _NEGATION,
    _bridged,
    _clauses,
    _first_words,
    _negations,
    _phrase_at,
    _phrase_before,
)

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
# a negated belief before a group mention denies what follows: "I don't think X are dangerous"
_BELIEF = frozenset(["think", "believe", "agree", "say", "feel", "buy", "accept"])
_HATE_VERBS = frozenset(["hate", "hates", "despise", "despises", "loathe", "detest", "abhor", "can't stand",
                         "sick of", "tired of", "disgusted by", "disgust"])
_QUOTE = re.compile(r'"[^"]{3,}"|“[^”]{3,}”|(?<!\w)\'[^\']{6,}\'(?!\w)|«[^»]{3,}»')
_PRON_REF = frozenset(["they", "them", "those", "these", "their", "theirs", "themselves", "they're", "theyre",
                       "they'll", "theyll", "they've", "theyve", "they'd"])
_INTENT = frozenset(["should", "must", "need", "needs", "ought", "deserve", "deserves", "will", "gonna", "going",
                     "want", "wanna", "let's", "lets", "gotta", "have", "i'll", "we'll", "would", "to", "all"])
_COPULA = frozenset(["be", "been", "get", "got", "are", "is", "were", "all"])
_SECOND_PERSON = frozenset(["you", "u", "ya", "your", "youre", "you're", "ur", "yourself", "thou"])
_PRONOUNS = frozenset(["him", "her", "them", "they", "he", "she", "everyone", "all", "yourself", "themselves"])
_FUTURE = frozenset(["will", "gonna", "going", "should", "must", "deserve", "deserves", "i'll", "we'll", "let's",
                     "lets", "wanna", "want", "to", "i'd", "would", "gotta", "need", "we", "i"])
# the words between a negation and the harm it denies in a permission or modal chain: "shouldn't be allowed to be
# bullied", "no one should ever be attacked", "must not be allowed to get hurt"
_CHAIN = frozenset(["be", "to", "allowed", "permitted", "get", "getting", "being", "been", "ever", "should", "must",
                    "deserve", "deserves", "deserved",  # (session 19) "nobody deserves to be beaten for being X"
                    "can", "could", "would", "will", "one", "anyone", "again", "just", "simply", "ok", "okay"])
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
# a frame after one of these is the commenter's own claim: "i think X are Y", "i really do believe ..."
_FIRST_PERSON = frozenset(["i", "we", "i'd", "id", "i'll", "ill", "i'm", "im", "personally"])
_HEDGES = frozenset(["really", "honestly", "do", "just", "still", "would", "always", "firmly", "truly", "will", "can",
                     "must", "genuinely", "actually", "definitely", "even", "also", "simply", "only"])
# a claim that speaks well of a group besides the lexicon's positive words: "the myth that X are harmless"
_FAVOURABLE = frozenset(["harmless", "fine", "ok", "okay", "victims", "welcome", "innocent", "equal"])
# after "and", these refer back to the claim: "... and it's still a lie"
_REFERS_BACK = (["it's"], ["its"], ["it"], ["that's"], ["thats"], ["that"], ["which"], ["this"])
# after a negation in that predicate: "... is not true", "... is not supported by the data"
_SUPPORTED = frozenset(["true", "supported", "backed", "proven", "accurate", "correct", "real", "factual", "right",
                        "ok", "okay", "acceptable", "based"])
# verbs of regard: negated right before a group they are contempt ("i don't respect X", "i will never accept X")
_REGARD = frozenset(["respect", "accept", "trust", "tolerate", "welcome", "want", "like",
                     # session 19: "i'd never hire a X", "i could never be friends with a X"
                     "hire", "employ", "rent to", "be friends with"])
# after a group that is the object of a verb of regard: the group is the head noun ("don't trust X here", "X and
# their ..."), not a modifier ("mexican food"); "who"/"that" restrict it to some ("christians who preach hate")
_GROUP_NOUNS = frozenset(["people", "folk", "folks", "men", "women", "person", "persons"])
_PLACES = frozenset(["here", "in", "into", "around", "anymore", "near", "back", "anywhere", "living", "coming",
                     "moving", "there", "at"])
_HEAD_FOLLOWERS = _PLACES | _NEGATION | frozenset([
    "and", "or", "nor", "to", "of", "on", "from", "with", "because", "since", "as", "if", "when", "either", "ever",
    "again", "now", "today", "anyway", "much", "more", "at", "all", "one", "bit", "very", "so", "too", "even", "enough",
    "are", "is", "were", "was", "will", "would", "should", "can", "could", "do", "does", "did", "have", "has", "had",
    "i", "you", "we", "they", "he", "she", "it", "me", "him", "her", "them", "us", "my", "your", "our", "their", "his",
    "period", "whatsoever", "lol", "tbh", "smh", "imo", "ffs", "honestly", "neither", "like", "than"])
# between a verb of regard and its group: "i don't trust any of these X"
_REGARD_BRIDGE = frozenset(["the", "these", "those", "any", "all", "most", "of", "some", "for", "about",
                            "a", "an", "single"])  # session 19: a singular group ("i would never trust a X")
# calls to keep a group out, before it: "stop letting X in"
# session 22 (hate5): blows the lexicon's passives lack ("X deserve to be punched"); read like its "beaten"
_MORE_HARM_PASSIVE = frozenset(["punched", "slapped", "kicked", "smacked", "beaten up", "stabbed", "strangled",
                                "bashed", "battered", "whipped", "flogged", "stoned", "set on fire"])


def _deserved_blow(toks: list[str], lo: int, gi: int, j: int) -> int:
    """Words from ``j`` naming a blow the lexicon's passives lack, after the group and after an intent within three
    words ("X deserve to be punched", "X should be kicked"); not "the landlord kicked the X out", "X get punched"."""
    size = _phrase_at(toks, j, _MORE_HARM_PASSIVE) if j > gi else 0
    return size if size and any(t in _INTENT for t in toks[max(lo, j - 3) : j]) else 0


# ... only to be, stay or live somewhere, or said by itself: not "X have no right to bomb hospitals"
_STANDING_TO = frozenset(["be", "live", "stay", "exist", "remain", "come", "enter", "settle", "vote", "breed", "set",
                          "step", "move", "claim", "work", "call"])

# between a curse, a wished or ordered harm and its group: "fuck every last X", "torch the homes of those X"
_HARM_BRIDGE = frozenset(["all", "the", "these", "those", "every", "last", "any", "of", "a", "an", "next", "homes",
                          "houses", "each", "single", "one"])
# between a group and the harm wished on it: "hope every X in this country dies slowly"
_WISH_BRIDGE = frozenset(["to", "get", "all", "would", "will", "just", "finally", "slowly", "be", "can", "could", "in",
                          "this", "the", "my", "our", "country", "town", "city", "world", "here", "protesting",
                          "outside", "every", "day", "person", "people", "folk", "folks"])
# (session 19, helper hate2) between an ordered harm and the group, words that pick its victims ("hunt some X", "knock
# out the first X i see", "run down a couple of X"): determiners here, not a count of victims reported
_ORDERED_BRIDGE = frozenset(["some", "few", "couple", "first", "many", "as", "random", "two", "three", "more"])
# what the threat does to the group, after it: "... they're dead", "... in a body bag", "teach X a lesson"
_DOOM = frozenset(["they're dead", "theyre dead", "they are dead", "dead meat",
                   "in a body bag", "in the ground", "in the hospital", "watch their backs", "watch their back",
                   "coming for them", "a bullet", "the shotgun", "a rope", "won't live", "wont live",
                   "will not live", "what's coming", "whats coming"])
# "teach" and "line" harm only with their tail ("teach X a lesson", "line X up against a wall")
_NEEDS_TAIL = frozenset(["teach", "line"])
_TAILS = frozenset(["a lesson", "up against a wall", "against a wall", "against the wall"])
# ... and the words that make such an absence a wish: "the world would be better without X"
_DESIRED = frozenset(["better", "best", "dream", "paradise", "wish", "hope", "ideal", "perfect", "cleaner", "nicer",
                      "safer", "happier", "heaven", "utopia", "pray", "great", "greater", "improve", "improved"])
# a harm reported as someone else's threat: "the man who threatened to kill X", "people saying they hope X burn"
_REPORT_FRAMES = frozenset(["threatened to", "threatening to", "threatens to", "calling for", "called for",
                            "calls for", "said", "saying", "says", "say", "shouted", "shouting", "posted", "posting",
                            "wrote", "writing", "chanted", "chanting", "yelled", "yelling", "tweeted", "tweeting",
                            "heard", "told", "telling"])
# an attempt told of someone else right before the harm ("thugs tried to run down X"): a report, not a wish
_ATTEMPT_FRAMES = frozenset(["tried to", "tries to", "trying to", "attempted to", "attempts to", "attempting to"])
_ATTEMPTERS_SELF = _FIRST_PERSON | frozenset(["am", "i've", "ive", "we're", "we've"])
# after a report, words that endorse it: "he said X should be shot and he's right"
_ENDORSED = frozenset(["right", "agree", "agreed", "true", "correct", "exactly", "spot on", "based"])
# a group protected: "X should be safe", "we need to protect X"
_SAFE = frozenset(["should be safe", "deserve to be safe", "deserve to feel safe", "should feel safe",
                   "deserve to live without", "deserve to live in peace",
                   "deserve protection", "must be protected", "should be protected",
                   "need protecting", "to live in fear"])
_PROTECT = frozenset(["protect", "protecting", "defend", "defending", "stand up for", "stand with", "support"])
_AGENTS = frozenset(["who", "that", "people", "anyone", "those", "bigots", "thugs", "racists", "men", "gangs",
                     "whoever", "someone", "somebody", "guys", "cops", "police"])

# a group named in a kind or neutral way ("I really admire X", "I live with X", "are there many X in your town?"):
# the char heads give a bare group mention a high identity baseline, so such a comment is damped (_benign_mention)
_PRAISE = frozenset(["admire", "admires", "love", "loves", "respect", "respects", "support", "supports", "celebrate",
                     "appreciate", "thank", "thanks", "proud", "ally", "allies", "solidarity", "dignity", "rights",
                     "amazing", "brilliant", "kindest", "best", "helped", "helps", "adore", "adores", "contribute",
                     "contributes", "stand with", "sending love"])
# words of the lexicon's positive list that praise nobody: "black people", "X are allowed near ..."
_NOT_PRAISE = frozenset(["people", "persons", "human", "humans", "real people", "allowed", "fit", "natural", "normal",
                         "clean", "worth", "useful", "safe", "equal", "equals"])
# a first person telling of their own life with the group: "I work with X", "my X neighbour"
_FIRST_PERSON_FACT = frozenset(["i", "my", "we", "our", "me"])
_LIFE = frozenset(["live", "lived", "living", "work", "worked", "working", "grew", "married", "met", "know", "knew",
                   "neighbour", "neighbours", "neighbor", "neighbors", "friend", "friends", "coworker", "coworkers",
                   "colleague", "colleagues", "teacher", "wife", "husband", "family", "class", "school", "neighbourhood",
                   "neighborhood", "town", "street", "team", "play", "played"])
_QUESTION_OPENERS = frozenset(["are", "is", "do", "does", "how", "what", "where", "when", "which", "any", "can",
                               "did", "have", "has"])
# praise that belittles: "clever for a X", "smart for once", "oh great, more X", X are so 'peaceful'
_COMPLIMENTS = frozenset(["smart", "clever", "articulate", "well spoken", "well-spoken", "polite", "talented", "bright",
                          "pretty", "civil", "peaceful", "tolerant", "hardworking", "hard-working", "educated"])
_MOCK_CHEER = frozenset(["oh great", "oh wonderful", "oh joy", "oh lovely", "oh good", "just great"])


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
    counter: bool = False  # counter-speech: hate quoted or reported in order to condemn it
    people: bool = False  # a group of people is named (not only a country)
    defused: bool = False  # a hostile predicate about a group was negated ("X are not scum", "I don't hate X")
    reclaimed: bool = False  # every slur follows a self-identification ("we queers", "as a dyke")
    emoji_attack: list[tuple[int, int, str, str]] = field(default_factory=list)  # dehumanising emoji + group named
    sexual_score: float = 0.0  # 0.85 for sexual content, 0.35 for a word with a non-sexual sense alone (_sexual_score)
    # hostile words of a claim the comment rejects or denies ("saying X are liars is wrong", "X are not liars"), as
    # offsets in the cleaned text: not abuse of the commenter's own
    claimed: list[tuple[int, int]] = field(default_factory=list)
    harm_aimed: bool = False  # a threat, wished or ordered harm aimed at a named group is part of ``attack``
    benign: bool = False  # a group named in praise, support, a neutral fact or a question, nothing hostile (_benign_mention)


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
    a.reclaimed = bool(slur_at) and all(_self_reference(toks, gi) or reclaimed_frame(toks, gi) for gi in slur_at)
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
        a.threat_score = best
    if a.harm_aimed:
        a.threat_score = max(a.threat_score, 0.85)
    _menace_at_reader(a, norm, words, toks, lex, to_raw, raw)
    _harm_at_person(a, norm, words, toks, lex, to_raw, raw)
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


# a threat at the person addressed in words that name no violence (session-11 review W7: "I know where you live and I
# will find you"). Stalking cues are a menace only two together ("I know where you live, see you at the party" is
# not one); the others are one by themselves. Matched with "u"/"ya" read as "you".
_STALKING = frozenset(["know where you live", "know where you work", "know where you sleep", "know where you stay",
                       "know where your family lives", "know where your kids", "find you", "coming for you",
                       "watch your back", "make you pay", "regret this", "regret it", "track you down",
                       "find where you live", "find out where you live", "hurt you", "hurt your family"])
_MENACE_ALONE_AT_YOU = frozenset(["sleep with one eye open", "won't see it coming", "wont see it coming",
                                  "never see it coming", "your days are numbered", "dead meat", "hunt you down"])
# "find you" is a menace when intended and not given something ("I will find you a seat", "... the link")
_FIND_INTENT = frozenset(["will", "gonna", "i'll", "ill", "we'll", "going", "to", "shall"])
_GIVEN = frozenset(["a", "an", "the", "this", "that", "my", "your", "his", "her", "our", "their", "one", "another",
                    "some", "something", "someone", "somewhere", "anything", "more", "them", "it", "here", "there",
                    "later", "soon", "at", "in", "on", "when", "if", "after", "again", "now"])
_YOU = {"u": "you", "ya": "you", "ur": "your", "youre": "you're", "ull": "you'll"}
_AT_YOU_OPENERS = frozenset(p.split()[0] for p in _STALKING | _MENACE_ALONE_AT_YOU) | {"ur"}


def _menace_at_reader(a: Analysis, norm: str, words: list[tuple[int, int, str]], toks: list[str], lex: Lexicon,
                      to_raw: Callable[[int, int], tuple[int, int]], raw: str) -> None:
    """A threat at the addressed person in words that name no violence ("I know where you live and I will find you",
    "sleep with one eye open"): one cue that menaces by itself or two stalking cues are threat evidence and score
    0.85 (0.45 when reported). A cue negated right before ("I don't know where you live") does not count."""
    if _AT_YOU_OPENERS.isdisjoint(toks):
        return  # speed: most comments hold no word that opens a cue
    said = [_YOU.get(t, t) for t in toks]
    cues: list[tuple[int, int, bool]] = []  # start, words, menaces by itself
    j = 0
    while j < len(said):
        if said[j] not in _AT_YOU_OPENERS:
            j += 1
            continue
        size = _phrase_at(said, j, _MENACE_ALONE_AT_YOU)
        alone = bool(size)
        if not size:
            size = _phrase_at(said, j, _STALKING)
            if size and said[j] == "find" and not (
                    set(said[max(0, j - 3) : j]) & _FIND_INTENT and not _GIVEN & set(said[j + 2 : j + 3])):
                size = 0
            if size and said[j] == "regret" and not {"you", "you'll"} & set(said[max(0, j - 3) : j]):
                size = 0
        if size and not any(t in _NEGATION for t in said[max(0, j - 3) : j]):
            cues.append((j, size, alone))
            j += size
        else:
            j += 1
    if not any(alone for _, _, alone in cues) and len(cues) < 2:
        return  # one stalking cue alone is no threat: no evidence either
    at = [j for j, _, _ in cues]
    score = 0.45 if _reported(norm, words, toks, lex, at) else 0.85
    for j, size, _ in cues:
        rs, re_ = to_raw(words[j][0], words[j + size - 1][1])
        a.threats.append((rs, re_, raw[rs:re_]))
    a.threat_score = max(a.threat_score, score)


# violence done to a person that the lexicon's single verbs miss: "someone should put a bullet in the mayor's head"
_PERSON_HARM = frozenset(["put a bullet in", "put a bullet through", "put a bullet between", "open fire on",
                          "slit your throat", "slit his throat", "slit her throat", "cut your throat",
                          "break your legs", "break his legs", "break her legs", "break your neck", "run over",
                          "beat up", "punch", "smash your face", "smash his face", "smash her face"])
_UNAMBIGUOUS_HARM = frozenset(["put", "open", "slit", "cut", "break", "smash"])  # their object may be "the X"
_PERSON_OBJECTS = _SECOND_PERSON | _PRONOUNS | frozenset(["his", "their"])


def _harm_at_person(a: Analysis, norm: str, words: list[tuple[int, int, str]], toks: list[str], lex: Lexicon,
                    to_raw: Callable[[int, int], tuple[int, int]], raw: str) -> None:
    """A harm intended ("should", "will", ...) and aimed at a person (a pronoun, "you", or, for harms that name
    violence outright, "the X"): threat evidence, 0.85 (0.45 reported). Not negated or said figuratively."""
    starts = _first_words(_PERSON_HARM)
    if not any(t in starts for t in toks) or "figuratively" in toks or "metaphorically" in toks:
        return  # speed: most comments hold no word that opens a harm phrase (as in ``_menace_at_reader``)
    for j in range(len(toks)):
        size = _phrase_at(toks, j, _PERSON_HARM)
        before = toks[max(0, j - 3) : j]
        if not size or not any(t in _FUTURE or t in _INTENT for t in before) or any(t in _NEGATION for t in before):
            continue
        if _attempt_told(toks, j):
            continue  # "my neighbour tried to beat up ...": told, not intended
        after = toks[j + size : j + size + 3]
        aimed = any(t in _PERSON_OBJECTS for t in toks[j + 1 : j + size] + after) or (
            toks[j] in _UNAMBIGUOUS_HARM and after[:1] in (["the"], ["that"], ["this"]))
        if not aimed:
            continue
        score = 0.45 if _reported(norm, words, toks, lex, [j]) else 0.85
        rs, re_ = to_raw(words[j][0], words[j + size - 1][1])
        a.threats.append((rs, re_, raw[rs:re_]))
        a.threat_score = max(a.threat_score, score)


def _praised(toks: list[str], j: int, lex: Lexicon) -> bool:
    return toks[j] in lex.positive or _phrase_at(toks, j, _COMPLIMENTS) > 0


def _backhanded(norm: str, words: list[tuple[int, int, str]], toks: list[str], clause: list[int],
                people: list[tuple[int, str]], group_end: dict[int, int],
                lex: Lexicon) -> list[tuple[int, tuple[int, str]]]:
    """Praise that belittles a named group: (cue token, (group token, group)) for a compliment in scare quotes
    ("X are so 'peaceful'"), "<compliment> for a (black) X" ending its clause, "<compliment> ... for once" with the group
    before it, and mock cheer at more of them ("oh great, more X")."""
    if not people:
        return []
    n = len(toks)
    starts = [w[0] for w in words]
    quoted = {k for m in _SCARE_QUOTES.finditer(norm)
              for k in range(bisect.bisect_left(starts, m.start()), bisect.bisect_left(starts, m.end()))}
    at = [gi for gi, _ in people]  # in text order
    found = []
    for j in range(n):
        window = people[bisect.bisect_left(at, j - 8) : bisect.bisect_right(at, j + 8)]  # linear, not quadratic
        near = [(gi, g) for gi, g in window if clause[gi] == clause[j]]
        if not near:
            continue
        scare_quoted = _praised(toks, j, lex) and j in quoted
        for_once = toks[j] == "for" and j + 1 < n and toks[j + 1] == "once" and \
            any(gi < j for gi, _ in near) and any(_praised(toks, k, lex) for k in range(max(0, j - 4), j))
        if scare_quoted or for_once:
            found.append((j, near[0]))
        elif toks[j] == "for" and j + 1 < n and toks[j + 1] in ("a", "an") and \
                any(_praised(toks, k, lex) for k in range(max(0, j - 3), j)):
            found += [(j, (gi, g)) for gi, g in near if gi - j in (2, 3) and
                      (group_end[gi] >= n or clause[group_end[gi]] != clause[gi])]
        elif _phrase_at(toks, j, _MOCK_CHEER) == 2 and j + 2 < n and toks[j + 2] in ("more", "another"):
            found += [(j, (gi, g)) for gi, g in near if 0 < gi - (j + 2) <= 2]
    return found


def _harm_phrases(lex: Lexicon) -> frozenset[str]:
    """Exclusions, threats and harms done to a group, the lexicon's and the blows it lacks, once per lexicon."""
    if "harm" not in lex.derived:
        lex.derived["harm"] = lex.exclusion_passive | lex.threat_verbs | lex.harm_passive | _MORE_HARM_PASSIVE
    return lex.derived["harm"]


def _benign_mention(a: Analysis, toks: list[str], lex: Lexicon, ends: list[int] | None = None) -> bool:
    """A named group of people in praise, support or solidarity, a first-person neutral fact or a genuine question,
    with no hostile word, negation, sarcasm or backhanded marker, scare quotes, harm or exclusion anywhere."""
    if not a.people or a.negated or a.counter or a.defused or a.claimed or a.attack or a.slurs or a.insults \
            or a.profanity or a.threats or a.disguised_groups or a.emoji_attack or a.sexual:
        return False
    text = " ".join(toks)
    if any(f" {m} " in f" {text} " for m in _IRONY) or "..." in a.norm or _SCARE_QUOTES.search(a.norm):
        return False
    if _hostile_word(toks, lex):
        return False
    praised = any(_phrase_at(toks, j, _PRAISE) or toks[j] in lex.positive and toks[j] not in _NOT_PRAISE
                  for j in range(len(toks)))
    asked = a.norm.rstrip().endswith("?") and toks[0] in _QUESTION_OPENERS
    told = bool(_FIRST_PERSON_FACT & set(toks)) and bool(_LIFE & set(toks))
    return praised or asked or told or kind_statement(toks, ends or [])  # "X are people too", "X live in ..."


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


# a violent verb followed by words that give it another sense (phrasal verbs and idioms): "hang out with you", "to
# die for", "killing it", "kill time", "shoot me an email", "burn calories", "execute the plan" (revision 3.6.2)
_IDIOMS = {
    "hang": ("out", "around", "on a", "on there", "in there", "tight", "loose", "up the phone", "over", "together",
             "on to", "onto", "on tight", "on for"),
    "hung": ("out", "up on", "over", "around"),
    "die": ("laughing", "hard", "down"),  # "die for": see ``_idiom``
    "kill": ("time", "it", "the mood", "two birds", "for a", "for some", "for one"),
    "killing": ("it", "time", "the mood"),
    "killed": ("it", "time", "the mood"),
    "shoot": ("the breeze", "me a", "me an", "hoops", "a photo", "photos", "a video", "video", "pictures",
              "the messenger"),
    "stab": ("at", "in the dark"),
    "burn": ("calories", "out", "rubber", "the midnight oil", "bridges", "fat", "money", "cash", "a cd",
             "a dvd"),
    "burned": ("out", "calories", "bridges"),
    "execute": ("the plan", "a plan", "plans", "code", "the code", "orders", "the order", "a trade", "trades",
                "the strategy", "a strategy"),
}
# "stab someone in the back" (betray), "shoot oneself in the foot": the object, then the idiom's end
_OBJECT_IDIOMS = {"stab": "in the back", "stabbed": "in the back", "shoot": "in the foot", "shot": "in the foot"}
_REFLEXIVE = ("yourself", "himself", "herself", "myself", "themselves", "ourselves", "itself", "yourselves")
_DETERMINERS = frozenset(["a", "an", "the", "this", "that", "my", "your", "his", "her", "our", "their", "its", "one",
                          "another", "first", "best", "good", "cheap"])
# violent words that are also nouns: after a determiner they name a thing or an attempt, not an act ordered or
# intended ("take a stab at", "give it a shot", "the killing of a man", "the gas bill"); not "dead" ("a dead X")
_NOUN_SENSE = frozenset(["stab", "shot", "shoot", "kill", "killing", "bomb", "murder", "massacre", "slaughter",
                         "purge", "burn", "hang", "gas", "nuke", "torture", "butcher", "execute"])


def _idiom(toks: list[str], j: int) -> bool:
    """The violent verb at ``j`` begins a non-violent phrasal verb or idiom (``_IDIOMS``, ``_OBJECT_IDIOMS``).

    "die for" only as "to die for" or "would die for" ("you will die for what you did" is a threat), and an object
    idiom only when it ends there ("stab you in the back", not "... in the back of the head")."""
    after = " ".join(toks[j + 1 : j + 5])
    if any(after == tail or after.startswith(tail + " ") for tail in _IDIOMS.get(toks[j], ())):
        return True
    if toks[j] == "die" and toks[j + 1 : j + 2] == ["for"] and j > 0 and toks[j - 1] in ("to", "would", "d"):
        return True
    tail = _OBJECT_IDIOMS.get(toks[j])
    if tail is None:
        return False
    if tail == "in the foot" and (toks[j + 1] if j + 1 < len(toks) else "") not in _REFLEXIVE:
        return False  # "shot himself in the foot" is the idiom; "I will shoot you in the foot" is not
    n = len(tail.split())
    return " ".join(toks[j + 2 : j + 2 + n]) == tail and toks[j + 2 + n : j + 3 + n] != ["of"]


def _noun_reading(toks: list[str], j: int, norm: str, words: list[tuple[int, int, str]]) -> bool:
    """The word at ``j`` is a noun here: a determiner right before it in the same phrase ("a stab at", "the killing
    of"; not "the X did this, kill them all", where "this" ends the clause before)."""
    if toks[j] not in _NOUN_SENSE or j == 0 or _punctuated(norm, words, j):
        return False
    # "our own kill(-aid)": a possessive with "own" is a determiner too
    return toks[j - 1] in _DETERMINERS or (toks[j - 1] == "own" and j > 1 and toks[j - 2] in _DETERMINERS)


def _punctuated(norm: str, words: list[tuple[int, int, str]], j: int, marks: str = ".!?;:,\n") -> bool:
    """Punctuation of ``marks`` stands between token ``j - 1`` and token ``j``."""
    return j > 0 and any(c in marks for c in norm[words[j - 1][1] : words[j][0]])


def _reported(norm: str, words: list[tuple[int, int, str]], toks: list[str], lex: Lexicon, at: list[int]) -> bool:
    """The words at ``at`` are reported speech: a reporting marker ("said", "shouted") and either every one of them
    inside quotation marks or a news attribution ("police said", "was convicted", "according to")."""
    text = " ".join(toks)
    report = any(t in lex.reporting for t in toks) or any(p in text for p in lex.reporting if " " in p)
    if not report or not at or _own_words(toks, lex):
        return False
    return _all_quoted(norm, words, at) or lex.attribution_re.search(text) is not None


# A slur as what someone was called ("he called me a f****t", "my son was called a k*** at school", "calling someone
# a k*** is disgusting"): the word is named, not used. Not when the commenter calls or wants it ("i called him a ...",
# "they should be called ...", "call them what they are: ..."), nor a present "calling" without a condemnation.
_CALL_VERBS = frozenset(["called", "calls", "call", "calling"])
_CALLER_OWN = frozenset(["i", "we", "i'll", "we'll", "i'd", "we'd", "ill", "should", "must", "shall", "gonna", "will",
                         "would", "let's", "lets", "to", "just", "ima", "i'm", "im", "deserve", "deserves", "ought"])
_CALLED_PASSIVE = frozenset(["was", "were", "been", "being", "got", "get", "gets", "getting", "is", "am", "are"])
_CALLED_OBJECT_WORDS = 3  # "me", "my son", "my little brother"


def _called_as(toks: list[str], j: int, lex: Lexicon) -> bool:
    """The slur at ``j`` is what someone was called, reported or condemned, not the commenter's word."""
    k = j - 1 if j and toks[j - 1] in ("a", "an") else j
    verb = next((v for v in range(k - 1, max(-1, k - 2 - _CALLED_OBJECT_WORDS), -1) if toks[v] in _CALL_VERBS), None)
    if verb is None or verb == 0 and toks[verb] == "call":
        return False  # no calling, or "call them what they are"
    before = toks[max(0, verb - 3) : verb]
    if verb and toks[verb - 1] in _CALLED_PASSIVE:
        return not any(t in ("should", "must", "deserve", "deserves", "ought") for t in before)
    if any(t in _CALLER_OWN for t in before):
        return False
    if toks[verb] == "called":
        return True
    rest = " ".join(toks[j + 1 :])
    return lex.counter_re.search(rest) is not None or any(t in _CONDEMN for t in toks[j + 1 :])


def _same_sentence(norm: str, ends: list[int], at: set[int], to_raw: Callable[[int, int], tuple[int, int]],
                   attack: tuple[int, int, str, str]) -> bool:
    """``attack`` (raw offsets) lies in a sentence of ``norm`` (sentence ends ``ends``) holding one of the offsets
    ``at``."""
    for start in at:
        k = bisect.bisect_left(ends, start)  # the first sentence end at or after ``start``
        left, right = (ends[k - 1] + 1 if k else 0), (ends[k] if k < len(ends) else len(norm))
        raw_left, raw_right = to_raw(left, right)
        if raw_left <= attack[0] and attack[1] <= raw_right:
            return True
    return False


def _all_quoted(norm: str, words: list[tuple[int, int, str]], at: list[int]) -> bool:
    """Every word at the token positions ``at`` sits inside quotation marks."""
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(norm)]
    return all(any(qs <= words[j][0] < qe for qs, qe in quoted) for j in at)


def _own_words(toks: list[str], lex: Lexicon) -> bool:
    """A reporting word said by the commenter or to the reader ("I told you", "I said", "you heard me"): the quote
    is the commenter's own threat, not a report of someone else's."""
    return any(t in lex.reporting and ((r > 0 and toks[r - 1] in ("i", "you")) or toks[r + 1 : r + 2] in (["you"], ["me"]))
               for r, t in enumerate(toks))


_IMPERATIVE_LEAD = frozenset(["just", "please", "pls", "now", "so", "then", "and", "go"])
# verbs whose bare imperative is an order to harm; "destroy them in the finals", "beat them" are sport talk
_LETHAL = frozenset(["kill", "hang", "shoot", "gas", "stab", "burn", "lynch", "behead", "execute", "murder",
                     "slaughter", "exterminate", "bomb", "nuke", "butcher", "massacre", "drown", "torch"])
# "kill them with kindness", "destroy them with facts": the harm is done with something that harms no one
_BENIGN_MEANS = frozenset(["kindness", "love", "facts", "logic", "reason", "truth", "evidence", "data", "arguments",
                           "compassion", "grace", "charm", "humor", "humour", "laughter", "smiles", "success",
                           "votes", "ballots", "questions", "compliments", "knowledge", "science", "patience"])


# particles of a phrasal verb between a violent verb and its object ("burn down the house")
_PARTICLES = frozenset(["up", "down", "out", "off", "away", "through"])
# objects that are things: a pronoun for a thing, or a determiner before a noun that names no person
_THING_PRONOUNS = frozenset(["it", "this", "that", "something", "everything", "anything", "stuff", "things"])
# nouns for people that the group lexicon does not hold ("the man", "the kids")
_PERSON_NOUNS = frozenset(["man", "men", "woman", "women", "guy", "guys", "kid", "kids", "child", "children", "boy",
                           "boys", "girl", "girls", "people", "person", "family", "families", "baby", "babies",
                           "wife", "husband", "mother", "father", "mom", "dad", "son", "daughter", "brother",
                           "sister", "friend", "friends", "neighbour", "neighbor", "neighbours", "neighbors", "teacher",
                           "cop", "cops", "officer", "police", "judge", "president", "mayor", "leader", "leaders",
                           "boss", "owner", "author", "writer", "journalist", "journalists", "reporter", "priest",
                           "pastor", "imam", "rabbi", "lot", "bunch", "rest", "one", "ones", "whole", "same",
                           "other", "others", "all", "both", "entire", "next", "first", "last", "little", "old",
                           "young", "poor", "fucking", "damn", "bloody"])


def _thing_object(toks: list[str], j: int, lex: Lexicon) -> bool:
    """The object of the violent verb at ``j`` is a thing: "execute it", "kill the bill", "burn down the flag".
    Not a person, a group or an insult ("kill the man", "kill the X", "kill the idiot"), and not when unsure."""
    k = j + 1
    while k < len(toks) and toks[k] in _PARTICLES:
        k += 1
    if k >= len(toks):
        return False
    if toks[k] in _THING_PRONOUNS:
        return k + 1 >= len(toks) or toks[k + 1] not in _PERSON_NOUNS  # not "kill that man"
    if toks[k] not in ("the", "a", "an", "its") or k + 1 >= len(toks):
        return False
    noun = toks[k + 1]
    return noun not in _PERSON_NOUNS and noun not in lex.terms and noun not in lex.insults and \
        noun not in _SECOND_PERSON and noun not in _PRONOUNS


def _sentence_between(norm: str, words: list[tuple[int, int, str]], j: int, k: int) -> bool:
    """A sentence ends between tokens ``j`` and ``k`` (``j < k``)."""
    return any(c in ".!?\n" for c in norm[words[j][1] : words[k][0]])


# who a passive threat is done to, when the comment names nobody: "they should all be hanged", "people like that
# deserve to be shot" (session-14 review: threat 0.45, the verb had no person after it)
_PASSIVE_SUBJECTS = frozenset(["they", "he", "she", "those", "these", "they're", "theyre"])
_PASSIVE_AUX = frozenset(["be", "get", "been", "being"])


# (session 21, review) a death wished on the person addressed or talked of, with no object after the verb: "you
# people are idiots and should die", "you should rot", "they all deserve to die" (threat 0.45 before: no person
# after "die")
_INTRANSITIVE_HARM = frozenset(["die", "rot", "perish", "suffer", "starve"])
_WISHED_SUBJECTS = _SECOND_PERSON | frozenset(["they", "he", "she", "those", "these", "y'all"])
_WISHING = frozenset(["should", "must", "deserve", "deserves", "ought", "need", "needs", "hope", "go", "just"])
_OBJECT_LEADS = frozenset(["the", "a", "an", "that", "this", "these", "those", "my", "your", "his", "her", "their",
                           "our", "its"])


def _dying_subject(norm: str, words: list[tuple[int, int, str]], toks: list[str], j: int) -> bool:
    """The intransitive harm at ``j`` ("die", "rot") is wished ("should", "deserve to", "hope") on a person, its
    subject at most six words before it in the same sentence, not the commenter ("I should die" is no threat; "you
    will die one day" is a truism, not a wish; "you should suffer the consequences" has an object)."""
    if toks[j] not in _INTRANSITIVE_HARM or toks[j + 1 : j + 2] and toks[j + 1] in _OBJECT_LEADS:
        return False
    for k in range(max(0, j - 6), j):
        between = set(toks[k + 1 : j])
        if toks[k] in _WISHED_SUBJECTS and between & _WISHING and not _FIRST_PERSON & between and \
                not _sentence_between(norm, words, k, j):
            return True
    return False


def _passive_subject(norm: str, words: list[tuple[int, int, str]], toks: list[str], j: int) -> bool:
    """The verb at ``j`` is passive ("be hanged") and its subject, at most five words before it in the same
    sentence, is a person pronoun or "people like ..."."""
    if j == 0 or toks[j - 1] not in _PASSIVE_AUX:
        return False
    for k in range(max(0, j - 6), j - 1):
        if (toks[k] in _PASSIVE_SUBJECTS or toks[k : k + 2] == ["people", "like"]) \
                and not _sentence_between(norm, words, k, j):
            return True
    return False


def _figurative(toks: list[str], j: int) -> bool:
    """The violent verb at ``j`` is done "with" a benign means within the next few words (revision 3.6.1)."""
    after = toks[j + 1 : j + 6]
    return any(x == "with" and y in _BENIGN_MEANS for x, y in pairwise(after))


def _imperative(norm: str, words: list[tuple[int, int, str]], toks: list[str], j: int) -> bool:
    """Token ``j`` (a violent verb) begins the comment, a sentence or a clause after a comma, maybe after "just",
    "please", "go": an order ("hang them", "gas them all. now.", "the X did this, kill them all"), which states intent
    as "should" or "will" do (revision 3.6; the comma since session 11)."""
    k = j - 1 if j >= 1 and toks[j - 1] in _IMPERATIVE_LEAD else j
    return k == 0 or _punctuated(norm, words, k)


def _mentioned(norm: str, words: list[tuple[int, int, str]], toks: list[str], slur_at: list[int], lex: Lexicon) -> bool:
    """Every slur is mentioned, not used (revision 3.6): it sits inside quotation marks in a comment that reports
    speech ('he'd been called a "paki" every day for years'), as the compositional rule already reads quoted,
    reported hostile words as the quoted speaker's."""
    if not any(t in lex.reporting for t in toks):
        return False
    return _all_quoted(norm, words, slur_at)


def emoji_attack(raw: str, toks: list[str], groups: list[tuple[str, list[tuple[int, int, str]]]],
                 lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """Emoji mockery (revision 3.6): a dehumanising emoji (``_content.DEHUMANISING_EMOJI``: apes, vermin, pigs,
    excrement) in a comment that names a group of people ("muslims 🐷🐷", "black people = 🦍") likens the group to it,
    as "X are pigs" does in words. Not when the comment condemns (a counter-speech marker: "calling jews 🐀 is
    racist") or negates; the group is the first one named. Returns evidence spans (start, end, text, group): the
    emoji and the group's mentions."""
    found = dehumanising_emoji(raw)
    if not found or not groups or any(t in _NEGATION for t in toks):
        return []
    if lex.counter_re.search(" ".join(toks)) is not None:
        return []
    found = found[:_MAX_EMOJI]
    for group, spans in groups:
        starts = [s for s, _, _ in spans]  # in text order
        near = [x for x in found if any(_close(raw, x, spans[k]) for k in _neighbours(starts, x[0]))]
        if near:
            return [(s, e, t, group) for s, e, t in near] + [(s, e, t, group) for s, e, t in spans]
    return []


# an emoji flood is checked on its first emoji only: pairing every emoji with every mention stalled a page
_MAX_EMOJI = 200


def _neighbours(starts: list[int], at: int) -> tuple[int, ...]:
    """Indices of the spans (by sorted start offsets ``starts``) right before and right after offset ``at``."""
    k = bisect.bisect_left(starts, at)
    return tuple(i for i in (k - 1, k) if 0 <= i < len(starts))


_LINKING = frozenset(["are", "is", "r", "like", "as", "all", "just", "these", "those", "the", "such", "them"])


def _close(raw: str, a: tuple[int, int, str], b: tuple[int, int, str], gap: int = 12) -> bool:
    """Spans ``a`` and ``b`` are next to each other, with at most ``gap`` characters and only linking words
    between ("muslims 🐷", "black people = 🦍", "jews are 🐀"; not "Christian rock is 💩", not "our Jewish deli
    makes the best pulled pork 🐷", not across a full stop)."""
    lo, hi = (a, b) if a[0] <= b[0] else (b, a)
    if hi[0] - lo[1] > gap:
        return False
    between = raw[lo[1] : hi[0]]
    words = re.findall(r"\w+", between.lower())
    return len(between) <= gap and not re.search(r"[.!?\n]", between) and all(w in _LINKING for w in words)


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


# plural nouns for people or animals that a later "they" may refer to instead of a named group: "my X neighbour has
# rats in the shed. they are vermin", "X reported the landlord's thugs. they are animals", "... the people smugglers"
_PERSON_SUFFIXES = ("ers", "ors", "ists", "ians", "ants", "ents", "ees")
_NOT_PERSONS = frozenset(["others", "borders", "numbers", "papers", "letters", "matters", "orders", "waters", "answers",
                          "powers", "flowers", "towers", "centers", "centres", "rivers", "quarters", "corners",
                          "shelters", "headquarters", "restaurants", "plants", "pants", "grants", "wants", "events",
                          "comments", "trees", "fees", "degrees", "members", "teachers", "neighbours", "neighbors"])
_PEOPLE_NOUNS = frozenset(["thugs", "crooks", "gangs", "cops", "police", "kids", "bosses", "officials",
                           "landlords", "staff", "bigots", "racists", "trolls", "bullies", "rioters", "murderers"])
_ANIMALS = frozenset(["rats", "mice", "foxes", "pigeons", "wasps", "slugs", "cockroaches", "pests", "mosquitoes",
                      "dogs", "cats", "squirrels", "seagulls", "moles", "ants", "flies", "bees", "badgers"])
# an animal after one of these is what the group is said to be, not another referent: "X are rats"
_PREDICATE_LEADS = frozenset(["are", "is", "were", "be", "like", "as", "than", "r", "all", "just", "filthy", "dirty"])


def _other_referent(toks: list[str], k: int) -> bool:
    """Token ``k`` is a plural noun for people or animals that a later pronoun may refer to. Teachers, neighbours and
    members are left out: "X teachers" names the group itself more often than not."""
    t = toks[k]
    if t in _NOT_PERSONS:
        return False
    if t in _PEOPLE_NOUNS or (len(t) > 5 and t.endswith(_PERSON_SUFFIXES) and not t.endswith("ments")):
        return True
    return t in _ANIMALS and toks[k - 1] not in _PREDICATE_LEADS


def _group_pronouns(toks: list[str], named_at: set[int], first: int) -> list[int]:
    """The pronouns after the group's first mention at ``first`` that refer to it: those whose nearest possible
    antecedent is a mention of the group (tokens ``named_at``), not another plural noun for people or animals, and no
    more than ``_PRONOUN_REACH`` words after that mention (one pass, so linear)."""
    found, group_nearest, last = [], True, first
    for k in range(first + 1, len(toks)):
        if k in named_at:
            group_nearest, last = True, k
        elif toks[k] in _PRON_REF:
            if group_nearest and k >= first + 2 and k - last <= _PRONOUN_REACH:
                found.append(k)
        elif _other_referent(toks, k):
            group_nearest = False
    return found


# a pronoun further than this many words from the group's last mention is read as no reference to it: long real
# comments move on ("... the handicapped ... [80 words] ... those jackasses"; session 17)
_PRONOUN_REACH = 25


# words that say someone is a person, and the words between a negation and them that keep the denial about
# personhood: "X are not people", "not even human", "not real people"; any other word ("not rich people") qualifies
_PERSONHOOD = frozenset(["people", "persons", "person", "human", "humans"])
_PERSONHOOD_QUALIFIERS = frozenset(["even", "real", "really", "actual", "actually", "true", "truly", "fully", "proper",
                                    "normal", "decent", "civilised", "civilized", "human", "like", "worthy", "any",
                                    "considered", "counted", "as", "quite", "entirely", "completely", "totally"])


# words that count what follows: "a few dead X", "two murdered X", "thousands of dead X"
_COUNTING = frozenset(["few", "many", "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                       "dozen", "hundred", "thousand", "million", "more", "countless", "numerous"])
_COUNT_NOUNS = frozenset(["dozens", "hundreds", "thousands", "millions", "scores", "tens", "numbers"])


def _counted(toks: list[str], j: int) -> bool:
    """The word at ``j`` follows a number or a counting word: the harm it names is counted as it is reported."""
    prev = toks[j - 1] if j else ""
    return prev.isdigit() or prev in _COUNTING or (prev == "of" and j > 1 and toks[j - 2] in _COUNT_NOUNS)


# an attitude held towards a group, named as a noun: "their hatred of X", "prejudice against X"
_ATTITUDES = frozenset(["hatred", "hate", "fear", "discrimination", "prejudice", "prejudices", "bigotry", "racism",
                        "intolerance", "persecution", "contempt", "hostility", "animosity", "resentment", "disdain",
                        "dislike", "distrust", "mistrust", "suspicion", "demonization", "demonisation", "vilification",
                        "scapegoating", "phobia"])
_TOWARDS = frozenset(["of", "against", "towards", "toward"])


def _object_of_attitude(toks: list[str], gi: int) -> bool:
    """The group at ``gi`` is the object of an attitude noun someone else holds ("their hatred of X", "prejudice
    against the X"; not "my hatred of X"): what the comment says is said of the attitude, not of the group."""
    for a in range(max(0, gi - 3), gi - 1):
        if toks[a] in _ATTITUDES and toks[a + 1] in _TOWARDS and all(t in _ATTITUDE_FILL for t in toks[a + 2 : gi]):
            k = a - 1
            while k >= 0 and toks[k] in _OWNED_FILL:  # session 22: "i have a deep hatred of X" is the commenter's
                k -= 1
            return not (k >= 0 and toks[k] in ("my", "our", "i", "we", "i've", "ive", "we've"))
    return False


_OWNED_FILL = frozenset(["a", "deep", "such", "real", "so", "much", "strong", "burning", "intense", "have", "had",
                         "got", "feel", "felt", "an", "utter", "total", "pure", "genuine", "deep-seated"])


_ATTITUDE_FILL = frozenset(["the", "all", "those", "these", "other", "any"])


# what a nationality word may name instead of the people: the state, its institutions and ordinary things ("the
# Russian government", "American healthcare", "Ukrainian army"). Not culture, religion, society or media words that
# carry tropes about a people, and no word for persons ("soldiers", "people")
_INSTITUTIONS = frozenset([
    "government", "governments", "regime", "regimes", "administration", "authorities", "state", "ministry", "embassy",
    "parliament", "duma", "congress", "senate", "kremlin", "president", "presidency", "leadership", "officials",
    "army", "military", "navy", "forces", "troops", "command", "intelligence", "propaganda", "tv", "television",
    "channels", "news", "newspapers", "press", "outlets", "system", "systems", "healthcare", "economy", "policy",
    "policies", "politics", "elections", "election", "courts", "justice", "law", "laws", "constitution", "banks",
    "companies", "company", "corporations", "industry", "market", "markets", "oil", "gas", "weapons", "missiles",
    "tanks", "jets", "drones", "invasion", "aggression", "offensive", "occupation", "strikes", "war", "narrative",
    "version", "claims", "side", "team", "teams", "league", "football", "hockey", "food", "cuisine", "beer", "vodka",
    "cars", "roads", "weather", "passport", "visa", "currency", "ruble", "rouble", "dollar", "hryvnia", "yuan",
    "infrastructure", "bureaucracy", "establishment", "diplomacy", "diplomats", "sanctions", "budget", "taxes",
    # a culture and its works are not its people (session 19: "American cultural underpinning is idiotic")
    "culture", "cultures", "society", "traditions", "customs", "music", "films", "movies", "cinema", "literature",
    "architecture", "fashion", "underpinning", "underpinnings", "norms",
])
# said of a country or an institution, only words that deny people their humanity attack the people ("Russia are
# vermin"); the lexicon's other "dehumanising" words judge a state ("evil", "terrorists", "a disease")
_INHUMAN = frozenset(["animals", "ape", "apes", "barbarians", "beasts", "cockroach", "cockroaches", "filth", "insects",
                      "leeches", "locusts", "maggots", "monkey", "monkeys", "parasite", "parasites", "pests", "pigs",
                      "rat", "rats", "savage", "savages", "scum", "subhuman", "subhumans", "untermensch", "vermin",
                      "orcs", "orks"])
# a modifier between the nationality and the institution: "Russian state media", "American foreign policy"
_INSTITUTION_MODIFIERS = frozenset(["state", "foreign", "federal", "national", "armed", "air", "secret", "official",
                                    "ruling", "current", "central", "defence", "defense", "health", "justice",
                                    "military", "political", "education", "prison", "tax", "news", "media",
                                    "cultural", "pop", "popular", "consumer", "corporate"])


def _names_an_institution(toks: list[str], end: int, group: str, lex: Lexicon) -> bool:
    """The nationality word ending before token ``end`` modifies a noun for its state, institutions or an ordinary
    thing ("the Russian government", "American foreign policy"): a group with country names only, not a race."""
    if not lex.groups.get(group, {}).get("countries") or group == "black_people":
        return False
    nxt = toks[end] if end < len(toks) else ""
    if nxt in _INSTITUTIONS or nxt == "cultural":  # "American cultural anything": the culture, not its people
        return True
    return nxt in _INSTITUTION_MODIFIERS and end + 1 < len(toks) and toks[end + 1] in _INSTITUTIONS


def _shrugged(toks: list[str], j: int) -> bool:
    """The swear word at ``j`` ends an idiom of caring ("worth a damn", "didn't give a shit"): no insult to anyone."""
    return j > 1 and toks[j - 1] == "a" and toks[j - 2] in ("worth", "give", "gives", "gave", "giving", "care")


# (session 19) a word of the slur list in an everyday sense its neighbours fix: "smoked a fag", "cheese and
# crackers", "the dyke burst", "will cripple the economy", "homo sapiens", "a chink of light", "space invaders".
# slur -> (words up to two before it, words up to three after it); either side settles the sense
_SENSE_FAG = (frozenset(["smoke", "smoked", "smoking", "light", "lit", "lighting", "roll", "rolled", "rolling",
                         "packet", "pack", "box", "crafty", "cadge", "cheeky", "quick"]),
              frozenset(["end", "ends", "break", "packet", "butt", "lighter", "burning", "ash"]))
_SENSE_CRACKER = (frozenset(["cheese", "box", "packet", "rice", "cream", "graham", "water", "christmas", "prawn", "fire",
                             "salted", "soda", "pulled", "pull", "nut", "cheddar"]),
                  frozenset(["barrel", "crumbs", "jokes", "joke", "hats", "hat", "and cheese", "with cheese"]))
_SENSE_DYKE = (frozenset(["sea", "river", "flood", "along", "breached", "offa's", "offas", "dutch", "polder"]),
               frozenset(["burst", "broke", "broken", "breached", "failed", "flooded", "collapsed", "wall", "walls",
                          "path", "road", "held", "overflowed", "along"]))
_VERB_LEADS = frozenset(["could", "will", "would", "can", "may", "might", "to", "threatens", "threaten", "going",
                         "must", "should", "further", "badly", "seriously"])
_VERB_OBJECTS = frozenset(["the", "their", "our", "his", "her", "its", "a", "small", "growth", "business",
                           "businesses", "economy", "economies", "industry", "progress", "development", "production",
                           "trade", "supply", "ability", "recovery", "this", "that", "these", "those", "any"])
_SENSE_VERB = (_VERB_LEADS, frozenset())  # both sides checked apart for verbs (see ``_everyday_sense``)
_EVERYDAY_SENSES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "fag": _SENSE_FAG, "fags": _SENSE_FAG, "cracker": _SENSE_CRACKER, "crackers": _SENSE_CRACKER,
    "dyke": _SENSE_DYKE, "dykes": _SENSE_DYKE, "cripple": _SENSE_VERB, "retard": _SENSE_VERB,
    "homo": (frozenset(), frozenset(["sapiens", "erectus", "habilis", "neanderthalensis", "floresiensis", "naledi",
                                     "economicus", "ludens", "deus", "heidelbergensis"])),
    "chink": (frozenset(), frozenset(["armour", "armor", "light", "sunlight", "curtain", "curtains", "glasses",
                                      "daylight", "wall"])),
    "chinks": (frozenset(), frozenset(["armour", "armor", "light", "sunlight", "curtains", "glasses", "daylight"])),
    "coon": (frozenset(["rac", "old"]), frozenset(["hound", "hounds", "dog", "dogs", "hunting", "hunt", "cheese",
                                                   "skin", "cap", "tail"])),
    "coons": (frozenset(), frozenset(["hunting", "hunt", "in the attic", "in the garbage", "in the bins"])),
    "invaders": (frozenset(["space"]), frozenset()),
    "faggots": (frozenset(["pork", "bundle", "bundles"]), frozenset(["peas", "gravy", "mash", "and chips"])),
    "faggot": (frozenset(["pork", "bundle"]), frozenset(["peas", "gravy", "mash"])),
    "gypsy": (frozenset(), frozenset(["moth", "moths", "jazz", "kings", "cob", "cobs"])),
}
# "orcs" (a war slur for Russians) in talk of films, books and games
_FANTASY = frozenset(["film", "films", "movie", "movies", "tolkien", "rings", "warhammer", "elves", "elf", "goblins",
                      "dwarves", "hobbits", "game", "games", "dungeons", "mordor", "sauron", "trilogy", "book", "books"])


def _everyday_sense(toks: list[str], i: int, size: int, slur: str) -> bool:
    """The slur-list word ``slur`` at ``i`` (``size`` words) is used in an everyday sense its neighbours fix."""
    if slur == "orcs":
        return bool(_FANTASY & set(toks))
    senses = _EVERYDAY_SENSES.get(slur)
    if senses is None:
        return False
    before, after = senses
    if senses is _SENSE_VERB:  # "these sanctions will cripple their economy"; not "you cripple", "a cripple"
        return i > 0 and toks[i - 1] in _VERB_LEADS and toks[i + size : i + size + 1] != [] and \
            toks[i + size] in _VERB_OBJECTS
    near_after = toks[i + size : i + size + 3]
    return bool(before & set(toks[max(0, i - 2) : i])) or any(
        _phrase_at(near_after, m, after) for m in range(len(near_after)))


def _no_standing(toks: list[str], clause: list[int], j: int) -> int:
    """Length of a denial of standing at ``j`` ("X have no right to be here", "X deserve no rights", "X have no
    rights."), 0 if none or if the right denied is to do something ("have no right to lecture us")."""
    size = _phrase_at(toks, j, _NO_STANDING)
    k = j + size
    if not size or toks[j] == "deserve" or k >= len(toks) or clause[k] != clause[j] or toks[k] in _PLACES:
        return size
    return size if toks[k] == "to" and toks[k + 1 : k + 2] and toks[k + 1] in _STANDING_TO else 0


def _group_is_head(toks: list[str], clause: list[int], gi: int, end: int, groups: set[int]) -> bool:
    """The group mention ``gi`` .. ``end`` names the people, not a modifier of another noun: clause end, a function
    word or another group after it ("i don't trust muslims", "... muslims here", "muslim immigrants"; not "mexican
    food", "the muslim brotherhood", "christians who preach hate")."""
    if end < len(toks) and toks[end] in _GROUP_NOUNS:
        end += 1  # "black people", "jewish folks"
    return end >= len(toks) or clause[end] != clause[gi] or toks[end] in _HEAD_FOLLOWERS or end in groups


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
    return any((neg[k] or toks[k] in _REFUSAL) and clause[k] == clause[j] for k in range(max(0, j - 3), j))


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
# a gerund claim judged by its predicate: "posting that X should die is disgusting", "telling X ... is evil"
_CONDEMNING = _DISGUST | frozenset(["vile", "evil", "cruel", "disgraceful", "despicable", "embarrassing", "nasty",
                                    "inhumane", "sick", "bigotry", "hateful", "wrong", "unacceptable", "gross"])
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


def _intended(toks: list[str], lo: int, j: int) -> bool:
    """An intent, a wish or a condition before token ``j`` in its clause (from ``lo``), or ``j`` opens the clause
    (an order): "someone should ...", "if I see any X ...", "line the X up"."""
    before = toks[lo:j]
    return j == lo or any(t in _FUTURE or t in _INTENT or t in _WISHES or t in ("if", "keep", "next", "once", "better",
                                                                                "imma", "ima", "i'mma")  # session 19
                          for t in before)


def _wished_harm(toks: list[str], neg: list[bool], gi: int, lo: int, hi: int) -> int:
    """Index of a harm wished on the group at ``gi`` ("hope X burn", "I'd happily watch X suffer", "may every X
    choke"): a wish word up to four words before the group, not negated, and the harm up to five words after it,
    not followed by an object of its own ("watch X burn their flags": the group acts). -1 if none."""
    wish = [w for w in range(max(lo, gi - 4), gi) if toks[w] in _WISHES and not any(neg[max(0, w - 3) : w])]
    if not wish:
        return -1
    for m in range(gi + 1, min(hi, gi + 6)):
        size = _phrase_at(toks, m, _WISHED_HARM)
        between = toks[gi + 1 : m]
        placed = between[:1] in (["in"], ["at"], ["from"], ["near"]) and len(between) <= 4  # "X in that town burn"
        if size and (placed or _bridged(toks, gi + 1, m, _WISH_BRIDGE)) and not (
                m + size < len(toks) and toks[m + size] in _DETERMINERS):
            return m
    return -1


# hate that the comment names rather than holds: a relative clause ("people who hate X") or a gerund after a
# preposition or "stop" ("nothing good comes from hating X", "stop hating X")
_RELATIVES = frozenset(["who", "that", "whom"])
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


# (session 21) "why do (some) people hate X?", "why do racists want to get rid of X?", "why do you hate X so much?":
# the question asks about another's hate; the asker does not hold it ("why do I hate X", "why don't we ..." do)
_WHY_AUX = frozenset(["do", "does", "did", "would", "should", "must"])
_OTHERS = frozenset(["people", "others", "racists", "bigots", "nazis", "you", "u", "y'all", "anyone", "anybody",
                     "someone", "somebody", "folks", "haters"])
_OTHERS_LEADS = frozenset(["some", "so", "many", "most", "other", "certain", "these", "those", "all", "the"])
_WANT_TO = frozenset(["want", "wants", "wanna", "to", "need", "needs", "have", "has", "still", "even", "always",
                      "really", "just", "so", "keep", "keeps", "continue", "seem", "seems", "get", "got"])


def _asked_of_others(toks: list[str], j: int) -> bool:
    """The hate or harm at ``j`` closes "why <aux> <others> (want to) ...": someone else's, asked about."""
    k = j
    while k > 0 and toks[k - 1] in _WANT_TO and j - k < 5:
        k -= 1
    if k < 1 or toks[k - 1] not in _OTHERS:
        return False
    k -= 1
    while k > 0 and toks[k - 1] in _OTHERS_LEADS and k > j - 8:
        k -= 1
    return k >= 2 and toks[k - 1] in _WHY_AUX and toks[k - 2] == "why"


_EMOTION_OBJECT = frozenset(["for", "towards", "toward"])
# before a group that is the subject's object: "just looking at X makes me want to puke", "being around X ..."
_SIGHT_OF = frozenset(["looking at", "being near", "being around", "seeing", "the sight of", "sight of",
                       "hearing", "living near", "living next to", "sitting next to", "standing next to"])
# between the group and what it does to the commenter: "X honestly make my skin crawl"
_SUBJECT_BRIDGE = frozenset(["all", "just", "really", "honestly", "always", "seriously", "literally", "truly",
                             "genuinely", "simply", "only", "still", "so", "do", "everywhere", "here", "now"])


_EMOTION_INTENSIFIERS = frozenset(["so", "much", "such", "pure", "only", "total", "utter", "nothing", "but",
                                   "absolute", "deep", "complete", "just", "real", "sheer", "a", "lot", "of"])
_OWNER = frozenset(["i", "i'm", "im", "i've", "ive", "i'd", "id", "my", "me", "we", "we're", "our", "am"])


def _emotion_at(toks: list[str], j: int, gi: int, clause: list[int] | None = None) -> int:
    """Words from ``j`` that aim the commenter's emotion at the group at ``gi`` ("disgust for", "hatred in my heart
    for", "sickened by"), the group right after them or after at most two determiners ("for all these X"). The
    emotion is the commenter's: a first person before it in its clause ("i feel nothing but disgust for", "my
    contempt for", "i'm sickened by"), or it opens the clause ("nothing but loathing for X"); not "his disgust for
    X", "there is so much disgust for X online". Their number, 0 if none."""
    size = _phrase_at(toks, j, _REVULSION_BY)
    if not size and toks[j] in _EMOTION_NOUNS:
        size = next((k + 1 - j for k in range(j + 1, min(gi, j + 6)) if toks[k] in _EMOTION_OBJECT), 0)
    if not size or not _bridged(toks, j + size, gi, _REGARD_BRIDGE, most=2):
        return 0
    k = j - 1
    while k >= 0 and toks[k] in _EMOTION_INTENSIFIERS and (clause is None or clause[k] == clause[j]):
        k -= 1
    if k < 0 or clause is not None and clause[k] != clause[j]:
        return size  # the emotion opens the clause
    start = k
    while start > 0 and (clause is None or clause[start - 1] == clause[j]):
        start -= 1
    return size if _OWNER & set(toks[start:j]) and toks[k] not in ("his", "her", "their", "the", "its", "your") else 0


def _bodily(toks: list[str], lo: int, gi: int, end: int, hi: int) -> int:
    """Index of what the group at ``gi`` .. ``end`` does to the commenter's body or temper ("X make my skin crawl",
    "being near X makes me nauseous"): the phrase after the group, only adverbs between; with a gerund of sight or
    nearness before the group, the gerund is the subject. -1 if none."""
    k = end
    while k < hi and k - end < 3 and toks[k] in _SUBJECT_BRIDGE:
        k += 1
    if k >= hi or not _phrase_at(toks, k, _BODILY):
        return -1
    if toks[k] in ("make", "turn", "fill"):  # a plural verb: the group is its subject
        return k
    return k if _phrase_before(toks, lo, gi, _sight_of_at, _REGARD_BRIDGE) else -1


def _sight_of_at(toks: list[str], m: int) -> int:
    """Words from ``m`` of a gerund of sight or nearness ("seeing", "being near"), 0 if none."""
    return _phrase_at(toks, m, _SIGHT_OF)


# (session 19) a negative quantifier on the group negates what is said of it: "no X can be trusted", "not a single X
# is decent", "none of these X are worth saving" (and denies a hostile word: "none of these X are criminals")
_QUANTIFIER_LEADS = (("no",), ("not", "a", "single"), ("not", "one"), ("not", "a"), ("no", "single"),
                     ("none", "of", "the"), ("none", "of", "these"), ("none", "of", "those"), ("none", "of"),
                     ("not", "one", "single"), ("not", "even", "one"))
# positive words the lexicon lacks, read only after such a quantifier or a negation: "no X has done anything
# worthwhile", "X are no use to anyone"
_MORE_POSITIVE = frozenset(["worthwhile", "use", "value", "trustworthy", "reliable", "contributed", "grateful",
                            "pleasant", "likeable", "likable", "friendly", "polite"])  # last line: session 22
# good things a group is denied by a negated "deserve" or "should have": "X don't deserve rights", "i don't think X
# should have any rights"
_GOODS = frozenset(["rights", "right", "respect", "vote", "voice", "dignity", "equality", "freedom", "kindness",
                    "sympathy", "compassion", "help", "support", "love", "live", "place", "chance", "benefits",
                    "jobs", "citizenship", "equals", "equal", "seat", "say", "home", "protection", "welfare",
                    "healthcare", "mercy", "pity"])


# (session 19, helper hate2) harm denied to a whole group: a negative quantifier on the group reaches a harm after it
# over modal and "deserve" words ("no X should ever be attacked", "not one X deserves to be shot", "none of those X
# deserved to die"); a harm gerund judged unacceptable after the group ("attacking X is never ok", "deporting X is
# wrong")
_DENIED_HARM_BRIDGE = _CHAIN | _GROUP_NOUNS | frozenset(["have", "has", "had", "fear", "even", "really", "ever",
                                                         "get", "got", "family", "families", "man", "woman", "child",
                                                         "children", "kid", "kids", "student", "students"])
_ACCEPTABLE = frozenset(["ok", "okay", "acceptable", "justified", "justifiable", "excusable", "fine", "alright",
                         "right", "the answer", "a solution", "the solution", "necessary", "a joke", "funny"])
_GERUND_SUBJECT_GAP = frozenset(["online", "in", "the", "street", "streets", "public", "here", "anywhere", "just",
                                 "because", "for", "who", "they", "are", "people"])


def _quantified_harm(toks: list[str], end: int, j: int) -> bool:
    """The harm at ``j`` follows a group ending at ``end`` over at most five modal or "deserve" words only ("should
    ever be", "deserves to be", "should have to fear being"): with a negative quantifier on the group, it is denied
    to every member ("no X should ever be attacked")."""
    return j >= end and _bridged(toks, end, j, _DENIED_HARM_BRIDGE, 5)


def _harm_judged(toks: list[str], neg: list[bool], clause: list[int], j: int, gi: int, end: int) -> bool:
    """The harm gerund at ``j`` has the group at ``gi`` (ending at ``end``) as its object and is the subject of a
    copula after it that judges it unacceptable: negated acceptability ("attacking X is never ok", "... is not
    justified") or a condemning word not negated ("deporting X is wrong"). Not "killing X is fine by me"."""
    if j >= gi or not toks[j].endswith("ing") or gi - j > 4:
        return False
    for k in range(end, min(len(toks), end + 4)):
        if clause[k] != clause[gi]:
            return False
        if toks[k] in ("is", "was", "isn't", "isnt", "wasn't", "wasnt"):
            negated = neg[k] or any(neg[k + 1 : k + 3])
            return any((negated and _phrase_at(toks, m, _ACCEPTABLE)) or
                       (not negated and toks[m] in _CONDEMNING) for m in range(k + 1, min(len(toks), k + 4))
                       if clause[m] == clause[gi])
        if toks[k] not in _GERUND_SUBJECT_GAP:
            return False
    return False


# (session 19, lead) a harm the commenter laments: "it's sad that X still get attacked", "terrible that X are beaten"
_LAMENTS = frozenset(["sad that", "so sad that", "terrible that", "awful that", "horrible that", "tragic that",
                      "appalling that", "heartbreaking that", "sickening that", "disgraceful that", "wrong that",
                      "a shame that", "a disgrace that", "shameful that", "outrageous that", "scary that"])
_LAMENT_GAP = frozenset(["so", "many", "some", "our", "the", "innocent", "young", "still"])
_PASSIVE_BRIDGE = frozenset(["get", "got", "gets", "getting", "are", "is", "were", "was", "being", "been", "be",
                             "still", "so", "often", "constantly", "regularly", "always", "routinely", "just",
                             "randomly", "keep", "continue", "to"])
_IRREGULAR_PARTICIPLES = frozenset(["beaten", "shot", "hit", "hurt", "slain", "thrown", "driven", "stabbed", "spat"])
_APPROVAL_AFTER = frozenset(["deserve", "deserved", "deserves", "good", "finally", "glad", "happy", "lol", "haha"])


def _harm_lamented(toks: list[str], gi: int, end: int, j: int) -> bool:
    """The harm at ``j`` is a passive participle after the group (ending at ``end``), reached over auxiliaries and
    adverbs only, and a lament opens the clause before the group ("sad that X still get attacked"): the commenter
    grieves the harm, not wishes it. Not with approval after it ("... they deserve it")."""
    if j < end or not (toks[j].endswith("ed") or toks[j] in _IRREGULAR_PARTICIPLES):
        return False
    if not _bridged(toks, end, j, _PASSIVE_BRIDGE | _GROUP_NOUNS, 4) or _APPROVAL_AFTER & set(toks[j + 1 :]):
        return False
    return any((size := _phrase_at(toks, k, _LAMENTS)) and _bridged(toks, k + size, gi, _LAMENT_GAP, 2)
               for k in range(max(0, gi - 6), gi))


# (session 20, lead) a question counting victims laments the harm: "how many more X have to die (before we act)?"
_TOLL_BRIDGE = frozenset(["have", "has", "need", "needs", "must", "will", "are", "is", "going", "gonna", "got", "to",
                          "be", "get", "getting", "been", "still"])


def _toll_question(toks: list[str], gi: int, end: int, j: int) -> bool:
    """"how many more" opens the group's phrase and the harm at ``j`` follows the group over must / have-to words
    only: the commenter counts victims, not wishes. Not with approval after it ("... hopefully all of them")."""
    if j < end or not _bridged(toks, end, j, _TOLL_BRIDGE, 4) or _APPROVAL_AFTER & set(toks[j + 1 :]):
        return False
    return any(toks[k : k + 3] == ["how", "many", "more"] and _bridged(toks, k + 3, gi, _LAMENT_GAP, 2)
               for k in range(max(0, gi - 5), gi))


# (session 19, helper hate2) a "how" question asks why the negation holds, so it asserts the negated word: "how are X
# not criminals?", "how is it that X aren't all vermin", "how come X aren't called scum" (and "how are X not allowed
# to vote?" asks for the right, it does not deny it)
_HOW_BRIDGE = frozenset(["are", "is", "r", "it", "that", "come", "the", "these", "those", "all", "so", "many", "most",
                         "exactly", "on", "earth", "tf", "the", "hell", "else"])


def _how_question(toks: list[str], gi: int) -> bool:
    """"how" up to five words before the group at ``gi``, right before "are", "is" or "come", only question words
    between ("how are", "how is it that", "how come", "how on earth are")."""
    return any(toks[k] == "how" and toks[k + 1] in ("are", "is", "r", "come", "on", "tf", "the") and
               _bridged(toks, k + 1, gi, _HOW_BRIDGE, 4) for k in range(max(0, gi - 5), gi))


def _quantified(toks: list[str], gi: int) -> bool:
    """A negative quantifier ends right before the group at ``gi`` ("no X", "not a single X", "none of these X"), not
    after a word that makes "no" something else ("say no to X", "with no X", "no more X")."""
    for lead in _QUANTIFIER_LEADS:
        s = gi - len(lead)
        if s >= 0 and tuple(toks[s:gi]) == lead:
            return not (s > 0 and toks[s - 1] in ("with", "say", "said", "says", "zero", "and", "or"))
    return False


def _denied_goods(toks: list[str], neg: list[bool], j: int, belief_denied: bool, quant: bool = False) -> int:
    """Words from ``j`` that deny the group before it a good thing: a negated "deserve(s)" or "should have / get / be
    given" (or one under a denied belief: "i don't think X should have any rights") with a good within three words
    ("rights", "to vote", "respect"); not "should have to". Their number, 0 if none."""
    t = toks[j]
    if t in ("deserve", "deserves"):
        size = 1
    elif t in ("should", "shouldn't", "shouldnt") and toks[j + 1 : j + 2] in (["have"], ["get"], ["be"]) and \
            toks[j + 2 : j + 3] != ["to"]:
        size = 2
    else:
        return 0
    negated = (any(neg[max(0, j - 2) : j + 1]) or quant) != belief_denied  # quant: "no X deserves to live"
    return size if negated and _GOODS & set(toks[j + size : j + size + 3]) else 0


def _endorsed_after(toks: list[str], neg: list[bool], end: int) -> bool:
    """Right after a group that ends at ``end``, a copula and a word of agreement: the hate named before the group
    is endorsed ("people who hate X are right", "those who despise X are correct"; not "... are not right")."""
    k = end
    if k >= len(toks) or toks[k] not in ("are", "is", "were", "r", "have"):
        return False
    k += 1
    while k < len(toks) and k - end <= 3 and toks[k] in _HEDGES | {"so", "totally", "completely", "100%", "a"}:
        k += 1
    return k < len(toks) and (toks[k] in _ENDORSED or toks[k] == "point") and not any(neg[end : k])


def _hate_for_others(toks: list[str], start: int, gi: int) -> bool:
    """Between a hate verb's end at ``start`` and the group at ``gi``, a relative clause that does something to the
    group ("I can't stand people who attack X"); not one that says who they are ("people who are X")."""
    return any(toks[k] in _RELATIVES and toks[k + 1] not in _IDENTIFYING for k in range(start, gi - 1))


_IDENTIFYING = frozenset(["are", "is", "were", "was", "be", "identify", "call", "claim", "look", "sound", "act"])


_WANT = frozenset(["want", "wants", "wanted", "wish", "wishes", "wanna"])


def _unwanted(toks: list[str], neg: list[bool], j: int, gi: int = -1, clause: list[int] | None = None) -> bool:
    """The harm at ``j`` is what a negated wish does not want: "i don't want refugees deported", "nobody wants them
    hurt". The wish word is up to five words before the harm; or, given a group at ``gi`` before the harm, it is the
    wish whose object the group is, right before it or over up to three bridge words ("i don't want any of those X
    deported"). The negation is within two words before the wish (in its clause when ``clause`` is given). One
    reading for the threat score and the group rules (session 19: they were two)."""
    if gi >= 0:
        w = gi
        while w > 1 and gi - w < 3 and toks[w - 1] in _HARM_BRIDGE:
            w -= 1
        wishes = [w - 1] if gi < j and w > 0 else []
    else:
        wishes = list(range(max(0, j - 5), j))
    return any(toks[k] in _WANT and any(neg[m] for m in range(max(0, k - 2), k) if clause is None or
                                        clause[m] == clause[k]) for k in wishes)


# approval of what is done to a group: "love seeing X deported", "nothing makes me happier than X getting kicked out"
_APPROVAL = frozenset(["love seeing", "love to see", "love watching", "love to watch", "loved seeing", "loving seeing",
                       "nothing makes me happier than", "nothing better than", "beautiful to watch", "beautiful to see",
                       "glad to see", "happy to see", "satisfying to see", "satisfying to watch", "enjoy seeing",
                       "enjoy watching", "can't wait to see", "cant wait to see", "good to see", "great to see",
                       "nice to see", "makes my day", "made my day", "love it when", "love when"])
_APPROVAL_BRIDGE = frozenset(["get", "getting", "got", "be", "being", "all", "finally", "the", "these", "those",
                              "some", "more"])


def _approved_harm(toks: list[str], neg: list[bool], lo: int, gi: int, end: int, hi: int,
                   harms: frozenset[str]) -> int:
    """Index of a harm or exclusion done to the group at ``gi`` .. ``end`` that an approval phrase before it welcomes
    ("love seeing X deported"; not "I don't love seeing X deported"). -1 if none."""
    approved = any((size := _phrase_at(toks, a, _APPROVAL)) and a + size <= gi and not any(neg[max(0, a - 3) : a])
                   for a in range(max(lo, gi - 8), gi))
    if not approved:
        return -1
    for m in range(end, min(hi, end + 4)):
        if _phrase_at(toks, m, harms) and _bridged(toks, end, m, _APPROVAL_BRIDGE, most=3):
            return m
    return -1


# praise for a vice: "X are great... at stealing", "X are really good at one thing: scamming people"
_VICE_PRAISE = frozenset(["great", "good", "talented", "best", "experts", "expert", "skilled", "amazing", "brilliant",
                          "excellent", "gifted", "masters", "champions"])
_VICES = frozenset(["stealing", "lying", "cheating", "scamming", "breeding", "begging", "robbing", "looting", "raping",
                    "killing", "bombing", "mooching", "leeching", "freeloading", "sponging", "whining", "complaining",
                    "living off welfare", "living off benefits", "living off others", "living off the state",
                    "playing the victim", "ruining everything", "spreading disease", "spreading diseases",
                    "causing trouble", "committing crimes", "crime", "terrorism", "fraud", "pickpocketing",
                    "shoplifting", "dealing drugs", "selling drugs", "lying and stealing"])


def _praised_vice(toks: list[str], gi: int) -> int:
    """Index of a vice the group at ``gi`` is praised for: a praise word within four words after the group (or
    three before it: "how good X are at ..."), then "at" (or "at one thing") after the group and a vice. -1 if
    none."""
    n = len(toks)
    for m in [*range(max(0, gi - 3), gi), *range(gi + 1, min(n, gi + 5))]:
        if toks[m] not in _VICE_PRAISE:
            continue
        for k in range(max(m, gi) + 1, min(n, max(m, gi) + 4)):
            if toks[k] != "at":
                continue
            v = k + 3 if toks[k + 1 : k + 3] == ["one", "thing"] else k + 1
            if v < n and _phrase_at(toks, v, _VICES):
                return v
    return -1


def _ordered_harm(toks: list[str], lo: int, gi: int, hi: int) -> list[int]:
    """Violence intended or ordered with the group at ``gi`` as its object ("put a bullet in all X", "we will hunt
    down every X", "teach these X a lesson") and what a threat says it does to the group after it ("if I see any X
    ... they're dead", "... in a body bag")."""
    tails = [m for m in range(gi + 1, min(hi, gi + 4)) if _phrase_at(toks, m, _TAILS)]
    found = []
    for j in range(max(lo, gi - 7), gi):
        size = _phrase_at(toks, j, _ORDERED_HARM)
        if size and _bridged(toks, j + size, gi, _HARM_BRIDGE | _ORDERED_BRIDGE) and _intended(toks, lo, j) and (
                toks[j] not in _NEEDS_TAIL or tails):
            found.append(j)
    doom = [m for m in range(gi + 1, hi) if _phrase_at(toks, m, _DOOM) and _intended(toks, lo, m)]
    return found + (tails if found else []) + doom


def _eliminated(toks: list[str], neg: list[bool], lo: int, gi: int, hi: int) -> list[int]:
    """An elimination of the group at ``gi`` wished or called for: its absence made a wish ("the world would be
    better without X", "a country with zero X") or its erasure after it ("X shouldn't exist", "X need to be
    erased", "I wish X had never been born")."""
    clause = toks[lo:hi]
    desired = any(t in _DESIRED or t in _WISHES for t in clause)
    found = [j for j in range(max(lo, gi - 4), gi) if (size := _phrase_at(toks, j, _ELIMINATED)) and desired
             and _bridged(toks, j + size, gi, _HARM_BRIDGE)]
    for m in range(gi + 1, min(hi, gi + 7)):
        if _phrase_at(toks, m, _ERASED_ALONE):
            found.append(m)
        elif _phrase_at(toks, m, _ERASED) and toks[m - 1] not in ("was", "were") and (
                desired or any(t in _INTENT and t != "to" for t in toks[gi + 1 : m])):
            found.append(m)  # "X should be wiped off the face of the earth"; not "X were wiped out in 1942"
    return found


def _cursed(toks: list[str], lo: int, gi: int, hi: int) -> list[int]:
    """A curse on the group at ``gi``: before it as its object ("fuck X", "screw all X", "to hell with X"; not "give
    a fuck about X"), or after it with the group as subject ("X can go to hell")."""
    found = [j for j in range(max(lo, gi - 4), gi) if (size := _phrase_at(toks, j, _CURSES))
             and _bridged(toks, j + size, gi, _HARM_BRIDGE) and not (j > 0 and toks[j - 1] in ("a", "the"))]
    after = gi + 2 if toks[gi + 1 : gi + 2] in (["all"], ["people"], ["person"], ["folk"], ["folks"]) else gi + 1
    return found + ([after] if after < hi and _phrase_at(toks, after, _CURSED) else [])


_PRESSING = frozenset(["soon", "enough", "one", "way", "or", "another", "mark", "my", "words", "i", "promise", "trust",
                       "me", "believe", "you", "just", "wait", "and", "see", "very", "sooner", "later", "that's", "thats",
                       "a", "lol", "smh", "mate", "all", "of", "them", "every", "last", "we", "will", "in", "blood",
                       "swear", "guarantee", "it", "count", "on", "real", "rather", "than", "is", "that"])
# words between the group and a menace said of it: a place, "and your kind", a modal
_MENACE_BRIDGE = frozenset(["in", "this", "that", "the", "my", "our", "on", "down", "up", "round", "around", "road",
                            "street", "town", "city", "country", "here", "there", "next", "door", "building", "area",
                            "and", "your", "their", "kind", "all", "of", "you", "will", "shall", "are", "is", "going",
                            "gonna", "to", "better", "had", "just", "soon", "really", "won't", "wont", "never", "finally",
                            "every", "single", "one", "who", "live", "'ll", "ll", "them", "lot", "sure", "definitely"])
_PLACE_PREPS = frozenset(["in", "on", "at", "near", "down", "around", "round", "across", "from", "outside"])
# a menace "done fairly" is no threat: "X will be dealt with fairly"; one "if" something happens is a prediction
_KIND_TAIL = frozenset(["fairly", "properly", "humanely", "compassionately", "respectfully", "kindly", "sensitively",
                        "lawfully", "justly", "carefully", "if", "unless"])
# "we know where (you) X live", "make sure no X feels safe", "a shame if something happened to X": a phrase before the
# group that threatens with the right word after it
_KNOW_WHERE = frozenset(["live", "lives", "sleep", "sleeps", "work", "works", "pray", "prays", "hang", "stay"])
_HAPPENED_TO = frozenset(["something happened to", "something happens to", "anything happened to",
                          "anything happens to", "something bad happened to", "something were to happen to"])
# "soon there won't be a single X left (breathing)": none of the group left, foretold
_NONE_LEFT = frozenset(["won't be a single", "wont be a single", "won't be any", "wont be any", "will be no",
                        "won't be one", "wont be one"])
# ... not "left out", "left behind": excluded or forgotten, not dead
_LEFT_AS_IN = (["out"], ["behind"], ["without"], ["waiting"], ["alone"], ["over"], ["homeless"], ["unemployed"])
# "we'll make the X regret ...", "make X pay": a harm the group is made to feel
_MADE_TO = frozenset(["pay", "regret", "suffer", "bleed", "sorry", "beg", "scream", "cry", "disappear", "leave"])


_OBJECT_BRIDGE = _HARM_BRIDGE | {"you"}  # "we know where you X live"
# the first words of every menace phrase
_MENACE_OPENERS = frozenset(p.split()[0] for p in _MENACE_AFTER | _MENACE_CLOSING | _MENACE_ALONE | _MENACE_BEFORE
                            | _HAPPENED_TO | _NONE_LEFT) | {"know", "make", "makes", "making"}


def _menace(toks: list[str], lo: int, gi: int, end: int, hi: int) -> list[int]:
    """A threat at the group at ``gi`` (up to ``end``) in words that name no violence: a menace said of it as subject
    ("X will be dealt with", "... won't see us coming"), one after it anywhere in its clause ("it will be your
    last"), or one with it as object and an intent before ("we know where you X live", "make life hell for the X",
    "we'll make the X regret ...", "it would be a shame if something happened to the X"). Not "X will be dealt with
    fairly", not "X will get hurt if ...": a prediction."""
    found = []
    m, place = end, 0  # place: words of a place phrase still allowed ("X on our estate had better ...")
    while m < hi and m - end <= 7:
        opens = toks[m] in _MENACE_OPENERS  # most words open no phrase: skip the look-ups (speed)
        size = opens and _phrase_at(toks, m, _MENACE_AFTER)
        closing = 0 if size or not opens else _phrase_at(toks, m, _MENACE_CLOSING)
        if size or closing:
            rest = toks[m + (size or closing) : hi]
            if not _KIND_TAIL & set(rest[:2]) and (size or all(t in _PRESSING for t in rest)):
                found.append(m)
            break
        place = 3 if toks[m] in _PLACE_PREPS else place - 1
        if toks[m] not in _MENACE_BRIDGE and place < 0:
            break
        m += 1
    found += [m for m in range(end, hi) if toks[m] in _MENACE_OPENERS and _phrase_at(toks, m, _MENACE_ALONE)]
    for j in range(max(lo, gi - 6), gi):
        if toks[j] not in _MENACE_OPENERS:
            continue
        if (size := _phrase_at(toks, j, _NONE_LEFT)) and j + size == gi and toks[end : end + 1] == ["left"] and \
                toks[end + 1 : end + 2] not in _LEFT_AS_IN and not _KIND_TAIL & set(toks[end + 1 : end + 6]):
            found.append(j)  # "soon there won't be a single X left breathing"; not "... left if rents keep rising"
        if not _intended(toks, lo, j):
            continue
        size = _phrase_at(toks, j, _MENACE_BEFORE) or _phrase_at(toks, j, _HAPPENED_TO)
        if size and _bridged(toks, j + size, gi, _OBJECT_BRIDGE, 3):
            found.append(j)
        elif toks[j : j + 2] == ["know", "where"] and _bridged(toks, j + 2, gi, _OBJECT_BRIDGE, 2) and \
                _KNOW_WHERE & set(toks[end : end + 2]):
            found.append(j)  # "we know where you X live"
        elif toks[j : j + 3] == ["make", "sure", "no"] and j + 3 == gi and "safe" in toks[end : end + 4]:
            found.append(j)  # "I'm going to make sure no X feels safe here"
        elif toks[j] in ("make", "makes", "making") and _bridged(toks, j + 1, gi, _HARM_BRIDGE, 2) and \
                toks[end : end + 1] and toks[end] in _MADE_TO:
            found.append(j)  # "we'll make the X regret ever coming here", "make X pay"
    return found


# letting a group in, asked as a question: "who let all these X into our town?", "why do we keep letting X in?"
_ADMIT = frozenset(["let", "lets", "letting", "allow", "allows", "allowing", "invite", "invited", "inviting", "bring",
                    "brought", "bringing", "import", "importing", "imported"])
_INTO = frozenset(["in", "into", "near", "here", "over", "across", "inside"])
_ADMIT_BRIDGE = frozenset(["all", "these", "those", "the", "any", "more", "so", "many", "even", "in", "those"])
# ... asked of whoever lets them in, "we" or anyone: not of a named party ("why did the uk let refugees in after the
# war?" asks about history)
_ADMITTERS = frozenset(["who", "we", "you", "keep", "keeps", "still", "even", "anyone", "anybody", "everyone"])
# a question that asks for a group's worth in order to deny it: "what good has a X ever done?", "what have X ever
# done for us?"; "can anyone name a single X who isn't a thief?"
_WORTH_ASKED = frozenset(["what good", "what use", "what have", "what has", "what did", "what do", "what does"])
_WORTH_BRIDGE = frozenset(["has", "have", "is", "are", "did", "do", "does", "was", "were", "a", "an", "the", "these",
                           "those", "any", "all", "ever", "of"])
_NAME_ONE = frozenset(["name one", "name a single", "name a", "name any", "find one", "find a single", "show me one",
                       "show me a single"])


def _sentence_ends(norm: str) -> tuple[list[int], str]:
    """Offsets of the sentence ends in ``norm`` and the mark at each (computed once per comment)."""
    ends = list(_SENTENCE_END.finditer(norm))
    return [m.start() for m in ends], "".join(m.group() for m in ends)


def _asked(ends: tuple[list[int], str], at: int) -> bool:
    """The sentence around offset ``at`` is a question: the first sentence end after it is a question mark."""
    k = bisect.bisect_left(ends[0], at)
    return k < len(ends[1]) and ends[1][k] == "?"


_SENTENCE_END = re.compile(r"[.!?\n]")


def _rhetorical(toks: list[str], neg: list[bool], lo: int, gi: int, end: int, asked: bool) -> list[int]:
    """Hate asked as a question about the group at ``gi`` (up to ``end``): letting it in ("who let all these X into our
    town?", "why are X allowed in here?"), its worth asked to deny it ("what good has a X ever done for anyone?") or
    a challenge to name one decent member ("can anyone name a single X who isn't a thief?"). ``asked``: the group's
    sentence is a question."""
    found = []
    after = toks[end : end + 3]
    for j in range(max(lo, gi - 5), gi):
        if asked and toks[j] in _ADMIT and _bridged(toks, j + 1, gi, _ADMIT_BRIDGE, 3) and after[:1] and \
                after[0] in _INTO and _ADMITTERS & set(toks[max(0, j - 8) : j]):
            found.append(j)
        elif asked and _phrase_at(toks, j, _WORTH_ASKED) == 2 and _bridged(toks, j + 2, gi, _WORTH_BRIDGE, 3) and (
                toks[j + 1] in ("good", "use") or "ever" in toks[j + 2 : end + 2]):
            found.append(j)
        elif (size := _phrase_at(toks, j, _NAME_ONE)) and j + size == gi and after[:1] in (["who"], ["that"]) and \
                any(neg[end + 1 : end + 3]):
            found.append(j)
    allowed = [k for k in range(end, min(len(toks), end + 2)) if toks[k] in ("allowed", "permitted")]
    if asked and allowed and "why" in toks[lo:gi] and all(t in ("be", "even") for t in toks[end : allowed[0]]):
        found.append(allowed[0])  # "why are X allowed to vote?", "why should X be allowed to ..."
    return found


def _doubted(toks: list[str], lo: int, gi: int) -> bool:
    """A question that doubts what follows about the group at ``gi``: "since when do X count as real people?"."""
    return any(toks[k : k + 2] == ["since", "when"] for k in range(max(lo, gi - 4), gi))


def _reported_harm(toks: list[str], clause: list[int], j: int) -> bool:
    """The harm at ``j`` is someone else's threat or call, reported: a report frame before it in its clause ("the
    man who threatened to kill X", "he said X should be shot", "people saying they hope X burn") not spoken by the
    commenter ("I said", "I'm saying"), and nothing after it endorses it ("... and he's right")."""
    if _attempt_told(toks, j) or _asked_of_others(toks, j) and toks[j] not in _ADMIT:  # "why did anyone let X in?"
        return not _ENDORSED & set(toks[j + 1 :])
    for r in range(max(0, j - 10), j):
        if clause[r] != clause[j] or not _phrase_at(toks, r, _REPORT_FRAMES):
            continue
        if r > 0 and toks[r - 1] in ("i", "we", "i'm", "im", "am", "i've", "ive", "i'd", "id"):
            return False
        return not _ENDORSED & set(toks[j + 1 :])
    return False


def _attempt_told(toks: list[str], j: int) -> bool:
    """The harm at ``j`` right after "tried to" / "attempted to" ..., whose subject is not the commenter."""
    return j >= 2 and _phrase_at(toks, j - 2, _ATTEMPT_FRAMES) == 2 and (j < 3 or toks[j - 3] not in _ATTEMPTERS_SELF)


# (session 19) how a group is treated as the topic: "the way X are treated", "how X get spoken about", "the abuse X
# face", "what X go through"; an emotion about it is for the group, not against it
_TREATMENT_LEADS = frozenset(["the way", "how", "what", "the abuse", "the hate", "the hatred", "the racism",
                              "the discrimination", "the harassment", "the bullying", "the violence", "the treatment",
                              "the prejudice", "the bigotry", "the threats"])
_TREATED = frozenset(["treated", "spoken to", "spoken about", "talked about", "talked to", "portrayed", "viewed",
                      "described", "depicted", "handled", "abused", "mistreated", "harassed", "bullied", "targeted",
                      "demonised", "demonized", "excluded", "ignored", "face", "faced", "endure", "endured", "suffer",
                      "suffered", "go through", "went through", "put up with", "deal with", "experience",
                      "experienced", "receive", "received", "get", "got"])
_TREATED_BRIDGE = frozenset(["are", "is", "were", "was", "get", "got", "being", "been", "have", "had", "to", "still",
                             "all", "often", "always", "constantly", "daily", "every", "day", "here", "now", "so"])


def _treatment(toks: list[str], gi: int, hi: int) -> bool:
    """Before the group at ``gi`` a lead of manner or of harm ("the way", "how", "the abuse"), after it a verb of
    being treated ("are treated", "get spoken about", "face"), only auxiliaries and adverbs between."""
    lead = any((size := _phrase_at(toks, k, _TREATMENT_LEADS)) and k + size <= gi and
               _bridged(toks, k + size, gi, _REGARD_BRIDGE, 1) for k in range(max(0, gi - 4), gi))
    if not lead:
        return False
    for m in range(gi + 1, min(hi, gi + 5)):
        if _phrase_at(toks, m, _TREATED):
            return _bridged(toks, gi + 1, m, _TREATED_BRIDGE | _GROUP_NOUNS, 3)
    return False


def _protected(toks: list[str], neg: list[bool], gi: int, hi: int) -> bool:
    """The group at ``gi`` is protected or someone else's victim: "X should be safe", "we need to protect X", "the
    people who attack X", "the bigots harassing X"."""
    if any(_phrase_at(toks, m, _SAFE) for m in range(gi + 1, min(hi, gi + 4))):
        return True
    if _treatment(toks, gi, hi):
        return True
    for k in range(max(0, gi - 4), gi):
        size = _phrase_at(toks, k, _PROTECT) or (toks[k] in _HARMS_DONE and k > 0 and toks[k - 1] in _AGENTS)
        stopped = k > 0 and (neg[k - 1] or toks[k - 1] in _STOP)  # "stop protecting X"
        if size and not stopped and _bridged(toks, k + size, gi, _HARM_BRIDGE, 2):
            return True
    return False


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
    for gi, group, country in mentions:
        if _object_of_attitude(toks, gi):
            continue  # "their hatred of X", "the prejudice against X is disgusting": an attitude to X is judged
        c = clause[gi]
        lo = gi
        while lo > 0 and clause[lo - 1] == c and gi - lo < 6:
            lo -= 1
        hi = gi + 1
        while hi < n and clause[hi] == c and hi - gi <= 9:
            hi += 1
        ev: list[int] = []
        regard_ev: list[int] = []  # negated positive evaluations: not cancelled by a denied belief
        # "I don't think X are ...", "nobody believes X are ...": the belief in what follows is denied
        belief_denied = any(neg[k] and toks[k + 1] in _BELIEF and not _negative_question(toks, k + 1)
                            for k in range(max(lo, gi - 4), gi - 1))
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
                questioned += proposed
                violent += _rules_coref.profane_harm(toks, neg, clause, gi, end)
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


_MWORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def stem_matches(stem: str, token: str) -> bool:
    """Whether ``token`` is a form of the group or hostile-word ``stem``: a prefix match, where a short stem (under
    5 letters) allows at most 2 more letters ("juif" -> "juifs", not "juiverie")."""
    return token.startswith(stem) and (len(stem) >= 5 or len(token) - len(stem) <= 2)


def _stem_hit(stem: str, toks: list[str], low: str) -> int:
    """Position of the first token matching ``stem`` (a word prefix; short stems allow 2 extra letters), or -1.
    A stem of several words, or with a hyphen ("sous-hom", "sans-papiers": tokens split at hyphens), is searched
    as a phrase from a word start."""
    stem = stem.strip()
    if " " in stem or "-" in stem:
        k = low.find(stem)
        return len(_MWORD.findall(low[:k])) if k >= 0 and (k == 0 or not low[k - 1].isalpha()) else -1
    for j, t in enumerate(toks):
        if stem_matches(stem, t):
            return j
    return -1


def names_group(text: str, lang: str, lex: Lexicon) -> bool:
    """Whether a comment in ``lang`` names a group of the multilingual lexicon (``multilingual.json``'s group
    words, matched as ``multilingual_match`` matches them)."""
    groups = lex.multi_groups.get(lang)
    if not groups:
        return False
    low = text.lower()
    if lang in ("zh", "ja"):
        return any(w in low for ws in groups.values() for w in ws)
    toks = _MWORD.findall(low)
    return any(_stem_hit(w, toks, low) >= 0 for ws in groups.values() for w in ws)


def multilingual_attack(text: str, lang: str, lex: Lexicon) -> tuple[float, list[tuple[int, int, str, str]]]:
    """Group mention + hostile word in a non-English comment (stems from ``multilingual.json``).

    Returns (score, evidence spans as (start, end, text, group)). Chinese is matched by substring. A negation
    word lowers the score instead of cancelling it: in these languages negation also builds hostile phrases
    ("ce ne sont pas des humains").
    """
    score, found, _ = multilingual_match(text, lang, lex)
    return score, found


def multilingual_match(text: str, lang: str,
                       lex: Lexicon) -> tuple[float, list[tuple[int, int, str, str]], list[tuple[int, int]]]:
    """``multilingual_attack``'s score and evidence, and the (start, end) of the hostile words among the evidence
    (what ``_multi_context.defusing_context`` reads)."""
    groups = lex.multi_groups.get(lang)
    hostile = lex.multi_hostile.get(lang)
    if not groups or not hostile:
        return 0.0, [], []
    low = text.lower()
    found: list[tuple[int, int, str, str]] = []
    # a dehumanising emoji counts as a hostile word (revision 3.6; see emoji_attack)
    emoji = dehumanising_emoji(text)
    if lang in ("zh", "ja"):
        g_hits = [(low.find(w), w, g) for g, ws in groups.items() for w in ws if w in low]
        h_hits = [(low.find(w), w) for w in hostile if w in low] + [(s, t) for s, _, t in emoji]
        if not g_hits or not h_hits:
            return 0.0, [], []
        for k, w, g in g_hits:
            found.append((k, k + len(w), text[k : k + len(w)], g))
        for k, w in h_hits:
            found.append((k, k + len(w), text[k : k + len(w)], g_hits[0][2]))
        negated = any(x in low for x in lex.multi_negation.get(lang, []))
        return (0.6 if negated else 0.8), found, [(k, k + len(w)) for k, w in h_hits]
    spans = [(m.start(), m.end(), m.group()) for m in _MWORD.finditer(low)]
    toks = [t for _, _, t in spans]
    g_hits = []
    for g, ws in groups.items():
        for w in ws:
            j = _stem_hit(w, toks, low)
            if j >= 0:
                g_hits.append((j, g))
                break
    h_hits = [j for w in hostile if (j := _stem_hit(w, toks, low)) >= 0]
    h_hits = [j for j in h_hits if all(j != gj for gj, _ in g_hits)]
    if not g_hits or not (h_hits or emoji):
        return 0.0, [], []
    found.extend((s, e, t, g_hits[0][1]) for s, e, t in emoji)
    for j, g in g_hits:
        if j < len(spans):
            s, e, _ = spans[j]
            found.append((s, e, text[s:e], g))
    for j in h_hits:
        if j < len(spans):
            s, e, _ = spans[j]
            found.append((s, e, text[s:e], g_hits[0][1]))
    negs = lex.multi_negation.get(lang, [])
    negated = any(t in negs for t in toks) or any(" " in x or "'" in x for x in negs if x.strip() in low)
    hostile_spans = [(s, e) for s, e, _ in emoji] + [spans[j][:2] for j in h_hits if j < len(spans)]
    return (0.6 if negated else 0.8), found, hostile_spans
