"""The language an article is written in: Russian is analysed, any other language is stored unread.

Cyrillic text without letters Russian lacks is Russian at once; anything else (letters of Kazakh,
Ukrainian, Belarusian, Kyrgyz…, or another script) goes to py3langid, a language identifier whose
model ships inside its package. Russian text quoting a Kazakh name keeps its few "қ" and "ү" below
the threshold, or the identifier still reads it as Russian.
"""

from __future__ import annotations

import re

CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
# Cyrillic letters Russian does not use: Kazakh, Ukrainian, Belarusian, Kyrgyz, Tatar, Bashkir, Tajik, Uzbek.
OTHER_CYRILLIC = re.compile(r"[әғқңөұүһіїєґўҗҙҫҡӣӯҳҷӘҒҚҢӨҰҮҺІЇЄҐЎҖҘҪҠӢӮҲҶ]")
LETTER = re.compile(r"[^\W\d_]")
SAMPLE = 20000  # characters looked at: enough for any language's letters
FOREIGN_SHARE = 0.002  # other Cyrillic letters per letter above which the identifier decides


def language_of(text: str) -> str:
    """ISO 639-1 code of the text's language.

    >>> language_of("Министр провёл встречу с послом в Астане."), language_of("Министр елшімен кездесті.")
    ('ru', 'kk')
    """
    sample = text[:SAMPLE]
    letters = len(LETTER.findall(sample))
    if not letters:
        return "ru"
    cyrillic = len(CYRILLIC.findall(sample))
    if cyrillic >= 0.5 * letters and len(OTHER_CYRILLIC.findall(sample)) <= FOREIGN_SHARE * letters:
        return "ru"
    import py3langid  # its model loads on the first text that is not plainly Russian (about half a second)

    return py3langid.classify(sample)[0]
