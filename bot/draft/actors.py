"""Who a sentence is about: « le pays », « la république », « les deux pays » resolved to the
countries the article named just before; a country named only as the place where something
happened (« en Arménie », « à Bakou », « se tiendra au Kazakhstan ») kept apart as a place,
never proposed as a partner; a country named only by the nationality of fighters or people
who are not its state (« des miliciens syriens ») is not a partner either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.draft.analyse import ActorFinder, ActorHit

_ONE_COUNTRY = re.compile(
    r"\b(?i:le|du|au|ce|cet|son|sa|leur|notre)\s+pays\b(?!\s+(?:membres?|tiers|voisins?|"
    r"partenaires?|hôtes?|de|d['’]|des|du))"
    r"|(?<![Pp]résident )(?<![Pp]résident de )(?<![Pp]résidente )(?<![Pp]résidente de )"
    r"\b(?i:la|de la|cette)\s+[Rr]épublique\b"
    r"(?!\s+(?:[a-zà-ÿ-]+\s+)?(?:d|de|du|des)\b|\s+(?:populaire|islamique)\b)",
)
"""« le pays », « la République » just named; never « le président de la République », the
title of the head of state speaking (not the last country the quote names), nor « la république
autoproclamée du Nagorny Karabakh », a republic the words name themselves."""
_TWO_COUNTRIES = re.compile(
    r"\b(?i:les|des|aux)\s+deux\s+(?:peuples\s+et\s+)?"
    r"(?:pays|États|nations|capitales|délégations|parties|peuples)\b"
)


def names_a_pair(words: str) -> bool:
    """True for « les deux pays », « des deux parties »: a pair named earlier, not here."""
    return bool(_TWO_COUNTRIES.search(words))


_PLACE = re.compile(
    r"\b(?P<prep>en|à|au|aux|dans)\s+(?P<article>l['’]|le\s+|la\s+|les\s+)?"
    r"(?P<name>[A-ZÀ-Þ][\w’'-]+(?:[\s-][A-ZÀ-Þ][\w’'-]+)*)"
)
_LOCATED = re.compile(
    r"(?:s['’]est\s+rendue?s?|se\s+sont\s+rendus|se\s+rendra|se\s+tiendra|se\s+tient|"
    r"s['’]est\s+tenue?s?|se\s+déroul\w*|s['’]est\s+déroulée?s?|a\s+eu\s+lieu|aura\s+lieu|"
    r"organisée?s?|tenue?s?|en\s+visite|visites?|arrivée?s?|réunie?s?|séjourn\w*|basée?s?|stationnée?s?|"
    r"signée?s?|paraphée?s?|rencontrée?s?|reçue?s?|accueillie?s?|entretenue?s?|"
    r"(?:se|s['’])\s*(?:réuni\w*|rencontr\w*|retrouv\w*|tienn\w*|tiendr\w*|déroul\w*)|"
    r"(?:a|ont|avait|avaient|auront)\s+lieu|réunions?|sommets?|conférences?|déclarations?|"
    r"discours|allocutions?|interviews?|point\s+de\s+presse)"
    r"(?:,?\s+[\w’'-]+){0,4},?\s*$",
    re.IGNORECASE,
)
"""Words before « au Kazakhstan », « à l'… » that make it a place, not a recipient (a date
between them: « se sont réunis, les 3-4 avril, à Washington »); a meeting in any tense
(« se réunissent les 7-8 mars à Bruxelles », « le sommet … à Vilnius ») is held there."""
_ROUTE = re.compile(
    r"\b(?:(?P<way>vers|depuis|à\s+destination\s+(?:de|du|des)|en\s+direction\s+(?:de|du|des))"
    r"(?:\s+et\s+depuis)?|(?:en\s+)?contournant)\s+"
    r"(?:l['’]\s?|la\s+|le\s+|les\s+)?(?P<name>[A-ZÀ-Þ][\w’'-]+)"
)
"""« les transports vers et depuis l'Afghanistan », « en contournant la Russie » : where goods
or people go or which country a route avoids — geography, never a party."""
_NAMED_ROUTE = re.compile(
    r"\b(?:oléoducs?|gazoducs?|pipelines?|voies?\s+ferrées?|chemins?\s+de\s+fer|lignes?|"
    r"corridors?|routes?|autoroutes?|axes?|liaisons?|câbles?|projets?)"
    r"(?:\s+(?:ferroviaires?|routiers?|routières?|gazièr\w*|pétroli\w*|énergétiques?|"
    r"transcaspien\w*|de\s+transport))?\s+"
    r"(?P<name>(?-i:[A-ZÀ-Þ][\w’']+(?:\s?[-–]\s?[A-ZÀ-Þ][\w’']+){1,3}))",
    re.IGNORECASE,
)
"""« l'oléoduc Bakou-Tbilissi-Ceyhan », « la voie ferrée Bakou-Tbilissi-Kars » : towns joined
by hyphens name a pipeline or a railway — the countries they lie in are no parties."""
_TRANSIT = re.compile(
    r"\b(?:transports?|transits?|acheminements?|hydrocarbures|pétrole|gaz|fret|marchandises|"
    r"voies?\s+(?:ferrées?|ferroviaires?)|corridors?|routes?|itinéraires?)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
"""« les transports multimodaux vers l'Afghanistan » : goods in transit go there; weapons
delivered « vers l'Azerbaïdjan » go to a buyer, flights « vers Ankara » to a partner."""
_REACTION = re.compile(
    r"\b(?:inquiétudes?|préoccupations?|colère|indignation|protestations?|réactions?|émoi|"
    r"consternation|satisfaction)\s*$",
    re.IGNORECASE,
)
"""« provoquent de profondes inquiétudes en Arménie » : the country that reacts, not a place."""
_TRADED = re.compile(
    r"\b(?:ventes?|livraisons?|exportations?|transferts?|importations?)(?:\s+[a-zà-ÿ]+)?\s+"
    r"(?:d['’]|de\s+)"
    r"[\w’'-]+(?:\s+[a-zà-ÿ-]+){0,2}\s*$",
    re.IGNORECASE,
)
"""« des ventes d'armes russes en Azerbaïdjan » : the country the goods go to, the buyer."""
_HOSTED = re.compile(
    r"\b(?:ambassades?|consulats?|représentations?\s+diplomatiques?)\b(?:\s+[\w’'-]+){0,3}\s*$",
    re.IGNORECASE,
)
"""« ouvert la première ambassade de Bakou en Israël » : the country that hosts a mission is a
party of its opening, not the place where it happens."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """A phrase that names an actor without its name, and whom it names."""

    words: str
    actor: str
    note: str | None = None
    """Where the link comes from when not the article (« nommé Aliyev dans 10 entrées de la
    base, toutes avec AZ »)."""


def _is_country(actor_id: str) -> bool:
    return len(actor_id) == 2 and actor_id.isupper()


def _positions(text: str, finder: ActorFinder) -> list[tuple[int, str, str]]:
    """(position, actor id, words) of every actor mention of ``text``, in order."""
    found: list[tuple[int, str, str]] = []
    for match in re.finditer(r"[^,;:()]+", text):
        for hit in finder.find(match.group(0)):
            where = text.find(hit.text, match.start())
            found.append((where if where >= 0 else match.start(), hit.id, hit.text))
    return sorted(set(found))


_POSSESSIVE = re.compile(r"^(?i:son|sa|notre)\s")
"""« son pays », « notre pays »: the speaker's country when the sentence names the speaker."""


