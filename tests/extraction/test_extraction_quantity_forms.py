"""Quantity forms from trade and investment writing: brands after modifiers, alternatives, bracketed counts."""

from factledger.domain import ClaimKind, Document, Suggestion
from factledger.extraction import suggest


def statistics(text: str) -> list[Suggestion]:
    return [s for s in suggest(Document(text=text)) if s.kind is ClaimKind.STATISTIC]


def test_modifiers_before_a_brand_keep_the_counted_noun() -> None:
    """ "58 new Airbus aircraft" is a count of aircraft."""
    found = statistics("The carrier ordered 58 new Airbus aircraft for its long-haul fleet.")
    assert [(s.quote, s.value, s.unit) for s in found] == [("58 new Airbus aircraft", 58.0, "aircraft")]


def test_an_alternative_of_two_amounts_is_one_range() -> None:
    """ "$3- or $4 billion" is one figure from 3 to 4 billion, with no stray "$3"."""
    found = statistics("Officials put the bill at $3- or $4 billion over the decade.")
    assert [(s.quote, s.value) for s in found] == [("$3- or $4 billion", 3e9)]


def test_section_numbers_listed_together_are_not_statistics() -> None:
    """ "Section 201 and 122 duties" and "Sections 4, 5 and 9" hold no statistic."""
    assert statistics("Section 201 and 122 duties remain. Sections 4, 5 and 9 of the law apply.") == []


def test_a_count_out_of_a_total_is_the_count() -> None:
    """ "7 out of the 12 provinces" counts 7 provinces, not 12."""
    found = statistics("Unemployment fell in 7 out of the 12 provinces surveyed.")
    assert [(s.quote, s.value, s.unit) for s in found] == [("7 out of the 12 provinces", 7.0, "provinces")]


def test_a_bracketed_restatement_counts_the_noun_before_it() -> None:
    """ "(3 million)" after a share of vehicles is 3 million vehicles."""
    found = statistics(
        "Buyers took 10 million cars last year, and 30% of these cars were imported (3 million)."
    )
    assert ("3 million", 3e6, "vehicles") in [(s.quote, s.value, s.unit) for s in found]


def test_a_bare_scale_word_is_no_figure() -> None:
    """ "several hundred of the trees" states no number."""
    assert statistics("Several hundred of the old trees were felled.") == []
