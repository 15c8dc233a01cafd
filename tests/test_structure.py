"""Layout rules on articles written for these tests (other outlets, other layouts)."""

import pytest

from kzcli.ingest.files import RawDocument
from kzcli.ingest.structure import parse
from kzcli.ingest.webpages import html_to_document


def structure_of(text: str, **hints):
    return parse(RawDocument(text, "utf-8", **hints))


def test_headline_byline_stamp_and_furniture():
    article = structure_of(
        "Парламент одобрил новый бюджет\n"
        "- Vlast.kz\n"
        "- 14:05, 3 марта 2025\n"
        "- 5 мин. чтения\n\n"
        "Депутаты в среду приняли проект бюджета на следующие три года после долгого обсуждения в комитетах.\n"
        "Фото: пресс-служба Мажилиса\n"
        "Министр финансов пообещал пересмотреть расходы уже осенью.\n"
        "Читайте также: Бюджет-2024 исполнен\n"
        "Комментарии (3)\n"
    )
    assert article.title == "Парламент одобрил новый бюджет"
    assert article.outlet == "Vlast.kz"
    assert article.published == "2025-03-03"
    assert [para.text[:8] for para in article.paragraphs] == ["Депутаты", "Министр "]
    assert "Фото: пресс-служба Мажилиса" in article.boilerplate
    assert "Комментарии (3)" in article.boilerplate


@pytest.mark.parametrize("text, published", [
    ("Курс тенге укрепился\nОпубликовано: 27.10.2025 10:00 (обновлено: 28.10.2025 12:30)\n"
     "Национальный банк сообщил об укреплении тенге к доллару на торгах во вторник утром.", "2025-10-27"),
    (" date 2024-05-02 Заголовок статьи о выборах\nТекст статьи идёт дальше, и в нём много слов о выборах.", "2024-05-02"),
    ("Заголовок\n2024-06-01T09:15:00+05:00\nОсновной текст новости, достаточно длинный, чтобы быть абзацем.", "2024-06-01"),
    ("Министр посетил Алматы\n- 3 февр.\n\n2 февраля 2024 года министр энергетики посетил Алматы "
     "и провёл встречу с представителями бизнеса.", "2024-02-03"),
    ("Новость дня\n05.03.24\nТекст новости о событии, которое произошло на этой неделе в столице.", "2024-03-05"),
    ("Новость дня\n2023-4-9 08:05 |\nТекст новости о событии, которое произошло на этой неделе в столице.", "2023-04-09"),
    ("Новость дня\n08:05 09 Апрель 2023 1520\nТекст новости о событии, которое произошло на этой неделе.", "2023-04-09"),
    ("Новость дня\nОпубликовано в Воскресенье, 9-го Апреля, 2023.\nТекст новости о событии, которое произошло.",
     "2023-04-09"),
    ("Новость дня\n09.04.2023 | 08:05 |Мэр открыл мост через реку после долгого ремонта, сообщили в мэрии.",
     "2023-04-09"),
    ("\n".join(["Меню", "Новости", "Погода", "Курсы", "Спорт", "Культура", "Авто", "Новость дня", "09.04.2023"])
     + "\nТекст новости о событии, которое произошло на этой неделе в столице, и ещё о многом другом.", "2023-04-09"),
    (" date 2024-21-30 Заголовок статьи о выборах\nТекст статьи идёт дальше, и в нём много слов о выборах.", None),
    ("Мэр открыл мост\n14:20 09.04.2023 Источник: Городское агентство новостей\nМэр открыл мост через реку "
     "после долгого ремонта, сообщили в мэрии города.", "2023-04-09"),
    ("Мэр открыл мост\n9 апреля 2023 14:20 1520 Вестник\nМэр открыл мост через реку после долгого ремонта, "
     "сообщили в мэрии города.", "2023-04-09"),
    ("Мэр открыл мост\nОмск, 9 апреля, 2023, 14:20 — Вестник. Мэр открыл мост через реку после долгого ремонта, "
     "сообщили в мэрии города.", "2023-04-09"),
    ("ОМСК, 9 апр — Вестник. Мэр открыл мост через реку после ремонта, начатого 2 марта 2023 года, "
     "сообщили в мэрии города.", "2023-04-09"),
    ("18.11.2024\nМэр открыл мост\n09.04.2023\nМэр открыл мост через реку после долгого ремонта, "
     "сообщили в мэрии города.", "2023-04-09"),
    ("Мэр открыл мост\n2:14:20 / 09.04.2023 Просмотров: 1520\nМэр открыл мост через реку после долгого ремонта, "
     "сообщили в мэрии города.", "2023-04-09"),
    (" date 2021-03 Мэр открыл мост через реку после долгого ремонта, сообщили в мэрии города.", None),
    ("Мэр открыл мост\nНижний Новгород, 9 апреля 2023 г.\nМэр открыл мост через реку после долгого ремонта, "
     "сообщили в мэрии города.", "2023-04-09"),
    ("Мэр открыл мост\nОМСК. 09.04.2023\nМэр открыл мост через реку после долгого ремонта, "
     "сообщили в мэрии города.", "2023-04-09"),
    ("Городской вестник, 09.04.2023\nМэр открыл мост\nМэр открыл мост через реку после долгого ремонта, "
     "сообщили в мэрии города.", "2023-04-09"),
    ("ГОРОД | 9 апреля 2023, 14:20 | Анна Белова\n\nМэр открыл мост\n\nМэр открыл мост через реку после долгого "
     "ремонта, сообщили в мэрии города.", "2023-04-09"),
    ("Мэр открыл мост\nГородской вестник (Омск), № 45, 09.04.2023, стр. 3\nМэр открыл мост через реку после "
     "долгого ремонта, сообщили в мэрии города.", "2023-04-09"),
    ("Мэр открыл мост\nВ воскресенье, 9 апреля 2023 года, мэр открыл мост\nМэр открыл мост через реку после "
     "долгого ремонта, сообщили в мэрии города, и горожане вышли на праздник.", None),
], ids=["first-publication-not-update", "date-header", "iso-stamp", "year-from-first-dated-event", "two-digit-year",
        "iso-with-short-fields", "view-counter", "weekday-and-ordinal-day", "stamp-glued-to-text", "below-a-menu",
        "impossible-header-date", "timed-stamp-and-source", "timed-stamp-counter-outlet", "agency-dateline",
        "year-less-dateline", "earliest-stamp-not-the-page-date", "stamp-with-views", "month-only-header",
        "place-and-date-line", "place-and-numeric-date", "paper-name-before-the-date", "fields-between-bars",
        "print-citation", "a-lead-is-no-stamp"])
