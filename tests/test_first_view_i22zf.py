"""Issue 22, phone readers of the eleventh blind set (pass i22zf): what the first bubble says.
Cases of our own on the frozen five-article base (``tests/fixtures/five``): a quote never stops
silently before the clause that answers (class 3); the « Compris » line says no politeness,
no word twice, no base jargon (class 2); « ne nomment personne » looks at the next sentence, and
an order of size is said not to be a count (class 1); a shortened label puts a tense after its
cut, never over a present (class 5)."""

from __future__ import annotations

import re

from bot.content.model import FactBase
from bot.engine.common import attribution
from bot.engine.counting import exact_figure
from bot.engine.courtesy import without_courtesy
from bot.engine.index import Index
from bot.engine.next_named import naming_neighbour
from bot.engine.reply import Para, Quote, Reply
from bot.engine.unsaid import absent_words, with_absent_said
from bot.engine.whole_clauses import quote_pattern, sentence_bounds, whole_quote
from bot.render.html import render_html
from bot.render.text import render_text
from bot.text import short_label
from tests.chat import chat, reply_text


def _quote(index: Index, source: str, text: str) -> Quote:
    return Quote(text, attribution(index.base.sources[source]), source)


def test_a_quote_cut_before_its_clause_is_completed_from_its_article(five_base: FactBase) -> None:
    index = Index(five_base)
    short = "les relations entre l'OTAN et l'Azerbaïdjan ont débuté en 1992"
    source = next(s for s, text in five_base.seeds.items() if "ont débuté en 1992" in text)
    assert any(e.quote == short for a in five_base.actors.values() for e in a.evidence)
    weights = {"instance": 1.0}
    whole = whole_quote(index, _quote(index, source, short), weights)
    assert "lorsque le pays a adhéré au Conseil de coopération nord-atlantique" in whole.text
    assert whole.text.startswith("les relations") and whole.text.endswith(".")
    assert whole.cut_before and not whole.cut_after  # « Dans les faits, » left out, said
    # a piece of a quote (not the base's evidence) is never completed: marked cut instead
    piece = whole_quote(index, _quote(index, source, "l'OTAN et l'Azerbaïdjan ont débuté"), {})
    assert piece.text == "l'OTAN et l'Azerbaïdjan ont débuté"
    assert piece.cut_before and piece.cut_after
    shown = render_html(Reply((Para("x"), piece)))[0]
    assert "… l'OTAN et l'Azerbaïdjan ont débuté …" in shown.replace("&#x27;", "'")
    assert "« … l'OTAN" in render_text(Reply((piece,)))


def test_every_key_quote_shown_ends_its_sentence_or_says_it_is_cut(five_base: FactBase) -> None:
    index = Index(five_base)
    checked = 0
    for entry in index.entries.values():
        for item in entry.evidence:
            seed = five_base.seeds[item.source]
            pattern = quote_pattern(item.quote)
            found = pattern.search(seed) if pattern else None
            if found is None:
                continue
            _, stop = sentence_bounds(seed, found.start(), found.end())
            shown = whole_quote(index, _quote(index, item.source, item.quote), {})
            rest = seed[found.end() : stop].rstrip(" ;:,–—-")
            if re.search(r"[^\W\d_]", rest):  # the sentence went on after the quote
                checked += 1
                assert shown.cut_after or rest.split()[-1] in shown.text, item.quote
            assert item.quote in shown.text  # never shortened, never reworded
    assert checked, "la base figée a des citations coupées avant la fin de leur phrase"


def test_formal_courtesy_is_read_out_and_never_said_absent(five_base: FactBase) -> None:
    assert without_courtesy("Madame, Monsieur, quand le plan a-t-il été signé ?") == (
        "Quand le plan a-t-il été signé ?"
    )
    asked = without_courtesy("Auriez-vous l'amabilité de me préciser qui a signé le plan ?")
    assert asked == "Qui a signé le plan ?"
    (reply,) = chat(
        five_base,
        "Chers collègues, auriez-vous la bonté de m'indiquer les domaines du plan britannique ?",
    )
    text = reply_text(reply)
    assert "collègue" not in text.casefold() and "bonté" not in text


def test_the_compris_line_says_a_word_absent_once_where_it_quotes_it(five_base: FactBase) -> None:
    index = Index(five_base)
    words = ("instance", "budget")
    said = with_absent_said("x — Laissé de côté : « instance », « entretient »", words)
    assert said == (
        "x — Laissé de côté : « instance » (aucun article ne l'emploie), « entretient »"
    )
    assert absent_words(index, words, frozenset(), said) == " (aucun article n'emploie : budget)"
    # a politeness word is never listed (« auriez-vous l'obligeance » is read out first)
    assert absent_words(index, ("merci",), frozenset()) == ""


def test_no_signature_note_speaks_of_the_base(five_base: FactBase) -> None:
    for question in ("quels accords le Royaume-Uni a-t-il signés ?", "qu'a signé l'OTAN ?"):
        text = reply_text(chat(five_base, question)[0])
        assert "dans la base" not in text and "aucun acte noté" not in text, question


def test_a_sentence_next_to_the_subject_that_names_someone_is_shown(five_base: FactBase) -> None:
    index = Index(five_base)
    corridor = next(
        entry
        for entry in index.entries.values()
        if any("corridor de Zanguezour" in item.quote for item in entry.evidence)
        and any(item.quote.startswith("Comme la Géorgie") for item in entry.evidence if item.key)
    )
    found = naming_neighbour(index, corridor)
    assert found is not None
    where, names, quote = found
    assert where == "suivante" and quote.open
    assert quote.text.startswith("Moscou et Téhéran sont arqueboutés contre ce projet")
    assert names.index("Russie") < names.index("Iran") < names.index("États-Unis")


def test_an_order_of_size_is_said_not_to_be_a_count(five_base: FactBase) -> None:
    index = Index(five_base)
    assert not exact_figure(index, "l'apport de des centaines de drones de combat", "drones")
    assert not exact_figure(index, "Le forum réunit plus de 80 pays du monde", "pays")
    assert exact_figure(index, "Le forum réunit 80 pays du monde", "pays")
    assert exact_figure(index, "trois pays ont signé", "pays")
    (reply,) = chat(five_base, "combien de drones Bakou a-t-il achetés ?")
    top = [b.text for b in reply.blocks[:2] if isinstance(b, Para)]
    assert any("pas de nombre exact de drones" in text for text in top)
    assert "centaines de drones" in reply_text(reply)


def test_a_tense_goes_after_a_shortened_label_never_over_its_start() -> None:
    text = "Comme le pays se rapproche de son voisin, il finira isolé (au futur dans l'article)"
    label = short_label(text, 50)
    assert label.endswith("(au futur)") and not label.casefold().startswith("au futur")
    assert len(label) <= 50


def test_a_word_placing_the_question_in_time_is_never_said_unused(five_base: FactBase) -> None:
    (reply,) = chat(five_base, "depuis quand la Hongrie est-elle observateur de l'OTS ?")
    line = next(b.text for b in reply.blocks if isinstance(b, Para) and "Compris" in b.text)
    assert "« depuis »" not in line
