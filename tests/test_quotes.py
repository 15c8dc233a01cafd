"""`kzcli quotes` and `kzcli people`: patterns on our own sentences, gold figures on the seeds."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, gold, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from scoring import score_quotes  # noqa: E402

SPEECH = Path(__file__).resolve().parent / "corpora" / "speech"
QUOTE_FIELDS = {"speaker", "speaker_type", "speaker_phrase", "kind", "cue", "text", "sentence", "file", "id", "outlet", "published", "paragraph", "url"}


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    """Query commands over a small corpus written for these tests (one pattern per sentence)."""
    folder = tmp_path_factory.mktemp("speech")
    shutil.copytree(SPEECH, folder / "corpus")
    cache = folder / "cache"
    return lambda *args: run_cli(*args, cache=cache, corpus=folder / "corpus")


@pytest.fixture(scope="module")
def statements(speech):
    result = speech("quotes", "--json")
    assert result.code == 0, result.err
    return {(row["speaker"], row["kind"], row["text"]) for row in result.json()}


@pytest.mark.parametrize("expected", [
    # X заявил: «…»
    ("Арман Сеитов", "direct", "Бюджет страны будет исполнен в срок и без дефицита"),
    # a pronoun takes the paragraph's last speaker
    ("Арман Сеитов", "indirect", "расходы на образование вырастут на десять процентов"),
    # «…», — сказал X (surname only, joined to the full name)
    ("Арман Сеитов", "direct", "Мы готовы к переговорам с любым надежным партнером"),
    # split quote «…, — сказал X, — …»
    ("Тимур Жаксылыков", "direct", "Экономика растет быстрее прогнозов … и инфляция заметно замедляется"),
    # X заявил, что …
    ("Олжас Бектенов", "indirect", "правительство снизит налоги для фермеров уже в следующем году"),
    # X заявила о …
    ("Елена Петрова", "indirect", "начале новой программы поддержки экспорта"),
    # по словам X, …
    ("Елена Петрова", "indirect", "программа охватит более тысячи компаний"),
    # как отметил X, …
    ("Олжас Бектенов", "indirect", "налоговая реформа займет не менее двух лет"),
    # в заявлении ORG говорится, что …
    ("Министерство иностранных дел Казахстана", "indirect", "переговоры пройдут в Астане в марте"),
    # headline "Посол Франции: …", the role resolved to the ambassador named in the text
    ("Жан Дюпон", "indirect", "торговля между странами выросла вдвое"),
    # a role phrase as subject ("Посол заявил, что …")
    ("Жан Дюпон", "indirect", "французские компании откроют три новых завода"),
    # a speaker nobody names is kept as a description, lower case ("Эксперты считают, что …")
    ("эксперты", "indirect", "рост цен продолжится"),
    # interview answers belong to the interviewee named in the lead
    ("Марат Шибутов", "interview", "Год был непростым, но экономика региона показала устойчивый рост и привлекла новые инвестиции."),
])
def test_each_speech_pattern_gives_speaker_kind_and_text(statements, expected):
    assert expected in statements


@pytest.fixture(scope="module")
def rows(speech):
    result = speech("quotes", "--json")
    assert result.code == 0, result.err
    return result.json()


@pytest.mark.parametrize("expected", [
    # a role noun in the next sentence: «…», — признал чиновник (the vice-mayor named before)
    ("discourse.txt", "Игорь Сомов", "person", "чиновник", "direct", "Работы отстают от графика на месяц"),
    # "По его словам, …" after the sentence naming him
    ("discourse.txt", "Нурлан Бекенов", "person", "его", "indirect", "техника уже закуплена и прибудет к понедельнику"),
    # "Об этом сообщила X." after the statement it attributes
    ("discourse.txt", "Дина Алиева", "person", "Дина Алиева", "indirect", "Ремонт завершат не раньше осени"),
    # "Она также прокомментировала …:" and the quotation in the next paragraph
    ("discourse.txt", "Дина Алиева", "person", "Она", "direct", "Мы понимаем неудобства. Объезд будет открыт круглосуточно"),
    # unnamed speakers are kept as descriptions
    ("discourse.txt", "аналитики", "description", "Аналитики", "indirect", "пробки в центре города усилятся"),
    ("discourse.txt", "источник в правительстве", "description", "Источник в правительстве", "indirect",
     "на ремонт выделят дополнительные средства"),
    # X назвала Y Z
    ("stances.txt", "Алия Жумабаева", "person", "Алия Жумабаева", "indirect", "прошедшую зиму самой трудной за десять лет"),
    # X выразила уверенность, что …
    ("stances.txt", "Алия Жумабаева", "person", "Жумабаева", "indirect", "новые станции заработают к декабрю"),
    # Она призвала …
    ("stances.txt", "Алия Жумабаева", "person", "Она", "indirect", "жителей экономить электричество в часы пик"),
    # X пожаловался на …
    ("stances.txt", "Руслан Ахметов", "person", "Руслан Ахметов", "indirect", "на рост тарифов в сёлах"),
    # X написал в Telegram: «…»
    ("stances.txt", "Руслан Ахметов", "person", "Ахметов", "direct", "Тарифы в сёлах выросли вдвое за год"),
    # X поблагодарил …
    ("stances.txt", "Марат Исаев", "person", "Марат Исаев", "indirect", "энергетиков за быструю работу"),
    # inverted order: "…, заявил вице-премьер X"
    ("stances.txt", "Серик Ордабаев", "person", "Серик Ордабаев", "indirect", "Рост тарифов остановится уже весной"),
    # dash dialogue without quotation marks
    ("stances.txt", "Серик Ордабаев", "person", "Ордабаев", "direct", "Мы готовы к диалогу с жителями"),
    # "X ответил на вопрос журналистов:" and a quotation over two paragraphs
    ("coach.txt", "Павел Орлов", "person", "Павел Орлов", "direct",
     "Команда провела хороший сезон. Мы выиграли восемь матчей из десяти. Следующий год будет сложнее, но мы готовы"),
    # speech over several sentences closed by ", — сказал он"
    ("coach.txt", "Денис Руденко", "person", "он", "direct", "Игроки отдохнут две недели. Потом начнутся сборы в Турции"),
    # headline "…, — role", the role resolved to the minister named in the text
    ("dash_headline.txt", "Ерлан Каримов", "person", "министр сельского хозяйства", "indirect",
     "Цены на хлеб не вырастут до конца года"),
    # an agency passing words on is a source: the minister speaks, not "агентство"
    ("agency.txt", "Гульнара Сейтказы", "person", "Гульнара Сейтказы", "indirect",
     "библиотеки будут работать до десяти вечера"),
    # "По словам министра …" with no comma after it
    ("agency.txt", "Гульнара Сейтказы", "person", "министра культуры", "indirect",
     "также необходимо обновить фонды сельских библиотек"),
    # a reporting verb inside a relative clause ("которые запрещали") does not end the statement
    ("agency.txt", "Гульнара Сейтказы", "person", "Сейтказы", "indirect",
     "«устаревшими» правила, которые запрещали выдавать книги на дом без прописки"),
    # "На это обратила внимание X" after the statement
    ("agency.txt", "Жанна Оспанова", "person", "Жанна Оспанова", "indirect", "Читатели в сёлах берут больше книг, чем в городах"),
    # a role noun going on with the last speaker's statement ("Депутат добавил", his role named otherwise)
    ("bodies.txt", "Олег Ветров", "person", "Депутат", "indirect", "поправки внесут до марта"),
    # a body noun for the organisation last named as a subject ("Ведомство утверждает")
    ("bodies.txt", "Госстройнадзор", "org", "Ведомство", "indirect", "нарушений стало вдвое меньше"),
    # … not the agency cited as the source of the news
    ("bodies.txt", "АО «Северный порт»", "org", "компания", "indirect", "грузооборот вырос на треть"),
    # "Она" for a foreign surname whose first name tells the gender
    ("bodies.txt", "Эльза Мартинсоне", "person", "Она", "indirect", "сборы не вырастут"),
    # a quotation torn by its cue ending a sentence: «…, — признал X. — …»
    ("torn.txt", "Виктор Гаранин", "person", "Виктор Гаранин", "direct",
     "Сезон был трудным … Но команда выросла и готова бороться за медали"),
    # an unnamed source referred to leaves the outlet the speaker
    ("torn.txt", "РБК", "org", "РБК", "indirect", "Стадион клуба закроют на ремонт"),
    # "По словам" and a surname alone, named in full before
    ("torn.txt", "Вадим Жаркевич", "person", "Жаркевича", "indirect", "работы займут два года"),
    # a promise inside a concessive clause ends with that clause
    ("gloss.txt", "Арман Ахметов", "person", "Арман Ахметов", "indirect", "снизить налоги"),
    # "«…», — цитирует директора пресс-служба": the one quoted speaks, by role here
    ("quoting.txt", "Андрей Лыков", "person", "директора", "direct", "Мы сохраним темпы роста и в следующем году"),
    # … and an occupation as a role noun ("тренера" for "Главный тренер … Павел Синицын")
    ("quoting.txt", "Павел Синицын", "person", "тренера", "direct", "Сезон будет трудным"),
    # "приводит слова мэра": the one whose words are given speaks
    ("quoting.txt", "Ирина Ветрова", "person", "мэра", "direct", "Мы не допустим срыва сроков"),
    # a quoted name between the verb and "что" is no quotation: "сообщила агентству «Вест», что …"
    ("quoting.txt", "Ольга Седова", "person", "Ольга Седова", "indirect", "дивиденды вырастут вдвое"),
    # the place it was said, without its preposition and in the nominative ("В министерстве пояснили")
    ("quoting.txt", "министерство", "description", "министерстве", "indirect", "льготы для завода сохранятся"),
    # a body noun for the organisation the text introduced with it: "Компания «Северная сталь»"
    ("quoting.txt", "Северная сталь", "org", "компании", "indirect", "Компания «Северная сталь» увеличила выпуск на 12%"),
    # "регулятор" stands for the bank named with its country, never for the football club named after it
    ("quoting.txt", "Национальный банк Молдовы", "org", "регулятор", "indirect",
     "Национальный банк Молдовы в пятницу сохранил базовую ставку на прежнем уровне"),
    ("quoting.txt", "Национальный банк Молдовы", "org", "регулятор", "indirect", "Рост инфляции замедлился до 5%"),
    # "Адвокат Карипова Дина Омарова": the lawyer speaks, not her client, whom the tagger runs into her name
    ("owners.txt", "Дина Омарова", "person", "Дина Омарова", "indirect", "защита обжалует решение"),
    ("owners.txt", "Дина Омарова", "person", "адвокат", "direct", "Мой подзащитный не признает вину"),
    ("owners.txt", "Олег Сидоров", "person", "Олег Сидоров", "indirect", "документы переданы в суд"),
    # stance verbs that need a clause: "предположил, что", "сомневается, что"; advice with an infinitive
    ("verbs.txt", "Павел Орешкин", "person", "Павел Орешкин", "indirect", "рост цен замедлится"),
    ("verbs.txt", "Марат Ержанов", "person", "Марат Ержанов", "indirect", "рынок быстро восстановится"),
    ("verbs.txt", "Алия Касымова", "person", "Алия Касымова", "indirect", "не спешить с выводами"),
    # how the words were said: "возмущается", "вспоминает" with a quotation
    ("verbs.txt", "Вера Котова", "person", "Вера Котова", "direct", "Почему нам отменили автобус?"),
    ("verbs.txt", "Андрей Мухин", "person", "Мухин", "direct", "Раньше было лучше"),
    # "делится на три части" is no speech, so "Об этом сообщила" takes the sentence
    ("verbs.txt", "Анна Лосева", "person", "Анна Лосева", "indirect", "Бюджет района делится на три части"),
    # a woman's surname in "-ой" is her genitive after "по словам", "по мнению"
    ("women.txt", "Алёна Сомова", "person", "Сомовой", "indirect", "рост составит не больше 7%"),
    ("women.txt", "Ксения Берёзкина", "person", "Берёзкиной", "indirect", "горожане не готовы платить больше"),
    # "Как сообщил X, смета утверждена": a statement of two words with its predicate
    ("women.txt", "Пётр Зорин", "person", "Пётр Зорин", "indirect", "смета утверждена"),
    # "со слов X": an unnamed speaker in the nominative, its number and adjectives agreeing
    ("described.txt", "очевидцы", "description", "очевидцев", "indirect", "пожар на складе начался около полуночи"),
    ("described.txt", "опрошенные соседи", "description", "опрошенных соседей", "indirect", "сигнализация не сработала"),
    # "глава района" is not the "глава департамента" named before, though he spoke last
    ("described.txt", "глава района", "description", "Глава района", "indirect", "пострадавшим выплатят компенсации"),
    # a press office of a named body speaks for it; of "ведомство", it stays a description
    ("described.txt", "пресс-служба областного МЧС", "org", "пресс-службе областного МЧС", "indirect",
     "площадь пожара составила 400 квадратных метров"),
    ("described.txt", "пресс-служба ведомства", "description", "пресс-службе ведомства", "indirect", "пострадавших нет"),
    # a headline "Фамилия: «…. …»": the person named in full in the body, the quotation over both sentences
    ("quoted_headline.txt", "Ринат Латыпов", "person", "Латыпов", "direct", "Мы справимся. Кризис позади"),
    # "София" is a first name, not a role before the surname (pymorphy2 reads it as the city alone)
    ("quoted_headline.txt", "София Гарсон", "person", "Гарсон", "indirect", "вернется на турнир через год"),
    # a headline's role noun for the person whose role it fits; a quotation there is direct
    ("coach_headline.txt", "Игорь Салтыков", "person", "Тренер клуба «Заря»", "direct", "Сезон будет тяжелым"),
    # an employee of a company is not the company ("Сотрудник банка «Восток» сообщил")
    ("employee.txt", "сотрудник банка «Восток»", "description", "Сотрудник банка «Восток»", "indirect",
     "вклады застрахованы"),
    # an appeal "с просьбой", "с призывом": the infinitive is what was asked for
    ("appeals.txt", "Иван Семенов", "person", "Иван Семенов", "indirect", "ускорить выплаты пенсионерам"),
    ("appeals.txt", "профсоюз", "description", "Профсоюз", "indirect", "повысить зарплаты учителям на треть"),
    # "Об этом заявил" after a sentence whose "признает" and "так называемых" report nothing; its own
    # quotation marks stay
    ("appeals.txt", "Олег Руднев", "person", "Олег Руднев", "indirect",
     "Горсовет не признает итоги так называемых «народных слушаний»"),
    # the object opening the sentence, the speaker after the cue: what was announced
    ("appeals.txt", "Тимур Сулеев", "person", "Тимур Сулеев", "indirect", "Новые правила выдачи кредитов на прошлой неделе"),
    # a name with role words and a colon: the quotation after it, or the words after it
    ("labels.txt", "Олег Малинин", "person", "Губернатор Олег Малинин", "direct", "Мы не допустим дефицита топлива в регионе"),
    ("labels.txt", "Анна Белова", "person", "Экономист Анна Белова", "indirect", "рынок перегрет, коррекция неизбежна"),
    # "дал понять, что", "уверена, что" (natasha's lemma "уверить"), "по подсчетам X"
    ("labels.txt", "Алмас Нуров", "person", "Алмас Нуров", "indirect", "тарифы повышать не будут"),
    ("labels.txt", "Лейла Сарсенова", "person", "Лейла Сарсенова", "indirect", "закон примут весной"),
    ("labels.txt", "Игорь Левин", "person", "Игоря Левина", "indirect", "инфляция в марте превысит 8%"),
    # "заявил о том, что …": the clause, not "том"; "сказал «Известиям»: «…»": the quotation after the colon
    ("labels.txt", "Иван Громов", "person", "Иван Громов", "indirect", "ремонт дорог завершат к осени"),
    ("labels.txt", "Иван Громов", "person", "Громов", "direct", "Бюджет на ремонт увеличен на треть"),
    ("labels.txt", "Светлана Ершова", "person", "Светлана Ершова", "indirect", "ситуацию с дорогами как критическую"),
    # "глава государства" stands for a president named before, never for a bank's chairman
    ("heads_president.txt", "Арман Касенов", "person", "глава государства", "indirect", "экономика выдержала давление"),
    ("heads.txt", "глава государства", "description", "глава государства", "indirect", "экономика выдержала давление"),
    # "подчеркнул, что …" whose clause natasha's parser hangs on a later word: the clause from its "что"
    ("labels.txt", "Сергей Ломов", "person", "Сергей Ломов", "indirect",
     "честно служил стране и жалеет лишь о том, что не смог попрощаться с коллегами"),
    # "отметил, что …, а также пообещал …": the parser hangs the promise in the clause, whose plural verb
    # cannot be its subject's; it is his
    ("conjuncts.txt", "Ерлан Сагатов", "person", "Ерлан Сагатов", "indirect", "сеть обновят к 2027 году"),
    ("conjuncts.txt", "Ерлан Сагатов", "person", "Ерлан Сагатов", "indirect", "снизить потери"),
    # a role noun the tagger reads as a proper noun, and NER as a place, still speaks as a description
    ("akim.txt", "аким области", "description", "Аким области", "indirect", "выбросы сократятся"),
    # "Как сказал источник, близкий к переговорам, …": the statement starts past the speaker's own phrase
    ("source.txt", "источник, близкий к переговорам", "description", "источник, близкий к переговорам", "indirect",
     "стороны близки к компромиссу"),
    # "спросил мэра X …. «…», — ответил он": the one asked answers, not the last speaker
    ("answer.txt", "Павел Орлов", "person", "он", "direct", "Все работы завершим к осени"),
    # straight quotes nest: a name quoted inside a quotation does not close it
    ("nested.txt", "Андрей Котов", "person", "Андрей Котов", "direct",
     'Мы довольны тем, что проект ("Зеленый город" - прим. ред.) развивается. После запуска "Зеленого города" '
     "жители получили новые парки"),
    # "говорится в Telegram-канале ведомства": the channel's owner; "«…» — так прокомментировал X"
    ("channels.txt", "ведомство", "description", "ведомства", "direct", "Очередей в поликлиниках станет меньше"),
    ("channels.txt", "Ерлан Тулегенов", "person", "Ерлан Тулегенов", "direct", "Это временные трудности"),
    # a plural role noun is the group it names, not one of its members named later
    ("plural_roles.txt", "аналитики", "description", "Аналитики", "indirect", "ставка останется прежней до весны"),
    # "X, который отметил, что …": the one the relative clause is about
    ("relative.txt", "Степан Ковалев", "person", "Степан Ковалев", "indirect", "мост построят за два года"),
    ("relative.txt", "жители", "description", "жители", "indirect", "стройка испортит набережную"),
    # "подтвердил «Прибою»": the outlet told is not the body that speaks in the next paragraph
    ("told.txt", "мэрия", "description", "мэрии", "indirect", "штраф составит 2 млн рублей"),
    # "Аналитик Марина Ким:" as a paragraph of its own: the next paragraph is hers
    ("appeals.txt", "Марина Ким", "person", "Аналитик Марина Ким", "direct",
     "Рынок перегрет, и коррекция неизбежна. Инвесторам стоит быть осторожнее."),
])
def test_discourse_patterns_give_exact_speaker_and_text(rows, expected):
    found = {(row["file"], row["speaker"], row["speaker_type"], row["speaker_phrase"], row["kind"], row["text"])
             for row in rows}
    assert expected in found


def test_narration_after_an_interview_is_no_answer(rows):
    """After the last answer, "Директор музея X уточнил, что …" is the article speaking again: X's
    statement, not the interviewee's answer."""
    found = sorted((row["speaker"], row["kind"], row["text"]) for row in rows if row["file"] == "closing.txt"
                   and row["kind"] != "direct")
    assert found == [("Вера Лунина", "indirect", "новой выставке"),
                     ("Вера Лунина", "interview", "Мне хотелось привезти картины туда, где музеев почти нет."),
                     ("Вера Лунина", "interview", "Мы рассчитываем показать ее следующей зимой."),
                     ("Глеб Осокин", "indirect", "вход на выставку будет бесплатным")]


