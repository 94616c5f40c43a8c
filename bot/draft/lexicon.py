"""Word lists the draft tool reads French news text with: demonyms, capitals, noise lines.

Country names come from CLDR (Babel); CLDR has no demonyms, so the adjectives and capitals
a French article uses for a country are listed here, by ISO 3166 alpha-2 code (facts, not
prose). Each demonym is given in its masculine singular form; the feminine and plural forms
are derived (``-ais`` → ``-aise``, ``-aises`` ; ``-ien`` → ``-ienne``, ``-iens``…).
"""

from __future__ import annotations

DEMONYMS: dict[str, tuple[str, ...]] = {
    "AF": ("afghan",),
    "AL": ("albanais",),
    "DE": ("allemand",),
    "SA": ("saoudien",),
    "DZ": ("algérien",),
    "AM": ("arménien",),
    "AZ": ("azerbaïdjanais", "azéri"),
    "BY": ("biélorusse", "bélarusse"),
    "BE": ("belge",),
    "BG": ("bulgare",),
    "CN": ("chinois",),
    "KR": ("sud-coréen",),
    "KP": ("nord-coréen",),
    "HR": ("croate",),
    "DK": ("danois",),
    "EG": ("égyptien",),
    "AE": ("émirien", "émirati"),
    "ES": ("espagnol",),
    "EE": ("estonien",),
    "US": ("américain", "étasunien"),
    "FI": ("finlandais",),
    "FR": ("français",),
    "GE": ("géorgien",),
    "GB": ("britannique", "anglais"),
    "GR": ("grec",),
    "HU": ("hongrois",),
    "IN": ("indien",),
    "ID": ("indonésien",),
    "IQ": ("irakien",),
    "IR": ("iranien",),
    "IE": ("irlandais",),
    "IL": ("israélien",),
    "IT": ("italien",),
    "JP": ("japonais",),
    "JO": ("jordanien",),
    "KZ": ("kazakh", "kazakhstanais"),
    "KG": ("kirghiz", "kirghize"),
    "LV": ("letton",),
    "LB": ("libanais",),
    "LY": ("libyen",),
    "LT": ("lituanien",),
    "MA": ("marocain",),
    "MD": ("moldave",),
    "MN": ("mongol",),
    "ME": ("monténégrin",),
    "NG": ("nigérian",),
    "NO": ("norvégien",),
    "NL": ("néerlandais",),
    "PK": ("pakistanais",),
    "PL": ("polonais",),
    "PT": ("portugais",),
    "QA": ("qatari", "qatarien"),
    "RO": ("roumain",),
    "RU": ("russe",),
    "RS": ("serbe",),
    "SK": ("slovaque",),
    "SI": ("slovène",),
    "SE": ("suédois",),
    "CH": ("suisse",),
    "SY": ("syrien",),
    "TJ": ("tadjik",),
    "CZ": ("tchèque",),
    "TM": ("turkmène",),
    "TR": ("turc", "turque"),
    "UA": ("ukrainien",),
    "UZ": ("ouzbek", "ouzbèke"),
}
"""Masculine singular demonyms by ISO code."""

CAPITALS: dict[str, str] = {
    "Islamabad": "PK",
    "Pékin": "CN",
    "Beijing": "CN",
    "Tel-Aviv": "IL",
    "Tel Aviv": "IL",
    "Jérusalem": "IL",
    "Téhéran": "IR",
    "Erevan": "AM",
    "Moscou": "RU",
    "Kiev": "UA",
    "Kyiv": "UA",
    "Tbilissi": "GE",
    "Paris": "FR",
    "Berlin": "DE",
    "Rome": "IT",
    "Bruxelles": "BE",
    "Astana": "KZ",
    "Tachkent": "UZ",
    "Bichkek": "KG",
    "Achgabat": "TM",
    "Budapest": "HU",
    "New Delhi": "IN",
    "Riyad": "SA",
    "Doha": "QA",
    "Abou Dhabi": "AE",
    "Minsk": "BY",
    "Varsovie": "PL",
    "Séoul": "KR",
    "Tokyo": "JP",
    "Le Caire": "EG",
    "Bagdad": "IQ",
    "Damas": "SY",
    "Athènes": "GR",
    "Rabat": "MA",
}
"""Capitals a French article uses as a metonym for the country."""


def inflections(demonym: str) -> tuple[str, ...]:
    """The forms of a masculine singular demonym: « pakistanais » → pakistanaise(s)."""
    forms = {demonym}
    if demonym.endswith("ien") or demonym.endswith("on"):
        forms |= {demonym + "ne", demonym + "nes", demonym + "s"}
    elif demonym.endswith(("ais", "ois", "is")):
        forms |= {demonym + "e", demonym + "es"}
    elif demonym.endswith("e"):
        forms |= {demonym + "s"}
    elif demonym == "grec":
        forms |= {"grecque", "grecques", "grecs"}
    elif demonym == "turc":
        forms |= {"turcs"}
    else:
        forms |= {demonym + "e", demonym + "es", demonym + "s"}
    return tuple(sorted(forms))


NOISE_PREFIXES: tuple[str, ...] = (
    "annonce publicitaire",
    "publicité",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire la suite",
    "voir aussi",
    "voir :",
    "voir:",
    "partager",
    "abonnez-vous",
    "inscrivez-vous",
    "newsletter",
    "[ad_",
    "photo :",
    "photo:",
    "crédit photo",
    "© ",
)
"""Starts of lines that are page furniture, never article text (compared casefolded)."""

BYLINE_PREFIXES: tuple[str, ...] = ("par ", "par:", "de notre correspondant", "auteur :")
PUBLISHED_PREFIXES: tuple[str, ...] = ("publié le", "publié", "date :", "date:", "le ")
UPDATED_PREFIXES: tuple[str, ...] = ("mis à jour le", "mis à jour", "modifié le", "actualisé le")
SOURCE_PREFIXES: tuple[str, ...] = ("source :", "source:", "sources :")

FUNCTION_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "au",
        "aux",
        "ce",
        "cet",
        "cette",
        "ces",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "nous",
        "vous",
        "selon",
        "par",
        "pour",
        "en",
        "dans",
        "sur",
        "sous",
        "avec",
        "sans",
        "et",
        "ou",
        "mais",
        "donc",
        "or",
        "ni",
        "car",
        "si",
        "plus",
        "moins",
        "outre",
        "parmi",
        "après",
        "avant",
        "depuis",
        "lors",
        "pendant",
        "contactée",
        "contacté",
        "toujours",
        "aussi",
        "ainsi",
        "cependant",
        "pourtant",
        "enfin",
        "alors",
        "déjà",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "notre",
        "nos",
        "votre",
        "vos",
        "mon",
        "ma",
        "mes",
        "tout",
        "toute",
        "tous",
        "toutes",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "cela",
        "ceci",
        "ceux",
        "celle",
        "celles",
        "celui",
        "qui",
        "que",
        "quoi",
        "dont",
        "où",
        "à",
        "a",
        "y",
        "ne",
        "pas",
        "retour",
    ]
)
"""Capitalised at a sentence start, these words are not proper names."""

TITLES = frozenset(["m", "mme", "mm", "dr", "pr", "me", "mgr"])
"""Civilities before a name (« M. Aliyev »): not part of the name."""
