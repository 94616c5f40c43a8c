"""Checks of form on what the bot shows, beside the support check.

- A quote shows the article's guillemets balanced: a quote of a quotation that opens « and
  never closes it (or closes one it never opened) reads as if the bot had cut the speaker's
  words; take the whole quotation, or cut at a sentence boundary inside it.
- An organisation is shown only by names the articles write (« OTAN », « Douma d'État »);
  an English name or an expansion no article uses (« NATO », « State Duma ») stays a search
  alias.
"""

from __future__ import annotations

from bot.content.errors import ContentIssue
from bot.content.model import FactBase
from bot.text import fold


def balanced(text: str) -> bool:
    """True when every « in ``text`` is closed by a later », and every » was opened."""
    depth = 0
    for char in text:
        if char == "«":
            depth += 1
        elif char == "»":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def guillemet_issues(base: FactBase) -> list[ContentIssue]:
    """Every quote whose guillemets do not balance, named by file › entry › field."""
    files = base.files or {}
    issues: list[ContentIssue] = []
    holders = [*base.entries(), *base.actors.values()]
    for holder in holders:
        for position, evidence in enumerate(holder.evidence):
            if not balanced(evidence.quote):
                issues.append(
                    ContentIssue(
                        files.get(holder.id, "content/"),
                        holder.id,
                        f"evidence[{position}].quote",
                        f"guillemets non équilibrés dans « {evidence.quote[:60]}… » : citer "
                        "toute la citation de l'article, ou la couper à une fin de phrase "
                        "à l'intérieur",
                    )
                )
    return issues


def name_issues(base: FactBase) -> list[ContentIssue]:
    """Every displayed name of an organisation (name, full name, English name) that no
    article writes."""
    texts = [f" {fold(text)} " for text in base.seeds.values()]
    files = base.files or {}
    issues: list[ContentIssue] = []
    for actor in base.actors.values():
        if actor.is_country:
            continue
        shown = {"name": actor.name, "full_name": actor.full_name, "name_en": actor.name_en}
        for field, value in shown.items():
            if value and not any(f" {fold(value)} " in text for text in texts):
                issues.append(
                    ContentIssue(
                        files.get(actor.id, "content/actors.yaml"),
                        actor.id,
                        field,
                        f"« {value} » n'est écrit dans aucun article : l'afficher ferait dire "
                        "aux articles un nom qu'ils n'emploient pas ; le mettre dans aliases "
                        "(recherche seulement)",
                    )
                )
    return issues
