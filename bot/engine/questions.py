"""Questions in plain French (« qu'a signé le Royaume-Uni ? ») read as one of the commands.

Rules over the index, no model: the words are normalised as a search engine does (elision,
stop words, Snowball stems: ``french.py``); intent words (signé, quand, c'est quoi, lie,
combien…) give the question's type, which picks the view; actors, dates, kinds, acts and themes
come from the same filter reader as /timeline. Words nothing reads are left aside and said; a
view that would be empty is loosened and says so; « combien de X … » is answered with the
articles' own figure (``counting.py``); a short « et … ? » continues the previous question
(``follow_up``). The answer says in one line how the question was read, with a button to the
exact command, so a user learns the commands by asking. What nothing explains is said, with the
closest commands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

from bot.content.model import Actor, Agreement, Event
from bot.dates import Precision
from bot.engine import routes
from bot.engine.absent_names import names_said_absent
from bot.engine.acts_asked import acts_asked, unread_acts
from bot.engine.article_lists import article_list, asked_noun
from bot.engine.article_subject import article_neighbours
from bot.engine.asked_absent import (
    absent_asked,
    answering_sentence_on_top,
    asking_part,
    asks_or_not,
    asks_stance,
)
from bot.engine.cards import card_button, visible
from bot.engine.claim_words import claim_in_articles_words
from bot.engine.clipped import with_clipped_read
from bot.engine.commands import answer
from bot.engine.common import MAX_ARGUMENT, clean_argument, entry_button, entry_text, quote_of
from bot.engine.compare import order_reply
from bot.engine.count_items import with_items
from bot.engine.counting import (
    asked_count,
    asked_figure,
    asked_measure,
    count_reply,
    counted,
    figure_in_articles,
)
from bot.engine.courtesy import without_courtesy
from bot.engine.detail import (
    Detail,
    asked_detail,
    detail_reply,
    names_noun,
    says_provided,
    subject_actors,
    subject_entries,
    whole_dated_quote,
)
from bot.engine.detail_head import detail_head, members_head, role_untold
from bot.engine.detail_untold import untold_detail
from bot.engine.discourse import is_filler
from bot.engine.facet_found import facet_first
from bot.engine.fact_check import (
    asked_only,
    contradicted,
    fact_check_set_aside,
    other_rank,
    unechoed,
    year_values,
)
from bot.engine.filters import Reading, TimelineFilter, asks_weekday, read_filter
from bot.engine.founding import founding_asked, founding_contradicted
from bot.engine.french import LIGHT_WORDS, STOP_WORDS, folded_stem, is_stop
from bot.engine.french import words as french_words
from bot.engine.group_answer import answer_opened, card_led
from bot.engine.idioms import without_idioms
from bot.engine.index import Index
from bot.engine.initials import read_initials, without_guessed_absence
from bot.engine.last_answer import command_answer
from bot.engine.majority import majority_otherwise
from bot.engine.misspelt import read_as as typos_read_as
from bot.engine.misspelt import with_typos_read
from bot.engine.moves import asked_move, moved_window
from bot.engine.near_words import read_as, with_near_words
from bot.engine.next_taps import with_next_taps
from bot.engine.of_previous import membership_of_previous
from bot.engine.ordinal import asked_rank, rank_reply
from bot.engine.other_actor import other_actor
from bot.engine.otherwise import dated_otherwise, otherwise_blocks, otherwise_buttons
from bot.engine.passage import (
    Entry,
    asked_type,
    asked_types,
    asks_several,
    asks_someone,
    best_passage,
    passage_reply,
    question_verbs,
    search_button,
)
from bot.engine.period_asked import period_answer
from bot.engine.place_pointed import place_of_pointed
from bot.engine.place_unnamed import place_unnamed
from bot.engine.plans import Coming, asks_plans, planned, plans_blocks, plans_buttons
from bot.engine.pointed import holds_pointed, pointed_in_thread
from bot.engine.pointed_back import (
    subject_only,
    subject_scope,
    subject_verdict,
    yes_kept_in_scope,
)
from bot.engine.premise import premise_dropped
from bot.engine.reading_line import answers_most, search_said, subject_said
from bot.engine.reasons import REASON_WORDS, asks_reason
from bot.engine.repeats import without_repeated_quotes
from bot.engine.reply import Block, Button, Item, Para, Quote, QuoteGroup, Reply
from bot.engine.rough_count import with_rough_count
from bot.engine.said_again import (
    adds_nothing,
    more_on_button,
    nothing_more,
    quoting_entries,
    says_again,
    shown_quotes,
    unshown_evidence,
)
from bot.engine.seedtext import seed_holds, sources_holding
from bot.engine.shorthand import expand
from bot.engine.signer_untold import asks_signer, side_is_party, signer_untold
from bot.engine.signing_untold import named_agreement, signing_untold
from bot.engine.slot_untold import said_on_top
from bot.engine.subject_passage import subject_on_top
from bot.engine.thread import Asked
from bot.engine.thread_said import thread_said
from bot.engine.timeline import describe, kind_label, quoted_words, select, split_aside
from bot.engine.told_by import told_by_blocks
from bot.engine.undated_label import without_undated_labels
from bot.engine.unsaid import (
    ANSWER_KIND_WORDS,
    absent_designations,
    absent_para,
    absent_words,
    all_key_words_unsaid,
    undated_lines,
    unsaid_para,
    unsaid_words,
    verb_form,
    with_absent_said,
)
from bot.engine.unsigned import named_plainly, unsigned_para, without_agreement
from bot.engine.verdicts import otherwise
from bot.engine.whole_clauses import with_whole_clauses
from bot.engine.why_context import with_reason_after
from bot.engine.words_aside import aside_after
from bot.engine.yes_on_top import yes_on_top
from bot.engine.yesno import asked_as_statement, denies, states, uncleft, verdict_set_aside
from bot.text import fold, whole_words

_INTENTS: tuple[tuple[str, str], ...] = (
    ("help", r"\b(?:aide|help|commandes?|que sais tu faire|comment (?:ca|ça) marche)\b"),
    ("sources", r"\b(?:sources?|quels articles|quels medias|d ou viennent)\b"),
    (
        "countries",
        r"\b(?:quels pays|liste des pays|tous les pays|combien de pays|pays cites)\b",
    ),
    (
        "organisations",
        r"\b(?:quelles organisations|liste des organisations|combien d organisations"
        r"|organisations citees)\b",
    ),
    (
        "card",
        r"\b(?:c est quoi|qu est ce que|qu est ce qu|qui est|qui sont|presente|fiche"
        r"|parle moi d?|dis m en plus sur|que sais tu (?:de|du|des|sur)|infos? sur|role d?)\b",
    ),
    (
        "agreements",
        r"\b(?:signe|signes|signee|signees|signer|signature|ratifi\w*|traites?|accords?|mediateurs?"
        r"|mediation|combien d accords)\b",
    ),
    ("link", r"\b(?:lie|lient|lien|liens|relations?|rapports?|entre)\b"),
    (
        "when",
        r"\b(?:quand|quelle date|en quelle annee|depuis quand|quel jour|a quelle date"
        r"|le combien)\b",
    ),
    ("timeline", r"\b(?:chronologie|historique|frise|timeline|chrono)\b"),
    ("news", r"\b(?:passe|nouveau|neuf|nouveautes|actualites?|dernieres nouvelles|recemment)\b"),
)
"""Intent patterns over the folded question, most specific first."""

QUESTION_WORDS = frozenset(
    " ".join(
        (
            "quoi quel quelle quels quelles est c qu que qui quand comment pourquoi combien",
            "il elle ils elles t s se passe passes lie lient lien liens relation relations",
            "rapport rapports entre parle moi dis donne montre info infos information",
            "informations sait sais savez tu vous on y fait font ont a as avez signe signes",
            "signee signees signer signature traite traites fiche presente presentation role",
            "m plus sur nouveau neuf nouveautes actualite actualites je veux voudrais savoir",
            "connaitre liste tous toutes tout cites citees cite citee peux pouvez chronologie",
            "historique frise timeline chrono",
            "stp svp merci bonjour salut hello bot eu ete avoir nouvelles dernieres rejoint",
            "rejoindre adhere mediateur mediateurs mediation nb nbre porte portent portait",
            "lieu endroit canal titre statut qualite objet but buts",  # aspects (``passage``)
        )
    ).split()
)
"""Words that ask rather than name: left out before the filter reader sees the question."""


@dataclass(frozen=True, slots=True)
class Understanding:
    """How a question was read: the command it stands for, and that reading in words."""

    command: str
    """The command as a user would type it (« /accord Royaume-Uni »)."""
    data: str
    """The same command, with ids, short and ASCII enough for a button."""
    said: str
    counted: str = ""
    """For « combien de pays au forum ? »: the counted noun; the answer is then the quotes that
    give the figure, and ``data`` the search behind them."""
    unsaid: tuple[str, ...] = ()
    """Content words of the question that no article holds (``unsaid.py``): the answer opens
    by saying so."""
    undated: Para | None = None
    """For a date asked of a line the articles date only in words (« récemment »)."""
    undated_about: tuple[str, ...] = ()
    """The ids of the lines ``undated`` speaks of: said only over an answer showing them."""
    noun: str = ""
    """The noun a « combien / quel volume de … » question asks a figure of."""
    several: bool = False
    """The question asks for several things (« quelles régions ? »): a search lists more."""
    listed: str = ""
    """The noun a question asks a list of (« liste des sessions »): an article's own list of
    it answers (``article_lists``)."""
    kind: str = ""
    """What the question asks (« quand », « combien », « qui », « ou », or ""): a search
    answer checks its passage against it (``passage.py``)."""
    no_figure: str = ""
    """The noun a « combien / quel volume de … » question asks a figure of, when no sentence
    of the articles gives one: the answer opens by saying so."""
    figure_about: str = ""
    """The subject ``no_figure`` was searched for, as the question writes it (« Agile
    Spirit »), when an article on another subject gives a figure of that noun: said with it."""
    measure: str = ""
    """What figure of ``no_figure`` is asked (« budget », « montant », « volume »…; « chiffre »
    for a count): the opening line names it (issue 22 A.4)."""
    unsigned: tuple[str, ...] = ()
    """Actors an agreement is asked of (« la France a signé … ? ») that no agreement of the
    base and no sentence of the articles ties to one (``unsigned.py``): said first."""
    yes_no: bool = False
    """The question asks yes or no (« est-ce que … ? », « … a-t-il … ? »): a passage that
    states it is introduced by « Oui, d'après l'article : » (``yesno.states``)."""
    key_unsaid: bool = False
    """Every key word of the question is one no article holds (``unsaid.all_key_words_unsaid``):
    the answer opens by saying so, with what was searched."""
    names_unsaid: tuple[str, ...] = ()
    """The words of ``unsaid`` the question writes as names (a capital inside a sentence:
    « … Trump en personne »)."""
    aside: frozenset[str] = frozenset()
    """Folded words of clauses off the subject (``off_subject_words``): never listed as
    without effect in the « Compris » line."""
    shown: str = ""
    """A follow-up without a subject: the passage the previous answer put on top, which this
    answer does not give again (``passage.best_passage``)."""
    parts: tuple[str, ...] = ()
    verbs: frozenset[str] = frozenset()
    """The question's verbs after an auxiliary (« ouvert » in « qui a ouvert le forum ? »):
    never the subject a passage must hold (``passage.question_verbs``)."""
    someone: str = ""
    """« nom » or « personne » when the question asks a person (``passage.asks_someone``): a
    search answer whose passage names none says so first."""
    reason: bool = False
    """The question asks why or to what end (``reasons.asks_reason``): a search answer opens
    on the sentence giving a reason or an aim."""
    untold: Para | None = None
    """A detail asked of a covered subject that no article gives (« combien de soldats … ? »,
    « la prochaine réunion ») said in the question's terms (``detail_untold``): opens the
    answer of a question that is no yes/no one."""
    """A question in two parts joined by « et » (« en quelle année Bakou a rejoint le NCCA,
    et le Partenariat pour la paix ? »): each part's search words, for a search answer to
    answer the part its passage leaves out (``passage.other_part``)."""


def _folded(text: str) -> str:
    return f" {fold(text)} "


def _intents(folded: str) -> list[str]:
    return [name for name, pattern in _INTENTS if re.search(pattern, folded)]


_WHICH = frozenset({"quel", "quelle", "quels", "quelles"})
_TIME_ASKED = frozenset(
    {"jour", "jours", "annee", "annees", "an", "mois", "date", "dates", "heure", "moment"}
)
"""The time nouns an interrogative adjective makes a question word (« quel jour », « en
quelle année »)."""


def _content(index: Index, text: str) -> str:
    """The question without its question words, in the user's spelling where it matters."""
    kept = [w for w in re.split(r"[\s?!.,;:«»\"()]+", text) if w]
    out: list[str] = []
    for before, word in zip(["", *kept], kept, strict=False):
        parts = fold(word).split()
        if fold(before) in _WHICH and parts and parts[0] in _TIME_ASKED:
            continue  # « quel jour ? » asks a date: « jour » is no word to look for (it
            # found « l'ordre du jour » of another meeting, issue 22, twelfth blind set)
        named = word.isupper() and len(word) > 1 and index.names.find_actor(word) is not None
        if parts and all(part in QUESTION_WORDS for part in parts) and not named:
            continue  # « EU », « US » typed in capitals name an actor, not « eu », « us »
        if len(parts) > 1 and parts[0] in {"qu", "c", "s", "t", "m"}:  # « qu'a » → « a »
            word = word.split("'", 1)[-1].split("\u2019", 1)[-1]
        out.append(word)
    return " ".join(out)


_AND = re.compile(r",?\s+et\s+", re.IGNORECASE)


def _parts(index: Index, text: str) -> tuple[str, ...]:
    """The search words of each part of a question joined by one « et » when both parts
    name something (« quand et où … » does not: « quand » names nothing, nor does « et pour
    quelle année ? », which asks the first part's date); () otherwise."""
    pieces = _AND.split(text)
    if len(pieces) != 2:
        return ()
    queries: list[str] = []
    for piece in pieces:
        content = _content(index, piece)
        words = " ".join(
            _named(index, word)
            for word in index.tokens(content)
            if not is_stop(word) and word not in ANSWER_KIND_WORDS
        )
        if not words:
            return ()
        queries.append(words)
    return tuple(queries)


def _named(index: Index, word: str) -> str:
    """A searched word as the articles write it: an actor's alias they never use (« uk »,
    « nato ») is searched as the actor's name (« royaume uni », « otan »); a word the
    articles hold (« bakou », « usa ») is searched as it is, unless it is the start of the
    actor's name (« az » for « Azerbaïdjan », which the articles hold only inside
    « Caliber.Az »): a shortening is searched as the name it shortens."""
    if word in index.fulltext.postings:
        shortened = index.memo("questions: shortened names", lambda: _shortened_names(index))
        return shortened.get(word, word)
    match = index.names.find_actor(word)
    if match is None or not match.exact:
        return word
    return " ".join(index.tokens(match.actor.name)) or word


SHORTENED = 3
"""Longest shortening of an actor's name searched as the name (« az », « tr »)."""


def _shortened_names(index: Index) -> dict[str, str]:
    """Each folded code or alias of at most ``SHORTENED`` letters that starts its actor's name
    (« az » → « azerbaidjan »), with that name's search words; built once per index (a look-up
    of the name matcher for each short word held cost milliseconds on a large base)."""
    postings = index.fulltext.postings
    table: dict[str, str] = {}
    for actor in index.base.actors.values():
        name = " ".join(index.tokens(actor.name))
        for other in actor.names():
            short = fold(other)
            shortens = name.startswith(short) and name != short
            if not (shortens and len(short) <= SHORTENED and short.isalpha()):
                continue
            # the articles write the name far more often than the shortening (« Caliber.Az »
            # once, « Azerbaïdjan » everywhere): there too it stands for something else
            if 2 * len(postings.get(short, ())) < len(postings.get(name.split()[0], ())):
                table.setdefault(short, name)
    return table


