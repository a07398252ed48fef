"""Reading disguised words: leetspeak, inserted spaces or symbols, repeated letters, homoglyphs, misspellings.

The method, not a word list: every token is normalised by a few reversible-looking rewrites (homoglyph and
leetspeak maps, symbol removal, repeat collapsing) and then compared with the curated lexicon exactly, by a
phonetic key and by edit distance; blends of two public names ("vlad"+"olf") and compounds of a group word
with a country ending ("<slur>land") are recognised too. Fuzzy matching only applies to tokens that are not
ordinary words (``Lexicon.known_words``), so "news" is never read as "jews". With English word frequencies a
common real word is read as itself ("homes" is not "homos"), and since revision 3.5 a common word that could be
read as a term only in a comment that is hostile elsewhere ("cook", "fairly", "rewarded"), and an English compound
not as a group name or slur with a deleted space ("cheeseburger").

Since revision 3.7 (``spelling``, on with the context check) a table of ~51,000 common English words
(``lexicons/word_frequencies/en_common.tsv``) drives general spelling rules: run-together words are segmented
(Viterbi over Zipf frequencies), a word broken by a space is joined when the join is a term ("mus lims"), swaps
and first-letter slips are one edit too; amounts and handles are not leetspeak ("$50k", "@sean"), accented words
are another language's, words joined by hyphens, dots or ellipses are separate words ("Israel-U.S", "him...you"),
a misspelling of a common word is that word ("agian", "ilegal", "assain"; a noisy channel with Zipf priors), and the
hostile context that lets a common word be read as a term must be in the same sentence. Since 3.7b a group name or
slur with one letter dropped ("wmen", "sihs", "blck people") is that term unless a common word one slip away is 100
times more frequent ("fod" is "food", not "foid"). Since 3.7d an ending is an inflection only where English spells it
so: "-es" after a hissing sound or an "o", never where the stem plus "e" is a word ("spices" is not "spic" + "es").

Since 3.15 a common word disguised or mistyped in a sentence that names a group (or right after one) is repaired, so
that the rules and the model read the sentence as written: a non-word one typing slip from a common word ("disugst",
"ahte", "ruonded"; the most frequent such word that keeps the first letter or swaps the first two), run-together
words that hold a very frequent one ("deathto", "theycontribute"), a word broken by a space ("d isgust") or spelled
letter by letter ("d i s g u s t", and "i h a t e": a leading "i" or "a" is a word of its own before a hostile word),
and leetspeak that spells a common word ("di5gust"). Repairs are records of kind ``misspelt_word``,
``run_together``, ``broken_word`` or ``spaced_word`` with a term of kind "word": no group, slur or disguise. Never
repaired: words the tables know or derive ("infesting"), words in capitals ("AUMF"), names inside a sentence, and a
repair that would be a group's name, a slur or a word for people ("trans peple" is not "trans pope" either). And a
two-word group name is read with two letters of its group word swapped ("balck people", as "blck people") or that
word spelled letter by letter ("b l a c k people", as "bl ack people"; not after an article: "a b l a c k person").

Since 3.16 (session 21) spacing in very common words and around group names is repaired the same way: a very common
word of three letters broken by a space or spelled apart ("ge t", "al l", "r i d"; a single letter other than "a" or
"i", and two letters that are no word alone, are fragments: "a ll", "thr ow"; a letter that begins a next fragment is
left to it: "see m akes"), a word for people spelled apart after a group adjective ("black p e o p l e"), a word with
a clitic run onto its neighbours ("reallycan't", "can'tstand", "ireallycan'tstandwomen"), five letters of two very
common words ("toget"), a two-word group name glued to a neighbouring word ("ofblack people", "black peopleare") and
triple letters across a word boundary ("killalllesbians": "kill all lesbians"). A glued reading that holds a group's
name or a hostile word is kept in any sentence (it names the group itself); the others only where a group is named,
as before. All are repairs (term kind "word"): the sentence is read as written, no disguise is recorded.

Since 3.17 (session 22) a group's name or a slur written capitalised inside a sentence and run onto a one- or two-letter
function word ("Muslimsso", "Jewsto", "Womenis") is read as the two words, though a capitalised word there is otherwise
a name; a function word that often ends a name or brand ("Jewson", "Christianson", "Mexicana": "on", "at", "an", "a",
"by") makes it a reading only for a hostile sentence. A capitalised "I" run onto a hostile word is no name ("Ihate").
A single letter between two words joins the side that reads as more frequent words ("the e mail" is "the email", not
"thee mail"; "wit h all" is still "with all"), and a misspelling's first letter may be swapped but not dropped ("ofour" is "of our", not "four").

Session 25 (review s24: "DR. BONNERS" read as 'beaner', the spam id "jeirrq" as 'jerk'): a reading by sound must sound
alike. The phonetic key keeps only consonants, so the vowels of a token and of a slur, insult, swear word or entity it
keys like must be alike too, run by run (a shared letter or class: e/i/y, o/u/w, a; ``_vowels_alike``), and the token
must be a string English spells: fewer than two letter triples that no common word has (``_unspellable``). A group's
name is still read by sound with other vowels ("wimmin"); one-edit slips are unchanged ("fagget", "ritard").
Since 3.19 a group's name or a slur spaced out as a fragment and single letters ("ukra i n i a n s", "ukr@i n i a n s",
"m u s lims") is read whole, unless the fragment is a word or a term of its own (``_fragment_and_letters``).
Since 3.20 (session 26) a group's name or slur spread over three or more pieces, two or more of them single letters and
one longer ("r e fu g e e s", "mus l i m s", "w o men"), is read whole even when a fragment is a common word
(``_spread_fragments``); the words of a run-together split are hostile evidence as written words are ("yankee
pigsout"); two run-together words, a function word and a common one or two very common ones, are repaired in a
sentence naming a group ("andcrooks", "equalrights"); "i" or "a" glued to a very common word is no reading by sound
("iwork" is not 'orcs'); a capitalised singular slur glued to a name ending ("Gookin", "Fagin", "Burgerman") needs a
hostile sentence; and a group's name read by sound keeps its first vowel ("Issan" is not 'asian').
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from storytrace.comments._lexicon import _VOWEL_RUNS, _VOWELS, Lexicon, Term, load_common_words, phonetic_key

# Cyrillic/Greek/other look-alikes of Latin letters
HOMOGLYPHS = {
    "а": "a", "в": "b", "с": "c", "е": "e", "ё": "e", "н": "h", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m",
    "о": "o", "р": "p", "ѕ": "s", "т": "t", "у": "y", "х": "x", "ԁ": "d", "ɡ": "g", "ӏ": "l", "ո": "n", "ս": "u",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "γ": "y", "ω": "w", "ß": "ss", "ø": "o", "æ": "ae", "ı": "i", "ł": "l", "đ": "d",
}
LEET = {
    "0": "o", "1": "i", "2": "z", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g",
    "@": "a", "$": "s", "!": "i", "|": "l", "+": "t", "€": "e", "£": "l", "¥": "y", "(": "c", "<": "c",
}
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_TOKEN = re.compile(r"[^\s,;:?\"“”‘’()\[\]{}<>…–—/]+")
_SPACED = re.compile(r"(?<![\w@$])((?:[^\W_]|[@$0-9])(?:[ .\-_*]{1,2}(?:[^\W_]|[@$0-9])){2,})(?![\w@$])")
# a fragment of two to eight letters (leet symbols inside) one space before or after letters spelled apart
_FRAGMENT_BEFORE = re.compile(r"(?<![\w@$])([a-z][a-z@$0-9]{1,7}) $")
_FRAGMENT_AFTER = re.compile(r" ([a-z@$0-9]{1,7}[a-z])(?![\w@$])")
# step 0 of ``decode`` (session 26): a piece of a spread-out word (letters, leet symbols inside), two single
# characters one space apart (a cheap test before the pieces are read), and the most pieces one word spans
_PIECE = re.compile(r"(?<![\w@$'’])[a-z@$0-9]{1,8}(?![\w@$'’])")
_TWO_LETTERS_NEAR = re.compile(r"(?<![\w@$'’])[a-z@$0-9] [a-z@$0-9](?![\w@$'’])")
_SPREAD_MAX = 10
_SPACE = re.compile(r"\s")
_INNER_SYMBOLS = re.compile(r"[.\-_*'`~^#\"]")
_EDGE_PUNCT = "!?.,;:'\"“”‘’*()[]{}<>…-–—~`"
# an English clitic after a word of letters ("women's", "they've", "we're", "i'm", "shouldn't"): spelling, not a
# disguise -- the apostrophe is not an inserted symbol and the clitic is not part of the word
_CLITIC = re.compile(r"^([^\W\d_]{2,})'(s|ve|re|ll|d|m|t)$")
_RUN3 = re.compile(r"(.)\1{2,}")
# a character of the homoglyph or leetspeak maps (what ``_rewrites`` looks for before it maps a token)
_HOMOGLYPH_CHAR = re.compile("[" + "".join(re.escape(ch) for ch in HOMOGLYPHS) + "]")
_LEET_CHAR = re.compile("[" + "".join(re.escape(ch) for ch in LEET) + "]")
_RUN2 = re.compile(r"(.)\1+")
# with the context check (revision 3.5): a word of seven or more letters that wordfreq has seen at least this often
# (Zipf; ~0.03 per million words) is an English word, not a group name or slur with a deleted space ("cheeseburger"
# is not "cheese burger"); deleted-space disguises ("hatemuslims") are not in wordfreq's list
_SPLIT_FLOOR = 1.5
# regular English endings: a word and a term that differ by one are the same word ("criminal" / "criminals")
_INFLECTIONS = ("s", "es", "ed", "d", "er", "ers", "r", "rs", "ing", "est", "en")
_PLURAL_ENDINGS = ("s", "es")
# "-es" makes a plural only after a hissing sound or an "o" ("bitches", "asses", "negroes"); after another letter the
# "e" is the word's own: "spices" is "spice" + "s", never "spic" + "es" (session-11 review W4)
_ES_STEMS = ("s", "x", "z", "ch", "sh", "o")
# spelling rules (revision 3.7, with the common-word table): a word at this Zipf level (~1 per million words) is a
# common word: its one-edit neighbours are what a misspelling most likely meant, and two common words on either
# side of a space are two words, not one word broken up
_COMMON = 3.0
# a word in the common-word table (Zipf >= 2.5) is a real word: segmenting it or reading it as a term needs context
_KNOWN = 2.5
# a word that only sounds like a term ("jooz", "ghey") is a slip of a common word only if that word is this frequent
_SOUND_ALIKE = 3.5
# endings, not words: "trashing" is not "trash ing", "dickish" not "dick ish"
_SUFFIXES = frozenset(["s", "es", "ed", "d", "er", "ers", "ing", "ings", "ish", "ness", "less", "ly", "y", "lets", "let",
                       "est", "ism", "ist", "ists", "ful", "able", "ity", "ies", "ize", "ized", "ise", "ised"])
# word separators inside a token: an ellipsis or a double hyphen always, a hyphen, dot or slash between words
_ELLIPSIS = re.compile(r"(?:\.{2,}|-{2,})")
_JOINER = re.compile(r"[-./]")
_ABBREVIATION = re.compile(r"(?:[a-z]\.)+[a-z]?\.?")
_SENTENCE_END = re.compile(r"[.!?\n]+(?:\s|$)")
_SEGMENT_MAX = 20  # longest word Viterbi segmentation considers
_TWO_LETTER = 5.75  # two-letter words a segmentation may use: "to", "is", "no", "us", "am"; not "de", "co", "ho"
_TWO_LETTER_ALONE = 5.0  # two-letter words that stand alone between spaces: also "ok", "oh", "uk"; not "wo", "ns"
_VERY_COMMON = 4.5  # "the", "have", "all", "now" (Zipf >= 4.5: ~30 per million words)
# a group name or slur with one letter dropped ("wmen", "sihs") is that term unless a common word one slip away is
# this much more frequent (Zipf: 100 times; "fod" is "food", not "foid"; "wmen" is not "when")
_DROPPED_MARGIN = 2.0
# longer tokens get only the script-level decodings: spelling edits of an n-letter word cost ~54n strings of n
# letters, so one run-together 100 KB token ("killkill...") would take gigabytes; real disguised words are short
_MAX_FUZZY_LETTERS = 40
# tokens whose readings a decoder keeps (``Decoder._read_token``): the distinct words of tens of thousands of comments
_TOKEN_MEMO_SIZE = 2**15
_NO_READINGS: tuple[tuple[Any, ...], ...] = ((), (), ())  # a token's readings when it is no disguise and no term
# bump when decoding changes: a domain calibration (news_calibration.json) estimated with another decoder is not
# loaded (``_model.model_file_hashes``), since the decoder moves the scores the estimate was made on
DECODER_REVISION = "3.21"
# a term ending in "s" is not the plural of a word this much rarer (Zipf; ~5.6 times): "tran" is a name, not the
# singular of "trans", and is read as it only in a hostile sentence or before a word for people (session 14)
_NOT_PLURAL_MARGIN = 0.75
_PLURAL_VERBS = frozenset(["are", "were", "aren't", "arent", "r"])
_HOSTILE_REACH = 3  # words between a hostile word and a common word it makes a term ("i hate wo men")
# the term kind of a repaired common word (revision 3.15): a misspelt, run-together, broken or spelled-out common word
# ("disugst", "theycontribute", "d isgust", "d i s g u s t") read as that word in a comment that names a group, so that
# the rules and the model read the sentence as written; no lexicon term, no disguise of a group
_REPAIR = "word"
_PLAIN_WORD = re.compile(r"[a-z]+")
# a run-together repaired holds a very frequent word ("deathto", "theycontribute", "gohome"); two rarer words run
# together are mostly a compound the common-word table lacks ("handrail", "shoehorn", "subdomains")
_FUNCTION_WORD = 5.5
_REPAIRABLE = ("hostile", "insult", "profanity")  # term kinds a repair may read a misspelt word as
_SPACED_JOIN_KINDS = ("group_name", "slur")  # what a fragment and letters spelled apart may be read as together
# session 21: a very common word of three letters ("g e t", "r id", "al l") may be repaired when spelled apart or broken
_SHORT_REPAIR = _VERY_COMMON
# a word with a clitic run onto the next word or after the one before ("can'tstand", "reallycan't"; session 21)
_GLUED_CLITIC = re.compile(r"([a-z]+)'(t|s|re|ve|ll|d|m)([a-z]*)")
# term kinds that make a glued reading name a group or hold a hostile word, so it is kept in any sentence
_SPLIT_KINDS = ("group_name", "slur", "hostile", "insult", "profanity")
# endings that make another word class of a common word: "fairly" is the adverb of "fair", not a slip of 'fairy'
# (session 27)
_CLASS_ENDINGS = ("ly", "ness", "less", "ful", "ment", "ments")
# endings that make a verb form of a noun: "crippled" is the verb "cripple", not the slur (session 27)
_VERB_ENDINGS = ("ed", "d", "ing")
_ONE_LETTER_WORDS = ("a", "i")
# function words that often end a name or brand after a group word ("Jewson", "Christianson", "Mexicana"): a
# capitalised group word run onto one is read only in a hostile sentence (session 22)
_NAME_ENDINGS = frozenset(["on", "at", "an", "a", "by"])
# what a surname or brand often ends in after a slur's letters ("Gookin", "Fagin", "Dykeman", "Cooney"; session 26)
_NAME_TAILS = _NAME_ENDINGS | frozenset(["in", "man", "ey", "y", "er"])
# regular endings of a derived English word ("infesting" is infest + ing, no misspelling of "investing")
_DERIVATIONS = ("s", "es", "ed", "d", "ing", "er", "ers", "est", "ly", "ness", "less", "ful", "ish", "ment", "ments",
                "able", "ism", "ist", "ists", "ity", "ize", "ized", "izes", "ise", "ised", "y", "ies", "ied")
# session 25: a sound-alike must sound alike. The phonetic key keeps consonants and turns every vowel run into one
# "V", so "BONNERS" keyed as "beaner", "missey" as "muzzie" and "acces" as "ukie" (review s24). A vowel run sounds like
# another when they share a letter or a class of vowel letters: front (e, i, y), back (o, u, w: "jooz" / "jews"), "a".
_VOWEL_CLASS = {"a": "a", "e": "front", "i": "front", "y": "front", "o": "back", "u": "back", "w": "back"}
# consonant spellings of one sound merged before letter patterns are counted ("jewz" is spelled as "jews" is)
_SOUND_SPELLINGS = [(a, b) for a, b in _VOWEL_RUNS if a in ("ph", "ck", "kh", "q", "c", "x", "z")]
# letter triples (with the word's edges) that no common English word has; a token with this many is no English
# spelling a reader could sound out ("jeirrq": "jei", "rrk"; spam ids), so it is read by sound as nothing (session 25)
_UNSPELLABLE = 2


@dataclass(slots=True)
class Decoded:
    span: str
    start: int
    end: int
    decoded: str
    kind: str
    term: Term

    def as_dict(self) -> dict[str, object]:
        return {"span": self.span, "start": self.start, "end": self.end, "decoded": self.decoded, "kind": self.kind}


def clean(text: str) -> str:
    """NFKC-fold and drop zero-width characters; lengths may change, so spans use the raw text separately."""
    return _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text))


def damerau1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


def _join_pairs(text: str, tokens: list[tuple[int, int, str]], decoded: list[Decoded],
                read: Callable[[int, int, str, str], Decoded | None],
                firsts: frozenset[str] | None = None) -> list[tuple[int, int, str]]:
    """``tokens`` without each pair of neighbours one space apart that ``read(start, end, first, second)`` reads as
    one decoded word, which goes to ``decoded``; ``firsts``: the only first words ``read`` can read (speed)."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and (firsts is None or tokens[i][2] in firsts) \
                and text[tokens[i][1] : tokens[i + 1][0]] == " ":
            (s, _, first), (_, e, second) = tokens[i], tokens[i + 1]
            d = read(s, e, first, second)
            if d is not None:
                decoded.append(d)
                i += 2
                continue
        out.append(tokens[i])
        i += 1
    return out


