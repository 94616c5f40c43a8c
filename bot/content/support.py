"""The support check: every displayed word that carries a fact rests on the quotes shown with it.

The quotes themselves are verbatim (the loader proves it); this module checks what the bot
writes *around* them. For every displayed string (summary, title, scope, role, date label,
note…) it lists the quotes every view shows with it, and it requires that each date, number,
month, named actor (by any of its names), proper name and « quoted phrase » of the string
occurs in those quotes; that a forecast stays a forecast, an attribution (« selon… ») and an
aim (« cherche à ») stay visible; that a topic, an act (signé, adhésion…) and a party's role
are words the quotes use. A legitimate exception is listed in the content with its reason.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import Stemmer

from bot.content.clauses import main_clauses
from bot.content.errors import ContentIssue
from bot.content.forms import guillemet_issues, name_issues
from bot.content.modality import MODALITY_LABELS, hearsay, modality_of
from bot.content.model import Actor, Agreement, Event, Fact, FactBase
from bot.content.schema import Evidence, SupportException
from bot.dates import MONTHS_FR
from bot.text import fold, normalise_typography

_NUMBER = re.compile(r"\d+(?:[  .,\u202f]\d{3})*")
_SEPARATORS = re.compile(r"(?<=\d)[  .,\u202f](?=\d{3}\b)")
_GUILLEMETS = re.compile(r"«\s*(.*?)\s*»")
"""What a label or a quote puts between French guillemets."""
_QUOTED = re.compile(r"«\s*([^»]+?)\s*»|\"([^\"]+)\"")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’-]*[\w]")
_SENTENCE_START = re.compile(r"(?:^|[.:;!?(«—–]\s*|\s[-–—]\s)$")
_FUTURE = re.compile(
    r"\b(?:\w+(?:erai|eras|era|erons|erez|eront)|sera|seront|fera|feront|aura|auront|"
    r"pourra|pourront|devra|devront|ira|iront|viendra|tiendra|rejoindra|poursuivra)\b"
    r"|\b(?:va|vont)\s+\w+(?:er|ir|re)\b"
)
_SPOKEN_WORD = re.compile(r"\w+")


def _spoken(text: str) -> str:
    """``text`` in lower case, its words only, accents kept (where :func:`fold` drops them):
    what tells « espérons » (present) from « espérerons » (future)."""
    return " ".join(_SPOKEN_WORD.findall(normalise_typography(text).casefold()))


_CONDITIONAL = re.compile(r"\b\w+(?:rais|rait|rions|riez|raient)\b")
_AIM_WORDS = (
    "cherche a",
    "cherchent a",
    "cherchant a",
    "vise a",
    "visant a",
    "entend ",
    "entendent ",
    "veut ",
    "veulent ",
    "volonte",
    "ambition",
    "souhait",
    "intention",
    "s engage",
)
"""Words (folded) that make a sentence an aim, not a fact: the summary must keep one."""
_WILL_TO = re.compile(r"\bvolonte(?: \w+){0,4}? (?:de|d) \w+(?:er|ir|re)\b")
"""« volonté de signer », « la volonté des deux pays de renforcer » : a will to do something —
never « reflétaient la volonté des peuples », a noun that aims at no act."""


def aims_in(folded: str) -> list[str]:
    """The aim words of folded quotes (« cherche à », « volonté de signer »…)."""
    found = [word for word in _AIM_WORDS if word in folded + " "]
    if "volonte" in found and not _WILL_TO.search(folded):
        found.remove("volonte")
    return found


_ROLE_STEMS: dict[str, tuple[str, ...]] = {
    "signataire": ("sign",),
    "membre": ("membre", "adhe", "adher", "rejoign"),
    "proposant": ("propos",),
    "partenaire": ("partenari", "cooper", "collabor"),
    "organisateur": (),
    "médiateur": ("mediat", "egide"),
}
"""« sous l'égide de » says a mediator as plainly as « avec la médiation de »."""
"""Word starts (folded) the key quotes must hold for a party's role."""


