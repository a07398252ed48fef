"""What the rule modules share: ``Analysis`` (what the rules saw in one comment), the vocabulary of hostility, harm
and threat with its union per lexicon (``_hostile_phrases``, ``_hostile_word``), pronouns, intent and hedge words,
markers of irony, and the commenter's self-identification with a group (``_self_reference``). It imports no rule
module, so every rule module imports it at module level (``_rules`` imports the others, none imports ``_rules``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storytrace.comments._decode import Decoded
from storytrace.comments._lexicon import Lexicon
from storytrace.comments._tokens import _phrase_at

_ATTACK_FRAMES = ("death to", "no more", "get rid of", "go back to", "send them back", "should all", "should be",
                  "deserve to", "belong in", "are all", "all of them", "like you", "ban all", "out of our")
# self-identification with the group a slur names ("we queers", "as a dyke", "i'm a fag and proud"): reclaimed,
# in-group use (Brontsema 2004; Davidson et al. 2017 on in-group use in their tweets), not an attack on the group
_SELF_REF = (("we",), ("us",), ("our",), ("as", "a"), ("am", "a"), ("i'm", "a"), ("im", "a"), ("i'm",), ("im",))
# frames that present their claim as false by themselves: "pretending X are Y", "the myth that X are Y"
_FALSE_FRAMES = frozenset(["pretend", "pretends", "pretending", "act like", "acting like", "myth", "lie", "stereotype",
                           "stereotyping"])
# right before a claim frame, besides a negation, these reject the claim: "stop calling", "quit acting like",
# "zero proof"
_STOP = frozenset(["stop", "quit", "stopped", "enough", "zero", "without"])
# after a claim, words that call it false: "... is a lie", "... is a myth"
_FALSITY = frozenset(["lie", "lies", "myth", "myths", "false", "untrue", "propaganda", "misinformation",
                      "disinformation", "debunked", "stereotype", "stereotypes", "fake"])
# before a claim frame, words of disgust that condemn it: "it's disgusting that people still think X are Y"
_DISGUST = frozenset(["disgusting", "sad", "sickening", "shameful", "pathetic", "ridiculous", "crazy", "insane",
                      "absurd", "awful", "terrible", "horrible", "gross", "scary", "frightening", "depressing"])
# "zero respect for X", "i refuse to accept X": a refusal negates a verb of regard as "not" does
_REFUSAL = frozenset(["zero", "refuse", "refuses", "refused"])
# negative words the lexicon lacks (its list is part of the decoder's fingerprint): "why does every X stink?"
_MORE_NEGATIVE = frozenset(["stink", "stinks", "reek", "reeks", "thief", "leech",
                            "incapable"])  # session 19: "X are incapable of decency"
_KEEP_OUT = frozenset(["stop letting", "stop allowing", "stop importing", "stop bringing"])
# a group denied standing: "X have no right to live here"
_NO_STANDING = frozenset(["have no right", "has no right", "have no rights", "has no rights", "deserve no rights"])
# what a group does not deserve when a comment protects it: "X don't deserve the abuse they get"
_ABUSE = frozenset(["abuse", "hate", "hatred", "violence", "harassment", "discrimination", "racism", "bigotry",
                    "threats", "insults", "attacks", "bullying", "treatment", "slurs"])
# harm aimed at a group besides the lexicon's violence words (revision 3.8): wishes, curses, elimination, threats
# a curse with the group as its object: "fuck X", "screw all X", "to hell with X", "piss off X"
_CURSES = frozenset(["fuck", "fck", "fuk", "fk", "screw", "sod", "damn", "fuck off", "piss off", "to hell with",
                     "fuck you", "screw you"])
# a curse on the group as subject: "X can go to hell", "X can rot"
_CURSED = frozenset(["can go to hell", "go to hell", "can go fuck themselves", "go fuck themselves", "can rot",
                     "rot in hell", "burn in hell", "can burn in hell", "can get fucked", "can fuck off", "can piss off"])
# words that wish what follows: "hope X burn", "I'd happily watch X suffer", "may every X choke"
_WISHES = frozenset(["hope", "hoping", "wish", "wishing", "pray", "praying", "watch", "see", "seeing", "want", "wants",
                     "may", "let", "wait", "love"])
# harms wished on a group after it: "hope X suffer", "seeing X bleed"
_WISHED_HARM = frozenset(["suffer", "bleed", "choke", "rot", "perish", "starve", "burn", "die", "drown", "fry",
                          "suffers", "dies", "burns", "disappear", "disappeared", "vanish", "vanished", "get shot",
                          "get killed", "get hurt", "get beaten", "get what they deserve"])
# violence ordered or intended with the group as its object, before it: "put a bullet in X", "run over the X"
_ORDERED_HARM = frozenset(["put a bullet in", "open fire on", "run over", "torch", "hunt down", "beat", "beat up",
                           "teach", "line", "shoot", "kill", "stab", "hang", "burn", "gas", "lynch", "bomb", "punch",
                           "string up", "round up", "get rid of",
                           # (session 19, helper hate2)
                           "hunt", "knock out", "run down", "smash", "slit", "choke", "poison", "break the legs of",
                           "break the necks of", "break the neck of", "slit the throat of", "slit the throats of"])
# elimination wished before the group: "better without X", "a country with zero X", "rid the world of X"
_ELIMINATED = frozenset(["without", "with no", "with zero", "zero", "without any", "without a single", "no more",
                         "rid the world of", "free of", "rid of"])
# elimination of the group after it: "X shouldn't exist", "X need to be erased", "X had never been born"
_ERASED = frozenset(["face of the earth", "off the map", "be erased", "erased", "wiped out", "go extinct",
                     "be extinct", "disappeared", "disappear", "vanish", "vanished", "left anywhere", "left alive"])
# ... of which these say it by themselves: "X shouldn't exist", "get X out of existence"
_ERASED_ALONE = frozenset(["shouldn't exist", "shouldnt exist", "should not exist", "don't deserve to exist",
                           "dont deserve to exist", "do not deserve to exist", "have no right to exist",
                           "out of existence", "never been born", "cease to exist", "stop existing"])
# someone else's harm to the group: "the people who attack X", "the bigots harassing X"
_HARMS_DONE = frozenset(["attack", "attacks", "attacking", "hurt", "hurts", "hurting", "harass", "harasses",
                         "harassing", "abuse", "abuses", "abusing", "bully", "bullies", "bullying", "threaten",
                         "threatens", "threatening", "target", "targets", "targeting", "assault", "assaults",
                         "beat", "beats", "beating", "kill", "kills", "killing", "hate", "hates", "hating"])
# a question that is rhetorical or grudging: "why do we have to tolerate X? what do they contribute?"
_GRUDGING = frozenset(["why", "tolerate", "put up with", "problem", "problems"])
# markers of sarcasm or of a backhanded compliment: praise that says the opposite ("i just love how X ruin ...",
# "oh great, more X", "smart for once", "clever for a X", "at least some X")
_IRONY = ("love how", "oh great", "oh wonderful", "oh lovely", "so-called", "so called", "yeah right", "for once",
          "for a", "for an", "at least", "surprisingly", "nothing else", "good at", "great at", "talented at",
          "lol", "lmao", "/s", "which is why", "far away", "seeing", "watch", "happier", "without",
          "no more", "fewer", "less", "kicked", "thrown", "locked", "anywhere", "ban", "banned", "leave")
_SCARE_QUOTES = re.compile(r"(?<!\w)['\"“‘][\w-]{2,20}(?: [\w-]{2,20})?['\"”’](?!\w)")  # one or two words


def _hostile_phrases(lex: Lexicon) -> frozenset[str]:
    """Hostile, harmful or excluding words and phrases of the lexicon and of the rules' own lists (once per lexicon:
    kept in ``lex.derived``, so another lexicon never reads this one's set)."""
    if "hostile" not in lex.derived:
        lex.derived["hostile"] = frozenset().union(
            lex.negative, lex.dehumanising, lex.hate_verbs, lex.threat_verbs, lex.exclusion_passive, lex.harm_passive,
            lex.insults, lex.profanity, lex.subject_hostile, _KEEP_OUT, _NO_STANDING, _CURSES, _CURSED, _WISHED_HARM,
            _ORDERED_HARM, _ELIMINATED, _ERASED, _ERASED_ALONE, _ATTACK_FRAMES, _ABUSE, _HARMS_DONE, _DISGUST,
            _FALSITY, _REFUSAL, _FALSE_FRAMES, _STOP, _GRUDGING, _MORE_NEGATIVE, _typed_hate_verbs(lex),
            _MENACE_AFTER, _MENACE_CLOSING, _MENACE_ALONE, _MENACE_BEFORE, _EMOTION_NOUNS, _REVULSION_BY, _BODILY,
            _WISHES - {"love"})  # "stop pretending X are people", "i hope X s*ffer": not kind
    return lex.derived["hostile"]


