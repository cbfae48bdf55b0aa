"""Who a speech verb belongs to: the noun phrase just before it, or the one just after an inverted verb."""

from __future__ import annotations

import re

from .committers import ACTOR_NOUNS
from .cues import is_cue, is_source_head
from .names import is_named

# Nouns that can head an unnamed speaker ("a company official", "Japanese officials", "a source").
SPEAKER_NOUNS = frozenset(
    [
        "official",
        "officials",
        "source",
        "sources",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "representative",
        "representatives",
        "executive",
        "executives",
        "analyst",
        "analysts",
        "insider",
        "insiders",
        "industry",
        "expert",
        "experts",
        "people",
        "person",
        "aide",
        "aides",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "lawmaker",
        "lawmakers",
        "leader",
        "leaders",
        "minister",
        "ministers",
        "secretary",
        "president",
        "chairman",
        "chairwoman",
        "ceo",
        "chief",
        "director",
        "economist",
        "economists",
        "company",
        "government",
        "ministry",
        "department",
        "administration",
        "agency",
        "officer",
        "officers",
        "member",
        "members",
        "observer",
        "observers",
        "diplomat",
        "diplomats",
        "negotiator",
        "negotiators",
        "staff",
        "statement",
        "report",
        "factsheet",
        "sheet",
        "union",
        "document",
        "documents",
        "data",
        "figures",
        "survey",
        "study",
        "analysis",
        "filing",
        "release",
        "automaker",
        "carmaker",
        "firm",
        "group",
        "party",
        "campaign",
        "white",
        "house",
        "embassy",
        "office",
        "spokesmen",
        "employee",
        "employees",
        "worker",
        "workers",
        "dealer",
        "dealers",
        "reporters",
        "reporter",
        "official’s",
        "administration’s",
        "officials’",
        "organizers",
        "authorities",
        "police",
        "email",
        "emails",
        "e-mail",
        "memo",
        "letter",
        "records",
        "filings",
        "poll",
        "polls",
        "polling",
        "tally",
        "overview",
        "forecast",
        "respondents",
        "voters",
        "investors",
        "critics",
        "strategist",
        "strategists",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "one",
        "two",
        "three",
        "several",
        "some",
        "other",
        "another",
        "his",
        "her",
        "its",
        "their",
        "our",
        "that",
        "this",
        "these",
        "those",
        "many",
        "few",
    ]
)
_STOP = frozenset(
    [
        "to",
        "in",
        "on",
        "at",
        "of",
        "for",
        "from",
        "with",
        "by",
        "as",
        "and",
        "or",
        "but",
        "because",
        "while",
        "when",
        "if",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "do",
        "does",
        "did",
        "not",
        "no",
        "so",
        "than",
        "then",
        "also",
        "just",
        "only",
        "still",
        "even",
        "about",
        "after",
        "before",
        "since",
        "during",
        "into",
        "over",
        "under",
        "between",
        "through",
        "against",
        "without",
        "within",
        "what",
        "where",
        "why",
        "how",
        "there",
        "here",
    ]
)
_WORD = re.compile(r"[\w.’'&-]+")
# Titles and initials keep their full stop inside a name ("said Mr. Clyburn", "said G. K. Butterfield").
_INVERTED = re.compile(
    r"\s*((?:(?:a|an|the|one)\s+)?(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Pres|Lt|Col|Sgt|Prof|St)\.\s+|[A-Z]\.\s*|"
    r"[\w’'-]+\s+){0,5}?(?![A-Z]\.|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Pres|Lt|Col|Sgt|Prof|St)\.)[\w’'-]+)(?=\s*[,.;:]|\s+(?:who|of|at|in|on|to)\b|\s*$)"
)
_POST_MODIFIED = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal)\s+(?:[\w-]+\s+){0,2}"
    r"(?:person|people|source|sources|official|officials|executive|executives|analyst|analysts|insider|"
    r"aide|aides|adviser|advisers|diplomat|diplomats|spokes(?:man|woman|person))\s+(?:familiar|briefed|close|"
    r"involved|with|who|knowledgeable|at|in|from|for)\b[\w\s’'-]{0,80}$"
)
_AUX = frozenset(
    [
        "has",
        "have",
        "had",
        "also",
        "reportedly",
        "previously",
        "later",
        "earlier",
        "once",
        "again",
        "repeatedly",
    ]
)