class Decoder:
    """Finds and decodes disguised lexicon words in comment text."""

    def __init__(self, lexicon: Lexicon, *, clitics: bool = False, names: bool = False,
                 freq: Mapping[str, float] | None = None, freq_floor: float = 3.0, freq_margin: float = 0.5,
                 context_floor: float | None = None, spelling: bool | None = None) -> None:
        self.lexicon = lexicon
        self.clitics = clitics  # False: the apostrophe of "women's" is an inserted symbol (revision 3.1 and before)
        # names: capitalised words are not read as sound-alike slurs or hostile words and truncations are not
        # disguises ("Hamas", "Sikhs", "hide"; see ``_fuzzy``); False for revision 3.2 and before
        self.names = names
        # freq: English Zipf frequencies (``load_word_frequencies``); a word with Zipf >= freq_floor and at least
        # freq_margin above a term's is a real word, not a disguise of that term ("homes" 4.7 is not "homos" 2.3,
        # "spies" 3.7 not "spics" 1.5; "fagots" 1.5 is still "faggots"); None for revision 3.3 and before
        self.freq = freq
        self.freq_floor = freq_floor
        self.freq_margin = freq_margin
        # context_floor (revision 3.5, needs ``freq``): a plainly written word with Zipf >= context_floor that fuzzy
        # decoding reads as a term (by sound or one edit; not an inflection of it) is an ordinary word in use ("cook",
        # "fairly", "rewarded", "slang") unless the comment is hostile elsewhere: another lexicon slur, swear word,
        # insult or hostile word, or another disguise. None: no context check (revision 3.4 and before)
        self.context_floor = context_floor
        # spelling (revision 3.7; default: on with the context check): the common-word table decides what is a word.
        # Run-together words are segmented (Viterbi over Zipf frequencies), a word broken by one space is joined
        # when the join is a term ("mus lims"), swaps and first-letter slips are one edit too; and real text stays
        # real: amounts and numbers are not leetspeak ("$50k", "22sec"), accented words are another language's,
        # words joined by hyphens, dots or ellipses are separate words ("Israel-U.S", "how-to", "him...you"), a
        # misspelling of a common word is that word ("agian", "ilegal", "assain") unless the sentence is hostile
        if spelling is None:
            spelling = freq is not None and context_floor is not None
        self.common: Mapping[str, float] = load_common_words() if spelling else {}
        self.spelling = spelling
        self._dropped = _dropped_letter_variants(lexicon) if spelling else {}
        self._spelled_triples: frozenset[str] | None = None  # what English spelling writes (``_unspellable``)
        self._dropped_phrases = self._dropped_phrase_variants() if spelling else {}
        self._dropped_firsts = frozenset(first for first, _ in self._dropped_phrases)  # what such a phrase begins with
        by_second: dict[str, list[Term]] = {}
        for terms in lexicon.by_first.values():
            for t in terms:
                if len(t.text) >= 5:
                    by_second.setdefault(t.text[1], []).append(t)
        self._by_second = by_second  # terms by their second letter: a slip of the first letter ("uslims", "umslims")
        # long exact-only terms are one-edit targets with the common-word table, which keeps real words real
        # ("pakistanis" for "pakistnis"; short ones stay exact: "wonk" is not "wank")
        # (sorted: a word one edit from two of them, "pakistansi", must read the same in every process)
        self._long_exact = [t for w in sorted(lexicon.exact_only)
                            if len(w) >= 7 and (t := lexicon.terms.get(w)) is not None]
        self._common_by_shape: dict[tuple[str, int], list[str]] = {}
        # token -> its readings (``_read_token``), cleared when it holds ``_TOKEN_MEMO_SIZE`` tokens
        self._token_readings: dict[tuple[str, str, bool, bool], tuple[tuple[Any, ...], ...]] = {}
        self._join_terms: dict[str, Term | None] = {}  # joined fragments -> the term they spell (``_join_term``)
        self._spelled_starts, self._spelled_ends = self._spelled_affixes()  # for ``_join_fragments``
        # two-word group names by their first and by their second word ("black" -> "people"), for a group name run
        # onto a neighbouring word ("ofblack people", "black peopleare"; ``_join_glued_phrases``)
        self._phrase_seconds: dict[str, list[str]] = {}
        self._phrase_firsts: dict[str, list[str]] = {}
        for t in lexicon.terms.values():
            pair = t.text.split(" ")
            if t.kind == "group_name" and len(pair) == 2 and all(w.isalpha() for w in pair):
                self._phrase_seconds.setdefault(pair[0], []).append(pair[1])
                self._phrase_firsts.setdefault(pair[1], []).append(pair[0])
        # group names and slurs of three or four letters, for slips that leave three letters ("ejw", "ews")
        self._short_terms = [t for ts in lexicon.by_first.values() for t in ts
                             if len(t.text) in (3, 4) and t.kind in ("group_name", "slur") and t.text.isalpha()]

    def _zipf(self, word: str) -> float:
        """Zipf frequency of ``word`` from the decoder's tables (0 when unknown)."""
        z = self.freq.get(word, 0.0) if self.freq is not None else 0.0
        return z or self.common.get(word, 0.0)

    def _is_word(self, part: str) -> bool:
        """``part`` is a word of its own: a common word of two or more letters, a term, a number, an abbreviation."""
        part = part.removesuffix("'s")  # "how-to's"
        return (part.isdigit() or (len(part) >= 2 and (part in self.common or part in self.lexicon.terms))
                or (len(part) >= 3 and _ABBREVIATION.fullmatch(part) is not None))

    def _common_word(self, frag: str) -> bool:
        """A fragment that is a common word on its own ("men", "is", "a"; not "mus", "wo", "ns" or "f")."""
        z = self.common.get(frag, 0.0)
        return frag in ("a", "i") or (len(frag) == 2 and z >= _TWO_LETTER_ALONE) or (len(frag) > 2 and z >= _COMMON)

    def _needs_context(self, word: str, term: Term) -> bool:
        """``word`` is a common real word that only the comment's context can make a disguise of ``term``."""
        if self.freq is None or self.context_floor is None:
            return False
        plural = any(term.text == word + e for e in _PLURAL_ENDINGS) and not self._not_plural(word, term)
        if plural or any(word == term.text + e and _regular_ending(term.text, e, self.common) for e in _INFLECTIONS):
            return False  # an inflection ("criminal" / "criminals") is the term itself, not a disguise
        # but a term that adds a verb ending to the word is another word: "disable" is the verb, "disabled" the
        # group (review s12 #9, "you can simply disable it"); a common one is read as the term only in context
        return self._zipf(word) >= self.context_floor

    def _not_plural(self, word: str, term: Term) -> bool:
        """``term`` ends in "s" but is not the plural of ``word``: the "s" is its own ("trans", "gross", "hamas"),
        seen by ``word`` being far rarer than ``term`` (an English singular is about as frequent as its plural:
        "criminal" 4.75 / "criminals" 4.15, "invader" 2.98 / "invaders" 3.43; "tran" 3.09 / "trans" 4.41, a name)."""
        return self._zipf(term.text) - self._zipf(word) > _NOT_PLURAL_MARGIN

    def _real(self, word: str, term: Term) -> bool:
        """``word`` is a frequent real word, not a disguise of the rarer ``term`` (only with ``self.freq``). Not when
        one begins the other: "criminal" is still read as the term "criminals", "beast" as "beasts"."""
        if self.freq is None or term.text.startswith(word) or word.startswith(term.text):
            return False
        z = self._zipf(word)
        return z >= self.freq_floor and z >= self._zipf(term.text) + self.freq_margin

    # -- candidate rewrites -------------------------------------------------------------------------------
    def _rewrites(self, tok: str) -> list[tuple[str, str]]:
        """(rewritten, kind) pairs, most conservative first."""
        out: list[tuple[str, str]] = []
        t = tok
        if _HOMOGLYPH_CHAR.search(t) is not None and any("a" <= ch <= "z" for ch in t):
            t2 = "".join(HOMOGLYPHS.get(ch, ch) for ch in t)
            out.append((t2, "homoglyph"))
            t = t2
        if _LEET_CHAR.search(t) is not None and any(ch.isalpha() for ch in t):
            # digits at the very end ("user123") are rarely leet
            t2 = "".join(LEET.get(ch, ch) for ch in t)
            if t2 != t:
                out.append((t2, "leetspeak"))
                t = t2
        t2 = _INNER_SYMBOLS.sub("", t)
        if t2 != t and len(t2) >= 3:
            out.append((t2, "inserted_symbols"))
            t = t2
        if _RUN3.search(t) is not None:  # a run of three collapses to one letter, so the token changes
            t2 = _RUN3.sub(r"\1", t)
            out.append((t2, "repeated_letters"))
            out.append((_RUN3.sub(r"\1\1", t), "repeated_letters"))
            t = t2
        return out

    def _wildcard(self, tok: str) -> Term | None:
        """``f*ck``, ``n***er``: symbols standing for letters."""
        if "*" not in tok or not tok.strip("*"):
            return None
        pat = re.compile("^" + re.escape(tok).replace(r"\*", "[a-z]") + "$")
        for t in self.lexicon.by_first.get(tok[0], []):
            if len(t.text) == len(tok) and pat.match(t.text):
                return t
        return None

    def _fuzzy(self, word: str, name: bool = False) -> tuple[Term, str] | None:
        """A lexicon term ``word`` misspells: by sound (phonetic key), by one edit, as a blend or a compound.

        With ``self.names``, not by sound: a longer word that ``word`` only begins ("hide" is not "hideous": a truncation is not a
        disguise) and, when ``name`` (written capitalised, "Hamas", "Sikhs"), a slur, insult or hostile word: a
        name that merely sounds like one is a name; a capitalised sound-alike of a group's name ("Jooz") is still
        read."""
        lex = self.lexicon
        if len(word) == 3 and self.spelling and word.isalpha():  # not a capitalised name ("Jes")
            short = None if name else self._short_slip(word)
            return (short, "misspelling") if short is not None else None
        if len(word) < 4 or not word.isalpha() or word in lex.known_words:
            return None
        if self.spelling and self.freq is not None and word in self.common and word not in self.freq:
            return None  # a common word the frequency table does not list is near no term (its build checked)
        if self.spelling and self._derived_word(word):
            return None  # "fairly" is the adverb of "fair", not a slip of 'fairy' (session 27)
        base = word.removesuffix("'s")
        cands = lex.phonetic.get(phonetic_key(base), [])
        if self.names:
            cands = [t for t in cands if not (len(t.text) >= len(base) + 2 and t.text.startswith(base))
                     and (not name or t.kind == "group_name")]
        if self.freq is not None:
            cands = [t for t in cands if not self._real(base, t)]
        if cands and self.spelling:  # a sound-alike must sound alike (session 25)
            cands = [] if self._unspellable(base) else [t for t in cands if self._vowels_match(base, t)]
        if cands:
            return _prefer(cands), "misspelling"
        if len(base) >= 4:
            for t in lex.by_first.get(base[0], []):
                if len(t.text) >= max(5, len(base)) and damerau1(base, t.text) and not self._real(base, t):
                    return t, "misspelling"
            for t in lex.by_first.get(base[0], []):
                if len(t.text) >= 4 and len(base) >= 5 and damerau1(base, t.text) and not self._real(base, t):
                    return t, "misspelling"
            if self.spelling:
                for t in self._by_second.get(base[0], []):  # the first letter dropped or swapped ("uslims")
                    if damerau1(base, t.text) and not self._real(base, t):
                        return t, "misspelling"
                # two letters of a four-letter term swapped ("jwes"; "ejws", "orma" for group names and slurs)
                for t in [*lex.by_first.get(base[0], []), *self._short_terms]:
                    if len(t.text) == len(base) == 4 and _swapped(base, t.text) and not self._real(base, t):
                        return t, "misspelling"
                for t in self._long_exact:
                    if len(base) >= 6 and abs(len(t.text) - len(base)) <= 1 and damerau1(base, t.text) \
                            and not self._real(base, t):
                        return t, "misspelling"
        stem = base.removesuffix("s")
        # blend of two public names: "vlad" + "olf" (vladimir + adolf)
        if len(stem) >= 7:
            for i in range(len(stem) - 3, 3, -1):
                pre, suf = lex.prefixes.get(stem[:i]), lex.suffixes.get(stem[i:])
                if pre is not None and suf is not None and pre.text != suf.text:
                    return Term(f"{pre.text}+{suf.text}", "entity"), "blend"
        # compound with a country ending: "<group word>land", "<group word>stan"
        m = re.match(r"^([a-z]{3,})(land|stan|istan|ia)$", stem)
        if m and m.group(1) in lex.countries:
            key = lex.countries[m.group(1)]
            countries = lex.groups[key].get("countries") or [key]
            return Term(countries[0], "group_name", key), "compound"
        return None

    @staticmethod
    def _vowels_match(word: str, term: Term) -> bool:
        """``word``, keyed like ``term`` by sound, has its vowels alike (``_vowels_alike``); when ``term`` names a
        group only its first vowel, if both begin with one ("wimmin", "jooz": the disguises of a group's name by
        sound; not "Issan" for 'asian')."""
        if term.kind == "group_name":  # its first sound kept, though: "Issan" is no 'asian' (session 26)
            return _first_vowel_alike(word, term.text)
        return _vowels_alike(word, term.text)

    def _unspellable(self, word: str) -> bool:
        """``word`` has ``_UNSPELLABLE`` letter triples no common English word has, its consonant spellings of one
        sound merged ("jeirrq"; not "jewz", "mozlems" or "jewsa")."""
        if self._spelled_triples is None:  # built on first use (0.2 s): most comments need no reading by sound
            self._spelled_triples = _letter_triples(self.common)
        triples = self._spelled_triples
        padded = f"^{_sound_spelling(word)}$"
        missing = sum(padded[i : i + 3] not in triples for i in range(len(padded) - 2))
        return bool(triples) and missing >= _UNSPELLABLE

    def _short_slip(self, word: str) -> Term | None:
        """A three-letter non-word that is a short term with two letters swapped ("ejw", "agy") or a four-letter
        term with a letter dropped ("ews", "jws"). Only strings no word list knows: "the", "gas", "ape" stay."""
        if word in self.common or (self.freq is not None and word in self.freq) or word in self.lexicon.known_words:
            return None
        for t in self._short_terms:
            if (len(t.text) == 3 and _swapped(word, t.text)) or (len(t.text) == 4 and damerau1(word, t.text)):
                return t
        return None

    def _split(self, word: str) -> Term | None:
        """A deleted space: "hatemuslims" -> "hate muslims", when one side is a group, slur or hostile word and the
        other an ordinary word or lexicon term."""
        lex = self.lexicon
        if len(word) < 7 or not word.isalpha() or word in lex.known_words:
            return None
        # with the context check (revision 3.5): a compound English writes as one word ("cheeseburger", "custard",
        # "homophones", "transaction") does not name a group or hold a slur because a part of it spells one; swear
        # words and hostile words keep their sense inside compounds more often ("bullshit", "lynching"), so those
        # splits stay, and so do compounds of two lexicon terms ("fucktards")
        real = self.context_floor is not None and self.freq is not None and self.freq.get(word, 0.0) >= _SPLIT_FLOOR
        for i in range(3, len(word) - 2):
            left, right = word[:i], word[i:]
            lt, rt = lex.terms.get(left), lex.terms.get(right)
            if lt is None and rt is None:
                continue
            key = lt or rt
            if key.kind not in ("group_name", "slur", "hostile", "insult", "profanity"):
                continue
            if real and (lt is None or rt is None) and key.kind in ("group_name", "slur"):
                continue
            if self.spelling and (right in _SUFFIXES or (rt is None and len(right) < 3)):
                continue  # an ending, not a word: "trashing", "dickish"
            if (lt is not None or left in lex.known_words) and (rt is not None or right in lex.known_words):
                return Term(f"{left} {right}", "split")
        return None

    def _segment(self, word: str) -> Term | None:
        """Run-together words ("ihatemuslims", "allmuslimsshoulddie"): the most probable split into common words and
        lexicon terms (Viterbi over Zipf frequencies, as wordninja does), kept when one part is a group name, slur,
        hostile word, insult or swear word."""
        # four letters: only "a" or "i" run onto a three-letter term ("ajew"; session 27)
        shortest = 4 if word[:1] in _ONE_LETTER_WORDS else 5
        if len(word) < shortest or not word.isalpha() or self._zipf(word) >= _SPLIT_FLOOR:
            return None  # a word wordfreq knows is a word ("homophones")
        parts = self._viterbi(word)
        if parts is None:
            return None
        kinds = ("group_name", "slur", "hostile", "insult", "profanity")
        terms = [p for p in parts if (t := self.lexicon.terms.get(p) or self.plural(p)) is not None and t.kind in kinds]
        if len(parts) < 2 or not terms:
            return None
        # a term of three letters inside an unknown word is often chance ("nig gah", "roma now ski"): the other
        # parts must then be very common words ("a jew", "kill the fags")
        if min(len(t) for t in terms) <= 3 and any(
                p not in terms and p not in ("a", "i") and self.common.get(p, 0.0) < _VERY_COMMON for p in parts):
            return None
        if len(word) == 4 and parts[0] not in _ONE_LETTER_WORDS:
            return None
        # the rest falls apart into short rare pieces: a coinage, not words run together ("STUPIDnomics" is no
        # "stupid nom ics"; session 27)
        if any(self._short_rare(a, terms) and self._short_rare(b, terms) for a, b in itertools.pairwise(parts)):
            return None
        return Term(" ".join(parts), "split")

    def _short_rare(self, part: str, terms: list[str]) -> bool:
        """A part of a segmentation that is no term, has three letters or fewer and is not a very common word."""
        return part not in terms and len(part) <= 3 and self.common.get(part, 0.0) < _VERY_COMMON

    def _viterbi(self, word: str) -> list[str] | None:
        """The most probable split of ``word`` into two or more common words and lexicon terms (Viterbi over Zipf
        frequencies, as wordninja does), or None."""
        n = len(word)
        best: list[float] = [0.0] + [float("inf")] * n
        back = [0] * (n + 1)
        for j in range(1, n + 1):
            for i in range(max(0, j - _SEGMENT_MAX), j):
                cost = self._segment_cost(word[i:j])
                if cost is not None and best[i] + cost < best[j]:
                    best[j], back[j] = best[i] + cost, i
        if best[n] == float("inf"):
            return None
        parts: list[str] = []
        j = n
        while j > 0:
            parts.append(word[back[j] : j])
            j = back[j]
        parts.reverse()
        return parts if len(parts) >= 2 else None

    def _segment_cost(self, part: str) -> float | None:
        """Cost of one word of a segmentation: one per word plus its rarity (9 - Zipf); None for a part that is not a
        term of three or more letters, a common word (Zipf >= 3), or, when it has one or two letters, "a", "i" or a
        very common function word ("no", "is"): rare short parts are mostly noise ("bitch i er", "ho spices",
        "de buggers")."""
        term = self.lexicon.terms.get(part) or (self.plural(part) if len(part) >= 4 else None)
        z = self.common.get(part, 0.0)
        if term is not None and len(part) >= 3:
            return 1.0 + (9.0 - max(z, 3.5))
        short_noise = (len(part) == 1 and part not in ("a", "i")) or (len(part) == 2 and z < _TWO_LETTER)
        if short_noise or z < _COMMON:
            return None
        return 1.0 + (9.0 - z)

    def lookup(self, word: str) -> Term | None:
        return self.lexicon.terms.get(word)

    def split_clitic(self, word: str) -> tuple[str, str] | None:
        """(word, clitic) for an English clitic after a word of letters ("women's" -> ("women", "s"), "doesn't" ->
        ("doesn", "t")) when this decoder reads clitics as spelling; otherwise None."""
        if not self.clitics or (cl := _CLITIC.match(word)) is None:
            return None
        return cl.group(1), cl.group(2)

    def plural(self, word: str) -> Term | None:
        """The lexicon term a regular English plural inflects ("queers", "bitches"), if any."""
        if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
            return None
        for stem in (word[:-1], word[:-2] if word.endswith("es") and word[:-2].endswith(_ES_STEMS) else None):
            if stem and (t := self.lexicon.terms.get(stem)) is not None:
                return t
        return None

    # -- main entry -----------------------------------------------------------------------------------------
    def decode(self, text: str, *, fuzzy: bool = True) -> tuple[list[Decoded], list[tuple[int, int, Term]]]:
        """Return (disguised words decoded, plain lexicon hits as (start, end, term)) for ``text``.

        ``fuzzy=False`` keeps only the script-level decodings (homoglyphs, leetspeak, inserted symbols or spaces,
        repeated letters, ``*`` wildcards) and skips those that rest on English spelling and vocabulary (phonetic
        and one-edit misspellings, deleted spaces, blends, compounds, words broken by a space): for comments in
        other languages, where ordinary words sound like English slurs ("ceci" -> "kike", "famille" -> "female").
        """
        decoded: list[Decoded] = []
        hits: list[tuple[int, int, Term]] = []
        pending: list[Decoded] = []  # common real words read as a term: kept only in a hostile sentence
        low = text.lower()
        taken: list[tuple[int, int]] = []
        # 0. a group's name or slur spread over fragments and letters: "r e fu g e e s", "mus l i m s" (session 26)
        if fuzzy and self.spelling and (near := [m.start() for m in _TWO_LETTERS_NEAR.finditer(low)]):
            self._spread_fragments(text, low, near, decoded, taken)
        # 1. spaced-out letters: "k i l l", "j.e.w.s"
        for m in _SPACED.finditer(low):
            if taken and any(a < m.end(1) and m.start(1) < b for a, b in taken):
                continue  # read whole in step 0
            joined = re.sub(r"[ .\-_*]", "", m.group(1))
            cand = joined
            for rw, _ in self._rewrites(joined):
                cand = rw
            term = self.lookup(joined) or self.lookup(cand)
            if term is not None:
                decoded.append(Decoded(text[m.start(1) : m.end(1)], m.start(1), m.end(1), term.text,
                                       "inserted_spaces", term))
                taken.append((m.start(1), m.end(1)))
            elif fuzzy and self.spelling and not self._fragment_and_letters(text, low, m, joined, decoded, taken):
                self._spaced_word(text, m, decoded, pending, taken)
        tokens = []
        for m in _TOKEN.finditer(low):
            s, e = m.start(), m.end()
            tok = m.group()
            # strip edge punctuation but keep leet symbols that sit inside letters
            while tok and tok[-1] in _EDGE_PUNCT:
                tok, e = tok[:-1], e - 1
            while tok and tok[0] in _EDGE_PUNCT and tok[0] not in "@$":
                tok, s = tok[1:], s + 1
            if tok and not (taken and any(a <= s < b for a, b in taken)):
                tokens.append((s, e, tok))
        # 2. a word broken by inserted spaces: "mus lims", "ha te"
        if fuzzy and self.spelling:
            tokens = self._join_fragments(text, tokens, decoded, pending)
            tokens = self._join_dropped_phrases(text, tokens, decoded)  # "blck people"
            tokens = self._join_word_fragments(text, tokens, pending)  # "d isgust", "ro unded"
            tokens = self._join_glued_phrases(text, tokens, decoded)  # "ofblack people", "black peopleare"
        # 3. tokens, and the words of a token joined by hyphens, dots or ellipses
        sentence_starts = _sentence_starts(text)
        for s, e, tok in tokens:
            for ps, pe, piece in self._pieces(s, tok):
                self._read_token(text, ps, pe, piece, fuzzy and len(piece) <= _MAX_FUZZY_LETTERS, sentence_starts,
                                 decoded, hits, pending)
        repairs = [p for p in pending if p.term.kind == _REPAIR]
        if repairs:
            pending = [p for p in pending if p.term.kind != _REPAIR]
        kept = [p for p in pending if self._hostile_near(text, p, decoded, hits) or self._before_group_noun(low, p)]
        if kept:
            decoded = sorted(decoded + kept, key=lambda d: d.start)
        hits = self._everyday_slurs_in_context(text, low, decoded, hits)
        if repairs:
            repairs = [r for r in repairs if not any(d.start < r.end and r.start < d.end for d in decoded)
                       and self._names_group(low, r, decoded, hits)]
            decoded = sorted(decoded + repairs, key=lambda d: d.start)
        return decoded, hits

    def _pieces(self, s: int, tok: str) -> list[tuple[int, int, str]]:
        """(start, end, piece) of the words in a token: split at an ellipsis or double hyphen ("him...you") when
        the sides are two or more characters, and at a hyphen, dot or slash when every part is a word of its own
        ("israel-u.s", "how-to", "non-violent"; not "mus-lims" or "f.a.g")."""
        if not self.spelling or ("-" not in tok and "." not in tok and "/" not in tok):
            return [(s, s + len(tok), tok)]
        out: list[tuple[int, int, str]] = []
        pos = 0
        for chunk in _ELLIPSIS.split(tok):
            at = tok.index(chunk, pos) if chunk else pos
            pos = at + len(chunk)
            out.extend(self._joined_words(s + at, chunk))
        pieces = [p for p in out if p[2]]
        if len(pieces) > 1 and any(len(p[2]) < 2 and p[2] not in ("a", "i") and not p[2].isdigit() for p in pieces):
            return [(s, s + len(tok), tok)]
        return pieces

    def _joined_words(self, s: int, chunk: str) -> list[tuple[int, int, str]]:
        parts = _JOINER.split(chunk)
        if len(parts) > 1 and all(parts) and _ABBREVIATION.fullmatch(chunk) is None:
            if all(self._is_word(p) for p in parts):
                out, pos = [], 0
                for p in parts:
                    at = chunk.index(p, pos)
                    out.append((s + at, s + at + len(p), p))
                    pos = at + len(p)
                return out
            # "israel-u.s": words around an abbreviation
            head, _, tail = chunk.partition("-")
            if tail and self._is_word(head) and (self._is_word(tail) or _ABBREVIATION.fullmatch(tail)):
                return [(s, s + len(head), head), (s + len(head) + 1, s + len(chunk), tail)]
        return [(s, s + len(chunk), chunk)]

    def _join_fragments(self, text: str, tokens: list[tuple[int, int, str]], decoded: list[Decoded],
                        pending: list[Decoded]) -> list[tuple[int, int, str]]:
        """Join two or three neighbouring fragments separated by one space when together they spell a lexicon term
        that neither is ("mus lims", "f ag", "kil l"). Two common words side by side ("wo men", "go ok") are read
        as one only in a hostile sentence; a phrase that is a term as written ("black people") stays."""
        words = [t for _, _, t in tokens]
        letters = [w.isalpha() for w in words]
        begins = [w in self._spelled_starts for w in words]
        ends = [w in self._spelled_ends for w in words]

        def join(i: int, size: int) -> int:
            last = i + size - 1
            if not (begins[i] and ends[last]) and all(letters[i : last + 1]):
                return False  # words of letters that spell no term: most neighbouring words
            group = tokens[i : i + size]
            frags = [t for _, _, t in group]
            joined_text = "".join(frags)
            term = self._join_term(joined_text)
            if term is None or any(not f.replace("$", "s").replace("@", "a").isalnum() or f.isdigit() for f in frags):
                return False
            if self.lookup(" ".join(frags)) or (any(self.lookup(f) or self.plural(f) for f in frags)
                                                and all(self.lookup(f) or self._common_word(f) for f in frags)):
                return False  # words read as written ("black people", "kill all"); "jew s" and "sikh s" are joined
            if not _english_spelling(joined_text, joined_text, self._rewrites(joined_text)):
                return False  # "as 5 rounds", "georgia's 748 bridges": numbers, not leetspeak
            s, e = group[0][0], group[-1][1]
            used = size
            # a plural's "s" spelled apart after the fragments is the term's ending ("mu s lim s"; session 27)
            nxt = i + size
            if nxt < len(tokens) and words[nxt] == "s" and text[e : tokens[nxt][0]] == " " \
                    and (plural := self.lookup(term.text + "s")) is not None and plural.kind == term.kind:
                term, e, used = plural, tokens[nxt][1], size + 1
            d = Decoded(text[s:e], s, e, term.text, "inserted_spaces", term)
            (pending if all(self._common_word(f) for f in frags) else decoded).append(d)
            return used

        return _joined_runs(text, tokens, join)

    def _dropped_phrase_variants(self) -> dict[tuple[str, str], Term]:
        """(first, second) word of a two-word group name with one letter dropped from a word that names the group,
        or (since 3.15) two of its letters swapped, leaving no word ("blck people", "balck people", "asylum sekers";
        not "back people"), with the group name. A word for people ("people", "men") is not what a disguise hides:
        "black peple" is a typo."""
        out: dict[tuple[str, str], Term] = {}
        for t in self.lexicon.terms.values():
            words = t.text.split(" ")
            if t.kind != "group_name" or len(words) != 2 or not all(w.isalpha() for w in words):
                continue
            for side, word in enumerate(words):
                if side == 1 and word in self.lexicon.group_nouns:
                    continue
                variants = [word[:i] + word[i + 1 :] for i in range(len(word))]
                if word not in self.lexicon.terms:  # a term alone is read swapped by itself ("orma" is "roma")
                    variants += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)
                                 if word[i] != word[i + 1]]
                for variant in variants:
                    if len(variant) >= 2 and not self._any_word(variant):
                        out.setdefault((variant, words[1]) if side == 0 else (words[0], variant), t)
        return out

    def _any_word(self, word: str) -> bool:
        """``word`` is in one of the decoder's word lists (common words, frequencies, known words, terms)."""
        return (word in self.common or (self.freq is not None and word in self.freq)
                or word in self.lexicon.known_words or word in self.lexicon.terms)

    def _join_dropped_phrases(self, text: str, tokens: list[tuple[int, int, str]],
                              decoded: list[Decoded]) -> list[tuple[int, int, str]]:
        """Read two neighbouring words as the two-word group name they spell with one letter dropped ("blck
        people" -> "black people")."""
        def dropped(s: int, e: int, first: str, second: str) -> Decoded | None:
            term = self._dropped_phrases.get((first, second))
            return None if term is None else Decoded(text[s:e], s, e, term.text, "misspelling", term)

        return _join_pairs(text, tokens, decoded, dropped, self._dropped_firsts)

    def _spelled_affixes(self) -> tuple[frozenset[str], frozenset[str]]:
        """(starts, ends) of the words of letters ``_spelled_term`` reads as a term: a term as written or with "s" or
        "es" (``plural``). Joined words of letters spell a term only if the first is one of the starts and the last
        one of the ends."""
        forms = [f for t in self.lexicon.terms for f in (t, t + "s", t + "es")]
        return (frozenset(f[:i] for f in forms for i in range(1, len(f) + 1)),
                frozenset(f[i:] for f in forms for i in range(len(f))))

    def _join_term(self, joined: str) -> Term | None:
        """The term joined fragments spell (three or more characters), as written, as a plural or, when they hold
        leetspeak or symbols, after the script-level rewrites (memoised: every pair of neighbouring words is tried)."""
        if joined in self._join_terms:
            return self._join_terms[joined]
        if len(self._join_terms) >= _TOKEN_MEMO_SIZE:
            self._join_terms.clear()
        term = self._join_terms[joined] = self._spelled_term(joined)
        return term

    def _spelled_term(self, joined: str) -> Term | None:
        if len(joined) < 3:
            return None
        if joined.isalpha():
            term = self.lexicon.terms.get(joined)
            return term if term is not None or joined[-1] != "s" else self.plural(joined)
        if not all(ch.isalpha() or ch in LEET for ch in joined):
            return None
        return self._exact(joined)[0]

    def _exact(self, word: str) -> tuple[Term | None, str]:
        """The term ``word`` spells exactly, as written, as a plural or after the script-level rewrites."""
        t = self.lookup(word) or self.plural(word)
        if t is not None:
            return t, "plain"
        return self._rewritten_term(self._rewrites(word)) or (None, "")

    def _rewritten_term(self, rws: list[tuple[str, str]]) -> tuple[Term, str] | None:
        """The first term a script-level rewrite spells, as written or as a plural, with the rewrite's kind."""
        for rw, kind in rws:
            t = self.lookup(rw) or self.lookup(rw.rstrip("s") if len(rw) > 4 else rw)
            if t is not None:
                return t, kind
        return None

    def _read_token(self, text: str, s: int, e: int, tok: str, fuzzy: bool, sentence_starts: frozenset[int],
                    decoded: list[Decoded], hits: list[tuple[int, int, Term]], pending: list[Decoded]) -> None:
        """``_decode_token`` through a per-decoder memo: comments repeat their words, and a token's readings depend
        only on the token, its written form, ``fuzzy`` and, for a capitalised word, whether it opens a sentence
        (``_decode_token`` reads no other part of ``text``). Readings are stored with offsets from the token's start
        and replayed as new records."""
        raw = text[s:e]
        key = (tok, raw, fuzzy, raw[:1].isupper() and s in sentence_starts)
        readings = self._token_readings.get(key)
        if readings is _NO_READINGS:  # most tokens: an ordinary word
            return
        if readings is None:
            found: tuple[list[Decoded], list[tuple[int, int, Term]], list[Decoded]] = ([], [], [])
            self._decode_token(text, s, e, tok, fuzzy, *found)
            readings = (tuple((d.start - s, d.end - s, d.decoded, d.kind, d.term) for d in found[0]),
                        tuple((hs - s, he - s, term) for hs, he, term in found[1]),
                        tuple((d.start - s, d.end - s, d.decoded, d.kind, d.term) for d in found[2]))
            if readings == _NO_READINGS:
                readings = _NO_READINGS
            if len(self._token_readings) >= _TOKEN_MEMO_SIZE:
                self._token_readings.clear()
            self._token_readings[key] = readings
        for out, stored in ((decoded, readings[0]), (pending, readings[2])):
            out.extend(Decoded(text[s + ds:s + de], s + ds, s + de, word, kind, term)
                       for ds, de, word, kind, term in stored)
        hits.extend((s + hs, s + he, term) for hs, he, term in readings[1])

    def _decode_token(self, text: str, s: int, e: int, tok: str, fuzzy: bool, decoded: list[Decoded],
                      hits: list[tuple[int, int, Term]], pending: list[Decoded]) -> None:
        if not tok or tok.startswith(("http", "www.", "@user", "#")) or tok.isdigit():
            return
        if fuzzy and self.spelling and "'" in tok and self.clitics and (glued := self._glued_clitic(tok)) is not None:
            words, named = glued  # a repair; one that names a group or holds a hostile word is kept in any sentence
            (decoded if named else pending).append(Decoded(text[s:e], s, e, words, "run_together", Term(words, _REPAIR)))
            return
        if (cl := self.split_clitic(tok)) is not None:
            if cl[1] == "t":  # a negated auxiliary ("doesn't", "shouldn't"), maybe run together ("jewsshouldn't")
                if fuzzy and self.spelling and cl[0].endswith("n") and (seg := self._segment(cl[0][:-1])):
                    words = Term(f"{seg.text}n't", "split")
                    decoded.append(Decoded(text[s:e], s, e, words.text, "deleted_space", words))
                return
            tok, e = cl[0], s + len(cl[0])  # the word before the clitic is decoded on its own
        term = self.lookup(tok) or self.plural(tok)
        if term is not None:  # a plural is an inflection, not a disguise ("queers" is not a misspelling)
            hits.append((s, e, term))
            return
        rws = self._rewrites(tok)
        found = self._rewritten_term(rws)
        if found is None:
            t = self._wildcard(tok)
            if t is not None:
                found = (t, "inserted_symbols")
        if found is None and fuzzy:
            norm = rws[-1][0] if rws else tok
            if self.spelling and not _english_spelling(tok, norm, rws):
                return
            plain = all(k == "repeated_letters" for _, k in rws)  # no leetspeak, symbols or homoglyphs
            # a plain capitalised word ("Hamas", "Sikhs"; not "J00z" or "JOOZ") is read as a name
            name = not rws and _is_name(text[s:e])
            # a camel-cased handle ("LiuSar", "SeaUeg": spam ids, user and brand names) is read by sound as a name
            # is, not as a misspelt slur (review s24: three random ids were identity attacks)
            sound_as_name = name or (not rws and _is_handle(text[s:e]))
            sp = self._split(norm)
            fz = None
            if sp is not None and self.spelling:
                sp = self._segment(norm) or sp  # the most probable words: "jews have", not "jew shave"
                fz = self._fuzzy(norm, sound_as_name)  # one edit from a term beats a split: "pakisan" is not "paki san"
                if fz is not None and damerau1(norm, fz[0].text):
                    sp = None
            if sp is not None:
                self._add_split(text, s, e, norm, sp, plain, decoded, pending)
                return
            fz = fz or self._fuzzy(norm, sound_as_name)  # computed above when a split lost to it
            if fz is not None and self.spelling and self._article_glued(norm, fz[0]):
                fz = None  # "iwork" is "i work", not 'orcs' by sound (session 26)
            if fz is not None and self.spelling and self._verb_of_noun(norm, fz[0]):
                fz = None  # "crippled by debt" (session 27)
            if fz is not None and self.spelling and (glued_letter := self._letter_word_glued(norm, fz[0])) is not None:
                self._add_split(text, s, e, norm, glued_letter, plain, decoded, pending)
                return
            word = norm
            if fz is None and rws and rws[-1][1] == "repeated_letters":
                fz = self._fuzzy(rws[-1][0])
                word = rws[-1][0]
            symbols = any(k == "inserted_symbols" for _, k in rws)  # "jewishpenicillin.shtml" is not run-together words
            # a name inside a sentence ("Romanowski", "Jernigan") is not run-together words
            named = name and _sentence(text, s)[0] != s and not self._i_glued(norm)
            if named and fz is None and self.spelling and (glued := self._glued_name(norm)) is not None:
                words, certain = glued  # "Muslimsso" (session 22); "Jewson" only in a hostile sentence
                (decoded if certain else pending).append(Decoded(text[s:e], s, e, words.text, "deleted_space", words))
                return
            if fz is None and self.spelling and rws and plain and not named and (seg := self._segment(tok)) is not None:
                self._add_split(text, s, e, tok, seg, plain, decoded, pending)  # "killalllesbians": "all" + "lesbians"
                return
            if fz is None and self.spelling and not symbols and not named and (seg := self._segment(norm)) is not None:
                self._add_split(text, s, e, norm, seg, plain, decoded, pending)
                return
            acronym = sum(ch.isupper() for ch in text[s:e]) >= 2  # "AUMF", "USPTO", "MIDN", "EcoFriendly": not typos
            if fz is None and self.spelling and not symbols and not named and not acronym:
                script = any(k in ("leetspeak", "homoglyph") for _, k in rws)  # "d1sgust" is "disgust"
                words = norm if script and self.common.get(norm, 0.0) >= _COMMON else self._repair(norm)
                if words is not None:
                    kind = "misspelt_word" if " " not in words else "run_together"
                    pending.append(Decoded(text[s:e], s, e, words, kind if not rws else f"{rws[0][1]}+{kind}",
                                           Term(words, _REPAIR)))
                return
            if fz is not None:
                kind = fz[1] if not rws else f"{rws[0][1]}+{fz[1]}"
                base = word.removesuffix("'s")
                dropped = self._dropped.get(base) if fz[1] == "misspelling" else None
                if dropped is not None and dropped.group != fz[0].group:  # "asias" is "asians", not "usa"
                    fz = (dropped, fz[1])
                if fz[1] == "misspelling" and plain and (
                        self._needs_context(base, fz[0])
                        or (self.spelling and self._slip_of_common(base, fz[0], dropped))):
                    pending.append(Decoded(text[s:e], s, e, fz[0].text, kind, fz[0]))
                    return
                found = (fz[0], kind)
        if found is not None:
            term, kind = found
            decoded.append(Decoded(text[s:e], s, e, term.text, kind, term))

    # -- common words repaired in a comment that names a group (revision 3.15) ---------------------------------
    def _repair(self, word: str) -> str | None:
        """The common English word (or words) a non-word most likely stands for: the words it runs together
        ("theycontribute" -> "they contribute") or the most frequent common word one typing slip away ("disugst" ->
        "disgust", "kisd" -> "kids"). None for a word the tables know, a short one (under four letters) and one that
        is neither."""
        if len(word) < 4 or len(word) > _MAX_FUZZY_LETTERS or not word.isalpha() or not word.isascii():
            return None
        if self._any_word(word) or self._derived(word):
            return None
        parts = self._viterbi(word) if len(word) >= 5 else None  # "toget", "ridof" (session 21; was 6)
        if parts is not None and len(word) == 5 and min(self.common.get(p, 0.0) for p in parts) < _VERY_COMMON:
            parts = None  # five letters split only into very common words ("to get"; not "iftar" as "if tar")
        # words of some frequency, no letter alone inside ("dreidel" is not "dre i del"); a split holding a term is
        # ``_segment``'s to read
        if parts is not None and not self._plain_run(parts):
            parts = None
        best, best_z = None, 0.0
        for c in sorted(_edits1(word)):
            z = self.common.get(c, 0.0)
            # a typo keeps the first letter, or swaps it with the second ("ahte"): "hreat" is not "great"; a dropped
            # first letter is no swap ("ofour" is "of our", not "four"; "atall" not "tall"; session 22)
            if z >= _COMMON and z > best_z and (c[0] == word[0] or c == word[1::-1] + word[2:]):
                best, best_z = c, z
        t = self.lexicon.terms.get(best) if best is not None else None
        # a hostile word, insult or swear word is a word too ("ahte" -> "hate"); a group's name or a slur is the term
        # readings' to find, never a repair's, and so is a word for people ("trans peple" is a typo, not a group's
        # name: ``_dropped_phrase_variants``); then the word is left as written ("peple" is not "pope")
        if best is not None and ((t is not None and t.kind not in _REPAIRABLE) or best in self.lexicon.group_nouns):
            best, best_z = None, 0.0
        # the words a run-together holds when they are more probable than the nearest word (log-probabilities from
        # Zipf: "theycontribute" has no word one slip away; "toerate" is "tolerate", not "toe rate")
        if parts is not None and (best is None or sum(self.common[p] - 9.0 for p in parts) > best_z - 9.0):
            return " ".join(parts)
        return best

    def _plain_run(self, parts: list[str]) -> bool:
        """Run-together common words a repair may read: no term and no letter alone inside ("dreidel" is not "dre i
        del"), every word of some frequency and one a function word ("theycontribute"); or, since session 26, two
        words, one a function word and the other common ("andcrooks", "cheatersand"), or both very common
        ("learnenglish", "equalrights")."""
        if any(p in self.lexicon.terms or (len(p) == 1 and i > 0) for i, p in enumerate(parts)):
            return False
        zs = [self.common.get(p, 0.0) for p in parts]
        if min(zs) >= _SOUND_ALIKE and max(zs) >= _FUNCTION_WORD:
            return True
        return len(parts) == 2 and min(zs) >= _COMMON and (max(zs) >= _FUNCTION_WORD or min(zs) >= _VERY_COMMON)

    def _derived(self, word: str) -> bool:
        """``word`` is a common word with a regular ending: "infesting" (infest), "bullied" (bully), "hopping"."""
        for suffix in _DERIVATIONS:
            stem = word[: -len(suffix)]
            if not word.endswith(suffix) or len(stem) < 3:
                continue
            stems = [stem, stem + "e"]
            if stem[-1] == stem[-2]:
                stems.append(stem[:-1])
            if stem.endswith("i"):
                stems.append(stem[:-1] + "y")
            if any(self.common.get(x, 0.0) >= _KNOWN for x in stems):
                return True
        return False

    def _fragment_and_letters(self, text: str, low: str, m: re.Match[str], letters: str, decoded: list[Decoded],
                              taken: list[tuple[int, int]]) -> bool:
        """Letters spelled apart that finish or begin a fragment one space away ("ukra i n i a n s", "ukr@i n i a n
        s", "m u s lims"): the whole is a group's name or a slur the fragment alone is not (session 25: a spaced
        group name split into a fragment and letters was read as neither)."""
        sides = []  # (fragment, fragment and letters joined, start, end)
        if (frag := _FRAGMENT_BEFORE.search(low, 0, m.start(1))) is not None:
            sides.append((frag.group(1), frag.group(1) + letters, frag.start(1), m.end(1)))
        if (frag := _FRAGMENT_AFTER.match(low, m.end(1))) is not None:
            sides.append((frag.group(1), letters + frag.group(1), m.start(1), frag.end(1)))
        for word, joined, s, e in sides:
            term = self._join_term(joined)
            if term is None or term.kind not in _SPACED_JOIN_KINDS or self.lookup(word) or self.plural(word) \
                    or self._common_word(word.replace("@", "a").replace("$", "s")):
                continue
            decoded.append(Decoded(text[s:e], s, e, term.text, "inserted_spaces", term))
            taken.append((s, e))
            return True
        return False

    def _spread_fragments(self, text: str, low: str, near: list[int], decoded: list[Decoded],
                          taken: list[tuple[int, int]]) -> None:
        """A group's name or a slur written as three or more pieces one space apart, two or more of them single
        letters and one longer ("r e fu g e e s", "mus l i m s", "w o men"): the pieces joined. Two letters spelled
        apart next to a fragment are no English, so a fragment that is a common word ("mus", "men") does not stop the
        reading; a piece that is itself a term does, and so does a standalone "a" or "i" the rest reads without.
        ``near``: where two single letters stand one space apart; runs are tried only from a few pieces before."""
        lo, hi = max(0, near[0] - 3 * _SPREAD_MAX), near[-1] + 9 * _SPREAD_MAX
        hi = len(low) if (gap := _SPACE.search(low, hi)) is None else gap.start()  # no word cut at the end
        pieces = [(m.start(), m.end(), m.group()) for m in _PIECE.finditer(low, lo, hi)]
        i = 0
        while i < len(pieces):
            start = pieces[i][0]
            close = any(-2 <= n - start <= 3 * _SPREAD_MAX for n in near)  # two letters within the run's reach
            # a run holds two single letters, so one of its first three pieces is one
            found = self._spread_term(pieces, i) if close and any(len(p[2]) == 1 for p in pieces[i : i + 3]) else None
            if found is None:
                i += 1
                continue
            j, term = found
            s, e = pieces[i][0], pieces[j - 1][1]
            decoded.append(Decoded(text[s:e], s, e, term.text, "inserted_spaces", term))
            taken.append((s, e))
            i = j

    def _spread_term(self, pieces: list[tuple[int, int, str]], i: int) -> tuple[int, Term] | None:
        """(end index, term) of the longest run of pieces from ``i`` that spells a group's name or slur (see
        ``_spread_fragments``), or None."""
        best = None
        letters = 0
        for j in range(i, min(len(pieces), i + _SPREAD_MAX)):
            if j > i and pieces[j][0] != pieces[j - 1][1] + 1:
                break  # one space apart only
            letters += len(pieces[j][2]) == 1
            run = [p for _, _, p in pieces[i : j + 1]]
            if len(run) < 3 or letters < 2 or letters == len(run):
                continue  # letters alone are step 1's ("m u s l i m s")
            term = self._join_term("".join(run))
            # one word only: a two-word group name spaced out is the phrase repairs' ("black p e o p l e"); and no
            # piece a word of its own that names a group or is a slur ("the jews a r e")
            if term is not None and term.kind in _SPACED_JOIN_KINDS and not term.country and " " not in term.text \
                    and not any(len(p) > 1 and (self._term_word(p) or self._exact(p)[0] is not None) for p in run):
                best = (j + 1, term)
        if best is not None and pieces[i][2] in ("a", "i") and self._spread_term(pieces, i + 1) is not None:
            return None  # an article or "I" before the name spread out: the rest is read from the next piece
        return best

    def _spaced_word(self, text: str, m: re.Match[str], decoded: list[Decoded], pending: list[Decoded],
                     taken: list[tuple[int, int]]) -> None:
        """Letters spelled apart that spell no term as a whole: without a leading or trailing "i" or "a" a hostile
        word, insult or swear word ("i h a t e", "a s c u m"), else a common word of four or more letters ("d i s g u
        s t"), a repair."""
        letters = [(i + m.start(1), ch) for i, ch in enumerate(m.group(1)) if ch not in " .-_*"]
        clitic = m.start(1) > 0 and text[m.start(1) - 1] in "'’"  # "can't s t a n d": the "t" is the clitic's (s21)
        for a, b in ((0, len(letters)), (1, len(letters)), (0, len(letters) - 1), (1, len(letters) - 1)):
            if (a, b) != (0, len(letters)) and not ((a == 0 or letters[0][1] in "ai" or clitic)
                                                     and (b == len(letters) or letters[-1][1] in "ai")):
                continue
            part = letters[a:b]
            word = "".join(ch for _, ch in part)
            if len(word) < 3:
                continue
            s, e = part[0][0], part[-1][0] + 1
            term = self.lookup(word) or self.plural(word)
            # a group's name after an article is the article and the name ("a m u s l i m"): reading it would make a
            # disguise of every such mention, so only hostile words, insults and swear words are read so
            if term is not None and (a, b) != (0, len(letters)) and term.kind in _REPAIRABLE:
                decoded.append(Decoded(text[s:e], s, e, term.text, "inserted_spaces", term))
                taken.append((m.start(1), m.end(1)))
                return
            # (not after an article, as above: "a b l a c k person")
            nxt = _NEXT_WORD.match(text.lower(), e) if term is None and (a, b) == (0, len(letters)) else None
            phrase = self.lookup(f"{word} {nxt.group(1)}") if nxt is not None else None
            if phrase is not None and phrase.kind == "group_name":  # "b l a c k people" as "bl ack people" is
                decoded.append(Decoded(text[s : nxt.end(1)], s, nxt.end(1), phrase.text, "inserted_spaces", phrase))
                taken.append((m.start(1), nxt.end(1)))
                return
            before = re.search(r"([a-z]+) $", text[max(0, s - 30) : s].lower()) if term is None else None
            people = self.lookup(f"{before.group(1)} {word}") if before is not None else None
            if people is not None and people.kind == "group_name" and (a, b) == (0, len(letters)):
                ps = s - len(before.group(1)) - 1  # "black p e o p l e" is "black people": a repair naming the group
                decoded.append(Decoded(text[ps:e], ps, e, people.text, "spaced_word", Term(people.text, _REPAIR)))
                taken.append((ps, m.end(1)))
                return
            if term is None and (len(word) >= 4 or (a, b) == (0, len(letters))) \
                    and self.common.get(word, 0.0) >= (_COMMON if len(word) >= 4 else _SHORT_REPAIR):
                pending.append(Decoded(text[s:e], s, e, word, "spaced_word", Term(word, _REPAIR)))
                taken.append((m.start(1), m.end(1)))
                return

    def _join_word_fragments(self, text: str, tokens: list[tuple[int, int, str]],
                             pending: list[Decoded]) -> list[tuple[int, int, str]]:
        """Two or three neighbouring fragments one space apart that join into a common word of four or more letters
        when one of them is no word at all ("d isgust", "ro unded", "contri bute"): a repair."""
        # fragments that are no word (most tokens are words: then nothing is joined, and nothing more is looked up)
        broken = [self._broken_fragment(t) for _, _, t in tokens]
        if not any(broken):
            return tokens

        def join(i: int, size: int) -> bool:
            if not any(broken[i : i + size]):
                return False  # words as written ("any one", "a part")
            frags = [t for _, _, t in tokens[i : i + size]]
            word = "".join(frags)
            clitic = _CLITIC.match(word) if "'" in word else None  # "c an't", "ca n't": "can't"
            letters = clitic.group(1) if clitic is not None else word
            least = _COMMON if len(letters) >= 4 else _SHORT_REPAIR  # "ge t", "al l", "b ut" (session 21)
            if len(letters) < 4 and size > 2:
                return False  # three letters apart ("h e r") are spelled out: ``_spaced_word`` reads the whole run
            if self._letter_belongs_next(tokens, i + size - 1, text):
                return False  # "see m akes": the "m" begins "makes"
            if size == 2 and self._letter_goes_right(tokens, i + 1, text):
                return False  # "the e mail" is "the email", not "thee mail" (session 22)
            if not letters.isalpha() or len(letters) < 3 or self.common.get(letters, 0.0) < least \
                    or letters in self.lexicon.terms or (clitic is None and not word.isalpha()):
                return False
            s, e = tokens[i][0], tokens[i + size - 1][1]
            pending.append(Decoded(text[s:e], s, e, word, "broken_word", Term(word, _REPAIR)))
            return True

        return _joined_runs(text, tokens, join)

    def _broken_fragment(self, tok: str) -> bool:
        """A fragment that is no word: letters no word list knows, or (session 21) a single letter other than "a" and
        "i" ("ge t", "stan d"), or a clitic cut from its word ("ca n't")."""
        if tok.isalpha():
            if len(tok) <= 2:  # "ge t", "st and", "thr ow", "a ll": no word alone ("a", "is", "no" are)
                return not self._common_word(tok)
            return tok not in self.common and not self._any_word(tok)
        clitic = _CLITIC.match(tok)
        if clitic is not None:
            return self._broken_fragment(clitic.group(1))
        return tok == "n't"

    def _letter_belongs_next(self, tokens: list[tuple[int, int, str]], k: int, text: str) -> bool:
        """Token ``k`` is a single letter that makes a common word with the token one space after it, which is no
        word by itself ("see m akes"; in "thro w all" the "w" ends "throw")."""
        if k < 0 or k + 1 >= len(tokens) or len(tokens[k][2]) != 1 or text[tokens[k][1] : tokens[k + 1][0]] != " ":
            return False
        nxt = tokens[k + 1][2]
        return self.common.get(tokens[k][2] + nxt, 0.0) >= _COMMON and self._broken_fragment(nxt)

    def _letter_goes_right(self, tokens: list[tuple[int, int, str]], k: int, text: str) -> bool:
        """Token ``k`` is a single letter between two words that is likelier the first letter of the next word than
        the last of the one before: the words read that way are more frequent (Zipf sums: "the email" over "thee
        mail", "will sell" over "wills ell"; but "with all" over "wit hall", "them all" over "the mall")."""
        if k < 1 or k + 1 >= len(tokens) or len(tokens[k][2]) != 1 or text[tokens[k][1] : tokens[k + 1][0]] != " ":
            return False
        left, letter, right = tokens[k - 1][2], tokens[k][2], tokens[k + 1][2]
        z = self.common.get
        if z(letter + right, 0.0) < _COMMON:
            return False
        return z(left, 0.0) + z(letter + right, 0.0) > z(left + letter, 0.0) + z(right, 0.0)

    def _join_glued_phrases(self, text: str, tokens: list[tuple[int, int, str]],
                            decoded: list[Decoded]) -> list[tuple[int, int, str]]:
        """A two-word group name run onto a neighbouring word ("ofblack people", "black peopleare", session 21): the
        two tokens read as the words they hold, a deleted space like "hatemuslims"."""
        if all(t not in self._phrase_firsts and t not in self._phrase_seconds for _, _, t in tokens):
            return tokens  # no word of a two-word group name as written: most comments

        def glued(s: int, e: int, first: str, second: str) -> Decoded | None:
            # a repair that names a group itself: kept whatever the sentence holds
            words = self._glued_phrase(first, second)
            return None if words is None else Decoded(text[s:e], s, e, words, "run_together", Term(words, _REPAIR))

        return _join_pairs(text, tokens, decoded, glued)

    def _glued_phrase(self, first: str, second: str) -> str | None:
        """The words of two neighbouring tokens when a two-word group name is split across them with a word run
        onto one side ("of" + "black" | "people", "black" | "people" + "are"), or None."""
        if second in self._phrase_firsts and first not in self._phrase_seconds and first.isalpha():
            for head in self._phrase_firsts[second]:
                if first.endswith(head) and len(first) > len(head) and not self._any_word(first):
                    rest = self._plain_words(first[: -len(head)])
                    if rest is not None:
                        return f"{rest} {head} {second}"
        if first in self._phrase_seconds and second not in self._phrase_firsts and second.isalpha():
            for tail in self._phrase_seconds[first]:
                if second.startswith(tail) and len(second) > len(tail) and not self._any_word(second):
                    rest = self._plain_words(second[len(tail) :])
                    if rest is not None:
                        return f"{first} {tail} {rest}"
        return None

    def _article_glued(self, word: str, term: Term) -> bool:
        """``word`` is "i" or "a" run onto a very common word that is no term ("iwork", "athing"), and ``term``, no
        group's name ("asans" may still sound like 'asian'), begins with another letter ("ilegal" is 'illegals') and
        is more than one edit from it: the two words, not a reading by sound."""
        rest = word[1:]
        return (word[:1] in ("i", "a") and self.common.get(rest, 0.0) >= _VERY_COMMON and rest not in self.lexicon.terms
                and term.kind != "group_name" and term.text[:1] != word[:1] and not damerau1(word, term.text))

    def _derived_word(self, word: str) -> bool:
        """``word`` is a common word made from a common word by an ending that changes its word class ("fairly",
        "fairness", "careless"): written as it is meant, not a disguise of a term one edit away."""
        if self.common.get(word, 0.0) < _COMMON:
            return False
        return any(word.endswith(e) and self.common.get(word[: -len(e)], 0.0) >= _COMMON for e in _CLASS_ENDINGS)

    def _verb_of_noun(self, word: str, term: Term) -> bool:
        """``word`` is a common verb form of the noun ``term``, a group's name or a slur ("crippled", "crippling"):
        the verb as written ("crippled by debt"), not the noun disguised."""
        if term.kind not in ("group_name", "slur") or self.common.get(word, 0.0) < _COMMON:
            return False
        stems = (term.text, term.text[:-1]) if term.text.endswith("e") else (term.text,)
        return any(word == stem + e for stem in stems for e in _VERB_ENDINGS)

    @staticmethod
    def _letter_word_glued(word: str, term: Term) -> Term | None:
        """``word`` is ``term``, a group's name or a slur, with "a" or "i" run onto it ("hindusi" is "hindus i", not
        'hindus' with a letter too many; session 27): the two words."""
        if term.kind not in ("group_name", "slur"):
            return None
        for w in _ONE_LETTER_WORDS:
            if word == term.text + w:
                return Term(f"{term.text} {w}", "split")
            if word == w + term.text:
                return Term(f"{w} {term.text}", "split")
        return None

    def _i_glued(self, word: str) -> bool:
        """A capitalised "I" run onto a hostile word, insult or swear word ("Ihate", session 22): no name."""
        t = self.lookup(word[1:]) if word[:1] == "i" else None
        return t is not None and t.kind in _REPAIRABLE

    def _glued_name(self, word: str) -> tuple[Term, bool] | None:
        """A capitalised token inside a sentence that is a group's name or a slur (four or more letters) run onto a
        one- or two-letter function word ("Muslimsso", "Jewsto", "Womenis"; session 22): the two words, and whether the
        reading stands in any sentence. Longer words are ``_split``'s ("Muslimsare"). A function word that often ends a
        name or brand ("Jewson", "Christianson", "Mexicana") makes the reading one that needs a hostile sentence."""
        if len(word) > _MAX_FUZZY_LETTERS or not word.isalpha() or self._any_word(word):
            return None
        for cut in (len(word) - 2, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            t = self.lookup(head) or self.plural(head)
            if len(head) < 4 or t is None or t.kind not in ("group_name", "slur") or t.country:
                continue
            if self._common_word(tail) and self.common.get(tail, 0.0) >= _FUNCTION_WORD:
                return Term(f"{head} {tail}", "split"), tail not in _NAME_ENDINGS
        return None

    def _plain_words(self, letters: str) -> str | None:
        """``letters`` as one common word or as run-together common words (Viterbi), or None."""
        if self._common_word(letters):
            return letters
        parts = self._viterbi(letters) if len(letters) >= 3 else None
        return " ".join(parts) if parts is not None and all(self._common_word(p) for p in parts) else None

    def _glued_clitic(self, tok: str) -> tuple[str, bool] | None:
        """A word with a clitic run together with the words around it ("can'tstand", "reallycan't",
        "ireallycan'tstandwomen"; session 21): (the words, whether one of them is a group name, slur or hostile
        word), or None."""
        m = _GLUED_CLITIC.fullmatch(tok)
        if m is None or len(tok) > _MAX_FUZZY_LETTERS:
            return None
        head, clitic, tail = m.groups()
        if not tail and clitic != "t":
            return None  # "pakisan's": the word before the clitic is read on its own
        heads = self._clitic_head(head, clitic)
        tails = [] if not tail else [tail] if self._common_word(tail) or self._term_word(tail) else self._viterbi(tail)
        if heads is None or tails is None or (len(heads) == 1 and not tails):
            return None  # a clitic word as written ("can't", "women's")
        words = [*heads[:-1], f"{heads[-1]}'{clitic}", *tails]
        return " ".join(words), any(self._term_word(w) for w in [*heads, *tails])

    def _clitic_head(self, head: str, clitic: str) -> list[str] | None:
        """The words before a clitic, the last the one it is attached to ("reallycan" -> "really", "can";
        "jewsshouldn" -> "jews", "shouldn")."""
        negated = clitic == "t" and head.endswith("n") and len(head) > 2
        if self._common_word(head) or self._term_word(head) or (negated and self._common_word(head[:-1])):
            return [head]  # "can", "women", "aren" ("are" + "n't")
        if negated and (parts := self._viterbi(head[:-1])) is not None:
            return [*parts[:-1], parts[-1] + "n"]  # "americansaren": "americans", "aren" (not "a", "ren")
        return self._viterbi(head)  # "reallycan": "really", "can"

    def _term_word(self, word: str) -> bool:
        t = self.lexicon.terms.get(word) or self.plural(word)
        return t is not None and t.kind in _SPLIT_KINDS

    def _names_group(self, low: str, r: Decoded, decoded: list[Decoded], hits: list[tuple[int, int, Term]]) -> bool:
        """The sentence of ``r`` or the one before it names a group of people: a group name or slur written or
        decoded (a split of run-together words included: "jewsare"), or a group adjective before a word for people
        ("black people")."""
        def people(t: Term | None) -> bool:
            return t is not None and t.kind in ("group_name", "slur") and t.group is not None and not t.country

        lo, hi = _sentence(low, r.start)
        if lo > 0:
            lo = _sentence(low, lo - 1)[0]
        if any(people(t) for s, _, t in hits if lo <= s < hi) or any(people(d.term) for d in decoded if lo <= d.start < hi):
            return True
        if any(d.term.kind == "split" and lo <= d.start < hi
               and any(people(self.lookup(w) or self.plural(w)) for w in d.term.text.split()) for d in decoded):
            return True
        words = _PLAIN_WORD.findall(low[lo:hi])
        return any(people(self.lookup(f"{a} {b}")) for a, b in itertools.pairwise(words))

    def _add_split(self, text: str, s: int, e: int, norm: str, sp: Term, plain: bool, decoded: list[Decoded],
                   pending: list[Decoded]) -> None:
        if self.spelling and self._swap_of_common(norm):
            return  # a common word with two letters swapped, not a run-together ("pretendnig": "pretending")
        d = Decoded(text[s:e], s, e, sp.text, "deleted_space", sp)
        name = text[s:s + 1].isupper()
        # a common word split is read only in a hostile sentence ("assessing", "deadlines", "shotgun"), unless a
        # part is a swear word and the word is not a very common one: those keep their sense in compounds
        # ("batshit", "shitload")
        swear = self.common.get(norm, 0.0) < _SOUND_ALIKE and any(
            (t := self.lookup(w)) is not None and t.kind == "profanity" for w in sp.text.split())
        real = self.spelling and plain and not swear and (
            self.common.get(norm, 0.0) >= _KNOWN or self._misspelt(norm) or (name and self._slur_and_name_ending(sp)))
        (pending if real else decoded).append(d)

    def _slur_and_name_ending(self, sp: Term) -> bool:
        """A split into a slur and an ending names and brands often have ("Gookin", "Fagin", "Dykeman"; session 26):
        written capitalised, as likely a name as a disguise, so read only in a hostile sentence. Group names keep
        their reading ("Muslimsin" stays "muslims in"), and so do a plural ("Faggotsat": a name is no plural) and a slur
        in lower case ("gypsyin")."""
        words = sp.text.split()
        head = self.lookup(words[0]) if len(words) == 2 and not words[0].endswith("s") else None
        return head is not None and head.kind == "slur" and words[1] in _NAME_TAILS

    def _swap_of_common(self, word: str) -> bool:
        """``word`` is a frequent English word (Zipf >= 3.5) with two adjacent letters swapped."""
        return any(self.common.get(w, 0.0) >= _SOUND_ALIKE and w not in self.lexicon.terms
                   for w in (word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)))

    def _slip_of_common(self, word: str, term: Term, dropped: Term | None) -> bool:
        """``word`` misspells a common word rather than disguising ``term``. A group name or slur with one letter
        dropped ("wmen", "sihs", "chnk") is that term unless a common word one slip away is far more frequent."""
        if dropped is None:
            return self._misspelt(word, term.text)
        if word[0] != dropped.text[0]:  # the term's first letter dropped, so maybe a common word's ("hink": "think")
            floor = self._zipf(dropped.text) + _DROPPED_MARGIN
            if any(self.common.get(first + word, 0.0) > floor for first in "abcdefghijklmnopqrstuvwxyz"):
                return True
        return self._misspelt(word, dropped.text, margin=_DROPPED_MARGIN)

    def _misspelt(self, word: str, term: str | None = None, margin: float | None = None) -> bool:
        """``word`` most likely misspells a common English word rather than ``term`` (a noisy channel with Zipf
        priors; a typo keeps the first letter): a common word one slip away that is clearly more frequent (by the
        decoder's ``freq_margin``) than a term one edit away ("agian" -> "again", not "asian"); when the term only
        sounds like ``word``, a word one slip away that is frequent and more frequent than the term ("ilegal" ->
        "illegal", "lede" -> "led"; not "jooz" -> "joo", "phuck" -> "puck"); or, for five or more letters, a common
        word with two letters dropped ("assain" -> "assassin")."""
        if len(word) > _MAX_FUZZY_LETTERS:
            return False
        lex = self.lexicon
        near_term = term is not None and damerau1(word, term)
        term_z = self._zipf(term) if term is not None else 0.0
        floor = term_z + (self.freq_margin if margin is None else margin) if near_term else max(_SOUND_ALIKE, term_z)
        for c in _edits1(word):
            z = self.common.get(c, 0.0)
            if z >= _COMMON and z > floor and c[0] == word[0] and c != term and c not in lex.terms:
                return True
        if near_term or len(word) < 5:
            return False
        return any(c not in lex.terms and _subsequence(word, c) for c in self._common_shape(word[0], len(word) + 2))

    def _common_shape(self, first: str, length: int) -> list[str]:
        """Common words (Zipf >= 3) that begin with ``first`` and have ``length`` letters (built on first use)."""
        if not self._common_by_shape and self.common:
            for w, z in self.common.items():
                if z >= _COMMON:
                    self._common_by_shape.setdefault((w[0], len(w)), []).append(w)
        return self._common_by_shape.get((first, length), [])

    def _everyday_slurs_in_context(self, text: str, low: str, decoded: list[Decoded],
                                   hits: list[tuple[int, int, Term]]) -> list[tuple[int, int, Term]]:
        """``hits`` without the slurs that are also everyday words ("a fairy tale", "the Yankees' 7th", "a burger")
        unless their sentence is hostile or a word for people follows ("gypsy people")."""
        everyday = self.lexicon.everyday_slurs
        if not any(t.kind == "slur" and t.text in everyday for _, _, t in hits):
            return hits
        evidence = [h for h in hits if not (h[2].kind == "slur" and h[2].text in everyday)]
        out = []
        for s, e, t in hits:
            if t.kind == "slur" and t.text in everyday:
                p = Decoded(text[s:e], s, e, t.text, "plain", t)
                if not (self._hostile_near(text, p, decoded, evidence) or _word_after(low, e) in self.lexicon.group_nouns):
                    continue
            out.append((s, e, t))
        return out

    def _split_terms(self, split: Term) -> list[Term]:
        """The lexicon terms among the words of a run-together split ("pigs out": 'pigs')."""
        return [t for w in split.text.split() if (t := self.lookup(w) or self.plural(w)) is not None]

    def _before_group_noun(self, low: str, p: Decoded) -> bool:
        """A group's name written right before a word for people ("tras people", "asin community") or a plural verb
        ("tran are", session 14: a name takes a singular one) is that group."""
        if not self.spelling or p.term.kind != "group_name" or p.term.country:
            return False
        after = _word_after(low, p.end)
        # a capitalised word before a plural verb may be one of several names ("Nguyen and Tran are")
        plural = after in _PLURAL_VERBS and not p.span[:1].isupper()
        return after in self.lexicon.group_nouns or plural

    def _hostile_near(self, text: str, p: Decoded, decoded: list[Decoded], hits: list[tuple[int, int, Term]]) -> bool:
        """A common word read as a term stays a term only in a hostile comment: a lexicon slur, swear word, insult
        or hostile word written out, or a disguise that is not a common word ("jooz", "f*ck", "vladolf"). With the
        spelling rules the evidence must be in the same sentence, a hostile word (a verb or adjective: "hate",
        "removed") within three words, and a slur that is also a common English word ("burger") does not count."""
        kinds = ("slur", "profanity", "insult", "hostile")
        if not self.spelling:
            return (any(d.term.kind in (*kinds, "group_name", "entity") for d in decoded)
                    or any(t.kind in kinds for _, _, t in hits))
        lo, hi = _sentence(text, p.start)
        for d in decoded:
            if lo <= d.start < hi and d.term.kind in (*kinds, "group_name", "entity"):
                return True
        # the words of run-together words count as written ("yankee pigsout": "pigs"; session 26)
        split_words = [(d.start, d.end, t) for d in decoded if d.term.kind == "split" and lo <= d.start < hi
                       for t in self._split_terms(d.term)]
        for s, e, t in [*hits, *split_words]:
            if not lo <= s < hi or t.kind not in kinds:
                continue
            if t.kind == "slur" and self.common.get(t.text, 0.0) >= 4.0:
                continue
            if t.kind == "hostile" and len(text[min(e, p.end) : max(s, p.start)].split()) > _HOSTILE_REACH:
                continue
            return True
        return False


