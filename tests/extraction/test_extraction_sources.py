"""Who speaks and how they are sourced, on sentences written in two house styles (wire copy with bare surnames,
a newspaper with honorifics), through the public suggest() function."""

from factledger.domain import Attribution, ClaimKind, Document, Suggestion
from factledger.extraction import suggest
from factledger.extraction.cues import is_cue, stem


def claim_about(text: str, words: str) -> Suggestion:
    """The attributed suggestion quoting `words`: a claim, or the commitment an attributed pledge is folded into."""
    found = [s for s in suggest(Document(text=text)) if s.kind in (ClaimKind.CLAIM, ClaimKind.COMMITMENT)]
    return next(s for s in found if words in s.quote)


def test_stems_join_the_forms_of_one_verb() -> None:
    """A learned cue read as "blasted" also reads "blasts" and "blasting"; plain words stay out."""
    assert stem("blasted") == stem("blasts") == stem("blasting")
    assert stem("said") == stem("says") == stem("saying")
    assert is_cue("criticized") and is_cue("criticizes") and is_cue("vowed")
    assert not is_cue("factory") and not is_cue("note")


def test_a_learned_cue_attributes_in_wire_copy() -> None:
    """ "Lopez criticized …" (a cue outside the hand-kept verbs) gives Lopez's claim, wire style."""
    text = "Maria Lopez criticized the plan on Tuesday, calling it a giveaway that would cost taxpayers $2 billion."
    claim = next(s for s in suggest(Document(text=text)) if s.kind is ClaimKind.CLAIM)
    assert claim.speaker == "Maria Lopez" and claim.attribution is Attribution.ON_RECORD


def test_a_learned_cue_attributes_in_a_newspaper() -> None:
    """ "Mr. Okafor vowed that …" gives Mr. Okafor's claim, newspaper style with honorifics."""
    text = "Mr. Okafor vowed that the company would never again miss a payroll, whatever the board decided."
    claim = claim_about(text, "payroll")
    assert claim.speaker == "Mr. Okafor" and claim.attribution is Attribution.ON_RECORD


def test_an_inverted_speaker_keeps_an_honorific() -> None:
    """ "…," said Mr. Brandt keeps the full stop of the title inside the speaker's name."""
    text = "“We need two more years to finish the line,” said Mr. Brandt, the transit authority’s chairman."
    claim = claim_about(text, "two more years")
    assert claim.speaker == "Mr. Brandt"


def test_an_inverted_speaker_keeps_initials() -> None:
    """ "…," said J. R. Holloway keeps both initials."""
    text = "“The budget is balanced for the first time in a decade,” said J. R. Holloway."
    claim = claim_about(text, "budget is balanced")
    assert claim.speaker == "J. R. Holloway"


def test_a_description_between_name_and_verb_is_skipped() -> None:
    """ "Chen, chief economist at Norbank, said" speaks for Chen, not for the bank."""
    text = "“Rates will stay high through the winter,” Lina Chen, chief economist at Norbank Ltd., said."
    claim = claim_about(text, "Rates will stay high")
    assert claim.speaker == "Lina Chen" and claim.attribution is Attribution.ON_RECORD


def test_a_time_adverbial_between_subject_and_verb_is_skipped() -> None:
    """ "The World Bank this week said" is the bank's statement, spoken through its people."""
    text = "The World Bank this week said it expects growth of just 1.2 percent in the region next year."
    claim = claim_about(text, "1.2 percent")
    assert claim.speaker == "The World Bank" and claim.attribution is Attribution.SPOKESPERSON


def test_unnamed_analysts_are_anonymous() -> None:
    """Analysts and economists quoted without names are anonymous sources."""
    assert claim_about(
        "Analysts said the sell-off would deepen before the vote.", "sell-off"
    ).attribution is (Attribution.ANONYMOUS)
    text = "Some economists said the data did little to change the central bank's thinking."
    assert claim_about(text, "data did little").attribution is Attribution.ANONYMOUS


def test_a_named_organisations_staff_are_its_spokespeople() -> None:
    """ "Clinton aides say" and "Priorities officials announced" speak for the named campaign or group."""
    text = "Clinton aides say she has widespread support among small donors across the country."
    assert claim_about(text, "widespread support").attribution is Attribution.SPOKESPERSON
    text = "Priorities officials announced they had raised $175 million through the middle of October."
    assert claim_about(text, "175 million").attribution is Attribution.SPOKESPERSON


def test_a_spokeswoman_named_with_her_role_is_a_spokesperson() -> None:
    """ "…," Dana Reyes, the committee's spokeswoman, said — a named spokesperson is still a spokesperson."""
    text = "“Republicans have hit the panic button,” Dana Reyes, the committee's spokeswoman, said in a statement."
    claim = claim_about(text, "panic button")
    assert claim.speaker == "Dana Reyes" and claim.attribution is Attribution.SPOKESPERSON


def test_documents_and_polls_are_documents() -> None:
    """A poll, a tally and filings quoted as sources are documents."""
    text = "Public polling shows that the party is well positioned to win control of the chamber."
    assert claim_about(text, "well positioned").attribution is Attribution.DOCUMENT
    text = (
        "By Sept. 30, according to new filings with the election commission, the committee had spent "
        "$28.3 million from its advertising unit."
    )
    assert claim_about(text, "28.3 million").attribution is Attribution.DOCUMENT


