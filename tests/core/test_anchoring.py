"""Re-anchoring of quotes in a new version of a text, and the word diff it rests on."""

from __future__ import annotations

import itertools

from factledger.core.anchoring import changed_figures, reanchor
from factledger.core.textdiff import OffsetMap, word_diff
from factledger.domain.anchors import AnchorState

OLD = (
    "Japan has committed to invest $500 billion in the United States, the minister said.\n\n"
    "The plan was announced on Tuesday. Critics called it vague.\n\n"
    "Officials said $4 billion would go to shipyards. Another $4 billion goes to chips.\n\n"
    "The last paragraph says nothing about money."
)


def _span(text: str, quote: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return start, start + len(quote), quote


def test_unchanged_text_anchors_every_quote_in_place() -> None:
    """A quote whose words are still at its offsets is anchored there."""
    spans = [_span(OLD, "$500 billion"), _span(OLD, "Critics called it vague.")]
    placements = reanchor(OLD, OLD, spans)
    assert [p.state for p in placements] == [AnchorState.ANCHORED, AnchorState.ANCHORED]
    assert [(p.start, p.end) for p in placements] == [(s, e) for s, e, _ in spans]


def test_text_inserted_before_moves_the_quote_and_keeps_its_words() -> None:
    """A paragraph added at the top moves later quotes without changing them."""
    new = "Update: this story was revised.\n\n" + OLD
    (placement,) = reanchor(OLD, new, [_span(OLD, "Critics called it vague.")])
    assert placement.state == AnchorState.MOVED
    assert new[placement.start : placement.end] == "Critics called it vague."  # type: ignore[misc]


def test_repeated_quote_is_told_apart_by_its_context() -> None:
    """Of two occurrences of "$4 billion", the one with the old surrounding words is chosen."""
    new = "Update first.\n\n" + OLD.replace("Officials said", "Officials told reporters")
    second = _span(OLD, "$4 billion", nth=1)
    (placement,) = reanchor(OLD, new, [second])
    assert placement.state == AnchorState.MOVED
    assert new[placement.end : placement.end + 14] == " goes to chips"


def test_changed_figure_is_changed_with_both_values() -> None:
    """A figure edited in place is `changed`, with the new wording and the values compared."""
    new = OLD.replace("$500 billion", "$550 billion")
    (placement,) = reanchor(OLD, new, [_span(OLD, "Japan has committed to invest $500 billion")])
    assert placement.state == AnchorState.CHANGED
    assert placement.quote == "Japan has committed to invest $550 billion"
    assert placement.figures == "$500 billion → $550 billion"
    assert placement.score >= 0.6


def test_deleted_sentence_orphans_its_quote() -> None:
    """A quote whose sentence is gone has no match above the threshold."""
    new = OLD.replace(" Critics called it vague.", "")
    (placement,) = reanchor(OLD, new, [_span(OLD, "Critics called it vague.")])
    assert placement.state == AnchorState.ORPHANED
    assert placement.start is None and placement.quote is None


def test_short_figure_of_a_deleted_sentence_does_not_jump_to_another_mention() -> None:
    """ "$4 billion" whose sentence was deleted is orphaned, not re-attached to the other "$4 billion"."""
    new = OLD.replace("Officials said $4 billion would go to shipyards. ", "")
    (placement,) = reanchor(OLD, new, [_span(OLD, "$4 billion")])
    assert placement.state == AnchorState.ORPHANED


def test_figures_compare_by_value_not_by_spelling() -> None:
    """The same amount written differently is no change; a different amount is reported old → new."""
    assert changed_figures("invest $4 billion", "invest 4 billion dollars") is None
    assert (
        changed_figures("about 3,200 people", "about 3,500 people")
        == "about 3,200 people → about 3,500 people"
    )


def test_word_diff_covers_both_texts_and_maps_offsets() -> None:
    """Diff spans tile both texts end to end, equal spans hold equal characters, offsets carry over."""
    new = OLD.replace("Tuesday", "Wednesday").replace("The last paragraph", "A final paragraph")
    spans = word_diff(OLD, new)
    assert spans[0].old_start == 0 and spans[-1].old_end == len(OLD) and spans[-1].new_end == len(new)
    for before, after in itertools.pairwise(spans):
        assert before.old_end == after.old_start and before.new_end == after.new_start
    for span in spans:
        if span.tag == "equal":
            assert OLD[span.old_start : span.old_end] == new[span.new_start : span.new_end]
    changed = {
        (OLD[s.old_start : s.old_end].strip(), new[s.new_start : s.new_end].strip())
        for s in spans
        if s.tag == "replace"
    }
    assert ("Tuesday.", "Wednesday.") in changed
    offsets = OffsetMap(spans)
    start = OLD.index("Critics")
    assert new[offsets.map(start) :].startswith("Critics")


def test_paragraph_moved_and_edited_is_found_where_it_went() -> None:
    """A quote whose paragraph moved to the end and was reworded there is `changed`, not orphaned."""
    paragraph = "Officials said $4 billion would go to shipyards. Another $4 billion goes to chips.\n\n"
    moved = (
        OLD.replace(paragraph, "")
        + "\n\nOfficials said $5 billion would go to shipyards. Another $4 billion goes to chips."
    )
    quote = "Officials said $4 billion would go to shipyards."
    (placement,) = reanchor(OLD, moved, [_span(OLD, quote)])
    assert placement.state == AnchorState.CHANGED
    assert placement.quote == "Officials said $5 billion would go to shipyards."
    assert placement.figures == "$4 billion → $5 billion"