def _period_command(wanted: TimelineFilter, ids: bool) -> list[str]:
    """The filter's dates as words /timeline reads back."""
    if wanted.start and wanted.end:
        if (wanted.start.month, wanted.start.day, wanted.end.month, wanted.end.day) == (
            1,
            1,
            12,
            31,
        ):
            if wanted.start.year == wanted.end.year:
                return [str(wanted.start.year)]
            return [f"{wanted.start.year}-{wanted.end.year}"]
        one_month = (wanted.start.year, wanted.start.month) == (wanted.end.year, wanted.end.month)
        if one_month and wanted.start.day == 1 and (wanted.end + timedelta(days=1)).day == 1:
            return [f"{wanted.start.year}-{wanted.start.month:02d}"]
        return [f"du {wanted.start.isoformat()} au {wanted.end.isoformat()}"]
    if wanted.start:
        return [f"depuis {wanted.start.isoformat()}"]
    if wanted.end:
        return [f"avant {(wanted.end + timedelta(days=1)).isoformat()}"]
    return []


def _filter_words(index: Index, reading: Reading, ids: bool) -> list[str]:
    wanted = reading.filter
    words = _period_command(wanted, ids)
    base = index.base
    words += [a if ids else base.actors[a].name for a in wanted.actors]
    words += [t if ids else index.topic_labels.get(t, t) for t in wanted.topics]
    words += [k if ids else kind_label(index, k) for k in wanted.kinds]
    for act in reading.acts:
        label = next((t.label for t in base.vocabulary.acts if t.id == act), act)
        words.append(act if ids else label)
    if reading.latest:
        words.append("récent" if not ids else "recent")
    return words


def _command(index: Index, name: str, reading: Reading) -> tuple[str, str]:
    human = " ".join([f"/{name}", *_filter_words(index, reading, ids=False)])
    data = " ".join([f"/{name}", *_filter_words(index, reading, ids=True)])
    return human, data


_CLAUSES = re.compile(r"[,;:?!.…()]+|\bque\b|\bqu['’]", re.IGNORECASE)
"""Where a question's clauses part: punctuation, and « que » opening a reported clause (« mon
collègue écrit que … », « c'est vrai que … »)."""
_INTERROGATIVES = frozenset(
    {"qui", "quoi", "quel", "quelle", "quels", "quelles", "quand", "comment", "pourquoi"}
    | {"combien", "ou", "lequel", "laquelle", "lesquels", "lesquelles"}
)
"""The words that ask (folded): a clause holding one is the question itself."""
_ARTICLE = re.compile(r"\b(?:le|la|les|l['’]|un|une|des|du|au|aux)\b", re.IGNORECASE)
"""An article: a clause holding one names a thing (« et le nucléaire, l'accord en parle ? »:
« le nucléaire » is the subject, put first)."""


def off_subject_words(index: Index, text: str, today: date | None = None) -> frozenset[str]:
    """The folded words of the clauses of ``text`` that are not about its subject: a clause
    in which the reader reads nothing (no actor, date, act, kind or topic), that asks nothing
    (no « qui », « quand »…) and names no thing (no article: « le », « des »…), when another
    clause of the question is read or asks
    (« Mon collègue écrit que | l'accord avec les USA a été signé à Washington, | c'est juste
    ? »; « Merci. | Combien de pays … | s'il vous plaît ? »). Such words (« collègue »,
    « juste », « plaît ») never open the answer as absent from the articles (issue 22, phone
    readers); the « Compris » line still says them, as it says every word it leaves aside."""
    clauses = [part for part in _CLAUSES.split(text) if part and part.strip()]
    if len(clauses) < 2:
        return frozenset()
    bearing = [
        bool(_INTERROGATIVES & set(fold(part).split()))
        or bool(_ARTICLE.search(part))
        or len(french_words(part)) == 1  # a bare topic put first (« nucléaire, … ? »)
        or read_filter(index, part, today).understood()
        for part in clauses
    ]
    if all(bearing) or not any(bearing):
        return frozenset()
    return frozenset(
        fold(word)
        for part, bears in zip(clauses, bearing, strict=True)
        if not bears
        for word in french_words(part)
    )


SOFT_WORDS = frozenset(
    " ".join(
        (
            "annee annees date dates mois jour jours evenement evenements fait faits",
            "chose choses histoire contre pays organisation organisations prevu prevus prevue",
            "prevues planifie planifies programme programmes venir article articles",
            "exactement precisement exact exacte precis precise concretement vraiment",
        )
    ).split()
)
"""Words a question may hold that name nothing and change nothing: never reported as left aside."""


def understand(index: Index, text: str, today: date | None = None) -> Understanding | None:
    """The command a plain question stands for, or None when nothing in it names anything;
    with the question's words that no article holds, for the answer to say first."""
    found = _understand(index, text, today)
    if found is None:  # « quel est le budget de l'Azerbaïdjan ? »: what it asks of an actor is
        found = _absent_of_actor(index, text, today)  # in no article: its card, said so
    if found is None or found.command.split(" ", 1)[0] in ("/aide", "/sources"):
        return found
    found = replace(
        found,
        kind=asked_type(text),
        several=asks_several(text),
        listed=asked_noun(fold(text)),
        parts=_parts(index, text),
        someone=asks_someone(text),
        verbs=question_verbs(text),
        reason=asks_reason(text),
    )
    card = found.command.startswith(("/pays ", "/org "))  # « /pays Chine » says it itself
    named = frozenset(fold(found.command).split()) if card else frozenset()
    if card and index.names.find_actor(found.command.split(" ", 1)[1]) is None:  # a country the
        from bot.content.countries import french_country_name  # base has no card for (Babel,

        named |= {  # loaded only then): « china » asked, « Chine » answered is no missing word
            word
            for word in fold(text).split()
            if fold(french_country_name(word) or "-") in fold(found.command)
        }
    if asks_weekday(text):  # « c'était un mardi ? »: a day computed, no word to look for
        named |= frozenset(_WEEKDAY_NAMES)
    soft = SOFT_WORDS | named | (REASON_WORDS if found.reason else frozenset())  # « l'idée »
    unsaid = unsaid_words(index, _content(index, text), soft, today)
    designations = absent_designations(index, text)
    unsaid = [*designations, *unsaid]
    aside = off_subject_words(index, text, today)  # « mon collègue écrit que … », « c'est
    keyed = [word for word in unsaid if fold(word) not in aside]  # juste ? »: never on top
    skip = SOFT_WORDS | named | QUESTION_WORDS | ASKING_ONLY | aside
    key_unsaid = all_key_words_unsaid(index, _content(index, text), keyed, skip, today)
    if all(verb_form(word) and not _named_inside(word, text) for word in keyed):
        key_unsaid = False  # « remplacé par quoi ? »: an act the articles put in other words
        # (« a succédé »), never said missing on top (thirteenth blind set); said after
    key_unsaid = key_unsaid or bool(designations)  # « le format 3+3 »: what is named is absent
    noun = asked_figure(fold(text))
    joined = [fold(part) for word in re.findall(r"\w+(?:-\w+)+", text) for part in word.split("-")]
    if noun and noun in joined:
        noun = None  # « sous-marins »: a piece of a word is no noun to say no figure of
    found = replace(found, noun=noun or "")
    no_figure = figure_about = ""
    if (
        noun
        and not is_stop(noun)
        and not is_filler(noun)
        and fold(noun) not in {fold(w) for w in unsaid}
    ):
        about = _subject_rare_words(index, text, noun)  # the figure of this subject
        no_figure = "" if figure_in_articles(index, noun, about) else noun
        if no_figure and about and figure_in_articles(index, noun):  # another subject's
            spelled = {fold(w): w for w in re.findall(r"[\w’'-]+", text)}
            figure_about = " ".join(spelled.get(word, word) for word in about)
    undated, about = undated_lines(index, text, _content(index, text), today)
    unsigned: tuple[str, ...] = ()
    if "agreements" in _intents(_folded(text)):  # « la France a signé un accord … ? »
        asked = read_filter(index, _content(index, text), today).filter.actors
        plain = tuple(a for a in asked if named_plainly(index.base.actors[a], text))
        unsigned = tuple(actor.id for actor in without_agreement(index, plain))
    if keyed and "agreements" in _intents(_folded(text)) and unread_acts(text, keyed):
        key_unsaid = True  # « qu'a ratifié le Royaume-Uni ? »: no article says « ratifié »,
        # said first, before the agreements they give (never listed as if ratified)
    if not (unsaid or no_figure or undated or unsigned):
        return found
    untold = untold_detail(index, text, found_kind(found), tuple(unsaid), False)
    return replace(
        found,
        untold=untold,
        unsaid=tuple(unsaid),
        no_figure=no_figure,
        figure_about=figure_about,
        measure=asked_measure(fold(text)) if no_figure else "",
        undated=undated,
        undated_about=about,
        unsigned=unsigned,
        key_unsaid=key_unsaid,
        aside=aside,
        names_unsaid=tuple(word for word in unsaid if _named_inside(word, text)),
    )


def _named_inside(word: str, text: str) -> bool:
    """True when ``text`` writes ``word`` with a capital inside a sentence: a name."""
    if not word[:1].isupper():
        return False
    return bool(re.search(rf"[^\s.!?…:«\"]\s+{re.escape(word)}\b", text))


def _understand(index: Index, text: str, today: date | None = None) -> Understanding | None:
    """``understand`` without the words no article holds."""
    folded = _folded(text)
    intents = _intents(folded)
    for name, command in (
        ("help", "/aide"),
        ("sources", "/sources"),
        ("countries", "/pays"),
        ("organisations", "/org"),
    ):
        if name in intents and not _asks_more(folded, name):
            return Understanding(command, command, _SAID[name])
        if name in intents and name == "sources" and _ASKS_OUTLET.search(folded):
            return Understanding(command, command, _SAID[name])  # « …, c'est quel média ? »
    intents = [name for name in intents if name not in ("countries", "organisations")]
    content = _content(index, text)
    words = " ".join(_named(index, word) for word in index.tokens(content) if not is_stop(word))
    counted = _counted(index, folded, words)
    if counted is not None:
        return counted

    def searched() -> Understanding | None:  # only when a branch needs it: it walks postings
        if words and index.fulltext.search_hits(words).total:
            aside = off_subject_words(index, text, today)  # « mon collègue écrit que … »
            said = search_said(index, text, words, aside)  # the question's own spelling
            return Understanding(f"/cherche {words}", f"/cherche {words}", said)
        return None

    capitals = index.names.find_actor(content) if not words and content.isupper() else None
    if capitals is not None and capitals.exact:  # « EU ? », « US »: a name in capitals that
        return _card(capitals.actor, f"fiche — {capitals.actor.name}")  # is a little word too
    if not words:
        if "news" in intents:
            reading = Reading(TimelineFilter(), latest=True)
            human, data = _command(index, "timeline", reading)
            return Understanding(human, data, "chronologie — les plus récents")
        return None
    absent = [
        w
        for w in _name_runs(content)
        if index.names.is_other_country(w) and _a_place(index, text, w)
    ]
    if absent and index.names.find_actor(content) is None:  # « relations avec la Chine ? »
        from bot.content.countries import french_country_name  # Babel, only when asked

        name = french_country_name(absent[0]) or absent[0]  # « germany » is « Allemagne »
        return Understanding(f"/pays {name}", f"/pays {name}", f"fiche — {name}")
    whole = index.names.find_actor(content)
    reading = read_filter(index, content, today)
    ignored = tuple(w for w in reading.ignored if w not in SOFT_WORDS and not is_stop(w))
    reading = replace(reading, ignored=ignored)
    if whole is not None and whole.exact and not reading.understood():
        reading = Reading(TimelineFilter(actors=(whole.actor.id,)))
    members_of = _members_asked(index, folded, reading, intents)
    if members_of is not None:  # « quels pays font partie de l'OTS ? »: its card lists them
        return _card(members_of, f"fiche — {members_of.name} (ses membres)")
    if not reading.understood():
        agreements = index.find_agreements(content) if "card" in intents else []
        if len(agreements) == 1:
            agreement = agreements[0]
            return Understanding(
                f"/accord {agreement.title}",
                f"/start accord-{agreement.id}",
                f"l'accord {agreement.title}",
            )
        return searched()
    wanted = reading.filter
    if "news" in intents and not (wanted.start or wanted.end):
        reading = replace(reading, latest=True)
    actors = wanted.actors
    dated = wanted.start or wanted.end or wanted.topics or reading.latest
    agreement_kinds = {"accord"} | {t.id for t in index.base.vocabulary.agreement_kinds}
    about_agreements = "agreements" in intents or reading.acts or wanted.kinds
    if about_agreements and set(wanted.kinds) <= agreement_kinds and "timeline" not in intents:
        if _detail_in_text(index, reading) and (hit := searched()):
            return hit  # « l'accord avec Washington prévoit-il un dialogue … ? »: the quote
        if asks_reason(text) and (hit := searched()):  # « pourquoi Bakou a signé ce plan ? »:
            return hit  # the sentence giving the reason, never a list of lines (``reasons``)
        kinds = tuple(k for k in wanted.kinds if k != "accord")
        reading = replace(reading, filter=replace(wanted, kinds=kinds), latest=False)
        if not reading.acts:  # « qu'a signé le Royaume-Uni ? »: the verb is the act asked
            reading = replace(reading, acts=acts_asked(index, text))
        if len(actors) == 1 and not (dated or reading.acts or kinds or reading.ignored):
            actor = index.base.actors[actors[0]]
            return Understanding(
                f"/accord {actor.name}", f"/accord {actor.id}", f"accords — {actor.name}"
            )
        human, data = _command(index, "accord", reading)
        extra = " ".join(reading.ignored)
        found = Understanding(
            f"{human} {extra}".strip(),
            f"{data} {extra}".strip(),
            "accords" + _describe(index, reading),
        )
        named = re.search(r"\b(?:accords?|traites?|partenariats?|plans?)\b", folded)
        if command_answer(index, found.data, today).found:
            return found
        if reading.acts and not (kinds or named):
            events = _acted_events(index, reading)  # « qu'a proposé le président azéri ? »
            if events is not None:
                return events
        if wanted.topics and (hit := searched()):  # « l'accord … parle-t-il d'IA ? »: no
            return hit  # agreement filed under that theme, but a quote that names it
        if reading.ignored and (hit := searched()):  # words the filter cannot read never
            return hit  # make an empty answer: « mécanisme de suivi prévu dans l'accord »
        return found
    dates_first = "when" in intents and actors and 0 < len(select(index, wanted)) <= FEW_DATED
    # « en quelle année l'Azerbaïdjan a-t-il engagé ses relations avec l'OTAN ? »: when the
    # link began is said on the other actor's card, not in a dated line
    # « aze otan depuis quand »: « depuis » its only other word, it asks when the link began
    since = bool(_SINCE_WHEN.search(folded)) and {fold(w) for w in reading.ignored} <= {"depuis"}
    linked = (
        ("link" in intents or since) and "when" in intents and len(actors) == 2 and "AZ" in actors
    )
    # « depuis qd avec l'otan »: one actor but the home country, « depuis quand » and nothing
    # else asks when its link with the home country began (every article is about it)
    home = index.base.vocabulary.home
    if since and "when" in intents and len(actors) == 1 and actors[0] != home:
        actors = (home, actors[0])
        linked = True
    if linked and since:  # « depuis » is then no word left aside
        reading = replace(reading, ignored=())
    if reading.ignored and not (dates_first or linked):  # a word the filter cannot read
        if any(index.fulltext.expand_word(w) for w in reading.ignored) and (hit := searched()):
            return hit
        if len(actors) == 1 and not dated and not wanted.kinds:
            return None  # « le temps qu'il fait à Paris » is not a question about France
    pair = len(actors) == 2 and "AZ" in actors and not dated and not wanted.kinds
    timeless = pair and not {"when", "timeline"} & set(intents) and not select(index, wanted)
    asked_timeline = "timeline" in intents  # « une chronologie des relations … »: a timeline
    if (
        pair
        and not asked_timeline
        and ("link" in intents or "card" in intents or timeless or linked)
    ):
        other = index.base.actors[actors[0] if actors[1] == "AZ" else actors[1]]
        said = f"lien Azerbaïdjan – {other.name} : la fiche {other.name}"
        return _card(other, said + _aside(index, reading))
    single = len(actors) == 1 and not dated and not wanted.kinds
    if single and not {"when", "timeline"} & set(intents):
        actor = index.base.actors[actors[0]]
        why = "« pourquoi ? » — " if asks_reason(text) else ""  # « pq l'Iran » is no card asked
        return _card(actor, f"{why}fiche — {actor.name}{_aside(index, reading)}")
    who = len(actors) == 1 and not dated and "card" in intents and not wanted.topics
    if who and not index.base.actors[actors[0]].is_country:  # « qui sont les membres de l'OTS ? »
        actor = index.base.actors[actors[0]]
        return _card(actor, f"fiche — {actor.name}{_aside(index, reading)}")
    if _theme_lacks_its_word(index, reading, words) and (hit := searched()):
        return hit  # « drones » read as the theme « armement », whose dated lines not all say it
    dates_asked = wanted.start is not None or wanted.end is not None
    acted = replace(reading.filter, acts=reading.acts)  # what the /timeline shows (« proposé »
    if not dates_asked and not select(index, acted) and (hit := searched()):  # keeps proposals)
        return hit
    widened = ""
    if not select(index, acted):  # an empty view: loosen the kind, then the theme, then the act
        for part in ("kinds", "topics", "acts"):
            loose = {
                "kinds": replace(acted, kinds=()),
                "topics": replace(acted, topics=()),
                "acts": replace(acted, acts=()),
            }[part]
            if getattr(acted, part) and select(index, loose):
                only = replace(reading, filter=_only(wanted, part), acts=())
                if part == "acts":
                    only = Reading(TimelineFilter(), acts=reading.acts)
                dropped = _filter_words(index, only, False)
                widened = f" — rien pour « {' '.join(dropped)} », filtre élargi"
                reading = replace(reading, filter=replace(loose, acts=()), acts=loose.acts)
                break
    if asks_reason(text) and (hit := searched()):  # a reason is a sentence, not a chronology
        return hit
    human, data = _command(index, "timeline", reading)
    said = "chronologie" + _describe(index, reading) + widened + _aside(index, reading)
    return Understanding(human, data, said)


