"""Commitments: named actors pledging future action."""

from factledger.domain import ClaimKind, Document, Suggestion
from factledger.extraction import suggest


def commitments(text: str) -> list[Suggestion]:
    return [s for s in suggest(Document(text=text)) if s.kind is ClaimKind.COMMITMENT]


def test_a_company_pledge_has_committer_action_amount_and_deadline() -> None:
    """ "X committed to invest $N by YEAR" is read whole."""
    (found,) = commitments("Honda committed to invest $3 billion in Ohio by 2028, the company said.")
    assert (found.committer, found.action, found.amount, found.unit) == ("Honda", "invest", 3e9, "USD")
    assert found.deadline == "by 2028"
    assert found.quote == "Honda committed to invest $3 billion in Ohio by 2028"


def test_a_country_will_invest() -> None:
    """ "Korea will invest" is a commitment by Korea."""
    (found,) = commitments("Korea will invest $350 billion in American shipyards.")
    assert (found.committer, found.action, found.amount) == ("Korea", "invest", 3.5e11)


def test_her_government_is_the_government_of_the_speaker() -> None:
    """A possessive actor is resolved to the person named before it."""
    text = "Prime Minister Ana Silva said her government will buy a fleet of electric buses."
    (found,) = commitments(text)
    assert found.committer is not None and found.committer.startswith("government of")
    assert "Ana Silva" in found.committer and found.action == "buy"


def test_a_pronoun_actor_is_resolved_to_the_name_before_it() -> None:
    """ "Toyota indicated it will …" is Toyota's commitment."""
    (found,) = commitments("For its part, Nissan indicated it will expand its Tennessee plant.")
    assert (found.committer, found.action) == ("Nissan", "expand")


def test_hedged_futures_and_things_are_not_commitments() -> None:
    """ "could", "may" and subjects that are not actors do not commit to anything."""
    text = (
        "That could lead to lower prices. A new plant may be in the works. "
        "The vast majority of that sum will focus on batteries."
    )
    assert commitments(text) == []


def test_expects_to_commit_money_is_a_commitment() -> None:
    """ "expects to commit at least $N" is a commitment with its qualifier."""
    (found,) = commitments("Toyota expects to commit at least $10 billion of that figure.")
    assert found.amount == 1e10 and found.qualifier is not None