def _typed_hate_verbs(lex: Lexicon) -> frozenset[str]:
    """The lexicon's hate verbs as typed without apostrophes ("cant stand"), once per lexicon."""
    if "typed_hate" not in lex.derived:
        lex.derived["typed_hate"] = frozenset(h.replace("'", "") for h in lex.hate_verbs) - lex.hate_verbs
    return lex.derived["typed_hate"]


def _hostile_word(toks: list[str], lex: Lexicon) -> bool:
    """Any hostile, harmful or excluding word or phrase (``_hostile_phrases``), anywhere."""
    hostile = _hostile_phrases(lex)
    return any(_phrase_at(toks, j, hostile) for j in range(len(toks)))
# (session 19) a longer self-identification: a first-person subject and copula, then up to four fillers ("we are a
# bunch of proud X", "i'm just an old X", "me and the other X"); or "myself" / "ourselves" right after ("being a X
# myself")
_SELF_SUBJECTS = (("we", "are"), ("i", "am"), ("we're",), ("were", "all"), ("i'm",), ("im",), ("me", "and"),
                  ("us",), ("we",), ("as",))
_SELF_FILLERS = frozenset(["a", "an", "bunch", "of", "proud", "all", "just", "such", "total", "couple", "group", "real",
                           "happy", "loud", "two", "gang", "fellow", "the", "other", "old", "young", "big", "little",
                           "openly", "and", "same", "lifelong", "queer", "married", "out", "femme", "butch"])


