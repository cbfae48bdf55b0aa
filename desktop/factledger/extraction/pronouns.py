"""Which named person a pronoun speaker ("he said", "she wrote") refers to: the nearest compatible person before it.

People are found by mechanism, not by a list: a title or honorific before a capitalized word ("Mr. Clyburn",
"Sen. Warren"), or two or more capitalized words that name no organisation, place or time, outside quotation
marks; a bare surname counts once the document has named that person in full. Datelines ("WASHINGTON"), places
after a preposition ("in Dallas", "on Wall Street"), days, months and capitalized sentence openers never do.
Gender is read cheaply where the text gives it: honorifics, and the pronoun that follows a name in its sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import SENTENCE_STARTERS
from .names import name_runs

_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Pres)\.?$")
_TITLES = frozenset(
    [
        "president", "senator", "secretary", "governor", "minister", "chairman", "chairwoman", "director",
        "representative", "ambassador", "mayor", "judge", "justice", "chancellor", "commissioner", "speaker",
        "ceo", "chief", "former", "vice", "prime", "pres.", "sen.", "rep.", "gov.", "gen.", "dr.", "mr.", "mrs.",
        "ms.", "miss", "prof.", "lt.", "col.", "sgt.", "attorney", "general", "spokesman", "spokeswoman",
    ]
)  # fmt: skip
_OPENERS = frozenset(["which", "whose", "whom", "what", "where", "yes", "no", "but", "so", "then"])
_FEMALE_HONORIFIC = frozenset(["Mrs.", "Ms.", "Miss", "Mrs", "Ms"])
_MALE_HONORIFIC = frozenset(["Mr.", "Mr"])
# Words that make a capitalized run an organisation, a place, an event or a time rather than a person.
_NOT_PERSON = re.compile(
    r"\b(?:House|Senate|Congress|Department|Ministry|Agency|Administration|Office|Bureau|Commission|Committee|"
    r"Council|Court|Bank|Fund|Association|Institute|Corp|Inc|Co|Group|Party|Campaign|Company|Center|Centre|"
    r"Foundation|University|College|School|Hospital|Union|Board|Authority|Service|Federation|Coalition|PAC|"
    r"Street|Avenue|Road|County|City|State|States|Kingdom|Republic|Island|Islands|Valley|River|Park|Square|"
    r"Coast|Sea|Ocean|Airport|Station|Church|Capitol|Post|Times|Journal|News|Press|Tribune|Herald|Network|"
    r"Television|Radio|Magazine|Review|Report|Act|Bill|Law|Treaty|Agreement|Day|Week|War|Convention|Debate|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|"
    r"August|September|October|November|December|Democrats?|Republicans?|Democratic|Republican|GOP|U\.S\.|"
    r"American|Americans|Street|Market|Markets|Exchange|Index|Stock|Stocks|Olympics|Cup|League|Army|Navy|"
    r"Force|Forces|Guard|Police|Embassy|Parliament|Cabinet|Government|Council|Summit|Forum|Project|Program)\b"
)
_LOCATIVE = re.compile(
    r"\b(?:in|at|from|near|across|outside|into|inside|throughout|around|toward|towards|the|a|an|this|that)\s+$"
)
_PRONOUN_AFTER = re.compile(r"\b(he|him|his|she|her|hers|its|itself)\b|[.!?]")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")
_MALE = frozenset(["he", "him", "his", "spokesman"])
_FEMALE = frozenset(["she", "her", "hers", "spokeswoman"])


def _person_runs(text: str) -> list[tuple[int, int, list[str]]]:
    """Name runs cut where a sentence ends inside them ("… Headlight.News. But Toyota") and at "and", with
    sentence openers, figures and model numbers left out, and never a run that follows an article or a
    place preposition ("the USS George Washington", "in San Antonio") or sits in a title-case headline."""
    found = []
    headlines: dict[int, bool] = {}
    for start, _, run in name_runs(text):
        parts: list[list[str]] = [[]]
        for word in run.split():
            if word.lower() in ("and", "&"):
                parts.append([])
                continue
            parts[-1].append(word)
            if word.endswith(".") and len(word) > 3 and not _HONORIFIC.match(word):
                parts.append([])  # "Headlight.News." ends a sentence
        position = start
        for part in parts:
            while part and (part[0].lower() in SENTENCE_STARTERS or part[0].lower() in _OPENERS):
                part = part[1:]
            if not part:
                continue
            part_start = text.find(part[0], position)
            part_end = part_start + len(" ".join(part))
            position = part_end
            if any(any(ch.isdigit() for ch in w) for w in part):
                continue
            if _LOCATIVE.search(text, max(0, part_start - 12), part_start):
                continue
            line_start = text.rfind("\n", 0, part_start) + 1
            if line_start not in headlines:
                headlines[line_start] = _headline_line(text, part_start)
            if headlines[line_start]:
                continue
            found.append((part_start, part_end, part))
    return found


def _headline_line(text: str, position: int) -> bool:
    """Whether `position` sits in a short line whose words are almost all capitalized (a headline)."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    words = text[line_start : line_end if line_end >= 0 else len(text)].split()
    if not 2 <= len(words) <= 16:
        return False
    capitalized = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalized >= 0.8 * len(words)


