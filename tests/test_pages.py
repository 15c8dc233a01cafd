"""Reading the article, not the page: saved web pages, furniture of every kind, a folder's own furniture,
list items and articles in other languages — on pages and texts written for these tests."""

from __future__ import annotations

import pytest
from conftest import run_cli

from kzcli.ingest.files import RawDocument, markdown_to_document
from kzcli.ingest.structure import parse
from kzcli.ingest.webpages import html_to_document

LEAD = ("Правительство области в среду утвердило программу ремонта дорог на ближайшие три года, "
        "выделив на неё значительные средства из регионального бюджета.")
SECOND = "Министр транспорта пообещал, что первые участки откроют уже осенью."

SAVED_PAGE = """<!DOCTYPE html>
<html lang="ru"><head>
<meta charset="utf-8">
<title>Область утвердила программу ремонта дорог | Вестник</title>
<meta property="og:site_name" content="Вестник">
<meta property="og:url" content="https://vestnik.example/news/roads">
<meta property="article:published_time" content="2024-05-14T23:30:00+05:00">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-14T23:30:00+05:00"}</script>
</head><body>
<div class="cookie-banner">Мы используем файлы cookie, чтобы сайт работал лучше. <button>Принять</button></div>
<header><nav><a href="/">Главная</a> <a href="/politics">Политика</a> <a href="/login">Войти</a>
<a href="/subscribe">Подписаться на рассылку</a></nav></header>
<main><article>
<h1>Область утвердила программу ремонта дорог</h1>
<div class="meta"><time datetime="2024-05-14T23:30:00+05:00">14 мая 2024, 23:30</time>
<span>3 мин чтения</span> <span>1520 просмотров</span></div>
<p>""" + LEAD + """</p>
<p>""" + SECOND + """</p>
<ul><li>Первый участок — объездная дорога у аэропорта.</li><li>Второй участок — мост через реку.</li></ul>
</article>
<aside class="related"><h3>Читайте также</h3><ul>
<li><a href="/news/1">Мэр открыл новый парк аттракционов</a></li>
<li><a href="/news/2">Фермеры жалуются на засуху</a></li></ul></aside>
<section class="comments"><h3>Комментарии</h3><p>Гость: наконец-то починят дороги!</p></section>
</main>
<footer><p>© 2024 Вестник. Все права защищены.</p><p>Адрес редакции: г. Примерск, ул. Ленина, 1</p></footer>
</body></html>"""


def test_a_saved_page_is_read_as_its_article():
    doc = html_to_document(SAVED_PAGE)
    article = parse(doc)
    assert (article.title, article.outlet, article.published, article.url) == (
        "Область утвердила программу ремонта дорог", "Вестник", "2024-05-14", "https://vestnik.example/news/roads")
    assert [(para.kind, para.text) for para in article.paragraphs] == [
        ("text", LEAD), ("text", SECOND),
        ("item", "Первый участок — объездная дорога у аэропорта."), ("item", "Второй участок — мост через реку."),
    ]
    read = " ".join([article.title] + [para.text for para in article.paragraphs])
    dropped = " ".join(article.boilerplate)
    for furniture in ("cookie", "Войти", "Подписаться на рассылку", "мин чтения", "просмотров", "Читайте также",
                      "Мэр открыл", "наконец-то", "Все права защищены", "Адрес редакции"):
        assert furniture not in read
    for furniture in ("cookie", "Читайте также", "Мэр открыл", "наконец-то", "Все права защищены", "Адрес редакции"):
        assert furniture in dropped  # the menu is not even visible text
    assert "Первый участок" not in dropped


def test_a_page_date_is_the_local_date_written_not_utc():
    page = SAVED_PAGE.replace("2024-05-14T23:30:00+05:00", "2024-05-15T01:10:00+06:00")
    assert parse(html_to_document(page)).published == "2024-05-15"


