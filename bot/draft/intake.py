"""Turn the bytes a curator sends (a file, a document, pasted text) into article text.

Limits and encodings are checked here once, with French messages, for the command line and
for Telegram alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the draft's modules are imported on first use: the bot imports this one
    from bot.draft.article import Given  # for its limits and never drafts unless asked

MAX_ARTICLE_BYTES = 200_000
"""Largest article accepted (a long news page is 20 to 60 KB of text)."""
MIN_ARTICLE_CHARS = 80


class ArticleError(ValueError):
    """The article cannot be drafted; the message says why, in French."""


@dataclass(frozen=True, slots=True)
class Intake:
    """Decoded article text and, when it was not UTF-8, a note saying how it was read."""

    text: str
    note: str | None = None


def decode_article(data: bytes) -> Intake:
    """Decode ``data`` as UTF-8 (then Windows-1252, with a note); refuse what is not text."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"article trop long : {len(data) // 1000} Ko, la limite est de "
            f"{MAX_ARTICLE_BYTES // 1000} Ko ; n'envoyer que le texte de l'article"
        )
    if b"\x00" in data:
        raise ArticleError(
            "ce fichier n'est pas du texte (octets nuls) : envoyer un fichier .txt en UTF-8"
        )
    note = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleError(
                f"texte illisible : ni UTF-8 (octet invalide en position {error.start}) ni "
                "Windows-1252 ; enregistrer le fichier en UTF-8"
            ) from None
        note = (
            "le fichier n'était pas en UTF-8 : lu en Windows-1252 ; vérifier les accents et "
            "l'enregistrer en UTF-8 avant de le mettre dans seeds/"
        )
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise ArticleError(
            f"texte trop court ({len(text.strip())} caractères) : coller l'article entier "
            f"(au moins {MIN_ARTICLE_CHARS} caractères)"
        )
    return Intake(text, note)


def given_of(url: str | None, when: str | None, outlet: str | None) -> Given:
    """What the curator gives on the command line, checked: a date is a full day, or a month
    (« 2023-02 ») whose day the dispatch's dateline gives (the draft says when none does)."""
    from bot.draft.article import Given, header_month
    from bot.draft.frdates import find_dates

    day: date | None = None
    month: str | None = None
    if when:
        try:
            day = date.fromisoformat(when.strip())
        except ValueError:
            found = [d for d in find_dates(when, None) if d.precision == "jour" and d.iso]
            month = header_month(when) if not found else None
            if month is None and (not found or found[0].iso is None):
                raise ArticleError(
                    f"--date « {when} » : date illisible ; écrire un jour entier, par exemple "
                    "2025-10-23 ou « 23 octobre 2025 », ou un mois, 2025-10, quand la ligne "
                    "d'agence donne le jour (« Bakou, 23 octobre, AZERTAC »)"
                ) from None
            if found and found[0].iso:
                day = date.fromisoformat(found[0].iso)
    if url is not None and not url.strip().lower().startswith(("http://", "https://", "www.")):
        raise ArticleError(f"--url « {url} » : une adresse commence par https://")
    return Given(url.strip() if url else None, day, outlet.strip() if outlet else None, month)
