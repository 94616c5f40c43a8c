"""Issue 29: the fidelity findings of an outside reading outside question routing and pictures.

Open dates (« récemment »), month parts (« début octobre »), the overlap note on every period
answer, shortened texts that keep their modality, balanced guillemets, organisation names as
the articles write them, and the smaller wording defects of cards, alerts and channel posts.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest

from bot.answer_checks import period_issues, shortened_issues
from bot.content.support import check_support
from bot.dates import MONTHS_FR, parse_date, wording_problem
from bot.engine import cards
from bot.engine.cards import actor_card
from bot.engine.commands import answer, callback
from bot.engine.common import claim, entry_text, line_text, when
from bot.engine.index import Index
from bot.engine.inline import agreement_texts, event_texts
from bot.engine.reply import Item, Para
from bot.engine.timeline import OVERLAP_WORDS
from bot.push.compose import country_post, digest_post
from bot.push.follow import alert_button_label
from bot.render.text import render_text
from bot.text import count, fold, keeps_modality, short_label
from tests.test_first_screen import _pages

PROPOSED = (
    "Manœuvres militaires conjointes des pays membres de l'OTS, proposées par le président "
    "azéri pour 2026 ; l'article ne dit pas qu'elles ont été décidées."
)


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


def _open_agreements(base):
    found = [a for a in base.agreements if a.date is not None and a.date.open]
    assert found, "le mémorandum « récemment » doit être une date ouverte"
    return found


def _month_words(day: date) -> str:
    return f"{MONTHS_FR[day.month - 1]} {day.year}"


def _noted(reply) -> bool:
    return any(isinstance(b, Para) and OVERLAP_WORDS in b.text for b in reply.blocks)


# --- 1. open spans ------------------------------------------------------------------


def test_an_open_span_ends_on_its_day_and_sorts_just_before_it():
    span = parse_date("../2025-11-06")
    # reaches back to the month before its end, never a year (issue 23)
    assert span.open and span.end == date(2025, 11, 6) and span.start == date(2025, 10, 1)
    assert span.label() == "avant le 6 novembre 2025"
    assert span.order() < parse_date("2025-11-06").order()
    assert span.order() > parse_date("2025-11-05").order()
    with pytest.raises(ValueError, match="ouverte"):
        parse_date("../2025-11")


def test_recemment_must_be_an_open_span():
    assert wording_problem("récemment", parse_date("2025-11-06")) is not None
    assert wording_problem("récemment", parse_date("../2025-11-06")) is None


def test_each_period_an_open_date_may_fall_in_answers_it_with_the_note(index, base):
    for agreement in _open_agreements(base):
        assert agreement.date is not None
        end = agreement.date.end
        before = end.replace(day=1) - timedelta(days=1)
        for words in (_month_words(end), _month_words(before), str(end.year)):
            reply = answer(index, f"/accord {words}")
            # on whichever page of the list it falls: a grown base may push it past the first
            shown = {
                b.text
                for page in _pages(index, reply)
                for b in page.blocks
                if isinstance(b, Item | Para)
            }
            lines = (agreement.title, line_text(base, agreement))  # its card, or a list's line
            assert any(line in shown for line in lines), words
            assert _noted(reply), f"/accord {words} sans la note de recoupement"


def test_a_single_card_period_answer_carries_the_note(index, base):
    for agreement in _open_agreements(base):
        assert agreement.date is not None
        words = _month_words(agreement.date.end)
        reply = answer(index, f"/accord {words}")
        if isinstance(reply.blocks[0], Para) and reply.blocks[0].text == agreement.title:
            assert _noted(reply)
    # the check finds a period answer without the note
    assert period_issues(index) == []


def test_the_period_check_catches_an_answer_without_the_note(index, monkeypatch):
    monkeypatch.setattr(cards, "overlap_note", lambda loose, where="": None)
    assert any(issue.startswith("/accord") for issue in period_issues(index))


def test_avant_x_sorts_before_the_entries_of_x(index, base):
    lines = list(index.timeline.dated)
    for agreement in _open_agreements(base):
        assert agreement.date is not None
        mine = next(i for i, item in enumerate(lines) if item.entry is agreement)
        later = [i for i, item in enumerate(lines) if item.span.start >= agreement.date.end]
        assert all(mine < i for i in later)
        first = answer(index, f"/timeline {_month_words(agreement.date.end)}")
        pages = _pages(index, first)
        shown = agreement.date_label or agreement.date.label()  # « avant le … », or the curator's
        holding = [page for page in pages if shown in render_text(page)]
        assert holding, "the open span is in its month's timeline"
        assert all(_noted(page) for page in holding)  # the page that shows it has the note


def test_a_digest_keeps_open_spans_out_of_its_week(index, base):
    everything = {entry.id for entry in base.entries()}
    for agreement in _open_agreements(base):
        assert agreement.date is not None
        for today in (agreement.date.end, agreement.date.end - timedelta(days=8)):
            post = digest_post(index, today, everything)
            shown = render_text(post.reply) if post else ""
            assert entry_text(base, agreement) not in shown


# --- 4. « début / mi / fin <mois> » -----------------------------------------------------


def test_month_parts_get_their_own_span():
    assert wording_problem("début octobre", parse_date("2025-10")) is not None
    assert wording_problem("début octobre", parse_date("2025-10-01/2025-10-10")) is None
    assert wording_problem("fin octobre", parse_date("2025-10-01/2025-10-10")) is not None
    assert wording_problem("mi-octobre", parse_date("2025-10-11/2025-10-20")) is None


def test_a_day_filter_late_in_a_month_leaves_out_its_beginning(index, base):
    parts = [e for e in base.events if e.date_text and fold(e.date_text).startswith("debut ")]
    assert parts
    for event in parts:
        last = calendar.monthrange(event.date.start.year, event.date.start.month)[1]
        day = date(event.date.start.year, event.date.start.month, last)
        words = f"{last} {MONTHS_FR[day.month - 1]} {day.year}"
        reply = answer(index, f"/timeline {words}")
        assert entry_text(base, event) not in {b.text for b in reply.blocks if isinstance(b, Item)}


# --- 2 and 8. shortened texts -----------------------------------------------------------


def test_a_shortened_text_keeps_its_modality_or_puts_it_first():
    short = short_label(PROPOSED, 60)
    assert len(short) <= 60 and short.startswith("Proposition : Manœuvres")
    assert keeps_modality(PROPOSED, short)
    forecast = (
        "Selon la presse, la société livrera du pétrole en novembre. (au futur dans l'article)"
    )
    assert keeps_modality(forecast, short_label(forecast, 40))
    assert short_label("Un texte court", 40) == "Un texte court"


def test_inline_titles_and_buttons_keep_modality(index):
    assert shortened_issues(index) == []


def test_inline_descriptions_never_cut_inside_a_date_origin(index, base):
    for event in base.events:
        _title, description = event_texts(index, event)
        assert "…" not in description
        assert description == when(base, event) or description.endswith(")")
    for agreement in base.agreements:
        _title, description = agreement_texts(index, agreement)
        date_part = description.split(" — ")[0]
        assert "…" not in date_part


def test_alert_buttons_name_what_the_entry_is(base):
    for event in base.events:
        label = alert_button_label(event)
        assert label not in ("Fiche : fait", f"Fiche : {event.date_text}")
        assert keeps_modality(claim(event), label)


# --- 5, 6. cards ----------------------------------------------------------------------


def test_every_state_represented_at_the_meeting_has_that_role(index, base):
    meeting = next(e for e in base.events if e.id == "delegation-otan-participants")
    for code in meeting.actors:
        actor = base.actors[code]
        if not actor.is_country:
            continue
        text = render_text(actor_card(index, actor))
        assert "sans lui donner de rôle" not in text, code


def test_card_footers_count_entries_not_dated_facts(index, base):
    for actor in base.actors.values():
        text = render_text(actor_card(index, actor))
        assert "faits datés)" not in text
        labels = [b.label for row in actor_card(index, actor).buttons for b in row]
        if any(label.startswith("📅") for label in labels):  # the footer counts what it opens
            assert "chronologie (" in text and "entrée" in text


# --- 9, 10. the support check --------------------------------------------------------------


def test_unbalanced_guillemets_are_refused(copy):
    copy.edit(
        "agreements.yaml",
        "quote: \"« Le Royaume-Uni est fier de sa coopération étroite avec l'Azerbaïdjan dans "
        "le domaine de la défense et de son rôle au sein du partenariat stratégique. Hier",
        "quote: \"« Le Royaume-Uni est fier de sa coopération étroite avec l'Azerbaïdjan dans "
        'le domaine de la défense et de son rôle au sein du partenariat stratégique."\n'
        '      - source: lagazette\n        key: true\n        quote: "Hier',
    )
    issues = check_support(copy.load())
    assert any("guillemets" in issue.message for issue in issues)


def test_organisation_names_the_articles_do_not_write_are_refused(copy):
    copy.edit("actors.yaml", "    name: OTAN\n", "    name: OTAN\n    name_en: NATO\n")
    issues = check_support(copy.load())
    assert [(i.entry, i.field) for i in issues] == [("otan", "name_en")]


def test_cards_show_organisations_only_by_the_articles_names(index, base):
    seeds = " ".join(fold(text) for text in base.seeds.values())
    for actor in base.actors.values():
        if actor.is_country:
            continue
        heading = actor_card(index, actor).blocks[0]
        assert isinstance(heading, Para)
        for name in heading.text.replace("(", " — ").replace(")", "").split(" — "):
            assert fold(name) in seeds, name


# --- 11. channel posts ------------------------------------------------------------------


def test_the_subject_country_post_is_not_about_itself(index):
    headline = country_post(index, "Azerbaïdjan").reply.blocks[0]
    assert isinstance(headline, Para)
    assert "et l'Azerbaïdjan" not in headline.text
    other = country_post(index, "Turquie").reply.blocks[0]
    assert isinstance(other, Para) and other.text.endswith("et l'Azerbaïdjan")


# --- 3. an adhesion is not an agreement --------------------------------------------------


def test_an_adhesion_is_listed_with_adhesions_not_agreements(index, base):
    joined = [a for a in base.agreements if a.act == "adhesion" and a.date is not None]
    assert joined
    for agreement in joined:
        assert agreement.date is not None
        year = agreement.date.start.year
        lines = lambda words: {  # noqa: E731
            b.text for b in answer(index, f"/timeline {words}").blocks if isinstance(b, Item)
        }
        as_deal = answer(index, f"/timeline accord {year}")
        listed = {b.text for b in as_deal.blocks if isinstance(b, Item)}
        if line_text(base, agreement) in listed:  # only once « accords » is said set aside
            notes = [b.text for b in as_deal.blocks if isinstance(b, Para)]
            assert any("en laissant de côté « accords »" in text for text in notes), notes
        assert line_text(base, agreement) in lines(f"adhésion {year}")


def test_selon_is_an_attribution_only_when_it_names_who_says_it():
    # « selon ses normes » says how, not who: no lead is put first
    assert short_label("Il modernise ses forces armées selon ses normes et bien plus", 30) == (
        "Il modernise ses forces…"
    )
    assert keeps_modality(
        "La Douma réagit : selon Konstantin Zatulin, Aliyev a reconnu beaucoup de choses",
        short_label("La Douma réagit : selon Konstantin Zatulin, Aliyev a reconnu", 30),
    )


def test_an_adhesion_is_never_called_an_agreement_on_a_card(index, base):
    """Issue 29, point 3: the Partnership for Peace (an adhesion) is not counted as an
    « accord » behind a card's button, nor titled so in the list it opens."""
    seen = 0
    for actor in base.actors.values():
        found = index.deals.involving(actor.id)
        adhesions = [a for a in found if a.act == "adhesion"]
        if not adhesions:
            continue
        seen += 1
        card = actor_card(index, actor)
        labels = [b.label for row in card.buttons for b in row if b.data == f"ac:{actor.id}"]
        text = render_text(card)
        if labels:
            assert "dhésion" in labels[0], labels
            assert count(len(adhesions), "adhésion") in text
            assert count(len(found), "accord") not in text or len(adhesions) == 0
        listing = render_text(callback(index, f"ac:{actor.id}"))
        assert listing.splitlines()[0].startswith(("ACCORDS ET ADHÉSIONS", "ADHÉSIONS"))
    assert seen, "the check ran on at least one actor with an adhesion"
