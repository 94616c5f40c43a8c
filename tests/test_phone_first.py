"""Answers made for a phone: a card's first message fits one screen, quotes past the first are
folded, each source is attributed once per message, sections are one button away and arrive as
new messages, and nothing is ever cut silently (every card, page and inline result)."""

import html
import re
from datetime import date

import pytest

from bot.engine.cards import actor_card, agreement_card, event_card
from bot.engine.commands import COMMANDS, answer, callback
from bot.engine.index import Index
from bot.engine.inline import inline_offers
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply, texts
from bot.render.html import FOLDED_SHOWN, MESSAGE_LIMIT, render_html, visible_length
from tests.telegram_html import html_errors

SCREEN = 1200
"""Visible characters of a card's first message: one phone screen."""


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


def cards(index, base) -> list[Reply]:
    found = [actor_card(index, actor) for actor in base.actors.values()]
    found += [agreement_card(index, agreement) for agreement in base.agreements]
    found += [event_card(index, event) for event in base.events]
    return found


def crawl(index, base) -> list[Reply]:
    """Every reply reachable from the commands and the cards by pressing buttons."""
    start = [answer(index, f"/{c.name}") for c in COMMANDS]
    start += [answer(index, q) for q in ("/timeline 2025", "/accord 2025", "/cherche OTAN")]
    start += cards(index, base)
    seen: set[str] = set()
    replies: list[Reply] = []
    queue = list(start)
    while queue:
        reply = queue.pop()
        replies.append(reply)
        for row in reply.buttons:
            for button in row:
                if button.data not in seen:
                    seen.add(button.data)
                    queue.append(callback(index, button.data))
    return replies


def shown_text(messages: list[str]) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", "\n".join(messages)))


def test_every_card_first_message_fits_one_phone_screen(index, base):
    sizes = [
        (reply.blocks[0].text, visible_length(render_html(reply)[0]))
        for reply in cards(index, base)
    ]
    assert [(title, size) for title, size in sizes if size > SCREEN] == []
    assert len(sizes) == len(base.actors) + len(base.agreements) + len(base.events)


def test_nothing_is_cut_silently_in_any_reachable_answer(index, base):
    replies = crawl(index, base)
    assert len(replies) > 150  # cards, sections, pages, details, lists
    for reply in replies:
        messages = render_html(reply)
        assert all(len(m) <= MESSAGE_LIMIT and html_errors(m) == [] for m in messages)
        text = shown_text(messages)
        for block in reply.blocks:
            for shown in texts(block):
                assert shown in text, shown[:60]
            quotes = [q for _, q in block.quotes] if isinstance(block, QuoteGroup) else [block]
            for quote in quotes:
                if isinstance(quote, Quote):
                    assert quote.attribution in text


def test_inline_results_are_compact_and_complete(index, base):
    for query in ("", "Turquie", "paix", "accords 2025", "que s'est-il passé en 2025 ?", "OTAN"):
        for offer in inline_offers(index, query, date(2026, 11, 23)):
            messages = render_html(offer.reply, screen=None)  # sent as one message
            assert len(messages) == 1, (query, offer.title)  # one message, never cut
            text = shown_text(messages)
            assert all(shown in text for block in offer.reply.blocks for shown in texts(block))


def test_quotes_past_the_first_are_folded_and_sources_attributed_once(index):
    reply = answer(index, "/accord Royaume-Uni")  # a list: its quotes in one folded group
    message = render_html(reply, screen=None)[0]
    assert message.count("<blockquote>") == 0 and message.count("<blockquote expandable>") == 1
    group = next(b for b in reply.blocks if isinstance(b, QuoteGroup))
    assert len(group.quotes) == reply.quotes >= 2
    assert message.count("article du 31 octobre 2025") == 1  # once, in the footer
    # on the first screen, the first quote stays open only when the message still fits
    first = render_html(reply)[0]
    assert visible_length(first) <= SCREEN and first.count("<blockquote>") <= 1


def test_several_sources_are_marked_and_listed_once_each(index):
    message = render_html(answer(index, "/pays Turquie"))[0]
    footer = message.rsplit("\n", 1)[-1]
    assert footer.startswith("<i>Sources des citations : ① ")
    assert "②" in footer and footer.count("①") == 1
    assert "</blockquote> <i>①</i>" in message


def test_folded_quotes_count_for_what_they_show_until_tapped():
    long = "mot " * 200
    folded = render_html(Reply((Quote("court", "A", "a"), Quote(long, "A", "a"))))[0]
    assert visible_length(folded) < len(long) and visible_length(folded) >= FOLDED_SHOWN


def test_card_sections_arrive_as_new_messages_and_pages_turn_in_place(index):
    card = answer(index, "/pays Turquie")
    sections = {b.label: b.data for row in card.buttons for b in row}
    # the three sections, each with its count (computed by the card, checked in test_commands)
    assert sorted(re.sub(r" \(\d+\)$", "", label) for label in sections) == [
        "📄 Accords",
        "📅 Chronologie",
        "📌 Contexte",
    ]
    for data in sections.values():
        section = callback(index, data)
        assert not section.edit  # a new message: the card stays where it was
        back = [b for row in section.buttons for b in row if b.label == "◀ Fiche"]
        assert back and callback(index, back[0].data).edit
        for row in section.buttons:
            for button in row:
                if button.label.startswith(("◀ Précédent", "Suivant ▶", "Dernières")):
                    assert callback(index, button.data).edit


def test_a_split_never_happens_inside_a_section_and_each_part_stands_alone():
    def section(n: int) -> list:
        return [Para(f"Section {n}", "title"), *[Item(f"{n}.{i}", "texte " * 60) for i in range(4)]]

    reply = Reply(tuple(block for n in range(8) for block in section(n)))
    messages = render_html(reply, screen=None)  # Telegram's limit only: whole sections
    assert len(messages) > 1
    for message in messages:
        assert message.startswith("<b>Section ")  # each part opens on its own section title
        opened = re.findall(r"<b>Section (\d+)</b>", message)
        for n in opened:  # a section never continues in the next message
            assert message.count(f"<b>{n}.") == 4


def test_a_section_too_long_for_one_message_says_it_continues():
    reply = Reply((Para("Longue", "title"), *[Item(str(i), "texte " * 120) for i in range(12)]))
    messages = render_html(reply)
    assert len(messages) > 1
    assert all(m.startswith("<b>Longue (suite)</b>") for m in messages[1:])


def test_a_line_and_its_quotes_are_never_split_between_messages():
    unit = [Item("2025", "ligne " * 80), Quote("citation " * 60, "Source A", "a")]
    reply = Reply((Para("Longue", "title"), *unit * 6))
    for message in render_html(reply):
        lines = message.count("• <b>2025</b>")
        quotes = message.count("<blockquote")
        assert lines == quotes  # each line arrives with its quote


def test_a_membership_is_shown_with_the_quote_that_names_the_member(index, base):
    for actor in base.actors.values():
        reply = actor_card(index, actor)
        blocks = list(reply.blocks)
        for position, block in enumerate(blocks):
            if isinstance(block, Item) and block.text.startswith(("membre (", "observateur (")):
                quote = blocks[position + 1]
                assert isinstance(quote, Quote), (actor.id, block.label)


def test_agreement_card_lines_appear_only_with_the_quotes_behind_them(index, base):
    for agreement in base.agreements:
        card = agreement_card(index, agreement)
        labels = [b.label for b in card.blocks if isinstance(b, Item)]
        quotes = sum(isinstance(b, Quote) for b in card.blocks)
        if "Lieu" in labels or "Portée" in labels:
            assert quotes == len(agreement.evidence), agreement.id
