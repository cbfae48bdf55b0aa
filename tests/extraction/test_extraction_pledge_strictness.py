"""How strictly a pledge of effort is judged depends on the document's genre, and a few grammatical signs.

Each rule is shown in two publishers' styles (snippets written for these tests): a party's programme and a
newspaper for prose, a government fact sheet and a company press release for releases.
"""

import pytest

from factledger.domain import ClaimKind, Document, Suggestion
from factledger.extraction import suggest
from factledger.extraction.commitments import find_commitments


def pledges(text: str) -> list[Suggestion]:
    return [s for s in suggest(Document(text=text)) if s.kind is ClaimKind.COMMITMENT]


def strict(text: str) -> list[str]:
    """The actions pledged in one sentence of prose."""
    return [c.action for c in find_commitments(text, 0, len(text), strict=True)]


@pytest.mark.parametrize(
    "text",
    [
        # a party's programme
        "The People's Front will continue to promote harmony among all communities.",
        # a newspaper
        "Harlow Council will strengthen its engagement with local businesses, the mayor's office said.",
    ],
)
def test_a_named_partys_effort_pledge_in_prose_is_not_a_pledge(text: str) -> None:
    """In prose, "will continue to promote" or "will strengthen" names no act, whoever pledges it."""
    assert pledges(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a government fact sheet
        "FACT SHEET: Partners Reach a Trade Framework\n\n"
        "The Republic of Veloria will work with the United States to address barriers to trade in dairy.\n",
        # a company's press release
        "FOR IMMEDIATE RELEASE\n\nNordal Shipping Announces Port Partnership\n\n"
        "Nordal Shipping will continue to explore a partnership with the Port of Arvik on cold storage.\n"
        "\nMedia contact: press@nordal.example\n",
    ],
)
def test_a_release_logs_a_named_partys_effort_pledge_as_stated(text: str) -> None:
    """A release records the terms each party agreed to: its effort pledges are logged for the reader."""
    assert len(pledges(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The People's Front will strengthen rural banks with Rs 5,000 crore by 2027.",
        "Harlow Council will continue to fund 40 night shelters, the mayor's office said.",
    ],
)
def test_an_effort_pledge_with_an_amount_stays_a_pledge_in_prose(text: str) -> None:
    """A figure or a date makes any pledge checkable, whatever the genre."""
    assert len(pledges(text)) == 1


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The Front is committed to electoral reform and a cleaner politics.", []),
        ("Ostrava Steel remains committed to cleaner production, its chairman wrote.", []),
        ("The Front remains committed to opening 30 farm colleges by 2030.", ["open"]),
        ("Ostrava Steel is committed to building 3 new furnaces, its chairman wrote.", ["build"]),
    ],
)
def test_a_stated_stance_needs_a_figure_or_a_date_in_prose(text: str, kept: list[str]) -> None:
    """A stance towards a degree ("committed to electoral reform") is no pledge without a figure or a date."""
    assert strict(text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Steps will be taken to curb pollution in our rivers.", []),
        ("Measures will be strengthened to protect coastal towns, the minister said.", []),
        ("States will be encouraged to pass similar laws.", []),
        ("Universities will be encouraged to open campuses in rural districts, the paper reported.", []),
        ("We will continue to run free clinics in every district.", ["continue"]),
    ],
)
def test_a_purpose_or_anothers_act_after_an_effort_verb_is_not_the_pledge(text: str, kept: list[str]) -> None:
    """ "to curb" after "steps will be taken" is a purpose; "to pass" after "encouraged" is the States' act.
    Only "to" right after the pledged verb ("continue to pay") names the pledger's own act."""
    assert strict(text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("We will expand our cooperation with Japan.", []),
        ("The Alliance will deepen our ties with Gulf states, its leader told reporters.", []),
        ("We will expand our rail network by 5,000 km.", ["expand"]),
    ],
)
def test_a_change_of_degree_to_the_pledgers_own_is_vague_in_prose(text: str, kept: list[str]) -> None:
    """In prose, expanding or deepening "our" own ties is a pledge only with a figure or a date."""
    assert strict(text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Creating More Jobs", []),
        ("Reinforcing Border Security and the Coast", []),
        ("Creating 100 innovation zones in our cities.", ["create"]),
        ("Set up four new defence universities.", ["set up"]),
    ],
)
def test_a_title_case_heading_is_not_a_programme_item(text: str, kept: list[str]) -> None:
    """A programme's section headings read like gerund items; their title case shows they are headings."""
    assert [action.split()[0] for action in strict(text)] == [k.split()[0] for k in kept]


@pytest.mark.parametrize(
    "text",
    [
        "“We assure you that the Department will continue to work closely with the Bureau,” Kadar wrote.",
        '"The union will continue to engage with the ministry," its secretary said on Monday.',
    ],
)
def test_a_quoted_pledge_in_prose_is_on_record(text: str) -> None:
    """Quoted words are the speaker's own pledge on record, judged as in a transcript."""
    assert len(strict(text)) == 1
