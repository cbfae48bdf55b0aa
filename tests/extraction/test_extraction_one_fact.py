"""One suggestion per fact, a statement that is the claim itself, and a figure's subject as a noun phrase."""

from pathlib import Path

import pytest

from factledger.domain import Attribution, ClaimKind, Document
from factledger.extraction import suggest
from factledger.extraction.statements import statement_for

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def test_an_attributed_pledge_is_one_commitment_with_its_speaker() -> None:
    """A quoted pledge is suggested once, as the commitment, and keeps who said it."""
    text = "Mayor Tom Reyes toured the site on Friday. “We will finish the bridge this year,” he said."
    found = [s for s in suggest(Document(text=text)) if s.start < text.index("this year") < s.end]
    assert [s.kind for s in found] == [ClaimKind.COMMITMENT]
    assert (found[0].speaker, found[0].attribution) == ("Mayor Tom Reyes", Attribution.ON_RECORD)


def test_a_quotation_and_its_lead_in_are_one_claim() -> None:
    """ "prompting the mayor to tell workers ..., “Go build ...”" is suggested once, as the quoted words."""
    text = (
        "The deal moved forward, prompting Mayor Ann Ruiz to tell workers gathered at the plant, “Go build "
        "the best trucks in the world.” She left soon after the shift ended."
    )
    claims = [s for s in suggest(Document(text=text)) if s.kind is ClaimKind.CLAIM and "trucks" in s.quote]
    assert [(c.quote, c.speaker) for c in claims] == [
        ("Go build the best trucks in the world.", "Mayor Ann Ruiz")
    ]


def test_a_short_sentence_stating_figures_is_suggested_as_its_figures() -> None:
    """ "Only 16,707 were exported in 2024, less than 1% of the market." gives the two figures alone."""
    text = "Car exports to Japan are small. Only 16,707 vehicles were exported in 2024, less than 1% of the market."
    kinds = [s.kind for s in suggest(Document(text=text)) if s.start >= text.index("Only")]
    assert kinds == [ClaimKind.STATISTIC, ClaimKind.STATISTIC]


def test_a_figures_statement_is_its_clause() -> None:
    """The statement of "15.3%" is "Toyota alone holding a 15.3% share", not the whole sentence."""
    text = (
        "Japanese brands captured a combined 37.4% share of the market, Toyota alone holding a 15.3% share."
    )
    start = text.index("15.3%")
    assert statement_for(text, ClaimKind.STATISTIC, start, start + 5) == "Toyota alone holding a 15.3% share"


def test_a_pledges_statement_names_its_committer() -> None:
    """ "it will move ahead with investments" pledged by Toyota reads as Toyota's pledge."""
    text = "Toyota said it will move ahead with investments of $10 billion."
    start = text.index("it will")
    end = text.index(".", start)
    statement = statement_for(text, ClaimKind.COMMITMENT, start, end, "Toyota")
    assert statement == "Toyota will move ahead with investments of $10 billion"


@pytest.mark.parametrize(
    ("text", "words", "subject"),
    [
        ("GM Expects $5 Bil Tariff Hit in 2025", "$5", "GM"),
        (
            "By comparison, Japanese brands captured a combined 37.4% share of the U.S. market.",
            "37.4%",
            "Japanese brands",
        ),
        ("Nearly 40% of the Japanese market is made up of so-called Kei cars.", "40%", "Kei cars"),
    ],
)
def test_a_figures_subject_is_the_noun_phrase_it_is_about(text: str, words: str, subject: str) -> None:
    """A headline's name stops at its verb; a demonym with its noun and a name with its noun are kept whole."""
    start = text.index(words)
    figure = next(
        s for s in suggest(Document(text=text)) if s.kind is ClaimKind.STATISTIC and s.start <= start < s.end
    )
    assert figure.subject == subject


@pytest.mark.corpus
def test_the_seed_article_has_no_duplicate_claim_over_a_pledge() -> None:
    """On the seed article no claim overlaps more than half of a commitment (each fact is suggested once)."""
    source = CORPUS / "seed" / "toyota-us-investment.txt"
    if not source.is_file():
        pytest.skip("../shared/corpus is absent")
    found = suggest(Document(text=source.read_text(encoding="utf-8")))
    pledges = [s for s in found if s.kind is ClaimKind.COMMITMENT]
    claims = [s for s in found if s.kind is ClaimKind.CLAIM]
    for pledge in pledges:
        for claim in claims:
            overlap = min(claim.end, pledge.end) - max(claim.start, pledge.start)
            assert overlap * 2 < pledge.end - pledge.start, (claim.quote, pledge.quote)