def test_publication_stamps(text, published):
    assert structure_of(text).published == published


def test_a_month_only_header_gives_the_month_not_a_publication_date():
    found = structure_of(" date 2021-03 Мэр открыл мост через реку после долгого ремонта, сообщили в мэрии.")
    assert (found.published, found.published_month) == (None, "2021-03")
    assert found.paragraphs[0].text.startswith("Мэр открыл мост")


def test_no_headline_when_first_line_is_a_lead():
    article = structure_of(
        "Несмотря на рост цен, спрос на жильё в столице остаётся высоким. Почему так происходит, "
        "пытается разобраться Kursiv.media\nРынок жилья\nЦены выросли на десять процентов за год, сообщают риелторы."
    )
    assert article.title is None
    assert article.outlet == "Kursiv.media"
    assert article.paragraphs[1].kind == "heading"


def test_outlet_from_lead_attribution():
    for lead, outlet in [
        ("Правительство утвердило план, передает BAQ.KZ.", "BAQ.KZ"),
        ("В Астане прошла встреча министров, сообщает ТАСС.", None),  # an agency cited: a source, not the outlet
        ("© ТАСС\nВ Астане прошла встреча министров, сообщает ТАСС.", "ТАСС"),  # confirmed by the page
        ("ТАШКЕНТ, 3 дек - ИНТЕРФАКС. Министры встретились в Ташкенте.", "ИНТЕРФАКС"),  # an agency's dateline
        ("ОМСК, 5 ноября. /СИБИНФО/. Министры встретились в Омске.", "СИБИНФО"),
        ("Об этом сообщает Обозреватель со ссылкой на министра.", None),  # an aggregator retelling a source
        ("Об этом сообщает Tengrinews.kz со ссылкой на пресс-службу.", "Tengrinews.kz"),
        ("Соглашение подписано, передает корреспондент Zakon.kz.", "Zakon.kz"),
    ]:
        text = f"Заголовок новости\n{lead} Подробности будут позже, когда станут известны итоги встречи сторон."
        assert structure_of(text).outlet == outlet, lead
    assert structure_of("Заголовок\nВопрос решён, сообщает пресс-служба министерства. Текст продолжается дальше.").outlet is None