def test_a_person_noun_never_speaks_for_the_organisation_after_it(rows):
    """"Сотрудник «Газпрома»: «…»" is one employee's words, not the company's: no speaker, so no statement."""
    assert not [row for row in rows if row["file"] == "employee.txt" and row["speaker_type"] == "org"]


def test_recognising_and_appearing_report_nothing(rows):
    """"признана банкротом" declares, "выступил с докладом" appears, "Книгу … написал журналист" makes:
    none reports a statement; the file's statements are its appeal, its call, the announcement, the
    mayor's and the analyst's, each once."""
    found = sorted(row["cue"] for row in rows if row["file"] == "appeals.txt")
    assert found == ["Аналитик Марина Ким:", "Об этом заявил", "выступил с призывом", "обратился с просьбой", "объявил"]


def test_a_credit_line_is_no_statement(rows):
    """"Фото: Роман Исаев" names who took the picture: the name is after the colon, so nobody speaks; nor
    does "«Большая сделка» Игоря Сомова: …", a topic named after its owner."""
    assert not [row for row in rows if row["file"] == "labels.txt" and ("Исаев" in row["speaker"] or "Сомов" in row["speaker"])]
    assert len([row for row in rows if row["file"] == "labels.txt"]) == 9


def test_a_role_noun_after_its_adjective_is_not_a_word_that_agrees(rows):
    """"Уволенный глава агентства" is not the "экс-глава пресс-службы" named in the body: the head noun
    itself, after an adjective, is no sign that the roles agree."""
    found = [(row["speaker"], row["speaker_type"]) for row in rows if row["file"] == "fired.txt"]
    assert found == [("уволенный глава агентства", "description")]