_SINCE_WHEN = re.compile(r"\bdepuis (?:quand|quelle annee)\b", re.IGNORECASE)
"""« depuis quand … ? » asks when a link began: « depuis » is no word to search."""


def _absent_of_actor(index: Index, text: str, today: date | None) -> Understanding | None:
    """A question about one actor whose every other key word no article holds (after a
    full-text search): that actor's card, for the answer to open by saying what is absent;
    None otherwise (the question stays not understood)."""
    content = _content(index, text)
    actors = read_filter(index, content, today).filter.actors
    if len(actors) != 1:
        return None
    unsaid = unsaid_words(index, content, SOFT_WORDS, today)
    skip = SOFT_WORDS | QUESTION_WORDS | ASKING_ONLY
    if not all_key_words_unsaid(index, content, unsaid, skip, today):
        return None
    actor = index.base.actors[actors[0]]
    names = (actor.name, actor.name_en, actor.full_name)
    if not any(name and re.search(rf"\b{re.escape(fold(name))}\b", fold(text)) for name in names):
        return None  # « la météo à Paris » names a city, not France: offered, not answered
    return _card(actor, f"fiche — {actor.name}")


def _theme_lacks_its_word(index: Index, reading: Reading, words: str) -> bool:
    """True when the question is only a theme named by one of its other words (an alias:
    « drones » for « armement »), the articles hold that word, and some dated line of the
    theme does not say it, in its text or its quotes: the search finds the entries and
    passages that say what the question names, the theme's chronology would also list lines
    about other things (a parade of captured arms for « drones »). Only a theme whose every
    dated line says the word keeps its chronology (it then shows those lines and no other)."""
    wanted = reading.filter
    if not wanted.topics or wanted.actors or wanted.kinds or wanted.start or wanted.end:
        return False
    if reading.latest or reading.acts:
        return False
    labels = {fold(index.topic_labels.get(t, t)) for t in wanted.topics} | set(wanted.topics)
    named = [w for w in words.split() if w not in labels and index.fulltext.expand_word(w)]
    if not named:
        return False
    stems = [folded_stem(word) for word in named]
    for item in select(index, wanted):
        quotes = [evidence.quote for evidence in item.entry.evidence]
        said = fold(" ".join([entry_text(index.base, item.entry), *quotes]))
        if not any(stem in said for stem in stems):
            return True
    return False


FEW_DATED = 4
"""« quand … ? » about actors with at most this many dated lines gets their chronology (the
dates first) rather than a search of its other words."""


def _detail_in_text(index: Index, reading: Reading) -> bool:
    """True when words the filter leaves aside are ones the entries hold but no agreement's
    title or scope does: the question asks for a detail (« dialogue », « domaines ») that a
    list of agreements would not show, and the ranked search over summaries and quotes
    finds it."""
    held = [word for word in reading.ignored if index.fulltext.expand_word(word)]
    return bool(held) and not index.deals.matching(held)


def _only(wanted: TimelineFilter, part: str) -> TimelineFilter:
    """The filter with only its ``part`` (kinds or topics) kept."""
    if part == "kinds":
        return TimelineFilter(kinds=wanted.kinds)
    return TimelineFilter(topics=wanted.topics)


def _acted_events(index: Index, reading: Reading) -> Understanding | None:
    """No agreement was « proposé » or « annoncé »: the dated lines of the kind whose stem
    the act's starts (proposé → proposition, annoncé → annonce), with the same actors and
    period, when there are any."""
    kinds: list[str] = []
    for act in reading.acts:
        label = next((t.label for t in index.base.vocabulary.acts if t.id == act), act)
        root = folded_stem(fold(label))
        for term in index.base.vocabulary.event_types:
            names = (term.id, term.label, *term.aliases)
            if any(folded_stem(word).startswith(root) for n in names for word in fold(n).split()):
                kinds.append(term.id)
    if not kinds:
        return None
    wanted = replace(reading.filter, kinds=tuple(dict.fromkeys(kinds)))
    if not select(index, wanted):
        return None
    events = Reading(wanted, reading.ignored, reading.notes, False)
    human, data = _command(index, "timeline", events)
    said = "aucun accord ; chronologie" + _describe(index, events) + _aside(index, events)
    return Understanding(human, data, said)


TIME_PREPOSITIONS = frozenset(["depuis", "avant", "apres", "pendant", "durant", "jusqu", "jusque"])
"""Words that place the asked in time (« depuis quand … ? »): a dated view answers them, so the
« Compris » line never says it did not take them into account (phone readers, eleventh set:
« sans tenir compte de « depuis » » read as half the question dropped)."""


def _aside(index: Index, reading: Reading) -> str:
    """The words the answer does not use, said (« — Laissé de côté : « servi » »); a word the
    articles hold is said as one the view does not filter on, never as left aside."""
    unknown, held = split_aside(index, reading.ignored)
    said = f" — Laissé de côté : {quoted_words(unknown)}" if unknown else ""
    shown = select(index, reading.filter) if held else []
    sources = {evidence.source for item in shown for evidence in item.entry.evidence}
    elsewhere = [
        w
        for w in held
        if sources and not set(sources_holding(index, folded_stem(fold(w)))) & sources
    ]
    if elsewhere:  # « terminé » held by another article only: absent from these lines' own
        held = [w for w in held if w not in elsewhere]
        whose = "l'article" if len(sources) == 1 else "les articles"
        lines = "cette ligne" if len(shown) == 1 else "ces lignes"
        named = " ni ".join(f"« {w} »" for w in elsewhere)
        said += f" — {whose} de {lines} n'emploie{'nt' if len(sources) > 1 else ''} pas {named}"
    held = [w for w in held if fold(w) not in TIME_PREPOSITIONS]  # a dated view answers them
    if held:  # a word of the articles the view does not choose by: said plainly, not as unread
        said += f" — sans tenir compte de {quoted_words(held)}"
    return said


def _counted(index: Index, folded: str, words: str) -> Understanding | None:
    """« combien de pays au forum de Bakou ? »: the articles' own figure, when a quote gives
    one and the question names more than the counted thing."""
    noun = asked_count(folded)
    if noun is None or not words:
        return None
    if folded_stem(noun) in {"accord", "trait"} or words.split() == [noun]:
        return None  # « combien d'accords ? »: the list of agreements counts them
    if not counted(index, noun, words):
        return None
    said = f"nombre de « {noun} » dans les citations, d'après « {words} »"
    return Understanding(f"/cherche {words}", f"/cherche {words}", said, counted=noun)


def _a_place(index: Index, question: str, name: str) -> bool:
    """True when ``name`` (a country the base has no card for) is meant as a place: a word the
    articles use (« réunion ») is a common noun unless the question capitalises it past its
    first word (« à la Réunion ») or says « île »."""
    if not seed_holds(index, name):
        return True
    words = question.split()
    first = fold(name).split()[0]
    for position, word in enumerate(words):
        if fold(word).split()[-1:] == [first] or fold(word) == first:
            bare = word.split("'")[-1].split("\u2019")[-1]
            if position > 0 and bare[:1].isupper():
                return True
            if position > 0 and fold(words[position - 1]) in {"ile", "iles"}:
                return True
    return False


_ASKS_OUTLET = re.compile(
    r"\b(?:quel(?:le)?s? (?:media|medias|source|sources|journal|journaux|site|articles?))\b"
)
"""A question that asks which outlet or article (folded): the list of articles answers it,
whatever else it names (« source de l'article sur Washington, c'est quel média ? »)."""


def _asks_more(folded: str, intent: str) -> bool:
    """True when a listing question names more than the list (« combien de pays au forum
    de Bakou ? » asks about the forum, not for every country of the base; « c'est bien ce
    que disent nos sources ? » asks about what was just said, not for the articles)."""
    if intent not in ("countries", "organisations", "help", "sources"):
        return False
    if intent == "sources" and re.search(r"\b(?:articles?|medias?)\b", folded):
        return False  # « source de l'article sur Bakou ? »: the list of articles, whatever else
    pattern = dict(_INTENTS)[intent]
    rest = re.sub(pattern, " ", folded)
    return any(
        word not in QUESTION_WORDS
        and word not in SOFT_WORDS
        and word not in _ABOUT_THE_BOT
        and not is_stop(word)
        and not (intent == "sources" and is_filler(word))  # « tes sources stp »
        for word in rest.split()
    )


_ABOUT_THE_BOT = frozenset(
    [
        "tes",
        "vos",
        "ton",
        "votre",
        "infos",
        "informations",
        "info",
        "faits",
        "donnees",
        "articles",
        "article",
        "medias",
        "media",
        "base",
        "textes",
        "texte",
        "citations",
        "citation",
        "tu",
        "vous",
        "sais",
        "savez",
        "utilises",
        "utilisez",
    ]
)
"""Words of a question about the bot's own sources (« d'où viennent tes infos ? »): they ask
for no more than the list of articles; any other word (« d'où viennent les armes ? ») does."""


def _name_runs(content: str) -> list[str]:
    """Runs of one to three words of ``content``, longest first (« Corée du Sud », « Chine »)."""
    words = content.split()
    runs = [" ".join(words[i : i + n]) for n in (3, 2, 1) for i in range(len(words) - n + 1)]
    cleaned = [run.strip(" ?!.,;:'’") for run in runs]
    articles = ("le ", "la ", "les ", "l'", "l’")
    return [run for run in cleaned if run and not run.lower().startswith(articles)]


GREETINGS = frozenset(
    ["bonjour", "bonsoir", "salut", "hello", "coucou", "merci", "hi", "hey", "bravo", "super"]
)


def _describe(index: Index, reading: Reading) -> str:
    text = describe(index, reading.filter)
    parts = [text] if text else []
    for act in reading.acts:
        parts.append(next((t.label for t in index.base.vocabulary.acts if t.id == act), act))
    if reading.latest:
        parts.append("les plus récents")
    said = " — " + " · ".join(parts) if parts else ""
    placed = [note for note in reading.notes if "sans année" in note]
    if placed:  # how a day or a month without its year was placed
        said += f" ({' ; '.join(placed)})"
    return said


_MEMBERS = re.compile(
    r"\b(?:(?:font|fait|faisaient|faisait|feraient) partie|sont (?:les )?membres?"
    r"|(?:les|ses|leurs) membres|appartiennent|composent)\b"
    r"|^ ?(?:pays )?membres (?:de|du|des|d)\b"
    r"|\b(?:quels|quelles) (?:pays|etats|membres) (?:dans|au sein)\b"
    r"|\b(?:quels?|quelles?|qui) (?:sont|etaient|seront) (?:les |ses |leurs )?"
    r"(?:pays|etats) membres\b"
)
"""« quels pays font partie de l'OTS ? », « qui en sont les membres ? », « quels pays
appartiennent à … ? », « membres de l'OTS ? », « il y a quels pays dans l'OTS ? »: the members
of an organisation (folded)."""


def _members_asked(index: Index, folded: str, reading: Reading, intents: list[str]) -> Actor | None:
    """The organisation whose members the question asks (one organisation named, no date, no
    other actor, no « quand »): its card lists its members and observers, each with its quote;
    None otherwise (« la Turquie fait partie de l'OTS ? » names a country too: a search)."""
    wanted = reading.filter
    if not _MEMBERS.search(folded) or len(wanted.actors) != 1:
        return None
    if wanted.start or wanted.end or {"when", "timeline"} & set(intents):
        return None  # « quand la Hongrie est-elle devenue membre … ? »: a date
    actor = index.base.actors.get(wanted.actors[0])
    return actor if actor is not None and not actor.is_country else None


def _members_of_previous(
    index: Index, folded: str, previous: Asked, today: date | None
) -> Actor | None:
    """The organisation a follow-up asking for members (« et qui en sont les membres ? »)
    means: the one organisation of the previous question, when this one names no actor and
    no date; None otherwise (its members are its card's list, never a chronology of the
    observers' entries)."""
    if not _MEMBERS.search(folded) or {"combien", "quand", "depuis"} & set(folded.split()):
        return None  # « depuis quand …, et quels pays en font partie ? »: a date too
    own = read_filter(index, folded, today).filter
    if own.actors or own.start or own.end:
        return None
    subject = previous.command.partition(" ")[2]
    actors = read_filter(index, subject, today).filter.actors if subject else ()
    found = [index.base.actors[a] for a in actors if a in index.base.actors]
    organisations = [actor for actor in found if not actor.is_country]
    return organisations[0] if len(organisations) == 1 else None


_AUX = frozenset(("a", "ont", "est", "sont", "avait", "avaient", "etait", "etaient", "sera"))
RARE_SHARE = 0.5
"""A word of the question held by at most this share of the articles names its subject."""


def _subject_rare_words(index: Index, text: str, noun: str) -> tuple[str, ...]:
    """The names of ``text`` naming its subject (capitalised inside the sentence), for a
    figure asked of it (« agile », « spirit » in « combien de soldats ont participé à Agile
    Spirit ? »): held by some
    article but at most RARE_SHARE of them, neither the noun counted, an actor's name, a
    participle after its auxiliary nor a little word; () when there is none."""
    seeds = len(index.base.seeds)
    named = {  # a name inside a sentence, never the first word of one (« ? Ordre de … »)
        fold(w) for w in re.findall(r"(?<![.?!:…]\s)(?<=\s)[A-ZÀ-Ý][\w-]+", text)
    }  # not
    folded = [word for word in fold(text).split() if word in named]  # « dernier »
    typed = text.casefold().split()  # « à » is no auxiliary: accents kept
    participles = {fold(w) for before, w in pairwise(typed) if before in _AUX}
    words: list[str] = []
    for word in dict.fromkeys(folded):
        if word == fold(noun) or is_stop(word) or len(word) < 4:
            continue
        if word in participles:  # « ont participé »: the act, not the subject
            continue
        if word in index.names.exact or word in QUESTION_WORDS:
            continue
        holders = len(sources_holding(index, folded_stem(word)))
        if 0 < holders <= RARE_SHARE * seeds:
            words.append(word)
    return tuple(words)


_ASIDE = "Laissé de côté : "


def _own_words_aside(reply: Reply, typed: str) -> Reply:
    """A follow-up's « Laissé de côté : … » keeps only words of its own question: the
    previous question's search words (« cooperation », « passons ») are no word this one
    typed, and the « Compris » line names that question in words (``thread_said``)."""
    asked = set(fold(typed).split())
    blocks: list[Block] = []
    for block in reply.blocks:
        if isinstance(block, Para) and block.text.startswith(_ASIDE):
            words = re.findall(r"« ([^»]+) »", block.text)
            kept = [word for word in words if fold(word) in asked]
            if not kept:
                continue
            if len(kept) < len(words):
                block = replace(block, text=f"{_ASIDE}{quoted_words(tuple(kept))}.")
        blocks.append(block)
    return (
        replace(reply, blocks=tuple(blocks))
        if len(blocks) != len(reply.blocks)
        or any(a is not b for a, b in zip(blocks, reply.blocks, strict=False))
        else reply
    )


