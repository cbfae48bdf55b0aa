"""Who says what, and on what terms, through the public suggest() function."""

from factledger.domain import Attribution, ClaimKind, Document, Suggestion
from factledger.extraction import suggest


def claim_about(text: str, words: str) -> Suggestion:
    # An attributed pledge is suggested once, as the commitment, carrying the claim's speaker and sourcing.
    kinds = (ClaimKind.CLAIM, ClaimKind.COMMITMENT)
    found = [s for s in suggest(Document(text=text, outlet="The Ledger")) if s.kind in kinds]
    return next(s for s in found if words in s.quote)


def test_a_named_person_quoted_is_on_record() -> None:
    """A quotation followed by "he said" belongs to the person named just before."""
    text = "Mayor Tom Reyes toured the site on Friday. “We will finish the bridge this year,” he said."
    claim = claim_about(text, "finish the bridge")
    assert (claim.speaker, claim.attribution) == ("Mayor Tom Reyes", Attribution.ON_RECORD)


def test_on_background_is_read_from_the_sentence() -> None:
    """ "said on background" makes the unnamed speaker a background source."""
    text = "The refinery will close two units next year, a company official said on background."
    claim = claim_about(text, "refinery")
    assert (claim.speaker, claim.attribution) == ("a company official", Attribution.ON_BACKGROUND)


def test_condition_of_anonymity_is_anonymous() -> None:
    """A source who spoke on condition of anonymity is anonymous (the annotation guide's rule), not background."""
    text = (
        "A senior trade official, who spoke on condition of anonymity, said the tariff would be lifted "
        "by June because talks had moved quickly."
    )
    claim = claim_about(text, "tariff")
    assert claim.attribution is Attribution.ANONYMOUS


def test_an_unnamed_source_is_anonymous() -> None:
    """ "a separate source suggested" is an anonymous source."""
    text = "But a separate source suggested that a third factory may be in the works."
    claim = claim_about(text, "third factory")
    assert (claim.speaker, claim.attribution) == ("a separate source", Attribution.ANONYMOUS)


def test_according_to_an_institution_is_a_document() -> None:
    """ "according to the Treasury" cites an institution's published word."""
    text = "Germany has pledged to invest $40 billion in the program, according to the Treasury."
    claim = claim_about(text, "Germany")
    assert (claim.speaker, claim.attribution) == ("the Treasury", Attribution.DOCUMENT)


def test_a_spokesman_is_a_spokesperson() -> None:
    """ "a spokesman told" is the company speaking through its spokesperson."""
    text = "Most of the money will go to new presses, a spokesman told reporters ahead of the launch."
    claim = claim_about(text, "presses")
    assert claim.attribution is Attribution.SPOKESPERSON


def test_text_after_the_article_is_a_reader_comment() -> None:
    """Comments below the article are attributed to readers, not to the outlet."""
    body = "The company reported record profits this quarter, its filing showed. " * 10
    text = body + "\n\n\n\n\nComments\nThe $4 billion deal was actually signed under the last government."
    claim = claim_about(text, "actually signed")
    assert claim.attribution is Attribution.READER_COMMENT


def test_an_unattributed_superlative_is_the_outlets_claim() -> None:
    """A fact asserted by the writer is attributed to the outlet."""
    text = "The bridge is the longest ever built in the region, and it opened in 2019."
    claim = claim_about(text, "longest")
    assert (claim.speaker, claim.attribution) == ("The Ledger", Attribution.OUTLET)