def test_a_joint_statement_is_each_speaker_s(rows):
    """"Депутаты Игорь Орлов и Павел Гуров заявили, что …": one statement, listed once for each of them."""
    found = sorted((row["speaker"], row["text"]) for row in rows if row["file"] == "joint.txt")
    assert found == [("Игорь Орлов", "закон примут весной"), ("Павел Гуров", "закон примут весной")]


def test_words_of_thanks_are_no_attribution(rows):
    """"выступил со словами благодарности" names what he said, not whose words follow."""
    assert not [row for row in rows if row["file"] == "described.txt" and "пожарных" in row["sentence"]]


def test_words_carried_by_a_verb_have_that_verb_for_cue(rows):
    """"Слова губернатора приводит агентство: «…»": the cue is "приводит", not the words it carries."""
    found = [(row["speaker"], row["cue"]) for row in rows
             if row["file"] == "quoting.txt" and row["text"] == "Мы наймем тысячу рабочих"]
    assert found == [("губернатор", "приводит:")]


def test_leading_to_is_no_giving_of_words(rows):
    """"приводит к росту" is no cue: the statement is the administration's, after "отметили"."""
    found = [(row["speaker"], row["cue"], row["text"]) for row in rows
             if row["file"] == "quoting.txt" and "тарифов" in row["text"]]
    assert found == [("администрация", "отметили", "Рост цен на топливо приводит к росту тарифов")]


def test_a_manner_verb_with_a_topic_reports_nothing(rows):
    """"вспоминает о временах, когда …" names what he recalls, not what he said."""
    assert not [row for row in rows if row["file"] == "verbs.txt" and "временах" in row["text"]]


def test_a_negated_cue_keeps_its_negation(rows):
    """"не исключил, что …" reports the opposite of "исключил": the cue says so."""
    found = [(row["speaker"], row["cue"], row["text"]) for row in rows if row["file"] == "verbs.txt"]
    assert ("Аскар Нуров", "не исключил что", "ставка будет снижена") in found