def test_byline_prefixes():
    assert structure_of("Заголовок\nРедакция Orda.kz\nДлинный первый абзац новости о важных событиях прошедшей недели в стране.").outlet == "Orda.kz"
    assert structure_of("Заголовок\nИсточник: РИА Новости\nДлинный первый абзац новости о важных событиях прошедшей недели в стране.").outlet == "РИА Новости"


LEAD = "Длинный первый абзац новости о важных событиях прошедшей недели в стране и за её пределами."


@pytest.mark.parametrize("text, outlet", [
    (f"Заголовок новости\nИсточник: Информационное агентство «Вестник»\n{LEAD}", "Вестник"),
    (f'Заголовок новости\nИсточник: Телеканал "Регион-24"\n{LEAD}', "Регион-24"),
    (f"vestnik.kz » Экономика » Заголовок новости\nЗаголовок новости\n{LEAD}", "vestnik.kz"),
    (f"Заголовок новости\n5 мая 2024 18:48 4022 Vestnik\n{LEAD}", "Vestnik"),
    (f"Заголовок новости\nVestnik.kz\n{LEAD}", "Vestnik.kz"),
    (f"Заголовок новости\nVestnik.kz расспросил экономистов о том, что ждёт рынок. {LEAD}", "Vestnik.kz"),
    (f"Заголовок новости\nОмск, 5 мая, 2024, 10:35 — ИА Вестник. {LEAD}", "ИА Вестник"),
    (f"Заголовок новости\nОМСК, 5 мая — Вестник Сибири, Иван Петров. {LEAD}", "Вестник Сибири"),
    (f"Заголовок новости\n{LEAD}\nVESTNIK", "VESTNIK"),  # a logo's name closing the page
    (f"Заголовок новости\n{LEAD}\nАдрес новости: vestnik.com/news/2024/05/05/zagolovok", "vestnik"),
    (f"Заголовок новости\n{LEAD} Об этом пишет Вестник.\nИсточник: https://vestnik.ru/news/1", "Вестник"),
    (f"Заголовок новости\nФото: Sibpress\n{LEAD} Как выяснило агентство Sibpress, встреча перенесена.", None),
    (f"Заголовок новости\n{LEAD} Как сообщает ТАСС, встреча перенесена.", None),  # an agency cited
    (f"Заголовок новости\n{LEAD}\n© Степной курьер, 2025", "Степной курьер"),
    (f"Заголовок новости\n{LEAD}\nВсе права защищены. Копирование материалов «Вечерний город» запрещено.",
     "Вечерний город"),
    (f"Заголовок новости\nГородской вестник (Омск), № 45 (1203), 05.05.2024, стр. 3\n{LEAD}", "Городской вестник"),
    (f"Заголовок новости\n© Reuters\n{LEAD}\nВторой абзац новости о событиях недели, длинный, как и первый абзац.\n"
     "Третий абзац новости о событиях недели, длинный, как и первый абзац текста.\nЧетвёртый абзац.", None),
    (f"Заголовок новости\n{LEAD} Решение вступит в силу весной. Газета «Степной курьер», Павлодар.", "Степной курьер"),
    (f"Заголовок новости\n{LEAD} Торги пройдут в мае (ярмарка открылась в 1998 году. – Прим. «Сибирских огней»).",
     "Сибирские огни"),
    (f"Заголовок новости\n{LEAD} По его словам, «Союз» (фонд основан в 2001 году — прим. ВЕСТЬ) вырос.", "ВЕСТЬ"),
    (f"Заголовок новости\n{LEAD} Ярмарку перенесли (в прошлом году — прим. ред.) на осень.", None),
    (f"Заголовок новости\n{LEAD}\nVESTI•K в Telegram. Подпишитесь, чтобы не пропустить главное", "VESTI•K"),
    (f"Заголовок новости\n{LEAD}\nПодписывайтесь на «Вечерний город» в Дзене", "Вечерний город"),
    (f"Заголовок новости\n{LEAD}\nГлава района в Telegram. Подписывайтесь", None),
    ("Заголовок новости\nИсточник в правительстве сообщил, что решение принято.\nВторой абзац новости.", None),
    (f"Заголовок новости\nОмск. 5 мая. VESTNIK.RU - {LEAD}", "VESTNIK.RU"),
    (f"Заголовок новости\nОмск. 5 мая. Правительство - {LEAD}", None),
    (f"Заголовок новости\nГазета «Городской вестник» №45 от 05.05.2024, стр. 3\n{LEAD}", "Городской вестник"),
    (f"Заголовок новости\n{LEAD}\n© 2025 Степной курьер. Все права защищены.", "Степной курьер"),
], ids=["descriptor-and-quoted-name", "descriptor-and-straight-quotes", "breadcrumbs-from-the-site",
        "signed-stamp", "site-name-line", "site-as-subject", "mixed-case-dateline", "dateline-with-correspondent",
        "closing-logo", "address-host", "address-host-written-in-cyrillic", "photo-agency-is-not-the-outlet",
        "cited-agency", "copyright-at-the-foot", "rights-line", "print-citation", "photo-copyright-is-not-the-outlet",
        "print-signature", "editors-note-in-the-genitive", "editors-note-of-an-agency", "note-of-the-editor",
        "own-channel-promoted", "subscribe-to-the-outlet", "a-promoted-channel-that-is-no-brand",
        "a-source-in-the-lead-is-no-byline", "dateline-in-full-stops", "a-dateline-names-no-agency-in-lower-case",
        "print-citation-with-number-and-date", "copyright-with-rights-reserved"])
