"""Document kind, issuer, reader comments, headline lists and captions, read from the text's own signals."""

from pathlib import Path

import pytest

from factledger import reading
from factledger.domain import Attribution, ClaimKind, Document
from factledger.extraction import suggest
from factledger.extraction.doc_kind import Kind, captions, comments_start, link_lists, read_kind

_COMPANY_RELEASE = """FOR IMMEDIATE RELEASE

Acme Robotics Inc. today announced a $40 million expansion of its Ohio plant, adding 300 jobs by 2027.

The expansion doubles the plant's floor space and adds two assembly lines.

About Acme Robotics
Acme Robotics builds warehouse robots.

Media contact: press@acme.example

###
"""

_FACT_SHEET = """ENSURING FAIR TRADE: Today, the President signed an agreement with the Republic of Varn.

The agreement opens Varn's market to American beef and rice.

It removes tariffs on machinery and cuts customs delays.

DELIVERING FOR FARMERS: Varn will buy $2 billion of American grain each year.

It lowers fees on fertilizer imports.

PROTECTING WORKERS: The agreement sets labor standards for both sides.
"""

_TRANSCRIPT = """MODERATOR: Welcome, everyone, to today's call.

SENIOR OFFICIAL: Thanks. We will announce three agreements tomorrow.

MODERATOR: First question, please.

Q: How large is the package?

SENIOR OFFICIAL: About $4 billion over five years.
"""

_NEWS = """WASHINGTON — The Senate passed the farm bill on Friday by a vote of 62 to 38.

“This bill keeps rural hospitals open,” said Sen. Maria Ortiz, who wrote much of it.

The House is expected to take it up next week, aides said.

Critics said the bill spends too much on crop insurance.
"""

_COMMENTS = """You do realize the plant was planned years ago? The $4 billion deal was signed under the last government.

Reminds me of the last deal. I guess we will see what happens this time.
"""


def test_a_self_labelled_company_release_speaks_for_the_company() -> None:
    """ "FOR IMMEDIATE RELEASE" with an "About X" footer is a release issued by X."""
    result = read_kind(Document(text=_COMPANY_RELEASE))
    assert result.kind is Kind.RELEASE and result.issuer == "Acme Robotics"


def test_a_fact_sheet_is_recognised_by_its_build() -> None:
    """Run-in capitalised headings without any reported speech make a fact sheet, whatever its title."""
    result = read_kind(Document(text=_FACT_SHEET, title="Varn agreement"))
    assert result.kind is Kind.RELEASE


def test_a_fact_sheets_figures_are_its_issuers_document() -> None:
    """A release names no speaker for its figures: they are its issuer's, as a document."""
    document = Document(text=_FACT_SHEET, outlet="Ministry of Trade")
    figure = next(s for s in suggest(document) if s.kind is ClaimKind.STATISTIC)
    assert (figure.speaker, figure.attribution) == ("Ministry of Trade", Attribution.DOCUMENT)


def test_a_header_line_names_the_issuer() -> None:
    """A release headed by "THE WHITE HOUSE" is issued by the White House, whatever its address."""
    text = "THE WHITE HOUSE\n\nFACT SHEET: Rail investment\n\nThe plan adds 300 miles of track."
    result = read_kind(Document(text=text, url="https://example.org/post/1"))
    assert result.kind is Kind.RELEASE and result.issuer == "the White House"


def test_recurring_speaker_labels_make_a_transcript() -> None:
    """Line labels that recur (MODERATOR, SENIOR OFFICIAL, Q) make a transcript, not a release."""
    assert read_kind(Document(text=_TRANSCRIPT)).kind is Kind.TRANSCRIPT


def test_an_article_with_reported_speech_is_news() -> None:
    """A datelined article quoting people is news and has no issuer."""
    result = read_kind(Document(text=_NEWS))
    assert result.kind is Kind.NEWS and result.issuer is None


def test_trailing_reader_comments_are_found_after_a_news_article() -> None:
    """Paragraphs that talk to the reader after an article that never does are reader comments."""
    text = _NEWS + "\n" + _COMMENTS
    start = comments_start(text)
    assert start == text.index("You do realize")
    found = [s for s in suggest(Document(text=text)) if s.start >= start]
    assert found and all(s.attribution is Attribution.READER_COMMENT for s in found)


