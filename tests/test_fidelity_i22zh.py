"""Issue 22, fidelity findings of outside readers (i22zh): an inferred date reads the same in
every view, with its own basis (« Hier » is in the embassy's post, cited on the article's
day — never « article du 31 octobre » as if the article said it); the note on agreements an
act leaves out speaks a reader's words, never the base's; a line dated by one article over a
quote from another says the quote is from another article. Cases of our own on the frozen
five-article base (``tests/fixtures/five``); what is expected is computed from that base."""

from __future__ import annotations

import re
from datetime import date

from bot.content.model import Agreement, Event, FactBase
from bot.engine.commands import answer, callback
from bot.engine.common import brief_when, when
from bot.engine.index import Index
from bot.engine.questions import respond
from bot.engine.reply import Item, Para, Quote, Reply
from bot.render.text import render_text

TODAY = date(2026, 12, 6)

ASKED = (
    "/accord Royaume-Uni",
    "/accord signés",
    "/timeline 2025",
    "/timeline octobre 2025",
    "/timeline août 2025",
    "/pays Royaume-Uni",
    "quand le Royaume-Uni et l'Azerbaïdjan ont-ils signé leur plan de défense ?",
    "quels accords ont été signés avec le Royaume-Uni ?",
    "qu'a annoncé Aliyev en août ?",
    "que dit Aliyev sur la réforme militaire ?",
    "qu'a signé l'OTAN ?",
)


def _inferred(base: FactBase) -> list[Event | Agreement]:
    return [e for e in (*base.events, *base.agreements) if e.date_basis == "déduit"]


def _replies(index: Index) -> list[Reply]:
    """Each asked reply, then the reply of each of its buttons: every view they reach."""
    replies = []
    for asked in ASKED:
        reply = answer(index, asked, TODAY) if asked.startswith("/") else None
        reply = reply or respond(index, asked, TODAY)
        replies.append(reply)
        for row in reply.buttons:
            for button in row:
                if button.data and not button.data.startswith(("http", "/")):
                    replies.append(callback(index, button.data))
    return replies


def test_an_inferred_date_has_one_wording_at_every_length(five_base: FactBase) -> None:
    found = _inferred(five_base)
    assert found
    for entry in found:
        full = when(five_base, entry)
        assert "déduit : " in full and "d'après" not in full
        for limit in (20, 40, 50, 60, 120):  # buttons, headings, lines: never a second wording
            assert brief_when(five_base, entry, limit) == full, (entry.id, limit)
        if entry.date_text and entry.date_reason:  # words not the article's own: the reason
            assert f"« {entry.date_text} », {entry.date_reason}" in full


def test_every_view_shows_an_inferred_date_with_its_own_basis(five_base: FactBase) -> None:
    index = Index(five_base)
    texts = [render_text(reply) for reply in _replies(index)]
    said = " ".join(" ".join(text.split()) for text in texts)  # lines wrapped: one line
    assert "d'après « " not in said  # the second wording, gone from every view
    told = [e for e in _inferred(five_base) if e.date_text and e.date_reason]
    seen = 0
    for entry in told:
        words = f"« {entry.date_text} »"
        for found in re.finditer(re.escape(words), said):
            if "déduit" in said[max(0, found.start() - 12) : found.start()]:  # a date's origin
                seen += 1
                assert said[found.start() :].startswith(f"{words}, {entry.date_reason}")
    assert seen  # the UK plan's « Hier » is shown, each time with the embassy's post


def test_the_left_out_note_speaks_a_readers_words(five_base: FactBase) -> None:
    index = Index(five_base)
    notes = []
    for question in ("qu'a signé l'OTAN ?", "quels accords ont été signés avec le Royaume-Uni ?"):
        reply = respond(index, question, TODAY)
        notes += [b.text for b in reply.blocks if isinstance(b, Para) and "Aussi dans" in b.text]
    assert len(notes) == 2
    for note in notes:
        assert "sans signature rapportée" in note
        for internal in ("noté", "dans la base", "faute de", "Non compté", "aucun acte"):
            assert internal not in note, note


def test_a_line_over_a_quote_of_another_article_says_so(five_base: FactBase) -> None:
    index = Index(five_base)
    checked = 0
    for reply in _replies(index):
        blocks = reply.blocks
        for at, block in enumerate(blocks[:-1]):
            if not isinstance(block, Item) or not block.entry:
                continue
            entry = index.entries.get(block.entry)
            anchor = getattr(entry, "date_anchor", None)
            after = blocks[at + 1]
            if isinstance(after, Para) and after.text.startswith("Phrase d'un autre article"):
                quote = blocks[at + 2]
                assert isinstance(quote, Quote) and quote.source != anchor
                label = five_base.sources[quote.source].label
                assert f"réf. : {label})" in after.text  # the quote's own article named,
                assert "«" not in after.text  # in the bot's words, never between « »
                checked += 1
            elif isinstance(after, Quote) and anchor:
                assert after.source in ("", anchor), (block.text, after.text)
    assert checked  # Aliyev's line (dated by one article) over the OTS article's sentence
