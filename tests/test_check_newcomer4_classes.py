"""Issue 23, the fourth newcomer's articles: the classes of draft and check errors they met.

Each test would fail on the code before the fix (5826c29).
"""

from bot.content.support import check_support

PEACE_QUOTE = ", avec la médiation des États-Unis, ont signé"
UNDER_AEGIS = ", sous l'égide des États-Unis, ont signé"


def _reword(copy, new):
    """The seed and every quote of it say ``new`` (the quotes stay verbatim)."""
    for path in [copy.seeds / "otan-ots-menaces.txt", *copy.content.glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(PEACE_QUOTE, new), encoding="utf-8")


def _issues(copy):
    return [(issue.entry, issue.field, issue.message) for issue in check_support(copy.load())]


def test_check_accepts_sous_l_egide_de_as_mediation(copy):
    # the newcomer's ceasefire « sous l'égide de la Russie » was refused as mediation
    _reword(copy, UNDER_AEGIS)
    issues = _issues(copy)
    assert not [issue for issue in issues if issue[1] == "mediators"], issues


def test_check_still_refuses_a_mediator_the_quotes_never_say(copy):
    _reword(copy, " ont signé")
    issues = _issues(copy)
    assert [issue for issue in issues if issue[1] == "mediators"], issues


def test_a_party_under_whose_aegis_it_was_signed_is_said_to_be_a_mediator(copy):
    _reword(copy, UNDER_AEGIS)
    copy.edit(
        "agreements.yaml",
        "    parties: [AZ, AM]\n    mediators: [US]\n",
        "    parties: [AZ, AM, US]\n",
    )
    issues = _issues(copy)
    flagged = [issue for issue in issues if issue[1] == "roles.US"]
    assert any("mediators" in message for _entry, _field, message in flagged), issues
