"""Restated figures share one group key."""

from factledger.domain import ClaimKind, Document
from factledger.extraction import suggest
from factledger.extraction.grouping import Mention, group_keys


def test_restatements_of_a_sum_share_a_group() -> None:
    """ "another $10 billion", "at least $10 billion" and "at or over $10 billion" are one figure."""
    text = (
        "Acme committed to invest another $10 billion in the country. "
        "Acme expects to commit at least $10 billion of that. "
        "Acme indicated its spending will come in at or over $10 billion."
    )
    stats = [s for s in suggest(Document(text=text)) if s.kind is ClaimKind.STATISTIC]
    assert len(stats) == 3
    assert {s.group for s in stats} == {"USD:1e10:Acme"}


def test_different_subjects_keep_small_figures_apart() -> None:
    """The same percentage about two actors is two figures."""
    keys = group_keys([Mention("%", 15.0, "Toyota"), Mention("%", 15.0, "Honda"), Mention("%", 15.0, None)])
    assert keys[0] != keys[1] and keys[2] == keys[0]