def _card(actor: Actor, said: str) -> Understanding:
    command = "pays" if actor.is_country else "org"
    return Understanding(f"/{command} {actor.name}", f"/{command} {actor.id}", said)


_SAID = {
    "help": "une demande d'aide",
    "sources": "la liste des articles",
    "countries": "la liste des pays",
    "organisations": "la liste des organisations",
}


def respond(index: Index, text: str, today: date | None = None) -> Reply:
    """Any message: a command as typed, or a plain question answered with the command it
    stands for (one behaviour for Telegram, inline, the console and ``ask``)."""
    return respond_in_thread(index, text, today)[0]


def respond_in_thread(
    index: Index, text: str, today: date | None = None, previous: Asked | None = None
) -> tuple[Reply, Asked | None]:
    """``respond``, continuing ``previous`` (the same person's last question in the same chat)
    when the message is a follow-up (« et en 2025 ? »); also returns what this message asked,
    for the next one to continue (None when it asked nothing a follow-up could continue).
    A word no article holds whose near synonym one does (« oléoduc », « pipeline ») is read
    as that synonym, and the « Compris » line says so (``near_words``)."""
    near: tuple[tuple[str, str], ...] = ()
    initials = ""
    guessed: tuple[str, ...] = ()
    typos: tuple[tuple[str, str], ...] = ()
    typed = text
    if not text.lstrip().startswith("/"):
        text, typos = with_typos_read(
            index, text, READER_WORDS, lambda word: _reader_knows(index, word, today)
        )
        text, clipped = with_clipped_read(
            index, text, lambda word: _reader_knows(index, word, today)
        )
        typos = (*typos, *clipped)  # « techno »: « technologique », said as a typo is
        text, near = with_near_words(index, text)
        text, initials, guessed = read_initials(index, text)  # « ua »: Union africaine
    reply, asked = _respond_in_thread(index, text, today, previous)
    if previous is not None and not text.lstrip().startswith("/"):
        reply, asked = _not_again(index, text, typed, previous, (reply, asked), today)
        reply = _own_words_aside(reply, typed)
    reply = without_repeated_quotes(index, reply)  # the same list twice: once, shown whole
    if not text.lstrip().startswith("/"):  # a command's quotes are whole already (``answer``)
        reply = with_whole_clauses(index, reply, text)  # « … en 1992 lorsque le pays a … »
    reply = with_rough_count(index, reply, expand(text))  # « des centaines » is no count
    if not reply.buttons:  # « « Pakistan » n'apparaît dans aucun des articles »: never nothing
        reply = replace(reply, buttons=_ways_in(index, text, today))
    if near:
        reply = _said_read_as(reply, read_as(near))
    if typos:
        reply = _said_read_as(reply, typos_read_as(typos))
    if initials:  # « RU »: Russie or Royaume-Uni, never « not said » on a guess
        reply = _said_read_as(without_guessed_absence(reply, guessed), initials)
    if not text.lstrip().startswith("/"):  # « (aucun article n'emploie : décision) » read as
        reply = aside_after(reply)  # « the articles don't say it »: said neutrally, after
    if asked is not None:  # the question as typed, unless the answer continues the previous
        same = previous is not None and asked.command == previous.command
        typed = previous.typed if same and previous is not None else asked.typed or text
        asked = replace(asked, quotes=shown_quotes(reply), typed=typed)
    return reply, premise_dropped(reply, asked)  # « Non » to « dès 1992 »: not kept as filter


def _not_again(
    index: Index,
    text: str,
    typed: str,
    previous: Asked,
    answered: tuple[Reply, Asked | None],
    today: date | None,
) -> tuple[Reply, Asked | None]:
    """A follow-up asking a detail (when, who, where, what it holds, how many) whose answer
    would show again only the quotes just shown: that detail of the same subject, from its
    own quotes and articles, or said plainly absent (``detail.detail_reply``)."""
    if (
        asked_detail(expand(text)) is None
        or asked_move(text) is not None  # « qui le dit ? »: the source of the same sentence
        or not _opens_on_compris(answered[0])  # something said on top already
        or _verdict_under_compris(answered[0])  # « Pas d'après l'article : il le situe … »
        or not says_again(previous.quotes, answered[0])
    ):
        return answered
    detailed = _detail_of_subject(index, expand(text), previous, None, today, again=True)
    if detailed is not None and not adds_nothing(previous.quotes, detailed[0]):
        return detailed  # another sentence
    if detailed is not None and _untold_on_top(detailed[0]):
        return detailed  # « Les articles ne donnent pas le jour exact : … » on top
    reply, asked = answered
    subject = subject_entries(index, dict.fromkeys(previous.lines))
    subject = subject or quoting_entries(index, previous.quotes)  # quotes shown alone
    detail = asked_detail(expand(text))
    unshown = unshown_evidence(
        index,
        typed,
        [item for entry in subject for item in entry.evidence],
        previous.quotes,
        [item for entry in article_neighbours(index, subject) for item in entry.evidence],
        detail.kind if detail is not None else "",
    )
    if unshown is not None:  # a sentence of the subject not shown yet holds what is asked
        opened = (
            reply.blocks[0],
            Para("D'après l'article :", "note"),
            quote_of(index.base, unshown),
        )
        return replace(reply, blocks=opened), asked
    kept = {key.removeprefix("¶") for key in shown_quotes(reply)}
    if (  # the detail's reading line, without « Aussi » and « + N », when it loses no quote
        detailed is not None
        and _opens_on_compris(detailed[0])
        and kept <= {key.removeprefix("¶") for key in shown_quotes(detailed[0])}
    ):
        reply, asked = detailed
    shown = [
        text
        for block in reply.blocks
        for text in (
            [block.text]
            if isinstance(block, Quote)
            else [quote.text for _, quote in block.quotes]
            if isinstance(block, QuoteGroup)
            else []
        )
    ]
    head = detail_head(index, typed, shown) or nothing_more(typed)  # « pas de nombre exact »
    blocks = (reply.blocks[0], Para(head), *reply.blocks[1:])
    return replace(reply, blocks=blocks), asked


def _untold_on_top(reply: Reply) -> bool:
    """Whether the reply opens by saying what the articles do not give."""
    first = reply.blocks[0] if reply.blocks else None
    return isinstance(first, Para) and first.text.startswith("Les articles ne ")


_VERDICT = ("Oui", "Non", "Pas d'après", "Les articles ne ")


def _verdict_under_compris(reply: Reply) -> bool:
    """Whether the line right under the « Compris » line is already a verdict: the detail
    asked again is said there, no « Sur « … » : » line goes above it."""
    second = reply.blocks[1] if len(reply.blocks) > 1 else None
    return isinstance(second, Para) and second.text.startswith(_VERDICT)


def _opens_on_compris(reply: Reply) -> bool:
    """Whether the reply's first block is its « Compris » line (nothing said above it)."""
    first = reply.blocks[0] if reply.blocks else None
    return isinstance(first, Para) and first.text.startswith("Compris")


MOST_WAYS_IN = 3
"""Most cards of the actors a question names offered under an answer with no button."""


def _ways_in(index: Index, text: str, today: date | None) -> tuple[tuple[Button, ...], ...]:
    """The nearest covered ways in under an answer that offers nothing next: the cards of the
    actors the question names that the base covers (the home country last, only when alone),
    then the latest facts and the list of countries (issue 22, seventh blind set)."""
    asked = text if text.startswith("/") else _content(index, text)
    actors = read_filter(index, asked.partition(" ")[2] if text.startswith("/") else asked, today)
    home = index.base.vocabulary.home
    named = [a for a in actors.filter.actors if a in index.base.actors]
    named = [a for a in named if a != home] or named
    cards = tuple(card_button(index.base.actors[a]) for a in named[:MOST_WAYS_IN])
    ways = (
        Button("📅 Derniers faits", routes.COMMAND.build("/timeline recent")),
        Button("🌍 Pays", routes.COMMAND.build("/pays")),
    )
    return ((cards,) if cards else ()) + (ways,)


def _reader_knows(index: Index, word: str, today: date | None) -> bool:
    """True when the reader reads ``word`` (folded) as typed: a question or stop word, a
    word of an intent (« chronologie »), a date, an actor, a kind or a topic."""
    if word in READER_WORDS or is_stop(word) or _intents(f" {word} "):
        return True
    return read_filter(index, word, today).understood() or asked_type(word) != ""


def _said_read_as(reply: Reply, said: str) -> Reply:
    """``reply`` with ``said`` added to its « Compris » line, or opening it as a note."""
    blocks = list(reply.blocks)
    for at, block in enumerate(blocks):
        if isinstance(block, Para) and block.text.startswith("Compris"):
            blocks[at] = replace(block, text=f"{block.text} — {said}")
            return replace(reply, blocks=tuple(blocks))
    return replace(reply, blocks=(Para(f"Compris : {said}", "note"), *blocks))


def _respond_in_thread(
    index: Index, text: str, today: date | None, previous: Asked | None
) -> tuple[Reply, Asked | None]:
    """``respond_in_thread`` on the text as read."""
    text = clean_argument(text)
    yes_no = False
    typed = text  # as typed, idioms kept: an untold detail is said in the question's words
    if not text.startswith("/"):
        text = expand(text)  # « signe qd ? » is « signe quand ? » for every reader below
        typed = text
        text = without_idioms(text)  # « quand a eu lieu … ? » asks no place
        text = without_courtesy(text)  # « Merci. Combien …, s'il vous plaît ? »
        if previous is not None:  # « la Hongrie en fait partie ? » after the card of the OTS
            text = membership_of_previous(index, text, previous.command)
        text, yes_no = verdict_set_aside(text)  # « vrai ou faux : … » reads as « … »
        text, checked = fact_check_set_aside(text)  # « c'est vrai que … ? » reads as « … ? »
        asking = _OPEN_QUESTION.search(uncleft(text.casefold().replace("’", "'")))
        yes_no = yes_no or (checked and asking is None)  # « … d'où ? mon collègue dit de
        # Turquie »: « où ? »; « c'est Moscou qui a fait la médiation, right ? »: yes or no
        yes_no = yes_no or asked_as_statement(text)  # « … a été signé en 2025 ? »
        yes_no = yes_no or asked_only(text)  # « … parle uniquement de coopération militaire ? »
    if text.startswith("/"):
        reply = answer(index, text, today)
        first, _, rest = text.partition(" ")
        command = f"{first.split('@', 1)[0]} {rest}".strip()
        lines = _lines(reply) or _card_subject(index, reply, command)
        return reply, Asked(command, command, lines=lines) if reply.found else None
    rank = asked_rank(text) if previous is not None and previous.lines else None
    if previous is not None and rank is not None:  # « et le 2e ? »: that line of the last answer
        ranked = rank_reply(index, previous.lines, rank, previous.command)
        if ranked is not None:
            return ranked, previous  # « et le 3e ? » next still counts the same lines
    period = period_answer(index, text)
    if period is not None:  # « plan de défense avec Londres, pour quelle période ? »
        _, read = _respond_question(index, text, today, yes_no)  # a follow-up goes on from
        shown = next((b.text for b in period[0].blocks if isinstance(b, Quote)), "")  # the
        data, command = (read.data, read.command) if read else (f"/accord {period[1].id}",) * 2
        return period[0], Asked(data, command, shown, (period[1].id,))  # question as read
    started = founding_asked(index, text)
    if started is not None:  # « l'OTS a été créée quand ? »: its own start, in its words
        reply, event_id, actor_id = started
        command = f"/org {actor_id}"
        buttons = _entry_buttons(index, (event_id,))
        shown = next((b.text for b in reply.blocks if isinstance(b, Quote)), "")
        return replace(reply, buttons=buttons), Asked(command, command, shown, (event_id,))
    signer = _signer_untold(index, text, previous)
    if signer is not None:  # « qui a paraphé cet accord côté américain ? »: nobody named
        return signer
    closed = yes_no or _OPEN_QUESTION.search(text.casefold().replace("’", "'")) is None
    if closed and previous is not None:  # « ça s'est passé à Washington ? »: where the
        thread = _thread(index, previous)  # subject just shown was, from its own quotes
        placed = place_of_pointed(index, text, previous, thread)
        if placed is not None:
            return replace(placed, buttons=_entry_buttons(index, previous.lines[:1])), previous
    moved = _moved(index, text, previous, today) if previous is not None else None
    if moved is not None:  # « et avant ? », « qui le dit ? »: from what was just shown
        return moved
    found = follow_up(index, text, previous, today) if previous is not None else None
    if previous is not None and not yes_no:  # « signé qd ? », « objet ? » of what was shown
        detailed = _detail_of_subject(index, text, previous, found, today)
        if detailed is not None:  # « et ces drones, c'est des Bayraktar ? »: the name too
            return names_said_absent(index, detailed[0], text), detailed[1]
    if found is None:
        reply, found = _respond_question(index, text, today, yes_no)
        if found is not None and not yes_no:  # « combien coûte l'accord avec les USA ? »
            reply = _detail_of_own_subject(index, text, found, reply)
    else:  # « signé le combien ? » of a line dated to the month: said first, as asked alone
        subject = found.command.partition(" ")[2]
        if found.undated is None and subject and not found.command.startswith("/cherche "):
            agreements = found.command.startswith("/accord ")
            undated, about = undated_lines(index, text, subject, today, agreements)
            found = replace(found, undated=undated, undated_about=about)
        reply = _answer_understood(index, replace(found, yes_no=yes_no), today)
    if found is not None and found.untold is not None and not yes_no and typed != text:
        reply = _untold_as_typed(index, reply, found, typed)  # an idiom was read: as typed
    if asks_weekday(text):  # « c'était un lundi ? »: the weekday of the first dated line
        reply = _weekday_said(index, reply)
    if found is not None:  # a list's sentence that answers: open under its line, not folded
        reply = card_led(index, answer_opened(index, reply, text), text)
        reply = with_reason_after(index, reply, text)  # « pourquoi … ? »: the next sentence
    if found is not None:  # « quand a été signée X ? » of an X no article says was signed
        untold = signing_untold(index, text, reply)
        if untold is not reply:
            named = named_agreement(index, text)  # a follow-up continues the card shown
            command = f"/accord {named.title}" if named is not None else found.command
            lines = _lines(untold) or _card_subject(index, untold, command)
            return untold, Asked(command, command, "", lines)
    if (yes_no or asks_or_not(text)) and found is not None:  # the sentence holding it all
        reply = answering_sentence_on_top(index, reply, text, today)
    if yes_no and found is not None:  # « la Grèce était présente … ? »: « Oui » over the quote
        scope = subject_scope(index, text, previous)  # « ils ont signé … ? »: of their own
        reply = yes_kept_in_scope(yes_on_top(reply, text, scope), scope)
        said, reply = reply, subject_verdict(index, reply, text, previous, scope)
        only = subject_only(index, said, reply, _thread(index, previous)) if previous else None
        if only is not None and previous is not None:  # « ils » are the subject shown: its
            buttons = _entry_buttons(index, previous.lines[:1])  # verdict, no other accords
            return replace(only, buttons=buttons), previous
    if yes_no and found is not None:  # « une cinquantaine de pays ? » over « plus de 80 »
        reply = _said_otherwise(index, reply, text)
    if (yes_no or asks_or_not(text)) and found is not None:  # « … à Ankara, c'est ça ? »
        reply = place_unnamed(index, reply, text)
    if (yes_no or asks_or_not(text) or asks_stance(text)) and found is not None:  # « une base
        reply = absent_asked(index, reply, text, today)  # russe ? »: no sentence holds it all
    reply = founding_contradicted(index, reply, text)  # « OTS créée en 2018 ? »: « Non »
    reply = names_said_absent(index, reply, text, yes_no or asks_or_not(text))  # « Rutte »:
    # in no article, said first
    reply = facet_first(index, reply, text, yes_no)  # a missing word is no missing fact
    reply = (
        subject_on_top(index, reply, text) if not yes_no else reply
    )  # never a passage on shared little words on top
    reply = without_undated_labels(reply, "quand" in asked_types(text))  # no « date non
    if found is None:  # indiquée » label where no date is asked
        return reply, None
    reply = said_on_top(index, reply, typed, found.kind, yes_no)  # « qui conduisait … ? »
    lines = _lines(reply) or _card_subject(index, reply, found.data)
    shown = _passage_shown(found, reply)
    return reply, Asked(found.data, found.command, shown, lines, found.verbs)