def _self_reference(toks: list[str], j: int) -> bool:
    """Token ``j`` is preceded by a self-identification: "we X", "us X", "our X", "as a X", "i'm a X" (an
    adjective may sit in between: "we proud X"; session 19: a first-person subject and copula with up to four
    fillers, "we are a bunch of proud X", "me and the other X"), or followed by "myself" / "ourselves"."""
    for gap in (0, 1):
        end = j - gap
        for pat in _SELF_REF:
            if end - len(pat) >= 0 and tuple(toks[end - len(pat) : end]) == pat:
                return True
    if toks[j + 1 : j + 2] in (["myself"], ["ourselves"]):
        return True
    k = j
    while k > 0 and j - k < 4 and toks[k - 1] in _SELF_FILLERS:
        k -= 1
        if any(k - len(pat) >= 0 and tuple(toks[k - len(pat) : k]) == pat for pat in _SELF_SUBJECTS):
            return True
    return False
# (session 19) the commenter's own disgust, hatred or rage aimed at a group, besides the lexicon's hate verbs: an
# emotion noun whose object the group is ("nothing but disgust for X", "so much hatred in my heart for X") or a
# passive of revulsion ("i'm sickened by X"); and, with the group as subject, what it does to the commenter's body
# ("X make my skin crawl", "X turn my stomach", "X fill me with rage", "being near X makes me nauseous")
_EMOTION_NOUNS = frozenset(["disgust", "hatred", "contempt", "loathing", "revulsion", "disdain", "scorn", "animosity",
                            "rage", "resentment", "venom", "hostility", "distaste"])
_REVULSION_BY = frozenset(["sickened by", "revolted by", "nauseated by", "repelled by", "grossed out by",
                           "disgusted of", "sick to my stomach of"])
_BODILY = frozenset(["make my skin crawl", "makes my skin crawl", "make my blood boil", "makes my blood boil",
                     "turn my stomach", "turns my stomach", "make me nauseous", "makes me nauseous",
                     "make me want to puke", "makes me want to puke", "make me want to throw up",
                     "makes me want to throw up", "make me want to vomit", "makes me want to vomit",
                     "make me sick to my stomach", "makes me sick to my stomach", "make me gag", "makes me gag",
                     "make me retch", "makes me retch", "fill me with rage", "fills me with rage",
                     "fill me with disgust", "fills me with disgust", "fill me with hatred", "fills me with hatred",
                     "fill me with loathing", "fills me with loathing", "fill me with revulsion",
                     "fills me with revulsion", "fill me with contempt", "fills me with contempt",
                     "make me so angry", "makes me so angry", "make me furious", "makes me furious"])
# a threat in words that name no violence (session 11): what will happen to the group, said of it as subject ("X in
# this town will be dealt with", "you X and your kind won't last the winter", "the X won't see us coming")
_MENACE_AFTER = frozenset(["won't last", "wont last", "will not last", "pay in blood", "pay dearly",
                           "pay with their lives", "sleep with one eye open", "start running", "better run",
                           "better hide", "see us coming", "see it coming", "know what hit them", "regret ever",
                           "regret the day", "learn their lesson"])
# ... and those that threaten only when they end the clause, or only words that press the point follow: "X will be
# dealt with, one way or another" (not "... dealt with by the council"), "X will pay for this" (not "... for this
# policy with higher premiums"), "X are going to get hurt, that's a promise"
_MENACE_CLOSING = frozenset(["be dealt with", "be taken care of", "pay for this", "pay for that", "pay for it",
                             "pay the price", "have an accident", "get hurt", "be sorry"])
