"""Rules that generalize across publishers: who can commit, who can speak, and how two verbs of one subject
split a sentence. Each rule is checked on snippets written for this test in the style of two different
publishers (a wire-service news story and a newspaper feature; a government fact sheet and a party
manifesto), not copied from any source."""

import pytest

from factledger.domain import ClaimKind, Document, Suggestion
from factledger.extraction import suggest
from factledger.extraction.committers import can_act


def found(text: str, kind: ClaimKind) -> list[Suggestion]:
    return [s for s in suggest(Document(text=text)) if s.kind is kind]


# --- a committer is an agent, not a thing a sentence happens to open with ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # wire-service market report
        "Rates will stay high through the winter, traders in Frankfurt said on Tuesday.",
        "“Prices will fall once the new harvest reaches the ports,” said Lena Varga, an analyst at Norbank.",
        # newspaper business feature
        "Sales will top two million units next year as the cheaper models arrive.",
        "Exports will recover slowly, according to the central bank's quarterly outlook.",
    ],
)
def test_a_sentence_opening_plural_common_noun_commits_nothing(text: str) -> None:
    """ "Rates will stay high" forecasts; rates, prices, sales and exports are not actors that pledge."""
    assert found(text, ClaimKind.COMMITMENT) == []


@pytest.mark.parametrize(
    ("text", "committer"),
    [
        # wire-service story: organisations and people named by what they do still commit
        ("Investors will put $3 billion into the port, the ministry said.", "Investors"),
        ("Automakers will spend $12 billion on new battery lines, the trade group said.", "Automakers"),
        # government fact sheet: a country name opening the sentence is a name
        ("Vardania will purchase $4 billion of American liquefied natural gas.", "Vardania"),
        ("China will buy 12 million tons of soybeans under the arrangement.", "China"),
    ],
)
def test_agents_opening_a_sentence_still_commit(text: str, committer: str) -> None:
    """People and organisations named by a plural agent noun, and names the lexicon does not know, commit."""
    (pledge,) = found(text, ClaimKind.COMMITMENT)
    assert pledge.committer == committer


def test_can_act_reads_the_lexicon_not_a_list() -> None:
    """Plural things and adjectives are no actors; agent nouns, organisation nouns and unknown names are."""
    assert not any(can_act(w) for w in ("Rates", "Prices", "Markets", "Immediate", "Similar"))
    assert all(can_act(w) for w in ("Companies", "Farmers", "Economists", "Officials", "Congress", "Toyota"))


@pytest.mark.parametrize(
    "text",
    [
        # party manifesto
        "Immediate measures will be taken to cut the delays in district courts within two years.",
        # government fact sheet
        "Additional inspections will be carried out at 40 border crossings by March 2027.",
    ],
)
def test_an_adjective_opening_a_passive_pledge_is_not_its_committer(text: str) -> None:
    """ "Immediate measures will be taken": still a pledge, but "Immediate" names nobody."""
    (pledge,) = found(text, ClaimKind.COMMITMENT)
    assert pledge.committer is None or pledge.committer.lower() not in ("immediate", "additional")


@pytest.mark.parametrize(
    "text",
    [
        # party manifesto: the party names itself as the subject of a finite verb
        "Congress believes that the country is over-regulated and over-taxed in every sector.",
        "Government recognises the hardship that small traders have faced since the reform.",
    ],
)
def test_an_organisation_opening_a_sentence_is_no_imperative(text: str) -> None:
    """ "Congress believes …" is not the imperative "(to) congress": the organisation is the subject."""
    assert all("imperative" not in s.cue for s in found(text, ClaimKind.COMMITMENT))


@pytest.mark.parametrize(
    "text",
    [
        # party manifesto
        "We will engage all stakeholders in the sector.",
        # joint statement issued by two governments
        "We will leverage our shared strengths in the region.",
    ],
)
def test_a_pledge_of_effort_alone_is_not_logged(text: str) -> None:
    """Verbs learned from manifestos as promising effort, not an act ("engage", "leverage"), need a figure,
    a deadline or a concrete act beside them."""
    assert found(text, ClaimKind.COMMITMENT) == []