def _untold_as_typed(index: Index, reply: Reply, found: Understanding, typed: str) -> Reply:
    """``reply`` whose opening « Les articles ne disent pas … » is worded from the question as
    typed (« quand aura lieu … », never « quand aura … » once the idiom was read)."""
    again = untold_detail(index, typed, found_kind(found), found.unsaid, False)
    if again is None or found.untold not in reply.blocks:
        return reply
    blocks = tuple(again if block == found.untold else block for block in reply.blocks)
    return replace(reply, blocks=blocks)


def found_kind(found: Understanding) -> str:
    """The detail a question asks: its type, or « combien » when it asks a figure (« nb de
    soldats … »)."""
    return found.kind or ("combien" if found.noun else "")


def _moved(
    index: Index, text: str, previous: Asked, today: date | None
) -> tuple[Reply, Asked] | None:
    """« et avant ? », « et après ? »: the same actors' chronology before the earliest (after
    the latest) line just shown; « qui le dit ? »: who says what was just shown (``moves``,
    ``told_by``). None when the message asks no move or the previous answer showed no line."""
    move = asked_move(text)
    if move is None:
        return None
    if move == "source":
        blocks = told_by_blocks(index, previous.lines, previous.shown)
        if blocks is None:
            return None
        line = Para(
            f"Compris : {_thread(index, previous)} — qui le dit : la source de ce qui "
            "vient d'être montré",
            "note",
        )
        buttons = _entry_buttons(index, previous.lines)
        return Reply((line, *blocks), buttons), previous
    window = moved_window(index, previous.lines, move)
    if window is None:
        return None
    actors = read_filter(index, previous.data.partition(" ")[2], today).filter.actors
    dropped: list[str] = []
    by_actor = index.timeline.by_actor
    while True:  # the same actors; none before (after)? the one with the fewest lines (the
        wanted = TimelineFilter(window.start, window.end, actors)  # most particular: « PPP »
        if len(actors) <= 1 or select(index, wanted):  # before « OTAN ») is let go, and said
            break
        rarest = min(actors, key=lambda actor: len(by_actor.get(actor, ())))
        dropped.append(index.base.actors[rarest].name)
        actors = tuple(actor for actor in actors if actor != rarest)
    if not select(index, wanted):  # « PPP » alone, nothing before: the lines shown are about
        # other actors too (« l'Azerbaïdjan … OTAN en 1992, … Deux ans plus tard, … PPP »),
        # and their chronology is the same subject's (issue 22, C9)
        shown = [item for item in index.timeline.dated if item.entry.id in previous.lines]
        wider = tuple(dict.fromkeys(a for item in shown for a in item.actors if a not in actors))
        while wider:
            widened = _nearest_filter(index, window.start, window.end, wider, move)
            if widened is not None:
                dropped += [index.base.actors[a].name for a in actors if a in index.base.actors]
                wanted = widened
                break
            rarest = min(wider, key=lambda actor: len(by_actor.get(actor, ())))
            wider = tuple(actor for actor in wider if actor != rarest)
    words = ["chronologie", *_filter_words(index, Reading(wanted, ()), ids=True)]
    found = understand(index, " ".join(words), today)
    if found is None:
        return None
    how = "avant" if move == "earlier" else "après"
    which = "la première ligne" if move == "earlier" else "la dernière ligne"
    said = f"{_thread(index, previous)} — {how} {which} montrée"
    if dropped:
        said += f" (rien avec {' ni '.join(dropped)} : filtre élargi)"
    found = replace(found, said=f"{said} : {found.said}")
    reply = _answer_understood(index, found, today)
    lines = _lines(reply) or previous.lines  # nothing then: « et après ? » still moves from
    return reply, Asked(found.data, found.command, "", lines)  # the lines shown before


def _nearest_filter(
    index: Index, start: date | None, end: date | None, actors: tuple[str, ...], move: str
) -> TimelineFilter | None:
    """Of the filter on all ``actors`` and those on each one of them but the home country, the
    one whose line comes nearest to the window (the first after it for « et ensuite ? », the
    last before it for « et avant ? »): the next step of the subject's story, not only of all
    its actors together (after the PPP, 1997's CPEA, tied to NATO only, before 2025's lines on
    Azerbaijan and NATO); the fuller filter on a tie; None when none holds a line."""
    home = index.base.vocabulary.home
    candidates = [actors, *((a,) for a in actors if a != home and len(actors) > 1)]
    best: tuple[TimelineFilter, date] | None = None
    for group in candidates:
        wanted = TimelineFilter(start, end, group)
        lines = select(index, wanted)
        if not lines:
            continue
        if move == "earlier":
            edge = max(line.span.end for line in lines)
            nearer = best is None or edge > best[1]
        else:
            edge = min(line.span.start for line in lines)
            nearer = best is None or edge < best[1]
        if nearer:
            best = (wanted, edge)
    return best[0] if best is not None else None


def _entry_buttons(index: Index, lines: tuple[str, ...]) -> tuple[tuple[Button, ...], ...]:
    """A card button for each of the first two lines (built by the route table)."""
    found = [index.entries.get(entry_id) for entry_id in lines[:2]]
    row = [entry_button(entry) for entry in found if isinstance(entry, Event | Agreement)]
    kept = tuple(button for button in row if button is not None)
    return (kept,) if kept else ()


MOST_DETAIL_WORDS = 8
"""A detail follow-up (« signé qd ? », « et les pays présents ? ») is short."""
POINTING_MORE = 4
"""Words more a detail follow-up may hold when it points back (« cet accord », « ce forum »)."""
ALWAYS_OF_SUBJECT = frozenset(
    {"cout", "presents", "dit", "pourquoi", "jour", "office", "prochain", "membres", "fonction"}
    | {"dit_sur", "verbatim"}
)
"""Details no other reading answers: asked after an answer, always of its subject."""
ASKED_ALONE = frozenset({"cout", "presents", "office"})
"""Details a question that names its subject gets answered by ``detail.py`` too."""


def _detail_of_subject(
    index: Index,
    text: str,
    previous: Asked,
    found: Understanding | None,
    today: date | None,
    again: bool = False,
) -> tuple[Reply, Asked] | None:
    """A short follow-up asking one detail of the previous answer's entries, naming nothing
    they lack: that detail of those entries (``detail.py``), never the previous view again nor
    a search of the follow-up's lone word; None when another reading answers it."""
    text, rest = _first_clause(text)
    detail = asked_detail(text)
    folded = fold(text)
    # « qui a signé cet accord avec aliyev côté américain ? » points back: longer, still a detail
    most = MOST_DETAIL_WORDS + POINTING_MORE if _POINTING.search(folded) else MOST_DETAIL_WORDS
    if detail is not None and detail.kind == "dit_sur":  # « qu'a-t-il dit du lien entre … ? »:
        most += len(detail.noun.split())  # the topic's words ask nothing more
    if detail is None or (len(folded.split()) > most and not again):
        return None
    if rest and _names_new_actor_or_period(index, rest, previous, today):
        return None  # « et le coût ? et en Turquie ? »: the rest asks about something else
    holding: list[str] = []  # the entry whose sentence the previous answer put on top (a
    if previous.shown:  # context fact has no numbered line): among its lines, else the base's
        listed = subject_entries(index, previous.lines)
        held = [e for e in listed if any(previous.shown in i.quote for i in e.evidence)]
        if not held:
            held = [
                entry
                for entry in index.base.entries()
                if any(previous.shown in item.quote for item in entry.evidence)
            ][:1]
        order = index.memo(
            "questions: base order", lambda: {e.id: n for n, e in enumerate(index.base.entries())}
        )
        holding = sorted((entry.id for entry in held), key=lambda i: order.get(i, 0))[:1]
    listed = subject_entries(index, dict.fromkeys([*holding[:1], *previous.lines]))
    pointed = pointed_in_thread(index, folded, listed, previous.data)  # « ce mémorandum »
    if pointed is not None:
        holding = [pointed.id]
    subject = subject_entries(index, dict.fromkeys([*holding[:1], *previous.lines]))
    if not subject or _names_new_subject(index, text, subject, detail, today):
        return None
    searched = previous.data.startswith("/cherche ")
    # a search's follow-up of the same words still picks another sentence (``shown``)
    repeats = found is None or (not searched and found.data == previous.data)
    lost = (  # « domaines ? » after a card: a search of that word alone, the subject lost
        found is not None
        and not searched
        and not found.counted
        and found.data.startswith("/cherche ")
        and not set(found.data.split()[1:]) & set(fold(previous.command).split()[1:])
    )
    signed = detail.kind == "qui" and detail.signed  # « signée par qui ? »: of the subject
    onward = bool(detail.after)  # « et après Makhatchkala, ça part où ? »: the route shown
    # « et côté américain, c'était qui ? »: a side of the subject (its actor is no new one)
    sided = detail.kind == "qui" and bool(detail.noun)
    # « et concrètement, l'accord prévoit quoi ? »: the object of the agreement just shown
    sided = sided or (
        detail.kind == "objet"
        and isinstance(subject[0], Agreement)
        and any(word.startswith(AGREEMENT_WORDS) for word in folded.split())
    )
    asked_of_subject = again or detail.kind in ALWAYS_OF_SUBJECT
    if not (repeats or lost or signed or onward or sided or asked_of_subject):
        return None
    reply = detail_reply(index, detail, subject, previous.shown, previous.command, previous.typed)
    if reply is None:
        return None
    reply = _role_said(index, reply, text)  # « et le nom du ministre ? »: none named
    shown = next((b.text for b in reply.blocks if isinstance(b, Quote)), previous.shown)
    return reply, Asked(previous.data, previous.command, shown, previous.lines)


def _role_said(index: Index, reply: Reply, question: str) -> Reply:
    """``reply`` with « l'article n'en nomme aucun » under its « Compris » line when the
    office asked is no word of the article its quotes come from (``detail_head.role_untold``),
    or the members its quote lists when they are asked (``detail_head.members_head``)."""
    quotes = [b.text for b in reply.blocks if isinstance(b, Quote)]
    head = role_untold(index, question, quotes) or members_head(question, quotes)
    if not head or any(  # a head already says what is missing (« pas de nom de personne »)
        isinstance(b, Para) and b.text.startswith(("Sur « ", "Les articles ne", "Le passage le"))
        for b in reply.blocks
    ):
        return reply
    blocks = list(reply.blocks)
    at = 1 if blocks and isinstance(blocks[0], Para) and blocks[0].text.startswith("Compris") else 0
    blocks.insert(at, Para(head, "note"))
    return replace(reply, blocks=tuple(blocks))


_CLAUSE = re.compile(r"\?\s+(?=\S)")


def _first_clause(text: str) -> tuple[str, str]:
    """A follow-up asked in two questions (« et le montant ? combien d'investissements sont
    prévus dans ce deal ? », « signé par qui ? ministre ou à quel niveau ? »): the first one
    asks the detail, the next ones only say it again in other words. Returns the first clause
    and the rest ("" when the text is one question)."""
    parts = _CLAUSE.split(text.strip(), maxsplit=1)
    if len(parts) < 2 or asked_detail(parts[0]) is None:
        return text, ""
    return f"{parts[0]} ?", parts[1]


def _names_new_actor_or_period(
    index: Index, rest: str, previous: Asked, today: date | None
) -> bool:
    """True when the rest of a two-clause follow-up names a period or an actor the previous
    subject lacks (its words may differ from the subject's: they only rephrase the detail)."""
    wanted = read_filter(index, _content(index, rest), today).filter
    if wanted.start is not None or wanted.end is not None:
        return True
    home = index.base.vocabulary.home
    subject = subject_entries(index, previous.lines)
    return bool(set(wanted.actors) - {home} - subject_actors(index, subject))


def _names_new_subject(
    index: Index, text: str, subject: list[Entry], detail: Detail, today: date | None
) -> bool:
    """True when the follow-up names an actor, a period or a word its subject lacks: it asks
    about something else and is read on its own."""
    content = _content(index, text)
    wanted = read_filter(index, content, today).filter
    if wanted.start is not None or wanted.end is not None:
        return True
    home = index.base.vocabulary.home
    held = " ".join(
        fold(f"{entry_text(index.base, entry)} {' '.join(e.quote for e in entry.evidence)}")
        for entry in subject
    )
    new_actors = set(wanted.actors) - {home} - subject_actors(index, subject)
    if detail.kind == "dit_sur":  # « il dit quoi sur la Turquie ? »: named in its quotes
        new_actors = {
            a for a in new_actors if not any(fold(n) in held for n in index.base.actors[a].names())
        }
    if new_actors:
        return True
    folded_text = fold(text)
    instead = re.search(r"\ba la place\b", folded_text) is not None  # « instead », no place
    pointed = {m.group(1) for m in _DEMONSTRATIVE.finditer(folded_text)}  # « cette édition »
    noun = fold(detail.noun)
    described = (  # « le thème officiel »: the word right after the detail's noun describes it
        {m.group(1) for m in re.finditer(rf"\b{re.escape(noun)}s? (\w+)", folded_text)}
        if noun
        else set()
    )
    reflexive = {m.group(1) for m in _REFLEXIVE.finditer(folded_text)}
    for word in index.tokens(content):
        if _asks_only(word) or asked_detail(word) is not None or len(word) < 4:
            continue
        if word in reflexive:  # « ces manœuvres se tiendraient où ? », « ça s'est passé dans
            continue  # quel pays ? »: how the subject shown took place, never a new subject
        if word in DETAIL_ONLY or (detail.noun and word.startswith(fold(detail.noun)[:5])):
            continue
        if detail.kind == "dit_sur" and word in _words_of(detail.noun):
            continue  # the topic asked of the person just shown: answered from its quotes
        if is_stop(word) or word in pointed or word in described:
            continue  # « était », « cette édition », « officiel »: the subject, the detail
        if detail.kind == "fonction" and word in PERSON_POINTERS:
            continue  # « il a quelle fonction, ce monsieur ? »: the person just shown
        if detail.kind == "fonction" and word.startswith(OFFICE_VERBS):
            continue  # « il occupe quel poste ? »: the verb only asks the office
        if word in LIGHT_WORDS or (word.endswith("ment") and len(word) > 6):
            continue  # an adverb (« exactement », « vraiment ») names no subject
        if detail.kind == "ou" and (word in ONWARD_WORDS or (word == "place" and instead)):
            continue  # « il part où, à la place ? »: where it goes, not a new subject
        if detail.after and (word in ONWARD_WORDS or word.startswith(detail.after[:6])):
            continue  # « et après Makhatchkala, ça part où ? »: the route, not a new subject
        if word[:5] not in held:
            return True
    return False


_OPEN_QUESTION = re.compile(
    r"(?<![\w-])(?:qui|quoi|quand|quel|quelle|quels|quelles|combien|comment|pourquoi|lequel"
    r"|laquelle|lesquels|lesquelles|où)(?![\w-])|\bd'ou\b|^\s*ou\b|\b(?:vers|par) ou\b"
)
"""A question word asking something else than yes or no (never « que »/« qu' », a conjunction
in « Aliyev a dit en juillet qu'il … ? »)."""


def _words_of(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text)))


