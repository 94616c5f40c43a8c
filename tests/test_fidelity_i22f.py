"""Issue 22, an outside fidelity reader's findings on today's main (F3, F4, F9 and the
« quels pays étaient présents ? » of phone readers): a verdict is about what was asked, and a
quote sits under the line of the entry that holds it. Cases of our own on the frozen
five-article base (``tests/fixtures/five``)."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.common import line_text, quote_of
from bot.engine.index import Index
from bot.engine.place_unnamed import places_unnamed
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from tests.chat import chat
from tests.quote_lines import faults


def _paras(reply: Reply) -> list[str]:
    return [block.text for block in reply.blocks if isinstance(block, Para)]


def _lines(reply: Reply) -> list[str]:
    return [block.entry for block in reply.blocks if isinstance(block, Item)]


# --- 1. a verdict about a period is about the act asked (CRITICAL F3) ------------------


def test_a_membership_is_not_dated_otherwise_by_the_joining_of_another_body(five_base):
    (reply,) = chat(five_base, "l'Azerbaïdjan est membre de l'OTAN depuis 1994 ?")
    top = _paras(reply)[0]
    assert "datent autrement" not in top  # 1992 is the NCCA, not a NATO membership
    assert top.startswith("Pas d'après les articles : les adhésions qu'ils datent visent")
    assert "« OTAN »" in top
    # what the articles do say: the 1992 council, then the 1994 programme (in the period)
    assert _lines(reply)[:2] == ["adhesion-ccna-1992", "partenariat-pour-la-paix"]
    assert faults(Index(five_base), reply) == []


def test_a_joining_verb_the_filter_drops_still_keeps_other_acts_out(five_base):
    (reply,) = chat(five_base, "l'Azerbaïdjan a adhéré à l'OTAN en 2000 ?")
    text = " ".join(_paras(reply))
    assert "datent autrement" not in text
    assert "visent une autre instance que « OTAN »" in text
    assert "agile-spirit-2025" not in _lines(reply)  # an exercise is no adhesion
    assert not any(p.startswith("Non") for p in _paras(reply))  # no « Non : de 1994 »


def test_the_body_joined_that_was_asked_is_still_dated_otherwise(five_base):
    (ppp,) = chat(five_base, "l'Azerbaïdjan a adhéré au Partenariat pour la paix en 1999 ?")
    assert _paras(ppp)[0].startswith("Pas d'après les articles, qui le datent autrement")
    assert _lines(ppp)[:1] == ["partenariat-pour-la-paix"]
    (ncca,) = chat(
        five_base, "l'Azerbaïdjan a rejoint le Conseil de coopération nord-atlantique en 1995 ?"
    )
    assert _paras(ncca)[0].startswith("Pas d'après les articles, qui le datent autrement")
    assert _lines(ncca)[:1] == ["adhesion-ccna-1992"]


# --- 2. the passage open sits under the line that states it (F4, F9) ------------------


def _open_under(reply: Reply) -> list[tuple[str, str]]:
    """(entry id of the line, quote) for each quote right under a line."""
    found: list[tuple[str, str]] = []
    above = ""
    for block in reply.blocks:
        if isinstance(block, Item):
            above = block.entry
        elif isinstance(block, Quote) and above:
            found.append((above, block.text))
        else:
            above = ""
    return found


def test_the_forums_opening_sits_under_the_forum_not_the_roadmap_approved_there(five_base):
    (reply,) = chat(five_base, "qui a ouvert le forum de Bakou ?")
    under = _open_under(reply)
    assert under and under[0][0] == "forum-securite-bakou-2025"
    assert "ouvert les portes" in under[0][1]
    assert faults(Index(five_base), reply) == []
    # the roadmap keeps its own sentence, and the opening is not folded again below it
    assert "feuille-de-route-cyber-bakou" in _lines(reply)
    grouped = [q.text for b in reply.blocks if isinstance(b, QuoteGroup) for _, q in b.quotes]
    assert any("feuille de route commune" in text for text in grouped)
    assert not any(text == under[0][1] for text in grouped)


def test_the_signing_sits_under_the_signed_plan_not_the_partnership(five_base):
    (reply,) = chat(five_base, "le plan de défense avec le Royaume-Uni couvre 2024 et 2025 ?")
    under = _open_under(reply)
    assert under and "ont signé un plan" in under[0][1]
    assert under[0][0] == "plan-defense-az-gb-2026-2027"
    assert faults(Index(five_base), reply) == []


def test_the_checker_finds_a_quote_both_lines_hold_under_the_one_that_states_it_less(
    five_base,
):
    index = Index(five_base)
    forum, roadmap = (
        index.entries["forum-securite-bakou-2025"],
        index.entries["feuille-de-route-cyber-bakou"],
    )
    opening = next(e for e in roadmap.evidence if "ouvert les portes" in e.quote)
    quote = quote_of(five_base, opening)
    wrong = Reply(
        (
            Item("a", line_text(five_base, roadmap), 1, roadmap.id),
            replace(quote, open=True),
            Para("Aussi :", "note"),
            Item("b", line_text(five_base, forum), 2, forum.id),
        )
    )
    assert faults(index, wrong)
    right = Reply(
        (
            Item("a", line_text(five_base, forum), 1, forum.id),
            replace(quote, open=True),
            Para("Aussi :", "note"),
            Item("b", line_text(five_base, roadmap), 2, roadmap.id),
        )
    )
    assert faults(index, right) == []


# --- 3. no « list not given » while another entry of the occasion lists them -----------


def test_those_present_at_the_meeting_come_from_the_entry_that_lists_them(five_base):
    (reply,) = chat(five_base, "quels pays étaient présents à la réunion ?")
    said = " ".join(_paras(reply))
    assert "ne donnent pas la liste" not in said  # the NATO meeting's article lists them
    assert _lines(reply)[:1] == ["delegation-otan-participants"]
    under = _open_under(reply)
    assert under and "Étaient présents à la réunion" in under[0][1]
    assert faults(Index(five_base), reply) == []


def test_a_dated_occasion_never_borrows_another_occasions_attendees(five_base):
    (reply,) = chat(five_base, "qui était présent au forum de Bakou ?")
    said = " ".join(_paras(reply))
    assert "ne donnent pas la liste des pays présents" in said and "80" in said
    assert "delegation-otan-participants" not in _lines(reply)


# --- 4. F1: a place asked that no article names is said first ---------------------------


def test_a_place_no_article_names_is_said_before_an_answer_that_reads_as_yes(five_base):
    (reply,) = chat(five_base, "la réunion avec l'OTAN a eu lieu à Ankara, c'est ça ?")
    top = _paras(reply)[0]
    assert top.startswith("Pas confirmé par les articles : aucun ne nomme « Ankara »")
    assert f"texte intégral des {len(five_base.seeds)} articles" in top
    # a place the articles name gets no such line
    (bakou,) = chat(five_base, "la réunion avec l'OTAN a eu lieu à Bakou, c'est ça ?")
    assert not any("aucun ne nomme" in text for text in _paras(bakou))


def test_only_capitalised_names_after_a_are_read_as_places(five_base):
    index = Index(five_base)
    assert places_unnamed(index, "la réunion a eu lieu à Ankara ?") == ["Ankara"]
    assert places_unnamed(index, "signé à Nijni Novgorod ou au Caire ?") == [
        "Nijni Novgorod",
        "Caire",
    ]
    assert places_unnamed(index, "le pétrole va à Makhatchkala ?") == []  # in an article
    assert places_unnamed(index, "un accord à la Turquie ?") == []  # not a place asked
