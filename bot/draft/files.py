"""Where drafts live and how one is written: never into the live base's files."""

from __future__ import annotations

from pathlib import Path

from bot.content.model import FactBase
from bot.draft.build import Draft, draft_article, render_draft

DRAFTS_FOLDER = "drafts"
"""Sub-folder of ``content/`` for drafts: the loader reads only ``content/*.yaml``."""


def drafts_dir(content_dir: Path) -> Path:
    """The default drafts folder, ``content/drafts/``."""
    return content_dir / DRAFTS_FOLDER


def write_draft(
    text: str, article_path: Path, base: FactBase, out_dir: Path
) -> tuple[Draft, Path, bool]:
    """Draft ``text`` and write ``<out_dir>/<id>.yaml``.

    Returns the draft, the file, and whether it replaced an earlier draft of that name.
    """
    draft = draft_article(text, article_path.name, base)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{draft.source_id}.yaml"
    replaced = target.exists()
    target.write_text(render_draft(draft, str(article_path)), encoding="utf-8")
    return draft, target, replaced