def test_outlet_patterns(text, outlet):
    assert structure_of(text).outlet == outlet


def test_a_related_marker_above_the_article_leaves_its_headline_and_stamp():
    article = structure_of(f"Новости партнеров\nГлавная / Общество / Заголовок новости о парке\nЗаголовок новости о парке\n"
                           f"20 мая 2023, 14:05\nНовости о парке: {LEAD}")
    assert (article.title, article.published) == ("Заголовок новости о парке", "2023-05-20")


def test_the_page_address_is_kept_and_left_out_of_the_text():
    article = structure_of(f"Заголовок новости\n{LEAD}\nПостоянный адрес новости: vestnik.com/news/2024/05/05/zagolovok")
    assert article.url == "vestnik.com/news/2024/05/05/zagolovok"
    assert [para.text for para in article.paragraphs] == [LEAD]
    assert structure_of(f"Заголовок новости\n{LEAD}").url is None
    assert structure_of(f"Заголовок\n{LEAD}", url="https://vestnik.ru/a/1").url == "https://vestnik.ru/a/1"


def test_a_saved_page_gives_its_address():
    page = ('<html><head><link rel="canonical" href="https://vestnik.ru/news/7"><meta property="og:url" '
            'content="https://m.vestnik.ru/news/7"></head><body><h1>Заголовок</h1><p>Текст.</p></body></html>')
    assert html_to_document(page).url == "https://vestnik.ru/news/7"
    assert html_to_document(page.replace('<link rel="canonical" href="https://vestnik.ru/news/7">', "")).url == \
        "https://m.vestnik.ru/news/7"


def test_counters_glued_to_the_headline_are_furniture():
    article = structure_of(f"Рынок ждёт снижения ставки банком 10 3695\n{LEAD}")
    assert article.title == "Рынок ждёт снижения ставки банком"
    assert structure_of(f"Рынок жилья\n05:41 07 Октябрь 2020 4030\n{LEAD}").published == "2020-10-07"