def test_an_opinion_column_that_addresses_the_reader_throughout_is_not_cut() -> None:
    """A column saying "you" all along keeps its last paragraphs as its own."""
    text = "\n\n".join(
        [
            "You might think the budget is dull. I did too, until I read it.",
            "You will find $3 billion for roads in it. I counted twice.",
            "If you drive, you should care. I certainly do.",
            "So read it yourself. You may be surprised.",
            "I was.",
        ]
    )
    assert comments_start(text) is None


def test_a_more_news_list_is_a_headline_list() -> None:
    """ "More Business News" and the short headline lines under it form one list."""
    text = "The plant opens in May.\n\nMore Business News\n\nGM Expects $5 Billion Tariff Hit\n\nFord Recalls Trucks\n"
    (span,) = link_lists(text)
    assert text[span[0] : span[1]].startswith("More Business News") and text[span[0] : span[1]].endswith(
        "Trucks"
    )


def test_a_related_list_holds_no_claims() -> None:
    """ "Related:" headlines carry no claims or pledges, even when they look like statements."""
    text = (
        "Exports rose by 4 percent last year, the ministry said in its annual report on trade.\n\n"
        "Related:\n\nMinister Says Record Exports Are the Largest Ever Seen\n\nPort Strike Ends After Ten Days\n"
    )
    claims = [s for s in suggest(Document(text=text)) if s.kind is not ClaimKind.STATISTIC]
    assert all("Record Exports" not in s.quote for s in claims)


def test_photo_credits_mark_captions() -> None:
    """Lines with "(AP Photo/…)" or "Photo: …" credits are captions."""
    text = (
        "Workers leave the plant in Georgetown. (AP Photo/Jane Doe)\n\nThe plant employs 9,000 people.\n\n"
        "Photo: Getty Images\n"
    )
    assert len(captions(text)) == 2


@pytest.mark.parametrize(
    "name",
    [
        "2025-03-26-fact-sheet-president-donald-j-trump-adjusts-imports-of-automobiles-and-automobile-parts-"
        "into-the-united-states.md",
        "2025-05-08-fact-sheet-u-s-uk-reach-historic-trade-deal.md",
    ],
)
def test_real_fact_sheets_read_as_releases(corpus: Path, name: str) -> None:
    """The stored White House fact sheets read (as a user imports them) as releases of the White House."""
    path = corpus / "whitehouse-briefings" / name
    document = reading.read_input(reading.expand_inputs([str(path)])[0])
    result = read_kind(document)
    assert result.kind is Kind.RELEASE and result.issuer == "the White House"


@pytest.mark.parametrize(
    "name",
    [
        "2024-04-10-background-press-call-previewing-the-official-visit-of-prime-minister-kishida-fumio-of-japan.md",
        "2021-04-16-remarks-by-president-biden-and-prime-minister-suga-of-japan-at-press-conference.md",
    ],
)
def test_real_calls_and_conferences_read_as_transcripts(corpus: Path, name: str) -> None:
    """The stored press call and press conference read as transcripts."""
    document = reading.read_input(reading.expand_inputs([str(corpus / "whitehouse-briefings" / name)])[0])
    assert read_kind(document).kind is Kind.TRANSCRIPT


@pytest.mark.parametrize("folder", ["nytimes-1", "wapo-1", "bbc-1", "guardian-1"])
def test_real_news_pages_read_as_news(corpus: Path, folder: str) -> None:
    """News pages from four publishers read as news, with no comment section invented."""
    document = reading.read_input(
        reading.expand_inputs([str(corpus / "readability" / folder / "source.html")])[0]
    )
    result = read_kind(document)
    assert result.kind is Kind.NEWS


def test_the_seed_articles_comments_are_readers_through_import(corpus: Path) -> None:
    """Imported as a user imports it, the seed's last paragraphs are reader comments, and so is the figure
    "$32 billion" a reader wrote there."""
    path = corpus / "seed" / "toyota-us-investment.txt"
    document = reading.read_input(reading.expand_inputs([str(path)])[0])
    figure = next(s for s in suggest(document) if s.quote == "$32 billion")
    assert figure.attribution is Attribution.READER_COMMENT
