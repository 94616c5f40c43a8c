"""Issue 22, classes of the ninth development set (pass i22zb), on cases of our own over the
frozen five-article base (``tests/fixtures/five``):

- the asker's filler clauses (« si je me souviens bien », « on m'a dit que ») are no words of
  what is asked (``idioms``);
- « aujourd'hui » of a state (« d'où viennent les armes aujourd'hui ? ») is no date filter,
  which would say « Aucun événement » (``filters``);
- « d'où viennent les armes ? » asks an origin, not for the list of articles (``questions``);
- a false kind of act (« un traité » when the article says « un mémorandum d'entente ») gets a
  frank « Non » with the kind the quote says (``fact_check``);
- a format named by its numbers (« 3+3 ») that no article writes is said absent on top;
- answers do not depend on the hash seed of the process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from bot.engine.fact_check import contradicted
from bot.engine.filters import read_filter
from bot.engine.idioms import without_idioms
from bot.engine.index import Index
from bot.paths import PROJECT_ROOT
from tests.chat import chat
from tests.chat import reply_text as _text

TODAY = date(2026, 12, 7)


def test_the_askers_filler_clauses_are_taken_out():
    for said in (
        "l'accord a été signé à Bakou si je me souviens bien ?",
        "d'après ce que j'ai lu, l'accord a été signé à Bakou ?",
        "on m'a dit que l'accord a été signé à Bakou ?",
        "sauf erreur de ma part, l'accord a été signé à Bakou ?",
    ):
        kept = without_idioms(said).casefold()
        assert "accord a été signé à bakou" in kept, kept
        for word in ("souviens", "lu", "dit", "erreur"):
            assert word not in kept.replace("?", "").split(), kept


def test_a_remembered_place_is_checked_not_searched(five_base):
    (reply,) = chat(
        five_base, "l'accord US–Azerbaïdjan a été signé à Washington si je me souviens bien ?"
    )
    text = _text(reply)
    assert "Non : d'après l'article, « à Bakou », pas « à Washington »" in text
    assert "souviens" not in text


def test_aujourdhui_of_a_state_is_no_date_but_of_news_still_is(five_base):
    index = Index(five_base)
    state = read_filter(index, "d'où viennent les armes de l'armée aujourd'hui ?", TODAY).filter
    assert state.start is None and state.end is None
    news = read_filter(index, "quoi de neuf aujourd'hui ?", TODAY).filter
    assert news.start == TODAY


def test_where_things_come_from_is_no_request_for_the_sources(five_base):
    (reply,) = chat(five_base, "D'où viennent majoritairement les armes de l'armée aujourd'hui ?")
    text = _text(reply)
    assert "liste des articles" not in text
    assert "Aucun événement" not in text
    assert "russe" in text
    (sources,) = chat(five_base, "d'où viennent tes infos ?")
    assert "liste des articles" in _text(sources)


def test_a_false_kind_of_act_gets_a_frank_no_with_the_kind_the_quote_says():
    quote = "les deux pays ont récemment signé un mémorandum d'entente sur la sécurité."
    said = contradicted("La Turquie et l'Azerbaïdjan ont signé un traité d'alliance ?", quote)
    assert (
        said
        == "Non : d'après l'article, « un mémorandum d'entente », pas « un traité d'alliance »."
    )
    # the generic « accord » is never opposed, nor a kind the quote itself writes
    assert contradicted("La Turquie et l'Azerbaïdjan ont signé un accord ?", quote) == ""
    assert contradicted("Ils ont signé un mémorandum ?", quote) == ""
    # a quote that tells no act done opposes no kind
    assert contradicted("Ils ont signé un traité ?", "un mémorandum est évoqué.") == ""


def test_a_false_kind_of_act_is_said_on_top(five_base):
    (reply,) = chat(
        five_base, "l'Azerbaïdjan et la Turquie ont signé un traité en bonne et due forme ?"
    )
    text = _text(reply)
    assert text.index("Non : d'après l'article, « un mémorandum d'entente »") < text.index(
        "Compris"
    )
    assert "forme" not in text.split("Compris", 1)[1].split("\n", 1)[0]


def test_a_format_named_by_numbers_that_no_article_writes_is_said_absent_first(five_base):
    (reply,) = chat(five_base, "que pense Moscou du format 3+3 ?")
    text = _text(reply)
    assert text.startswith("Les articles ne mentionnent pas « 3+3 »"), text[:200]


_ASK = """
import sys
from datetime import date
from bot.content.loader import load_factbase
from bot.engine.index import Index
from bot.engine.questions import respond
from tests.chat import reply_text
from tests.conftest import FIVE
index = Index(load_factbase(FIVE / "content", FIVE / "seeds"))
for question in sys.argv[1:]:
    print(reply_text(respond(index, question, date(2026, 12, 7))))
"""


@pytest.mark.e2e
def test_answers_do_not_depend_on_the_hash_seed():
    questions = [
        "azerbaidjan israel",
        "qui a servi de médiateur entre l'Azerbaïdjan et l'Arménie ?",
        "armée azerbaïdjanaise otan turquie drones",
        "que s'est-il passé en 2025 ?",
    ]
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "SNAPSHOT_DIR": "off"}
        done = subprocess.run(
            [sys.executable, "-c", _ASK, *questions],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        outputs.append(done.stdout)
    assert outputs[0] and outputs[0] == outputs[1]


def test_an_actors_stance_that_no_sentence_joins_to_the_subject_is_said_first(five_base):
    (reply,) = chat(five_base, "que pense Téhéran du plan de défense avec Londres ?")
    text = _text(reply)
    articles = len(five_base.seeds)  # computed from the fixture base, never written
    assert text.startswith(
        f"Aucune phrase des articles (texte intégral, {articles} articles) ne réunit"
    )
    assert "« Iran »" in text.split("\n", 1)[0]
    # the stance word itself is no concept to find, and a stance the articles give is not hidden
    (given,) = chat(five_base, "quelle est la position de l'Iran sur le corridor de Zanguezour ?")
    assert "Aucune phrase" not in _text(given)
    assert "Téhéran sont arqueboutés" in _text(given)


def test_a_count_answer_offers_the_card_of_the_line_its_quote_supports(five_base):
    (reply,) = chat(
        five_base, "Quelle était la particularité du forum de Bakou ? Combien de pays ?"
    )
    labels = [button.label for row in reply.buttons for button in row]
    assert any(not label.startswith(("🔎", "▶")) for label in labels), labels