_REFLEXIVE = re.compile(
    r"\b(?:se|s')\s*(?:(?:est|sont|etait|etaient|serait|seraient|sera|seront)\s+)?([a-z]{3,})"
)
"""« se tiendraient », « s'est passé »: the verb of a reflexive pronoun (folded question)."""
_DEMONSTRATIVE = re.compile(r"\b(?:ce|cet|cette|ces) (\w+)")
"""« cette édition », « ce sommet »: a noun that points back at the subject just shown."""
PERSON_POINTERS = frozenset(
    ["monsieur", "madame", "dame", "homme", "femme", "personne", "gars", "type", "exactement"]
)
"""Words by which a « fonction » follow-up points at the person just shown (« ce monsieur »)."""
OFFICE_VERBS = ("occup", "exerc", "detien", "rempli")
"""Stems of the verbs by which one asks the office a person holds (« il occupe quel poste ? »,
« il exerce quelle fonction ? »), folded."""
ONWARD_WORDS = frozenset(["apres", "part", "partent", "va", "vont", "ensuite", "passe", "dela"])
"""The words of a « where next » follow-up besides its place (« et après X, ça part où ? »)."""
DETAIL_ONLY = frozenset(
    [
        "pays",
        "etats",
        "nations",
        "delegations",
        "participants",
        "presents",
        "present",
        "presente",
        "presentes",
        "representes",
        "represente",
        "autre",
        "autres",
        "encore",
        "dit",
        "declare",
        "ajoute",
        "exacte",
        "exact",
        "precise",
        "cote",
        "ca",
        "cela",
        "coute",
        "couter",
        "participe",
        "participer",
        "participes",
        "participent",
        "participants",
        "assiste",
        "etait",
        "etaient",
        "representees",
        "representee",
        "liste",
        # « pays représentés, liste complète ? »: how whole the list asked is, no new subject
        "complete",
        "completes",
        "entiere",
        "integrale",
        "exhaustive",
        "edition",
        "editions",
        "prochain",
        "prochaine",
        "suivant",
        "suivante",
        "numero",
        "rang",
        "moment",
    ]
)
"""Words that only say which detail is asked (never a new subject)."""


def _named_actors(index: Index, text: str) -> list[str]:
    """The actors but the home country that ``text`` names exactly (a name, an alias, a
    demonym), read off its runs of words, in the order it names them."""
    words = fold(text).split()
    home = index.base.vocabulary.home
    found: dict[str, None] = {}
    for start in range(len(words)):
        for size in range(1, min(index.names.most_words, len(words) - start) + 1):
            actor = index.names.exact.get(" ".join(words[start : start + size]))
            if actor is not None and actor != home and len(words[start]) > 1:
                found.setdefault(actor, None)
    return list(found)


AGREEMENT_WORDS = ("accord", "acord", "traite", "memorandum", "contrat")
"""Words (folded) by which a question names an agreement as the subject of its detail."""


def _detail_of_own_subject(index: Index, text: str, found: Understanding, reply: Reply) -> Reply:
    """« combien coûte l'accord avec les États-Unis ? », « quels pays étaient présents au forum
    de Bakou ? »: a cost or the countries present, asked of the entries the question's own
    words found — the frank absence or the sentence, instead of a list that leaves it aside."""
    detail = asked_detail(text)
    named = detail is not None and detail.kind == "objet" and bool(detail.noun)
    # « l'accord avec les USA porte sur quoi ? »: what the agreement named provides for
    provided = (
        detail is not None
        and detail.kind == "objet"
        and not detail.noun
        and any(word.startswith((*AGREEMENT_WORDS, "plan")) for word in fold(text).split())
        and re.search(r"\b(?:quoi|que|qu|quel|quels|quelle|quelles)\b", fold(text)) is not None
    )
    if detail is None or not (detail.kind in ASKED_ALONE or named or provided):
        return reply
    ids = list(_lines(reply) or _card_subject(index, reply, found.data))  # a card: its entry
    if found.data.startswith("/cherche "):
        query = " ".join(
            w for w in found.data.split()[1:] if asked_detail(w) is None and w not in DETAIL_ONLY
        )
        cost = detail.kind == "cout"  # « quelle est la valeur du contrat … ? »: a sum
        best = best_passage(index, query, "combien" if cost else "", amount=cost) if query else None
        if best is not None:
            ids = [best[0].id, *(entry.id for entry in best[3]), *ids]
    if any(word in fold(text) for word in AGREEMENT_WORDS):  # « … prévu dans l'accord … »:
        # the agreement asked of leads the subject, before context sentences sharing words;
        # « l'accord avec Washington »: one the actor named is a PARTY of comes before one it
        # only mediated (the Armenia accord, whose sentence writes « Washington »)
        asked_actors = _named_actors(index, text)
        parties = [
            a.id for a in index.base.agreements if any(actor in a.parties for actor in asked_actors)
        ]
        if parties and not any(i in parties for i in ids):
            ids = [*parties, *ids]

        def rank(entry_id: str) -> int:
            entry = index.entries.get(entry_id)
            if not isinstance(entry, Agreement):
                return 2
            return 0 if any(actor in entry.parties for actor in asked_actors) else 1

        ids.sort(key=rank)
    subject = subject_entries(index, dict.fromkeys(ids))
    if provided:  # the agreement whose own sentence says what it provides for, else no answer
        subject.sort(key=lambda entry: not says_provided(index, entry))  # of that kind here
        if not subject or not says_provided(index, subject[0]):
            return reply
    opening = reply.blocks[0] if reply.blocks else None
    if not (isinstance(opening, Para) and opening.text.startswith("Compris")):
        return reply  # it already opens on what the articles lack, or is no reading at all
    answered = detail_reply(index, detail, subject, question=text)
    if answered is None:
        return reply
    searches = tuple(row for row in reply.buttons if any(b.label.startswith("🔎") for b in row))
    # a subject of context facts has no card of its own: the reading's own taps stay
    kept = searches if answered.buttons else reply.buttons
    answered = replace(answered, buttons=(*answered.buttons, *kept))
    if named:  # « quels domaines couvre … ? »: only the sentence naming them, when the
        # answer did not open on it (the reading line first: nothing said missing)
        opening = answered.blocks[0]
        first = next((b.text for b in reply.blocks if isinstance(b, Quote)), "")
        if not (isinstance(opening, Para) and opening.text.startswith("Compris")):
            return reply
        if detail is not None and names_noun(detail.noun, first):
            return reply  # the answer already opens on a sentence naming it
    return answered


_POINTS_BACK = re.compile(r"\b(?:cet|cette|ce|celui-ci|celle-ci|l'a|l'ont)\b")
_SIDE_ASKED = re.compile(r"\bcotes? (\w+)")


def _signer_untold(index: Index, text: str, previous: Asked | None) -> tuple[Reply, Asked] | None:
    """« qui a signé l'accord X côté américain ? », or « … cet accord … » after X's card,
    when X's articles name no signatory: said plainly, with what they say (``signer_untold``).
    Only a question asking one side's signatory: « qui a signé X ? » alone is answered by the
    parties that signed, on X's card."""
    folded = fold(text)
    if not asks_signer(text) or not _SIDE_ASKED.search(folded):
        return None
    side = _SIDE_ASKED.search(folded)
    if _POINTS_BACK.search(folded):  # « cet accord »: the one just shown whose side is asked
        agreements = {a.id: a for a in index.base.agreements}
        lines = previous.lines if previous is not None else ()
        shown = [agreements[i] for i in lines if i in agreements]
        sided = [a for a in shown if side and side_is_party(index, a, side.group(1))]
        agreement = sided[0] if len(sided) == 1 else None
    else:
        agreement = named_agreement(index, text)
    if agreement is None:
        return None
    reply = signer_untold(index, text, agreement)
    if reply is None:
        return None
    command = f"/accord {agreement.title}"
    return reply, Asked(command, command, "", (agreement.id,))


def _card_subject(index: Index, reply: Reply, data: str) -> tuple[str, ...]:
    """The entries a card shows: an agreement's or event's (its « 📎 Détails » button names
    it), or an actor's dated entries then its facts (« /org Lukoil »): the subject a
    follow-up (« signé qd ? », « combien ? ») of a card asks about; () for any other view."""
    for row in reply.buttons:
        for button in row:
            for route in (routes.AGREEMENT_FULL, routes.EVENT_FULL):
                parsed = route.parse(button.data)
                if parsed:
                    return (parsed[0],)
    name, _, argument = data.partition(" ")
    if name not in ("/pays", "/org") or not argument:
        return ()
    actors = (
        (argument,) if argument in index.base.actors else read_filter(index, argument).filter.actors
    )
    if len(actors) != 1:
        return ()
    return index.links.entry_ids_of(actors[0])


def _lines(reply: Reply) -> tuple[str, ...]:
    """The entries of the reply's lines, in order, each once."""
    found = (b.entry for b in reply.blocks if isinstance(b, Item) and b.entry)
    return tuple(dict.fromkeys(found))


_WEEKDAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _weekday_said(index: Index, reply: Reply) -> Reply:
    """The reply with, after its « Compris » line, the day of the week of its first line dated
    to the day by the article itself, said as computed (no article gives it)."""
    for block in reply.blocks:
        entry = index.entries.get(block.entry) if isinstance(block, Item) else None
        span = getattr(entry, "date", None) if entry is not None else None
        if span is None or span.precision is not Precision.DAY:
            continue
        if getattr(entry, "date_basis", "texte") != "texte":
            continue  # an inferred day: its weekday would be inferred twice
        day = span.start
        which = f" (ligne {block.ref})" if isinstance(block, Item) and block.ref else ""
        said = Para(
            f"Le {span.label()}{which} était un {_WEEKDAY_NAMES[day.weekday()]} : jour "
            "calculé d'après la date, l'article ne le donne pas.",
            "note",
        )
        at = 1 if isinstance(reply.blocks[0], Para) and "Compris" in reply.blocks[0].text else 0
        return replace(reply, blocks=(*reply.blocks[:at], said, *reply.blocks[at:]))
    return reply


def _passage_shown(found: Understanding, reply: Reply) -> str:
    """The passage a search (or a count) answer put on top (its first quote), for a follow-up
    to go on from; "" for other answers."""
    if not found.data.startswith("/cherche "):
        return ""
    return next((block.text for block in reply.blocks if isinstance(block, Quote)), "")


def _respond_question(
    index: Index, text: str, today: date | None, yes_no: bool = False
) -> tuple[Reply, Understanding | None]:
    if len(text) > MAX_ARGUMENT:
        return _alone(
            Reply(
                (
                    Para(
                        f"Votre question est trop longue ({len(text)} caractères ; "
                        f"{MAX_ARGUMENT} au plus). Posez-la en quelques mots, par exemple "
                        "« accords du Royaume-Uni »."
                    ),
                ),
                found=False,
            )
        )
    if index.tokens(text) and all(w in GREETINGS for w in fold(text).split()):
        return _greeting(index, text), None
    if asks_plans(text) and not yes_no:  # « qu'est-ce qui est prévu en 2026 ? »
        period, coming = planned(index, _content(index, text), today)
        if coming:
            return _plans_reply(index, text, period, coming, today)
    ordered = order_reply(index, text) if not yes_no else None
    if ordered is not None:  # « lequel est venu en premier, et à quelles dates ? »
        reply, words = ordered
        return reply, Understanding(f"/cherche {words}", f"/cherche {words}", "deux entrées")
    found = understand(index, text, today)
    if found is None:
        return not_understood(index, text), None
    reply = _answer_understood(index, replace(found, yes_no=yes_no), today)
    if yes_no:  # « … signé en 2025 ? » that the articles date otherwise: said first
        agreements = "agreements" in _intents(_folded(text))
        otherwise = dated_otherwise(index, _content(index, text), agreements, today, text)
        if otherwise.lines:
            said = otherwise_blocks(index, otherwise)  # the verdict, then the reading
            blocks = (said[0], *reply.blocks[:1], *said[1:])
            reply = replace(reply, blocks=blocks, buttons=otherwise_buttons(otherwise))
    return reply, found


def _plans_reply(
    index: Index, text: str, period: str, coming: list[Coming], today: date | None
) -> tuple[Reply, Understanding]:
    """What the articles give as coming in the period asked (``plans.py``), under its
    reading line; a follow-up (« et en 2027 ? ») continues the period's chronology."""
    wanted = read_filter(index, _content(index, text), today).filter
    reading = Reading(TimelineFilter(start=wanted.start, end=wanted.end))
    human, data = _command(index, "timeline", reading)
    found = Understanding(human, data, f"ce qui est prévu — {period}")
    line = Para(f"Compris : {found.said} (à venir, proposé ou couvert par un accord)", "note")
    blocks: tuple[Block, ...] = (line, *plans_blocks(index, period, coming))
    unsaid = tuple(unsaid_words(index, _content(index, text), SOFT_WORDS, today))
    kind = asked_type(text) or ("combien" if asked_figure(fold(text)) else "")
    untold = untold_detail(index, text, kind, unsaid, False)
    if untold is not None:  # « le prochain forum est prévu quand ? »: what is planned is no
        blocks = (untold, *blocks)  # answer about a next forum; said first
    if "quand" in asked_types(text):  # « … prévues en 2026 : proposées quand ? »: the act's
        # own date, when the quote was cut before it (« Notamment, début octobre, … »)
        blocks = tuple(whole_dated_quote(index, b) if isinstance(b, Quote) else b for b in blocks)
    return Reply(blocks, plans_buttons(coming)), found


def _shows_first(reply: Reply, about: tuple[str, ...]) -> bool:
    """True when ``reply`` lists no line (a card), or opens on one of the lines ``about`` and
    lists them all: a note on how the articles date a line is said over that line, never
    over a list that opens on another or lacks it (issue 22)."""
    shown = [block.entry for block in reply.blocks if isinstance(block, Item) and block.entry]
    return not shown or (shown[0] in about and set(about) <= set(shown))


def _alone(reply: Reply) -> tuple[Reply, None]:
    return reply, None


def _answer_understood(index: Index, found: Understanding, today: date | None) -> Reply:
    figures = (
        count_reply(index, found.counted, found.data.split(" ", 1)[1]) if found.counted else None
    )
    if figures is not None and found.several:  # « combien …, et lesquelles ? »
        figures = with_items(index, figures)
    searched = found.data.startswith("/cherche ") and not found.counted
    passage = (
        passage_reply(
            index,
            found.data.split(" ", 1)[1],
            found.kind,
            bool(found.no_figure or found.undated),
            found.several,
            found.noun,
            found.shown,
            found.parts,
            found.someone,
            verbs=found.verbs,
            reason=found.reason,
        )
        if searched
        else None
    )
    if passage is not None and found.yes_no:  # « entré au PPP en 1997 ? »: the year is checked
        passage = _year_checked(index, found, passage)
        passage = _verdict(index, passage, found.data.split(" ", 1)[1])
    listing = article_list(index, found.listed, found.data.split(" ", 1)[1]) if searched else []
    if listing:  # « liste des sessions clés »: the article's own list, item by item
        passage = Reply(tuple(listing), passage.buttons if passage is not None else ())
    reply = figures or passage or command_answer(index, found.data, today)
    # the line says what was understood in words, never the command: readers took « → /pays
    # l allemagne » for jargon (issue 22, seventh blind set); a found answer has it under its
    # « ▶ » or « 🔎 » button, an empty one the ways in (``_ways_in``)
    button_data = routes.COMMAND.build_or_none(found.data)  # « ▶ /accord GB »: c:/accord GB
    words = found.data.split(" ", 1)[1] if found.data.startswith("/cherche ") else ""
    # a word no article holds is said about the word, in the reading line: said on top as
    # « the articles don't mention X », it read as a denial above answers that were right
    untold = None if found.yes_no else found.untold  # « combien de soldats … ? »: said first
    first = next((block.text for block in reply.blocks if isinstance(block, Quote)), "")
    unsaid = found.unsaid
    if found.key_unsaid and words and first and answers_most(index, words, unsaid, first):
        # the answer's quote holds most of what is asked: only a name it lacks (« Trump »)
        unsaid = tuple(word for word in unsaid if word in found.names_unsaid)  # stays on top
    key_unsaid = found.key_unsaid and bool(unsaid)
    said = found.said
    if not (key_unsaid or untold):  # a word left aside that no article holds: said there
        said = with_absent_said(said, found.unsaid, found.aside)
    absent = "" if key_unsaid or untold else absent_words(index, found.unsaid, found.aside, said)
    line = Para(f"Compris : {said}{absent}", "note")
    blocks: tuple[Block, ...] = (line, *reply.blocks)
    if untold is not None:  # the detail asked, in the question's terms, then the nearest
        blocks = (untold, *blocks)
    elif key_unsaid and found.unsaid:  # what is asked is in no article: said first
        blocks = (absent_para(index, unsaid), *blocks)
    if found.undated is not None and _shows_first(reply, found.undated_about):
        blocks = (found.undated, *blocks)
    if found.no_figure:  # a figure the articles never give comes first
        blocks = (
            unsaid_para(index, [], found.no_figure, found.measure, found.figure_about),
            *blocks,
        )
    if found.unsigned:  # so does an agreement they never tie to the actor asked about
        actors = [index.base.actors[actor_id] for actor_id in found.unsigned]
        blocks = (unsigned_para(index, actors, reply.found), *blocks)
    buttons = reply.buttons
    if passage:  # the search behind the passage, whole or on its rarest words
        blocks, whole = more_on_button(blocks, search_button(index, found.data.split(" ", 1)[1]))
        buttons = (*buttons, (whole,))
    elif reply.found and button_data is not None:
        buttons = (*buttons, (Button(whole_words(f"▶ {found.command}", 60), button_data),))
    elif reply.found and words:  # a search too long for « ▶ »: on its rarest words
        buttons = (*buttons, (search_button(index, words),))
    if not passage:  # the quote that answers what the filter could not read: unfolded
        blocks = _answering_quote_open(index, blocks, found.data.split(" ", 1)[-1])
    # only « ▶ /timeline … » under it: the lines' cards, their actors, their year too
    return with_next_taps(index, replace(reply, blocks=blocks, buttons=buttons))