def test_a_converb_gloss_is_not_a_statement(rows):
    """"…, подчеркнув важность реформы" is the writer's gloss on what the ministry said."""
    texts = [row["text"] for row in rows if row["file"] == "gloss.txt"]
    assert texts == ["снизить налоги", "закон вступит в силу в июле"]


@pytest.mark.parametrize("file, fields, expected", [
    # "Такое мнение высказал X", "Такое заявление сделал X", "Так считает X", "Это обещание дал X", "Этой точки
    # зрения придерживается X" attribute the sentence before them; an opening "Так," is a discourse word, "Это
    # сделал X" an act and "Такое решение принял X" a decision: none of them reports words.
    pytest.param("pointers.txt", ("speaker", "speaker_phrase", "cue", "text"), [
        ("Аркадий Лещенко", "Аркадий Лещенко", "Такое заявление сделал",
         "Новый паром придет в порт только весной, а ремонт старого займет всю зиму"),
        ("Виталий Громов", "Виталий Громов", "Такое мнение высказал",
         "Паромная переправа через реку Иртыш закроется в середине ноября"),
        ("Инна Сорокина", "Инна Сорокина", "Так считает", "Переправа останется убыточной еще несколько лет"),
        ("Кирилл Осипов", "Кирилл Осипов", "Это обещание дал", "Расписание автобусов опубликуют на сайте района"),
        ("Павел Зуев", "Павел Зуев", "Этой точки зрения придерживается",
         "Пассажиров перевезут автобусами до самого ледостава"),
    ], id="pointers"),
    # "уверен в том, что …", "выразил уверенность в том, что …": the clause after "в том, что" is what was said; so
    # is the clause after ", что" past words telling where it was said ("отметил в беседе с корреспондентом …, что
    # …"), while a stance keeps its noun ("высказал мнение, что") and "заявил в том числе о …" its "о".
    pytest.param("that_clauses.txt", ("speaker", "cue", "text"), [
        ("Олег Ракитин", "высказал мнение что", "тарифы на погрузку снизятся"),
        ("Олег Ракитин", "заявил о", "планах строительства нового терминала"),
        ("Олег Ракитин", "убежден в том, что", "порт станет крупнейшим на Каспии"),
        ("Семен Лагутин", "выразил уверенность в том, что", "новые причалы построят за два года"),
        ("Семен Лагутин", "отметил что", "очередь судов на рейде сократилась"),
        ("Семен Лагутин", "уверен в том, что", "грузооборот вырастет вдвое"),
    ], id="that_clauses"),
    # "…, информирует пресс-служба. «…», — говорится в сообщении.": the message is the press office's; after an
    # organisation named in between, or with no statement in reach, it is no one's.
    pytest.param("messages.txt", ("speaker", "kind", "text"), [
        ("Тимофей Ланской", "indirect", "запуске новых рейсов"),
        ("Тимофей Ланской", "indirect", "летом по реке пойдут четыре новых теплохода"),
        ("пресс-служба городской администрации", "direct", "Пассажиры получат новый зал ожидания и крытый причал"),
        ("пресс-служба городской администрации", "indirect", "Речной вокзал откроется после ремонта 1 июня"),
    ], id="messages"),
    # "Против повышения тарифов высказался X", "На нехватку врачей пожаловались жители": the complement the cue
    # governs, fronted, is the statement, but not where it was said ("На пресс-конференции указал X"); "Как выяснило
    # агентство, …" reports what the agency found out, "Инженеры выяснили, как …" nothing.
    pytest.param("positions.txt", ("speaker", "cue", "text"), [
        ("Игорь Ветров", "высказался", "Против повышения тарифов на воду"),
        ("Олег Суханов", "высказался", "за снижение налогов для малого бизнеса"),
        ("Руслан Бекет", "призвал", "К прекращению забастовки на заводе"),
        ("Север-Пресс", "как выяснило", "подрядчик дважды сорвал сроки поставки труб"),
        ("жители поселка Озерный", "пожаловались", "На нехватку врачей в сельской больнице"),
        ("журналисты издания", "как выяснили", "тендер выиграла компания брата министра"),
    ], id="positions"),
    # "назвал это «настоящим прорывом», при этом отметив, что …": "это" is what was named, and the words between the
    # comma and the next cue ("при этом") end the first statement.
    pytest.param("naming.txt", ("cue", "text"), [
        ("назвал", "это «настоящим прорывом»"),
        ("назвал", "это решение ошибкой"),
        ("назвал:", "позор для города"),
        ("отметив что", "работы осталось еще много"),
    ], id="naming"),
    # The parser may hang the statement's own subject ("Степан Жуков … поговорил") as an apposition of the speaker
    # after the cue ("рассказал глава профсоюза, … Георгий Лапин"): no name belongs to a noun across a verb.
    pytest.param("across.txt", ("speaker", "cue"), [("Георгий Лапин", "рассказал")], id="across"),
    # "рассказывает, где жители найдут расписание", "уточнил, будут ли …", "прокомментировал новые тарифы" and
    # "Говоря о ремонте, …" name a topic: no statement, and the one that follows the topic is kept.
    pytest.param("topics.txt", ("cue", "text"), [
        ("заявив о", "готовности снизить тарифы"),
        ("заявил что", "работы начнутся весной"),
        ("рассказал что", "отключений в выходные не будет"),
    ], id="topics"),
    # "пресс-служба ТКБ заявила" and "в пресс-службе ТКБ сообщили" are one speaker, the press office of the
    # organisation, typed org; an aside in brackets after it stays out of the name. A person's press office speaks
    # as his office, not as him.
    pytest.param("press_offices.txt", ("speaker", "speaker_type", "text"), [
        ("пресс-служба ТКБ", "org", "никто не пострадал"),
        ("пресс-служба ТКБ", "org", "офис откроется в понедельник"),
        ("пресс-служба ТКБ", "org", "сбое в работе мобильного приложения банка"),
        ("пресс-служба губернатора Ивана Орлова", "org", "ремонт дорог начнется в мае"),
        ("пресс-служба компании «Северный порт»", "org", "работы возобновятся завтра"),
    ], id="press_offices"),
    # "источник, знакомый с ситуацией" is the speaker's description, in the nominative ("по словам источника,
    # знакомого с …"), and the statement starts past it.
    pytest.param("asides.txt", ("speaker", "cue", "text"), [
        ("источник, близкий к переговорам", "как сказал", "встреча пройдет в пятницу"),
        ("источник, знакомый с ситуацией", "сообщил что", "решение уже принято"),
        ("источник, знакомый с ходом переговоров", "по словам", "стороны близки к соглашению"),
        ("собеседник агентства, близкий к руководству компании", "сообщил что", "сделка сорвалась"),
        ("эксперты, опрошенные газетой", "считают что", "цены вырастут"),
    ], id="asides"),
    # "Ольга Мельникова, директор драмтеатра:" alone gives the paragraph under it; "«…», — обратился он к жителям"
    # is his appeal, though "обратился" reports only with a request noun elsewhere.
    pytest.param("addressed.txt", ("speaker", "kind", "text"), [
        ("Игорь Сомов", "direct", "Мы ждем зрителей. Приходите всей семьей"),
        ("Игорь Сомов", "indirect", "труппа пополнилась тремя актерами"),
        ("Ольга Мельникова", "direct", "Мы покажем пять премьер. Зритель вернулся, залы полны."),
    ], id="addressed"),
    # "«…», — передает агентство слова министра" is the minister's; "так передает слова заправщиков" names words it
    # does not hold, and "передал документы" is no speech.
    pytest.param("carried.txt", ("speaker", "cue", "text"), [
        ("Руслан Бекет", "передает", "Мы контролируем ситуацию"),
    ], id="carried"),
    # "А.Берденов: …" and "М.Котова: …" (a label NER may miss or read as a genitive) are the answers of the two
    # people the lead names; the correspondent's questions are no one's statements.
    pytest.param("transcript.txt", ("speaker", "text"), [
        ("Асхат Берденов", "Ремонт закончим к осени, подрядчики уже работают"),
        ("Марина Котова", "Тарифы в этом году не вырастут, мы проверили"),
    ], id="transcript"),
    # "«…», — отрезал министр" reports words as a manner verb does; "По словам X, которые приводит агентство, …"
    # starts the statement past the relative clause; "— …, — сказал он и добавил: — …" is his twice, though the
    # parser joins "добавил" to the quotation's predicate.
    pytest.param("manner.txt", ("speaker", "cue", "text"), [
        ("Данияр Ермеков", "добавил:", "Но нужны гарантии"),
        ("Данияр Ермеков", "не исключил что", "встреча может пройти в Астане"),
        ("Данияр Ермеков", "отрезал", "Никаких уступок не будет"),
        ("Данияр Ермеков", "по словам", "армия готова к учениям"),
        ("Данияр Ермеков", "подчеркнул что", "учения пройдут в августе, а их масштаб будет беспрецедентным"),
        ("Данияр Ермеков", "сказал", "Мы готовы к переговорам"),
        ("источник в министерстве", "как рассказал", "переговоры начнутся в июне"),
    ], id="manner"),
    # "«…», — цитирует адвоката портал Vestnik.kz." then "В суде пояснили, что …": the court is not the portal that
    # passed the lawyer's words on, and stays a description.
    pytest.param("court.txt", ("speaker", "speaker_type", "text"), [
        ("ДП Алматинской области", "org", "мужчина похитил из магазина телефоны на сумму 2 млн тенге"),
        ("Ержан Сапаров", "person", "Мы не согласны с квалификацией"),
        ("Ержан Сапаров", "person", "обжалует решение суда"),
        ("владелец магазина", "description", "кражи случались и раньше"),
        ("пресс-служба ДП Алматинской области", "org", "задержанный дал признательные показания"),
        ("суд", "description", "приговор еще не вступил в законную силу"),
    ], id="court"),
    # "Гарнье заявил …. Краузе, в свою очередь, отметил …. «…», — сказал немецкий политик.": the words "немецкий
    # политик" fit neither stated role, and Краузе was the subject since Гарнье spoke, so the speaker stays a
    # description rather than Гарнье.
    pytest.param("summit.txt", ("speaker", "cue", "text"), [
        ("Анна Ветрова", "напомнила что", "прошлый саммит закончился ничем"),
        ("Анна Ветрова", "по мнению", "встреча не принесет прорыва"),
        ("Анна Ветрова", "считает что", "разногласия сохранятся"),
        ("Отто Краузе", "ответил", "Решение примем вместе"),
        ("Этьен Гарнье", "добавил что", "встреча была продуктивной"),
        ("Этьен Гарнье", "заявил что", "Европа должна укрепить оборону"),
        ("немецкий политик", "сказал", "Мы едины как никогда"),
    ], id="summit"),
    # "Казахстан … ограничил вывоз сахара и призвал соседей …. Об этом сообщил министр …": a country is never a
    # speaker, so its "призвал" leaves the sentence to the minister who reported it.
    pytest.param("countries.txt", ("speaker", "cue", "text"), [
        ("Арман Касымов", "Об этом сообщил",
         "Казахстан с 3 марта ограничил вывоз сахара и призвал соседей поддержать эти меры"),
        ("правительство Казахстана", "заявило что", "не планирует повышать пошлины на муку"),
    ], id="countries"),
    # A headline that opens with the quotation, "«Мы готовы к диалогу»: глава МИД о переговорах", is the
    # words of the one named after it (a role resolved to the minister the text names).
    pytest.param("quotation_first.txt", ("speaker", "kind", "text"), [
        ("Ерлан Сарсенов", "direct", "Мы готовы к диалогу"),
    ], id="quotation_first"),
    # "Позицию профсоюза озвучил его председатель X: «…»": the one who voices a statement speaks, not the body
    # that owns it; "Сроки проверки озвучил директор" names no statement.
    pytest.param("voicing.txt", ("speaker", "cue", "text"), [
        ("Роман Беккер", "изложил:", "Датчики метана устарели"),
        ("Тимур Алдабергенов", "озвучил:", "Шахты нужно проверить до зимы"),
        ("компания", "Позиция:", "Все шахты работают по нормам"),
    ], id="voicing"),
    # "«Нет», — ответил Ахметов.": a one-word quotation a cue introduces is a statement; a one-word name in
    # quotation marks ("назвали «Магистраль»") is not.
    pytest.param("one_word.txt", ("speaker", "kind", "cue", "text"), [
        ("Руслан Ахметов", "direct", "ответил", "Нет"),
        ("Руслан Ахметов", "direct", "отрезал", "Никаких"),
    ], id="one_word"),
    # "«…», — Дарья Мельник, координатор центра.", "«…», — директор приюта Глеб Сорокин.": a quotation signed
    # with a name and no verb is the name's; never an award's winner ("«Лучший волонтер года» — Ирина Зотова",
    # no comma, no closing stop), a sentence whose verb follows the name, nor other words than a role before it.
    pytest.param("signed.txt", ("speaker", "speaker_phrase", "cue", "text"), [
        ("Глеб Сорокин", "директор приюта Глеб Сорокин", "—", "Приюты переполнены"),
        ("Дарья Мельник", "Дарья Мельник, координатор центра", "—", "Мы продолжим помогать приютам"),
        ("Степан Ковальчук", "Степан Ковальчук", "—", "Нас стало вдвое больше!"),
    ], id="signed"),
    # "заявил в эфире радиостанции «Восток», что поддержит поправки": a name in quotation marks among the
    # words of where it was said, and a "что" the parser took for the clause's subject, still link the clause.
    pytest.param("where_said.txt", ("speaker", "cue", "text"), [
        ("Глеб Рязанцев", "заявил что", "поддержит поправки"),
    ], id="where_said"),
    # "В ведомстве Гончар отметили, что …": one person's name before a plural verb is whose ministry spoke,
    # never the speaker, whether the parser made it the subject or not.
    # "сообщает Бюро экономической статистики. По данным ведомства, …": a bureau is a government body
    pytest.param("bureau.txt", ("speaker", "speaker_type", "speaker_phrase", "text"), [
        ("Бюро экономической статистики", "org", "Бюро экономической статистики",
         "Годовая инфляция в ноябре ускорилась до девяти процентов"),
        ("Бюро экономической статистики", "org", "ведомства", "сильнее всего подорожали овощи"),
    ], id="bureau"),
    pytest.param("owned_body.txt", ("speaker", "speaker_type", "text"), [
        ("ведомство", "description", "финансирование уже выделено"),
    ], id="owned_body"),
    # "«Мы не допустим роста цен на хлеб». Об этом заявил министр …": a cue word inside the quotation
    # ("допустить") is the quotation's own, so the sentence is the statement "Об этом" points back to.
    pytest.param("pointer_quoted.txt", ("speaker", "kind", "cue", "text"), [
        ("Ильдар Габдуллин", "direct", "Об этом заявил", "Мы не допустим роста цен на хлеб"),
    ], id="pointer_quoted"),
    # "Глава Минздрава сообщила" is the "министр здравоохранения" named before (a ministry's short name names
    # a minister's ministry), and "Директор пообещал" / "Директор сообщила" are the man and the woman of two
    # directors: the verb's gender picks among the people a role noun may stand for.
    pytest.param("ministry.txt", ("speaker", "cue", "text"), [
        ("Анна Лукина", "сообщила что", "выставка продлится до осени"),
        ("Игорь Пестов", "пообещал что", "фонд оплатит реставрацию"),
        ("Лидия Карпенко", "сообщила что", "проект больницы уже готов"),
        ("Олег Вишняк", "выразил", "надежду на строительство новой больницы"),
    ], id="ministry"),
    # "- Было тяжело, - признался Рогачев.": a short reply after a dialogue's dash is the statement, never the
    # paragraph before it; "— Дальше отдых, — ответил капитан." is the "капитан команды" named before.
    pytest.param("dialogue.txt", ("speaker", "cue", "text"), [
        ("Денис Рогачев", "ответил", "Дальше отдых"),
        ("Денис Рогачев", "признался", "Было тяжело"),
    ], id="dialogue"),
    # "сказал, что «набережная станет …», и пообещал высадить …": the parser joins "пообещал" to the clause's
    # verb, which agrees with it, but a thing never speaks: the promise is the one who said it.
    pytest.param("promised_too.txt", ("speaker", "kind", "cue", "text"), [
        ("Тимур Есенов", "direct", "сказал что", "набережная станет любимым местом горожан"),
        ("Тимур Есенов", "indirect", "пообещал", "высадить пятьсот деревьев"),
    ], id="promised_too"),
    # "рассказала, что дети ждали площадку три года: «Теперь им есть где играть»": the clause is reported,
    # the quotation after its colon quoted.
    pytest.param("shown.txt", ("speaker", "kind", "cue", "text"), [
        ("Вера Синицына", "direct", "рассказала:", "Теперь им есть где играть"),
        ("Вера Синицына", "indirect", "рассказала что", "дети ждали площадку три года"),
    ], id="shown"),
    # "Проект уже раскритиковали урбанисты. Они заявили, что …": "они" is the one group named in the nominative
    # plural in the sentence before; with two groups ("Фермеры и пасечники") no one is picked.
    pytest.param("they.txt", ("speaker", "speaker_type", "speaker_phrase", "text"), [
        ("урбанисты", "description", "Они", "стадион закроет вид на реку"),
    ], id="they"),
    # "— Было трудно, — признал он. — Но мы справились.", "— Цены растут, — заметил X, — и это …": dialogue speech
    # torn by its cue goes on after it, to the paragraph's end (not "Затем он ушел в поле" after no dash);
    # "«…» — такое заявление сделал X": the quotation is the statement the words point back to.
    pytest.param("torn_dialogue.txt", ("speaker", "kind", "cue", "text"), [
        ("Игнат Вяземцев", "direct", "признал", "Было трудно … Но мы справились. Урожай собран полностью"),
        ("Игнат Вяземцев", "direct", "сказал", "Зерно есть"),
        ("Тарас Хомутов", "direct", "такое заявление сделал", "Субсидии получат все хозяйства"),
        ("Филипп Курочкин", "direct", "заметил", "Цены растут … и это беспокоит всех"),
    ], id="torn_dialogue"),
    # "В компании АО 'Полярные сети' сообщили", "В компании "Горводоканал" заявили": a name in straight quotation
    # marks or apostrophes keeps its closing one and stays in the speaker's phrase (was "компании" alone).
    pytest.param("name_marks.txt", ("speaker", "speaker_phrase", "text"), [
        ('компания "Горводоканал"', 'компании "Горводоканал"', "аварий на сетях не было"),
        ("энергетическая компания АО 'Полярные сети'", "энергетической компании АО 'Полярные сети'",
         "запасов угля хватит на всю зиму"),
    ], id="name_marks"),
    # "Как отметил X, регулятор ожидает …", "…, урожай продолжит расти": a verb that reports only with a clause
    # or a quotation, without one, does not make the host clause someone else's words, as "министр заявил,
    # что …" does (the agency is then no speaker).
    pytest.param("as_noted.txt", ("speaker", "cue", "text"), [
        ("Ерлан Ермухамбетов", "как рассказал", "урожай продолжит расти"),
        ("Руслан Кайсаров", "как отметил", "регулятор ожидает дальнейшего замедления цен"),
        ("министр", "заявил что", "субсидии сохранятся"),
    ], id="as_noted"),
])
def test_each_pattern_file_gives_exactly_its_statements(rows, file, fields, expected):
    """The rows `quotes --json` gives for one file of tests/corpora/speech, in order, as the fields named."""
    assert sorted(tuple(row[field] for field in fields) for row in rows if row["file"] == file) == expected