_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# Time adverbials and interjections between a subject and its verb.
_TIME_TAIL = re.compile(
    rf"(?:,?\s+(?:(?:on|late|early)\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?|"
    r",?\s+(?:this|last|next|earlier this|late last)\s+(?:week|month|year|weekend|spring|summer|fall|autumn|winter)|"
    rf",?\s+(?:in|on|since|by|last|this|early|late|mid-)\s*{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|"
    r",?\s+(?:today|yesterday|tonight|meanwhile|however|though|too|in turn|in a statement),?)+\s*$"
)


def speaker_before(text: str, position: int) -> tuple[int, int] | None:
    """Span of the noun phrase ending just before `position` that can be a speaker, or None.

    Scans words backwards: a head (a name, a pronoun, or a speaker noun), then up to four modifiers,
    then an optional determiner; stops at punctuation, quotes and function words.
    """
    while True:  # "The Fund this week said", "Comey in June sharply criticized": the subject is before
        tail = _TIME_TAIL.search(text, max(0, position - 80), position)
        if tail is None or tail.start() == 0:
            tail = _ADVERB_TAIL.search(text, max(0, position - 30), position)
        if tail is None or tail.start() == 0:
            break
        position = tail.start()
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, max(0, position - 160), position)]
    if not words:
        return None
    # Drop words cut off by the window's start.
    index = len(words) - 1
    while index >= 0 and (words[index][2].lower() in _AUX or _ADVERB.match(words[index][2])):
        index -= 1  # "has also said", "privately acknowledge", "on Friday officially accused"
    if index < 0:
        return None
    head_start, head_end, head = words[index]
    contraction = _CONTRACTION.match(head)
    if contraction:  # "that I’ve asked": the pronoun is the speaker
        head, head_end = contraction.group(1), head_start + len(contraction.group(1))
    post_modified = _POST_MODIFIED.search(text, max(0, position - 140), position)
    if post_modified and any(is_cue(w) for w in post_modified.group(0).split()[2:]):
        post_modified = None  # the phrase runs past another speech verb: it is not one speaker
    if post_modified:
        return post_modified.start(), len(text[:position].rstrip())
    if _gap_breaks(text, head_end, position if index == len(words) - 1 else words[index + 1][0]):
        return None
    lowered = head.lower().rstrip(".")
    if (
        index > 0
        and _PARTICIPLE.match(head)
        and (words[index - 1][2].lower() in SPEAKER_NOUNS or is_source_head(words[index - 1][2]))
        and not _gap_breaks(text, words[index - 1][1], head_start)
    ):
        index -= 1  # "a poll published on Sunday showed": the noun before the participle speaks
        head_start, head_end, head = words[index]
        lowered = head.lower().rstrip(".")
    if not (
        head[0].isupper()
        or lowered in PRONOUNS
        or lowered in SPEAKER_NOUNS
        or (lowered.endswith("s") and lowered[:-1] in SPEAKER_NOUNS)
        or is_source_head(head)
        or _determined(words, index)
        or _organisation(words, index)
        or _joined_to_speaker(text, words, index)
    ):
        return None
    if (lowered in _STOP and lowered not in PRONOUNS) or lowered in _ADDRESSEE or lowered in DETERMINERS:
        return None  # "The releases, however, have …": a determiner alone names nobody
    start = head_start
    if lowered in PRONOUNS:
        return start, head_end
    modifiers = 0
    index -= 1
    while index >= 0 and modifiers < 5:
        word_start, word_end, word = words[index]
        if _gap_breaks(text, word_end, start):
            break
        low = word.lower()
        if low in ("that", "this") and text[start : start + 1].isupper():
            break  # "that Iran is saying": a conjunction before a name, not a determiner
        if low in DETERMINERS:
            start = word_start
            break
        if low in _STOP or (low.endswith("ing") and not word[0].isupper()):
            break
        if not word[0].isupper() and not (low in SPEAKER_NOUNS or "-" in low or modifiers < 3):
            break
        start = word_start
        modifiers += 1
        index -= 1
    return _with_partner(text, _with_owner(text, start, head_end)), head_end