OPENED_QUOTE = 320
"""Longest quote a question's answer unfolds past the first (``_answering_quote_open``)."""


def _answering_quote_open(index: Index, blocks: tuple[Block, ...], asked: str) -> tuple[Block, ...]:
    """``blocks`` with, when a quote past the first of a card or list holds the asked words
    the first quote lacks (« l'accord … prévoit quel mécanisme ? »: « L'accord prévoit …
    avec des mécanismes de suivi »), that quote marked open: a phone shows it whole instead of
    three folded lines (issue 22 B.8)."""
    quotes = [(at, block) for at, block in enumerate(blocks) if isinstance(block, Quote)]
    words = {word[:5] for word in index.tokens(asked) if not is_stop(word)}
    if len(quotes) < 2 or not words:
        return blocks

    def held(text: str) -> set[str]:
        return {word for word in words if any(t.startswith(word) for t in index.tokens(text))}

    lacking = words - held(quotes[0][1].text)
    best, best_at, best_quote = 0, -1, quotes[0][1]
    for at, quote in quotes[1:]:
        found = len(held(quote.text) & lacking)
        if found > best and len(quote.text) <= OPENED_QUOTE:
            best, best_at, best_quote = found, at, quote
    if best_at < 0 or best * 2 < len(lacking):
        return blocks
    opened = replace(best_quote, open=True)
    return (*blocks[:best_at], opened, *blocks[best_at + 1 :])


def _said_otherwise(index: Index, reply: Reply, question: str) -> Reply:
    """A yes/no answer that has no verdict yet, opened by « Pas d'après les articles : … »
    when its first quote plainly says otherwise (``verdicts.otherwise``); unchanged else."""
    said = [b.text for b in reply.blocks if isinstance(b, Para)]
    if any(
        text.startswith(("Oui", "D'après l'article, non", "Pas d'après", "Les articles ne", "Non"))
        and not text.startswith(WORD_ABSENT)  # a word no article holds is no verdict on the
        for text in said  # claim: « débouché » absent, the accords still « en cours »
    ):
        return reply
    frank = _frank_no(reply, *claim_in_articles_words(index, question), index, question)
    if frank is not None:  # another place, month, year, count or membership: « Non »
        return frank
    first = next(
        (
            block.text if isinstance(block, Quote) else block.quotes[0][1].text
            for block in reply.blocks
            if isinstance(block, Quote) or (isinstance(block, QuoteGroup) and block.quotes)
        ),
        "",
    )
    why = otherwise(question, first) if first else ""
    why = why or (majority_otherwise(index, question, first) if first else "")  # « surtout
    # turc ? » over « La grande majorité … d'origine russe »
    where = "la citation ci-dessous"
    if not why:  # the first line's other quotes, folded under it (« en cours de finalisation »
        # under a line whose open quote is the forum's session)
        top = next((b.ref for b in reply.blocks if isinstance(b, Item)), 0)
        folded = [
            quote.text
            for block in reply.blocks
            if isinstance(block, QuoteGroup)
            for number, quote in block.quotes
            if top and number == top
        ]
        claim = claim_in_articles_words(index, question)[0]  # « a Baku » is « à Bakou »
        why = next(
            (other for text in folded[:FRANK_QUOTES] if (other := otherwise(claim, text))), ""
        )
        where = f"la citation de la ligne {top} ci-dessous"
    if not why or _one_place(index, why):
        return reply
    verdict = Para(f"Pas d'après les articles : {why} ; {where}.", "note")
    return replace(reply, blocks=(verdict, *reply.blocks))


_TWO_PLACES = re.compile(r"« à ([^»]+) », non « à ([^»]+) »")


def _one_place(index: Index, why: str) -> bool:
    """True when « ils disent « à Bakou », non « à Baku » » names one place twice (a name and
    its alias): no other place, no verdict."""
    found = _TWO_PLACES.search(why)
    if found is None:
        return False
    said, asked = fold(found.group(1)).strip(), fold(found.group(2)).strip()
    return any(
        {said, asked} <= {fold(name) for name in actor.names()}
        for actor in index.base.actors.values()
    )


WORD_ABSENT = "Les articles ne mentionnent pas « "
"""How the line saying a word of the question absent from the articles opens (``unsaid``)."""
FRANK_QUOTES = 4
"""Quotes of an answer read for a « Non » (``fact_check.contradicted``), in the order shown."""
FRANK_SCREEN = 1000
"""Visible characters the answer may reach with the quote saying « Non » moved on top (the
first-screen rule is 1,200)."""


def _frank_no(
    reply: Reply,
    question: str,
    unheld: frozenset[str] = frozenset(),
    index: Index | None = None,
    typed: str = "",
) -> Reply | None:
    """``reply`` opened by « Non : d'après l'article, … » when one of its quotes (the first,
    leniently; one of the next ``FRANK_QUOTES``, strictly) states another value of the slot
    ``question`` asks. A quote past the first moves open right under it (out of its fold), so
    the value said is the one read right below — unless the first screen would then pass
    ``FRANK_SCREEN``: the « Non » then names the line whose quote says it. None when no
    quote does. With the ``index``, a quote naming another actor for the role the claim
    (``typed``, its actors as written) gives one says « Non » too (``other_actor``)."""
    typed = asking_part(typed or question)
    question = asking_part(question)  # « … s'était contenté de déclarations. Un texte a-t-il
    # été adopté ? »: the claim checked is the one asked, not the statement before it
    lines = {block.ref: block.text for block in reply.blocks if isinstance(block, Item)}
    line = ""
    quotes: list[tuple[Quote, str, int]] = []  # the quote, its line, its line's number
    for block in reply.blocks:
        if isinstance(block, Item):
            line = block.text
        elif isinstance(block, Quote):
            quotes.append((block, line, 0))
        elif isinstance(block, QuoteGroup):
            quotes.extend((quote, lines.get(n, ""), n) for n, quote in block.quotes)
    for position, (quote, context, number) in enumerate(quotes[:FRANK_QUOTES]):
        said = contradicted(question, quote.text, context, position == 0, unheld)
        if not said and index is not None:  # « sous médiation russe ? »: « des États-Unis »
            said = other_actor(index, typed, quote.text, context)
        if not said:
            continue
        rank = next((r for q, _, _ in quotes if (r := other_rank(question, q.text))), "")
        if rank and rank not in said:  # « 3ᵉ Forum » said by another quote of the answer
            said = f"{said[:-1]} ; {rank}."
        reply = _unechoed(reply, said)
        if position == 0:
            return replace(reply, blocks=(Para(said, "note"), *reply.blocks))
        rest = tuple(
            QuoteGroup(tuple(pair for pair in block.quotes if pair[1] is not quote))
            if isinstance(block, QuoteGroup)
            else block
            for block in reply.blocks
            if block is not quote
        )
        rest = tuple(b for b in rest if not (isinstance(b, QuoteGroup) and not b.quotes))
        moved = (Para(said, "note"), replace(quote, open=True), *rest)
        if visible(list(moved)) <= FRANK_SCREEN:
            return replace(reply, blocks=moved)
        if number:
            named = f"{said[:-1]} (citation de la ligne {number} ci-dessous)."
            return replace(reply, blocks=(Para(named, "note"), *reply.blocks))
        return None
    return None


def _unechoed(reply: Reply, said: str) -> Reply:
    """``reply`` whose « Compris » line no longer repeats what the « Non » ``said`` denies."""
    blocks = tuple(
        replace(block, text=unechoed(said, block.text)) if isinstance(block, Para) else block
        for block in reply.blocks
    )
    return replace(reply, blocks=blocks)


def _year_checked(index: Index, found: Understanding, passage: Reply) -> Reply:
    """A yes/no question's passage when the question gives one year: the year is the value
    checked, not the subject, so the passage found by the question's other words replaces
    the one found by the year when its first quote gives another year for the same subject
    (``fact_check.contradicted``: « entré au Partenariat pour la paix en 1997 ? » opens on
    the 1994 accession, never on another 1997 event). ``passage`` otherwise."""
    query = found.data.split(" ", 1)[1]
    years = year_values(query)
    if len(years) != 1:
        return passage
    year = next(iter(years))
    rest = " ".join(word for word in query.split() if word != year)
    if not index.tokens(rest):
        return passage
    other = passage_reply(
        index,
        rest,
        found.kind,
        several=found.several,
        noun=found.noun,
        parts=found.parts,
        someone=found.someone,
        verbs=found.verbs,
    )
    first = _first_quote(other) if other is not None else ""
    if other is None or not first or year in first or first == _first_quote(passage):
        return passage
    checked = []  # the subject in the words of the articles: « Bakou » is « Azerbaïdjan »
    for word in query.split():
        match = index.names.find_actor(word) if len(word) > 2 else None
        checked.append(match.actor.name if match is not None and match.exact else word)
    frank = _frank_no(other, f"{' '.join(checked)} ?")
    return frank if frank is not None and frank.blocks[0] != other.blocks[0] else passage


def _first_quote(reply: Reply) -> str:
    """The text of the first quote ``reply`` shows, "" when it shows none."""
    for block in reply.blocks:
        if isinstance(block, Quote):
            return block.text
        if isinstance(block, QuoteGroup) and block.quotes:
            return block.quotes[0][1].text
    return ""


def _denial(index: Index, quote: Quote, query: str, skip: frozenset[str]) -> str:
    """The quote of the passage's entry that plainly denies the yes/no ``query``
    (``yesno.denies``): ``quote`` itself, else another quote of the same article in the entry
    holding it (« on lui a demandé si … » above « … rend superflue la présence … »: the
    source under the answer is the denial's too); "" when none does."""
    if denies(quote.text, query, skip):
        return quote.text
    for entry in index.base.entries():
        if any(evidence.quote == quote.text for evidence in entry.evidence):
            for evidence in entry.evidence:
                if (
                    evidence.source == quote.source
                    and evidence.quote != quote.text
                    and denies(evidence.quote, query, skip)
                ):
                    return evidence.quote
    return ""


def _verdict(index: Index, passage: Reply, query: str) -> Reply:
    """A yes/no question's passage, its quote introduced by « Oui, d'après l'article : » when
    it states every word asked (``yesno.states``), by « D'après l'article, non : « … » » when
    a quote of its entry plainly denies it (``yesno.denies``); unchanged otherwise."""
    blocks = list(passage.blocks)
    quotes = [(i, block) for i, block in enumerate(blocks) if isinstance(block, Quote)]
    if not quotes:
        return passage
    skip = QUESTION_WORDS | ASKING_ONLY | SOFT_WORDS
    denial = _denial(index, quotes[0][1], query, skip)
    if denial:
        verdict = Para(f"D'après l'article, non : « {denial} »", "note")
    elif states(quotes[0][1].text, query, skip):
        verdict = Para("Oui, d'après l'article :", "note")
    else:
        return passage
    at = quotes[0][0]
    before = blocks[at - 1] if at else None
    if isinstance(before, Para) and before.text == "D'après l'article :":
        blocks[at - 1] = verdict
    else:
        blocks.insert(max(at - 1, 0) if isinstance(before, Item) else at, verdict)
    return replace(passage, blocks=tuple(blocks))


WAYS_IN: tuple[tuple[Button, ...], ...] = (
    (
        Button("📅 Derniers faits", routes.COMMAND.build("/timeline recent")),
        Button("📄 Accords", routes.ALL_AGREEMENTS.build(1)),
    ),
    (
        Button("🌍 Pays", routes.COMMAND.build("/pays")),
        Button("❓ Aide", routes.COMMAND.build("/aide")),
    ),
)
"""The ways in offered under a greeting or a question not understood."""


def _greeting(index: Index, text: str) -> Reply:
    """« bonjour », « merci » : a short, friendly answer with ways in."""
    thanks = "merci" in fold(text)
    opening = "Avec plaisir !" if thanks else "Bonjour !"
    return Reply(
        (
            Para(
                f"{opening} Posez-moi une question sur les partenariats de sécurité de "
                "l'Azerbaïdjan, par exemple « qu'a signé le Royaume-Uni ? » ou « turquie otan », "
                "ou tapez /aide."
            ),
        ),
        (*WAYS_IN,),
    )


def not_understood(index: Index, text: str) -> Reply:
    """Nothing in the question leads to an answer: say so, and offer the closest commands."""
    shown = text if len(text) <= 80 else text[:79] + "…"
    blocks: list[Block] = [
        # never « nothing in the base answers it »: nothing here was searched in the articles
        Para(f"Je n'ai pas compris « {shown} » : je ne sais pas à quoi la rattacher."),
        Para(
            "Précisez de quoi vous parlez (un pays, un accord, une date) ou essayez par exemple : "
            "« accords du Royaume-Uni », « turquie otan », « que s'est-il passé en 2025 ? », une "
            "commande ci-dessous, ou /aide pour toutes.",
            "note",
        ),
    ]
    content = _content(index, text)
    unsaid = unsaid_words(index, content, SOFT_WORDS)
    skip = SOFT_WORDS | QUESTION_WORDS | ASKING_ONLY
    if all_key_words_unsaid(index, content, unsaid, skip):  # « qui a gagné l'Eurovision ? »:
        blocks.insert(0, absent_para(index, tuple(unsaid), nearest=False))  # searched, absent
    rows: list[tuple[Button, ...]] = []
    named = [index.base.actors[a] for a in read_filter(index, text).filter.actors]
    named += index.names.suggest_actors(" ".join(index.tokens(text))) if index.tokens(text) else []
    cards = list({actor.id: actor for actor in named}.values())[:2]
    if cards:
        blocks.append(Para("Une fiche vous aiderait peut-être :", "note"))
        rows.append(tuple(card_button(actor) for actor in cards))
    rows.extend(WAYS_IN)
    return Reply(tuple(blocks), tuple(rows), found=False)


_FOLLOW_UP = re.compile(
    r"^(?:et|mais|pareil|idem|meme chose|meme question|aussi)(?: (?:pour|avec|sur|du cote de))?\b"
)
_ACTS_POINTED = (
    r"signatures?|annonces?|declarations?|propositions?|decisions?|ventes?|achats?"
    r"|livraisons?|contrats?|documents?|textes?|projets?|manoeuvres?|deals?|feuilles? de route"
)
"""An act or a thing just shown (« cette signature », « ce projet »): no kind of event the
reader could read on its own, unlike « cette réunion » (the meetings' chronology)."""
_POINTING = re.compile(
    r"\b(?:ce|cet|cette|ces) (?:organisations?|pays|accords?|traites?|alliances?|blocs?"
    r"|memorandums?|partenariats?|sommets?|forums?|exercices?|evenements?|etats?|rencontres?"
    r"|reunions?|visites?|plans?|groupes?|editions?|occasions?"
    # an act or a thing just shown (« qui a rendu publique cette signature ? »)
    rf"|{_ACTS_POINTED})\b"
)
_POINTING_ACT = re.compile(rf"\b(?:ce|cet|cette|ces) (?:{_ACTS_POINTED})\b")
"""A demonstrative and the kind of thing just asked about (« cette organisation », « ce pays »,
« cet accord »): the question points back at the previous subject, however long it is."""


_PRONOUN = re.compile(r"\b(?:ca|cela|il|elle|ils|elles)\b")
"""A pronoun that points back at the subject just asked about (« il a proposé ça quand ? »)."""


