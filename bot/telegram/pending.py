"""A /publier preview waiting for the admin's [Publier] or [Annuler]."""

from __future__ import annotations

from dataclasses import dataclass

from bot.push.compose import Post


@dataclass(frozen=True, slots=True)
class Pending:
    """A /publier shown to the admin and not yet confirmed: a post, or a photo and its texts."""

    key: str
    post: Post | None = None
    photo: bytes | None = None
    texts: list[str] | None = None
