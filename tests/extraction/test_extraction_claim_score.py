"""The claim score ranks check-worthy statements above promises, greetings and questions."""

from factledger.extraction.claims import check_worthiness


def score(sentence: str) -> float:
    return check_worthiness(sentence)[0]


def test_a_reported_act_with_an_amount_outranks_a_promise() -> None:
    """ "She signed a deal worth $4 billion" is worth checking; "we will fight for you" is a pledge."""
    assert score("The governor signed a trade deal worth $4 billion with Ontario last spring.") > score(
        "And we will fight for every family in this state, believe me."
    )


def test_a_state_of_affairs_about_jobs_outranks_a_greeting() -> None:
    """ "We have lost 30,000 factory jobs" outranks thanks and questions."""
    fact = score("We have lost 30,000 factory jobs in this county since the plant closed.")
    assert fact > score("Thank you all so much for being here tonight with us.")
    assert fact > score("What would you do about the factory jobs in this county?")