def _pronoun_adds_kind(index: Index, folded: str, previous: Asked, today: date | None) -> bool:
    """True when the question points back by a pronoun (« il », « ça »), names no actor of
    its own but a kind (« les manœuvres »), and the previous answer was a chronology or a
    list of agreements of actors: it asks that kind of those actors, not of everyone."""
    name, _, argument = previous.data.partition(" ")
    if name not in ("/timeline", "/accord") or not _PRONOUN.search(folded):
        return False
    if not read_filter(index, argument, today).filter.actors:
        return False
    own = read_filter(index, _content(index, folded), today).filter
    return bool(own.kinds) and not own.actors


def _of_same_actors(
    index: Index, folded: str, previous: Asked, today: date | None
) -> Understanding | None:
    """The chronology this question asks (its kind, act, period, themes) of the previous
    question's actors, said as a follow-up of it."""
    before = read_filter(index, previous.data.partition(" ")[2], today)
    new = read_filter(index, _content(index, folded), today)
    wanted = replace(new.filter, actors=before.filter.actors)
    reading = Reading(wanted, new.ignored, latest=new.latest, acts=new.acts)
    words = ["chronologie", *_filter_words(index, reading, ids=True), *new.ignored]
    found = understand(index, " ".join(words), today)
    if found is None:
        return None
    return replace(found, said=f"{_thread(index, previous)} — {found.said}")


def _names_own_subject(index: Index, folded: str, today: date | None) -> bool:
    """True when the question names an actor of its own (« ce pays, la Turquie ? »)."""
    return bool(read_filter(index, _POINTING.sub(" ", folded), today).filter.actors)


def _points_at_line(index: Index, folded: str, previous: Asked) -> bool:
    """True when the noun after the question's demonstrative is in a line of the previous
    answer or of its actors' entries (« ce mémorandum »: ``pointed`` picks that line)."""
    listed = subject_entries(index, previous.lines)
    if any(holds_pointed(index, entry, folded) for entry in listed):
        return True
    return pointed_in_thread(index, folded, listed, previous.data) is not None


MOST_FOLLOW_UP_WORDS = 8
"""A follow-up is short: longer questions stand on their own."""


def follow_up(
    index: Index, text: str, previous: Asked | None, today: date | None = None
) -> Understanding | None:
    """« et en 2025 ? », « et avec la Grèce ? », « et les accords ? »: the previous question
    with the parts this one names put in place of the same parts (an actor for an actor, a
    period for a period), read as one question; None when ``text`` is not a follow-up."""
    if previous is None:
        return None
    folded = fold(text)
    members = _members_of_previous(index, folded, previous, today)
    if members is not None:  # « et qui en sont les membres ? » after the OTS: its card
        card = _card(members, f"fiche — {members.name} (ses membres)")
        return replace(card, said=f"{_thread(index, previous)} — {card.said}")
    opening = _FOLLOW_UP.match(folded)
    # a search's words hold what it asked besides its subject: a long question pointing back at
    # it keeps its own words (« … les domaines de ce plan de coopération ? » stands alone)
    searched = previous.data.startswith("/cherche")
    pointing = _POINTING.search(folded) if opening is None and not searched else None
    if (
        pointing is None
        and opening is None
        and len(folded.split()) <= MOST_FOLLOW_UP_WORDS
        and not _slot_of_same_subject(index, folded, previous, False, today)
        and not _points_at_line(index, folded, previous)
    ):  # « qui a rendu cette signature publique ? » after a search: short, it points back at
        pointing = _POINTING_ACT.search(folded)  # its subject (a line it names: ``pointed``)
    pointed = pointing is not None and not _names_own_subject(index, folded, today)
    if pointing is not None and pointed:
        # « c'est qui les membres de cette organisation ? »: of the subject just asked about
        folded = f"{folded[: pointing.start()]} {folded[pointing.end() :]}".strip(" ?")
    if (
        opening is None
        and asks_weekday(folded)
        and not read_filter(index, text, today).understood()
    ):
        # « c'était un mardi ? »: the weekday of what was just shown (said by respond_in_thread)
        return Understanding(
            previous.command,
            previous.data,
            f"{_thread(index, previous)}, même sujet",
        )
    if opening is None and (pointed or _bare_follow_up(index, folded, today)):
        rest = folded  # « sa fonction ? », « date ? », « … de cette organisation ? »
    elif opening is None and _pronoun_adds_kind(index, folded, previous, today):
        return _of_same_actors(index, folded, previous, today)  # « il a proposé ça quand, et
        # les manœuvres ? »: that kind, of the actors just asked about
    elif _slot_of_same_subject(index, folded, previous, opening is not None, today):
        # « et il s'est ouvert quel jour, ce forum ? », « aliyev a vu qui côté US »: one detail
        # of the subject just asked about, however many words ask it
        return _slot_follow_up(index, folded, previous, opening, today, text)
    elif opening is None or len(folded.split()) > MOST_FOLLOW_UP_WORDS:
        return None
    else:
        rest = folded[opening.end() :].strip()
    if not rest:
        return None
    name, _, argument = previous.data.partition(" ")
    name = name.lstrip("/")
    subject = previous.command.partition(" ")[2]
    if opening is None and asked_figure(folded) and subject:  # « combien de pays ? »: of
        found = understand(index, f"{rest} {subject}", today)  # what was just asked
        if found is not None and found.counted:
            return replace(found, said=f"{_thread(index, previous)} — {found.said}")
    if name == "cherche":
        asked = rest
        if opening is None:  # « c'est lesquelles ? »: its asking words are not searched
            rest = " ".join(word for word in rest.split() if word not in ASKING_ONLY) or rest
        found = understand(index, f"{argument} {rest}", today)
        if found is not None and found.unsaid:  # only this question's own words are said
            own = set(fold(rest).split())
            found = replace(found, unsaid=tuple(w for w in found.unsaid if fold(w) in own))
        if found is not None and opening is None:  # « qui est contre ? »: what this one asks,
            found = replace(  # of the same subject (the entries that hold the passage
                found,  # just shown), what this one asks
                kind=asked_type(asked),
                several=asks_several(asked),
                shown=previous.shown,
            )
        elif found is not None and asked_type(asked):  # « et qui l'a organisé ? »: the same
            found = replace(  # subject's entries first, never a sentence that only shares
                found,  # the previous question's verb (« tenu »: a ceremony) — issue 22, C7
                kind=asked_type(asked),
                shown=previous.shown,
            )
        if found is not None:
            found = replace(found, verbs=previous.verbs | question_verbs(asked))
    elif opening is None and all(_asks_only(word) for word in rest.split()):
        # « objet ? », « lieu ? » after a card or a list: the same view, its details in it
        found = Understanding(previous.command, previous.data, "même sujet")
    else:
        found = _merged(index, name, argument, rest, today)
    if found is None:
        return None
    said = f"{_thread(index, previous)} — {found.said}"
    if name == "cherche" and found.data.startswith(f"/cherche {argument} "):
        added = found.data[len(f"/cherche {argument} ") :]  # the search, with this word more
        added = subject_said(index, asked, added)  # « depuis » is no subject: same one
        said = f"{_thread(index, previous)}, " + (f"avec « {added} »" if added else "même sujet")
    elif found.data == previous.data:  # « signé quand ? »: same words
        said = f"{_thread(index, previous)}, même sujet"
    return replace(found, said=said)


def _thread(index: Index, previous: Asked) -> str:
    """« suite de « … » »: the previous question as the « Compris » line says it."""
    return thread_said(index, previous.command, previous.typed)


def _slot_of_same_subject(
    index: Index, folded: str, previous: Asked, opened: bool, today: date | None
) -> bool:
    """True when the question asks one detail (who, when, where, which, how many) and names
    nothing the previous subject lacks: no actor outside it, no period of its own. Without an
    opening « et … », it must also name one of the previous subject's actors and no kind of
    thing the previous question did not ask about (« aliyev a vu qui côté US » after the US
    accord, a card shown again with the detail in it), so that a fresh question (« qui a
    signé le plan de défense ? », « lieu des manœuvres OTS ? ») stands alone."""
    if not (asked_type(folded) or _ASKS_WHICH.search(folded)):
        return False
    argument = previous.data.partition(" ")[2]
    if previous.data.startswith(("/start", "/aide", "/sources")) or not argument:
        return False
    before = read_filter(index, argument, today).filter
    own = read_filter(index, _content(index, folded), today).filter
    if own.start is not None or own.end is not None:
        return False  # « et en 2025, qui … ? » merges a period: read by _merged
    home = index.base.vocabulary.home  # every entry is about it: « à Bakou » names no new one
    if not set(own.actors) - {home} <= set(before.actors):
        return False
    if opened:
        return True
    if previous.data.startswith("/cherche "):
        return False  # a search's subject is its words: « lieu des manœuvres OTS ? » stands alone
    new_kinds = [kind for kind in own.kinds if kind not in before.kinds]
    return (
        bool(set(own.actors) - {home})
        and all(_said_in_lines(index, previous, kind) for kind in new_kinds)
        and not (set(own.topics) - set(before.topics))
    )


def _said_in_lines(index: Index, previous: Asked, kind: str) -> bool:
    """True when a line of the previous answer is of ``kind`` or its summary names it (« a
    rencontré » after an accord signed « à l'issue d'une rencontre »)."""
    vocabulary = index.base.vocabulary
    terms = [*vocabulary.event_types, *vocabulary.agreement_kinds]
    words = [fold(w) for term in terms if term.id == kind for w in (term.label, *term.aliases)]
    for entry_id in previous.lines:
        entry = index.entries.get(entry_id)
        summary = fold(entry.summary) if entry is not None else ""
        if any(re.search(rf"\b{re.escape(word)}", summary) for word in words):
            return True
    return False


_ASKS_WHICH = re.compile(r"\b(?:quel|quelle|quels|quelles|lequel|laquelle)\b")
"""« quel média … ? », « laquelle … ? »: a question asking which one of something."""


def _slot_follow_up(
    index: Index,
    folded: str,
    previous: Asked,
    opening: re.Match[str] | None,
    today: date | None,
    text: str = "",
) -> Understanding | None:
    """The previous subject, asked one detail more: a search goes on with this question's own
    words (ranked within the entries of the passage just shown), any other view is shown again
    (its card or lines hold the detail)."""
    rest = folded[opening.end() :].strip() if opening is not None else folded
    name, _, argument = previous.data.partition(" ")
    if name != "/cherche":
        return Understanding(
            previous.command,
            previous.data,
            f"{_thread(index, previous)}, même sujet",
        )
    words = [word for word in rest.split() if not _asks_only(word)]
    found = understand(index, f"{argument} {' '.join(words)}".strip(), today)
    if found is None:
        return None
    own = set(words)
    typed = {fold(word): word for word in re.findall(r"\w+", text)}  # « relayé » as typed
    found = replace(
        found,
        unsaid=tuple(typed.get(fold(w), w) for w in found.unsaid if fold(w) in own),
        kind=asked_type(rest),
        several=asks_several(rest),
        shown=previous.shown,
        verbs=previous.verbs | question_verbs(text or rest),  # « tenu » stays a verb
    )
    said = f"{_thread(index, previous)}, même sujet"
    if found.data.startswith(f"{previous.data} "):
        added = found.data[len(previous.data) + 1 :]
        if previous.data.startswith("/cherche "):  # searched words: the subject ones only
            added = subject_said(index, text or rest, added)  # (« depuis » is none)
        if added:
            said = f"{_thread(index, previous)}, avec « {added} »"
    return replace(found, said=said)


ANAPHORA = frozenset(
    [
        "sa",
        "son",
        "ses",
        "leur",
        "leurs",
        "ce",
        "cet",
        "cette",
        "ces",
        "autre",
        "autres",
        "y",
        "lui",
    ]
)
"""Words by which a short question points back at what was just asked (« sa fonction ? »)."""
ASKING_ONLY = frozenset(
    " ".join(
        (
            "date dates quand lieu ou qui combien volume volumes montant fonction poste role",
            "nom noms chiffre chiffres periode duree pourquoi comment quoi quel quelle quels",
            "quelles exactement precisement exact exacte exacts exactes precis precise",
            "lequel laquelle lesquels lesquelles ceux celles celui celle combien nb nbre",
            "contre pour signe signes signee signees signer signature annonce annonces",
            "annoncee propose proposes proposee decide decidee participe participants",
            "membres membre parties partie objet objectif objectifs but buts contenu teneur",
            "portee endroit ville montant montants somme budget cout",
        )
    ).split()
)
"""Words that only ask for one more detail of the thing just asked about (« date ? », « qui est
contre ? », « signé quand ? », « c'est lesquelles ? »): none of them names a subject."""
MOST_BARE_WORDS = 4
MOST_ASKING_WORDS = 7
"""A longer question still points back when every word of it only asks (« il a quelle
fonction, lui ? »): none names a subject."""


def _asks_only(word: str) -> bool:
    """True for a word that names no subject (« objet », « quand », « de »)."""
    return word in ASKING_ONLY or word in SOFT_WORDS or is_stop(word) or word in QUESTION_WORDS


def _bare_follow_up(index: Index, folded: str, today: date | None) -> bool:
    """True when a short question names no subject of its own and points back at the last
    one: it opens with a word like « sa », « ce », « autres », holds one and names nothing
    (« qui s'y oppose ? »), or only asks for a detail (« date ? », « lieu ? », « volumes ? »)."""
    words = folded.split()
    if not words:
        return False
    if len(words) > MOST_BARE_WORDS:  # « il a quelle fonction, lui ? »: only asking words
        return (
            len(words) <= MOST_ASKING_WORDS
            and all(
                word in ASKING_ONLY or is_stop(word) or word in QUESTION_WORDS for word in words
            )
            and any(word in ASKING_ONLY and not is_stop(word) for word in words)
        )
    if words[0] in ANAPHORA:
        return True
    if set(words) & ANAPHORA and not read_filter(index, folded, today).understood():
        return True
    if asked_figure(folded) and all(
        word in ASKING_ONLY or word in SOFT_WORDS or is_stop(word) for word in words
    ):
        return True  # « combien de pays ? », « nombre de participants ? »: of the last subject
    if _LIST_INTENT.search(folded):  # « quels pays ? » lists the countries, even in a thread
        return False
    return all(
        word in ASKING_ONLY or word in SOFT_WORDS or is_stop(word) or word in QUESTION_WORDS
        for word in words
    )


_LIST_INTENT = re.compile(
    "|".join(pattern for name, pattern in _INTENTS if name in ("help", "sources", "countries"))
    + r"|\b(?:quelles organisations|liste des organisations)\b"
)
"""A short question that asks for a whole list or for help stands on its own."""


def _merged(
    index: Index, name: str, argument: str, rest: str, today: date | None
) -> Understanding | None:
    before = read_filter(index, argument, today) if name != "start" else Reading(TimelineFilter())
    content = _content(index, rest)
    new = read_filter(index, content, today)
    intents = _intents(_folded(rest))
    old, add = before.filter, new.filter
    dated = add.start is not None or add.end is not None
    merged = TimelineFilter(
        add.start if dated else old.start,
        add.end if dated else old.end,
        add.actors or old.actors,
        add.topics or old.topics,
        add.kinds or old.kinds,
    )
    reading = Reading(merged, new.ignored, latest=new.latest, acts=new.acts or before.acts)
    agreement_kinds = {"accord"} | {t.id for t in index.base.vocabulary.agreement_kinds}
    about_agreements = (
        "agreements" in intents or new.acts or (add.kinds and set(add.kinds) <= agreement_kinds)
    )
    if about_agreements or (name == "accord" and not {"timeline", "when"} & set(intents)):
        view = "accords"
    elif {"timeline", "when", "news"} & set(intents) or name == "timeline":
        view = "chronologie"
    elif len(merged.actors) == 1 and merged == TimelineFilter(actors=merged.actors):
        view = ""
    else:
        view = "chronologie"
    words = [view, *_filter_words(index, reading, ids=True), *new.ignored]
    return understand(index, " ".join(word for word in words if word), today)


READER_WORDS = frozenset(
    fold(word)
    for word in (*QUESTION_WORDS, *ASKING_ONLY, *SOFT_WORDS, *STOP_WORDS, *ANAPHORA)
    if " " not in word
)
"""The words the reader asks with, that a misspelt word may stand for (« qand »)."""
