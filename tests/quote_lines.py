"""The quote-line rule, computed over rendered replies (issue 22, outside phone readers'
point 1): a quote sits directly under the line it supports, or carries a number that the
line also shows; never under a neighbour's heading. A quote open under a line, that another
line of the same reply holds too and states in more of its words, sits under that other line
(the outside reader's F4, F9: the forum's opening under the roadmap approved there); a
sentence shown right before the quote that refers back to it is read with that quote.

Walked: every command form and list page of the shipped base (``first_screen.command_forms``),
every question of ``tests/questions.yaml`` and ``tests/questions_dev*.yaml``, and every form
of the golden file. ``python -m tests.quote_lines`` prints the faults.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bot.content.model import Fact
from bot.engine.index import Index
from bot.engine.own_evidence import is_foreign, own_key_evidence
from bot.engine.reply import Item, Quote, QuoteGroup, Reply
from bot.text import fold
from tests.first_screen import Asked, command_forms, list_pages, question_files, questions
from tests.golden import ASKED


def _held(index: Index, entry_id: str, quote: Quote) -> bool:
    """True when the entry ``entry_id`` holds ``quote`` among its evidence (verbatim, whole or
    a sentence of it) as its own proof, not as another entry's sentence (issue 22 A.1:
    ``bot.engine.own_evidence``)."""
    entry = index.entries.get(entry_id)
    if entry is None:
        return False
    shown = own_key_evidence(index.base, entry)  # an entry with no sentence of its own shows
    return any(  # its key quotes: they are still its proof (``own_key_evidence``)
        (quote.text in item.quote or item.quote in quote.text)
        and (not is_foreign(index.base, entry, item.quote) or item in shown)
        for item in entry.evidence
    )


def _said(text: str) -> frozenset[str]:
    """The words of 4 letters or more of ``text``, folded and cut to 5 letters."""
    return frozenset(w[:5] for w in re.findall(r"\w+", fold(text)) if len(w) >= 4)


def _better_line(index: Index, above: Item, lines: list[Item], quote: Quote) -> Item | None:
    """Another line of a dated entry that holds ``quote`` and whose text shares more of its
    words than ``above``'s; None when ``above`` states it best."""
    said = _said(quote.text)
    best, most = None, len(_said(above.text) & said)
    for line in lines:
        if line is above or not line.entry or not _held(index, line.entry, quote):
            continue
        if isinstance(index.entries.get(line.entry), Fact):
            continue  # a context line (« Contexte — … ») sums its quotes up: it claims none
        if (shared := len(_said(line.text) & said)) > most:
            best, most = line, shared
    return best


def _leads_in(reply: Reply, quote: Quote) -> bool:
    """True when ``quote`` is followed right away by another quote: the sentence that one
    refers back to (« À ce forum a succédé … » after the council's sentence), shown with it."""
    at = next(n for n, block in enumerate(reply.blocks) if block is quote)
    return at + 1 < len(reply.blocks) and isinstance(reply.blocks[at + 1], Quote)


def faults(index: Index, reply: Reply) -> list[str]:
    """What breaks the rule in ``reply``: a numbered quote whose number no line shows, or whose
    line's entry does not hold it; a quote right under a line whose entry does not hold it."""
    found: list[str] = []
    lines = [block for block in reply.blocks if isinstance(block, Item)]
    above: Item | None = None
    for block in reply.blocks:
        if isinstance(block, QuoteGroup):
            for number, quote in block.quotes:
                owners = [line for line in lines if line.ref == number]
                if not owners:
                    found.append(
                        f"« {quote.text[:60]} » numéroté {number} : aucune ligne {number}."
                    )
                elif owners[0].entry and not _held(index, owners[0].entry, quote):
                    line = owners[0].text[:50]
                    found.append(
                        f"« {quote.text[:60]} » sous le numéro {number} de « {line} »,"
                        " dont l'entrée ne le tient pas."
                    )
            above = None
        elif isinstance(block, Quote):
            if above is not None and above.entry and not _held(index, above.entry, block):
                line = above.text[:50]
                said = f"« {block.text[:60]} » sous « {line} »"
                found.append(f"{said}, dont l'entrée ne le tient pas.")
            elif above is not None and above.entry and not _leads_in(reply, block):
                better = _better_line(index, above, lines, block)
                if better is not None:
                    said = f"« {block.text[:60]} » sous « {above.text[:50]} »"
                    found.append(f"{said}, que la ligne « {better.text[:50]} » dit mieux.")
        else:
            above = block if isinstance(block, Item) else None
    return found


def dev_questions(folder: Path = Path(__file__).parent) -> list[str]:
    """The questions of tests/questions.yaml and tests/questions_dev*.yaml."""
    kept = [p for p in question_files(folder) if p.name == "questions.yaml" or "_dev" in p.name]
    found: list[str] = []
    for path in kept:
        found += questions_of(path)
    return found


def questions_of(path: Path) -> list[str]:
    """The questions of one set (``first_screen.questions`` reads a folder: given one file)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "questions.yaml").write_text(path.read_text(encoding="utf-8"))
        return questions(Path(folder))


def every_form(index: Index) -> list[Asked]:
    forms = command_forms(index)
    forms += list_pages(index, forms)
    forms += [Asked(text) for text in ASKED if ":" not in text[:3]]
    forms += [Asked(text, question=True) for text in dev_questions()]
    return forms


def all_faults(index: Index) -> dict[str, list[str]]:
    """Each walked form with faults → its faults."""
    found: dict[str, list[str]] = {}
    for form in every_form(index):
        wrong = faults(index, form.reply(index))
        if wrong:
            found[form.text] = wrong
    return found


def main() -> int:
    from bot.content.loader import load_factbase
    from bot.paths import CONTENT_DIR, SEEDS_DIR

    index = Index(load_factbase(CONTENT_DIR, SEEDS_DIR))
    found = all_faults(index)
    for text, wrong in found.items():
        print(f"== {text}")
        for line in wrong:
            print(f"   {line}")
    print(f"{len(found)} réponses fautives")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