def test_a_news_organisation_reporting_is_an_outlet() -> None:
    """ "As Politico reported" and "the newspaper wrote" cite another outlet."""
    text = (
        "The fund is spending heavily. As Politico reported Tuesday night, the group will match every dollar."
    )
    assert claim_about(text, "match every dollar").attribution is Attribution.OUTLET


def test_a_bare_surname_of_a_person_named_earlier_is_on_record() -> None:
    """ "Clinton has said" after "Hillary Clinton" is a person on record, not an organisation."""
    text = (
        "Hillary Clinton and Donald Trump disagree on trade. Clinton has said that tax increases for the "
        "highest earners can create more equity in the economy."
    )
    claim = claim_about(text, "tax increases")
    assert claim.speaker == "Clinton" and claim.attribution is Attribution.ON_RECORD


def test_she_said_goes_to_the_woman_named_before_not_the_nearest_name() -> None:
    """ "she said" skips a man named in between and lands on the woman the text calls "Ms."."""
    text = (
        "Ms. Sumberg worked for the senator for six years. Her office later hired Mr. Griffin as a counsel. "
        "“There was a sense that we were on our own,” she said."
    )
    claim = claim_about(text, "on our own")
    assert claim.speaker is not None and "Sumberg" in claim.speaker


def test_he_said_never_resolves_to_a_dateline_or_a_place() -> None:
    """ "he said" after a dateline and a city lands on the man named, never on WASHINGTON or Dallas."""
    text = (
        "WASHINGTON — Senator Tom Avery spoke in Dallas on Friday about the new farm bill. "
        "“The bill will pay for itself within a decade,” he said."
    )
    claim = claim_about(text, "pay for itself")
    assert claim.speaker is not None and "Avery" in claim.speaker


def test_a_participle_reports_the_clause_subject() -> None:
    """ "Mrs. Clinton …, telling reporters that …" is Mrs. Clinton's claim."""
    text = (
        "Mrs. Clinton, who drew support from half of voters in the poll, was dismissive of her rival, "
        "telling reporters on Saturday that she no longer worried about his attacks."
    )
    claim = claim_about(text, "no longer worried")
    assert claim.speaker == "Mrs. Clinton"


def test_a_participle_of_an_amount_reports_nothing() -> None:
    """ "…, supporting up to 135,000 jobs" is a figure, not a statement by the company before it."""
    text = "Korean Air will purchase 103 new aircraft valued at $36.2 billion, supporting up to 135,000 jobs."
    assert all(s.attribution is not Attribution.ON_RECORD for s in suggest(Document(text=text)))


def test_a_progressive_cue_speaks_for_the_subject_before_its_auxiliary() -> None:
    """ "Clinton is urging" and "Wall Street has been watching" name the subject, not the auxiliary."""
    text = "Mrs. Clinton is urging voters to strengthen her hand in Congress before the vote in November."
    assert claim_about(text, "strengthen her hand").speaker == "Mrs. Clinton"
    text = "The Kremlin has been insisting that it played no part in the hacking of the party's servers."
    assert claim_about(text, "no part in the hacking").speaker == "The Kremlin"


def test_a_coordinated_verb_speaks_for_the_clauses_subject() -> None:
    """ "On Russia, Trump knocked … and said …" is Trump's, not Russia's."""
    text = (
        "On Russia, Trump again knocked his rival's record and said her criticism of Putin raised questions."
    )
    assert claim_about(text, "criticism of Putin").speaker == "Trump"


def test_a_statement_issued_by_a_body_is_that_bodys() -> None:
    """ "the Embassy in London issued a statement saying" names the Embassy, as a document."""
    text = "The Russian Embassy in London issued a statement saying that Moscow had no position on the vote."
    claim = claim_about(text, "no position")
    assert claim.speaker == "The Russian Embassy in London" and claim.attribution is Attribution.DOCUMENT


def test_a_named_commentator_line_attributes_its_quotation() -> None:
    """ "Name, Outlet: “…”" and "Name, editor of X: “…”" lines are that person's words."""
    text = 'The debate ended late.\n\nChris Lane, The Daily Ledger: "This was her best debate by far, and it showed."'
    assert claim_about(text, "best debate").speaker == "Chris Lane"
    text = 'Reviews were mixed.\n\nAna Mora, editor of The Weekly Review: "He never answered the question on taxes."'
    assert claim_about(text, "never answered").speaker == "Ana Mora"


def test_a_bare_attribution_closes_the_quotation_before_it() -> None:
    """ "“…?” ¶ Mr. Clyburn said, echoing …" gives the question to Mr. Clyburn."""
    text = 'Money went unspent. "Why was that money sitting in the bank?" Mr. Clyburn said, echoing other members.'
    assert claim_about(text, "sitting in the bank").speaker == "Mr. Clyburn"


def test_doubled_apostrophes_are_quotation_marks() -> None:
    """Archives that print ''…'' for quotation marks still attribute the quotation to its speaker."""
    text = "Such income ''is highly concentrated among the top earners,'' said Lily Batchelder, a tax expert."
    claim = claim_about(text, "highly concentrated")
    assert claim.speaker == "Lily Batchelder" and claim.attribution is Attribution.ON_RECORD