def _speaker_country(text: str, speakers: dict[str, str]) -> str | None:
    """The one country of the officials ``text`` names (« Hasanov » → AZ), else None."""
    named = {
        country
        for name, country in speakers.items()
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    }
    return named.pop() if len(named) == 1 else None


_TITLE_DEMONYM = re.compile(
    r"\b(?:ministre|vice-ministre|président|premier\s+ministre|ambassadeur|porte-parole|"
    r"chef\s+de\s+la\s+diplomatie|dirigeant)\s+(?P<demonym>[a-zà-ÿ-]{4,})\b"
)
"""« le ministre azerbaïdjanais a mis en valeur … de son pays » : the speaker by his
nationality, no name needed."""


def _titled_country(text: str, finder: ActorFinder) -> str | None:
    """The one country of the officials ``text`` names by title and nationality."""
    found = set()
    for match in _TITLE_DEMONYM.finditer(text):
        found |= {hit.id for hit in finder.find(match.group("demonym")) if _is_country(hit.id)}
    return found.pop() if len(found) == 1 else None


def speaker_country(text: str, speakers: dict[str, str]) -> str | None:
    """The one country of the officials ``text`` names (« a indiqué M. Aliev » → AZ)."""
    return _speaker_country(text, speakers)


_MEDIATION = re.compile(
    r"\b(?:assur\w*|jou\w*|men\w*|exer[cç]\w*)\s+(?:la\s+|une\s+|le\s+rôle\s+de\s+|"
    r"un\s+rôle\s+de\s+)?(?:médiation|médiat(?:eur|rice))\b"
    r"|\b(?:en\s+tant\s+que|comme)\s+médiat(?:eur|rice)\b",
    re.IGNORECASE,
)


