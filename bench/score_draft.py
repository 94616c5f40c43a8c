"""Score the draft tool against hand-curated entries (issue 23, point 8).

    .tools/bin/uv run python bench/score_draft.py [-v] [--set NAME]   (NAME: a key of SETS)

Scores its sets, each a folder of articles/ (as pasted, with the curator's « # URL : »,
« # Date : », « # Média : » lines), content/*.yaml (the entries the curator kept) and, for
growth, evidence.yaml (quotes added to an entry already in the base, « même fait »):
- growth: tests/growth/, the five articles of the growth test (the tool was tuned on them);
- newcomer: bench/newcomer/, six articles that two newcomers curated by following the guide
  alone, with their reviewed entries as the reference of what right looks like;
- newcomer3: bench/newcomer3/, three more articles (MENA News relaying Nova, Afrique Asie,
  Barlamane) a third newcomer curated, with the « # URL : » and « # Média : » lines the page
  gave and the entries they kept after review;
- newcomer4: bench/newcomer4/, three more (insider-news.press on two Israeli satellites, AZERTAC
  on a Pakistani delegation, radio-plus.be on Jens Stoltenberg in Bakou) a fourth newcomer
  curated, with the entries they kept after review;
- newcomer5: bench/newcomer5/, three more (RIA Novosti 2009 on Araz Azimov and NATO, The Times
  of Israël on Yoav Gallant in Bakou, Yourtopia 2020 on Turkish arms sales) a fifth newcomer
  curated, with their entries as reviewed after (Israel a party of its minister's visit, the
  decade « années 1990 » as 1990/1999, the months of July to September as one period);
- newcomer6: bench/newcomer6/, three more (AZERTAC 2018 on Zakir Hassanov in Tachkent, Le
  Journal de l'Aviation on a C-27J contract with Leonardo, armenianclub.com 2010 on Anatoli
  Serdioukov in Bakou) a sixth newcomer curated, reviewed after (the dateline « 12 octobre »
  dates the meeting with the curator's year, deduced; a company's country is no party; « entamée
  mardi » is the Tuesday before the article's Saturday, deduced);
- newcomer7: bench/newcomer7/, three more (Boursier.com relaying Reuters 2023 on joint exercises
  with Turkey, Nouvelles d'Arménie 2021 on the Turkish-Russian centre in Aghdam, Press TV 2016 on
  an Iron Dome sale) a seventh newcomer curated, reviewed after (« prêtes à être livrées » is no
  delivery; « le 30 janvier » after a memorandum of 11 November 2020 is 2021, deduced);
- newcomer8: bench/newcomer8/, three more (the French Ministry of Defence's archived EMA page
  2014 on Zakir Hassanov in Paris, Perspectives Med 2021 on Caspian manoeuvres, Azvision.az
  2020 on a plan signed with Georgia) an eighth newcomer curated, reviewed after (« Mise à
  jour : 21/01/2014 » is no publication date; « venu pour signer » is an aim, act null; the
  year of an undated article read off « l'édition 2021 » is deduced);
- newcomer9: bench/newcomer9/, three more (RIA Novosti 2007 archived by Sputnik on Elmar
  Mamediarov and a NATO parliamentary delegation, Al-Manar 2012 on an IAI arms sale, AZERTAC
  2021 on the Shusha Declaration) a ninth newcomer curated, reviewed after (the outlet of a
  dateline is read in the text; the IPAP sentence is a quote added to paip-az-otan, in
  evidence.yaml; the mutual-assistance clause is the declaration itself, an agreement, act
  null; « l'occupation arménienne » makes Armenia no actor);
- newcomer10: bench/newcomer10/, three more (AZERTAC 2018 on a trilateral meeting in Giresun, La
  Presse relaying AFP 2021 on exercises with Turkey, Al-Manar 2014 on Moshe Yaalon in Bakou) a
  tenth newcomer curated, reviewed after (« du 30 mars au 3 avril 1918 » is the past a speech
  recalls; « ce pays frontalier de l'Iran » is Azerbaijan, Iran no actor; « ce qu'Ankara dément »
  is no delivery; the visit's date is the curator's, not the article's);
- newcomer11: bench/newcomer11/, three more (RIA Novosti 2007 on Ilham Aliev and NATO, Nouvelles
  d'Arménie 2020 on Hulusi Akar in Bakou, Le Courrier du Vietnam 2024 on a first Iran-Azerbaijan
  exercise) an eleventh newcomer curated, reviewed after (a medium's country, « Deutsche Welle
  (Allemagne) », is no party; the whole IPAP sentence is its own fact, the November visit its
  own event; the exercise sentence belongs to the first fact only).
- newcomer12: bench/newcomer12/, three more (Courrier.am 2021 on exercises at Kars, AZERTAC 2019
  on Zakir Hassanov and his Belarusian counterpart, Turquie News 2017 on Nurettin Canikli in
  Bakou) a twelfth newcomer curated, reviewed after (a sentence is in one entry only: « Depuis le
  1 février … » is the exercise's, « Pendant la rencontre … a félicité » the meeting's; the Turkish
  vice-minister's visit and Hasanov's remarks are two facts).
- newcomer13: bench/newcomer13/, three more (La Nouvelle Tribune 2025 on forty JF-17 bought from
  Pakistan, CCN Media on the exercise « Altyn Kyran – 2024 » in Kazakhstan, Israj on Aziz
  Nasirzadeh received by Ilham Aliyev) a thirteenth newcomer curated, reviewed after (« vient de »
  in an article its address files under 2025/06 is « ../2025-06-30 », reported; « Selon le plan
  commun » is no source; « Du 20 au 23 août » takes its year from « Altyn Kyran – 2024 »).
- newcomer15: bench/newcomer15/, three more (AZERTAC 2019 on Jens Stoltenberg and Azerbaijan,
  Press TV 2024 on an Iran-Azerbaijan exercise, Armenews relaying AFP 2020 on Erdogan in Bakou,
  kept hard-wrapped as pasted) a fifteenth newcomer curated, with their final entries (the PfP
  sentence is a quote added to partenariat-pour-la-paix, in evidence.yaml).
- newcomer16: bench/newcomer16/, three more (AZERTAC 2024 on Zakir Hassanov in Batumi, TASS
  relayed by fr.news-pravda.com 2024 on the Azerbaijani MoD and the French CAESAR contract,
  IsraelValley relaying Radio J on Yoav Gallant in Bakou) a sixteenth newcomer curated, with
  their final entries (the MoD's communiqué one declaration; the two meetings of Gallant two
  entries).
- newcomer17: bench/newcomer17/, three more (AZERTAC 2022 on Zakir Hassanov received by Imran
  Khan, CCN Media on the opening of ADEX-2024, La Gazette 2025 on Caspian Breeze - 2025) a
  seventeenth newcomer curated, with their final entries (the fair's opening one event with its
  attendees, what was shown one constat; the Kazakh MoD's announcement a declaration, reported).
- newcomer18: bench/newcomer18/, three more (AZERTAC 2019 on Zakir Hassanov and his Uzbek
  counterpart, LaPresse 2023 on the EU mission in Armenia, armenews relaying Trend on TurAz
  Falcon - 2021) an eighteenth newcomer curated, with their final entries (the meeting's « échange
  de vues » joins it; the communiqué and its « selon la même source » one declaration; the
  exercise's own sentences one event, its future end apart).
- newcomer19: bench/newcomer19/, three more (AZERTAC 2020 on Nebojsa Stefanovic in Bakou, the
  NSPA's page 2014 on the Jeyranchel clearance project, AA 2021 on the Islamabad trilateral) a
  nineteenth newcomer curated, with their final entries (the arrival and « La visite durera
  jusqu'au 12 août » one visit; the ceremony « récemment » and « du 8 juillet » one event; the
  announcement and its own quote one declaration; the 2017 meeting and the next one in Türkiye
  two facts cut from one sentence).
- newcomer20: bench/newcomer20/, three more (AZERTAC 2025 on a 2026 plan with Kazakhstan, i24NEWS
  2023 on a call between Zakir Hasanov and Yoav Gallant, Nor Haratch on Guido Crosetto in Bakou) a
  twentieth newcomer curated, with their final entries (the phone call a meeting with its « Au
  cours de la conversation » sentence; Israel's welcome in November a declaration; the protocol
  an « accord » holding only its own quote and the meeting as context; « dans ce cas » joined to
  the sentence it comments on).
- newcomer21: bench/newcomer21/, three more (AZERTAC 2022 on Turkish F-16s in joint exercises,
  Yahoo relaying RFI 2024 on the Russian peacekeepers' withdrawal, Sputnik Afrique 2021 on French
  demining funds) a twenty-first newcomer curated, with their final entries (the Sputnik quotes
  they added to the RFI war and deployment entries count as those entries' units; the mediator
  Russia is no party of the ceasefire; « séparatistes arméniens » is not Armenia).
- newcomer22: bench/newcomer22/, three more (AZERTAC 2020 on Zakir Hassanov and General Nadim Raza
  in Moscow, Bénin Web TV on Bakou condemning the French Bastion deliveries to Armenia, News-Front
  2020 on Caucase-2020) a twenty-second newcomer curated, with their final entries, reviewed
  after on one point (the meeting, what the minister said in it and « La réunion s'est penchée
  … » one meeting, dated by the dateline's day « déduit » as the guide says, where the curator
  wrote « rapporté »;
  the ministry's statement one constat; « ne participera pas » a declaration, not an exercise).
- newcomer23: bench/newcomer23/, three more (AZERTAC 2018 on Zakir Hassanov and the SACEUR Curtis
  Scaparrotti, La Gazette 2025 on Hassanov in Tel Aviv, Bakou24 2025 on the 907 amendment) a
  twenty-third newcomer curated, with their final entries (the visit and its meeting one event, the
  deputy ministers' talks another; each speaker's words one declaration).
- newcomer24: bench/newcomer24/, three more (AZERTAC 2025 on the « Partenariat indéfectible 2025 »
  exercise with the UAE, NATO 2023 on Javier Colomina in Armenia and Azerbaijan, Nouvelles d'Arménie
  2021 on Hassanov at Kars) a twenty-fourth newcomer curated, with their final entries (the closing
  ceremony joins the exercise; the visit and its meetings one fact; Lachin and normalisation one).
- newcomer25: bench/newcomer25/, three more (AZERTAC 2020 on Zakir Hassanov at the CIS defence
  ministers' council in Moscow, Yeni Şafak 2025 on a Somalia defence agreement, Azvision.az 2020 on
  a Milli Madjlis committee and two Turkish texts) a twenty-fifth newcomer curated, with their final
  entries (the minister's statements on Karabakh his declaration; the education agreement other
  ministers signed its own entry; two documents two agreements, on an agenda: act null).
Each article is drafted against the shipped base and each candidate compared with the curated
units.

A candidate *touches* a curated unit when one of its quotes and one of the unit's quotes hold
one another (typography normalised, case folded: a dateline the curator left in a quote is a
trivial difference). When a candidate touches several units that hold the same sentence (two
agreements signed in one sentence), the one of its section and kind is the one it touches. A
candidate is **right as drafted** when it touches exactly one unit and:
- for a new entry: same section (event, agreement, fact), same act (agreement) or type
  (event), same actors (parties for an agreement), same date — an open « ../D » the curator
  wrote for « récemment » equals the draft's D marked « rapporté » — and the same basis where
  the curator marked it inferred (« déduit ») or the draft did, every key quote of the
  unit among its quotes; the summary, title, topics and labels are the curator's to write;
- for a quote added to an existing entry: its first link is « même fait » with that entry.
A candidate whose act is done (signé, adhésion, approuvé, livré) while the draft reads a wish,
intention, plan, obligation or proposal in it is counted as an **intention drafted as an act**.
A quote the draft added only because it names the countries « les deux pays » stands for
(draft.named_in) touches nothing: it is context, not a second event merged in. Likewise a
sentence a curator copied into a unit as context (``key: false``) while another unit holds it
as a key quote is that other unit's: a candidate holding it is no merge.
A candidate touching no unit is **invented** (the curator kept none of its sentences); one
touching two is a **merge**; a unit no candidate touches is **missed**. Also checked: the
source's outlet, title and publication date (read, or given by the curator's « # » lines)
against the curated source.
Reported apart, **tenses as curated** (of the candidates touching one unit, those whose
``tense`` is the curator's — a conditional or a present a curator changes, which « right as
drafted » does not count) and **keys as curated**: of a touching candidate's quotes that its
unit holds, how many the draft marks `key` (or not) as the curator did — the key flags are
not part of « right as drafted », the summary being the curator's to write.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.content.yamlread import read_yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.loader import load_factbase  # noqa: E402
from bot.content.modality import modality_of  # noqa: E402
from bot.content.model import FactBase  # noqa: E402
from bot.draft.build import draft_article, draft_data  # noqa: E402
from bot.draft.links import Linker  # noqa: E402
from bot.paths import CONTENT_DIR, SEEDS_DIR  # noqa: E402
from bot.text import fold, normalise_typography  # noqa: E402

SETS = {
    "growth": ROOT / "tests" / "growth",
    "newcomer": ROOT / "bench" / "newcomer",
    "newcomer3": ROOT / "bench" / "newcomer3",
    "newcomer4": ROOT / "bench" / "newcomer4",
    "newcomer5": ROOT / "bench" / "newcomer5",
    "newcomer6": ROOT / "bench" / "newcomer6",
    "newcomer7": ROOT / "bench" / "newcomer7",
    "newcomer8": ROOT / "bench" / "newcomer8",
    "newcomer9": ROOT / "bench" / "newcomer9",
    "newcomer10": ROOT / "bench" / "newcomer10",
    "newcomer11": ROOT / "bench" / "newcomer11",
    "newcomer12": ROOT / "bench" / "newcomer12",
    "newcomer13": ROOT / "bench" / "newcomer13",
    "newcomer15": ROOT / "bench" / "newcomer15",
    "newcomer16": ROOT / "bench" / "newcomer16",
    "newcomer17": ROOT / "bench" / "newcomer17",
    "newcomer18": ROOT / "bench" / "newcomer18",
    "newcomer19": ROOT / "bench" / "newcomer19",
    "newcomer20": ROOT / "bench" / "newcomer20",
    "newcomer21": ROOT / "bench" / "newcomer21",
    "newcomer22": ROOT / "bench" / "newcomer22",
    "newcomer23": ROOT / "bench" / "newcomer23",
    "newcomer24": ROOT / "bench" / "newcomer24",
    "newcomer25": ROOT / "bench" / "newcomer25",
}
DONE = ("signe", "adhesion", "approuve", "livre")
"""Acts that say a thing was done: never drafted from a wish, intention, plan or proposal."""
SECTIONS = {"events": "événement", "agreements": "accord", "facts": "constat"}


def _norm(text: str) -> str:
    return normalise_typography(text).casefold().strip(" .")


@dataclass
class Unit:
    """What the curator kept from one article: an entry, or quotes added to one."""

    id: str
    section: str
    """events, agreements, facts, or « ajout » (quotes added to an entry of the base)."""
    act: str | None
    actors: frozenset[str]
    date: str | None
    basis: str | None
    kind: str | None
    quotes: list[str]
    keys: list[str]
    tense: str = "passé"
    touched_by: list[str] = field(default_factory=list)


def curated(root: Path) -> tuple[dict[str, list[Unit]], dict[str, dict[str, Any]]]:
    """Seed file name → its units; seed file name → its curated source."""
    sources: dict[str, dict[str, Any]] = {}
    entries: list[tuple[str, dict[str, Any]]] = []
    for path in sorted((root / "content").glob("*.yaml")):
        data = read_yaml(path.read_text(encoding="utf-8")) or {}
        for source in data.get("sources", []):
            sources[source["id"]] = source
        for section in SECTIONS:
            entries += [(section, entry) for entry in data.get(section, [])]
    units: dict[str, list[Unit]] = {}
    for section, entry in entries:
        by_seed: dict[str, list[dict[str, Any]]] = {}
        for item in entry["evidence"]:
            if item["source"] in sources:
                by_seed.setdefault(sources[item["source"]]["seed"], []).append(item)
        for seed, items in by_seed.items():
            actors = entry.get("actors") or entry.get("parties") or []
            units.setdefault(seed, []).append(
                Unit(
                    entry["id"],
                    section,
                    entry.get("act") if section == "agreements" else entry.get("type"),
                    frozenset(actors),
                    entry.get("date"),
                    entry.get("date_basis"),
                    entry.get("kind"),
                    [item["quote"] for item in items],
                    [item["quote"] for item in items if item.get("key")],
                    entry.get("tense") or "passé",
                )
            )
    additions = root / "evidence.yaml"
    added = read_yaml(additions.read_text(encoding="utf-8")) if additions.exists() else {}
    for addition in (added or {}).get("additions", []):
        by_seed = {}
        for item in addition["evidence"]:
            by_seed.setdefault(sources[item["source"]]["seed"], []).append(item)
        for seed, items in by_seed.items():
            quotes = [item["quote"] for item in items]
            units.setdefault(seed, []).append(
                Unit(addition["entry"], "ajout", None, frozenset(), None, None, None, quotes, [])
            )
    return units, {source["seed"]: source for source in sources.values()}


def _holds(one: str, other: str) -> bool:
    a, b = _norm(one), _norm(other)
    return a in b or b in a


def _same_date(draft: dict[str, Any], unit: Unit) -> bool:
    mine, theirs = draft.get("date"), unit.date
    if mine == theirs:
        return True
    return bool(
        theirs
        and theirs.startswith("../")
        and mine == theirs[3:]
        and draft.get("date_basis") == "rapporté"
    )


def judge(entry: dict[str, Any], section: str, unit: Unit) -> list[str]:
    """What differs between a candidate and the one unit it touches (empty: right)."""
    quotes = [item["quote"] for item in entry["evidence"]]
    if unit.section == "ajout":
        links = entry["draft"].get("links") or []
        first = links[0] if links else None
        if first is None or first.get("entry") != unit.id or first.get("relation") != "même fait":
            return [f"pas relié à {unit.id} (« même fait »)"]
        return []
    wrong: list[str] = []
    if section != unit.section:
        wrong.append(f"genre {SECTIONS[section]} ≠ {SECTIONS[unit.section]}")
    else:
        act = entry.get("act") if section == "agreements" else entry.get("type")
        if section != "facts" and act != unit.act:
            wrong.append(f"acte/type {act} ≠ {unit.act}")
    actors = frozenset(entry.get("actors") or entry.get("parties") or [])
    if actors != unit.actors:
        wrong.append(f"acteurs {','.join(sorted(actors))} ≠ {','.join(sorted(unit.actors))}")
    if section != "facts" and unit.section != "facts":
        if not _same_date(entry, unit):
            wrong.append(f"date {entry.get('date')} ≠ {unit.date}")
        elif unit.date and (entry.get("date_basis") == "déduit") != (unit.basis == "déduit"):
            wrong.append(
                f"date {entry.get('date_basis') or 'explicite'} ≠ {unit.basis or 'explicite'}"
            )
    missing = [key for key in unit.keys if not any(_holds(key, quote) for quote in quotes)]
    if missing:
        wrong.append(f"{len(missing)} citation(s) clé(s) à regrouper ici")
    return wrong


def _source_right(data: dict[str, Any], source: dict[str, Any]) -> list[str]:
    """Outlet, title and date of the drafted source against the curated one."""
    mine = data["sources"][0]
    notes = mine.get("draft", {})
    wrong = []
    if _norm(mine.get("title") or "") != _norm(source.get("title") or ""):
        wrong.append(f"titre « {mine.get('title')} »")
    published = mine.get("published") or (notes.get("published") or {}).get("value")
    curated_day = source.get("published")
    if curated_day and published != curated_day:
        wrong.append(f"date {published} ≠ {curated_day}")
    elif not curated_day and mine.get("published") and not mine.get("published_basis"):
        # an update line (« Mise à jour : 21/01/2014 ») is no publication date; a date the
        # curator gave or the address shows is recorded with its basis (published_basis),
        # which the curated sets, written before that field, could only say in their note
        wrong.append(f"date {mine.get('published')} ≠ non indiquée")
    if (mine.get("relayed_from") or None) != (source.get("relayed_from") or None):
        wrong.append(f"relais {mine.get('relayed_from')} ≠ {source.get('relayed_from')}")
    outlet = (notes.get("outlet") or {}).get("value")
    if outlet is None:
        wrong.append("média absent")
    elif mine.get("outlet_basis") and not source.get("outlet_basis"):
        # the agency of a dateline is the article's own words, not the curator's « # Média : »
        dateline = (notes.get("dateline") or {}).get("value") or ""
        if fold(outlet) in fold(dateline):
            wrong.append(f"média lu dans la ligne d'agence noté {mine['outlet_basis']}")
    return wrong


def _touched(
    entry: dict[str, Any], section: str, units: list[Unit], dateline: str | None
) -> list[Unit]:
    """The units a candidate touches; of several holding one sentence, those of its kind.

    A sentence the curator quoted in several units (« Nous pensons …, a souligné le président
    azerbaïdjanais », the attribution of a speech without quotation marks) touches them only
    when the candidate holds none of a unit's own sentences.

    A curator may quote the dateline (« Tbilissi, 23 mai, AZERTAC ») to carry the date: the
    draft records it as the source's dateline, so it neither touches nor is missing.
    """
    context = set(entry["draft"].get("named_in") or [])
    quotes = [item["quote"] for item in entry["evidence"] if item["quote"] not in context]
    if dateline:
        for unit in units:
            unit.quotes = [q for q in unit.quotes if _norm(q) != _norm(dateline)] or unit.quotes
            unit.keys = [q for q in unit.keys if _norm(q) != _norm(dateline)]
    touched = [u for u in units if any(_holds(q, uq) for q in quotes for uq in _own(u, units))]
    if len(touched) > 1:  # a sentence quoted in several units (who spoke) decides nothing
        shared = {
            _norm(q)
            for u in units
            for q in u.quotes
            if sum(_norm(q) in map(_norm, o.quotes) for o in units) > 1
        }
        own = [
            u
            for u in touched
            if any(_holds(q, uq) for q in quotes for uq in u.quotes if _norm(uq) not in shared)
        ]
        touched = own or touched
    if len(touched) > 1 and any(
        all(any(_holds(q, uq) for uq in u.quotes) for u in touched) for q in quotes
    ):  # one sentence in each (two agreements signed in it): the one of its kind
        same = [u for u in touched if u.section == section and u.kind == entry.get("kind")]
        if len(same) == 1:
            return same
    return touched


def _own(unit: Unit, units: list[Unit]) -> list[str]:
    """The unit's quotes but those it holds as context (``key: false``) while another unit of
    the article holds them as its key quotes (« Adopté en 1992, … » copied into the 2001 entry
    to say what « son application » is): a candidate holding that sentence is the other's, no
    merge."""
    others = {_norm(key) for other in units if other is not unit for key in other.keys}
    keys = {_norm(key) for key in unit.keys}
    return [q for q in unit.quotes if _norm(q) in keys or _norm(q) not in others] or unit.quotes


def _done_act(entry: dict[str, Any]) -> bool:
    """The entry's act, or for a fact the act its draft notes read (« livré »), is done."""
    act = entry.get("act") or entry["draft"].get("act") or ""
    return fold(act) in DONE