@dataclass(frozen=True, slots=True)
class Shown:
    """One displayed string, the quotes every view shows with it, and what else may back it."""

    file: str
    entry: str
    field: str
    text: str
    quotes: tuple[Evidence, ...]
    anchors: tuple[str, ...] = ()
    """Publication dates (as worded) of the sources anchoring an inferred date."""
    checked: bool = True
    """False for an editor's explanation (a date note): in the report, not in the check."""
    context: tuple[Evidence, ...] = ()
    """The entry's other quotes (key: false): never support, named in a refusal's hint."""


def _file(base: FactBase, entry_id: str) -> str:
    return (base.files or {}).get(entry_id, "content/")


def _anchor_words(base: FactBase, entry: Event | Agreement) -> tuple[str, ...]:
    words: list[str] = []
    if entry.date_anchor and entry.date_anchor in base.sources:
        published = base.sources[entry.date_anchor].published
        if published is not None:
            words.append(published.label())
    if entry.date_reason:
        words.append(entry.date_reason)
    return tuple(words)


def _dating(base: FactBase, entry: Event | Agreement, file: str) -> list[Shown]:
    key, every = entry.key_evidence(), entry.evidence
    anchors = _anchor_words(base, entry)
    if entry.date is not None and entry.date_basis != "texte":
        # the inferred date itself is allowed: every view marks it as inferred
        anchors += (entry.date.label(),)
    shown = []
    if entry.date_label:
        shown.append(Shown(file, entry.id, "date_label", entry.date_label, key, anchors))
    if entry.date_reason:
        shown.append(Shown(file, entry.id, "date_reason", entry.date_reason, key, checked=False))
    if entry.date_note:
        shown.append(Shown(file, entry.id, "date_note", entry.date_note, every, checked=False))
    return shown


def displayed(base: FactBase) -> list[Shown]:
    """Every string the bot displays that is not a verbatim quote, with its quotes."""
    shown: list[Shown] = []
    for event in base.events:
        file = _file(base, event.id)
        key = event.key_evidence()
        shown.append(
            Shown(file, event.id, "summary", event.summary, key, context=tuple(event.evidence))
        )
        if event.hedge:
            shown.append(Shown(file, event.id, "hedge", event.hedge, key))
        if event.label:
            shown.append(Shown(file, event.id, "label", event.label, key))
        shown += _dating(base, event, file)
    for agreement in base.agreements:
        file = _file(base, agreement.id)
        key, every = agreement.key_evidence(), agreement.evidence
        shown.append(Shown(file, agreement.id, "title", agreement.title, key))
        shown.append(
            Shown(
                file,
                agreement.id,
                "summary",
                agreement.summary,
                key,
                context=tuple(agreement.evidence),
            )
        )
        if agreement.hedge:
            shown.append(Shown(file, agreement.id, "hedge", agreement.hedge, key))
        if agreement.label:
            shown.append(Shown(file, agreement.id, "label", agreement.label, key))
        for field in ("scope", "place", "parties_note"):
            value = getattr(agreement, field)
            if value:
                shown.append(Shown(file, agreement.id, field, value, every))
        if agreement.period is not None:
            shown.append(Shown(file, agreement.id, "period", agreement.period.label(), every))
        shown += _dating(base, agreement, file)
    for fact in base.facts:
        file = _file(base, fact.id)
        key = fact.key_evidence()
        shown.append(
            Shown(file, fact.id, "summary", fact.summary, key, context=tuple(fact.evidence))
        )
        if fact.hedge:
            shown.append(Shown(file, fact.id, "hedge", fact.hedge, key))
    for actor in base.actors.values():
        file = _file(base, actor.id)
        if actor.role:
            shown.append(Shown(file, actor.id, "role", actor.role, actor.evidence))
        for field in ("members", "observers"):
            ids = getattr(actor, field)
            if ids:
                listed = ", ".join(base.actors[i].name for i in ids if i in base.actors)
                shown.append(Shown(file, actor.id, field, listed, actor.evidence))
    return shown


def _digits(text: str) -> str:
    return _SEPARATORS.sub("", text)


def _numbers(text: str) -> set[str]:
    return {_digits(found) for found in _NUMBER.findall(text)}