def mediator(text: str, finder: ActorFinder) -> str | None:
    """« La Russie, qui assurait la médiation entre les deux pays » : the country named last
    before the words of mediation — between the parties, none of them."""
    match = _MEDIATION.search(text)
    if match is None:
        return None
    before = [
        actor
        for pos, actor, _ in _positions(text, finder)
        if pos < match.start() and _is_country(actor)
    ]
    return before[-1] if before else None


def resolve(
    text: str, finder: ActorFinder, recent: list[str], speakers: dict[str, str] | None = None
) -> list[Resolved]:
    """« le pays », « les deux pays » in ``text``: the countries named just before (in the
    sentence, else in ``recent``, the article's countries by order of mention); « son pays »,
    « notre pays » said by an official the article gave a country (``speakers``): his."""
    if not _ONE_COUNTRY.search(text) and not _TWO_COUNTRIES.search(text):
        return []
    mentions = [(pos, actor, words) for pos, actor, words in _positions(text, finder)]
    mentions = [mention for mention in mentions if _is_country(mention[1])]
    here = {actor for _, actor, _ in mentions}
    found: list[Resolved] = []
    for match in _ONE_COUNTRY.finditer(text):
        before = [actor for pos, actor, _ in mentions if pos < match.start()]
        # « s'est rendu en Azerbaïdjan, … un ministre israélien … dans ce pays » : a country
        # stands for a country's name (or its capital), never for a nationality's adjective
        by_name = [
            actor for pos, actor, words in mentions if pos < match.start() and words[:1].isupper()
        ]
        # a country the sentence names itself is its partner, not « le pays » it speaks of
        earlier = [actor for actor in recent if actor not in here]
        named = (by_name or before or earlier)[-1:]
        speaker = _speaker_country(text, speakers or {}) or _titled_country(
            text[: match.start()], finder
        )
        if speaker is not None and _POSSESSIVE.match(match.group(0)):
            named = [speaker]
        found += [Resolved(match.group(0), actor) for actor in named]
    between = mediator(text, finder)
    for match in _TWO_COUNTRIES.finditer(text):
        before = [actor for pos, actor, _ in mentions if pos < match.start()]
        # the mediator of « les deux pays » is between them, never one of the pair
        pool = [a for a in dict.fromkeys(reversed([*recent, *before])) if a != between]
        speaker = _speaker_country(text, speakers or {})
        if speaker is not None and speaker not in pool[:2] and len(set(before) - {speaker}) < 2:
            # « En recevant des responsables turcs, le ministre Hasanov a affirmé que cela sert
            # les intérêts des deux pays » : the pair holds the speaker's own country
            pool = [speaker, *(actor for actor in pool if actor != speaker)]
        also = [
            actor
            for actor in dict.fromkeys(reversed([*recent[-4:], *before]))
            if actor not in pool[:2]
        ]
        note = (
            f"paire déduite des derniers pays nommés ; {', '.join(also)} aussi nommé juste "
            "avant : vérifier"
            if also
            else None
        )
        pool = pool[:2]
        if len(pool) == 2:
            found += [Resolved(match.group(0), actor, note) for actor in reversed(pool)]
    return found