def test_a_quotation_over_paragraphs_is_one_statement(rows):
    coach = [row for row in rows if row["file"] == "coach.txt" and row["speaker"] == "Павел Орлов"]
    assert len(coach) == 1


def test_person_filter_never_matches_descriptions(speech, rows):
    assert "аналитики" in {row["speaker"] for row in rows}  # listed as a speaker …
    assert speech("quotes", "--person", "Аналитики").code == 1  # … but not a person to filter by


def test_terminal_marks_a_speaker_resolved_from_a_pronoun_or_role_noun(rows):
    from kzcli.render.output import referred_by

    marks = {row["speaker_phrase"]: referred_by(row) for row in rows if row["file"] == "discourse.txt"}
    assert marks == {"чиновник": "чиновник", "его": "его", "Дина Алиева": "", "Она": "Она", "Аналитики": "",
                     "Источник в правительстве": ""}


SENTENCES = Path(__file__).resolve().parent / "corpora" / "sentences"


def test_one_sentence_files_are_read_as_in_an_article(tmp_path):
    """Files of one sentence each, no headline: statements are found as in a longer article."""
    shutil.copytree(SENTENCES, tmp_path / "corpus")
    result = run_cli("quotes", "--json", cache=tmp_path / "cache", corpus=tmp_path / "corpus")
    assert result.code == 0, result.err
    found = {row["file"]: (row["speaker"], row["speaker_type"], row["kind"], row["text"]) for row in result.json()}
    assert found == {
        "s01.txt": ("Асель Нурланова", "person", "indirect", "новая трасса откроется в сентябре"),
        "s02.txt": ("Олег Ветров", "person", "direct", "Мы не поднимем цены на проезд"),
        "s03.txt": ("Тимур Сапаров", "person", "indirect", "инфляция замедлится к лету"),
        "s04.txt": ("эксперты", "description", "indirect", "спрос на жильё вырастет"),
        "s06.txt": ("Ержан Муратов", "person", "indirect", "кредиты станут дешевле"),
    }


