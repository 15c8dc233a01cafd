"""Article structure by general layout rules: headline, byline, stamps, furniture, Q/A."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang.calendar import ISO_RE, complete_year, safe_date, stamp_date
from .files import RawDocument
from .language import language_of

HEADER_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*(.*)$", re.IGNORECASE)
DASH_LED = re.compile(r"^[-–—]\s*(\S.*)$")
# A question or answer led by a label: "Вопрос: …", "Корр.: …", "Ответ: …", or the speaker's name ("А.Петров: …",
# "Анна Белова: …") after a question.
QA_LABEL = re.compile(r"^(?P<label>[А-ЯЁA-Z][а-яёa-z]*\.?(?:\s?[А-ЯЁA-Z][а-яёa-z-]+)?)\s*:\s+(?P<text>\S.*)$")
QUESTION_LABELS = {"вопрос", "в", "корр", "корреспондент", "журналист", "интервьюер"}
ANSWER_LABELS = {"ответ", "о"}
NAME_LABEL = re.compile(r"[А-ЯЁA-Z]\.\s?[А-ЯЁA-Z][а-яёa-z-]+|[А-ЯЁA-Z][а-яёa-z-]+\s[А-ЯЁA-Z][а-яёa-z-]+")
LIST_MARK = re.compile(r"^[-–—•*]$")
BULLET = re.compile(r"^[•▪●◦‣·]\s+(?=\S)")  # "• пункт": a list item (Markdown and page lists read as such)
SENTENCE_BREAK = re.compile(r"[.!?…]\s+[«\"“(]?[A-ZА-ЯЁ]")

# Whole lines that are site furniture, never article text.
FURNITURE = re.compile(
    r"^(?:"
    r"комментари[йиея]\w*(?:\s*\(?\d+\)?)?|"
    r"\d+\s*комментари\w*|"
    r"(?:читайте|смотрите)\s+(?:также|ещ[её]|нас)\b.*|"
    r"\d+\s*мин\.?\s*(?:чтения|на\s+чтение)|время\s+(?:на\s+)?чтения:?.*|"
    r"(?:фото|фотография|видео|иллюстрация|источник\s+фото|коллаж|photo|скриншот)\s*(?::|©|—|-).{0,80}|"
    r"(?:фото|видео)\s+(?:с\s+сайта|из\s+открытых\s+источников|пресс-службы).{0,60}|"
    r"©.{0,80}|"
    r"поделиться.{0,40}|share|размер\s+шрифта:?.{0,20}|(?:[aа]\s*){2,4}|шрифт:?|"
    r"подпис(?:ывайтесь|аться|ка)\s+на\b.{0,80}|"
    r"реклама|advertisement|"
    r"(?:теги|тэги|метки|рубрика|рубрики):.{0,120}|"
    r"(?:нашли|заметили)\s+ошибку.{0,120}|если\s+вы\s+(?:нашли|заметили)\s+ошибку.{0,120}|"
    r"\d+\s*просмотр\w*|просмотр\w*:?\s*\d+|"
    r"\d{1,2}:\d{2}|"
    r"(?:оцените|понравилась)\s+(?:статью|материал|новость).{0,40}|"
    r"loading\.*|загрузка\.*|печать|распечатать|версия\s+для\s+печати|"
    r"(?:(?:вконтакте|вк|vk|telegram|телеграм|whatsapp|viber|facebook|twitter|одноклассники|ok|instagram|youtube|"
    r"дзен|rutube|tiktok|threads|x)[\s,|•·/]*){2,}|"  # a row of share buttons
    r"(?:мы|сайт|этот\s+сайт|наш\s+сайт)\s+использу\w+\s+(?:файлы\s+)?cookie.{0,300}|принять(?:\s+вс[её])?|"
    r"(?:войти|вход|выйти|регистрация|зарегистрироваться|личный\s+кабинет|мой\s+профиль|забыли\s+пароль\??)"
    r"(?:\s*(?:/|\||или|и)\s*(?:войти|регистрация|зарегистрироваться))?|"
    r"(?:подпишитесь|подписаться)\s+на\s+(?:нашу\s+)?рассылку.{0,80}|"
    r"(?:адрес\s+редакции|учредитель|главный\s+редактор|издатель|свидетельство\s+о\s+регистрации|"
    r"(?:телефон|e-?mail|электронная\s+почта)\s+редакции)\b.{0,200}|"
    r"(?:все\s+права\s+защищены|all\s+rights\s+reserved).{0,80}|"
    r"при\s+(?:полном\s+или\s+частичном\s+)?(?:перепечатке|копировании|использовании|цитировании)\b.{0,200}|"
    r"\d{1,2}\+"  # an age mark: "18+"
    r")$",
    re.IGNORECASE,
)
BYLINE_PREFIX = re.compile(
    r"^(?:редакция|источник|издание|по\s+материалам|материал\s+подготовлен[аоы]?)(?:\s*:\s*(.{2,60}?)|\s+(.{2,60}?))\.?$",
    re.IGNORECASE,
)
AUTHOR_LINE = re.compile(r"^(?:автор|авторы|текст|беседовал[аи]?|корреспондент)\s*:.{0,80}$", re.IGNORECASE)
OUTLET_NAME = (
    r"(?:«[^»]{2,40}»"
    r"|[A-Za-zА-Яа-яЁё0-9][\w-]*(?:\.[A-Za-zА-ЯЁа-яё]{2,6})+"
    r"|[A-ZА-ЯЁ]{2,}(?:[- ][A-ZА-ЯЁ][\w-]*)?"
    r"|[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3})"
)
OUTLET_ATTRIBUTION = re.compile(
    r"\b(?:переда[её]т|сообщает|сообщил[аио]?|пишет|информирует|пытается\s+разобраться|"
    r"разбирается|выяснил[аио]?|узнал[аио]?)\s+"
    r"(?:(?:корреспондент|агентство|информагентство|ИА|издание|портал|сайт|телеканал|газета|редакция)\s+)?"
    rf"({OUTLET_NAME})(?=\s*(?:[.,;:!?)](?!\w)|$)|\s+со\s+ссылкой)"
)
SITE_NAME = re.compile(r"[A-Za-zА-Яа-яЁё0-9][\w-]*(?:\.[A-Za-zА-ЯЁа-яё]{2,6})+")  # "Liter.kz", "BAQ.KZ"
# An agency's own dateline opens its text: "КАЗАНЬ, 4 мар - ВЕСТЬ.", "САМАРА, 5 ноября. /АГЕНТ/.",
# "Самара, 4 марта, 2021, 09:15 — ИА Вестник.", "МОСКВА, 5 мар — Вестник, Иван Петров." (every word of the
# name capitalised).
DATELINE_PLACE = r"(?:[А-ЯЁA-Z][А-ЯЁA-Z -]{2,30}|[А-ЯЁ][а-яё-]+(?:[ -][А-ЯЁ][а-яё-]+)?)"  # "САМАРА", "Нижний Новгород"
DATELINE = re.compile(
    rf"^{DATELINE_PLACE},\s+\d{{1,2}}\s+[а-яё]+\.?"
    r"(?:,?\s+\d{4})?(?:,?\s+\d{1,2}:\d{2})?\.?\s*(?:[-–—]\s*/?|/)\s*"
    r"([«\"]?[A-ZА-ЯЁ][\w.-]*[»\"]?(?:\s+[«\"]?[A-ZА-ЯЁ][\w.-]*[»\"]?){0,3})/?"
    r"(?:,\s+[А-ЯЁA-Z][\w-]*(?:\s+[А-ЯЁA-Z][\w-]*){0,2})?\.\s"  # the correspondent may follow: ", Иван Петров."
    # or the place and the day end in full stops and the agency, in capitals or as a site, comes before a dash:
    # "Самара. 5 марта. VESTNIK.RU - …"
    rf"|^{DATELINE_PLACE}\.\s+\d{{1,2}}\s+[а-яё]+\.?(?:\s+\d{{4}})?\.\s+"
    rf"([A-ZА-ЯЁ]{{2,}}(?:\.[A-ZА-ЯЁa-zа-яё]{{2,6}})?|{SITE_NAME.pattern})\s+[-–—]\s"
)
# A publisher named with what it is: 'Информационное агентство "Вестник"' → Вестник.
QUOTED_NAME = re.compile(r"^\w[^«\"“]*\s[«\"“]([^«»\"“”]{2,40})[»\"”]?$")
# The page's address on a line of its own, bare or labelled: "Постоянный адрес новости: site.ru/news/1".
URL_LINE = re.compile(
    r"^(?:(?:источник|оригинал|ссылка|адрес|постоянный\s+адрес|url|link|source)(?:\s+[а-яё]+)?\s*:\s*)?"
    r"((?:https?://|www\.)\S+|(?:[\w-]+\.)+[a-z]{2,12}/\S*)$",
    re.IGNORECASE,
)
BREADCRUMB_SITE = re.compile(rf"^({SITE_NAME.pattern})\s*[»›>/]\s+\S")  # "site.kz » Рубрика » …"
SITE_SUBJECT = re.compile(  # "Site.kz поговорил с экспертами …": the site tells what it did
    rf"(?:^|[.!?]\s+)({SITE_NAME.pattern})\s+[а-яё]+(?:л[аио]?|ет|ит|ут|ют|ат|ят)\b")
SIGNED_STAMP = re.compile(r"^(.*\d)\s+([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})$")  # "8 мая 2019 18:48 Site"
# A line of the page's own fields apart from its stamp: "НОВОСТИ | 14 марта 2025, 18:40 | Мария Гусева".
FIELD_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
# A print edition's citation line, as press databases export it: "Деловой вестник (Омск), № 45, 14.03.2025,
# стр. 3", "Газета «Вестник» №45 от 14.03.2025, стр. 3" names the paper.
PRINT_ISSUE = re.compile(
    r"^(?P<name>[^,|()№]{2,60}?)\s*(?:\([^)]{2,40}\))?\s*,?\s*№\s*\d[\d/-]*\s*(?:\(\d+\))?\s*(?:,|\s+от\s)"
    r"\s*(?P<date>[^,]+?)(?:\s*,\s*(?:стр|с)\.?\s*\d[\d-]*)?\s*$", re.IGNORECASE)
TITLE_LABEL = re.compile(r"^(?:заголовок|название|title)\s*:\s*(\S.{2,})$", re.IGNORECASE)
TRAILING_COUNTERS = re.compile(r"(?<=[^\W\d])(?:\s+\d{1,7}){2,}$")  # "Заголовок 10 3695": comments, views
# The rights holder a page's copyright line names: "© Степной курьер, 2025", "© 2019–2025 Vestnik.kz",
# "Копирование материалов «Вечерний город» запрещено" — weak evidence of the outlet, never a photo's.
COPYRIGHT_HOLDER = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–—]\s*\d{4})?\s*,?\s*)?"
                              r"(?P<name>[^\d©,.|/]{2,40}?(?:\.[a-zа-я]{2,6})?)\s*(?:[,.|]\s*\d{4}(?:\s*[-–—]\s*\d{4})?)?\.?"
                              r"(?:\s*(?:все\s+права\s+защищены|all\s+rights\s+reserved)\.?)?$",
                              re.IGNORECASE)
RIGHTS_LINE = re.compile(r"(?:права\s+защищены|all\s+rights\s+reserved|копирован|перепечат).*?«(?P<name>[^»]{2,40})»",
                         re.IGNORECASE)
# A print outlet signing the text at its end: "… решение. Газета «Степной курьер», Павлодар."
PRINT_SIGNATURE = re.compile(r"(?:^|(?<=[.!?…»\"”)])\s+)(?:Газета|Журнал|Еженедельник)\s+[«\"“](?P<name>[^«»\"“”]{2,40})"
                             r"[»\"”](?:,\s*[А-ЯЁ][\w-]+(?:[ -][А-ЯЁ][\w-]+)?)?\.?$")
# An editor's note naming its outlet, in the genitive when quoted: "(…. – Прим. «Вестника»)", "(… — прим. ТАСС)";
# not the editor's, the author's or the translator's ("прим. ред.").
EDITOR_NOTE = re.compile(r"(?<![\w.])[Пп]рим(?:\.|ечание)\s+(?!(?i:ред|авт|пер|изд))"
                         r"(?:«(?P<quoted>[^«»]{2,40})»|(?P<name>[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w-]*){0,2}))")
# The page promoting its own channel names itself: "Вестник в Telegram. Подпишитесь …", "Подписывайтесь на
# «Вестник» в Дзене", "Читайте Вестник в MAX" — weak evidence of the outlet, when written as a brand.
CHANNELS = r"(?:Telegram|Телеграм[ем]?|Дзен[еу]?|VK|ВК|ВКонтакте|MAX|Max|WhatsApp|Viber|YouTube)"
CHANNEL_PROMO = re.compile(
    rf"^(?P<own>[«\"A-ZА-ЯЁ][^.!?:]{{1,30}}?)\s+во?\s+{CHANNELS}\s*[.!:—–-]\s*(?:Подпи[сш]|Читай|Присоедин|Следи)"
    rf"|^(?:Подпи[сш]\w+\s+на|Читайте|Следите\s+за)\s+(?P<promoted>[«\"A-ZА-ЯЁ][^.!?:]{{1,30}}?)\s+во?\s+{CHANNELS}\b")
CREDIT = re.compile(r"^(?:фото|видео|иллюстрация|источник\s+фото|коллаж|photo|скриншот)\b", re.IGNORECASE)
BRAND_LINE = re.compile(r"^(?:[A-Z][\w.&•-]*|[A-ZА-ЯЁ]{2,}[\w.&•-]*)(?:\s+(?:[A-Z][\w.&•-]*|[A-ZА-ЯЁ]{2,}))?$")
# The date such a dateline carries, with or without a year and a time.
DATELINE_DATE = re.compile(
    r"^[А-ЯЁA-Z][А-ЯЁA-Zа-яё-]+(?:[ -][А-ЯЁA-Z][А-ЯЁA-Zа-яё-]+)?[,.]\s+(\d{1,2})\s+([а-яё]+\.?)(?:,?\s+(\d{4}))?"
    r"(?:,?\s+\d{1,2}:\d{2})?(?:\.?\s*(?:[-–—]|/)|\.\s+(?=[«\"A-ZА-ЯЁ]))"  # "Париж, 5 июня 2025. Президент …"
)
# A date and its time opening a line, in either order: "09:41 14.03.2021", "5 марта 2021 17:20".
TIMED_STAMP = re.compile(
    r"^(?:\d{1,2}:\d{2}\s*,?\s*(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\s+[а-яё]+\.?,?\s+\d{4})"
    r"|(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\s+[а-яё]+\.?,?\s+\d{4})\s*,?\s*\d{1,2}:\d{2})(?=\s|$)"
)
# A stamp glued after a headline: "Нацбанк сохранил ставку 12.03.2026 11:00" (the text ends in a letter).
TRAILING_STAMP = re.compile(r"^(?P<text>.*[^\W\d_]|.*[»\"”])\s+(?P<stamp>(?:\d{1,2}:\d{2},?\s+)?\d{1,2}\.\d{1,2}\.\d{4}"
                            r"(?:,?\s+\d{1,2}:\d{2})?)$")
QUOTED_WHOLE = re.compile(r"«[^«»]+»|\"[^\"]+\"")
LATINISH = re.compile(r"[A-Za-z]|\.[a-zа-я]{2,6}\b|^[A-ZА-ЯЁ]{2,}$|^«.+»$")

# A related-articles block's marker: the short headlines under it are not the article's, up to its next
# paragraph ("Читайте также", "Новости партнёров", "Ещё по теме:").
RELATED = re.compile(
    r"^(?:(?:читайте|смотрите)\s+(?:также|ещ[её])|(?:ещ[её]|материалы|новости|статьи)\s+по\s+теме|по\s+теме|"
    r"(?:новости|материалы|статьи)\s+партн[её]ров|(?:похожие|другие|последние|главные)\s+(?:новости|материалы|статьи)|"
    r"самое\s+(?:читаемое|популярное|обсуждаемое)|популярное|рекомендуем|вам\s+может\s+быть\s+интересно|"
    r"главное\s+за\s+(?:день|сутки|неделю)|лента\s+новостей)\s*:?$",
    re.IGNORECASE,
)
# A photo's credit closing its caption: "Министр на открытии моста (Фото: Иван Петров)".
CAPTION_CREDIT = re.compile(r"\((?:фото|photo|видео|иллюстрация|источник\s+фото|коллаж)\s*[:©][^()]{1,80}\)\s*$",
                            re.IGNORECASE)

TOP_ZONE_LINES = 20  # lines above the first body paragraph where stamps and bylines are read
BODY_WORDS = 15
HEADLINE_MAX_WORDS = 20
HEADING_MAX_WORDS = 12


@dataclass
class Paragraph:
    text: str
    kind: str = "text"  # text | heading | item | question | answer


@dataclass
class Structure:
    title: str | None
    outlet: str | None
    published: str | None
    published_source: str | None  # header | stamp | stamp+year | stamp+events | meta
    paragraphs: list[Paragraph]
    boilerplate: list[str] = field(default_factory=list)
    genre: str = "article"  # article | interview
    published_month: str | None = None  # "2021-03" from a page-store marker that gives no day: a year for dates
    url: str | None = None  # the page's address, when the page or the text states it
    language: str = "ru"  # ISO 639-1 code of the text's language: "ru", "kk", "uk", "en"…
    stamp_day: tuple[int, int] | None = None  # (month, day) of a stamp no year was found for: "12 фев"

    @property
    def lead(self) -> list[Paragraph]:
        """Paragraphs before the first question (the whole text when there is none)."""
        for index, para in enumerate(self.paragraphs):
            if para.kind == "question":
                return self.paragraphs[:index]
        return self.paragraphs[:3]


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def clean_line(line: str) -> str:
    return re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", line).strip()


def parse(doc: RawDocument, furniture: frozenset[str] = frozenset()) -> Structure:
    """Split a decoded document into headline, metadata, furniture and body paragraphs. `furniture`
    holds the lines the folder taught as its own (casefolded, see ingest/furniture.py)."""
    lines = [clean_line(line) for line in doc.text.split("\n")]
    boilerplate: list[str] = list(doc.dropped)
    boilerplate += [line for line in lines if line and line.casefold() in furniture]
    lines = [line for line in lines if line and line.casefold() not in furniture]
    published, published_source = _meta_date(doc.published), "meta" if doc.published else None
    if not published:
        published_source = None
    outlet = doc.outlet
    title = doc.title

    published_month = None
    if lines and (header := HEADER_DATE.match(lines[0])):
        parts = [int(part) for part in header[1].split("-")]
        if len(parts) == 2 and 1 <= parts[1] <= 12:  # "date 2021-03": no publication day, but the year for dates
            published_month = header[1]
        elif len(parts) == 3 and safe_date(*parts):  # "date 2025-21-30" states no date
            published, published_source = header[1], "header"
        boilerplate.append(lines[0][: header.start(2)].strip())
        lines[0] = header[2]
        if not lines[0]:
            lines.pop(0)

    url = doc.url
    named: list[str] = []  # weaker evidence of the outlet, in the page's order: breadcrumbs, a site's line, a signed
    # stamp, a closing logo
    kept: list[str] = []
    dated_stamps: list[tuple[bool, tuple[int, int, int]]] = []  # (at the foot of the page, (year, month, day))
    year_less_stamp = None
    related = False  # inside a related-articles block
    stamped: set[int] = set()  # kept lines a date stamp follows directly
    kept_at = -1  # the page line kept last
    for position, line in enumerate(lines):
        in_top = position < TOP_ZONE_LINES and sum(word_count(prev) >= BODY_WORDS for prev in kept) <= 1
        bare = line.lstrip("-–—•* ").strip()
        if RELATED.match(bare):
            # above the article a marker is a menu item: the headline and stamps under it are the article's
            related = any(word_count(prev) >= BODY_WORDS for prev in kept)
            boilerplate.append(line)
            continue
        if related and not _is_paragraph(line):
            boilerplate.append(line)
            continue
        related = False
        if holder := _rights_holder(bare, at_foot=position >= len(lines) - 3):
            named.append(holder)
        if (promo := CHANNEL_PROMO.match(bare)) and _brand(promo["own"] or promo["promoted"]):
            named.append((promo["own"] or promo["promoted"]).strip(" «»\"“”"))
        if FURNITURE.match(bare) or AUTHOR_LINE.match(bare) or (
                CAPTION_CREDIT.search(line) and word_count(line) <= HEADLINE_MAX_WORDS):
            boilerplate.append(line)
            continue
        address = URL_LINE.match(bare)
        if address and (in_top or position >= len(lines) - 3):
            url = url or address[1].rstrip(".,;")
            boilerplate.append(line)
            continue
        if in_top and (crumbs := BREADCRUMB_SITE.match(line)):
            named.append(crumbs[1])
        if in_top and SITE_NAME.fullmatch(bare):  # the site's name on a line of its own: "Vestnik.kz"
            named.append(bare)
            boilerplate.append(line)
            continue
        if in_top and (signed := SIGNED_STAMP.match(line)) and stamp_date(signed[1]):
            named.append(signed[2])
            boilerplate.append(line)
            line = signed[1]
        counters = TRAILING_COUNTERS.search(line) if in_top and not stamp_date(line) else None
        if counters and word_count(line[:counters.start()]) >= 3:
            boilerplate.append(counters[0].strip())
            line = line[:counters.start()]
        stamps = []
        if in_top and (glued := _leading_stamp(line)):
            stamp_text, line = glued  # "28.08.2025 | 17:45 |Глава МИД …": the stamp, then the text
            stamps.append(stamp_text)
        elif in_top and not any(word_count(prev) >= BODY_WORDS for prev in kept) and (glued := _trailing_stamp(line)):
            line, stamp_text = glued  # "Нацбанк сохранил ставку 12.03.2026 11:00": the headline, dated
            stamps.append(stamp_text)
            stamped.add(len(kept))
        if (in_top or position >= len(lines) - 3) and stamp_date(line):
            if in_top and kept_at == position - 1 and not stamps:
                stamped.add(len(kept) - 1)  # the line above is the one the stamp dates
            stamps.append(line)
            line = ""
        for stamp_text in stamps:
            boilerplate.append(stamp_text)
            year, month, day = stamp_date(stamp_text)
            if year:
                dated_stamps.append((not in_top, (year, month, day)))
            elif year_less_stamp is None:
                year_less_stamp = (month, day)
        if not line:
            continue
        if in_top and not title and (label := TITLE_LABEL.match(bare)):  # "Заголовок: …" of a database export
            title = label[1].strip()
            boilerplate.append(line)
            continue
        fields = _field_line(line) if in_top and not stamps else None
        if fields:
            outlet = outlet or fields[0]
            dated_stamps.append((False, fields[1]))
            boilerplate.append(line)
            continue
        if in_top:
            dateline = _dateline_date(line)
            if dateline and dateline[0]:
                dated_stamps.append((False, dateline))
            elif dateline and year_less_stamp is None:
                year_less_stamp = dateline[1:]
            byline = byline_outlet(line)
            if byline:
                boilerplate.append(line)
                outlet = outlet or byline
                continue
        kept.append(line)
        kept_at = position
    if not published and dated_stamps:
        # The earliest stamp near the headline: a page also prints the day it was saved and its updates, later.
        _, (year, month, day) = min(dated_stamps)
        published, published_source = safe_date(year, month, day).isoformat(), "stamp"

    if title:
        kept = [line for position, line in enumerate(kept)
                if position >= TOP_ZONE_LINES or clean_line(line).casefold() != clean_line(title).casefold()]
    else:
        found = choose_headline(kept, stamped)
        if found is not None:
            title = kept[found]
            boilerplate += kept[:found]  # above the headline: menus, rubrics, stamps, logos
            kept = [line for line in kept[found + 1:] if line.casefold() != title.casefold()]

    body_text = "\n".join(kept)
    if not published and year_less_stamp:
        completed = complete_year(*year_less_stamp, body_text)
        if completed:
            published, published_source = completed.isoformat(), "stamp+year"
    stamp_day = year_less_stamp if not published else None
    named += [holder for line in doc.dropped if (holder := _rights_holder(line, at_foot=False))]  # a page's footer
    if kept and (signature := PRINT_SIGNATURE.search(kept[-1])):
        named.append(signature["name"].strip())
        boilerplate.append(signature[0].strip())
        kept[-1] = kept[-1][:signature.start()].rstrip()
        if not kept[-1]:
            kept.pop()
    if kept and BRAND_LINE.match(kept[-1]) and len(kept[-1]) <= 30:  # a logo's name closing the page: "VESTNIK"
        named.append(kept[-1])
        boilerplate.append(kept.pop())
    if not outlet:
        furniture = "\n".join(line for line in boilerplate if not CREDIT.match(line))  # a photo agency is not it
        outlet = (_attributed_outlet(kept[:3], furniture) or next(iter(named), None) or _noted_outlet(kept)
                  or (_address_outlet(url, "\n".join(kept)) if url else None))

    paragraphs = _paragraphs(kept)
    genre = _mark_interview(paragraphs)
    return Structure(title, outlet, published, published_source, paragraphs, boilerplate, genre, published_month,
                     url, language_of(body_text), stamp_day)


def _rights_holder(line: str, at_foot: bool) -> str | None:
    """The publisher a copyright line names: "© 2024 Вестник. Все права защищены." → Вестник, "ИА «Вест»"
    → Вест; a photo's "© Reuters" is no page's: only at the foot, or with a year or rights reserved."""
    reserved = re.search(r"права\s+защищены|all\s+rights\s+reserved", line, re.IGNORECASE)
    holder = RIGHTS_LINE.search(line) or ((at_foot or reserved or re.search(r"\d{4}", line)) and COPYRIGHT_HOLDER.match(line))
    if holder and not re.search(r"фото|photo|видео|video|иллюстрац|коллаж|скриншот", line, re.IGNORECASE):
        return publisher_name(holder["name"])
    return None


def _field_line(line: str) -> tuple[str | None, tuple[int, int, int]] | None:
    """(the outlet's name or None, the date) of a line of fields with one dated stamp among short labels:
    "НОВОСТИ | 14 марта 2025, 18:40 | Мария Гусева" → (None, (2025, 3, 14)), "Мария Гусева | Vestnik.kz |
    14.03.2025" → ("Vestnik.kz", (2025, 3, 14)); a print citation "Деловой вестник (Омск), № 45, 14.03.2025,
    стр. 3" → ("Деловой вестник", (2025, 3, 14))."""
    issue = PRINT_ISSUE.match(line)
    if issue:
        found = stamp_date(issue["date"])
        return (publisher_name(issue["name"]), found) if found and found[0] else None  # "Газета «Вестник»" → Вестник
    fields = [field for field in FIELD_SEPARATORS.split(line) if field.strip()]
    if len(fields) < 2:
        return None
    read = [(field, stamp_date(field)) for field in fields]
    stamps = [found for _, found in read if found]
    labels = [field for field, found in read if not found]
    if len(stamps) != 1 or not stamps[0][0] or any(word_count(field) > 4 or re.search(r"[.!?]$", field)
                                                   for field in labels):
        return None
    sites = [name for name in (field.strip() for field in labels) if SITE_NAME.fullmatch(name) and name.find(".") > 1]
    return (sites[0] if len(sites) == 1 else None), stamps[0]  # "г.Алматы" names no site


def _leading_stamp(line: str) -> tuple[str, str] | None:
    """A stamp glued before the text by "|" separators: ("28.08.2025 | 17:45", "Глава МИД …"), or a date
    with its time opening a line of page furniture: ("09:41 14.03.2021", "Источник: …")."""
    timed = TIMED_STAMP.match(line)
    if timed and stamp_date(timed.group(0)):
        return timed.group(0).strip(), line[timed.end():].strip()
    fields = line.split("|")
    for cut in range(1, len(fields)):
        head, rest = "|".join(fields[:cut]).strip(), "|".join(fields[cut:]).strip()
        if not rest or not stamp_date(head):
            continue
        if all(not field.strip() or stamp_date(field) or re.fullmatch(r"\s*\d{1,2}:\d{2}\s*", field)
               for field in fields[cut:cut + 1]):
            continue  # the next field is a stamp's time or date too: cut after it
        return head, rest
    return None


def _trailing_stamp(line: str) -> tuple[str, str] | None:
    """A headline and the dated stamp glued after it: ("Мэр открыл новый мост", "09.04.2023 10:15"); never a
    line ending in a preposition and a date ("Мост открыт с 09.04.2023")."""
    glued = TRAILING_STAMP.match(line)
    if not glued or word_count(glued["text"]) < 3 or not _candidate(glued["text"]) \
            or re.search(r"(?:^|\s)[а-яё]{1,2}$", glued["text"]):
        return None
    stamp = stamp_date(glued["stamp"])
    return (glued["text"], glued["stamp"]) if stamp and stamp[0] else None


def _dateline_date(line: str) -> tuple[int | None, int, int] | None:
    """The date of an agency dateline opening the text: "Самара, 4 марта, 2021, 09:15 — ИА …" → (2021, 3, 4);
    "КАЗАНЬ, 5 апр — Агентство" → (None, 4, 5)."""
    match = DATELINE_DATE.match(line)
    if not match:
        return None
    return stamp_date(f"{match[1]} {match[2]}" + (f" {match[3]}" if match[3] else ""))


def _meta_date(value: str | None) -> str | None:
    if not value:
        return None
    match = ISO_RE.search(value)
    if match and safe_date(int(match[1]), int(match[2]), int(match[3])):
        return f"{match[1]}-{match[2]}-{match[3]}"
    stamp = stamp_date(value)
    if stamp and stamp[0]:
        return safe_date(*stamp).isoformat()
    return None


def publisher_name(name: str) -> str:
    """The name a publisher goes by, without what it is or its quotation marks: 'Информационное агентство
    "Вестник"' → Вестник, "Газета «Вестник»" → Вестник, "«Вестник»" → Вестник."""
    quoted = QUOTED_NAME.match(name.strip())
    return (quoted[1] if quoted else name).strip(" «»\"“”")


def byline_outlet(line: str) -> str | None:
    """"- Times Tengri", "Редакция Liter.kz", "Источник: ТАСС" → the outlet's name; without a colon, only a
    name written as a brand ("Источник в правительстве сообщил …" is the text)."""
    match = BYLINE_PREFIX.match(line)
    if match and (match[1] or _brand(match[2])):  # "Источник в правительстве сообщил, …" is a sentence
        return publisher_name(match[1] or match[2])
    match = DASH_LED.match(line)
    if match:
        name = match[1].strip()
        words = name.split()
        if len(words) <= 4 and len(name) <= 40 and not re.search(r"[.!?:;,]$", name) and not re.search(r"\d", name):
            if LATINISH.search(name) or all(word[:1].isupper() for word in words) and any(
                re.fullmatch(r"[A-ZА-ЯЁ]{2,}", word) for word in words
            ):
                return name
    return None


def _brand(name: str) -> bool:
    """A name written as a brand, not a phrase: "RADIO•R", "«Вечерний город»", "Вестник Степи", "vestnik.kz";
    not "Мэр города", "Forbes сообщило о росте"."""
    return bool(QUOTED_WHOLE.fullmatch(name.strip())) or not re.search(r"(?:^|\s)[а-яё]", name)


def _attributed_outlet(paragraphs: list[str], furniture: str) -> str | None:
    """The outlet the lead names as its own: an agency's dateline ("САМАРА, 5 ноября. /АГЕНТ/."), or
    "…, передает BAQ.KZ." / "пытается разобраться Altyn-orda.kz" when the name is written as a site's
    (a domain) or the page's furniture names it too ("© ТАСС"). An agency the text merely cites
    ("сообщает ТАСС", "сообщает X со ссылкой на Y" in an aggregator's retelling) is a source, not the
    outlet: None, since a wrong outlet is worse than none.
    """
    for text in paragraphs:
        dateline = DATELINE.match(text)
        if dateline:
            return (dateline[1] or dateline[2]).strip().replace("«", "").replace("»", "").replace('"', "")
        subject = SITE_SUBJECT.search(text)
        if subject:
            return subject[1]
        for match in OUTLET_ATTRIBUTION.finditer(text):
            name = match[1].strip("«»")
            if SITE_NAME.fullmatch(name) or re.search(rf"(?<!\w){re.escape(name)}(?!\w)", furniture):
                return name
    return None


def _noted_outlet(paragraphs: list[str]) -> str | None:
    """The outlet the first editor's note names, in the nominative: "(… – Прим. «Вестника»)" → Вестник."""
    from ..lang.dictionary import title_nominative

    for text in paragraphs:
        if note := EDITOR_NOTE.search(text):
            return title_nominative(note["quoted"].strip()) if note["quoted"] else note["name"].rstrip(".")
    return None


def _address_outlet(url: str, text: str) -> str | None:
    """The site an address belongs to, as the text writes it when it does ("tass.ru" → ТАСС, a word
    whose Latin spelling is the site's), else the site's name without its domain ("vestnik.com" →
    vestnik)."""
    from ..lang.translit import latin_key, latin_spellings

    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE).split("/")[0].split(":")[0]
    labels = host.split(".")
    if len(labels) < 2:
        return None
    site = labels[-2] if len(labels[-2]) > 3 or len(labels) == 2 else labels[-3]  # "news.site.co.uk"
    key = latin_key(site)
    for word in dict.fromkeys(re.findall(r"\b[А-ЯЁ][А-ЯЁа-яё-]+\b", text)):  # in text order: the first wins
        if key in latin_spellings(word):
            return word
    return site