def test_interview_questions_and_answers():
    article = structure_of(
        "Эксперт: рынок ждёт перемен\n"
        "Экономист Иван Петров рассказал, чего ждать от рынка в новом году.\n"
        "— Чего ждать от курса в новом году?\n"
        "— Курс будет стабильным.\n"
        "Это связано с ценами на нефть.\n"
        "— А инфляция? Она замедлится?\n"
        "— Скорее да, чем нет.\n"
    )
    assert article.genre == "interview"
    kinds = [(para.kind, para.text) for para in article.paragraphs]
    assert kinds == [
        ("text", "Экономист Иван Петров рассказал, чего ждать от рынка в новом году."),
        ("question", "Чего ждать от курса в новом году?"),
        ("answer", "Курс будет стабильным."),
        ("answer", "Это связано с ценами на нефть."),
        ("question", "А инфляция? Она замедлится?"),
        ("answer", "Скорее да, чем нет."),
    ]
    assert [para.text for para in article.lead] == ["Экономист Иван Петров рассказал, чего ждать от рынка в новом году."]


def test_labelled_questions_and_answers_make_an_interview():
    article = structure_of(
        "Директор завода рассказал о планах\n"
        "Директор завода Марат Сейтов рассказал о планах предприятия.\n"
        "Вопрос: Сколько рабочих мест появится?\n"
        "Ответ: В этом году мы создадим двести рабочих мест.\n"
        "Корр.: Будет ли расти зарплата?\n"
        "А.Сейтов: Да, зарплата вырастет на 10%.\n"
    )
    assert (article.title, article.genre) == ("Директор завода рассказал о планах", "interview")
    assert [(para.kind, para.text) for para in article.paragraphs] == [
        ("text", "Директор завода Марат Сейтов рассказал о планах предприятия."),
        ("question", "Сколько рабочих мест появится?"),
        ("answer", "В этом году мы создадим двести рабочих мест."),
        ("question", "Будет ли расти зарплата?"),
        ("answer", "Да, зарплата вырастет на 10%."),
    ]


def test_a_word_and_a_colon_opening_an_answer_stay_its_words():
    """"Главное: …" in an answer is the interviewee's own word, not a label to strip."""
    article = structure_of(
        "Директор завода рассказал о планах\nДиректор завода Марат Сейтов рассказал о планах предприятия.\n"
        "— Сколько рабочих мест появится?\n— В этом году мы создадим двести рабочих мест.\n"
        "Главное: зарплаты вырастут для всех.\n— Будет ли расти выпуск?\n— Да, на десять процентов.\n"
    )
    assert article.genre == "interview"
    assert [(para.kind, para.text) for para in article.paragraphs][3] == ("answer", "Главное: зарплаты вырастут для всех.")


def test_two_people_answering_by_name_is_no_interview_and_a_question_no_headline():
    """Each answer is then its own label's (tests/corpora/speech/transcript.txt); the headline stays the
    headline although "Корр.: Когда закончится ремонт дорог?" shares words with the answer under it."""
    article = structure_of(
        "Круглый стол о дорогах\nАким Асхат Берденов и депутат Марина Котова ответили на вопросы.\n"
        "Корр.: Когда закончится ремонт дорог?\nА.Берденов: Ремонт закончим к осени.\n"
        "Корр.: А что с тарифами?\nМ.Котова: Тарифы не вырастут.\n"
    )
    assert (article.title, article.genre) == ("Круглый стол о дорогах", "article")


def test_dialogue_dashes_alone_do_not_make_an_interview():
    article = structure_of(
        "Заголовок\nПервый абзац статьи о переговорах, прошедших в столице на этой неделе.\n"
        "— Мы готовы к диалогу, — сказал министр.\nСтороны договорились встретиться снова.\n"
    )
    assert article.genre == "article"
    assert all(para.kind != "question" for para in article.paragraphs)


def test_lone_dashes_mark_list_items():
    article = structure_of("Правительство объявило меры поддержки\nСреди мер:\n-\nснижение пошлин;\n-\nновые кредиты.\nИтог подведут позже, сообщили в министерстве.")
    assert [para.kind for para in article.paragraphs] == ["text", "item", "item", "text"]


def test_html_title_hint_removes_repeated_first_line():
    article = structure_of("Большой заголовок\nТекст статьи, довольно длинный абзац о событиях дня в стране и мире.", title="Большой заголовок")
    assert article.title == "Большой заголовок"
    assert article.paragraphs[0].text.startswith("Текст")


