"""Counts read the head of the noun phrase after the number, and vague magnitudes count at their least."""

from pathlib import Path

import pytest

from factledger.domain import ClaimKind, Document, Suggestion
from factledger.extraction import suggest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def figures(text: str) -> list[Suggestion]:
    return [s for s in suggest(Document(text=text)) if s.kind is ClaimKind.STATISTIC]


def figure_in(text: str, words: str) -> Suggestion:
    start = text.index(words)
    return next(s for s in figures(text) if s.start <= start < s.end)


@pytest.mark.parametrize(
    ("text", "words", "value", "unit"),
    [
        # A regional paper's crime brief and a national wire's politics story.
        ("Police said 39 missing children were found in the raid.", "39 missing", 39, "children"),
        ("Four people were injured when the roof collapsed on Sunday.", "Four people", 4, "people"),
        ("The letter was signed by five British MPs and a peer.", "five British", 5, "mps"),
        ("The plant will bring 2,000 high-quality jobs to the county.", "2,000", 2000, "jobs"),
        ("The carmaker unveiled five new vehicles at the show.", "five new", 5, "vehicles"),
        ("Ads will run this week in six Senate races across the South.", "six Senate", 6, "races"),
        ("Northrop will sign letters with 10 Nations to supply drones.", "10 Nations", 10, "nations"),
    ],
)
def test_the_counted_noun_is_the_head_after_adjectives_and_names(
    text: str, words: str, value: float, unit: str
) -> None:
    """Adjectives, demonyms and names between a number and its plural noun do not hide the count."""
    found = figure_in(text, words)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The two sides will meet again in Geneva next month.",
        "Funding for pillar two projects was approved on Tuesday.",
        "I have two quick questions for the minister this morning.",
        "Voters in a four-way race rarely change their minds late.",
    ],
)
def test_small_spelled_numbers_that_refer_or_qualify_are_no_counts(text: str) -> None:
    """ "the two sides", "pillar two", a speaker's "two questions" and "four-way" are not statistics."""
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "words", "value", "unit"),
    [
        # A fact sheet's boast and a newspaper's campaign-finance story.
        ("The deal will generate tens of billions of dollars in revenue.", "tens of", 1e10, "USD"),
        ("It will create hundreds of thousands of jobs by 2030.", "hundreds of", 1e5, "jobs"),
        ("Allies are supporting thousands of new American jobs.", "thousands of", 1e3, "jobs"),
        ("She had committed several million dollars of new funding.", "several", 1e6, "USD"),
        ("Dozens of Clinton bundlers have helped bankroll the PAC.", "Dozens", 12, "bundlers"),
        ("Candidates would benefit from seven-figure commitments.", "seven-figure", 1e6, "USD"),
    ],
)
def test_vague_magnitudes_count_at_the_least_they_imply(
    text: str, words: str, value: float, unit: str
) -> None:
    """ "tens of billions of dollars" is at least 10 billion dollars, "dozens" at least twelve."""
    found = figure_in(text, words)
    assert (found.value, found.unit) == (value, unit)


def test_poll_points_and_an_index_level_are_figures() -> None:
    """A poll's "7-point lead" and a market index "DOWN 0.4 percent at 17,959.64" are measured in points."""
    assert figure_in("Clinton held a 7-point lead last month.", "7-point").unit == "points"
    index = figure_in("Dow: DOWN 0.4 percent at 17,959.64 (close).", "17,959.64")
    assert (index.value, index.unit) == (17959.64, "points")


def test_a_change_from_one_share_to_another_is_two_figures() -> None:
    """ "rose from 4.9 percent to 5 percent" states two rates, not a range."""
    found = figures("The jobless rate rose from 4.9 percent to 5 percent in September.")
    assert [(s.value, s.unit) for s in found] == [(4.9, "%"), (5.0, "%")]


def test_pesos_and_pence_are_money() -> None:
    """Currencies named after the number carry their ISO code; pence are hundredths of a pound."""
    assert figure_in("The dollar bought 19.29 pesos on Wednesday.", "19.29").unit == "MXN"
    pence = figure_in("The euro fell to 90.12 pence against the pound.", "90.12")
    assert pence.unit == "GBP" and pence.value == pytest.approx(0.9012)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("path", "words", "value", "unit"),
    [
        (
            "polnear/test/text/wash-post_2016-10-27_top-aide-s-leaked-memo-details-b.txt",
            "tens of millions of dollars",
            1e7,
            "USD",
        ),
        (
            "polnear/test/text/wash-post_2016-10-09_u-s-officially-condemns-russia-o.txt",
            "tens of thousands of hackers",
            1e4,
            "hackers",
        ),
        (
            "polnear/test/text/politico_2016-10-17_wikileaks-claims-state-party-cut.txt",
            "thousands of pages",
            1e3,
            "pages",
        ),
    ],
)
def test_vague_magnitudes_in_real_news(path: str, words: str, value: float, unit: str) -> None:
    """Washington Post and Politico articles' vague magnitudes are read with value and unit."""
    source = CORPUS / path
    if not source.is_file():
        pytest.skip("../shared/corpus is absent")
    text = source.read_text(encoding="utf-8")
    found = figure_in(text, words)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "words", "value", "unit"),
    [
        # A science desk's lab story and a shipping trade paper's report.
        ("The sample was cooled to 4 kelvin before the test.", "4 kelvin", 4, "kelvin"),
        ("Each vial holds 250 microlitres of serum.", "250", 250, "microliter"),
        ("The tanker anchored 3 nautical miles offshore.", "3 nautical", 3, "nautical mile"),
        ("The cells store 40 megajoules of energy.", "40", 40, "megajoule"),
    ],
)
def test_measures_come_from_pints_unit_definitions(text: str, words: str, value: float, unit: str) -> None:
    """Units outside the project's short table are read from Pint's maintained definitions file."""
    found = figure_in(text, words)
    assert (found.value, found.unit) == (value, unit)


def test_durations_and_countable_unit_homonyms_are_not_measures() -> None:
    """Pint's time units and unit names that are everyday nouns ("points", "hands") stay out of its measures."""
    from factledger.extraction.unit_registry import measure_of

    assert [measure_of(w) for w in ("hours", "years", "points", "hands", "people")] == [None] * 5