def _mention_forms(actor: Actor) -> list[tuple[str, bool]]:
    """(form, exact) pairs: short acronyms match in capitals, the rest folded."""
    names = (actor.name, actor.name_en, actor.full_name, *actor.aliases, *actor.demonyms)
    return list(_forms_of(actor.id, names))


@functools.lru_cache(maxsize=4096)
def _forms_of(actor_id: str, names: tuple[str | None, ...]) -> tuple[tuple[str, bool], ...]:
    forms: list[tuple[str, bool]] = []
    for name in names:
        if not name or (name == actor_id and len(name) == 2):
            continue
        if name.isupper() and len(name) <= 5:
            forms.append((name, True))
        else:
            forms.append((fold(name), False))
    return tuple(forms)


@functools.lru_cache(maxsize=8192)
def _form_pattern(form: str, exact: bool) -> re.Pattern[str]:
    """An acronym in capitals between non-word characters; a folded name as whole words."""
    if exact:
        return re.compile(rf"(?<![\w]){re.escape(form)}(?![\w])")
    return re.compile(rf"\b{re.escape(form)}\b")


def _mentions(text: str, folded: str, forms: list[tuple[str, bool]]) -> list[str]:
    found = []
    for form, exact in forms:  # the substring test first: most forms are not there at all
        if exact:
            if form in text and _form_pattern(form, True).search(text):
                found.append(form)
        elif form and form in folded and _form_pattern(form, False).search(folded):
            found.append(form)
    return found


