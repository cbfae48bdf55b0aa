"""How a statement is sourced (on record, spokesperson, background, anonymous, document, outlet) from the text's words.

The decision reads the speaker phrase's head noun and modifiers, the description written beside it ("Sadie Weiner,
the party's spokeswoman, said"), the sentence's ground rules ("on background", "on condition of anonymity"), and
which surnames the document names as people in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factledger.domain import Attribution

from .names import DEMONYMS, is_named, name_runs, person_name

_BACKGROUND = re.compile(
    r"on (?:deep )?background|not for attribution|without attribution|background (?:briefing|call)",
    re.IGNORECASE,
)
# The guide's anonymous sources: unnamed without ground rules, or named as speaking on condition of anonymity.
_ANONYMITY = re.compile(
    r"on (?:the )?condition (?:of|that)|not authori[sz]ed to|asked not to be|declined to be (?:named|identified)|"
    r"requested anonymity|speaking anonymously|granted anonymity|insisted on anonymity",
    re.IGNORECASE,
)
_SOURCE_WORDS = re.compile(r"\b(?:source|sources|insider|insiders|familiar|knowledgeable)\b", re.IGNORECASE)
SPOKES_WORDS = re.compile(
    r"\b(?:spokes(?:man|woman|person|people|men|women)|press secretary|(?-i:representatives?)|"
    r"communications director|press office)\b",
    re.IGNORECASE,
)
_DOCUMENT_HEADS = re.compile(
    r"^(?:report|statement|fact ?sheet|filing|data|figures|numbers|survey|study|analysis|analyses|release|"
    r"document|estimates?|records?|census|polls?|polling|budget|forecast|website|memo|letter|tally|count|"
    r"index|research|paper|studies|e-?mails?|notes?|transcripts?|filings|reports|statements|surveys|findings|"
    r"projections?|models?|sheet|minutes|documents|releases|letters|memos|tweets?|post)$",
    re.IGNORECASE,
)
_OUTLET_WORDS = re.compile(
    r"\b(?:Post|Times|Journal|News|Press|Tribune|Herald|Gazette|Magazine|Wire|Radio|Television|TV|"
    r"newspaper|broadcaster|network|daily|outlet|tabloid|magazine)\b"
)
_ORG_WORDS = re.compile(
    r"\b(?:house|ministry|department|administration|agency|government|company|office|bureau|commission|"
    r"council|bank|fund|association|institute|corp\.?|inc\.?|co\.?|group|party|campaign|automaker|"
    r"carmaker|firm|embassy|treasury|congress|parliament|senate|court|committee|union|center|foundation|"
    r"organi[sz]ation|pac|board|authority|service|federation|coalition|alliance)\b",
    re.IGNORECASE,
)
# People speaking for an organisation or government: who they speak for decides how they are sourced.
_STAFF = frozenset(
    [
        "official", "officials", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "staff", "staffers",
        "staffer", "officers", "officer", "executives", "executive", "representatives", "negotiators", "diplomats"
    ]
)  # fmt: skip
# Unnamed people quoted as a group or by trade ("analysts said", "a GOP strategist", "many Democrats").
_UNNAMED = frozenset(
    [
        "analyst", "analysts", "economist", "economists", "expert", "experts", "investor", "investors", "observer",
        "observers", "critic", "critics", "supporter", "supporters", "strategist", "strategists", "trader",
        "traders", "lawmaker", "lawmakers", "leader", "leaders", "insider", "insiders", "people", "person",
        "residents", "voters", "members", "member", "participants", "organizers", "activists", "scientists",
        "researchers", "workers", "employees", "dealers", "opponents", "allies", "backers", "donors", "operatives",
        "consultants", "consultant", "pollsters", "pollster", "officials", "official", "aides", "aide"
    ]
)  # fmt: skip
_ANAPHORIC = re.compile(r"^(?:[Bb]oth|[Tt]he (?:two|three|four))\b")
_GROUP_NAME = re.compile(r"^[A-Z][a-z]+(?:ans|ats|ists|ives|ites)$")  # "Democrats", "Republicans"
_TITLED_NAME = re.compile(
    r"\b(?:Secretary|Minister|President|Senator|Governor|Ambassador|Director|Chair(?:man|woman)?|CEO|"
    r"Representative|Rep\.|Sen\.|Gov\.|Mr\.|Mrs\.|Ms\.|Dr\.)\s+[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'.-]+){0,2}$"
)
_POST_MODIFIER = frozenset(
    ["of", "for", "by", "from", "with", "at", "in", "on", "who", "that", "which", "whose", "to"]
)  # fmt: skip
_DETERMINERS = frozenset(
    ["a", "an", "the", "one", "two", "some", "many", "most", "several", "other", "another", "both", "all"]
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Clues:
    """What the sentence around a speaker says about how it is sourced."""

    background: bool = False  # "on background", "not for attribution"
    anonymous: bool = False  # "spoke on condition of anonymity", "not authorized to speak"
    according_to: bool = False  # "according to X"
    apposition: str = ""  # the description written beside the name: ", the DSCC spokeswoman,"
    reported: bool = False  # the cue is "reported", "wrote", "published": a news organisation's verb
    people: frozenset[str] = field(default_factory=frozenset)  # surnames the document names as people
    organisations: frozenset[str] = field(default_factory=frozenset)  # names the text calls "it"


_REPORTING = re.compile(r"(?:report|wr[io]t|publish|broadcast|air)")


def reporting(cue: str) -> bool:
    """Whether a cue is the verb a news organisation reports with ("reported", "wrote", "published")."""
    return _REPORTING.match(cue.lower()) is not None


def ground_rules(sentence: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The sentence's background and anonymity cues, where present."""
    return _BACKGROUND.search(sentence), _ANONYMITY.search(sentence)


