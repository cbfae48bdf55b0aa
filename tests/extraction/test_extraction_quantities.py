"""Statistics found in sentences: value, unit, qualifier and span."""

import pytest

from factledger.domain import Qualifier
from factledger.extraction.dates import non_statistic_spans
from factledger.extraction.quantities import Quantity, find_quantities


def quantities(text: str, *, china: bool = False) -> list[Quantity]:
    return find_quantities(text, excluded=non_statistic_spans(text), china_context=china)


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "unit"),
    [
        ("The insurer set aside $10 billion for claims.", "$10 billion", 1e10, "USD"),
        ("The ministry will lend ¥1.2 trillion to exporters.", "¥1.2 trillion", 1.2e12, "JPY"),
        ("Ford now expects a $5 Bil hit from tariffs.", "$5 Bil", 5e9, "USD"),
        ("Import duties reached $11B by October.", "$11B", 1.1e10, "USD"),
        ("The fund raised €3bn from pension schemes.", "€3bn", 3e9, "EUR"),
        ("It paid US$ 48 million for the stake.", "US$ 48 million", 4.8e7, "USD"),
        ("Sales fell 15 percent in March.", "15 percent", 15, "%"),
        ("The firm holds a 37.4% share of the market.", "37.4%", 37.4, "%"),
        ("The plant built 210,000 units last year.", "210,000 units", 210000, "units"),
        ("The pier is 11 feet high.", "11 feet", 11, "ft"),
        ("Regulators fined the bank ten billion dollars.", "ten billion dollars", 1e10, "USD"),
        ("Exports rose fourfold over the decade.", "fourfold", 4, "x"),
        ("The project will hire 5,000 new workers.", "5,000 new workers", 5000, "workers"),
    ],
)
def test_figures_are_read_with_value_and_unit(sentence: str, quote: str, value: float, unit: str) -> None:
    """Each kind of figure is found with its exact quote, normalized value and unit."""
    found = quantities(sentence)
    assert [(sentence[q.start : q.end], q.unit) for q in found] == [(quote, unit)]
    assert found[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Imports were less than 1% of the market.", Qualifier.LESS_THAN),
        ("The group will spend at least $2 billion.", Qualifier.AT_LEAST),
        ("Spending should come in at or over $4 billion.", Qualifier.AT_LEAST),
        ("The cars are no more than 11 feet long.", Qualifier.AT_MOST),
        ("About 70% of output is sold at home.", Qualifier.APPROXIMATELY),
        ("Nearly 40% of buyers chose a hybrid.", Qualifier.NEARLY),
        ("The grant covers up to $300 million of costs.", Qualifier.UP_TO),
        ("It shipped more than 40,000 of the trucks abroad.", Qualifier.MORE_THAN),
    ],
)
def test_qualifiers_are_kept(sentence: str, qualifier: Qualifier) -> None:
    """A hedge before the number changes what it asserts, so it is part of the figure."""
    (found,) = quantities(sentence)
    assert found.qualifier is qualifier
    assert (
        sentence[found.start : found.end].lower().startswith(sentence.split()[0].lower()) or found.start > 0
    )


def test_a_range_is_one_figure_from_low_to_high() -> None:
    """ "between $2 and $3 billion" is read as 2 to 3 billion dollars, not as $2 and $3 billion."""
    (found,) = quantities("The plan costs between $2 and $3 billion.")
    assert (found.value, found.upper, found.unit) == (2e9, 3e9, "USD")


def test_a_bare_count_takes_its_noun_from_the_sentence_before() -> None:
    """ "Only 16,707 were exported" after a sentence about vehicles counts vehicles."""
    text = "Dealers want to sell more American-made vehicles abroad. Only 16,707 were exported last year."
    (found,) = quantities(text)
    assert (found.value, found.unit) == (16707, "vehicles")


def test_brand_models_are_counted_as_vehicles() -> None:
    """ "1,000 Cadillac and Chevrolet models" are vehicles."""
    (found,) = quantities("GM sold about 1,000 Cadillac and Chevrolet models there.")
    assert (found.value, found.unit, found.qualifier) == (1000, "vehicles", Qualifier.APPROXIMATELY)


@pytest.mark.parametrize(
    "sentence",
    [
        "The plant opened in 1984 and expanded in 2024.",
        "Call 555-123-4567 for details.",
        "See https://example.com/report/2024/55 for the data.",
        "Section 232 of the act applies.",
        "The F-150 is the best-selling pickup.",
        "She finished 3rd in the race on October 5.",
        "One senior official spoke.",
        "The 45-year-old engineer joined in May 2023.",
    ],
)
def test_years_dates_ids_and_ordinals_are_not_statistics(sentence: str) -> None:
    """Numbers that are dates, phone numbers, URLs, sections, model names or ordinals are skipped."""
    assert quantities(sentence) == []


def test_yen_means_yuan_in_a_chinese_context() -> None:
    """ "¥" is the Chinese currency when the article is about China."""
    (found,) = quantities("Beijing set aside ¥500 billion.", china=True)
    assert found.unit == "CNY"