_OFFICIAL = re.compile(
    r"\b(?:ministre|vice-ministre|président|vice-président|premier ministre|ambassadeur|chef|"
    r"commandant|homologue|porte-parole)\s+(?P<demonym>[a-zà-ÿ-]+)"
    r"(?:\s+(?:de|des|du)\s+(?:la\s+|l['’])?(?!la\s|le\s|les\s)[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?"
    r",?\s+(?P<name>[A-ZÀ-Þ][\w-]+(?:\s+[A-ZÀ-Þ][\w-]+){0,2})"
)
"""« le ministre azerbaïdjanais de la Défense, Zakir Hasanov »: an official and his country
(never « le vice-ministre turc de la Défense est arrivé », whose « Défense » is no name)."""


_APPOSITION = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w-]+(?:\s+[A-ZÀ-Þ][\w-]+){0,2}),\s+(?P<title>(?:le\s+|la\s+|l['’])?"
    r"(?:ministre|vice-ministre|président|vice-président|premier ministre|ambassadeur|chef|"
    r"commandant|porte-parole|général|conseiller)\b[^,;.]{0,80}),"
)
"""« Hikmat Mirzayev, commandant des Forces spéciales azerbaïdjanaises, » : a name, then his
title in apposition, naming one country."""


_LISTED = re.compile(
    r"(?:\b(?:ministres|chefs|commandants|présidents)\b[^,]*?\s|,\s+(?:et\s+)?)"
    r"(?P<demonym>[a-zà-ÿ-]{4,}),\s+(?P<name>[A-ZÀ-Þ][\w-]+(?:\s+[A-ZÀ-Þ][\w-]+){0,2})"
)
"""« Les ministres de la Défense turc, Hulusi Akar, azerbaïdjanais, Zakir Hasanov, et
géorgien, Juansher Burchuladze » : each name after its nationality."""


def officials(text: str, finder: ActorFinder) -> dict[str, str]:
    """Surnames of officials the sentence gives a country (« Hasanov » → AZ), by a title before
    the name (« le ministre azerbaïdjanais de la Défense, Zakir Hasanov ») or after it, in
    apposition (« Hikmat Mirzayev, commandant des Forces spéciales azerbaïdjanaises, »)."""
    found: dict[str, str] = {}
    for match in _OFFICIAL.finditer(text):
        hits = finder.find(match.group("demonym"))
        if hits and _is_country(hits[0].id):
            found[match.group("name").split()[-1]] = hits[0].id
    for match in _LISTED.finditer(text):
        hits = finder.find(match.group("demonym"))
        if hits and _is_country(hits[0].id):
            found.setdefault(match.group("name").split()[-1], hits[0].id)
    for match in _APPOSITION.finditer(text):
        countries = {hit.id for hit in finder.find(match.group("title")) if _is_country(hit.id)}
        if len(countries) == 1:
            found.setdefault(match.group("name").split()[-1], countries.pop())
    return found


def organisation_officers(
    text: str, finder: ActorFinder, offices: tuple[tuple[str, str], ...]
) -> dict[str, str]:
    """Surnames of people the sentence introduces by an organisation's office, in apposition
    (« le général Curtis M. Scaparrotti, commandant suprême des forces alliées en Europe »)
    → that organisation, when the base holds it: he speaks for it wherever he speaks again."""
    found: dict[str, str] = {}
    for office, organisation in offices:
        if organisation not in finder.known:
            continue
        for match in re.finditer(
            r"(?P<name>(?:[A-ZÀ-Þ][\w’'-]+\s+|[A-Z]\.\s+){0,3}[A-ZÀ-Þ][\w’'-]{3,}),\s+"
            + re.escape(office),
            text,
        ):
            found.setdefault(match.group("name").split()[-1], organisation)
    return found


def country_laws(
    text: str, finder: ActorFinder, laws: tuple[tuple[str, str], ...]
) -> list[ActorHit]:
    """The countries whose law ``text`` names (« l'amendement 907 » → the United States):
    the law's country is an actor of what is told of it."""
    hits: dict[str, ActorHit] = {}
    for law, country in laws:
        found = re.search(rf"(?<![\w-]){re.escape(law)}(?![\w-])", text, re.IGNORECASE)
        if found is not None:
            hits.setdefault(country, ActorHit(country, found.group(0), country in finder.known))
    return list(hits.values())


def meets_counterparts(text: str, name: str) -> bool:
    """« entre Mevlut Cavusoglu et ses homologues pakistanais … » : the official named again is
    one side of the meeting with the countries the sentence names — his country is a party."""
    return bool(
        re.search(
            rf"(?<![\w-]){re.escape(name)}\s+et\s+(?:ses|son|sa|leurs?)\s+homologues?\b", text
        )
    )


def named_officials(text: str, people: dict[str, str]) -> list[Resolved]:
    """Officials of earlier sentences named again (« le ministre Hasanov ») → their country."""
    return [
        Resolved(name, country)
        for name, country in people.items()
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    ]


_NEIGHBOUR = re.compile(
    r"\b(?:(?i:frontali\w+|voisine?s?|limitrophes?)\s+(?:de|du|des|avec)|(?i:frontières?)\s+avec"
    r"|(?i:près|proche|non\s+loin)\s+de\s+la\s+(?i:frontière)\s+(?:de|du|des))\s+"
    r"(?:l['’]\s?|la\s+|le\s+|les\s+)?(?P<name>[A-ZÀ-Þ][\w’'-]+)"
)
"""« ce pays frontalier de l'Iran », « près de la frontière avec l'Arménie » : a neighbour or a
border, geography — not a party of what is told."""
_CONFLICT = re.compile(
    r"\b(?i:du|au|des|aux|sur\s+les?|dans\s+les?)\s+(?i:conflits?|guerres?|différends?|"
    r"contentieux|affrontements?|hostilités)\b(?:\s+(?!entre\b)[\w’'-]+){0,4}?\s+entre\s+"
    r"(?P<sides>(?:l['’]\s?|la\s+|le\s+|les\s+)?[A-ZÀ-Þ][\w’'-]+\s+et\s+"
    r"(?:l['’]\s?|la\s+|le\s+|les\s+)?[A-ZÀ-Þ][\w’'-]+)"
)
"""« dans le règlement du conflit du Haut-Karabagh entre l'Arménie et l'Azerbaïdjan » : the
sides of a conflict the sentence speaks about (a topic, a complement), not the parties of the
meeting or the thanks it tells; never « Le conflit entre … a repris », the conflict itself."""
_BEATEN = re.compile(
    r"\b(?i:célébr\w*|fête\w*|fêter|commémor\w*)\s[^.;]{0,40}?\b(?i:victoire)\b[^.;]{0,80}?\b(?i:face|sur)\s+(?i:à\s+l['’]\s?|à\s+la\s+|à\s+|aux?\s+|"
    r"l['’]\s?|la\s+|les\s+)?(?:(?i:forces|troupes|armées?)\s+)?(?P<side>[\w’'-]+)"
    r"|\b(?i:capturée?s?|saisie?s?|prise?s?)\s+(?i:aux|à\s+l['’]\s?|à\s+la|sur\s+les)\s+"
    r"(?P<taken>[A-ZÀ-Þ][\w’'-]+)"
)
"""« célébrer la victoire face aux forces arméniennes », « des armes capturées aux Arméniens » :
the side a celebrated victory beat, or arms were taken from — spoken about, not a party of the
visit or the parade the sentence tells (the war itself, « a remporté une victoire face à
l'Arménie », keeps its sides)."""


def _bystander_spans(text: str) -> list[tuple[int, int]]:
    spans = [match.span("name") for match in _NEIGHBOUR.finditer(text)]
    return spans + [match.span("sides") for match in _CONFLICT.finditer(text)]


def bystanders(text: str, finder: ActorFinder, hits: list[ActorHit]) -> list[ActorHit]:
    """Actors of ``text`` named only as a neighbour, a border (« près de la frontière avec
    l'Arménie ») or a side of a conflict spoken about: never a party of what the sentence
    tells, nor one of the pair « les deux pays » names next."""
    return _only_inside(text, _bystander_spans(text), finder, hits)


def places(text: str, finder: ActorFinder, hits: list[ActorHit]) -> list[ActorHit]:
    """Actors of ``text`` named only as where something happens or happened, or as the
    neighbour of a country (« frontalier de l'Iran »)."""
    spans: list[tuple[int, int]] = [match.span("name") for match in _NEIGHBOUR.finditer(text)]
    spans += [match.span("sides") for match in _CONFLICT.finditer(text)]
    for match in _PLACE.finditer(text):
        plain = match.group("prep") == "en" and not match.group("article")
        if plain and _TRADED.search(text[: match.start()]):
            continue  # the buyer of what is sold, not where it happens
        if plain and _REACTION.search(text[: match.start()]):
            continue  # the country that worries or protests: an actor
        if _HOSTED.search(text[: match.start()]):
            continue  # the host of an embassy: a party
        if not plain and not _LOCATED.search(text[: match.start()]):
            continue  # « à Bakou » after « soutien », « livrer » is whom, not where
        spans.append((match.start(), match.end()))
    spans += [match.span("name") for match in _NAMED_ROUTE.finditer(text)]
    for match in _ROUTE.finditer(text):
        if match.group("way") and not _TRANSIT.search(text[: match.start()]):
            continue  # flights, weapons, a delegation « vers Ankara »: whom, not only where
        spans.append(match.span("name"))
    return _only_inside(text, spans, finder, hits)


_NATIONALS = re.compile(
    r"\b(?:miliciens?|milices?|mercenaires?|combattants?|djihadistes?|jihadistes?|rebelles?|"
    r"insurgés?|volontaires?|réfugiés?|migrants?|ressortissants?|menaces?|occupations?|"
    r"séparatistes?|indépendantistes?|"
    r"supplétifs?|auxiliaires?|paramilitaires?)\s+"
    r"(?P<demonym>[a-zà-ÿ-]+)",
    re.IGNORECASE,
)
_PRO = re.compile(r"\b(?i:pro|anti)-(?P<demonym>[a-zà-ÿ]+)")
"""« les forces pro-arméniennes » : those who side with a country, never that country."""
_COUNTERPARTY = re.compile(
    r"(?:\bavec\s+(?:l['’]\s?|la\s+|le\s+|les\s+|une?\s+|des\s+)?(?:industriels?|sociétés?|"
    r"entreprises?|groupes?|constructeurs?|fabricants?|avionneurs?|motoristes?|firmes?|"
    r"conglomérats?|chantiers?)|\bproduits\s+de\s+l['’]\s?industrie)\s+"
    r"(?P<demonym>[a-zà-ÿ-]+)",
    re.IGNORECASE,
)
"""« des miliciens syriens », « des mercenaires libyens »: people of a country, not its state;
« un contrat avec l'industriel italien Leonardo »: a company, whose country is no
party to its contract; « la menace iranienne »: what is feared, neither a place nor a party;
« les régions libérées de l'occupation arménienne »: what the regions went through, no party
of what the sentence tells (« Les Parties soutiendront … »)."""


_GLOSS = re.compile(
    r"(?<![\w’'-])[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+)*\s*"
    r"\((?![A-Z]{2,}\))(?P<country>[A-ZÀ-Þ][\w’'-]+(?:[ -][\w’'-]+){0,2})\)"
)
"""« une interview à la Deutsche Welle (Allemagne) » : the country of a medium, a company or a
body, glossed in brackets after its name — whom the name belongs to, no party. An acronym in
brackets (« commandant suprême des forces alliées en Europe (SACEUR) ») is the name's own
abbreviation, no gloss."""


_MEDIUM = re.compile(
    r"\b(?:agences?(?:\s+de\s+presse|\s+d['’]\s?information)?|médias?|journal|journaux|"
    r"quotidiens?|hebdomadaires?|chaînes?(?:\s+de\s+télévision)?|télévisions?|radios?|"
    r"presse|sites?\s+d['’]\s?information)\s+(?P<demonym>[a-zà-ÿ-]+)",
    re.IGNORECASE,
)
"""« selon l'agence de presse russe », « la télévision iranienne » : the nationality of a news
medium — who reports, never a party of what is reported."""

_HISTORICAL = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w’'-]+)\s+(?:du\s+Caucase|caucasienne|antique|médiévale)\b"
    r"|\b(?:royaumes?|empires?|khanats?|principautés?)\s+(?:d['’]\s?|de\s+(?:l['’]\s?)?)"
    r"(?P<named>[A-ZÀ-Þ][\w’'-]+)"
)
"""« l'Albanie du Caucase », « le royaume d'Albanie » : an ancient kingdom that shares a name
with a country of today — a page of history, never that country as a party."""


def nationals(text: str, finder: ActorFinder, hits: list[ActorHit]) -> list[ActorHit]:
    """Actors of ``text`` named only by the nationality of fighters, militias, refugees… who do
    not act for their state, as a historical entity (« l'Albanie du Caucase ») or only as the
    bracketed country of a name (« Deutsche Welle (Allemagne) »): never proposed as a party
    (the curator decides)."""
    return _only_inside(text, _national_spans(text), finder, hits)


_RELATIVE_TAIL = re.compile(
    r",\s+(?:que|qu['’])\s*(?P<clause>[A-ZÀ-Þ][^,;:()«»\"]{3,120})[.!?]?\s*$"
)
"""« … des Caesar, que Paris fournit à Kiev. » : a relative clause closing the sentence, about a
thing the sentence names — the country only it names is spoken of, no party."""
_SAID_BEFORE = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:déclaré|dit|souligné|indiqué|noté|affirmé|"
    r"ajouté|précisé|rappelé|annoncé|estimé|assuré|expliqué|fait\s+savoir)\b"
    r"|\b(?:estime|pense|croit|déclare|affirme|souligne|indique|rappelle|ajoute)\b",
    re.IGNORECASE,
)


