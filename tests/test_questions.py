"""Plain French questions: the measured set (tests/questions.yaml) and how answers say
what they understood."""

import re
from datetime import date
from pathlib import Path

import pytest

from bot.content.yamlread import read_yaml
from bot.engine.commands import answer, callback
from bot.engine.filters import TimelineFilter
from bot.engine.index import Index
from bot.engine.questions import respond, understand
from bot.engine.timeline import select
from bot.paths import PROJECT_ROOT
from bot.render.text import render_text
from tests.computed import absent_countries

TODAY = date(2026, 11, 23)
QUESTIONS = read_yaml((Path(__file__).parent / "questions.yaml").read_text(encoding="utf-8"))[
    "questions"
]


@pytest.fixture(scope="module")
def index(five_base):
    """The frozen five articles the set was written on: a curator's new article may change a
    reading (« la météo à Paris » once an article speaks of « conditions météorologiques »),
    which `python -m tests.growth` lists instead of turning the suite red."""
    return Index(five_base)


def expected(index: Index, item: dict) -> str | None:
    """The reading ``item`` expects on this base: ``expect``, unless the item says the right
    reading depends on what the base holds (``if_found``, ``if_actor``, ``if_dated``; see
    questions.yaml)."""
    found = item.get("if_found")
    if found and answer(index, found).found:
        return str(found)
    for actor, command in (item.get("if_actor") or {}).items():
        if actor in index.base.actors:
            return str(command)
    for actors, command in (item.get("if_dated") or {}).items():
        if select(index, TimelineFilter(actors=tuple(actors.split()))):
            return str(command)
    return item["expect"]


def test_the_set_holds_at_least_sixty_realistic_questions():
    assert len(QUESTIONS) >= 60
    assert len({item["q"] for item in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize("item", QUESTIONS, ids=[item["q"] for item in QUESTIONS])
def test_each_question_is_read_as_the_expected_command(index, item):
    found = understand(index, item["q"], TODAY)
    assert (found.data if found else None) == expected(index, item)


def test_the_readme_reports_the_measured_pass_rate(index):
    passed = sum(
        (found.data if (found := understand(index, item["q"], TODAY)) else None)
        == expected(index, item)
        for item in QUESTIONS
    )
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"(\d+) questions sur (\d+) lues comme attendu", readme)
    assert stated is not None, "le README doit donner le taux mesuré"
    assert (int(stated.group(1)), int(stated.group(2))) == (passed, len(QUESTIONS))


def test_an_answer_says_how_it_understood_and_offers_the_exact_command(index):
    reply = respond(index, "qu'a signé le Royaume-Uni ?", TODAY)
    text = render_text(reply)
    assert text.splitlines()[0] == (
        "(Compris : accords — 🇬🇧 Royaume-Uni · signé)"  # the command is under « ▶ », not echoed
    )
    exact = [b for row in reply.buttons for b in row if b.data.startswith("c:")]
    assert [b.label for b in exact] == ["▶ /accord Royaume-Uni signé"]
    same = callback(index, exact[0].data)  # the button runs the command itself
    assert same.blocks == answer(index, "/accord Royaume-Uni signé").blocks == reply.blocks[1:]


def test_a_question_that_names_nothing_says_so_and_offers_commands(index):
    reply = respond(index, "recette de la tarte aux pommes", TODAY)
    assert not reply.found
    text = render_text(reply)
    assert "Je n'ai pas compris « recette de la tarte aux pommes »" in text
    assert "Tapez une commande" not in text  # never the old canned line
    # not understanding is no proof of absence: nothing was searched in the articles
    assert "rien dans la base" not in text and "ne disent pas" not in text
    data = {b.data for row in reply.buttons for b in row}
    assert {"c:/timeline recent", "al:1", "c:/pays", "c:/aide"} <= data
    for item in data:
        assert callback(index, item).found


def test_a_named_actor_in_an_unrelated_question_is_offered_not_answered(index):
    # the unrelated word is one no entry holds, computed: « temps » stops being unrelated once
    # an article says « en temps réel » (the growth test's articles do)
    word = next(
        w for w in ("météo", "temps", "pluie", "recette") if not index.fulltext.search(w, limit=1)
    )
    reply = respond(index, f"la {word} à Paris", TODAY)
    assert not reply.found and reply.quotes == 0
    assert "p:FR" in {b.data for row in reply.buttons for b in row}


def test_relative_dates_are_read_against_today(index):
    assert understand(index, "la semaine dernière", TODAY).data == (
        "/timeline du 2026-11-16 au 2026-11-22"
    )
    assert understand(index, "ce mois-ci", date(2026, 2, 3)).data == "/timeline 2026-02"


def test_commands_typed_as_questions_keep_their_meaning(index):
    assert respond(index, "/pays Turquie", TODAY).blocks == answer(index, "/pays Turquie").blocks


def test_a_very_long_question_gets_a_clear_message(index):
    reply = respond(index, "turquie " * 100, TODAY)
    assert not reply.found and "trop longue" in render_text(reply)


def test_greetings_get_a_friendly_answer_with_ways_in(index):
    for text in ("bonjour", "Merci !"):
        reply = respond(index, text, TODAY)
        assert reply.found and "Posez-moi une question" in render_text(reply)


def test_a_real_country_absent_from_the_articles_is_said_absent(index):
    name = absent_countries(index.base)[0]  # one the base lacks, whatever it holds
    text = render_text(respond(index, f"relations avec {name} ?", TODAY))
    assert f"« {name} » n'apparaît dans aucun des articles de la base." in text


def test_telegram_only_commands_say_so_in_the_console(index):
    text = render_text(answer(index, "/suivre Turquie"))
    assert "n'existe que sur Telegram" in text and "/sources" not in text


def test_search_gives_its_total_and_every_result_by_pages(index):
    first = answer(index, "/cherche Azerbaïdjan")
    assert first.page is not None and first.page.total > 1
    total = int(re.search(r"— (\d+) résultats", render_text(first), re.IGNORECASE).group(1))
    seen = 0
    reply = first
    for number in range(1, first.page.total + 1):
        seen += sum(1 for block in reply.blocks if type(block).__name__ == "Item")
        nxt = [b for row in reply.buttons for b in row if b.label == "Suivant ▶"]
        if number < first.page.total:
            reply = callback(index, nxt[0].data)
            assert reply.edit and reply.page.number == number + 1
    assert seen == total  # nothing dropped silently
