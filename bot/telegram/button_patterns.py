"""Handler patterns made from the route table, so PTB hands each callback its match.

``CallbackQueryHandler(pattern=route_pattern(route))`` matches a route's whole data (prefix,
separator and fields, no more); the callback reads the fields as ``context.matches[0].groups()``
and never matches the data again.
"""

from __future__ import annotations

import re

from bot.engine import routes


def route_pattern(route: routes.Route) -> re.Pattern[str]:
    """The whole data ``route`` writes, one group per field (as ``Route.parse`` reads it)."""
    head = re.escape(route.prefix + route.separator)
    return re.compile(f"{head}(?:{route.rest})\\Z", re.DOTALL)


def prefixes_pattern(family: tuple[routes.Route, ...]) -> re.Pattern[str]:
    """Data carrying any prefix of ``family``, with or without the « replace » mark ``~``
    (buttons the engine answers: it reads their fields itself)."""
    heads = "|".join(re.escape(route.prefix + route.separator) for route in family)
    return re.compile(f"{re.escape(routes.EDIT)}?(?:{heads})")


def fields(match: re.Match[str]) -> tuple[str, ...]:
    """The fields of a :func:`route_pattern` match, an absent optional field as ""."""
    return tuple(group or "" for group in match.groups())
