"""Commitment cues beyond "will": contractions, announced plans, object and passive forms, and non-pledges."""

import pytest

from factledger.domain import ClaimKind, Document, Suggestion
from factledger.extraction import suggest


def commitments(text: str, *, title: str | None = None, url: str | None = None) -> list[Suggestion]:
    found = suggest(Document(text=text, title=title, url=url))
    return [s for s in found if s.kind is ClaimKind.COMMITMENT]


@pytest.mark.parametrize(
    ("text", "committer", "action"),
    [
        ("We’re going to build three new clinics in the valley.", "we", "build"),
        ("We'll open a training centre in Leeds next spring.", "we", "open"),
        ("Nordwind said they’ll hire 400 engineers, the firm confirmed.", "Nordwind", "hire"),
        ("Ostrava Steel pledged to invest $2 billion by 2029 in a new mill.", "Ostrava Steel", "invest"),
        ("Kestrel Foods vowed to double its exports to Chile.", "Kestrel Foods", "double"),
        ("Brightwater Energy plans to invest $800 million in Idaho.", "Brightwater Energy", "invest"),
        ("Harbor Rail is set to invest $1.1 billion in new track.", "Harbor Rail", "invest"),
        ("Lumen Labs intends to expand its Austin campus.", "Lumen Labs", "expand"),
        ("The parties shall establish a joint review board.", "The parties", "establish"),
        ("Both governments committed to lower tariffs on fruit.", "Both governments", "lower"),
    ],
)
def test_commitment_cues_with_a_named_or_pronoun_actor(text: str, committer: str, action: str) -> None:
    """Contractions, "pledged/vowed/plans/intends/is set to" and "shall" are cues; pronouns take the name."""
    (found,) = commitments(text)
    assert (found.committer, found.action) == (committer, action)
    assert text[found.start : found.end] == found.quote


def test_two_named_partners_commit_together() -> None:
    """ "X and Y will partner to" names both companies as the committer."""
    (found,) = commitments(
        "Alder Motors and Vantor Systems will partner to build a battery plant in Georgia."
    )
    assert found.committer == "Alder Motors and Vantor Systems" and found.action == "partner"


def test_a_list_of_companies_agreeing_is_one_committer() -> None:
    """ "A, B, and C agreed to" keeps the whole list, not only the last name."""
    (found,) = commitments("Pell Corp, Arvo, and Tessar Mining agreed to fund a lithium refinery.")
    assert found.committer == "Pell Corp, Arvo, and Tessar Mining"


def test_an_announced_plan_with_an_amount_is_a_commitment() -> None:
    """ "X announced a $N plan to VERB" commits X to the plan's purpose, with its amount."""
    (found,) = commitments("Cobalt Shipping announced a $4 billion expansion plan to modernize its docks.")
    assert (found.committer, found.action, found.amount, found.unit) == (
        "Cobalt Shipping",
        "modernize",
        4e9,
        "USD",
    )


def test_an_agreement_that_commits_the_countries() -> None:
    """ "It commits the two countries to" has the countries, not "it", as the committer."""
    (found,) = commitments(
        "The accord was signed on Friday. It commits the two countries to share port data."
    )
    assert found.committer == "the two countries" and found.action == "share"


def test_a_passive_creation_is_the_issuers_commitment_in_a_fact_sheet() -> None:
    """ "A fund will be established" in a release (it says so in its text) is its issuer's pledge."""
    found = commitments(
        "FACT SHEET: Farm exports\n\nA new export credit fund will be established to support small farms.",
        title="Fact Sheet: Farm exports",
        url="https://www.example.gov/fact-sheets/farm",
    )
    assert len(found) == 1 and found[0].action == "establish"
    assert found[0].committer == "example.gov"


def test_a_passive_creation_takes_the_actor_named_in_its_sentence() -> None:
    """ "Meridian said a plant will be built" is Meridian's pledge."""
    (found,) = commitments("Meridian said a second plant will be built near Tulsa.")
    assert found.committer == "Meridian" and found.action == "build"


def test_a_speakers_own_agreement_is_resolved_to_the_speaker() -> None:
    """ "I agreed with X to" in a quoted statement is the speaker's commitment."""
    text = "“I agreed with Chancellor Weber to launch a joint hydrogen fund,” Premier Ana Costa said."
    (found,) = commitments(text)
    assert found.committer is not None and "Costa" in found.committer and found.action == "launch"


def test_a_clause_that_drops_its_subject_takes_the_sentences_subject() -> None:
    """ "The Republic recognizes ... and will negotiate" is the Republic's commitment."""
    text = "The Republic of Varn recognizes the new rules on fishing and will negotiate a quota with its partners."
    (found,) = commitments(text)
    assert found.committer == "Republic of Varn" and found.action == "negotiate"


@pytest.mark.parametrize(
    "text",
    [
        "If Pellton were to invest in Ohio, prices would fall.",
        "If Pellton will invest in Ohio, the state must say so.",
        "Will Pellton invest $2 billion in Ohio?",
        "Pellton will not invest in Ohio this year.",
        "Pellton won’t build the plant.",
        "Pellton invested $2 billion in Ohio last year.",
        "Pellton could invest $2 billion in Ohio.",
        "Pellton may build a plant in Ohio.",
        "Exports from Pellton will rise next year.",
        "Tariffs will rise on steel next year, and tariffs on aluminum will follow.",
        "Next, we will take a few questions from the press.",
        "We will see what the talks bring.",
        "Pellton’s commitment to the region is well known.",
        "Everyone knows what Pellton will build next.",
    ],
)
def test_conditions_questions_negations_past_acts_and_hedges_are_not_commitments(text: str) -> None:
    """Pledges are future acts an actor commits to, not conditions, questions, refusals, past acts or hedges."""
    assert commitments(text) == []
