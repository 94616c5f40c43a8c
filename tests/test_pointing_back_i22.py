"""A follow-up pointing back keeps the previous subject (issue 22, outside phone readers' point
6): « … de cette organisation ? », « … ce pays … ? » continue what was just asked, however
long; a question naming its own actor stands on its own."""

from __future__ import annotations

from datetime import date

from bot.engine.index import Index
from bot.engine.questions import respond_in_thread

TODAY = date(2026, 12, 6)


def _thread(index, *asked):
    previous = None
    for text in asked:
        _, previous = respond_in_thread(index, text, TODAY, previous)
    return previous


def test_cette_organisation_keeps_the_organisation_just_asked_about(base):
    index = Index(base)
    orgs = [a for a in base.actors.values() if not a.is_country and a.members]
    assert orgs
    for org in orgs:
        first = _thread(index, f"/org {org.name}")
        assert first is not None
        later = _thread(index, f"/org {org.name}", "c'est qui les membres de cette organisation ?")
        assert later is not None and later.data == first.data, org.id


def test_ce_pays_keeps_the_country_just_asked_about(base):
    index = Index(base)
    countries = [a for a in base.actors.values() if a.is_country and a.id != base.vocabulary.home]
    for country in countries[:5]:
        later = _thread(index, f"/pays {country.name}", "quels accords a signés ce pays en 2025 ?")
        assert later is not None and country.id.casefold() in later.data.casefold(), country.id


def test_a_question_naming_its_own_actor_is_not_pointed_back(base):
    index = Index(base)
    countries = [a for a in base.actors.values() if a.is_country and a.id != base.vocabulary.home]
    one, other = countries[0], countries[1]
    later = _thread(index, f"/pays {one.name}", f"ce pays, la {other.name}, a signé quoi ?")
    assert later is not None and one.id.casefold() not in later.data.casefold().split()