@dataclass
class _Checker:
    base: FactBase
    issues: list[ContentIssue]
    exceptions: dict[tuple[str, str, str], SupportException]
    used: set[tuple[str, str, str]]

    def report(self, shown: Shown, word: str, message: str) -> None:
        key = (shown.entry, shown.field, fold(word))
        if key in self.exceptions:
            self.used.add(key)
            return
        self.issues.append(ContentIssue(shown.file, shown.entry, shown.field, message))

    def outlets(self, quotes: Iterable[Evidence]) -> list[str]:
        """The outlets the article of each quote writes itself (« Bakou24 », outlet_basis
        texte): shown with the quote, so a summary may name it (« selon Bakou24 »)."""
        found = []
        for item in quotes:
            source = self.base.sources.get(item.source)
            if source is not None and source.outlet and source.outlet_basis == "texte":
                found.append(source.outlet)
        return found

    def check(self, shown: Shown) -> None:
        quotes = " ".join(item.quote for item in shown.quotes)
        support = " ".join([quotes, *shown.anchors, *self.outlets(shown.quotes)])
        folded_support = fold(support)
        folded_text = fold(shown.text)
        excerpt = " / ".join(item.quote[:50] + "…" for item in shown.quotes)
        numbers = _numbers(support)
        for number in sorted(_numbers(shown.text) - numbers):
            self.report(shown, number, f"le nombre {number} n'est dans aucune citation ({excerpt})")
        for month in MONTHS_FR:
            folded_month = fold(month)
            if re.search(rf"\b{folded_month}\b", folded_text) and not re.search(
                rf"\b{folded_month}\b", folded_support
            ):
                self.report(shown, month, f"le mois « {month} » n'est dans aucune citation")
        for match in _QUOTED.finditer(shown.text):
            phrase = match.group(1) or match.group(2) or ""
            if fold(phrase) not in fold(quotes):
                self.report(
                    shown,
                    phrase,
                    f"« {phrase} » est affiché entre guillemets mais n'est pas dans les "
                    "citations montrées avec lui",
                )
        covered: list[tuple[int, int]] = []
        for actor in self.base.actors.values():
            forms = _mention_forms(actor)
            named = _mentions(shown.text, folded_text, forms)
            if named and not _mentions(support, folded_support, forms):
                context = [
                    item
                    for item in shown.context
                    if item not in shown.quotes and _mentions(item.quote, fold(item.quote), forms)
                ]
                hint = (
                    f" ; seule une citation de contexte (key: false) le nomme, « "
                    f"{context[0].quote[:60]}… » : la marquer key: true pour qu'elle soit "
                    "montrée avec ce texte"
                    if context
                    else ""
                )
                self.report(
                    shown,
                    named[0],
                    f"nomme {actor.name} (« {named[0]} ») que les citations montrées avec ce "
                    f"texte ne nomment pas{hint}",
                )
            for form, exact in forms:
                if exact or not form or form not in folded_text:
                    continue
                for found in _form_pattern(form, False).finditer(folded_text):
                    covered.append((found.start(), found.end()))
        for match in _CAPITALISED.finditer(shown.text):
            before = shown.text[: match.start()]
            word = match.group(0)
            if _SENTENCE_START.search(before) and not self._proper_name(word, shown):
                continue
            folded_word = fold(word)
            if not folded_word or re.search(rf"\b{re.escape(folded_word)}\b", folded_support):
                continue
            if self._in_actor_name(folded_word, folded_text, covered):
                continue
            self.report(shown, word, f"le nom « {word} » n'est dans aucune citation montrée")

    def check_label_person(self, entry: Event | Agreement | Fact) -> None:
        """A constat's label (a button) naming, at its start or after a dash, a person the
        article names (« Hasanov convaincu que … », « Rencontre Hassanov – Kosanov ») whom
        none of the entry's quotes names. An event's or agreement's label is checked whole
        with its other texts (``displayed``)."""
        if not isinstance(entry, Fact) or not entry.label:
            return
        file = _file(self.base, entry.id)
        shown = Shown(file, entry.id, "label", entry.label, tuple(entry.evidence))
        folded_support = fold(" ".join(item.quote for item in entry.evidence))
        for match in _CAPITALISED.finditer(entry.label):
            word = match.group(0)
            if not _SENTENCE_START.search(entry.label[: match.start()]):
                continue
            if not self._proper_name(word, shown):
                continue
            if re.search(rf"\b{re.escape(fold(word))}\b", folded_support):
                continue
            self.report(shown, word, f"le nom « {word} » n'est dans aucune citation de l'entrée")

    def _proper_name(self, word: str, shown: Shown) -> bool:
        """A capitalised word at the start of a text or after a dash (« Hasanov convaincu … »,
        « Rencontre Hassanov – Kosanov ») is checked as a name when the quotes' articles write
        it with a capital inside a sentence (« le colonel général Zakir Hasanov »): a person
        the label names, not a French word that opens it (« Entretien téléphonique … »), which
        the articles also write in lower case."""
        pattern = re.compile(rf"[\w,]\s+{re.escape(word)}\b")
        for source in {item.source for item in shown.quotes}:
            text = self.base.seeds.get(source, "")
            lower = re.search(rf"\b{re.escape(word.lower())}\b", text)
            if pattern.search(text) and lower is None:  # « au », « Au » : a French word
                return True
        return False

    @staticmethod
    def _in_actor_name(word: str, folded_text: str, covered: list[tuple[int, int]]) -> bool:
        for found in re.finditer(rf"\b{re.escape(word)}\b", folded_text):
            if any(a <= found.start() and found.end() <= b for a, b in covered):
                return True
        return False

    def check_label_quotations(self, entry: Event | Agreement | Fact) -> None:
        """« … » in a short label is a whole quotation of its key quotes, between the same
        guillemets: never words cut out of a longer quotation, nor words no quote puts
        between guillemets (the label would make them look quoted)."""
        if not entry.label:
            return
        whole = {  # the article's « … » or its straight "…" (« s'est dit "convaincu" »)
            " ".join((found.group(1) or found.group(2) or "").split())
            for item in entry.key_evidence()
            for found in _QUOTED.finditer(item.quote)
        }
        file = _file(self.base, entry.id)
        for cited in _GUILLEMETS.findall(entry.label):
            if " ".join(cited.split()) not in whole:
                shown = Shown(file, entry.id, "label", entry.label, entry.key_evidence())
                self.report(
                    shown,
                    cited,
                    f"« {cited} » est entre guillemets dans le label mais n'est pas une citation "
                    "entière entre guillemets des citations clés : ôter les guillemets, ou citer "
                    "tout le passage que l'article met entre guillemets",
                )

    def check_claim(self, entry: Event | Agreement | Fact) -> None:
        """Tense, attribution and aim of the summary against its key quotes."""
        file = _file(self.base, entry.id)
        shown = Shown(file, entry.id, "summary", entry.summary, entry.key_evidence())
        quotes = fold(" ".join(item.quote for item in entry.key_evidence()))
        summary = fold(entry.summary)
        # the future is read with its accents: « espérons », « coopérons » are present,
        # « espérerons » future (folded, both would end in « -erons »)
        spoken = _spoken(" ".join(main_clauses(item.quote) for item in entry.key_evidence()))
        future = _FUTURE.search(spoken)  # « … qui se tiendra …, a rencontré » is done
        if future and entry.tense not in ("futur", "conditionnel"):
            self.report(
                shown,
                "tense",
                f"la citation clé est au futur (« {future.group(0)} ») : écrire tense: futur "
                "et garder le futur dans le résumé, ou séparer ce qui est déjà fait",
            )
        quotes_spoken = _spoken(" ".join(item.quote for item in entry.key_evidence()))
        for verb in sorted({fold(found) for found in _FUTURE.findall(quotes_spoken)}):
            stem = re.sub(r"(?:erai|eras|era|erons|erez|eront)$", "", verb)
            if len(stem) < 4 or stem == verb:
                continue
            for word in re.findall(rf"\b{re.escape(stem)}\w*", summary):
                if not _FUTURE.fullmatch(word) and not word.endswith(("er", "ir", "re")):
                    self.report(
                        shown,
                        word,
                        f"« {word} » dit fait ce que la citation annonce au futur (« {verb} »)",
                    )
        if entry.tense == "futur" and not _FUTURE.search(_spoken(entry.summary)):
            self.report(shown, "tense", "tense: futur mais le résumé n'est pas au futur")
        reported = next(
            (words for item in entry.key_evidence() if (words := hearsay(item.quote))), None
        )
        if reported and not _CONDITIONAL.search(summary):
            self.report(
                shown,
                "tense",
                f"la citation clé rapporte au conditionnel (« {reported} ») : le résumé doit le "
                "garder (tense: conditionnel), ou séparer ce que l'article établit",
            )
        elif entry.tense == "conditionnel" and not _CONDITIONAL.search(summary):
            self.report(shown, "tense", "tense: conditionnel mais le résumé ne l'est pas")
        # « selon ses normes » is a manner, not an attribution
        attributed = re.search(r"\bselon (?!ses |sa |son |leurs |leur |les normes)", quotes)
        if attributed and not entry.hedge and "selon" not in summary:
            self.report(
                shown,
                "selon",
                "la citation clé attribue le fait (« selon… ») : le dire dans hedge "
                "(« selon la presse ») ou dans le résumé",
            )
        if entry.hedge and not all(w in quotes.split() for w in fold(entry.hedge).split()):
            self.report(shown, "hedge", f"hedge « {entry.hedge} » absent des citations clés")
        aims = aims_in(quotes)
        if aims and not any(word in summary + " " for word in _AIM_WORDS):
            self.report(
                shown,
                "aim",
                f"la citation clé dit une intention (« {aims[0].strip()} ») que le résumé "
                "présente comme un fait : garder « cherche à », « veut », « vise à »…",
            )

    def check_done(self, entry: Agreement, label: str, stems: Iterable[str]) -> None:
        """An act said done (signé, approuvé, adhésion) must be said done by a key quote, not
        only wished, intended, planned, owed, proposed or expected."""
        said = undone_act([item.quote for item in entry.key_evidence()], stems, entry.tense)
        if not said:
            return
        file = _file(self.base, entry.id)
        shown = Shown(file, entry.id, "act", label, entry.key_evidence())
        self.report(shown, f"act-{label}", undone_message(label, said))

    def _mediates(self, actor_id: str, folded_quotes: str) -> bool:
        """True when the quotes say « avec la médiation de <actor> » or « sous l'égide de
        <actor> »."""
        for form, _exact in _mention_forms(self.base.actors[actor_id]):
            pattern = (
                r"\b(?:mediation|sous l egide) (?:de |des |du |d )(?:la |l )?"
                rf"{re.escape(fold(form))}\b"
            )
            if re.search(pattern, folded_quotes):
                return True
        return False

    def check_terms(self, entry: Event | Agreement | Fact) -> None:
        """Topics, the act and the roles must be words of the quotes."""
        file = _file(self.base, entry.id)
        every = fold(" ".join(item.quote for item in entry.evidence))
        key = fold(" ".join(item.quote for item in entry.key_evidence()))
        topics = {term.id: term for term in self.base.vocabulary.topics}
        said = _snowball(" ".join(item.quote for item in entry.evidence))
        for position, topic in enumerate(entry.topics):
            term = topics.get(topic)
            stems = _stems_of(term.stems or (term.label, *term.aliases)) if term else ()
            if stems and not _has_stem(every, stems) and not _stemmed_in(said, stems):
                shown = Shown(file, entry.id, f"topics[{position}]", topic, entry.evidence)
                self.report(
                    shown,
                    topic,
                    f"thème « {topic} » : aucune citation de l'entrée n'en parle "
                    f"(attendu : {', '.join(stems)}…)",
                )
        if not isinstance(entry, Agreement):
            return
        acts = {term.id: term for term in self.base.vocabulary.acts}
        act = acts.get(entry.act or "")
        if act and act.stems and not _has_stem(key, _stems_of(act.stems)):
            shown = Shown(file, entry.id, "act", act.label, entry.key_evidence())
            self.report(
                shown, act.id, f"acte « {act.label} » : les citations clés ne le disent pas"
            )
        elif act and act.id in DONE_ACTS and act.stems:
            self.check_done(entry, act.label, act.stems)
        for actor_id in entry.parties:
            role = entry.roles.get(actor_id) or (
                "signataire"
                if entry.act == "signe"
                else "membre"
                if entry.act == "adhesion"
                else ""
            )
            stems = _ROLE_STEMS.get(role, ())
            shown = Shown(file, entry.id, f"roles.{actor_id}", role, entry.key_evidence())
            if stems and not _has_stem(key, stems):
                self.report(shown, role, f"rôle « {role} » de {actor_id} absent des citations clés")
            if actor_id in self.base.actors and self._mediates(actor_id, key):
                self.report(
                    shown,
                    "médiateur",
                    f"la citation clé dit que {self.base.actors[actor_id].name} a apporté sa "
                    "médiation : le mettre dans mediators, pas parmi les parties",
                )
        if entry.mediators and not _has_stem(key, _ROLE_STEMS["médiateur"]):
            shown = Shown(file, entry.id, "mediators", "médiation", entry.key_evidence())
            self.report(shown, "médiation", "médiation absente des citations clés")


