"""Reading disguised words: leetspeak, inserted spaces or symbols, repeated letters, homoglyphs, misspellings.

The method, not a word list: every token is normalised by a few reversible-looking rewrites (homoglyph and
leetspeak maps, symbol removal, repeat collapsing) and then compared with the curated lexicon exactly, by a
phonetic key and by edit distance; blends of two public names ("vlad"+"olf") and compounds of a group word
with a country ending ("<slur>land") are recognised too. Fuzzy matching only applies to tokens that are not
ordinary words (``Lexicon.known_words``), so "news" is never read as "jews". With English word frequencies a
common real word is read as itself ("homes" is not "homos"), and since revision 3.5 a common word that could be
read as a term only in a comment that is hostile elsewhere ("cook", "fairly", "rewarded"), and an English compound
not as a group name or slur with a deleted space ("cheeseburger").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from storytrace.comments._lexicon import Lexicon, Term, phonetic_key

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
_INNER_SYMBOLS = re.compile(r"[.\-_*'`~^#\"]")
_EDGE_PUNCT = "!?.,;:'\"“”‘’*()[]{}<>…-–—~`"
# an English clitic after a word of letters ("women's", "they've", "we're", "i'm", "shouldn't"): spelling, not a
# disguise -- the apostrophe is not an inserted symbol and the clitic is not part of the word
_CLITIC = re.compile(r"^([^\W\d_]{2,})'(s|ve|re|ll|d|m|t)$")
_RUN3 = re.compile(r"(.)\1{2,}")
_RUN2 = re.compile(r"(.)\1+")
# with the context check (revision 3.5): a word of seven or more letters that wordfreq has seen at least this often
# (Zipf; ~0.03 per million words) is an English word, not a group name or slur with a deleted space ("cheeseburger"
# is not "cheese burger"); deleted-space disguises ("hatemuslims") are not in wordfreq's list
_SPLIT_FLOOR = 1.5
# regular English endings: a word and a term that differ by one are the same word ("criminal" / "criminals")
_INFLECTIONS = ("s", "es", "ed", "d", "er", "ers", "r", "rs", "ing", "est", "en")


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


class Decoder:
    """Finds and decodes disguised lexicon words in comment text."""

    def __init__(self, lexicon: Lexicon, *, clitics: bool = False, names: bool = False,
                 freq: Mapping[str, float] | None = None, freq_floor: float = 3.0, freq_margin: float = 0.5,
                 context_floor: float | None = None) -> None:
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

    def _needs_context(self, word: str, term: Term) -> bool:
        """``word`` is a common real word that only the comment's context can make a disguise of ``term``."""
        if self.freq is None or self.context_floor is None:
            return False
        if any(term.text == word + e or word == term.text + e for e in _INFLECTIONS):
            return False  # an inflection ("criminal" / "criminals") is the term itself, not a disguise
        return self.freq.get(word, 0.0) >= self.context_floor

    def _real(self, word: str, term: Term) -> bool:
        """``word`` is a frequent real word, not a disguise of the rarer ``term`` (only with ``self.freq``). Not when
        one begins the other: "criminal" is still read as the term "criminals", "beast" as "beasts"."""
        if self.freq is None or term.text.startswith(word) or word.startswith(term.text):
            return False
        z = self.freq.get(word, 0.0)
        return z >= self.freq_floor and z >= self.freq.get(term.text, 0.0) + self.freq_margin

    # -- candidate rewrites -------------------------------------------------------------------------------
    def _rewrites(self, tok: str) -> list[tuple[str, str]]:
        """(rewritten, kind) pairs, most conservative first."""
        out: list[tuple[str, str]] = []
        t = tok
        if any(ch in HOMOGLYPHS for ch in t) and any("a" <= ch <= "z" for ch in t):
            t2 = "".join(HOMOGLYPHS.get(ch, ch) for ch in t)
            out.append((t2, "homoglyph"))
            t = t2
        if any(ch in LEET for ch in t) and sum(ch.isalpha() for ch in t) >= 1:
            # digits at the very end ("user123") are rarely leet
            t2 = "".join(LEET.get(ch, ch) for ch in t)
            if t2 != t:
                out.append((t2, "leetspeak"))
                t = t2
        t2 = _INNER_SYMBOLS.sub("", t)
        if t2 != t and len(t2) >= 3:
            out.append((t2, "inserted_symbols"))
            t = t2
        t2 = _RUN3.sub(r"\1", t)
        if t2 != t:
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
        if len(word) < 4 or not word.isalpha() or word in lex.known_words:
            return None
        base = word.removesuffix("'s")
        cands = lex.phonetic.get(phonetic_key(base), [])
        if self.names:
            cands = [t for t in cands if not (len(t.text) >= len(base) + 2 and t.text.startswith(base))
                     and (not name or t.kind == "group_name")]
        if self.freq is not None:
            cands = [t for t in cands if not self._real(base, t)]
        if cands:
            return _prefer(cands), "misspelling"
        if len(base) >= 4:
            for t in lex.by_first.get(base[0], []):
                if len(t.text) >= max(5, len(base)) and damerau1(base, t.text) and not self._real(base, t):
                    return t, "misspelling"
            for t in lex.by_first.get(base[0], []):
                if len(t.text) >= 4 and len(base) >= 5 and damerau1(base, t.text) and not self._real(base, t):
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
            if (lt is not None or left in lex.known_words) and (rt is not None or right in lex.known_words):
                return Term(f"{left} {right}", "split")
        return None

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
        for stem in (word[:-1], word[:-2] if word.endswith("es") else None):
            if stem and (t := self.lexicon.terms.get(stem)) is not None:
                return t
        return None

    # -- main entry -----------------------------------------------------------------------------------------
    def decode(self, text: str, *, fuzzy: bool = True) -> tuple[list[Decoded], list[tuple[int, int, Term]]]:
        """Return (disguised words decoded, plain lexicon hits as (start, end, term)) for ``text``.

        ``fuzzy=False`` keeps only the script-level decodings (homoglyphs, leetspeak, inserted symbols or spaces,
        repeated letters, ``*`` wildcards) and skips those that rest on English spelling and vocabulary (phonetic
        and one-edit misspellings, deleted spaces, blends, compounds): for comments in other languages, where
        ordinary words sound like English slurs ("ceci" -> "kike", "famille" -> "female").
        """
        decoded: list[Decoded] = []
        hits: list[tuple[int, int, Term]] = []
        pending: list[Decoded] = []  # common real words read as a term: kept only in a hostile comment
        low = text.lower()
        taken: list[tuple[int, int]] = []
        # 1. spaced-out letters: "k i l l", "j.e.w.s"
        for m in _SPACED.finditer(low):
            joined = re.sub(r"[ .\-_*]", "", m.group(1))
            cand = joined
            for rw, _ in self._rewrites(joined):
                cand = rw
            term = self.lookup(joined) or self.lookup(cand)
            if term is not None:
                decoded.append(Decoded(text[m.start(1) : m.end(1)], m.start(1), m.end(1), term.text,
                                       "inserted_spaces", term))
                taken.append((m.start(1), m.end(1)))
        # 2. tokens
        for m in _TOKEN.finditer(low):
            s, e = m.start(), m.end()
            tok = m.group()
            # strip edge punctuation but keep leet symbols that sit inside letters
            while tok and tok[-1] in _EDGE_PUNCT:
                tok, e = tok[:-1], e - 1
            while tok and tok[0] in _EDGE_PUNCT and tok[0] not in "@$":
                tok, s = tok[1:], s + 1
            if not tok or any(a <= s < b for a, b in taken):
                continue
            if tok.startswith(("http", "www.", "@user", "#")) or tok.isdigit():
                continue
            if (cl := self.split_clitic(tok)) is not None:
                if cl[1] == "t":  # a negated auxiliary ("doesn't", "shouldn't")
                    continue
                tok, e = cl[0], s + len(cl[0])  # the word before the clitic is decoded on its own
            term = self.lookup(tok) or self.plural(tok)
            if term is not None:  # a plural is an inflection, not a disguise ("queers" is not a misspelling)
                hits.append((s, e, term))
                continue
            found: tuple[Term, str] | None = None
            for rw, kind in self._rewrites(tok):
                t = self.lookup(rw) or self.lookup(rw.rstrip("s") if len(rw) > 4 else rw)
                if t is not None:
                    found = (t, kind)
                    break
            if found is None:
                t = self._wildcard(tok)
                if t is not None:
                    found = (t, "inserted_symbols")
            if found is None and fuzzy:
                rws = self._rewrites(tok)
                norm = rws[-1][0] if rws else tok
                sp = self._split(norm)
                if sp is not None:
                    decoded.append(Decoded(text[s:e], s, e, sp.text, "deleted_space", sp))
                    continue
                # a plain capitalised word ("Hamas", "Sikhs"; not "J00z" or "JOOZ") is read as a name
                name = not rws and _is_name(text[s:e])
                fz = self._fuzzy(norm, name)
                word = norm
                if fz is None and rws and rws[-1][1] == "repeated_letters":
                    fz = self._fuzzy(rws[-1][0])
                    word = rws[-1][0]
                if fz is not None:
                    kind = fz[1] if not rws else f"{rws[0][1]}+{fz[1]}"
                    plain = all(k == "repeated_letters" for _, k in rws)  # no leetspeak, symbols or homoglyphs
                    if fz[1] == "misspelling" and plain and self._needs_context(word.removesuffix("'s"), fz[0]):
                        pending.append(Decoded(text[s:e], s, e, fz[0].text, kind, fz[0]))
                        continue
                    found = (fz[0], kind)
            if found is not None:
                term, kind = found
                decoded.append(Decoded(text[s:e], s, e, term.text, kind, term))
        if pending and self._hostile(decoded, hits):
            decoded = sorted(decoded + pending, key=lambda d: d.start)
        return decoded, hits

    @staticmethod
    def _hostile(decoded: list[Decoded], hits: list[tuple[int, int, Term]]) -> bool:
        """The comment is hostile apart from its common real words: a lexicon slur, swear word, insult or hostile
        word written out, or a disguise that is not a common real word ("jooz", "f*ck", "vladolf")."""
        kinds = ("slur", "profanity", "insult", "hostile")
        return (any(d.term.kind in (*kinds, "group_name", "entity") for d in decoded)
                or any(t.kind in kinds for _, _, t in hits))


def _is_name(raw: str) -> bool:
    """Written as a name: a capital letter, then only lower-case letters ("Hamas", "Sikhs")."""
    return len(raw) >= 2 and raw[0].isupper() and raw[1:].isalpha() and raw[1:].islower()


def _prefer(cands: list[Term]) -> Term:
    order = {"group_name": 0, "slur": 1, "entity": 2, "insult": 3, "profanity": 4, "hostile": 5}
    return min(cands, key=lambda t: (order.get(t.kind, 9), len(t.text)))