def test_a_stamp_under_the_headline_dates_a_page_whose_metadata_has_no_date():
    undated = (SAVED_PAGE.replace('<meta property="article:published_time" content="2024-05-14T23:30:00+05:00">', "")
               .replace('"datePublished": "2024-05-14T23:30:00+05:00"', '"headline": "Дороги"')
               .replace('<time datetime="2024-05-14T23:30:00+05:00">14 мая 2024, 23:30</time>', "14 мая 2024, 23:30")
               .replace("<header>", "<header><p>Сегодня: 20 мая 2024</p>"))
    article = parse(html_to_document(undated))
    assert (article.published, article.published_source) == ("2024-05-14", "stamp")
    assert [para.text for para in article.paragraphs][:2] == [LEAD, SECOND]
    # without a stamp under the headline, the header's "today" above it dates nothing
    bare = undated.replace("14 мая 2024, 23:30", "")
    assert parse(html_to_document(bare)).published is None


def test_a_page_footer_s_copyright_names_the_outlet_its_metadata_does_not():
    unnamed = SAVED_PAGE.replace('<meta property="og:site_name" content="Вестник">', "")
    assert html_to_document(unnamed).outlet is None
    assert parse(html_to_document(unnamed)).outlet == "Вестник"  # "© 2024 Вестник. Все права защищены."


@pytest.mark.parametrize("written, title", [
    ("Область утвердила программу ремонта дорог - Новости Примерска | Вестник", "Область утвердила программу ремонта дорог"),
    ("Область утвердила программу ремонта дорог — Новости дня | Вестник", "Область утвердила программу ремонта дорог"),
    ("Губернатор — о новостях недели | Вестник", "Губернатор — о новостях недели"),  # news as the topic stays
])
def test_a_news_section_closing_the_page_title_is_no_part_of_the_headline(written, title):
    page = (f"<html><head><title>{written}</title></head><body><article><p>{LEAD}</p><p>{SECOND}</p>"
            "</article></body></html>")
    assert html_to_document(page).title == title


def test_a_date_glued_to_the_site_name_of_a_page_title_is_no_part_of_the_outlet():
    page = ("<html><head><title>Область утвердила программу ремонта дорог - Вестник, 14.05.2024</title></head>"
            f"<body><article><p>{LEAD}</p><p>{SECOND}</p></article></body></html>")
    doc = html_to_document(page)
    assert (doc.title, doc.outlet) == ("Область утвердила программу ремонта дорог", "Вестник")


def test_a_page_without_main_text_keeps_every_visible_line():
    page = "<html><body><span>Короткая</span><br><span>заметка</span></body></html>"  # no block trafilatura takes
    doc = html_to_document(page)
    assert (doc.text, doc.dropped) == ("Короткая\nзаметка", [])


def test_a_site_name_guessed_from_the_address_is_no_outlet():
    page = ('<html><head><link rel="canonical" href="https://www.vestnik.example/a/1"></head><body><article>'
            f"<h1>Заголовок о ремонте дорог</h1><p>{LEAD}</p><p>{SECOND}</p></article></body></html>")
    assert html_to_document(page).outlet is None


TEXT_FURNITURE = [
    ("Фото: Иван Петров / Вестник", "a photo credit"),
    ("Министр на открытии моста (Фото: Иван Петров)", "a caption with its credit"),
    ("5 мин. чтения", "reading time"),
    ("1520 просмотров", "views"),
    ("Поделиться", "share"),
    ("ВКонтакте Telegram WhatsApp", "share buttons"),
    ("Мы используем файлы cookie для улучшения работы сайта. Продолжая, вы соглашаетесь с этим.", "consent"),
    ("Войти", "account"),
    ("Личный кабинет", "account"),
    ("Адрес редакции: 050000, г. Примерск, ул. Абая, 10", "editorial address"),
    ("Главный редактор: Иван Петров", "editorial address"),
    ("© 2024 Вестник. Все права защищены.", "copyright"),
    ("При перепечатке материалов ссылка на сайт обязательна.", "copyright"),
    ("18+", "age mark"),
]


@pytest.mark.parametrize("line", [line for line, _ in TEXT_FURNITURE],
                         ids=[kind for _, kind in TEXT_FURNITURE])