NOT_A_HEADLINE = re.compile(
    r"://|^www\.|^/|\.(?:svg|png|jpe?g|gif|webp|html?|php)\b"  # a URL or a file path
    r"|\s[»›>]\s|\s/\s.*\s/\s"  # breadcrumbs ("sng.today » Туркменистан » …"; not a closing quote)
    r"|^#|\s#\w"  # hashtags
    r"|\((?:фото|видео|иллюстрация|photo)\b|^(?:фото|видео|иллюстрация|photo)\s*:"  # a caption's credit
    r"|\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"  # a time or a date: a stamp
    r"|\s\|\s"  # fields of a page's header ("2023-06-27 | Хроника")
    r"|^(?:изображение|картинка|иллюстрация)\b|\b(?:logo|logotype|логотип)\b"  # an image's alt text
    r"|^(?:posted|published|modified|updated|опубликовано|обновлено|изменено)\b"
    r"|:$",  # a label ("Автор:")
    re.IGNORECASE,
)
GLUED_MENU = re.compile(r"[а-яё][А-ЯЁA-Z]")  # menu items glued together ("В регионе и миреВидеоПолитика")
HEADLINE_ZONE = 40  # lines looked at for the headline: those just above the first body paragraph
PARAPHRASED = 0.3  # share of a headline's word stems that the lines after it take up