def known_people(text: str) -> frozenset[str]:
    """Surnames of people the document names in full ("Hillary Clinton", "Mr. Clyburn"): a later bare
    "Clinton said" is that person on record, not an organisation."""
    found = set()
    for _, _, run in name_runs(text):
        words = run.split()
        if (
            len(words) >= 2
            and person_name(run)
            and not _ORG_WORDS.search(run)
            and not _OUTLET_WORDS.search(run)
        ):
            found.add(words[-1])
    return frozenset(found)


def head_word(phrase: str) -> tuple[str, list[str]]:
    """The head noun of a speaker phrase and the words before it ("a tally by the Center …" gives "tally")."""
    words = phrase.replace("’s", " ’s").replace("'s", " 's").split()
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in _POST_MODIFIER or (
            word.islower() and word.endswith("ing") and index < len(words) - 1
        ):
            words = words[:index]
            break
    words = [w.strip(",.") for w in words if w.strip(",.")]
    if not words:
        return "", []
    return words[-1], words[:-1]


def sourcing(speaker: str, clues: Clues) -> Attribution:
    """How `speaker` sources a statement, from the phrase's words and the sentence's clues."""
    if clues.background:
        return Attribution.ON_BACKGROUND
    if clues.anonymous or _SOURCE_WORDS.search(speaker):
        return Attribution.ANONYMOUS
    if SPOKES_WORDS.search(speaker) or SPOKES_WORDS.search(clues.apposition):
        return Attribution.SPOKESPERSON
    head, modifiers = head_word(speaker)
    low = head.lower()
    if _DOCUMENT_HEADS.match(low) and head.islower() and not _TITLED_NAME.search(speaker):
        return Attribution.DOCUMENT
    if clues.reported and _OUTLET_WORDS.search(speaker) and not person_name(speaker):
        return Attribution.OUTLET  # "the newspaper wrote"; a network complaining speaks for itself
    named = [w for w in modifiers if w[:1].isupper() and w.lower() not in _DETERMINERS]
    if low in _STAFF:
        if any(w in DEMONYMS or w.endswith(("ese", "ian", "ish")) for w in named):
            return (
                Attribution.ON_RECORD
            )  # "Japanese officials have argued": a government's officials, publicly
        if named:
            return (
                Attribution.SPOKESPERSON
            )  # "Clinton aides", "White House officials", "Priorities officials"
        return Attribution.ANONYMOUS
    if _is_person(speaker, clues.people) and speaker.split()[-1] not in clues.organisations:
        return Attribution.ON_RECORD
    if _ANAPHORIC.match(speaker) and low in _UNNAMED:
        return Attribution.ON_RECORD  # "both lawmakers", "the two": people the text has already named
    if low in _UNNAMED or (_GROUP_NAME.match(head) and len(speaker.split()) <= 3):
        return Attribution.ANONYMOUS  # "analysts said", "a GOP strategist", "many Democrats"
    if clues.reported and is_named(speaker) and len(speaker.split()) <= 3:
        return Attribution.OUTLET  # "as Politico reported Tuesday night"
    if clues.according_to and (_ORG_WORDS.search(speaker) or is_named(speaker)):
        return Attribution.DOCUMENT
    if _ORG_WORDS.search(speaker) or _OUTLET_WORDS.search(speaker) or is_named(speaker):
        return Attribution.SPOKESPERSON  # an organisation speaks through its people
    return Attribution.ON_RECORD


def _is_person(speaker: str, people: frozenset[str]) -> bool:
    if _TITLED_NAME.search(speaker):
        return True
    if person_name(speaker) and not _ORG_WORDS.search(speaker):
        return True
    words = speaker.split()
    return len(words) == 1 and words[0].removesuffix("’s").removesuffix("'s") in people