LEAD = ("Городской совет утвердил план реконструкции набережной: работы начнутся весной и займут два года, "
        "сообщили в мэрии.")
HEADLINE = "Горсовет утвердил план реконструкции набережной"


@pytest.mark.parametrize("furniture", [
    ["Posted 12 апреля 2024, 09:15"],  # a stamp with a label
    ["сегодня в 11:40"],  # a relative stamp
    ["2024-4-12 09:15 |"],  # a stamp with a separator
    ["https://example.org/news/2024/04/12/naberezhnaya.html"],  # a URL
    ["/static/img/logo-white.svg"],  # an image path
    ["×"],  # a close button
    ["RU", "KZ"],  # a language switch
    ["Городские новости logotype"],  # a logo's alt text
    ["example.org » Город » Благоустройство"],  # breadcrumbs
    ["ГлавнаяНовостиПолитикаЭкономика"],  # a glued menu
    ["Тверь"],  # a bare dateline city
    ["Набережная весной (Фото: Иван Петров / Городские новости)"],  # a caption with its credit
    ["Новости города", "Погода +12°"],  # a rubric and a widget
])
def test_the_headline_is_found_below_page_furniture(furniture):
    article = structure_of("\n".join(furniture + [HEADLINE, LEAD]))
    assert article.title == HEADLINE
    assert [para.text for para in article.paragraphs] == [LEAD]
    assert set(furniture) <= set(article.boilerplate)


def test_the_headline_is_found_below_a_long_site_menu():
    menu = [item for section in ("Новости", "Политика", "Экономика", "Общество", "Культура", "Спорт", "Наука",
                                 "Здоровье", "Авто", "Недвижимость", "Туризм", "Образование", "Афиша", "Погода")
            for item in (section, "+", "-", f"Все материалы: {section.lower()}")]
    article = structure_of("\n".join(menu + [HEADLINE, "Автор: Иван Петров", LEAD]))
    assert article.title == HEADLINE
    assert [para.text for para in article.paragraphs] == [LEAD]


def test_a_headline_with_a_full_stop_is_taken_when_a_stamp_dates_it():
    article = structure_of(f"{HEADLINE}.\n12.04.2024\n{LEAD}")
    assert (article.title, article.published) == (f"{HEADLINE}.", "2024-04-12")
    assert [para.text for para in article.paragraphs] == [LEAD]
    lead_first = structure_of(f"Горсовет в среду утвердил план реконструкции набережной.\n{LEAD}")
    assert lead_first.title is None


def test_a_print_signature_is_left_out_of_the_text():
    article = structure_of(f"{HEADLINE}\n{LEAD} Газета «Степной курьер», Павлодар.")
    assert [para.text for para in article.paragraphs] == [LEAD]


def test_a_subtitle_under_the_headline_is_not_taken_for_it():
    article = structure_of(
        f"{HEADLINE}\nРаботы начнутся весной и займут два года, план реконструкции одобрен единогласно\n{LEAD}")
    assert article.title == HEADLINE


def test_a_repeated_headline_is_taken_once():
    article = structure_of(f"Все проекты\n{HEADLINE}\n{HEADLINE}\n{LEAD}")
    assert article.title == HEADLINE
    assert [para.text for para in article.paragraphs] == [LEAD]


def test_a_rubric_and_a_quoted_headline():
    article = structure_of(f"Видео. {HEADLINE}\n{LEAD}")
    assert article.title == f"Видео. {HEADLINE}"
    quoted = structure_of("Мэр: «Набережную откроют через два года»\n"
                          "Мэр города заявил, что набережную откроют через два года после начала работ.")
    assert quoted.title == "Мэр: «Набережную откроют через два года»"


def test_no_headline_when_the_text_starts_with_its_lead():
    assert structure_of(LEAD + "\nВторой абзац новости о набережной и её будущем.").title is None


def test_a_labelled_headline_of_a_database_export_is_the_title():
    article = structure_of(f"Заголовок: Мэр открыл мост\nИсточник: Городской вестник\nДата: 09.04.2023\n\n{LEAD}")
    assert (article.title, article.outlet, article.published) == ("Мэр открыл мост", "Городской вестник", "2023-04-09")
    assert [para.text for para in article.paragraphs] == [LEAD]