def choose_headline(lines: list[str], stamped: set[int] = frozenset()) -> int | None:
    """Which line above the first body paragraph is the headline, or None.

    Candidates are the HEADLINE_ZONE lines just above the first body paragraph (a long site menu may
    come before them; the first lines when no paragraph reads as body) that read as a headline: two to twenty
    words, one of them of four letters or more, a capital first, no final full stop, and none of the
    page's furniture (a stamp, a URL or file path, breadcrumbs, a glued menu, hashtags, a credit, a
    label). The headline is the candidate that the lines after it repeat or paraphrase most (shared
    word stems), with a bonus when the page repeats it; failing that, the first line when it is a
    candidate. A two-word line qualifies only when the page repeats it (otherwise it is most often a
    rubric or a menu item). The first candidate that qualifies wins: a subtitle under a headline paraphrases the
    lead as well. A line that a date stamp follows directly (`stamped`, indexes) may end in a full stop, as
    some sites print headlines ("Компания ответила на критику.", then "30.01.2025").

    >>> choose_headline(["RU KZ", "Павлодарский мост открылся снова", "Эксперты: мост в Павлодаре открылся снова."])
    1
    """
    body = next((i for i, line in enumerate(lines) if word_count(line) >= BODY_WORDS and _reads_as_sentence(line)),
                len(lines))
    start = max(0, body - HEADLINE_ZONE) if body < len(lines) else 0
    for index in range(start, min(body, start + HEADLINE_ZONE)):
        line = lines[index]
        if not _candidate(line, index in stamped):
            continue
        following = [other for other in lines[index + 1:index + 6] if other.casefold() != line.casefold()][:3]
        repeated = any(other.casefold() == line.casefold() for other in lines[index + 1:body + 1])
        if repeated or (word_count(line) > 2 and _paraphrased(line, " ".join(following))):
            return index  # the first candidate that its lead takes up: a subtitle below it paraphrases it too
    return 0 if lines and _candidate(lines[0], 0 in stamped) else None