def test_no_speaker_means_no_quote(statements):
    texts = " ".join(text for _, _, text in statements)
    assert "готов к диалогу" not in texts  # a country is not a speaker
    assert "Как вы оцениваете итоги года?" not in texts  # questions are not the interviewee's words


def test_quotes_json_fields_and_traceability(speech):
    rows = speech("quotes", "--json", "--person", "Петрова").json()
    assert {tuple(sorted(row)) for row in rows} == {tuple(sorted(QUOTE_FIELDS))}
    assert all(row["file"] == "statements.txt" and row["text"] in row["sentence"] for row in rows)
    assert [row["cue"] for row in rows] == ["заявила о", "по словам"]


def test_people_groups_inflected_forms_and_rebuilds_nominatives(speech):
    older = {"statements.txt", "headline.txt", "interview.txt", "namesake.txt"}
    rows = {row["name"]: row for row in speech("people", "--json").json() if set(row["files"]) <= older}
    assert set(rows) == {"Арман Сеитов", "Айгерим Сеитова", "Елена Петрова", "Олжас Бектенов", "Жан Дюпон",
                         "Марат Шибутов", "П.Гор", "Тимур Жаксылыков"}
    assert rows["Арман Сеитов"]["aliases"] == ["Арман Сеитов", "Сеитов", "Сеитову"]
    assert rows["Арман Сеитов"]["role"] == "министр финансов"
    assert rows["Елена Петрова"]["aliases"] == ["Елена Петрова", "Елены Петровой"]


def test_people_keep_the_letter_yo_of_their_first_names(speech):
    """natasha's normal forms write "Алена" for "Алёна"; a name is shown as the article spells it."""
    rows = {row["name"]: row["files"] for row in speech("people", "--json").json() if "women.txt" in row["files"]}
    assert set(rows) == {"Алёна Сомова", "Семён Жилин", "Пётр Зорин", "Ксения Берёзкина"}
    assert rows["Семён Жилин"] == ["plain.txt", "women.txt"]  # "Семен Жилин" there is the same man


def test_people_roles_agree_and_keep_first_names(speech):
    """A role's adjectives agree with its noun (natasha's lemmas are masculine, "заслуженный" a verb's);
    "София", a city to the dictionary, is her first name, not her role."""
    rows = {row["name"]: row["role"] for row in speech("people", "--json").json()
            if row["files"] == ["quoted_headline.txt"]}
    assert rows == {"Ринат Латыпов": "министр экономики", "София Гарсон": "американская теннисистка",
                    "Ольга Мухина": "заслуженная артистка России"}


