"""What in a comment is content: laughter words, emoji, punctuation and numbers are not (revision 3.4.1).

A comment with nothing left after removing them ("ahahahaha hahaha", "😂😂😂", "!!!!", "555") is *content-free*:
the learned heads read it as the empty comment, because the tweets they were trained on tie laughter to offence
("lmao" is frequent in davidson's offensive tweets) and a trust & safety reader takes toxic >= 0.5 as a finding.
Emoji with a hostile meaning of their own (``HOSTILE_EMOJI``: the middle finger) are content: the rules read them
as an obscene insult (profanity and insult evidence), so a line holding one is never content-free. Other emoji,
🤡 included, are reactions whose target and tone the text must supply: "🇷🇺=🤡" is content-free (model card,
revision 3.4.1).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

# one laughter word, in the scripts comments are written in: English and Romance ("hahaha", "muahaha", "hehe",
# "jajaja", "jejeje", "huehue", Portuguese "kkkk" from four letters on, as "kkk" names the Klan), chat ("lol",
# "lmao", "rofl", "xD", "kek"), Cyrillic ("хахаха", "ахах", "хех"), Greek ("χαχα"), Japanese "www"/"ｗｗｗ" (not
# "草", a vulgar word in Chinese), Korean "ㅋㅋㅋ"/"ㅎㅎ", Chinese "哈哈"/"呵呵"/"嘻嘻", Indonesian "wkwk", Arabic
# "ههههه", Hebrew "חחח"; Thai "555" is digits, so no word at all
LAUGH = re.compile(
    r"^(?:mu|bw|mw)?[aei]?(?:h+[aeiou]+){2,}h?$|^(?:[aeiou]?h){3,}$|^(?:lo+l+)+o*$|^(?:ha){2,}$"
    r"|^(?:xd+)+$|^(?:ja){2,}j?$|^(?:je){2,}j?$|^(?:ji){2,}j?$|^(?:kek)+$|^k{4,}$|^(?:hue){2,}$"
    r"|^(?:rofl|roflmao|lmao+|lmfao+|lulz?|lel|kekw)$"
    r"|^(?:wk){2,}w?$|^w{3,}$|^ｗ{2,}$"
    r"|^а?(?:х+[аеоиы]+){2,}х?$|^а?х+а+х+$|^(?:хе){2,}$|^хех+$|^(?:χ+[αεη]+){2,}χ?$"
    r"|^[ㅋㅎ]{2,}$|^(?:哈|呵|嘻|嘿){2,}$|^ه{3,}$|^ח{3,}$",
    re.IGNORECASE,
)
# emoji that say something hostile by themselves: the middle finger (U+1F595) is an obscene insult gesture
HOSTILE_EMOJI = frozenset(["\U0001f595"])
# emoji of the animals and things that dehumanising speech likens a group to (revision 3.6, issue 4's "emoji
# mockery"): apes and monkeys, vermin and insects, pigs, snakes, germs, excrement. Next to a named group of people they
# say what "X are rats" says in words (_rules_emoji.emoji_attack); alone, or about a state ("🇷🇺=🤡"), they are reactions.
# Not the three wise monkeys (🙈🙉🙊: embarrassment), not 🤡 (a clown reaction far more often than an attack), not
# pets and farm animals other than pigs (🐶🐱🐄: affection or food)
DEHUMANISING_EMOJI = frozenset(
    "\U0001f412\U0001f435\U0001f98d\U0001f9a7"  # 🐒 🐵 🦍 🦧
    "\U0001f400\U0001f401\U0001f42d\U0001fab3\U0001f41b\U0001f99f\U0001f997\U0001f41c\U0001fab2\U0001fab1"  # 🐀 🐁 🐭 🪳 🐛 🦟 🦗 🐜 🪲 🪱
    "\U0001f416\U0001f437\U0001f43d\U0001f417"  # 🐖 🐷 🐽 🐗
    "\U0001f40d\U0001f9a0\U0001f4a9"  # 🐍 🦠 💩
)
_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
# what is not the commenter's words: links, @mentions, retweet marks, OLID's "URL" placeholder, hashtag signs
_NOISE = re.compile(r"https?://\S+|www\.\S+|@\w+|\bRT\b:?|\bURL\b|#")


# a link (with a scheme or "www.") or an e-mail address: never words of the comment ("www" is also laughter)
LINK_OR_ADDRESS = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def without_links(text: str) -> str:
    """``text`` with its links and e-mail addresses blanked out."""
    return LINK_OR_ADDRESS.sub(" ", text)


def is_laughter(word: str) -> bool:
    """True for one laughter word ("hahaha", "jajaja", "хахаха", "lmao", "www", "ㅋㅋㅋ")."""
    return bool(LAUGH.match(word))


def _content_iter(text: str) -> Iterator[str]:
    """The words of ``text`` that are not laughter, lazily (links, @mentions and retweet marks left out first)."""
    if "&" in text:
        text = html.unescape(text)
    return (w for w in (m.group() for m in _LETTERS.finditer(_NOISE.sub(" ", text))) if not is_laughter(w))


def content_words(text: str) -> list[str]:
    """The words of ``text`` that are not laughter (links, @mentions and retweet marks left out first)."""
    return list(_content_iter(text))


_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def few_words(text: str, most: int) -> bool:
    """True when ``text`` holds one to ``most`` content words (``content_words``): a short reply such as "haha ok",
    "ok bro", "fair point" (revision 3.6). Stops reading after ``most + 1`` words. Scripts written without spaces
    (Chinese, Japanese, Thai, ...) are never "few words": a whole sentence there is one token."""
    if len(_UNSPACED.findall(text)) >= 4:
        return False
    n = 0
    for _ in _content_iter(text):
        n += 1
        if n > most:
            return False
    return n > 0


def hostile_emoji(text: str) -> list[tuple[int, int, str]]:
    """Spans of the emoji in ``HOSTILE_EMOJI`` (skin-tone modifiers included in the span)."""
    out: list[tuple[int, int, str]] = []
    if not any(emoji in text for emoji in HOSTILE_EMOJI):  # most comments: no need to walk the characters
        return out
    for i, ch in enumerate(text):
        if ch in HOSTILE_EMOJI:
            end = i + 1
            while end < len(text) and 0x1F3FB <= ord(text[end]) <= 0x1F3FF:
                end += 1
            out.append((i, end, text[i:end]))
    return out


def dehumanising_emoji(text: str) -> list[tuple[int, int, str]]:
    """Spans of the emoji in ``DEHUMANISING_EMOJI`` (a variation selector after one is kept in its span)."""
    out = []
    for i, ch in enumerate(text):
        if ch in DEHUMANISING_EMOJI:
            end = i + 1 + (i + 1 < len(text) and text[i + 1] == "\ufe0f")
            out.append((i, end, text[i:end]))
    return out


def content_free(text: str) -> bool:
    """True when nothing is left of ``text`` after removing laughter words, emoji, punctuation and numbers (and
    links, @mentions, retweet marks) and it holds no hostile emoji."""
    # stops at the first word that is not laughter (in most comments the first word), so it costs little
    return next(_content_iter(text), None) is None and not any(ch in HOSTILE_EMOJI for ch in html.unescape(text))


def strip_laughter(text: str) -> str:
    """``text`` without its laughter words (the rest as it was, whitespace collapsed)."""
    return " ".join(_LETTERS.sub(lambda m: "" if is_laughter(m.group()) else m.group(), text).split())