# ... anywhere after the group in its clause: "X, enjoy this christmas, it will be your last"
_MENACE_ALONE = frozenset(["be your last", "be their last", "is your last", "is their last", "days are numbered"])
# a menace with the group as its object, before it: "make life hell for X", "there will be a reckoning for every X",
# "we're coming for you X"
_MENACE_BEFORE = frozenset(["make life hell for", "make life a living hell for", "make life hell", "reckoning for",
                            "coming for", "coming for you"])
_QUOTE = re.compile(r'"[^"]{3,}"|“[^”]{3,}”|(?<!\w)\'[^\']{6,}\'(?!\w)|«[^»]{3,}»')
_INTENT = frozenset(["should", "must", "need", "needs", "ought", "deserve", "deserves", "will", "gonna", "going",
                     "want", "wanna", "let's", "lets", "gotta", "have", "i'll", "we'll", "would", "to", "all"])
_SECOND_PERSON = frozenset(["you", "u", "ya", "your", "youre", "you're", "ur", "yourself", "thou"])
_PRONOUNS = frozenset(["him", "her", "them", "they", "he", "she", "everyone", "all", "yourself", "themselves"])
_FUTURE = frozenset(["will", "gonna", "going", "should", "must", "deserve", "deserves", "i'll", "we'll", "let's",
                     "lets", "wanna", "want", "to", "i'd", "would", "gotta", "need", "we", "i"])
# a frame after one of these is the commenter's own claim: "i think X are Y", "i really do believe ..."
_FIRST_PERSON = frozenset(["i", "we", "i'd", "id", "i'll", "ill", "i'm", "im", "personally"])
# between a curse, a wished or ordered harm and its group: "fuck every last X", "torch the homes of those X"
_HARM_BRIDGE = frozenset(["all", "the", "these", "those", "every", "last", "any", "of", "a", "an", "next", "homes",
                          "houses", "each", "single", "one"])


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
_DETERMINERS = frozenset(["a", "an", "the", "this", "that", "my", "your", "his", "her", "our", "their", "its", "one",
                          "another", "first", "best", "good", "cheap"])
# the words between a negation and the harm it denies in a permission or modal chain: "shouldn't be allowed to be
# bullied", "no one should ever be attacked", "must not be allowed to get hurt"
_CHAIN = frozenset(["be", "to", "allowed", "permitted", "get", "getting", "being", "been", "ever", "should", "must",
                    "deserve", "deserves", "deserved",  # (session 19) "nobody deserves to be beaten for being X"
                    "can", "could", "would", "will", "one", "anyone", "again", "just", "simply", "ok", "okay"])
_HEDGES = frozenset(["really", "honestly", "do", "just", "still", "would", "always", "firmly", "truly", "will", "can",
                     "must", "genuinely", "actually", "definitely", "even", "also", "simply", "only"])
# after a group that is the object of a verb of regard: the group is the head noun ("don't trust X here", "X and
# their ..."), not a modifier ("mexican food"); "who"/"that" restrict it to some ("christians who preach hate")
_GROUP_NOUNS = frozenset(["people", "folk", "folks", "men", "women", "person", "persons"])
_PLACES = frozenset(["here", "in", "into", "around", "anymore", "near", "back", "anywhere", "living", "coming",
                     "moving", "there", "at"])
# between a verb of regard and its group: "i don't trust any of these X"
_REGARD_BRIDGE = frozenset(["the", "these", "those", "any", "all", "most", "of", "some", "for", "about",
                            "a", "an", "single"])  # session 19: a singular group ("i would never trust a X")
# after a report, words that endorse it: "he said X should be shot and he's right"
_ENDORSED = frozenset(["right", "agree", "agreed", "true", "correct", "exactly", "spot on", "based"])
# words of the lexicon's positive list that praise nobody: "black people", "X are allowed near ..."
_NOT_PRAISE = frozenset(["people", "persons", "human", "humans", "real people", "allowed", "fit", "natural", "normal",
                         "clean", "worth", "useful", "safe", "equal", "equals"])
# a gerund claim judged by its predicate: "posting that X should die is disgusting", "telling X ... is evil"
_CONDEMNING = _DISGUST | frozenset(["vile", "evil", "cruel", "disgraceful", "despicable", "embarrassing", "nasty",
                                    "inhumane", "sick", "bigotry", "hateful", "wrong", "unacceptable", "gross"])
# hate that the comment names rather than holds: a relative clause ("people who hate X") or a gerund after a
# preposition or "stop" ("nothing good comes from hating X", "stop hating X")
_RELATIVES = frozenset(["who", "that", "whom"])
# letting a group in, asked as a question: "who let all these X into our town?", "why do we keep letting X in?"
_ADMIT = frozenset(["let", "lets", "letting", "allow", "allows", "allowing", "invite", "invited", "inviting", "bring",
                    "brought", "bringing", "import", "importing", "imported"])