def test_furniture_of_a_text_dump_is_dropped_and_listed(line):
    article = parse(RawDocument(f"Область утвердила программу ремонта дорог\n{line}\n{LEAD}\n{line}\n{SECOND}", "utf-8"))
    assert article.title == "Область утвердила программу ремонта дорог"
    assert [para.text for para in article.paragraphs] == [LEAD, SECOND]
    assert line in article.boilerplate


def test_a_related_articles_block_is_dropped_up_to_the_next_paragraph():
    article = parse(RawDocument(
        f"Область утвердила программу ремонта дорог\n{LEAD}\nЧитайте также\nМэр открыл новый парк аттракционов\n"
        f"14:20\nФермеры жалуются на засуху\n{SECOND}", "utf-8"))
    assert [para.text for para in article.paragraphs] == [LEAD, SECOND]
    assert article.boilerplate[-3:] == ["Мэр открыл новый парк аттракционов", "14:20", "Фермеры жалуются на засуху"]


def test_markdown_list_items_are_items():
    doc = markdown_to_document(f"# Ремонт дорог\n\n{LEAD}\n\n- первый участок\n* второй участок\n2. третий участок\n",
                               "utf-8")
    assert [(para.kind, para.text) for para in parse(doc).paragraphs] == [
        ("text", LEAD), ("item", "первый участок"), ("item", "второй участок"), ("item", "третий участок")]


@pytest.mark.parametrize("name", ["clip.md", "clip.txt"])
def test_a_front_matter_record_gives_title_outlet_date_and_address(tmp_path, name):
    """A web clipper's or site generator's YAML block is the file's own record of itself; it is not text."""
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / name).write_text(
        "---\ntitle: \"Ремонт дорог: программа утверждена\"\nsource: https://vestnik.example/news/roads\n"
        f"publisher: Вестник\npublished: 2024-05-14T23:30:00+05:00\ntags: [дороги, бюджет]\n---\n\n{LEAD}\n\n{SECOND}\n",
        encoding="utf-8")
    row = run_cli("sources", "--json", cache=tmp_path / "cache", corpus=corpus).json()[0]
    assert (row["title"], row["outlet"], row["published"], row["url"]) == (
        "Ремонт дорог: программа утверждена", "Вестник", "2024-05-14", "https://vestnik.example/news/roads")
    shown = run_cli("show", row["id"], cache=tmp_path / "cache", corpus=corpus).out
    assert "publisher" not in shown and "tags" not in shown and LEAD[:40] in shown


def test_rule_lines_around_plain_text_are_no_record(tmp_path):
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"---\nМосква: {LEAD}\n---\n\n{SECOND}\n", encoding="utf-8")
    shown = run_cli("show", "a", cache=tmp_path / "cache", corpus=corpus).out
    assert LEAD[:40] in shown


KAZAKH = ("Ауыл шаруашылығы министрі өңірлерге жұмыс сапарымен барды\n"
          "Министр Иван Петров бүгін облыс әкімімен кездесіп, егін жинау науқанының барысын талқылады. "
          "«Биыл өнім мол болады», — деді министр. Ол фермерлерге қолдау көрсетілетінін айтты.\n")