def _candidate(line: str, stamped: bool = False) -> bool:
    if stamped and re.search(r"[^.]\.$", line):
        line = line[:-1]
    return (_is_headline(line) and not NOT_A_HEADLINE.search(line) and not GLUED_MENU.search(line)
            and _labelled(line)[0] not in {"question", "answer"}  # "Корр.: Когда закончится ремонт?" asks
            and word_count(line) >= 2
            and re.search(r"\w{4,}", line) is not None and not stamp_date(line))


def _is_paragraph(line: str) -> bool:
    """An ordinary paragraph, not a headline or a stamp: a long line, or a sentence of some words."""
    return word_count(line) >= BODY_WORDS or (word_count(line) >= 6 and _reads_as_sentence(line))


def _reads_as_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?…»\"”]$", line)) or SENTENCE_BREAK.search(line) is not None


def _stems(text: str) -> set[str]:
    return {word[:5].casefold() for word in re.findall(r"\w{4,}", text)}


def _paraphrased(line: str, lead: str) -> bool:
    """The lead takes up at least two of the line's word stems (first five letters of its 4+-letter words),
    and at least PARAPHRASED of them."""
    own = _stems(line)
    shared = len(own & _stems(lead))
    return shared >= 2 and shared >= PARAPHRASED * len(own)