def _undone(entry: dict[str, Any]) -> dict[str, str] | None:
    """The modality the module reads in the candidate's key quotes, whatever the draft noted:
    a draft that missed « prêtes à être livrées » is still counted."""
    for item in entry["evidence"]:
        if item.get("key"):
            found = modality_of(item["quote"])
            if found is not None:
                return {"kind": found.kind, "words": found.words}
    return None


def _keys_as_curated(entry: dict[str, Any], unit: Unit) -> tuple[int, list[str]]:
    """Of the candidate's quotes the unit holds too, how many the draft marks key (or not)
    as the curator did; and the others, described. A figure apart from « right as drafted »:
    the summary and its key quotes are the curator's to settle."""
    if unit.section == "ajout":
        return 0, []
    same, disagree = 0, []
    for item in entry["evidence"]:
        if not any(_holds(item["quote"], quote) for quote in unit.quotes):
            continue
        curated_key = any(_holds(item["quote"], key) for key in unit.keys)
        if bool(item.get("key")) == curated_key:
            same += 1
        else:
            said = "clé ici, non clé" if item.get("key") else "non clé ici, clé"
            disagree.append(f"{said} chez le curateur : « {item['quote'][:60]}… »")
    return same, disagree


def score_set(
    name: str, root: Path, base: FactBase, linker: Linker, verbose: bool
) -> tuple[int, int]:
    """Draft every article of one set and print how each candidate compares."""
    units, sources = curated(root)
    totals = {"candidats": 0, "justes": 0, "inventés": 0, "fusions": 0, "manqués": 0}
    overstated = 0
    sources_right = 0
    keys_same = keys_all = 0
    tenses_same = tenses_all = 0
    articles = sorted((root / "articles").glob("*.txt"))
    print(f"== {name} ({root.relative_to(ROOT)})")
    for path in articles:
        text = path.read_text(encoding="utf-8")
        draft = draft_article(text, path.name, base, linker=linker)
        data = draft_data(draft, str(path))
        mine = units.get(path.name, [])
        lines: list[str] = []
        right = invented = merged = 0
        dateline = (data["sources"][0].get("draft", {}).get("dateline") or {}).get("read_from")
        candidates = [(s, e) for s in SECTIONS for e in data.get(s) or []]
        for section, entry in candidates:
            quotes = [item["quote"] for item in entry["evidence"]]
            modality = entry["draft"].get("modality") or _undone(entry)
            if modality and _done_act(entry) and modality.get("kind") != "futur":
                overstated += 1
                lines.append(f"  INTENTION PRISE POUR UN ACTE {entry['id']} ({modality})")
            touched = _touched(entry, section, mine, dateline)
            for unit in touched:
                unit.touched_by.append(entry["id"])
            first = quotes[0][:70]
            if not touched:
                invented += 1
                lines.append(f"  INVENTÉ  {entry['id']} : « {first}… »")
            elif len(touched) > 1:
                merged += 1
                names = ", ".join(unit.id for unit in touched)
                lines.append(f"  FUSION   {entry['id']} touche {names}")
            else:
                same, disagree = _keys_as_curated(entry, touched[0])
                if touched[0].section != "ajout":
                    tenses_all += 1
                    drafted = entry.get("tense") or "passé"
                    if drafted == touched[0].tense:
                        tenses_same += 1
                    else:
                        lines.append(f"  TEMPS    {entry['id']} : {drafted} ≠ {touched[0].tense}")
                keys_same += same
                keys_all += same + len(disagree)
                lines += [f"  CLÉ      {entry['id']} : {text}" for text in disagree]
                wrong = judge(entry, section, touched[0])
                if wrong:
                    lines.append(
                        f"  à corriger {entry['id']} → {touched[0].id} : {'; '.join(wrong)}"
                    )
                else:
                    right += 1
                    lines.append(f"  juste    {entry['id']} → {touched[0].id}")
        missed = [unit for unit in mine if not unit.touched_by]
        lines += [f"  MANQUÉ   {unit.id} : « {unit.quotes[0][:70]}… »" for unit in missed]
        source_wrong = _source_right(data, sources[path.name])
        sources_right += not source_wrong
        count = len(candidates)
        share = f"{100 * right / count:.0f} %" if count else "—"
        print(
            f"{path.name} : {right}/{count} justes ({share}), {invented} inventés, "
            f"{merged} fusions, {len(missed)} manqués ; source "
            + ("juste" if not source_wrong else "à corriger : " + ", ".join(source_wrong))
        )
        if verbose:
            print("\n".join(lines))
        totals["candidats"] += count
        totals["justes"] += right
        totals["inventés"] += invented
        totals["fusions"] += merged
        totals["manqués"] += len(missed)
    share = 100 * totals["justes"] / max(totals["candidats"], 1)
    print(
        f"Total {name} : {totals['justes']}/{totals['candidats']} candidats justes tels que "
        f"proposés ({share:.0f} %), {totals['inventés']} inventés, {totals['fusions']} fusions, "
        f"{totals['manqués']} faits manqués, {overstated} intention(s) proposée(s) comme un acte ; "
        f"sources justes {sources_right}/{len(articles)} ; clés comme le curateur "
        f"{keys_same}/{keys_all} citations ; temps comme le curateur {tenses_same}/{tenses_all}\n"
    )
    return totals["justes"], totals["candidats"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-v", "--verbose", action="store_true", help="chaque candidat")
    parser.add_argument("--set", choices=sorted(SETS), help="un seul jeu (défaut : tous)")
    args = parser.parse_args()
    base = load_factbase(CONTENT_DIR, SEEDS_DIR)
    linker = Linker(base)
    right = count = 0
    for name, root in SETS.items():
        if args.set in (None, name):
            one, all_ = score_set(name, root, base, linker, args.verbose)
            right, count = right + one, count + all_
    print(f"Total de tous les jeux : {right}/{count} ({100 * right / max(count, 1):.0f} %)")


if __name__ == "__main__":
    main()