def test_an_article_in_another_language_is_listed_not_analysed(tmp_path):
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "kk.txt").write_text(KAZAKH, encoding="utf-8")
    (corpus / "ru.txt").write_text(f"Область утвердила программу ремонта дорог\n{LEAD}\n{SECOND}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    indexed = run_cli("index", cache=cache, corpus=corpus)
    assert "not Russian (kk): kk.txt" in indexed.out
    listed = {row["id"]: row for row in run_cli("sources", "--json", cache=cache, corpus=corpus).json()}
    assert (listed["kk"]["language"], listed["ru"]["language"]) == ("kk", "ru")
    assert listed["kk"]["title"] == "Ауыл шаруашылығы министрі өңірлерге жұмыс сапарымен барды"
    assert run_cli("quotes", "--json", "--source", "kk", cache=cache, corpus=corpus).code == 1
    assert run_cli("people", "--json", cache=cache, corpus=corpus).code == 1  # no "Иван Петров" read from it


def _site_file(headline: str, lead: str) -> str:
    """One page of a one-outlet folder: a menu, a rubric row, the byline every page repeats, a channel plug."""
    return f"Главная\nПолитика Экономика Общество\n{headline}\n- Vestnik.kz\n{lead}\nНаш канал в Телеграм\n"


HEADLINES = ["Область утвердила программу ремонта дорог", "Фермеры собрали рекордный урожай пшеницы",
             "В городе открыли новую школу искусств", "Аким провёл приём граждан по жилью"]
LEADS = [LEAD,
         "Фермеры области в этом году собрали рекордный урожай пшеницы, сообщили в управлении сельского хозяйства региона.",
         "В городе открыли новую школу искусств, в которой будут заниматься более пятисот детей из разных районов.",
         "Аким в пятницу провёл приём граждан, на котором жители задавали вопросы о жилье и очередях на квартиры."]


def test_a_folder_teaches_its_furniture_and_keeps_its_byline(tmp_path):
    corpus = tmp_path / "news"
    corpus.mkdir()
    cache = tmp_path / "cache"
    for n in range(2):
        (corpus / f"n{n}.txt").write_text(_site_file(HEADLINES[n], LEADS[n]), encoding="utf-8")
    run_cli("index", cache=cache, corpus=corpus)
    before = run_cli("show", "n0", "--json", cache=cache, corpus=corpus).json()[0]
    assert [para["text"] for para in before["paragraphs"]] == [LEADS[0], "Наш канал в Телеграм"]  # two files: no lesson
    for n in range(2, 4):
        (corpus / f"n{n}.txt").write_text(_site_file(HEADLINES[n], LEADS[n]), encoding="utf-8")
    assert "4 analysed, 0 unchanged" in run_cli("index", cache=cache, corpus=corpus).out  # n0, n1 checked again
    shown = {n: run_cli("show", f"n{n}", "--json", cache=cache, corpus=corpus).json()[0] for n in range(4)}
    for n, view in shown.items():
        assert (view["title"], view["outlet"]) == (HEADLINES[n], "Vestnik.kz")
        assert [para["text"] for para in view["paragraphs"]] == [LEADS[n]]
        assert {"Главная", "Политика Экономика Общество", "Наш канал в Телеграм"} <= set(view["dropped"])


def test_word_documents_and_web_archives_are_read_and_a_broken_one_is_skipped(tmp_path):
    """A .docx gives its paragraphs; an .mhtml ("Webpage, Single File") its page, decoded by the part's
    own charset and transfer encoding, with the address it was saved from; a damaged .docx is skipped
    with its reason while the rest of the folder is indexed."""
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    import docx

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    document = docx.Document()
    for line in ("Мост закроют на ремонт", "Дата публикации: 3 апреля 2025",
                 "Мост через реку закроют на ремонт с 1 мая. Об этом сообщил заместитель акима Олег Ковалев.",
                 "«Работы займут два месяца», — уточнил Ковалев."):
        document.add_paragraph(line)
    document.save(corpus / "bridge.docx")
    archive = MIMEMultipart("related")
    archive["Snapshot-Content-Location"] = "https://vestnik.example/news/roads"
    page = MIMEText(SAVED_PAGE, "html", "windows-1251")  # base64 of cp1251 bytes
    archive.attach(page)
    (corpus / "roads.mhtml").write_bytes(archive.as_bytes())
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not a zip archive")
    cache = tmp_path / "cache"
    result = run_cli("sources", "--json", cache=cache, corpus=corpus)
    assert result.code == 0
    rows = {row["id"]: (row["title"], row["outlet"], row["published"], row["url"]) for row in result.json()}
    assert rows == {"bridge": ("Мост закроют на ремонт", None, "2025-04-03", None),
                    "roads": ("Область утвердила программу ремонта дорог", "Вестник", "2024-05-14",
                              "https://vestnik.example/news/roads")}
    quotes = {(row["speaker"], row["text"]) for row in run_cli("quotes", "--json", cache=cache, corpus=corpus).json()}
    assert ("Олег Ковалев", "Работы займут два месяца") in quotes
    report = run_cli("index", cache=cache, corpus=corpus)
    assert "skipped broken.docx: not a readable Word document" in report.out + report.err