def _dropped_letter_variants(lexicon: Lexicon) -> dict[str, Term]:
    """Each one-letter deletion of a single-word group name or slur of four or more letters that is not itself a
    term ("wmen", "muslms", "sihs"), with the term it comes from."""
    by_variant: dict[str, list[Term]] = {}
    for t in lexicon.terms.values():
        if t.kind in ("group_name", "slur") and t.text.isalpha() and len(t.text) >= 4:
            for i in range(len(t.text)):
                variant = t.text[:i] + t.text[i + 1 :]
                if variant not in lexicon.terms:
                    by_variant.setdefault(variant, []).append(t)
    return {v: _prefer(ts) for v, ts in by_variant.items()}


def _regular_ending(stem: str, ending: str, common: Mapping[str, float]) -> bool:
    """``stem`` + ``ending`` is a regular inflection of ``stem``: "-es" only after a hissing sound or an "o", no "s"
    doubled onto a stem in "s", and an ending in "e" not where stem + "e" is a common word ("spiced" is "spice" + "d")."""
    if ending == "s" and stem.endswith("s"):
        return False
    if ending == "es" and not stem.endswith(_ES_STEMS):
        return False
    return not (ending[0] == "e" and stem + "e" in common)


def _english_spelling(tok: str, norm: str, rws: list[tuple[str, str]]) -> bool:
    """The token can be an English word misspelt: letters of the English alphabet once rewritten (an accented word
    is another language's: "había", "pasé"), and leetspeak only between letters -- an amount, a number with a unit
    or a handle is not leet ("$50k", "22sec", "73rd", "news4", "@sean")."""
    if not norm.isascii():
        return False
    if any(k == "leetspeak" for _, k in rws):
        letters = [i for i, ch in enumerate(tok) if ch.isalpha()]
        if not letters:
            return False
        first, last = letters[0], letters[-1]
        if any(ch in LEET and not ch.isalpha() and not first < i < last for i, ch in enumerate(tok)):
            return False
    return True


