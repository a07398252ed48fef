"""Decoding generalises: none of these words or disguises occur in the seed page."""

from __future__ import annotations

import pytest

from storytrace.comments._decode import Decoder, damerau1
from storytrace.comments._lexicon import load_lexicon, phonetic_key


@pytest.fixture(scope="module")
def decoder():
    return Decoder(load_lexicon(known_words=frozenset(["news", "few", "new", "guy", "troops", "were", "wore"])))


@pytest.mark.parametrize("text,span,decoded,kind", [
    ("those m0zl3ms again", "m0zl3ms", "muslim", "leetspeak"),
    ("typical mυslims", "mυslims", "muslims", "homoglyph"),
    ("all the f a g s", "f a g s", "fags", "inserted_spaces"),
    ("what a f*cking joke", "f*cking", "fucking", "inserted_symbols"),
    ("you stuuuupid mooooron", "mooooron", "moron", "repeated_letters"),
    ("sh1t", "sh1t", "shit", "leetspeak"),
    ("i hate wmoen", "wmoen", "women", "misspelling"),
    ("muzlimz everywhere", "muzlimz", "muslim", "misspelling"),
    ("the kremlim lies", "kremlim", "kremlin", "misspelling"),
    ("trumpler strikes again", "trumpler", "trump+hitler", "blend"),
    ("go back to yankeestan", "yankeestan", "america", "compound"),
    ("i hate blackpeople", "blackpeople", "black people", None),
])
def test_decode_generalises(decoder, text, span, decoded, kind):
    found, hits = decoder.decode(text)
    got = {d.span: d for d in found}
    if kind is None:  # plain lexicon hit (deleted space is indexed)
        assert any(t.text == decoded for _, _, t in hits)
        return
    assert span in got, [d.as_dict() for d in found]
    assert got[span].decoded == decoded
    assert kind in got[span].kind
    assert text[got[span].start : got[span].end] == span


@pytest.mark.parametrize("text", ["the news today", "a few new troops were sent", "that guy wore a hat", "2020 was 10x worse"])
def test_decode_leaves_ordinary_words(decoder, text):
    found, _ = decoder.decode(text)
    assert found == []


@pytest.mark.parametrize("a,b,same", [("jooz", "jews", True), ("ghey", "gay", True), ("phaggot", "faggot", True),
                                      ("news", "jews", False)])
def test_phonetic_key(a, b, same):
    assert (phonetic_key(a) == phonetic_key(b)) is same


@pytest.mark.parametrize("a,b,ok", [("jewsa", "jews", True), ("wmoen", "women", True), ("abc", "xyz", False),
                                    ("wmen", "women", True), ("woomen", "women", True), ("wmn", "women", False)])
def test_damerau1(a, b, ok):
    assert damerau1(a, b) is ok


@pytest.mark.parametrize("text,fuzzy_span,script_span", [
    ("ceci est un commentaire sur la famille, sh1t", "ceci", "sh1t"),
    ("la serie agli esso f*cking", "agli", "f*cking"),
])
def test_decode_without_fuzzy_keeps_script_level_only(decoder, text, fuzzy_span, script_span):
    # English spelling rules read foreign words as slurs ("ceci" sounds like "kike"); fuzzy=False is for
    # comments in other languages and keeps only disguises that do not depend on English spelling
    with_fuzzy = {d.span for d in decoder.decode(text)[0]}
    without = {d.span for d in decoder.decode(text, fuzzy=False)[0]}
    assert fuzzy_span in with_fuzzy and fuzzy_span not in without
    assert script_span in without


@pytest.mark.parametrize("text,word", [("we queers are here", "queers"), ("those kikes", "kikes")])
def test_decode_plural_is_not_a_disguise(decoder, text, word):
    decoded, hits = decoder.decode(text)
    assert word not in {d.span for d in decoded}
    assert word in {text[s:e] for s, e, _ in hits}


def test_clitics_are_spelling_not_disguise():
    from storytrace.comments._rules import analyse

    lex = load_lexicon(known_words=frozenset(["they", "the", "team"]))
    old, new = Decoder(lex), Decoder(lex, clitics=True)
    found, _ = old.decode("the women's team")
    assert [(d.decoded, d.kind) for d in found] == [("women", "inserted_symbols")]  # revision 3.1 and before
    found, hits = new.decode("the women's team")
    assert found == [] and [t.text for _, _, t in hits] == ["women"]
    assert new.decode("they've gone and it doesn't matter")[0] == []
    a = analyse("the women's football final sold out", new)
    assert "women" in a.groups and not a.disguised_groups and not a.attack
    assert analyse("fag's", new).slurs  # a slur with a clitic is still a slur
    assert analyse("w0men's brains are too small", new).disguised_groups  # a disguise keeps its clitic