DONE_ACTS = frozenset({"signe", "approuve", "adhesion"})
"""Acts that say something was done: a key quote must say it done."""


def undone_act(quotes: Iterable[str], stems: Iterable[str], tense: str) -> list[str]:
    """The words of ``quotes`` that say the act (by its ``stems``) only as wished, intended,
    planned, owed, proposed or expected; empty when one of them says it done (or when a
    future is kept as a future by ``tense``)."""
    stems = tuple(stems)
    words = re.compile(
        r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*", re.IGNORECASE
    )
    said: list[str] = []
    for quote in quotes:
        if not _has_stem(fold(quote), _stems_of(stems)):
            continue
        modality = modality_of(quote, words)
        if modality is None:
            return []  # a key quote says the act done
        if modality.kind == "futur" and tense in ("futur", "conditionnel"):
            return []  # « sera signé » with tense: futur is a forecast, kept as such
        said.append(f"« {modality.words} » ({MODALITY_LABELS[modality.kind]})")
    return said


def undone_message(label: str, said: list[str]) -> str:
    """The French message for an act said done that the key quotes only wish or plan."""
    return (
        f"acte « {label} » : les citations clés ne le disent pas accompli, seulement "
        f"{', '.join(said)} ; écrire act: propose pour une proposition, sinon act: null, "
        "et garder la modalité dans le résumé"
    )