def _word_after(low: str, end: int) -> str | None:
    """The word right after ``end`` in lower-cased ``low`` (after white space), or None."""
    m = _NEXT_WORD.match(low, end)
    return m.group(1) if m is not None else None


_NEXT_WORD = re.compile(r"\s+([a-z']+)")


def _sentence_starts(text: str) -> frozenset[int]:
    """The offsets at which a sentence of ``text`` begins: ``_sentence(text, at)[0] == at`` exactly for these."""
    return frozenset([0, *(m.end() for m in _SENTENCE_END.finditer(text))])


def _sentence(text: str, at: int) -> tuple[int, int]:
    """[start, end) of the sentence of ``text`` that holds offset ``at``."""
    lo, hi = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= at:
            lo = m.end()
        elif m.start() >= at:
            hi = m.start()
            break
    return lo, hi


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# QWERTY neighbours: a typed substitution hits a key next to the right one ("ghey" is not a typo of "grey")
_NEIGHBOURS = {ch: "".join(rows[j] for rows in _KEYBOARD_ROWS[max(0, r - 1) : r + 2] for j in range(i - 1, i + 2)
                           if 0 <= j < len(rows) and rows[j] != ch)
               for r, row in enumerate(_KEYBOARD_ROWS) for i, ch in enumerate(row)}