def _relative_spans(text: str) -> list[tuple[int, int]]:
    found = _RELATIVE_TAIL.search(text)
    if found is None or _SAID_BEFORE.search(text[max(0, found.start() - 80) : found.start()]):
        return []  # « a souligné, lors de sa visite, que la Turquie … » : what was said
    return [found.span("clause")]


def spoken_of(text: str, finder: ActorFinder, hits: list[ActorHit]) -> list[ActorHit]:
    """Actors of ``text`` named only in the ways ``nationals`` and ``bystanders`` set aside,
    one way or the other (« la menace iranienne …, l'Azerbaïdjan partageant une frontière avec
    l'Iran » names Iran as a threat and as a border, no party of the talks the sentence tells),
    or only in a relative clause closing it (« un contrat … Caesar, que Paris fournit à Kiev »)."""
    spans = _national_spans(text) + _bystander_spans(text) + _relative_spans(text)
    return _only_inside(text, spans, finder, hits)


def _national_spans(text: str) -> list[tuple[int, int]]:
    spans = [match.span("demonym") for match in _NATIONALS.finditer(text)]
    spans += [match.span("demonym") for match in _PRO.finditer(text)]
    spans += [
        match.span("side") if match.group("side") else match.span("taken")
        for match in _BEATEN.finditer(text)
    ]
    spans += [
        match.span("name") if match.group("name") else match.span("named")
        for match in _HISTORICAL.finditer(text)
    ]
    spans += [match.span("demonym") for match in _COUNTERPARTY.finditer(text)]
    spans += [match.span("country") for match in _GLOSS.finditer(text)]
    return spans


