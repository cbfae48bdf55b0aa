"""Commitment grammar: nominal pledges, series of pledged acts, pronoun committers, passives and programme items."""

from pathlib import Path

import pytest

from factledger.domain import ClaimKind, Document, Suggestion
from factledger.extraction import suggest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def pledges(text: str, **document: str) -> list[Suggestion]:
    return [s for s in suggest(Document(text=text, **document)) if s.kind is ClaimKind.COMMITMENT]


def pledge_at(text: str, words: str) -> Suggestion:
    start = text.index(words)
    return next(s for s in pledges(text) if s.start <= start < s.end)


@pytest.mark.parametrize(
    ("text", "words", "committer"),
    [
        # A government's fact sheet and a newspaper's foreign desk.
        (
            "Trump and Modi reached a framework and reaffirmed their commitment to broader negotiations.",
            "commitment to",
            "Modi",
        ),
        (
            "Tariffs fell in recognition of India’s commitment to stop purchasing Russian oil.",
            "commitment to stop",
            "India",
        ),
        (
            "Trump, whose rhetoric has included a pledge to remove undocumented migrants, spoke on Monday.",
            "pledge to remove",
            "Trump",
        ),
        (
            "In June the President secured a historic commitment from NATO allies to invest 5 percent of GDP.",
            "commitment from",
            "NATO allies",
        ),
    ],
)
def test_nominal_pledges_are_commitments(text: str, words: str, committer: str) -> None:
    """ "their commitment to", "India’s commitment to stop", "a pledge to", "a commitment from X to"."""
    found = pledge_at(text, words)
    assert found.committer is not None and committer.split()[0] in found.committer


def test_each_act_of_a_pledged_series_is_its_own_commitment() -> None:
    """ "he will renegotiate trade deals, slap import fees ..., lower taxes ... and keep jobs" is four pledges."""
    text = (
        "Donald Trump spoke in Ohio. He says he will renegotiate major trade deals, slap import fees on "
        "imported products, lower taxes on businesses and keep more jobs at home."
    )
    found = pledges(text)
    assert [s.action for s in found] == ["renegotiate", "slap", "lower", "keep"]
    assert {s.committer for s in found} == {"Donald Trump"}


def test_a_second_verb_with_its_own_object_is_a_second_pledge() -> None:
    """ "will purchase $750 billion in energy and make new investments of $600 billion" is two pledges."""
    text = "The EU will purchase $750 billion in U.S. energy and make new investments of $600 billion, all by 2028."
    assert [s.action for s in pledges(text)] == ["purchase", "make"]


def test_a_pronoun_committer_is_the_actor_named_in_the_sentence_before() -> None:
    """ "They aim to double production" after "Germany and the Netherlands will buy" is theirs."""
    text = "Germany and the Netherlands will buy the missile in bulk. They aim to double production by 2030."
    found = pledge_at(text, "They aim")
    assert found.committer == "Germany and the Netherlands" and found.deadline == "by 2030"


def test_it_in_talk_about_time_is_no_committer() -> None:
    """ "It will take a period of months" names nobody who pledges anything."""
    assert pledges("We spoke at length. It will take a period of months to work through the changes.") == []


def test_a_confirmed_refusal_is_a_pledge_but_a_plain_negation_is_not() -> None:
    """ "confirms that it will not adopt fees" binds the EU; "Toyota will not invest" pledges nothing."""
    assert pledges("The European Union confirms that it will not adopt network usage fees.")
    assert pledges("Toyota will not invest in the plant, a spokesman said.") == []


@pytest.mark.parametrize(
    "text",
    [
        # Two parties' manifestos.
        "Set up four dedicated defence universities to meet the shortage of manpower.",
        "2. Create 100 new urban clusters around existing small cities.",
        "The entire rural credit system will be restored to health by 2026.",
        "Our target is to build 100 new district hospitals by 2030.",
        "The party also proposes to reserve one-third of all central government jobs for women.",
    ],
)
def test_programme_items_passives_and_stated_aims_are_pledges(text: str) -> None:
    """Imperative items, pledged passives, "our target is to" and "proposes to" are commitments."""
    assert pledges(text)


@pytest.mark.parametrize(
    "text",
    [
        "Consolidation of public sector banks will be encouraged.",
        "The results will be announced on Friday evening.",
        "Wall Street banks raised their forecasts for the year.",
        "Last month, she hosted a fundraiser in Manhattan for the campaign.",
        "“Go out and buy a Toyota,” he said to the troops.",
    ],
)
def test_unverifiable_effort_schedules_and_names_are_no_pledges(text: str) -> None:
    """An unnamed pledge of mere effort, a schedule, and a capitalized name that is also a verb pledge nothing."""
    assert pledges(text) == []


@pytest.mark.corpus
def test_a_justice_department_pledge_in_politico() -> None:
    """Politico's report of the Department's letter yields its pledge to keep working with the FBI."""
    source = CORPUS / "polnear/test/text/politico_2016-10-31_justice-department-pledges-quick.txt"
    if not source.is_file():
        pytest.skip("../shared/corpus is absent")
    text = source.read_text(encoding="utf-8")
    assert pledge_at(text, "will continue to work closely").committer == "Department"


@pytest.mark.corpus
def test_a_fact_sheet_series_of_pledges_keeps_its_committer() -> None:
    """The White House's Korea fact sheet: each pledged act of a series carries the company that pledged."""
    source = (
        CORPUS
        / "whitehouse-briefings/2025-10-29-fact-sheet-president-donald-j-trump-brings-home-more-billion-dollar-deals-during-state-visit-to-the-republic-of-korea.md"
    )
    if not source.is_file():
        pytest.skip("../shared/corpus is absent")
    from factledger.reading.read import read_file

    found = [s for s in suggest(read_file(source)) if s.kind is ClaimKind.COMMITMENT]
    hanwha = [s for s in found if s.committer == "Hanwha Ocean"]
    assert len(hanwha) >= 2


@pytest.mark.parametrize(
    ("text", "committer", "amounts"),
    [
        # A fact sheet's bulleted list and a company release's numbered list.
        (
            "Japan will invest:\n- Up to $25 billion to supply power equipment for American grids;\n"
            "- $15 billion to build new shipyards in the United States.\n\nThe deal was signed in Tokyo.",
            "Japan",
            [25e9, 15e9],
        ),
        (
            "Under the agreement, Hanwha Ocean has committed to:\n1. invest $5 billion in its Philadelphia yard\n"
            "2. train 2,000 American welders by 2028\n\nShares rose on the news.",
            "Hanwha Ocean",
            [5e9, 2000],
        ),
    ],
)
def test_list_items_inherit_the_committer_of_their_heading(
    text: str, committer: str, amounts: list[float]
) -> None:
    """Each item under "Japan will invest:" is Japan's pledge, with its own amount; prose after the list is not."""
    items = [s for s in pledges(text) if "list its heading pledges" in s.cue]
    assert [s.committer for s in items] == [committer] * len(amounts)
    assert [s.amount for s in items] == amounts
