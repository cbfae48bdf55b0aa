"""Sentence spans and where reader comments begin."""

from factledger.extraction.sentences import article_end, split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_titles_and_initialisms_do_not_end_sentences() -> None:
    """ "Pres." never ends a sentence; "U.S." ends one only before a sentence-starting word."""
    text = "Pres. Jane Doe spoke in the U.S. on Monday. Sales in the U.S. About half were trucks."
    assert texts(text) == [
        "Pres. Jane Doe spoke in the U.S. on Monday.",
        "Sales in the U.S.",
        "About half were trucks.",
    ]


def test_a_full_stop_inside_a_quotation_does_not_split_it() -> None:
    """The speaker after a two-sentence quotation stays in the same sentence as the quotation."""
    text = "Lee “said it is fine. It is healthy,” according to a source. Next one."
    assert texts(text) == ["Lee “said it is fine. It is healthy,” according to a source.", "Next one."]


def test_lines_without_punctuation_are_sentences_of_their_own() -> None:
    """Headings and list items are separate sentences, without their bullet."""
    assert texts("What comes next\n- Tariffs Hit $11B\nThe end.") == [
        "What comes next",
        "Tariffs Hit $11B",
        "The end.",
    ]


def test_comments_after_a_long_gap_are_after_the_article() -> None:
    """Text after several blank lines at the end of a page reads as reader comments."""
    text = "Article text here. " * 20 + "\n\n\n\n\n" + "Great piece, thanks."
    sentences = split_sentences(text)
    assert sentences[-1].after_article and not sentences[0].after_article
    assert article_end("Just an article.") == len("Just an article.")