def test_long_roles_and_accusative_roles_are_kept(speech):
    """Six words and "(ГКДМ)" between the role noun and the name still make one apposition; so does an
    animate accusative, which natasha may tag apart from the genitive name it is written like
    ("со ссылкой на директора … Игоря Панова")."""
    rows = {row["name"]: row["role"] for row in speech("people", "--json").json() if row["files"] == ["roles.txt"]}
    assert rows == {"Марат Бекенов": "глава Государственного комитета по делам молодежи (ГКДМ) Республики Алтай",
                    "Олег Рябов": "бывший президент клуба", "Анна Морозова": "глава организации",
                    "Игорь Панов": "директор департамента внешней торговли министерства"}


def test_a_role_before_initials_is_kept_where_the_parser_hangs_them_on_its_last_words(speech):
    """natasha's parser hangs "Д. Сапаров" on "управления", not on "Руководитель": the role is the
    noun up the chain of genitives that agrees with the name. "Оразалин Б." ends its sentence: still his
    initial, not his surname. Where NER tags "С.Т." alone in "Абдикаримова С.Т. отметила", the surname
    before them is hers."""
    rows = {row["name"]: row["role"] for row in speech("people", "--json").json() if row["files"] == ["initial_roles.txt"]}
    assert set(rows) == {"Д.Сапаров", "Г.Байтасова", "Б.Оразалин", "С.Абдикаримова"}
    assert (rows["Д.Сапаров"], rows["Г.Байтасова"]) == ("руководитель управления связи",
                                                        "начальник отдела кадров районной больницы")


def test_a_lone_initial_whose_stop_ends_the_sentence_follows_a_russian_surname_only():
    from kzcli.analysis.names import _initials_after
    from kzcli.analysis.pipeline import Sentence, Token

    def name(text: str) -> tuple[Sentence, list[Token]]:
        sentence = f"Об этом сообщил {text}"
        surname, initial = text.rstrip(".").split()
        words = [Token(len(sentence) - len(text), surname, surname.lower(), "PROPN", "", -1, "root"),
                 Token(len(sentence) - 2, initial, initial.lower(), "PROPN", "", 0, "flat:name")]
        return Sentence(0, 0, len(sentence), sentence, words), words

    assert _initials_after(*name("Тулегенов Е."))
    assert not _initials_after(*name("Лю Ю."))  # a one-letter given name


def test_initials_alone_name_no_one():
    from kzcli.analysis.names import sentence_mentions
    from kzcli.analysis.pipeline import Entity, Sentence, Token

    text = "Письмо подписали С.Т."
    tokens = [Token(0, "Письмо", "письмо", "NOUN", "Case=Acc", 1, "obj"),
              Token(7, "подписали", "подписать", "VERB", "", -1, "root"),
              Token(17, "С", "с", "PROPN", "", 1, "nsubj"), Token(18, ".", ".", "PUNCT", "", 2, "punct"),
              Token(19, "Т", "т", "PROPN", "", 2, "flat:name"), Token(20, ".", ".", "PUNCT", "", 4, "punct")]
    sentence = Sentence(0, 0, len(text), text, tokens, [Entity(17, 21, "PER", "С.Т.", "С.Т.")])
    assert sentence_mentions(0, sentence, lambda word: None) == []


def test_a_plural_role_up_the_genitives_is_not_one_name_s():
    """"встречу глав ведомств двух стран М.Ахметова …" (the parser hanging the name on "стран"): "глав" agrees
    in case but names several people, so it is no one's role; a singular one is."""
    from kzcli.analysis.names import _role_before
    from kzcli.analysis.pipeline import Sentence, Token

    def sentence(role: str, number: str) -> Sentence:
        text = f"встречу {role} ведомств двух стран М.Ахметова"
        words = [("встречу", "встреча", "NOUN", "Case=Acc|Number=Sing|Animacy=Inan", -1, "root"),
                 (role, "глава", "NOUN", f"Animacy=Anim|Case=Gen|Number={number}", 0, "nmod"),
                 ("ведомств", "ведомство", "NOUN", "Animacy=Inan|Case=Gen|Number=Plur", 1, "nmod"),
                 ("двух", "два", "NUM", "Case=Gen", 4, "nummod"),
                 ("стран", "страна", "NOUN", "Animacy=Inan|Case=Gen|Number=Plur", 2, "nmod"),
                 ("М", "м", "PROPN", "Animacy=Anim|Case=Gen|Number=Sing", 4, "appos"),
                 (".", ".", "PUNCT", "", 5, "punct"),
                 ("Ахметова", "ахметов", "PROPN", "Animacy=Anim|Case=Gen|Number=Sing", 5, "flat:name")]
        tokens, at = [], 0
        for word, lemma, pos, feats, head, rel in words:
            at = text.index(word, at)
            tokens.append(Token(at, word, lemma, pos, feats, head, rel))
            at += len(word)
        return Sentence(0, 0, len(text), text, tokens)

    plural, singular = sentence("глав", "Plur"), sentence("главы", "Sing")
    assert _role_before(plural, plural.tokens[5:], None) == ""
    assert _role_before(singular, singular.tokens[5:], None) == "глава ведомств двух стран"


def test_a_name_seen_only_in_other_cases_is_put_in_the_nominative_by_its_first_name(speech):
    """The first name's case tells the surname's: "Аркадия Тажигу" is genitive, and a genitive surname would
    end in "-а", so "Тажигу" does not decline; "Андреем Сковородой" is "Сковорода"."""
    rows = {row["name"] for row in speech("people", "--json").json() if row["files"] == ["oblique.txt"]}
    assert rows == {"Олег Дюбуа", "Аркадий Тажигу", "Андрей Сковорода", "Тимур Жаксыбеков", "Федор Ушинский"}


def test_the_subject_of_a_feminine_verb_is_a_woman_named_as_written(speech):
    """"Делегацию возглавила замминистра Гулноза Рахимова": the tagger may read her names as a man's
    genitive; the verb's gender tells. An object before the verb ("Кандидатуру Тимура Жакупова поддержала
    фракция") stays a man's genitive."""
    rows = {row["name"] for row in speech("people", "--json").json() if row["files"] == ["subjects.txt"]}
    assert rows == {"Гулноза Рахимова", "Зарина Усманова", "Тимур Жакупов"}


def test_a_role_opening_the_sentence_is_the_name_s_role_and_the_headline_s_speaker(speech):
    """"Аким Костанайской области Серик Абенов …" opens its sentence, where the tagger reads "Аким" as a
    proper noun: still his role, so the headline "Аким области: «…»" is his."""
    people = {row["name"]: row["role"] for row in speech("people", "--json").json() if row["files"] == ["opening_role.txt"]}
    assert people == {"Серик Абенов": "аким Костанайской области"}
    quotes = {(row["speaker"], row["kind"], row["text"]) for row in speech("quotes", "--json").json()
              if row["file"] == "opening_role.txt"}
    assert quotes == {("Серик Абенов", "direct", "Дороги отремонтируем к осени"),
                      ("Серик Абенов", "indirect", "ремонт идет по графику")}


def test_an_editor_s_bracket_inside_a_name_stays_out_of_it(speech):
    """"[бывшего капитана команды Томаса] Гросса": the editor's insertion ends inside the name."""
    rows = {row["name"] for row in speech("people", "--json").json() if row["files"] == ["insertion.txt"]}
    assert rows == {"Томас Гросс", "Игорь Лапин"}


def test_an_instrumental_first_name_and_a_turkic_patronymic_surname_in_the_nominative(speech):
    """"с акимом района Нурланом Абенулы": a first name natasha left in the instrumental loses its ending,
    and a surname in "-улы" never declines."""
    rows = {row["name"] for row in speech("people", "--json").json() if row["files"] == ["instrumental.txt"]}
    assert rows == {"Нурлан Абенулы", "Бахтиёр Саидов"}


