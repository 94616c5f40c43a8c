"""A strict checker of Telegram's HTML parse mode, for tests (and the future fake Bot API)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-spoiler",
        "span",
    }
)
ALLOWED_ENTITIES = frozenset({"lt", "gt", "amp", "quot"})


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"balise interdite <{tag}>")
        elif tag == "a" and [name for name, _ in attrs] != ["href"]:
            self.errors.append("<a> n'accepte que href")
        elif tag == "blockquote" and attrs == [("expandable", None)]:
            pass  # <blockquote expandable>: folded until tapped
        elif tag != "a" and attrs:
            self.errors.append(f"<{tag}> sans attribut attendu")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> ne ferme rien")
        else:
            self.stack.pop()

    def handle_entityref(self, name: str) -> None:
        if name not in ALLOWED_ENTITIES:
            self.errors.append(f"entité inconnue &{name};")

    def handle_charref(self, name: str) -> None:
        pass

    def unknown_decl(self, data: str) -> None:
        self.errors.append(f"déclaration inattendue {data!r}")


def html_errors(text: str) -> list[str]:
    """Why Telegram would refuse ``text`` in HTML parse mode (empty when it would accept it)."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    errors = list(checker.errors)
    if checker.stack:
        errors.append(f"balises non fermées : {checker.stack}")
    names = "|".join(sorted(ALLOWED_TAGS, key=len, reverse=True))
    stripped = re.sub(rf'<a href="[^"<>]*">|<blockquote expandable>|</?(?:{names})>', "", text)
    if "<" in stripped or ">" in stripped:
        errors.append("chevron non échappé")
    return errors