def test_a_markdown_level_one_heading_is_the_title():
    from kzcli.ingest.files import markdown_to_document

    doc = markdown_to_document("# Итоги года: **бюджет**, налоги\n\nАвтор: Редакция\n\nДепутаты обсудили бюджет.", "utf-8")
    assert doc.title == "Итоги года: бюджет, налоги"
    assert parse(doc).title == "Итоги года: бюджет, налоги"
    assert markdown_to_document("Текст\n# Раздел\nЕщё текст.", "utf-8").title is None


def test_a_text_file_opening_with_a_level_one_heading_is_markdown(tmp_path):
    """Markdown saved as .txt: "# Заголовок" is the title, emphasis is dropped; a hashtag opens no heading."""
    from kzcli.config import MAX_FILE_BYTES
    from kzcli.ingest.files import CorpusFile, load

    def title_of(name: str, text: str):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        stat = path.stat()
        doc, _ = load(CorpusFile(str(path), name, name, stat.st_size, stat.st_mtime), MAX_FILE_BYTES)
        return parse(doc).title, doc.text.split("\n")[2]

    assert title_of("heading.txt", f"# Мэр открыл мост\n\n*{LEAD}*") == ("Мэр открыл мост", LEAD)
    assert title_of("hashtag.txt", f"#новости\n\n{LEAD}") == (None, LEAD)


def test_a_stamp_glued_after_the_headline_dates_it():
    article = structure_of(f"Мэр открыл новый мост 09.04.2023 10:15\n{LEAD}")
    assert (article.title, article.published) == ("Мэр открыл новый мост", "2023-04-09")
    assert structure_of(f"Заголовок\n{LEAD}\nМост открыт с 09.04.2023").published is None  # the body's, not a stamp


def test_a_site_among_a_bylines_fields_is_the_outlet():
    article = structure_of(f"Мэр открыл мост\nОльга Зимина | Gorod.kz | 09.04.2023, 10:15\n\n{LEAD}")
    assert (article.title, article.outlet, article.published) == ("Мэр открыл мост", "Gorod.kz", "2023-04-09")
    town = structure_of(f"Мэр открыл мост\nОльга Зимина | г.Уральск | 09.04.2023, 10:15\n\n{LEAD}")
    assert (town.outlet, town.published) == (None, "2023-04-09")


def test_a_line_that_dates_the_file_is_never_the_folders_furniture():
    """A day's news shares its date lines: three files with "date 2025-09-10" or one stamp keep their dates."""
    from kzcli.ingest.furniture import edge_lines, learned

    docs = [RawDocument(f"{stamp}\nЗаголовок новости номер {n}\nГлавная\n{LEAD}", "")
            for n, stamp in enumerate(["date 2025-09-10", "date 2025-09-10", "date 2025-09-10",
                                       "10.09.2025 14:05", "10.09.2025 14:05", "10.09.2025 14:05"])]
    assert learned([edge_lines(doc) for doc in docs]) == {"главная"}


@pytest.mark.parametrize("genitive, nominative", [
    ("Сибирских огней", "Сибирские огни"),
    ("Московского комсомольца", "Московский комсомолец"),  # an adjective that is also a surname
    ("Эха Москвы", "Эхо Москвы"),  # a genitive after the head stays
    ("Аргументов и фактов", "Аргументы и факты"),
    ("Спорт-Экспресса", "Спорт-Экспресс"),
    ("РИА Новости", "РИА Новости"),  # no genitive reading: as written
])
def test_an_outlet_named_in_the_genitive_is_given_in_the_nominative(genitive, nominative):
    from kzcli.lang.dictionary import title_nominative

    assert title_nominative(genitive) == nominative


def test_a_lead_opening_with_a_source_stays_the_text():
    """"Источник в правительстве сообщил …" is the first paragraph, not a byline naming an outlet."""
    article = structure_of("Решение о пошлинах принято\nИсточник в правительстве сообщил ТАСС, что решение принято.")
    assert (article.title, [para.text for para in article.paragraphs]) == (
        "Решение о пошлинах принято", ["Источник в правительстве сообщил ТАСС, что решение принято."])
