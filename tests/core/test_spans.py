"""Span rules and the quote-in-context text the inspector shows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factledger.core import context_around, context_parts, sentence_around
from factledger.core.spans import checked_quote
from factledger.domain import UserError

TEXT = (
    "Separately, Toyota is studying ways to help balance U.S.-Japan auto trade.\n"
    "Since setting up its first plant in 1984, Toyota has invested approximately $50 billion in the U.S. "
    "About 70% of the vehicles it sells there are now built domestically."
)


def test_context_never_starts_or_ends_inside_a_word() -> None:
    """The context around a quote is cut at word boundaries and marked with an ellipsis at both ends."""
    start = TEXT.index("approximately $50 billion")
    end = start + len("approximately $50 billion")
    before, quote, after = context_parts(TEXT, start, end, width=60)
    assert quote == "approximately $50 billion"
    assert before.startswith("…")
    first_word = before[1:].split(" ")[0]
    assert f" {first_word} " in f" {TEXT.replace(chr(10), ' ')} "
    assert after.endswith("…")
    last_word = after[:-1].split(" ")[-1]
    assert f" {last_word} " in f" {TEXT} "


def test_context_keeps_the_quote_in_place_when_it_repeats() -> None:
    """When the quoted words repeat, the context surrounds the chosen occurrence, not the first one."""
    text = "Toyota said Toyota would invest. Later Toyota said it again."
    start = text.index("Toyota", 20)  # the third "Toyota"
    before, quote, after = context_parts(text, start, start + len("Toyota"))
    assert before == "Toyota said Toyota would invest. Later "
    assert quote == "Toyota"
    assert after == " said it again."


def test_context_on_one_line_without_ellipsis_at_the_text_ends() -> None:
    """Context that reaches both ends of the text is one line with no ellipsis."""
    start = TEXT.index("Since")
    assert context_around(TEXT, start, start + 5, width=1000) == " ".join(TEXT.split())


@given(st.text(alphabet="ab \n", min_size=1, max_size=80), st.data())
def test_context_contains_the_quote_between_its_parts(text: str, data: st.DataObject) -> None:
    """For any text and span, the context is the quote with the text before and after it, on one line."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    before, quote, after = context_parts(text, start, end, width=data.draw(st.integers(0, 20)))
    assert quote == " ".join(text[start:end].split())
    assert "\n" not in before + after
    assert " ".join(text[:start].split()).endswith(before.removeprefix("…").strip())
    assert " ".join(text[end:].split()).startswith(after.removesuffix("…").strip())


def test_sentence_around_uses_the_splitter_that_knows_abbreviations() -> None:
    """The sentence around a quote is not cut short at an abbreviation such as "U.S."."""
    start = TEXT.index("$50 billion")
    sentence = sentence_around(TEXT, start, start + len("$50 billion"))
    assert sentence.startswith("Since setting up") and sentence.endswith("in the U.S.")


def test_checked_quote_refuses_a_span_that_is_not_the_text() -> None:
    """A span whose quote is not the text there, or that runs past the end, is refused."""
    with pytest.raises(UserError, match="does not match"):
        checked_quote(TEXT, 0, 10, quote="Toyota is ")
    with pytest.raises(UserError, match="outside"):
        checked_quote(TEXT, 5, len(TEXT) + 1)