def _stems_of(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(fold(word) for word in words if fold(word))


_STEMMER = Stemmer.Stemmer("french")
"""The reader's stemmer (Snowball's French one, as ``bot.engine.french``)."""


def _snowball(text: str) -> frozenset[str]:
    """The Snowball stems of the words of ``text``, taken on the accented word, then folded."""
    return frozenset(
        fold(_STEMMER.stemWord(word.casefold())) for word in re.findall(r"[^\W_]+", text)
    )


def _stemmed_in(said: frozenset[str], stems: Iterable[str]) -> bool:
    """A topic's word met through the reader's stemmer: « partenaire » (stem « partenair »)
    is in « partenaires », « coopérer » in « coopération » — the quote's words and the
    vocabulary's words stemmed alike, as the engine reads both."""
    wanted = {fold(_STEMMER.stemWord(stem)) for stem in stems if " " not in stem}
    return bool(said & {stem for stem in wanted if len(stem) >= 4})


def _has_stem(folded: str, stems: Iterable[str]) -> bool:
    return any(re.search(rf"\b{re.escape(stem)}", folded) for stem in stems)


def check_support(base: FactBase) -> list[ContentIssue]:
    """Every support problem of the base, each naming file › entry › field."""
    exceptions = {(e.entry, e.field, fold(e.text)): e for e in base.exceptions}
    checker = _Checker(base, [], exceptions, set())
    for shown in displayed(base):
        if shown.checked:
            checker.check(shown)
    for entry in base.entries():
        checker.check_claim(entry)
        checker.check_label_quotations(entry)
        checker.check_label_person(entry)
        checker.check_terms(entry)
    known = {*(entry.id for entry in base.entries()), *base.actors}
    for key, exception in exceptions.items():
        if exception.entry not in known:
            checker.issues.append(
                ContentIssue(
                    "content/",
                    exception.entry,
                    exception.field,
                    "exception pour une entrée inconnue",
                )
            )
        elif key not in checker.used:
            checker.issues.append(
                ContentIssue(
                    _file(base, exception.entry),
                    exception.entry,
                    exception.field,
                    f"exception « {exception.text} » inutile (le texte est appuyé) : la retirer",
                )
            )
    return [*checker.issues, *source_date_issues(base), *guillemet_issues(base), *name_issues(base)]


def source_date_issues(base: FactBase) -> list[ContentIssue]:
    """A source's publication date must be the article's words (``published_text``, verbatim in
    its seed, with that day's number and year): a date read off the page's address or given by
    the curator is not the article's, and goes in ``note``, its dates deduced with a reason."""
    issues: list[ContentIssue] = []
    for source in base.sources.values():
        if source.published is None or source.published_basis != "texte":
            continue  # a date given by the curator or read off the address: said so (loader)
        file = (base.files or {}).get(source.id, "content/sources.yaml")
        seed = normalise_typography(base.seeds.get(source.id, "")).casefold()
        text = source.published_text
        why = (
            "une date lue dans l'adresse de la page ou donnée par le curateur n'est pas celle "
            "de l'article : laisser published: null, la dire dans note, et dater les entrées "
            "qui en dépendent avec date_basis: déduit et date_reason"
        )
        if not text:
            issues.append(
                ContentIssue(
                    file,
                    source.id,
                    "published",
                    f"published {source.published.raw} sans published_text (les mots de "
                    f"l'article) : {why}",
                )
            )
            continue
        if normalise_typography(text).casefold() not in seed:
            issues.append(
                ContentIssue(
                    file,
                    source.id,
                    "published_text",
                    f"« {text} » n'est pas dans l'article ({source.seed}) : {why}",
                )
            )
            continue
        digits = set(re.findall(r"\d+", text))
        start = source.published.start
        wanted = {str(start.year)}
        if source.published.precision.name == "DAY":
            wanted.add(str(start.day))
        if not wanted <= {d.lstrip("0") or "0" for d in digits} | digits:
            issues.append(
                ContentIssue(
                    file,
                    source.id,
                    "published",
                    f"published {source.published.raw} : « {text} » ne dit pas ce jour ou cette "
                    f"année : {why}",
                )
            )
    return issues