def test_declined_names_are_one_person_in_the_nominative(speech):
    """"с главой МИД Хаканом Озтюрком": a capitalised first name the dictionary also knows as a title
    ("хакан") is no role; "советника Лазиза Турсунова": a man's genitive first name natasha took for a
    woman's loses its "-а"; "Светловой-Пак": a double surname declines part by part, so she is one person."""
    rows = {row["name"]: (row["role"], row["aliases"]) for row in speech("people", "--json").json()
            if row["files"] == ["names_declined.txt"]}
    assert rows == {"Ербол Сатыбалдин": ("премьер-министр", ["Ербол Сатыбалдин"]),
                    "Хакан Озтюрк": ("глава МИД Турции", ["Хаканом Озтюрком"]),
                    "Лазиз Турсунов": ("советник премьера", ["Лазиза Турсунова"]),
                    "Мария Светлова-Пак": ("губернатор", ["Мария Светлова-Пак", "Светловой-Пак"])}


def test_a_surname_before_its_initials_is_the_person_named_in_full(speech):
    """"Бекмуратова С.Т. отметила", "Кравец О. заявил": a surname, then initials with their stops, as official
    texts write them, is the person the article names in full with both; "Лю Ю" (no stop) stays a name."""
    rows = {row["name"]: row["aliases"] for row in speech("people", "--json").json()
            if row["files"] == ["initials_after.txt"]}
    assert rows == {"Сауле Бекмуратова": ["Бекмуратова С.Т", "Сауле Бекмуратова"], "Олег Кравец": ["Кравец О", "Олег Кравец"],
                    "Лю Ю": ["Лю Ю"]}
    quotes = [(row["speaker"], row["text"]) for row in speech("quotes", "--json").json()
              if row["file"] == "initials_after.txt"]
    assert quotes == [("Олег Кравец", "проект готов"), ("Олег Кравец", "стройка начнется летом"),
                      ("Сауле Бекмуратова", "парков в городе мало"), ("Сауле Бекмуратова", "разбить три новых сквера")]


def test_a_second_given_name_stays_and_a_patronymic_goes(speech):
    rows = {row["name"]: row["aliases"] for row in speech("people", "--json").json() if row["files"] == ["middle.txt"]}
    assert rows == {"Мустафа Кемаль Аслан": ["Аслан", "Мустафа Кемаль Аслан"],
                    "Глеб Зимин": ["Глеб Аркадьевич Зимин", "Глебом Зиминым"]}


def test_a_role_never_runs_over_another_name(speech):
    """A page that repeats "Канцлер Австрии Ганс Келлер" twice gives the role once, not the name inside it."""
    rows = {row["name"]: row["role"] for row in speech("people", "--json").json() if row["files"] == ["repeated.txt"]}
    assert rows == {"Ганс Келлер": "канцлер Австрии"}


@pytest.mark.parametrize("wanted", ["Арман Сеитов", "А.Сеитов", "Сеитов", "Армана Сеитова", "Arman Seitov"])
def test_person_forms_resolve_to_one_person(speech, wanted):
    result = speech("quotes", "--person", wanted, "--json")
    assert result.code == 0, result.err
    assert {row["speaker"] for row in result.json()} == {"Арман Сеитов"}


def test_ambiguous_and_unknown_person(speech):
    ambiguous = speech("quotes", "--person", "Сеитову")  # his dative, her accusative
    assert ambiguous.code == 2
    assert "Арман Сеитов" in ambiguous.err and "Айгерим Сеитова" in ambiguous.err
    typo = speech("quotes", "--person", "Жаксылыкоф", "--json")
    assert {row["speaker"] for row in typo.json()} == {"Тимур Жаксылыков"}
    missing = speech("quotes", "--person", "Назарбаев")
    assert missing.code == 1 and "no person matches" in missing.err


def test_kind_source_and_query_filters(speech):
    direct = speech("quotes", "--kind", "direct", "--source", "statements", "--json").json()
    assert {row["kind"] for row in direct} == {"direct"} and len(direct) == 3
    assert speech("quotes", "--kind", "rumour").code == 2
    interview = speech("quotes", "--source", "interview", "--json").json()
    assert {row["speaker"] for row in interview} == {"Марат Шибутов"}
    about = speech("quotes", "--query", "фермеры", "--json").json()
    assert [row["text"] for row in about] == ["правительство снизит налоги для фермеров уже в следующем году"]


# -- the seeds against the gold ------------------------------------------------------------


def test_seed_quotes_meet_the_gold(seeds):
    result = score_quotes(gold("quotes.json"), seeds("quotes", "--json").json())
    assert result["precision"] >= 0.9
    assert result["recall"] >= 0.85
    assert all(result[f"recall.{kind}"] > 0 for kind in ("direct", "indirect", "interview"))


@pytest.mark.parametrize("wanted", ["Токаев", "токаеву", "Касым-Жомарт Токаев", "К.Токаев", "Tokayev", "Токаефф"])
def test_tokayev_in_any_form(seeds, wanted):
    rows = seeds("quotes", "--person", wanted, "--json").json()
    assert {row["speaker"] for row in rows} == {"Касым-Жомарт Токаев"}
    assert sorted(row["id"][:3] for row in rows) == ["000", "001", "003", "004"]


def test_seed_people_match_the_gold(seeds):
    listed = [row["name"] for row in seeds("people", "--json").json()]
    assert sorted(listed) == sorted(person["name"] for person in gold("people.json"))


def test_headline_topic_label_is_not_a_statement(tmp_path):
    """"X и Y: …" names a topic; only "Speaker: …" (one name or role before the colon) is a statement."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "label.txt").write_text(
        "Арман Сеитов и Казахстан: новый курс экономики страны\n\n"
        "Министр экономики Арман Сеитов провел совещание в Астане.\n", encoding="utf-8")
    result = run_cli("quotes", "--json", cache=tmp_path / "cache", corpus=corpus)
    assert result.code in (0, 1), result.err
    texts = [row["text"] for row in result.json()] if result.code == 0 else []
    assert not any("новый курс экономики" in text for text in texts)


def test_a_quotes_view_shows_the_first_statements_and_says_there_are_more(seeds):
    every = seeds("quotes", "--json").json()
    assert seeds("quotes", "--json", "--limit", "2").json() == every[:2]
    view = seeds("quotes", "--limit", "3")
    assert "the first 3 statements shown; --limit N or --json for more" in view.err
    assert "statements shown" not in seeds("quotes", "--limit", str(len(every))).err  # exactly all: no more
    assert "statements shown" not in seeds("quotes").err  # the seeds' statements fit the default view of 100
    about = seeds("quotes", "--query", "соглашения", "--json").json()  # a --query reads every statement, then limits
    assert seeds("quotes", "--query", "соглашения", "--json", "--limit", "1").json() == about[:1]


def test_an_ambiguous_surname_names_a_dozen_people_and_counts_the_rest(tmp_path):
    firsts = ["Антон", "Борис", "Вадим", "Глеб", "Денис", "Егор", "Жан", "Захар", "Игорь", "Кирилл", "Леонид",
              "Максим", "Никита", "Олег", "Павел"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, first in enumerate(firsts):
        (corpus / f"{number:02}.txt").write_text(
            f"Новость {number}\n\n«Работа продолжится», — заявил {first} Кравцов журналистам.\n", encoding="utf-8")
    result = run_cli("quotes", "--person", "Кравцов", cache=tmp_path / "cache", corpus=corpus)
    error = result.err.splitlines()[-1]  # after the first run's "indexed …" line
    assert result.code == 2 and error.startswith("kzcli: --person 'Кравцов' is ambiguous: ")
    named = [name for name in firsts if f"{name} Кравцов" in error]
    assert len(named) == 12 and error.endswith("and 3 more (see `kzcli people`)")
    one = run_cli("quotes", "--person", "Олег Кравцов", "--json", cache=tmp_path / "cache", corpus=corpus).json()
    assert {row["speaker"] for row in one} == {"Олег Кравцов"}