@pytest.mark.parametrize(
    "text",
    [
        "We will engage 500 new teachers in rural schools by 2027.",
        "We will leverage the new fund to build 40 clinics.",
    ],
)
def test_effort_verbs_with_a_figure_or_concrete_act_stay(text: str) -> None:
    assert len(found(text, ClaimKind.COMMITMENT)) == 1


# --- two speech verbs of one subject each keep their own content --------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # newspaper politics story
        (
            "Senator Hale has denied the allegations, and suggested they were invented by his rivals to "
            "hurt his campaign.",
            "the allegations",
            "they were invented by his rivals",
        ),
        # wire-service story
        (
            "Finance Minister Ana Holt conceded the budget is unbalanced and says only a new tax can close "
            "the gap.",
            "the budget is unbalanced",
            "only a new tax can close the gap",
        ),
    ],
)
def test_coordinated_speech_verbs_split_their_contents(text: str, first: str, second: str) -> None:
    """ "X has denied A, and suggested B": A and B are both X's, as two claims, neither swallowed."""
    claims = found(text, ClaimKind.CLAIM)
    assert any(c.quote.startswith(first) and second not in c.quote for c in claims)
    assert any(c.quote.startswith(second) for c in claims)


# --- who speaks ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "owner"),
    [
        # newspaper campaign story
        (
            "Asked about the rally, Hale's campaign manager Dana Ortiz did not apologize, but said the "
            "senator was speaking out of frustration with the polls.",
            "Dana Ortiz",
            "Hale",
        ),
        # wire-service business story
        (
            "Northfield's chief executive Omar Reyes declined to comment on the merger, but said the company "
            "would keep both factories open through 2026.",
            "Omar Reyes",
            "Northfield",
        ),
    ],
)
def test_a_possessor_is_not_the_speaker(text: str, speaker: str, owner: str) -> None:
    """ "Hale's campaign manager Dana Ortiz … said": Ortiz speaks; Hale only owns the campaign."""
    speakers = {s.speaker for s in suggest(Document(text=text)) if s.kind is not ClaimKind.STATISTIC}
    assert speaker in speakers and owner not in speakers


@pytest.mark.parametrize(
    "text",
    [
        # newspaper media story
        "In the letter, the bank said that it would close the broadcaster's accounts on Dec. 12.",
        # wire-service story
        "The agency said that inspections at the plant had found no leaks since March.",
    ],
)
def test_an_organisation_noun_after_a_determiner_speaks(text: str) -> None:
    """ "the bank said that …" is the bank's claim, not the outlet's."""
    claims = found(text, ClaimKind.CLAIM)
    assert any(c.speaker is not None and c.speaker.lower().endswith(("bank", "agency")) for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "The releases, however, have paled in comparison with the leaks published by the website.",
        "The reports, meanwhile, suggest that the outage lasted three hours.",
    ],
)
def test_a_lone_determiner_is_no_speaker(text: str) -> None:
    assert all((s.speaker or "").lower() != "the" for s in suggest(Document(text=text)))


@pytest.mark.parametrize(
    ("text", "pledged"),
    [
        # party manifesto
        ("The party is committed to the eradication of bonded labour in every district.", False),
        ("We are committed to building 300 new district hospitals by 2028.", True),
        # government fact sheet
        ("The Republic of Varn is committed to the principles of open and fair trade.", False),
        ("The Republic of Varn is committed to the purchase of $6 billion in American aircraft.", True),
    ],
)
def test_devotion_to_a_cause_is_not_a_pledge(text: str, pledged: bool) -> None:
    """ "is committed to the eradication of …" states a stance; an act or an amount after it is a pledge."""
    assert bool(found(text, ClaimKind.COMMITMENT)) is pledged
