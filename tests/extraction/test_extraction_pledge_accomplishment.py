"""In prose, a stated stance or a passive "will be made" is a pledge when what it promises is done at a point.

Each rule is shown in two publishers' styles (snippets written for these tests): a party's programme and a
newspaper report.
"""

import pytest

from factledger.extraction.commitments import find_commitments


def strict(text: str) -> list[str]:
    """The actions pledged in one sentence of prose."""
    return [c.action for c in find_commitments(text, 0, len(text), strict=True)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a party's programme
        ("The Front is committed to abolish the toll on rural roads.", ["abolish"]),
        ("The Front is committed to maintaining harmony among all communities.", []),
        # a newspaper
        ("Ostrava Steel is committed to introducing a night shift, its chairman wrote.", ["introduce"]),
        ("Ostrava Steel remains committed to cleaner production, its chairman wrote.", []),
    ],
)
def test_a_stance_towards_an_accomplishment_is_a_pledge_in_prose(text: str, kept: list[str]) -> None:
    """ "Committed to abolish" names an act that is done at a point; "committed to maintaining" does not."""
    assert strict(text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a party's programme
        ("Registration of births will be made mandatory.", ["make"]),
        ("Credit delivery systems will be made more effective and responsive.", []),
        # a newspaper
        ("The coastal authority will be made the sole licensing body, the minister said.", ["make"]),
        ("Every effort will be made to help the flood victims, the minister said.", []),
    ],
)
def test_a_change_of_category_is_a_pledge_and_a_change_of_degree_is_not(text: str, kept: list[str]) -> None:
    """ "Will be made mandatory" can be checked; "made more effective" and "effort will be made" cannot."""
    assert strict(text) == kept