def media(text: str, finder: ActorFinder, hits: list[ActorHit]) -> list[ActorHit]:
    """Actors of ``text`` named only as the nationality of a news medium (« selon l'agence de
    presse russe »). The caller keeps those the article has already named as actors (« Selon
    le quotidien israélien Maariv, cet accord … » in an article on an Israeli sale)."""
    spans = [match.span("demonym") for match in _MEDIUM.finditer(text)]
    return _only_inside(text, spans, finder, hits)


def _only_inside(
    text: str, spans: list[tuple[int, int]], finder: ActorFinder, hits: list[ActorHit]
) -> list[ActorHit]:
    """The hits named inside ``spans`` of ``text`` and nowhere else in it."""
    if not spans:
        return []
    blanked = list(text)
    for start, end in spans:
        blanked[start:end] = " " * (end - start)
    elsewhere = {hit.id for hit in finder.find("".join(blanked))}
    inside = {hit.id for start, end in spans for hit in finder.find(text[start:end])}
    return [hit for hit in hits if hit.id in inside and hit.id not in elsewhere]


_HEAD_NAMED = re.compile(
    r"\b[Pp]résidente?\s+(?P<demonym>[a-zà-ÿ-]{4,})\s+(?P<name>[A-ZÀ-Þ][\w-]+"
    r"(?:\s+[A-ZÀ-Þ][\w-]+){0,2})"
)
"""« le président azerbaïdjanais Ilham Aliyev » : a head of state and his country (never
« le président du Comité … », whose title names no country of its own)."""
HEAD_TITLE = re.compile(
    r"\b(?:chef\s+de\s+l['’]\s?[EÉ]tat|présidente?\s+de\s+la\s+[Rr]épublique)(?![\w-])"
    r"(?!\s+(?:islamique\s+|populaire\s+|fédérale\s+)?(?:d['’]|de\s+|du\s+|des\s+))"
    r"(?!\s+[a-zà-ÿ-]{4,})"
)
"""« le chef de l'État », « le président de la République » with no country after it: the
head of state the article named before (« le chef de l'État turc » names its own)."""


