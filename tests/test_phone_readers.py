"""What phone readers of an outside question set found (issue 22, follow-up): the Turkic
states read as the organisation, not as Turkey; an actor's agreement list that says when the
actor only mediated; words of the articles never called unread; no two buttons alike."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.engine.cards import agreements_of
from bot.engine.index import Index
from bot.engine.questions import respond, understand
from bot.engine.reply import Button, Para, Reply, distinct_buttons
from bot.engine.timeline import split_aside
from bot.render.text import render_text
from bot.text import fold

TODAY = date(2026, 12, 6)


def _turkic(index: Index) -> str:
    """The organisation whose full name names the Turkic states (found, not pinned)."""
    return next(
        actor.id
        for actor in index.base.actors.values()
        if not actor.is_country and "turciques" in fold(actor.full_name or "")
    )


def test_the_turkic_states_are_the_organisation_not_turkey(base):
    index = Index(base)
    turkic = _turkic(index)
    for said in ("les États turciques", "pays turciques", "Etats turciques"):
        match = index.find_actor(said)
        assert match is not None and match.actor.id == turkic, said
    found = understand(index, "qu'a proposé le président azéri aux pays turciques ?", TODAY)
    assert found is not None and turkic in found.data.split() and "TR" not in found.data.split()
    text = render_text(
        respond(index, "qu'a proposé le président azéri aux pays turciques ?", TODAY)
    )
    shown = re.findall(r"« ([^«»]{30,})", text)
    holders = [e for e in base.entries() if turkic in getattr(e, "actors", ())]
    assert any(s[:30] in q.quote for s in shown for e in holders for q in e.evidence)


def test_an_actor_that_only_mediated_is_said_to_be_the_mediator(base):
    """On a base of the test's own (an agreement given a mediator that is not its party), the
    mediator's list says « médiateur » on that line and nothing of the sort on the others."""
    agreement = next(a for a in base.agreements if len(a.parties) >= 2)
    mediator = next(
        actor.id
        for actor in base.actors.values()
        if actor.is_country and actor.id not in agreement.parties
    )
    changed = replace(agreement, mediators=(mediator,))
    own = replace(base, agreements=tuple(changed if a is agreement else a for a in base.agreements))
    index = Index(own)
    lines = render_text(agreements_of(index, mediator)).splitlines()
    name = base.actors[mediator].name
    marked = [line for line in lines if f"{name} : médiateur" in line]
    assert len(marked) == 1
    party = agreement.parties[0]
    others = render_text(agreements_of(index, party)).splitlines()
    assert not any(" : médiateur" in line for line in others)


def _a_seed_word(base) -> str:
    """A long accented word of the articles, found in the seeds."""
    text = " ".join(base.seeds.values())
    return next(w for w in re.findall(r"\w{9,}", text) if fold(w) != w.lower())


def test_words_the_articles_hold_are_never_called_unread(base):
    index = Index(base)
    word = _a_seed_word(base)
    for variant in (fold(word), fold(word)[:-1] + "x"):  # without accents; a typo
        unknown, held = split_aside(index, [variant])
        assert held == [variant] and not unknown, variant
        text = render_text(respond(index, f"/timeline 2025 {variant}", TODAY))
        unread = [line for line in text.splitlines() if "je ne sais pas le lire" in line]
        assert not any(variant in line for line in unread), text[:400]
    unknown, held = split_aside(index, ["zzqxw"])
    assert unknown == ["zzqxw"] and not held


def test_a_reply_never_shows_two_buttons_alike():
    rows = (
        (Button("Au futur : Lukoil…", "e:1"), Button("Au futur : Lukoil…", "e:2")),
        (Button("Au futur : Lukoil…", "e:1"),),
        (Button("🔎 Tous", "s:x"),),
    )
    reply = Reply((Para("x"),), rows)
    labels = [button.label for row in reply.buttons for button in row]
    assert len(labels) == len(set(labels)) == 3
    assert [b.data for row in reply.buttons for b in row] == ["e:1", "e:2", "s:x"]
    assert distinct_buttons(reply.buttons) == reply.buttons
