"""The outbox as an operator reads it (``push --status``, /envois): plain French text. Pure."""

from __future__ import annotations

import html
import re

from bot.push.outbox import Item
from bot.redact import redact

LABELS = {
    "pending": "en attente",
    "sending": "en cours d'envoi",
    "uncertain": "incertaine",
    "failed": "en échec",
}
MAX_LISTED = 20


def _preview(text: str, limit: int = 70) -> str:
    plain = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())
    return plain if len(plain) <= limit else plain[: limit - 1] + "…"


def queue_report(items: list[Item]) -> str:
    """Every unsettled message with its state and reason; how to act on them."""
    if not items:
        return "File d'envoi vide : tout a été publié."
    counts = {label: 0 for label in LABELS}
    for item in items:
        counts[item.status] = counts.get(item.status, 0) + 1
    summary = ", ".join(f"{n} {LABELS[s]}" for s, n in counts.items() if n)
    lines = [f"File d'envoi : {summary}."]
    for item in items[:MAX_LISTED]:
        reason = f" — {item.last_error}" if item.last_error else ""
        lines.append(
            f"• n° {item.id} [{LABELS.get(item.status, item.status)}] "
            f"« {_preview(item.text)} » (tentatives : {item.attempts}){reason}"
        )
    if len(items) > MAX_LISTED:
        lines.append(f"… et {len(items) - MAX_LISTED} autre(s).")
    if any(item.status in ("uncertain", "failed") for item in items):
        lines.append(
            "Une publication incertaine a peut-être été faite : vérifiez le canal avant de la "
            "republier. Republier ou abandonner : n° de l'élément (toute sa publication)."
        )
    return redact("\n".join(lines))