def heads_of_state(text: str, finder: ActorFinder) -> set[str]:
    """The countries of the heads of state ``text`` names with their nationality (« le
    président azerbaïdjanais Ilham Aliyev et le président américain Donald Trump »)."""
    countries = set()
    for match in _HEAD_NAMED.finditer(text):
        hits = finder.find(match.group("demonym"))
        if hits and _is_country(hits[0].id):
            countries.add(hits[0].id)
    return countries


def head_of_state(text: str, finder: ActorFinder) -> str | None:
    """The one country of the head of state ``text`` names with his nationality, else None."""
    countries = heads_of_state(text, finder)
    return countries.pop() if len(countries) == 1 else None


def head_meant(heads: set[str], home: str) -> str | None:
    """Whose head « le chef de l'État » is, after the heads of state ``heads`` were named: the
    one named, else the country the base is about (``home``, the articles' own « chef de
    l'État ») when it is among them; None when that is not sure."""
    if len(heads) == 1:
        return next(iter(heads))
    return home if home in heads else None


_BARE_OFFICIAL = re.compile(
    r"\b(?:[Ll]e|[Dd]u|[Aa]u)\s+(?:vice-)?(?:ministre|président|premier ministre)"
    r"(?:\s+de\s+la\s+Défense|\s+des\s+Affaires\s+étrangères)?\s*,?\s+"
    r"(?P<name>[A-ZÀ-Þ][\w-]+(?:\s+[A-ZÀ-Þ][\w-]+){0,2})"
)
"""« Le ministre de la Défense, Yoav Gallant » : an official whose country the words omit."""


def subject_country(texts: list[str], finder: ActorFinder, home: str) -> str | None:
    """The one foreign country the article is about: named in at least two of its sentences
    (title included) and in more of them than any other country but ``home``."""
    counts: dict[str, int] = {}
    for text in texts:
        for actor in {hit.id for hit in finder.find(text) if _is_country(hit.id)} - {home}:
            counts[actor] = counts.get(actor, 0) + 1
    ranked = sorted(counts.items(), key=lambda pair: -pair[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def lead_official(text: str, finder: ActorFinder) -> Resolved | None:
    """The official a lead sentence names without a country (« Le ministre de la Défense,
    Yoav Gallant, doit se rendre à Bakou ») when the words right after his name give none:
    his surname, for the article's subject country to fill."""
    match = _BARE_OFFICIAL.search(text)
    if match is None:
        return None
    after = text[match.end() : match.end() + 40]
    if any(_is_country(hit.id) for hit in finder.find(match.group(0))) or re.match(
        r"\s*(?:de|du|des)\s", after
    ):
        return None
    return Resolved(match.group("name").split()[-1], "")