def _edits1(word: str) -> set[str]:
    """Every string one typing slip from ``word``: a deletion, swap or insertion, or a substitution by a
    neighbouring key."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _NEIGHBOURS.get(b[0], "")}
    out |= {a + c + b for a, b in splits for c in letters}
    out.discard(word)
    return out


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _joined_runs(text: str, tokens: list[tuple[int, int, str]],
                 join: Callable[[int, int], bool | int]) -> list[tuple[int, int, str]]:
    """``tokens`` without the runs of two or three neighbours one space apart that ``join(first, size)`` reads as
    one word (it records the reading and says so, True or the number of tokens it took when more than ``size``);
    the first run that joins wins, shortest first."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        joined = 0
        for size in (2, 3):
            if i + size > len(tokens) or text[tokens[i + size - 2][1] : tokens[i + size - 1][0]] != " ":
                break
            if took := join(i, size):
                joined = size if took is True else int(took)
                break
        if joined:
            i += joined
        else:
            out.append(tokens[i])
            i += 1
    return out


def _swapped(a: str, b: str) -> bool:
    """``a`` is ``b`` with two adjacent letters swapped."""
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _is_name(raw: str) -> bool:
    """Written as a name: a capital letter, then only lower-case letters ("Hamas", "Sikhs")."""
    return len(raw) >= 2 and raw[0].isupper() and raw[1:].isalpha() and raw[1:].islower()


