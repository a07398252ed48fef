"""One currency table: signs and words (in the languages storytrace reads) mapped to ISO 4217 codes.

The facts stage (English amounts the NER model finds: "$5 million", "40 million pounds") and the stories stage
(amounts in any language found by pattern: "50 Millionen Euro", "8 мільярдів гривень", "₴300 million") both
read it, so an amount gets the same currency whichever stage read it, and two amounts compare as money.
"""

from __future__ import annotations

# written before or after the number ("$5", "5 €", "US$ 3 billion")
CURRENCY_SIGNS: dict[str, str] = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
                                  "₽": "RUB", "₴": "UAH", "₩": "KRW", "₦": "NGN", "₺": "TRY", "₪": "ILS"}
# the words (lower case) by code: names, plurals and inflections, and the codes themselves
_WORDS_BY_CODE = {
    "USD": "usd dollar dollars dollar-us cents долларов доллара доларів долара",
    "EUR": "eur euro euros евро євро",
    "GBP": "gbp pound pounds sterling pence",
    "JPY": "jpy yen",
    "CNY": "cny yuan",
    "INR": "inr rupees rs rs.",
    "RUB": "rub rubles roubles руб рублей рубля рубль",
    "UAH": "uah грн гривень гривні гривня гривен",
    "PLN": "pln zł złotych złote złoty",
    "CHF": "chf franken",
    "KRW": "won",
    "NGN": "naira",
}
CURRENCY_WORDS: dict[str, str] = {word: code for code, words in _WORDS_BY_CODE.items() for word in words.split()}
# a sign or a word (lower case) -> its code
CURRENCIES: dict[str, str] = {**CURRENCY_SIGNS, **CURRENCY_WORDS}