def _joined_to_speaker(text: str, words: list[tuple[int, int, str]], index: int) -> bool:
    """Whether a plain plural noun is joined by "and" to a speaker before it ("polls and panels show")."""
    head = words[index][2]
    if index < 2 or not (head.islower() and head.endswith("s")) or words[index - 1][2] not in ("and", "&"):
        return False
    return speaker_before(text, words[index - 1][0]) is not None


def _with_partner(text: str, start: int) -> int:
    """Start of "polls and panels" or "Clyburn and Butterfield" when the phrase found is the second of two
    speakers joined by "and"."""
    joined = _AND.search(text, max(0, start - 8), start)
    if joined is None or joined.start() == 0:
        return start
    first = speaker_before(text, joined.start())
    if first is None or first[1] != joined.start():
        return start
    return first[0]


_AND = re.compile(r"\s(?:and|&)\s+$")


def _with_owner(text: str, start: int, end: int) -> int:
    """Start of "the Russian Embassy in London" or "members of the House" when the phrase found ("London",
    "the House") is the object of a preposition after a named body or a speaker noun."""
    owner = _OWNER.search(text, max(0, start - 60), start)
    if owner is None:
        return start
    span = speaker_before(text, owner.start()) if owner.start() > 0 else None
    if span is None:
        return start
    head = text[span[0] : span[1]].split()[-1]
    if head[0].isupper() or head.lower() in SPEAKER_NOUNS or head.lower().rstrip("s") in SPEAKER_NOUNS:
        return span[0]
    return start


_OWNER = re.compile(r"\s(?:of|in|at|for)\s+$")
_ADDRESSEE = frozenset(["you", "y’all", "everyone", "everybody"])  # "You know, …" addresses, never speaks
_CONTRACTION = re.compile(r"^(I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)[’'](?:ve|re|ll|d|m|s)$")
_PARTICIPLE = re.compile(
    r"^(?:released|published|issued|conducted|compiled|prepared|obtained|leaked|sent|made)$"
)
_ADVERB_TAIL = re.compile(r"\s+[a-z]{3,}ly\s*$")
_ADVERB = re.compile(r"^[a-z]{3,}ly$")
_QUANTIFIERS = frozenset(
    [
        "the",
        "most",
        "many",
        "some",
        "several",
        "all",
        "few",
        "both",
        "percent",
        "of",
        "these",
        "those",
        "such",
    ]
)


def _organisation(words: list[tuple[int, int, str]], index: int) -> bool:
    """Whether a common noun names an organisation or its leader the text has introduced ("the bank said",
    "its board said"): the committers' actor nouns, after a determiner or possessive."""
    head = words[index][2]
    return (
        head.islower()
        and head in ACTOR_NOUNS
        and index > 0
        and words[index - 1][2].lower() in ("the", "its", "their", "our", "this", "that")
    )


def _determined(words: list[tuple[int, int, str]], index: int) -> bool:
    """Whether a common noun heads a determined plural phrase ("most investors say", "41 percent of
    respondents say"): any plural noun can speak when a quantifier or determiner introduces it."""
    head = words[index][2]
    if not (head.islower() and head.endswith("s") and not head.endswith("ss") and len(head) > 3):
        return False
    for back in range(index - 1, max(-1, index - 4), -1):
        word = words[back][2]
        if word.lower() in _QUANTIFIERS or word[:1].isdigit():
            return True
        if not word.islower() or word in _STOP:
            return False
    return False


def _gap_breaks(text: str, left: int, right: int) -> bool:
    """Punctuation or quotes between two words end a noun phrase."""
    return bool(text[left:right].strip())


def speaker_after(text: str, position: int) -> tuple[int, int] | None:
    """Span of the speaker written after an inverted verb ("…,” said Jane Doe, a trade adviser)."""
    match = _INVERTED.match(text, position)
    if not match or not match.group(1).strip():
        return None
    phrase = match.group(1)
    if not (is_named(phrase) or any(w.lower() in SPEAKER_NOUNS for w in phrase.split())):
        return None
    return match.start(1), match.end(1)