def _person_part(words: list[str]) -> list[str]:
    """The words after the last one that names an organisation, place, party or time: "Democrat Hillary
    Clinton" is "Hillary Clinton"; "White House" and "Wall Street" leave nothing."""
    for index in range(len(words) - 1, -1, -1):
        if _NOT_PERSON.fullmatch(words[index].rstrip(",")):
            return words[index + 1 :]
    return words


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named at `start`: `key` is the surname every mention of them shares."""

    start: int
    end: int
    key: str


class People:
    """The people a document names, in order, with the fullest name and the gender the text gives each."""

    def __init__(self, text: str) -> None:
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        quote_starts = [a for a, _ in quoted]
        full: dict[str, str] = {}
        honored: dict[str, str] = {}
        candidates: list[tuple[int, int, list[str]]] = []
        for start, end, words in _person_runs(text):
            run = " ".join(words)
            if run.isupper() and len(run) > 3:
                continue  # a dateline or shouted heading
            words = _person_part(words)
            candidates.append((start, end, words))
            titled = [w for w in words if w.lower() not in _TITLES and not _HONORIFIC.match(w)]
            if not titled:
                continue
            surname = titled[-1]
            if len(titled) >= 2 and surname not in full:
                full[surname] = " ".join(words)  # as the text first names them in full, title included
            if _HONORIFIC.match(words[0]) or words[0].lower() in _TITLES:
                honored.setdefault(surname, words[0])
                full.setdefault(surname, run)
        self.mentions: list[Mention] = []
        for start, end, words in candidates:
            titled = [w for w in words if w.lower() not in _TITLES and not _HONORIFIC.match(w)]
            if not titled or titled[-1] not in full:
                continue
            index = bisect.bisect_right(quote_starts, start) - 1
            if index >= 0 and start < quoted[index][1]:
                continue  # a name inside a quotation is not who is speaking around it
            self.mentions.append(Mention(start, end, titled[-1]))
        self.names = full
        self._starts = [m.start for m in self.mentions]
        self.organisations: set[str] = set()
        self.gender = self._genders(text, honored)
        for key in self.organisations:
            if key not in honored:
                self.names.pop(key, None)
        self.surnames = frozenset(self.names)
        self.mentions = [m for m in self.mentions if m.key in self.names]
        self._starts = [m.start for m in self.mentions]

    def _genders(self, text: str, honored: dict[str, str]) -> dict[str, str]:
        votes: dict[str, list[int]] = {}
        for key, honorific in honored.items():
            if honorific in _MALE_HONORIFIC:
                votes.setdefault(key, [0, 0])[0] += 3
            elif honorific in _FEMALE_HONORIFIC:
                votes.setdefault(key, [0, 0])[1] += 3
        for index, mention in enumerate(self.mentions):
            limit = self.mentions[index + 1].start if index + 1 < len(self.mentions) else len(text)
            following = _PRONOUN_AFTER.search(text, mention.end, min(limit, mention.end + 160))
            if following and following.group(1):
                word = following.group(1)
                if word.startswith("it"):
                    self.organisations.add(mention.key)  # "Hanwha Ocean … its capacity": not a person
                    continue
                votes.setdefault(mention.key, [0, 0])[0 if word in _MALE else 1] += 1
        return {key: ("m" if m > f else "f") for key, (m, f) in votes.items() if m != f}

    def compatible(self, name: str, pronoun: str) -> bool:
        """Whether a speaker phrase can be what `pronoun` refers to (unknown gender always can)."""
        wanted = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else None
        if wanted is None:
            return True
        words = name.split()
        lowered = {w.lower() for w in words}
        if lowered & (_MALE if wanted == "f" else _FEMALE):
            return False
        surname = next((w for w in reversed(words) if w in self.gender), None)
        return surname is None or self.gender[surname] == wanted

    def before(self, position: int, pronoun: str, reach: int = 1500) -> str | None:
        """The fullest name of the nearest person before `position` whom `pronoun` ("he", "she") can mean."""
        low = pronoun.lower()
        if low not in ("he", "she"):
            return None
        index = bisect.bisect_left(self._starts, position) - 1
        while index >= 0 and self.mentions[index].start >= position - reach:
            key = self.mentions[index].key
            if self.compatible(key, low):
                return self.names.get(key, key)
            index -= 1
        return None