def _is_headline(line: str) -> bool:
    """Short, not dash-led, no final full stop; a sentence break inside only in a long headline's
    second part ("Министр о паводке: Вода отступает. Дамбы выдержали")."""
    return (
        word_count(line) <= HEADLINE_MAX_WORDS
        and len(line) <= 220
        and not DASH_LED.match(line)
        and not (SENTENCE_BREAK.search(line) and ":" not in line[: SENTENCE_BREAK.search(line).start()]
                 and word_count(line[: SENTENCE_BREAK.search(line).start()]) > 1)  # "Видео. Сторонники …"
        and not re.search(r"[.,;:]$", line)
        and (line[:1].isupper() or line[:1].isdigit() or line[:1] in "«\"“")
    )


def _is_heading(line: str) -> bool:
    numbered = re.match(r"^(?:[IVXLC]+|\d{1,2})[.)]\s", line) is not None
    return (
        word_count(line) <= (HEADLINE_MAX_WORDS if numbered else HEADING_MAX_WORDS)
        and len(line) <= 160
        and not DASH_LED.match(line)
        and not re.search(r"[.,;:!…»\"”]$", line)
        and (line[:1].isupper() or numbered)
    )


def _paragraphs(lines: list[str]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    item_next = False
    for index, line in enumerate(lines):
        if LIST_MARK.match(line):
            item_next = True
            continue
        if BULLET.match(line):
            paragraphs.append(Paragraph(BULLET.sub("", line), "item"))
            continue
        if item_next:
            paragraphs.append(Paragraph(line, "item"))
            item_next = False
            continue
        followed = index + 1 < len(lines) and word_count(lines[index + 1]) > word_count(line)
        paragraphs.append(Paragraph(line, "heading" if followed and _is_heading(line) else "text"))
    return paragraphs


def _mark_interview(paragraphs: list[Paragraph]) -> str:
    """Mark dash-led or labelled questions and answers ("— Когда …?", "Вопрос: …", "Корр.: …", "Ответ: …",
    "А.Петров: …" after a question); "interview" when the text is built of them."""
    kinds: list[str | None] = []
    state = None
    for para in paragraphs:
        labelled, label = _labelled(para.text)
        asking = labelled == "question"
        dashed = DASH_LED.match(para.text) or (label if labelled in {"question", "answer"} else None)
        if dashed and (para.text.rstrip().endswith("?") or asking):
            state = "question"
        elif dashed and state in ("question", "answer"):
            state = "answer"
        elif state == "question" and not dashed:
            state = "question" if para.kind != "heading" and para.text.endswith("?") else "answer"
        kinds.append(state if (dashed or state == "answer") and (para.kind != "heading" or asking) else None)
    questions = kinds.count("question")
    names = {label["label"] for para, kind in zip(paragraphs, kinds) if kind == "answer"
             for labelled, label in [_labelled(para.text)] if labelled == "name"}
    if questions < 2 or "answer" not in kinds or len(names) > 1:
        return "article"  # two people answering by name are each their own label's (analysis.speech)
    for para, kind in zip(paragraphs, kinds):
        if kind:
            para.kind = kind
            marked = DASH_LED.match(para.text) or _labelled(para.text)[1]
            if marked:
                para.text = marked[marked.lastindex]
    return "interview"


def _labelled(text: str) -> tuple[str | None, re.Match | None]:
    """What a paragraph's leading label marks, and the match: "question" ("Вопрос: …", "Корр.: …"), "answer"
    ("Ответ: …"), "name" ("А.Петров: …", "Анна Белова: …"), or None (no label, or a word such as "Главное:",
    which stays the answer's)."""
    label = QA_LABEL.match(text)
    word = label["label"].rstrip(".").casefold() if label else ""
    if word in QUESTION_LABELS:
        return "question", label
    if word in ANSWER_LABELS:
        return "answer", label
    return ("name", label) if label and NAME_LABEL.fullmatch(label["label"]) else (None, None)
