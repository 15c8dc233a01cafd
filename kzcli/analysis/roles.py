"""Who a pronoun or a role noun stands for: gender agreement and role classes.

Journalists name a speaker once ("министр иностранных дел Иван Петров") and then
refer back by pronoun ("он", "по её словам") or by a role noun, specific
("министр") or general ("дипломат", "глава ведомства", "чиновник"). These
tables say which general nouns may stand for which stated roles; they are
general Russian, not any article's.
"""

from __future__ import annotations

# A general role noun → the role words of a stated role it may stand for ("глава" stands for a президент,
# "дипломат" for a посол). A role noun always stands for the same word in a stated role as well.
HEADS = {"президент", "премьер", "премьер-министр", "министр", "председатель", "руководитель", "директор",
         "генсек", "секретарь", "мэр", "губернатор", "аким", "глава", "лидер", "начальник", "король",
         "канцлер", "шейх", "эмир", "султан", "командующий", "гендиректор", "ректор", "президентка"}
OFFICIALS = {"министр", "замминистр", "вице-министр", "вице-премьер", "губернатор", "аким", "мэр", "глава",
             "руководитель", "директор", "председатель", "представитель", "помощник", "советник",
             "пресс-секретарь", "заместитель", "замглавы", "начальник", "секретарь", "генсек", "посол",
             "комиссар", "прокурор", "чиновник", "вице-губернатор", "вице-мэр"}
ROLE_CLASSES = {
    "глава": HEADS,
    "руководитель": HEADS,
    "лидер": HEADS,
    "дипломат": {"посол", "дипломат", "постпред", "госсекретарь", "консул", "посланник", "иностранный",
                 "мид", "внешнеполитический", "дипломатия"},
    "чиновник": OFFICIALS,
    "представитель": {"представитель", "пресс-секретарь", "помощник", "советник", "спикер", "пресс-атташе"},
    "спикер": {"спикер", "пресс-секретарь", "представитель", "председатель"},
    "политик": HEADS | {"депутат", "сенатор", "политик", "парламентарий", "вице-премьер", "госсекретарь"},
    "парламентарий": {"депутат", "сенатор", "парламентарий", "спикер"},
    "депутат": {"депутат", "парламентарий"},
    "генсек": {"генсек", "генеральный"},
    "премьер": {"премьер", "премьер-министр"},
    "премьер-министр": {"премьер", "премьер-министр"},
    "политолог": {"политолог", "эксперт", "аналитик"},
    "эксперт": {"эксперт", "политолог", "аналитик", "экономист"},
    "аналитик": {"аналитик", "эксперт", "политолог", "экономист"},
    "вице-премьер": {"вице-премьер", "заместитель"},
    "министр": {"министр"},
    "президент": {"президент"},
    "посол": {"посол"},
}
# Nouns that name who speaks without naming them: kept as a `description` speaker when nothing named fits.
# Animate nouns ("эксперты", "очевидцы", "собеседник") qualify by themselves; these inanimate ones too.
SPEAKING_BODIES = {
    "источник", "сми", "издание", "агентство", "газета", "телеканал", "канал", "радиостанция", "сайт",
    "портал", "журнал", "ведомство", "министерство", "пресс-служба", "служба", "правительство", "кабмин",
    "компания", "банк", "суд", "комиссия", "штаб", "посольство", "администрация", "аппарат", "кремль",
    "офис", "парламент", "минобороны", "минфин", "мид", "партия", "профсоюз", "организация", "совет",
    "комитет", "управление", "департамент", "прокуратура", "полиция", "мэрия", "акимат", "ассоциация",
}
# Pronouns that stand for a speaker: the subject forms and the possessive of "по его словам".
PRONOUN_GENDER = {"он": "Masc", "она": "Fem", "его": "Masc", "ее": "Fem", "её": "Fem"}
PLURAL_PRONOUNS = {"они", "их"}
# Men's first names that end like women's.
MALE_NAMES_IN_A = {"никита", "илья", "кузьма", "фома", "лука", "савва", "данила", "миша", "саша", "паша", "женя",
                   "дима", "вова", "коля", "петя", "ваня", "сережа", "алеша", "мустафа", "муса", "иса"}
FEMININE_SURNAME_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая")


def feats(token) -> dict[str, str]:
    return dict(part.split("=", 1) for part in token.feats.split("|") if "=" in part)


def pronoun_gender(token) -> str | None:
    """"Masc"/"Fem" for он/она/его/её, "Plur" for они/их, None for any other word."""
    word = token.text.lower()
    if word in PLURAL_PRONOUNS:
        return "Plur"
    return PRONOUN_GENDER.get(word)


def verb_gender(token) -> str:
    """"сказала" → Fem, "сказал" → Masc, "сказали" → Plur; "" when the form does not tell (present tense)."""
    found = feats(token)
    if found.get("Number") == "Plur":
        return "Plur"
    return found.get("Gender", "") if found.get("Gender") in {"Masc", "Fem"} else ""


def mention_gender(mention) -> str:
    """A first name ending in -а/-я ("Айна Ли", "Анна Белова" → Fem), else the tagger's gender of the
    surname, else its ending ("Петрова" → Fem)."""
    first = mention.first.lower()
    if first.endswith(("а", "я")) and first not in MALE_NAMES_IN_A:
        return "Fem"
    if mention.gender in {"Masc", "Fem"}:
        return mention.gender
    surname = mention.surname.lower()
    if not surname:
        return ""
    return "Fem" if surname.endswith(FEMININE_SURNAME_ENDINGS) else "Masc"


def agrees(wanted: str, gender: str) -> bool:
    """A pronoun or verb of gender `wanted` may stand for a person of `gender` ("" agrees with anything)."""
    if wanted == "Plur":
        return False
    return not wanted or not gender or wanted == gender


def stem(word: str) -> str:
    """Words compared on their first six letters, so a case ending does not matter: иностранных ~ иностранный."""
    word = word.lower().replace("ё", "е")
    return word[:6]


def role_fits(noun: str, role: str) -> bool:
    """Whether a role noun may stand for a person whose stated role is `role`.

    >>> role_fits("глава", "президент Киргизии"), role_fits("дипломат", "министр иностранных дел")
    (True, True)
    >>> role_fits("министр", "президент")
    False
    """
    stated = {stem(word) for word in role.split()}
    return stem(noun) in stated or bool({stem(word) for word in ROLE_CLASSES.get(noun, ())} & stated)


def is_role_noun(noun: str) -> bool:
    return noun in ROLE_CLASSES or any(noun in members for members in ROLE_CLASSES.values())
