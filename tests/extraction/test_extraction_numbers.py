"""Number words, digits and scale words read as values."""

import pytest

from factledger.extraction import numbers


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("ten billion", 1e10),
        ("twenty-five", 25),
        ("one hundred and five", 105),
        ("a million", 1e6),
        ("three hundred thousand", 3e5),
        ("half", 0.5),
    ],
)
def test_spelled_out_numbers_are_read(words: str, value: float) -> None:
    """Spelled-out English numbers give their value."""
    assert numbers.words_value(words) == pytest.approx(value)


def test_a_lone_article_is_not_a_number() -> None:
    """ "a" without a number word is not one."""
    assert numbers.words_value("a") is None


def test_digits_use_commas_as_thousands_separators() -> None:
    """ "16,707" is sixteen thousand, not sixteen point seven."""
    assert numbers.digits_value("16,707") == 16707


@pytest.mark.parametrize(
    ("word", "scale"), [("billion", 1e9), ("Bil", 1e9), ("bn", 1e9), ("B", 1e9), ("K", 1e3)]
)
def test_scale_words_multiply(word: str, scale: float) -> None:
    """Scale words and their abbreviations give their multiplier."""
    assert numbers.scale_value(word) == scale
