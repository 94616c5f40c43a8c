"""Country cards a draft proposes: a new country's lines for ``content/actors.yaml``, and the
known countries whose card (``role`` and its ``evidence``) the curator should reread.

A new country's card holds only what the article shows: its ISO code and the adjectives the
article uses for it (« pakistanais »), so the checks recognise them. Its ``role``, a sentence
resting on quotes, is the curator's to write, as every summary is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.text import fold

REVIEW_NOTE = (
    "fiche existante (content/actors.yaml) : si l'article apporte un fait durable sur ce pays, "
    "compléter son role et ajouter la citation qui l'appuie à son evidence"
)


def new_country_cards(
    new_countries: Mapping[str, list[str]],
    names: Mapping[str, str],
    lexicon: Mapping[str, tuple[str, ...]] | None = None,
) -> list[dict[str, Any]]:
    """One card per new country: ``code`` and its ``demonyms``: the article's words, then the
    other forms the draft tool reads French with (``lexicon``: « pakistanais, pakistanaise,
    … »), so that no card goes without and none holds one form only (« émiriennes »).

    ``names`` gives each code's French name; a word that is the name itself is not a demonym.
    """
    cards: list[dict[str, Any]] = []
    for code, words in new_countries.items():
        name = fold(names.get(code, ""))
        demonyms: list[str] = []
        for word in words:
            combining = fold(word).endswith("o")  # « sino- », « russo- »: a prefix, not a word
            if fold(word) != name and word[:1].islower() and not combining and word not in demonyms:
                demonyms.append(word)
        card: dict[str, Any] = {"code": code}
        # the article's forms first, then the tool's others (« émiriennes » alone would leave
        # « émirien », « émirienne » unread by the checks)
        demonyms += [form for form in (lexicon or {}).get(code, ()) if form not in demonyms]
        if demonyms:
            card["demonyms"] = demonyms
        cards.append(card)
    return cards


def cards_to_review(actor_ids: Iterable[str]) -> list[dict[str, str]]:
    """The known countries (ISO codes) the draft's candidates name, in order, each with what
    to reread."""
    seen: list[str] = []
    for actor in actor_ids:
        if len(actor) == 2 and actor.isupper() and actor not in seen:
            seen.append(actor)
    return [{"code": code, "note": REVIEW_NOTE} for code in seen]
