"""Who a pronoun or a role noun stands for: gender agreement and role classes.

Journalists name a speaker once ("министр иностранных дел Иван Петров") and then
refer back by pronoun ("он", "по её словам") or by a role noun, specific
("министр") or general ("дипломат", "глава ведомства", "чиновник"). These
tables say which general nouns may stand for which stated roles; they are
general Russian, not any article's.
"""

from __future__ import annotations

import re

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
    # occupations: the same noun, or a near one, in the stated role ("тренер" for "главный тренер клуба")
    "тренер": {"тренер", "наставник"},
    "наставник": {"тренер", "наставник"},
    "капитан": {"капитан"},  # "ответил капитан" for the "капитан команды" named before
    "спортсмен": {"спортсмен", "футболист", "хоккеист", "боксер", "борец", "теннисист", "пловец", "лыжник",
                  "игрок", "капитан", "чемпион"},
    "адвокат": {"адвокат"},
    "судья": {"судья"},
    "следователь": {"следователь"},
    "врач": {"врач", "главврач", "доктор", "хирург"},
    "журналист": {"журналист", "корреспондент", "редактор", "обозреватель"},
    "писатель": {"писатель", "поэт", "автор"},
    "режиссер": {"режиссер"},
    "ученый": {"ученый", "профессор", "исследователь", "академик"},
    "предприниматель": {"предприниматель", "бизнесмен", "основатель", "владелец", "совладелец"},
    "бизнесмен": {"предприниматель", "бизнесмен", "основатель", "владелец", "совладелец"},
}
# Nouns that name who speaks without naming them: kept as a `description` speaker when nothing named fits.
# Animate nouns ("эксперты", "очевидцы", "собеседник") qualify by themselves; these inanimate ones too.
SPEAKING_BODIES = {
    "источник", "сми", "издание", "агентство", "газета", "телеканал", "канал", "радиостанция", "сайт",
    "портал", "журнал", "ведомство", "министерство", "пресс-служба", "служба", "правительство", "кабмин",
    "компания", "банк", "суд", "комиссия", "штаб", "посольство", "администрация", "аппарат", "кремль",
    "офис", "парламент", "минобороны", "минфин", "мид", "партия", "профсоюз", "организация", "совет",
    "комитет", "управление", "департамент", "прокуратура", "полиция", "мэрия", "акимат", "ассоциация",
    "регулятор", "клуб", "федерация", "союз", "фонд", "биржа",
}
# Offices that speak for the body named after them ("пресс-служба Кремля"): that body's voice.
PRESS_OFFICES = {"пресс-служба", "пресс-центр", "пресс-бюро", "пресс-секретариат", "пресс-офис"}
# A body noun → word beginnings of the organisations it may stand for ("ведомство" ~ "Министерство …",
# "Роскомнадзор"); any body also stands for an organisation whose name contains the noun itself.
BODY_CLASSES = {
    "ведомство": ("министерств", "мин", "служб", "комитет", "агентств", "бюро", "управлени", "департамент",
                  "инспекци", "надзор", "казначейств", "прокуратур"),
    "министерство": ("министерств", "мин"),
    "агентство": ("агентств", "press", "news", "новост", "информ"),
    "компания": ("компани", "корпораци", "концерн", "холдинг", "группа", "пао", "оао", "зао", "ооо", "ао"),
    "банк": ("банк",),
    "регулятор": ("банк", "цб", "комисси", "служб", "надзор", "агентств", "управлени"),
    "клуб": ("клуб", "фк", "хк"),
}
# Pronouns that stand for a speaker: the subject forms and the possessive of "по его словам".
PRONOUN_GENDER = {"он": "Masc", "она": "Fem", "его": "Masc", "ее": "Fem", "её": "Fem"}
PLURAL_PRONOUNS = {"они", "их"}
# Men's first names that end like women's.
MALE_NAMES_IN_A = {"никита", "илья", "кузьма", "фома", "лука", "савва", "данила", "миша", "саша", "паша", "женя",
                   "дима", "вова", "коля", "петя", "ваня", "сережа", "алеша", "мустафа", "муса", "иса"}
FEMININE_SURNAME_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая")
MASCULINE_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ской", "цкой", "ий", "ый")
# Surnames whose case forms the tagger reads reliably ("Петровой" → Fem).
SLAVIC_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ой", "ого", "ому", "ым", "ую", "ской", "цкой", "ского", "цкого")


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
    """A first name in the nominative ending in -а/-я ("Айна Ли", "Анна Белова" → Fem), else the tagger's
    gender where a first name is written, else a Slavic surname's ending in the nominative ("Петрова" →
    Fem, "Петров" → Masc); "" when nothing tells (a foreign surname alone: "Силиня", "Ланг")."""
    first = mention.first.lower()
    written = mention.text.split()[0].lower() if first else ""  # as written: natasha reads "Кая" as "Кай"
    if first and mention.nominative and written.endswith(("а", "я")) and written not in MALE_NAMES_IN_A:
        return "Fem"
    if first and mention.gender in {"Masc", "Fem"}:
        return mention.gender
    surname = mention.surname.lower()
    if not mention.nominative:
        return mention.gender if mention.gender in {"Masc", "Fem"} and surname.endswith(SLAVIC_SURNAME_ENDINGS) else ""
    if surname.endswith(FEMININE_SURNAME_ENDINGS):
        return "Fem"
    return "Masc" if surname.endswith(MASCULINE_SURNAME_ENDINGS) else ""


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


# Who "глава государства", "лидер страны" may stand for: a head of state, not a bank's or a region's head.
STATE_HEADS = {"президент", "президентка", "король", "королева", "монарх", "эмир", "султан", "шах"}


def heads_a_state(role: str) -> bool:
    """A stated role names a head of state.

    >>> heads_a_state("президент Казахстана"), heads_a_state("председатель Нацбанка")
    (True, False)
    """
    return bool({stem(word) for word in role.split()} & {stem(word) for word in STATE_HEADS})


def is_role_noun(noun: str) -> bool:
    return noun in ROLE_CLASSES or any(noun in members for members in ROLE_CLASSES.values())


def body_fits(noun: str, name: str) -> bool:
    """Whether a body noun may stand for the organisation of that name: "ведомство" ~ "Министерство
    финансов", "Роскомнадзор"; "агентство" ~ "агентство Вест"."""
    words = re.findall(r"\w+", name.lower())
    starts = BODY_CLASSES.get(noun, ())
    return any(noun[:5] in word for word in words) or any(
        word.startswith(start) or (len(start) > 4 and start in word) for word in words for start in starts)