def test_names_and_truncations_are_not_disguises():
    # revision 3.3 (``names``): a capitalised name that only sounds like a slur or a hostile word is a name, and a
    # word is not a disguise of a longer word it begins; the older reading stays for the older models
    lex = load_lexicon(known_words=frozenset(["came", "where", "money", "visited"]))
    old, new = Decoder(lex, clitics=True), Decoder(lex, clitics=True, names=True)
    for text, word in [("Lisa visited Kent", "Lisa"), ("Lisa visited Kent", "Kent"), ("Nike came by", "Nike"),
                       ("where do you hide the money", "hide")]:
        assert word in {d.span for d in old.decode(text)[0]}
        assert word not in {d.span for d in new.decode(text)[0]}
    # a capitalised sound-alike of a group's name is still a disguise; so are edits and leetspeak of a slur
    assert [d.term.group for d in new.decode("the Jooz again")[0]] == ["jews"]
    assert {d.decoded for d in new.decode("Muzlimz everywhere")[0]} == {"muslim"}
    assert {d.decoded for d in new.decode("those K1kes")[0]} == {"kikes"}
    assert {d.decoded for d in new.decode("stupid Morron")[0]} == {"moron"}  # one edit, not only a sound
    assert new.decode("Hamas fired rockets again")[0] == []  # a political entity of the lexicon, not "homo"


def test_sikhs_are_a_group_not_a_disguise():
    from storytrace.comments._rules import analyse

    dec = Decoder(load_lexicon(), clitics=True, names=True)
    a = analyse("The Sikhs in our town run a free kitchen", dec)
    assert a.decoded == [] and "sikhs" in a.groups and not a.attack


def test_frequent_real_words_are_not_disguises():
    # revision 3.4 (``freq``): a word at least as frequent as a Zipf floor and well above a term is a real word
    # ("homes" 4.7 is not "homos" 2.3); rare spellings still decode, and the older reading stays for older models
    from storytrace.comments._lexicon import load_word_frequencies

    lex = load_lexicon(known_words=frozenset(["the", "came", "again", "those", "everywhere"]))
    old = Decoder(lex, clitics=True, names=True)
    new = Decoder(lex, clitics=True, names=True, freq=load_word_frequencies(), freq_floor=3.0, freq_margin=0.5)
    for word in ("homes", "chunk", "spies", "regarded", "chunks"):
        assert old.decode(word)[0], word  # one edit from a slur: revision 3.3 decoded it
        assert new.decode(f"the {word} again")[0] == [], word
    for text, decoded in [("the jooz again", "jew"), ("z10n1st", "zionist"), ("so ghey", "gay"),
                          ("those fagots", "faggot"), ("those k1kes", "kikes"), ("jewsa everywhere", "jews"),
                          ("muzlimz everywhere", "muslim"), ("stupid morron", "moron")]:
        assert decoded in {d.decoded for d in new.decode(text)[0]}, text
    # a word a term inflects is still read as the term ("criminal" / "criminals"), whatever its frequency
    assert new._real("criminal", lex.terms["criminals"]) is False
    assert new._real("homes", lex.terms["homos"]) is True


def test_word_frequency_table_covers_the_lexicon():
    # rebuild with training/build_word_frequencies.py after the lexicon changes
    from storytrace.comments._lexicon import load_word_frequencies

    table, lex = load_word_frequencies(), load_lexicon()
    slurs = [t.text for t in lex.terms.values() if t.kind == "slur" and " " not in t.text and t.text.isalpha()]
    missing = [s for s in slurs if s not in table]
    assert not missing, missing
    assert 0 < table["homos"] < table["homes"]
    assert table.get("fagots", 0.0) < 2.5  # rare: a disguise of "faggots"


def test_shipped_model_reads_frequent_words_as_themselves(model):
    # the shipped model (revision 3.4 on) decodes with word frequencies
    assert model.meta.get("decode_freq") and model.decoder.freq is not None
    for text in ("my homes are chunky", "a chunk of the spies", "they regarded it"):
        assert model.decoder.decode(text)[0] == [], text
    for text, decoded in [("the jooz", "jew"), ("z10n1st", "zionist"), ("so ghey", "gay"), ("those fagots", "faggot"),
                          ("those k1kes", "kikes")]:
        assert decoded in {d.decoded for d in model.decoder.decode(text)[0]}, text
