"""Commitments: an actor pledging future action, with its verb and deadline (amounts come from the pipeline)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .committers import ACTOR_NOUNS, can_act, resolve_actor
from .dates import find_deadline
from .learned_vague import VAGUE_VERBS
from .lexicon import SENTENCE_STARTERS
from .names import actor_before, first_actor
from .numbers import words_value
from .verbs import common_noun as _common_noun
from .verbs import is_base_verb, only_verb, participle_lemma

_APOS = "[’']"
# Between the subject and the cue: "has", "'ve", and adverbs ("Japan has also formally committed to").
_LY = r"(?!(?:ap|sup|com|re|multi|im)ply\b|rely\b|fly\b|rally\b|ally\b)[a-z]+ly"
_BETWEEN = (
    r"(?:\s+|[’'](?=(?:ll|re|s|m|ve)\b))"
    rf"(?:(?:ve|has|have|had|also|now|already|both|all|jointly|each|together|further|previously|{_LY})\s+)*"
)
_CUE = (
    r"(?P<modal>(?i:will|shall|ll|would|"
    r"(?:is|are|am|re|s|m)\s+(?:going|set|planning)\s+to|"
    r"(?:plans?|planned|intends?|intended|aims?|aimed|expects?|hopes?|seeks?|propos(?:es|ed|e)|offer(?:s|ed)?)\s+to|"
    r"(?:(?:is|are|am|re|m|was|were|been|remains?|stands?|stood)\s+(?:(?:\w+ly|both|all|also|still|now|fully)\s+)*committed|"
    r"commit(?:s|ted)?|pledge[sd]?|promise[sd]?|vow(?:s|ed)?|undert(?:ook|akes?|aken)|agree[sd]?|"
    r"resolved|decided|confirmed|signed\s+(?:an?\s+)?(?:\w+\s+){0,2}?agreements?|announced\s+plans)(?:\s+(?:itself|themselves|ourselves|himself|herself))?\s+to)|"
    r"agreed\s+with\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}\s+to|"
    r"(?i:pledged|committed|promised))"
)
_AFTER_CUE = rf":?\s+(?:(?:also|now|further|soon|jointly|each|both|all|then|still|together|again|{_LY})\s+)*"
_COMMIT = re.compile(rf"(?P<actor>\b[\w.&-]+){_BETWEEN}{_CUE}{_AFTER_CUE}(?P<action>[a-z]+)\b")
# "It commits the countries to work together": the committer is the object.
_COMMITS_OBJECT = re.compile(
    r"(?P<actor>\b[\w.&-]+)\s+(?P<modal>commits|committed|obliges|obligates|binds)\s+"
    r"(?!(?i:to|itself|themselves|ourselves)\b)(?P<object>(?:(?i:the|both|all|its|their|our)\s+)?[\w.&’'-]+(?:\s+(?:and\s+)?[\w.&’'-]+){0,4}?)\s+"
    r"to\s+(?P<action>[a-z]+)\b"
)
# "Hanwha Ocean announced a $5 billion infrastructure plan to ...": an announced plan is a pledge.
_ANNOUNCE = re.compile(
    r"(?P<actor>\b[\w.&-]+)\s+(?:(?:has|have|also|today)\s+)*(?P<modal>announced|announces|unveiled|unveils)\s+"
    r"(?:(?:a|an|its|their|plans\s+for\s+an?)\s+)(?:[^\s,;:]+\s+){0,5}?"
    r"(?P<action>plan|investment|program|programme|initiative|project|fund|partnership|commitment|expansion|"
    r"purchase)s?\b"
    r"(?:\s+(?:plan|program|programme|project|initiative|fund)s?\b)?"
)
# "A new fund will be established": a pledged creation whose committer the sentence or document names.
_PASSIVE = re.compile(
    r"(?P<modal>(?i:will|shall)(?:\s+also)?\s+be|[’']ll\s+be)\s+(?:[a-z]+ly\s+)?"
    r"(?P<action>[a-z]+(?:\s+(?:up|out|down|available))?)\b"
)
# Participles after "will be" that report a schedule, a state or an effect on others, not a pledged act.
# Verbs of degree, effort or stance: what they pledge has no point at which it is done.
_VAGUE = frozenset(
    [
        "ensure",
        "continue",
        "encourage",
        "strengthen",
        "promote",
        "develop",
        "focus",
        "address",
        "review",
        "support",
        "enhance",
        "strive",
        "empower",
        "pursue",
        "protect",
        "improve",
        "facilitate",
        "do",
        "work",
        "make",
        "take",
        "give",
        "place",
        "accord",
        "endeavour",
        "endeavor",
        "try",
        "consider",
        "explore",
        "examine",
        "study",
        "look",
        "seek",
        "emphasize",
        "emphasise",
        "prioritize",
        "prioritise",
        "foster",
        "nurture",
        "uphold",
        "safeguard",
        "respect",
        "recognize",
        "recognise",
        "evolve",
        "involve",
    ]
)
# The hand-kept verbs above with those learned from annotated manifestos (`learned_vague.py`).
_EFFORT = _VAGUE | VAGUE_VERBS
# Verbs of accomplishment: creating, enacting, adopting or ending something is done at a point one can check
# ("is committed to eliminate manual scavenging", "committed to adopting this policy"), unlike a stance of degree.
_ACCOMPLISH = frozenset(
    [
        "abolish",
        "adopt",
        "amend",
        "build",
        "construct",
        "create",
        "eliminate",
        "enact",
        "establish",
        "implement",
        "introduce",
        "pass",
        "provide",
        "repeal",
        "set",
    ]
)
# "will be made mandatory", "will be made the hub of …", "will be made a fundamental right": a change of
# category one can check; "made more effective" (a comparative) is a change of degree, "effort will be made to"
# or "made for" an effort.
_RESULTATIVE = re.compile(
    r"\bbe\s+made\s+(?!(?:to|for|in|on|by|at|with|and|available|more|less|further|better|[a-z]+er)\b)[a-z]"
)
# A stated stance rather than a pledged act: "is committed to", "remains committed to".
_STANCE_CUE = re.compile(r"“(?:is|are|am|re|m|remains?|stands?)\s+(?:\w+\s+)*committed\b")
_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")
# Words a title-case heading leaves in lower case ("Meeting the Challenge of Water").
_HEADING_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "into",
    ]
)
# "expand our cooperation with China", "strengthen our Look-East Policy": a change of degree to what the
# pledger already has, checkable only with a figure or a deadline.
_OWN_OBJECT = re.compile(r"(?i:our)\s")
# Verbs whose "to"-clause is another's act: "encourage States to pass laws" pledges only the encouraging.
_OTHERS_ACT = frozenset(["encourage", "urge", "persuade", "invite", "motivate", "incentivise", "incentivize"])
_FIGURE = re.compile(r"[\d$€£¥₹%]|\b(?i:percent|million|billion|trillion|lakh|crore|half|double)\b")
_EMBEDDED = re.compile(r"\b(?:to|on|by|at|for)\s+([a-z]+)\b")
_IMPERATIVE = re.compile(
    r"\s*(?:(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|[-•*▪●·])\s+)?(?P<verb>[A-Za-z][a-z]+)\s+(?P<next>[\w’'$₹-]+)"
)
_PAST = re.compile(r"\s(?!need|speed|feed|seed|bleed|breed)[a-z]{3,}ed\b")
# "Hanwha Ocean has committed to:" closing a line: a heading whose list items are the pledged acts.
_HEADING_CUE = re.compile(
    rf"(?P<actor>\b[\w.&-]+){_BETWEEN}(?P<modal>(?i:(?:committed|pledged|agreed|promised|vowed|undertaken|"
    r"commits|pledges|agrees|promises|vows|undertakes|intends|plans|aims)\s+to|commit\s+to|agree\s+to))(?=:\s*(?:\n|$))"
)
# A name after a preposition ("under the USMCA", "for the EU") is inside a phrase, not a passive's agent.
# A passive's clause also starts after "and" ("... certify their content and systems will be implemented").
_PASSIVE_CLAUSE_START = re.compile(r"[,;:(—–]|\s-\s|\s(?:and|but)\s")
_IN_PHRASE = re.compile(
    r"\b(?i:of|from|with|between|among|for|to|in|on|at|by|about|against|into|than|like|without|under|over|"
    r"across|through|within|via|per)\s+(?:(?i:the|a|an|its|their|our)\s+)?$"
)
_LIST_MARKER = re.compile(r"\s*(?:[-•*▪●·]|\(?(?:\d{1,2}|[a-z])[.)])\s+")
_CAPITALIZED_AFTER = re.compile(r"\s+[A-Z]")
_QUOTE_MARK = re.compile(r"[“”\"]")
# Words after a sentence's first word that show it is a noun (a subject or a heading), not an imperative verb.
_NOT_OBJECTS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "shall",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "of",
        "and",
        "or",
        "to",
        "in",
        "for",
        "with",
        "as",
        "at",
        "on",
        "by",
        "from",
        "that",
        "which",
        "who",
        "also",
        "alone",
        "itself",
        "-",
        "–",
    ]
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|shall|can|could|may|might|must|should|does|did|do)\b"
)
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|where|when|if)\b")
_NOT_PASSIVE = frozenset(
    [
        "held",
        "seen",
        "known",
        "announced",
        "released",
        "published",
        "affected",
        "hit",
        "required",
        "needed",
        "expected",
        "based",
        "used",
        "allowed",
        "followed",
        "forced",
        "asked",
        "considered",
        "determined",
        "watched",
        "closed",
        "delayed",
        "postponed",
        "shown",
        "reported",
        "told",
        "able",
        "subject",
        "charged",
        "taxed",
        "sold",
        "paid",
        "hurt",
        "left",
        "gone",
        "done",
        "replaced",
        "named",
        "elected",
        "judged",
        "remembered",
        "welcomed",
        "joined",
        "accompanied",
        "briefed",
        "hosted",
        "met",
        "led",
        "attended",
        "discussed",
        "decided",
        "met",
        "tested",
        "counted",
        "exempt",
        "exempted",
        "attributed",
        "generated",
        "applied",
        "imposed",
        "levied",
        "collected",
        "calculated",
        "assessed",
        "treated",
        "deemed",
        "notified",
        "updated",
        "posted",
        "informed",
        "invited",
        "given",  # "importers will be given the opportunity": a rule's grant to others
    ]
)
_NOUN_FORM = re.compile(
    r"(?P<actor>\b[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)[’']s\s+(?:(?:[a-z]+ly|new|historic|firm|renewed)\s+)?"
    r"(?P<modal>pledge|commitment|promise|plan|intention|vow|undertaking)s?\s+"
    r"to\s+(?P<action>[a-z]+)\b"
)
# "reaffirmed their commitment to", "a pledge to remove", "a historic commitment from NATO allies to invest",
# "made an early decision to hold": the nominal cue without a named possessor; the committer is the one named
# after "from", else the clause's subject (resolved by the caller from the sentence or the one before).
_BARE_NOUN_FORM = re.compile(
    r"\b(?:[a-z]+ed|made|makes?|gave|gives?|has|have|had|won|got|kept|keeps?|includes?|renews?|reaffirms?|"
    r"reiterates?|announces?|secures?|honou?rs?|fulfill?s?|of)\s+(?P<det>their|its|his|her|our|a|an|the)\s+(?:(?:[a-z]+ly|new|historic|firm|renewed|early|"
    r"formal|public|clear|joint|shared|longstanding|strong)\s+){0,2}"
    r"(?P<modal>pledge|commitment|promise|intention|decision|vow|undertaking|plans?)\s+"
    r"(?:from\s+(?P<source>[A-Z][\w.&-]*(?:\s+[A-Za-z][\w.&-]*){0,3}?)\s+)?"
    r"to\s+(?P<action>[a-z]+)\b"
)
# Words one of which `_BARE_NOUN_FORM` and `_GOAL` need: checked first, as most sentences have none.
_NOMINAL_WORDS = ("pledge", "commitment", "promise", "intention", "decision", "vow", "undertaking", "plan")
_GOAL_WORDS = (
    "target",
    "goal",
    "aim",
    "objective",
    "mission",
    "priorit",
    "endeavo",
    "resolve",
    "agenda",
    "milestone",
)
# "Our target is to ensure", "One of our main targets will be to eradicate", "Trump's goal is to cut": an
# aim stated as a copula is a pledge of its owner (the possessive before it).
_GOAL = re.compile(
    r"\b(?P<owner>[Oo]ur|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|[Mm]y|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*[’']s)\s+"
    r"(?:(?:[a-z]+ly|main|key|first|primary|chief|important|long-term|immediate|overall|stated|central|"
    r"top|foremost|ultimate)\s+){0,2}"
    r"(?P<modal>target|goal|aim|objective|mission|priority|endeavou?r|resolve|agenda|milestone)s?\s+"
    r"(?:(?:is|are|will\s+be|shall\s+be|would\s+be|remains?)\s+)to\s+(?P<action>[a-z]+)\b"
)
# A colon closing a line: `_HEADING_CUE` needs one.
_LINE_END_COLON = re.compile(r":[^\S\n]*(?:\n|$)")
# A necessary condition for any pattern above, checked first because most sentences pledge nothing. Every
# cue word they match is preceded by white space or an apostrophe (it follows an actor and `_BETWEEN`, or
# "’s " in the noun form), except the passive's "will"/"shall", which is followed by white space.
_ANY_CUE = re.compile(
    r"(?:will|shall)\s|[\s’'](?:would|ll\s|going|set|plan|intend|aim|expect|hope|seek|commit|pledge|"
    r"promise|vow|undert|agree|resolved|decided|confirmed|signed|announc|unveil|oblig|binds|intention|decision|"
    r"propos|offer|target|goal|objective|mission|priorit|endeavo|agenda|milestone)",
    re.IGNORECASE,
)
# Verbs that after "will" describe no pledged act: states, perception, speech and the running of a call.
_NOT_ACTIONS = frozenset(
    [
        "be",
        "have",
        "likely",
        "not",
        "need",
        "see",
        "probably",
        "remain",
        "become",
        "get",
        "happen",
        "receive",
        "benefit",
        "face",
        "lose",
        "suffer",
        "want",
        "like",
        "love",
        "feel",
        "know",
        "think",
        "believe",
        "say",
        "tell",
        "hear",
        "talk",
        "speak",
        "judge",
        "find",
        "turn",
        "go",
        "come",
        "stop",
        "pass",
        "leave",
        "note",
        "add",
        "underscore",
        "emphasize",
        "highlight",
        "mention",
        "answer",
        "look",
        "let",
        "wrap",
        "defer",
        "refer",
        "thank",
        "welcome",
        "yield",
        "never",
        "certainly",
        "definitely",
        "surely",
        "just",
        "only",
        "include",
        "depend",
    ]
)
_MONEY_VERBS = frozenset(
    [
        "invest",
        "commit",
        "spend",
        "pledge",
        "provide",
        "contribute",
        "fund",
        "purchase",
        "buy",
        "allocate",
        "disburse",
        "lend",
        "build",
        "open",
        "hire",
        "create",
        "complete",
        "launch",
        "begin",
        "start",
        "sign",
        "deliver",
        "expand",
        "double",
        "triple",
    ]
)
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "my", "your"]
)
_HOPE_CUES = ("expect", "hope")
_STRONG_CUES = ("commit", "pledge", "promise", "vow", "undert", "agree", "resolve", "decide", "confirm")
_CLAUSE_END = re.compile(
    r",(?!\d)|;|\s[–—-]\s|:|\(|\s+(?:as|while|but|although|though|because|whether)\s|"
    # "... and the parties will discuss", "... and make new investments": a new clause or a conjunct pledge
    r"\s+and\s+(?=(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+(?:will|shall)\b)|"
    r"\s+and\s+(?=[a-z]{3,}\s+(?:a|an|the|new|more|its|their|additional|further|up|all|\$|\d))"
)
# A conjunct after a pledge's clause: ", slap import fees", ", and improve growth", " and make investments".
_CONJUNCT = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<verb>[a-z]+)(?=\s+(?!and\b|or\b)[\w$])")
_NOT_VERBS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "while",
        "with",
        "without",
        "for",
        "from",
        "into",
        "including",
        "such",
        "other",
        "all",
        "both",
        "each",
        "more",
        "most",
        "many",
        "some",
        "any",
        "not",
        "also",
        "then",
        "than",
        "and",
        "but",
        "or",
        "nor",
        "yet",
        "so",
        "if",
        "as",
        "at",
        "by",
        "in",
        "on",
        "of",
        "to",
        "up",
        "per",
        "plus",
        "via",
        "among",
        "between",
        "through",
        "after",
        "before",
        "during",
        "under",
        "over",
        "new",
        "other",
        "key",
        "major",
        "total",
        "further",
        "additional",
        "current",
        "future",
        "every",
        "it",
        "they",
        "he",
        "she",
        "we",
        "you",
        "there",
        "here",
        "even",
        "only",
        "just",
        "still",
        "already",
        "once",
        "again",
        "well",
        "much",
        "very",
        "too",
        "said",
        "says",
        "according",
        "whether",
        "because",
    ]
)
_CLAUSE_START = re.compile(r"[,;:(—–]|\s-\s")
_CONDITION = re.compile(r"\b(?i:if|unless|whether|in case)\b")
_OBJECT_RELATIVE = re.compile(r"\b(?i:what|whatever|all\s+that|everything\s+that|how|whether)\s+$")
_REPORTED = re.compile(
    r"\b(?:said|says|announced|confirmed|confirms|indicated|added|stated|pledged|promised|vowed|insisted|"
    r"told\s+\w+)\s+(?:[\w,]+\s+){0,3}?(?:that\s+)?(?:,\s*if\s+[^,]{1,60},\s*)?$"
)
# "confirms that it will not adopt": a pledge to refrain, when a committing verb reports it.
_REFRAIN = re.compile(
    r"\b(?:confirm|pledge|promise|commit|agree|undert|vow|assure|guarantee)\w*\s+(?:that\s+)?$"
)
_NEGATION = re.compile(r"\b(?i:not|never|no\s+longer)\b|n[’']t\b")
_PROCEDURE = re.compile(r"[^.;]{0,60}?\b(?:questions?|call|briefing|podium|floor)\b")
_OBJECT_STARTS = frozenset(
    ["a", "an", "the", "its", "their", "another", "over", "more", "up", "nearly", "about", "some", "several"]
)
_LEMMAS = {
    "committed": "commit",
    "pledged": "pledge",
    "promised": "promise",
    "set up": "set up",
    "made available": "make available",
    "built": "build",
    "founded": "found",
    "investment": "invest",
    "expansion": "expand",
    "partnership": "partner",
    "commitment": "commit",
}
_E_AFTER = (
    "v",
    "c",
    "at",
    "ot",
    "ut",
    "ir",
    "ur",
    "iz",
    "yz",
    "dg",
    "rg",
    "ak",
    "us",
    "id",
    "in",
    "os",
    "as",
)


@dataclass(frozen=True, slots=True)
class Commitment:
    """A pledge found in text: span from the actor to the end of its clause.

    `committer` is None when the text names nobody (a passive "will be established"): the caller supplies
    the speaker or the document's issuer. "I" is left for the caller to resolve to the speaker.
    """

    start: int
    end: int
    committer: str | None
    action: str
    deadline: str | None
    cue: str


def find_commitments(
    text: str, start: int, end: int, *, common_words: frozenset[str] = frozenset(), strict: bool = False
) -> list[Commitment]:
    """Commitments inside one sentence `text[start:end]`, in text order.

    Questions, negated and conditional cues ("will not invest", "if Japan will"), hedges ("could", "may")
    and reported past acts ("invested") are not commitments. `common_words` are the document's lower-case
    words (see `committers.resolve_actor`).

    `strict` is for prose (news, a party's programme; `doc_kind.Kind.NEWS`): there a pledge of effort or a
    stated stance is rhetoric unless it carries a figure, a deadline or a concrete act, whoever makes it. A
    release records the terms named parties agreed to and a transcript their spoken words, so there a named
    party's pledge of effort ("the EU will work with", "Japan will continue our cooperation") is logged as
    stated.
    """
    body = text[start:end]
    if body.rstrip(" ”\"’')").endswith("?") or not may_hold_commitment(body):
        return []
    return [_shift(item, start) for item in _commitments_in(body, common_words, strict)]


def list_items(text: str, after: int) -> list[tuple[int, int]]:
    """The items of a bulleted or numbered list right after `after` (the colon ending its heading), as spans
    of each item's first line without its marker; empty when the heading's line goes on or no list follows."""
    line_end = text.find("\n", after)
    if line_end < 0 or text[after:line_end].strip():
        return []
    items: list[tuple[int, int]] = []
    position = line_end + 1
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        if line.strip():
            marker = _LIST_MARKER.match(line)
            if marker is None:
                break
            stop = len(line.rstrip(" .;"))
            if stop > marker.end():
                items.append((position + marker.end(), position + stop))
        elif items:
            blank_next = text.find("\n", end + 1)
            following = text[end + 1 : blank_next if blank_next >= 0 else len(text)]
            if not _LIST_MARKER.match(following):
                break  # a blank line and then prose: the list is over
        position = end + 1
    return items


def may_hold_commitment(body: str) -> bool:
    """Whether a sentence holds a cue word any commitment pattern needs; False means it pledges nothing."""
    if _ANY_CUE.search(body) is not None:
        return True
    opening = _IMPERATIVE.match(body)  # an imperative programme item carries no cue word
    if opening is None:
        return False
    verb = opening.group("verb")
    return is_base_verb(_lemma(verb.lower()) if verb.endswith("ing") else verb)


def _commitments_in(body: str, common_words: frozenset[str], strict: bool = False) -> list[Commitment]:
    """Every commitment of one sentence, offsets relative to it, without the cue-word prefilter."""
    found: list[Commitment] = []
    for match in _COMMIT.finditer(body):
        item = _from_cue(body, match, common_words)
        if item is not None:
            found.append(item)
    lowered = body.lower()
    nominal = any(word in lowered for word in _NOMINAL_WORDS)
    # Each pattern runs only where a word it cannot match without is present (most sentences lack them).
    others = [
        pattern
        for pattern, needed in (
            (_COMMITS_OBJECT, ("commit", "oblig", "binds")),
            (_ANNOUNCE, ("announc", "unveil")),
            (_NOUN_FORM, ("’s", "'s") if nominal else ()),
        )
        if any(word in lowered for word in needed)
    ]
    for pattern in others:
        for match in pattern.finditer(body):
            item = _from_other(body, match, common_words)
            if item is not None:
                found.append(item)
    for match in _BARE_NOUN_FORM.finditer(body) if nominal else ():
        item = _from_bare_noun(body, match)
        if item is not None:
            found.append(item)
    aims = any(word in lowered for word in _GOAL_WORDS)
    for match in _GOAL.finditer(body) if aims else ():
        owner = match.group("owner")
        committer = "we" if owner.lower() in ("our", "my") else re.sub(r"[’']s$", "", owner)
        if owner.lower() in ("their", "his", "her", "its"):
            committer = actor_before(body, match.start()) or owner.lower()
        if match.group("action") not in _DETERMINERS:
            found.append(
                _commitment(
                    body,
                    match.start(),
                    match.end("action"),
                    committer,
                    match.group("action"),
                    match.group("modal"),
                )
            )
    passive = "be" in lowered and ("will" in lowered or "shall" in lowered or "ll" in lowered)
    for match in _PASSIVE.finditer(body) if passive else ():
        participle = match.group("action").split()[0]
        if participle in _NOT_PASSIVE or participle_lemma(participle) is None:
            continue
        if _NEGATION.search(body, max(0, match.start() - 12), match.end()):
            continue
        found.append(_from_passive(body, match))
    for match in _HEADING_CUE.finditer(body) if _LINE_END_COLON.search(body) else ():
        actor = resolve_actor(
            body, match.start("actor"), match.end("actor"), first_person=True, common_words=common_words
        )
        if actor is not None and _fits_clause(body, actor.start, match.start("modal")):
            modal = re.sub(r"\s+", " ", match.group("modal")).lower()
            action = "commit" if "commit" in modal else _lemma(modal.split()[-2] if " to" in modal else modal)
            found.append(
                Commitment(
                    actor.start,
                    match.end("modal"),
                    actor.name,
                    action,
                    None,
                    f"a named actor ({actor.name}) with a commitment cue (“{modal}:”)",
                )
            )
    imperative = None if _title_case(body) else _imperative(body)
    if imperative is not None:
        found.append(imperative)
    found = [item for item in found if _verifiable(body, item, strict)]
    found.sort(key=lambda c: c.start)
    kept: list[Commitment] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
        kept.extend(_conjuncts(body, item))
    return kept


def _title_case(body: str) -> bool:
    """Whether a line is a heading in title case ("Creating More Jobs", "Reinforcing Border Security"): every
    word but short function words is capitalised, so it names a section, not a pledged act."""
    words = _WORD.findall(body)
    content = [word for word in words if word.lower() not in _HEADING_SMALL_WORDS]
    return len(content) >= 2 and all(word[0].isupper() or word[0].isdigit() for word in content)


def _imperative(body: str) -> Commitment | None:
    """A programme's item in the imperative ("Set up four defence universities.", "2. Create 100 urban
    clusters", "- extend fast track courts to all courts"): a pledge of the document's author.

    Only a sentence that opens with a verb's base form, is not quoted, states no finite verb of its own
    outside a relative clause, and has at least five words (so "Read more" and "Sign up now" are not).
    """
    match = _IMPERATIVE.match(body)
    if match is None or _QUOTE_MARK.search(body):
        return None
    if match.group("verb").endswith("ing"):
        return _gerund_item(body, match)
    if len(body.split()) < 5:
        return None
    verb, following = match.group("verb"), match.group("next")
    if following.isalpha() and body[match.end("next") : match.end("next") + 1] == ",":
        return None  # "Last month, she": an opening phrase
    if following[0].isupper() and (not only_verb(verb) or _CAPITALIZED_AFTER.match(body, match.end("next"))):
        return (
            None  # "Wall Street", "Black Democrats", "Sue Ann Arnall": a name, not "Modernize Government ..."
        )
    if verb.lower() in SENTENCE_STARTERS or following.lower() in _NOT_OBJECTS:
        return None  # "While both congressmen said": a function word that is also a verb
    if not is_base_verb(verb) or verb.lower() in _NOT_ACTIONS:
        return None
    if verb.lower() in ACTOR_NOUNS:
        return None  # "Congress believes …", "Group …": an organisation opening the sentence is its subject
    finite = _FINITE.search(body, match.end("verb"))
    if finite is not None and not _RELATIVE.search(body, match.end("verb"), finite.start()):
        return None
    return _commitment(body, match.start("verb"), match.end("verb"), None, verb.lower(), "imperative")


def _gerund_item(body: str, match: re.Match[str]) -> Commitment | None:
    """A programme's item as a verbless gerund phrase ("Setting up a National Child Labour Commission."):
    a pledge of the document's author when no finite verb follows (else it is a sentence's subject)."""
    verb = _lemma(match.group("verb").lower())
    if not is_base_verb(verb) or verb in _NOT_ACTIONS or len(body.split()) < 3:
        return None
    if _FINITE.search(body) or _PAST.search(body, match.end("verb")):
        return None
    return _commitment(body, match.start("verb"), match.end("verb"), None, verb, "a programme item")


def _verifiable(body: str, item: Commitment, strict: bool = False) -> bool:
    """Whether a pledge names something one could later check was done.

    A pledge of degree or effort ("will strengthen the patent regime", "will continue to promote", "efforts
    will be made") is checkable only with a figure, a deadline or a concrete act inside it ("will continue
    to pay 50%", "will focus on expanding facilities", "improve growth to 3.5 percent").

    Only `strict` (prose: see `find_commitments`) judges a named party's pledge so, and there a stated stance
    ("is committed to", "remains committed to") needs a figure, a deadline or an act of accomplishment
    ("committed to abolish"); "will be made" + a new category ("made mandatory") is checkable, unlike a degree. Quoted words are a speaker's pledge on
    record, judged as in a transcript. In prose, "to" + verb after the pledged verb's object is a purpose
    ("steps will be taken to curb …") or another's act ("States will be encouraged to pass laws"): it does
    not make the pledger's own part checkable; nor does a verb whose object is the pledger's own ("expand our
    cooperation with China": a change of degree).
    """
    strict = (
        strict and len(_QUOTE_MARK.findall(body, 0, item.start)) % 2 == 0
    )  # inside a quotation: on record
    named = item.committer is not None and item.committer.lower() not in ("we", "i")
    if named and not strict:
        return (
            True  # a release's terms or a speaker's words on record: the fact-checker judges their substance
        )
    clause = body[item.start : item.end]
    concrete = bool(item.deadline or _FIGURE.search(clause))
    if strict and _STANCE_CUE.search(item.cue) and not concrete:
        # A stance pledges an act only when the act is an accomplishment ("committed to abolish …").
        act = _lemma(item.action.split()[0])
        return act in _ACCOMPLISH and act not in _EFFORT
    if any(f"“{cue}" in item.cue for cue in _STRONG_CUES):
        return True  # "we agreed to promote", "we committed to working together": an explicit undertaking
    lemma = item.action.split()[0]
    lemma = participle_lemma(lemma) or lemma
    if concrete or (strict and _RESULTATIVE.search(clause)):
        return True  # a figure, a deadline, or a change of category ("will be made mandatory")
    after_verb = _catenative_end(clause, item.action)
    own_object = strict and after_verb >= 0 and _OWN_OBJECT.match(clause, after_verb) is not None
    if lemma not in _EFFORT and not own_object:
        return True
    if strict and lemma in _OTHERS_ACT:
        return False
    for embedded in _EMBEDDED.finditer(clause):
        if strict and embedded.group(0).startswith("to") and embedded.start() != after_verb:
            continue  # "steps will be taken to curb …", "will be strengthened to discuss": a purpose, not the act
        word = embedded.group(1)
        verb = _lemma(word) if word.endswith("ing") else word
        # In prose the learned verbs judge the embedded act too ("will continue to promote"); elsewhere only
        # the hand-kept ones do, so a release's "will continue to develop X" keeps its pledge.
        if verb not in (_EFFORT if strict else _VAGUE) and is_base_verb(verb):
            return True
    return False


def _catenative_end(clause: str, action: str) -> int:
    """Where a "to" right after the pledged verb would start ("will continue to pay", "strive to double"):
    only there does "to" + verb name the pledger's own act; elsewhere it is a purpose or another's act."""
    found = re.search(rf"\b{re.escape(action.split()[0])}\s+(?:[a-z]+ly\s+)?", clause)
    return found.end() if found else -1


def _from_bare_noun(body: str, match: re.Match[str]) -> Commitment | None:
    """ "reaffirmed their commitment to", "a pledge to remove", "a commitment from NATO allies to invest"."""
    action = match.group("action")
    if (
        action in ("be", "have")
        or action in _DETERMINERS
        or _NEGATION.search(body, max(0, match.start() - 20), match.start())
    ):
        return None
    committer: str | None
    if match.group("source"):
        committer = match.group("source")
    elif match.group("det").lower() in ("their", "its", "his", "her", "our"):
        committer = actor_before(body, match.start()) or match.group("det").lower()
    else:
        committer = first_actor(body[: match.start()]) or actor_before(body, match.start())
    modal = re.sub(r"\s+", " ", match.group("modal")).lower()
    return _commitment(body, match.start(), match.end("action"), committer, action, modal)


def _conjuncts(body: str, item: Commitment) -> list[Commitment]:
    """The further pledges of a series sharing one committer ("he will renegotiate trade deals, slap import
    fees on imported products, lower taxes ... and improve growth"): each conjunct is its own commitment."""
    found: list[Commitment] = []
    position = item.end
    while True:
        match = _CONJUNCT.match(body, position)
        if match is None or not _verb_like(match.group("verb")):
            return found
        verb = match.group("verb")
        next_item = _commitment(body, match.start("verb"), match.end("verb"), item.committer, verb, item.cue)
        next_item = Commitment(
            next_item.start,
            next_item.end,
            item.committer,
            verb,
            next_item.deadline or item.deadline,
            item.cue,
        )
        found.append(next_item)
        position = next_item.end


def _verb_like(word: str) -> bool:
    """Whether a lower-case word can be a bare verb opening a conjunct (not a noun, adjective or adverb)."""
    return (
        len(word) > 2
        and words_value(word) is None  # "three", "hundred": a number, not a verb
        and word not in _NOT_VERBS
        and word not in _NOT_ACTIONS
        and is_base_verb(word)
    )


def _shift(item: Commitment, offset: int) -> Commitment:
    return Commitment(
        item.start + offset, item.end + offset, item.committer, item.action, item.deadline, item.cue
    )


def _from_cue(body: str, match: re.Match[str], common_words: frozenset[str]) -> Commitment | None:
    modal = re.sub(r"\s+", " ", match.group("modal")).lower()
    strong = modal.startswith(_STRONG_CUES) or " committed" in modal or modal.startswith("agreed with")
    prefix = body[: match.start("actor")]
    if modal == "would" and not _REPORTED.search(prefix):
        return None  # "would" pledges only in reported speech ("said it would invest")
    actor = resolve_actor(
        body, match.start("actor"), match.end("actor"), first_person=strong, common_words=common_words
    )
    if actor is None or not _fits_clause(body, actor.start, match.start("modal")):
        return None
    if actor.name in ("they", "he", "she") and (modal == "ll" or "going" in modal):
        return None  # "they’re going to stretch themselves": talk, unless a name in the sentence commits
    action = match.group("action")
    action_end = match.end("action")
    if "committed" in modal and action in _DETERMINERS and not _FIGURE.search(body, action_end):
        return None  # "BJP is committed to the eradication of …": devotion to a cause, no act or amount
    if modal in ("pledged", "committed", "promised"):
        if action not in _OBJECT_STARTS and not re.match(r"[\d$€£¥]", action):
            return None
        action = _LEMMAS[modal]
    else:
        if action == "be" and modal in ("will", "shall", "ll", "would"):
            progressive = re.compile(r"\s+([a-z]+ing)\b").match(body, action_end)
            if progressive is None:
                return None
            action, action_end = _lemma(progressive.group(1)), progressive.end()
        action = _lemma(action) if action.endswith("ing") and len(action) > 5 else action
        if action == "not" and _REFRAIN.search(body, 0, match.start("actor")):
            refrain = re.compile(r"\s+([a-z]+)\b").match(body, action_end)  # "confirms it will not adopt"
            if refrain is None:
                return None
            action, action_end = f"not {refrain.group(1)}", refrain.end()
        elif action in _NOT_ACTIONS or (action in ("take", "hold") and _PROCEDURE.match(body, action_end)):
            return None
        if modal.startswith(_HOPE_CUES) and action not in _MONEY_VERBS:
            return None
    return _commitment(body, actor.start, action_end, actor.name, action, modal)


def _from_other(body: str, match: re.Match[str], common_words: frozenset[str]) -> Commitment | None:
    """Commitments of the object form ("commits the countries to"), announced plans and "X's pledge to"."""
    modal = match.group("modal").lower()
    action = match.group("action")
    if "object" in match.groupdict():
        committer: str | None = match.group("object")
        begin = match.start("actor")
        if not _fits_clause(body, begin, match.start("modal")):
            return None
    elif match.re is _NOUN_FORM:
        # "in recognition of India’s commitment to stop": the possessor pledges, whatever precedes it
        committer, begin = match.group("actor"), match.start("actor")
        if _NEGATION.search(body, max(0, begin - 12), begin):
            return None
    else:
        actor = resolve_actor(
            body, match.start("actor"), match.end("actor"), first_person=False, common_words=common_words
        )
        if actor is None or not _fits_clause(body, actor.start, match.start("modal")):
            return None
        committer, begin = actor.name, actor.start
    if modal.startswith(("announce", "unveil")):
        purpose = re.compile(r"\s+to\s+([a-z]+)\b").match(body, match.end())
        action = purpose.group(1) if purpose else _LEMMAS.get(action.lower(), "announce")
    nominal = match.re is _NOUN_FORM
    if (action in _NOT_ACTIONS and not nominal) or action in _DETERMINERS:
        return None  # "America's commitment to the defense of Japan" is a noun phrase, not a pledge
    return _commitment(body, begin, match.end(), committer, action, modal)


def _from_passive(body: str, match: re.Match[str]) -> Commitment:
    """ "A fund will be established": from the clause's start, by the actor named before it (or nobody)."""
    clause_start = 0
    for boundary in _PASSIVE_CLAUSE_START.finditer(body, 0, match.start()):
        clause_start = boundary.end()
    while clause_start < match.start() and body[clause_start] in " \u00a0“\"'‘":
        clause_start += 1
    committer = actor_before(body, match.start())
    if committer is not None and body.rfind(committer, 0, match.start()) < clause_start:
        committer = (
            None  # a name in an earlier clause ("... their U.S. content and systems will be") acts not
        )
    if committer is not None and " " not in committer and (_common_noun(committer) or not can_act(committer)):
        committer = None  # "Consolidation of banks will be encouraged": a sentence's first word, no name
    if committer is not None:
        named_at = body.rfind(committer, 0, match.start())
        if named_at >= 0 and _IN_PHRASE.search(body, 0, named_at):
            committer = None  # "Importers under the USMCA will be given": a name inside a phrase acts not
    raw = re.sub(r"\s+", " ", match.group("action"))
    head, _, particle = raw.partition(" ")
    verb = participle_lemma(head)
    action = _LEMMAS.get(raw) or (f"{verb} {particle}".strip() if verb else _lemma(raw))
    modal = re.sub(r"\s+", " ", match.group("modal")).lstrip("’'")
    return _commitment(body, clause_start, match.end("action"), committer, action, f"{modal} {raw}")


def _fits_clause(body: str, actor_start: int, cue_start: int) -> bool:
    """Whether a cue is a main-clause pledge: not inside an "if" clause, a negation or "what X will"."""
    if _NEGATION.search(body, actor_start, cue_start) and not _REFRAIN.search(body, 0, actor_start):
        return False
    clause_start = 0
    for boundary in _CLAUSE_START.finditer(body, 0, actor_start):
        clause_start = boundary.end()
    if _CONDITION.search(body, clause_start, actor_start):
        return False
    return not _OBJECT_RELATIVE.search(body[clause_start:actor_start])


def _commitment(
    body: str, begin: int, action_end: int, committer: str | None, action: str, modal: str
) -> Commitment:
    clause_end = _CLAUSE_END.search(body, action_end)
    if clause_end is not None and clause_end.start() == action_end and clause_end.group(0).strip() == "and":
        clause_end = _CLAUSE_END.search(body, clause_end.end())  # "agreed to develop and launch a deal"
    stop = clause_end.start() if clause_end else len(body.rstrip(' .!?”"’'))
    stop = max(stop, action_end)
    who = f"a named actor ({committer})" if committer else "an unnamed actor"
    return Commitment(
        begin,
        stop,
        committer,
        action,
        find_deadline(body[begin:stop]),
        f"{who} with a commitment cue (“{modal}”)",
    )


def _lemma(word: str) -> str:
    """A verb's base form from its "-ing" or "-ed" form, by spelling rules good enough for a label."""
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]
            if stem.endswith("i") and suffix == "ed":
                return stem[:-1] + "y"
            return stem + "e" if stem.endswith(_E_AFTER) else stem
    return word