def _is_handle(raw: str) -> bool:
    """Written as a camel-cased handle: a capital letter, and a capital after a lower-case letter inside ("LiuSar",
    "McDonald"), not all capitals ("JOOZ") and letters only."""
    return (len(raw) >= 4 and raw.isalpha() and raw[0].isupper() and not raw.isupper()
            and any(a.islower() and b.isupper() for a, b in itertools.pairwise(raw)))


def _prefer(cands: list[Term]) -> Term:
    order = {"group_name": 0, "slur": 1, "entity": 2, "insult": 3, "profanity": 4, "hostile": 5}
    return min(cands, key=lambda t: (order.get(t.kind, 9), len(t.text)))


def _sound_spelling(word: str) -> str:
    """``word`` with the consonant spellings of one sound merged ("jewz" -> "jews", "acces" -> "akkes")."""
    for a, b in _SOUND_SPELLINGS:
        word = word.replace(a, b)
    return word


def _letter_triples(common: Mapping[str, float]) -> frozenset[str]:
    """Every run of three letters (a word's edges as "^" and "$") in the common words, sound spellings merged."""
    out: set[str] = set()
    for w in common:
        if w.isalpha():
            padded = f"^{_sound_spelling(w)}$"
            out.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(out)


def _first_vowel_alike(word: str, term: str) -> bool:
    """A word and a term that begin with a vowel begin with a like one (a shared letter or class); a word that
    begins with a consonant is left to the key."""
    a, b = word[:1], term[:1]
    if a in "aeiou" and b in "aeiou":
        return _VOWEL_CLASS[a] == _VOWEL_CLASS[b]
    return True


def _vowels_alike(word: str, term: str) -> bool:
    """Each vowel run of ``word`` sounds like the run of ``term`` at its place: they share a letter or a vowel class
    ("kyke" / "kike", "jeish" / "jewish"); not "o" / "ea" ("bonners" / "beaner"), "i" / "u" ("missey" / "muzzie").
    Words whose runs do not pair up are left to the key."""
    runs = [_VOWELS.findall(_sound_spelling(w)) for w in (word, term)]
    if len(runs[0]) != len(runs[1]):
        return True
    return all(set(a) & set(b) or {_VOWEL_CLASS[c] for c in a} & {_VOWEL_CLASS[c] for c in b}
               for a, b in zip(*runs, strict=True))
