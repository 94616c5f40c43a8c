"""Content errors that name the file, the entry and the field at fault."""

from __future__ import annotations

from dataclasses import dataclass

from bot.text import count


@dataclass(frozen=True, slots=True)
class ContentIssue:
    """One problem in the content: where it is and what is wrong, in French."""

    file: str
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.entry is not None:
            where += f" › entrée « {self.entry} »"
        if self.field is not None:
            where += f" › champ « {self.field} »"
        return f"{where} : {self.message}"


class ContentError(Exception):
    """The content does not validate; ``issues`` lists every problem found."""

    def __init__(self, issues: list[ContentIssue]) -> None:
        self.issues = tuple(issues)
        lines = "\n".join(f"- {issue}" for issue in self.issues)
        super().__init__(f"{count(len(self.issues), 'erreur')} dans le contenu :\n{lines}")
