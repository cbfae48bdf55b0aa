"""Who asserts each part of a sentence and on what terms: speech verbs, quotes, "according to", labels."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from factledger.domain import Attribution

from .cues import CUE_CANDIDATE, is_cue, is_speech_verb
from .names import name_runs
from .pronouns import People
from .sentences import Sentence
from .sourcing import SPOKES_WORDS, Clues, ground_rules, reporting, sourcing
from .speakers import PRONOUNS, speaker_after, speaker_before

# Any word of the speech and cognition cue class (`cues`): candidates here, confirmed by `is_cue`.
_SPEECH = CUE_CANDIDATE
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_ACCORDING_NP = re.compile(r"[^,.;:—–()“”\"]+?(?=\s*(?:[,.;:—–()“”\"]|$)|\s+(?:who|which|that|as|and)\b)")
_LEARNED = re.compile(r"\b(?:has|have|had) learned\b")
_WAS_TOLD = re.compile(r"\b(?:was|were|has been|had been) told\b")
_NAMED_LABEL = re.compile(r"([A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){1,3}), [\w][^:\n“”\"]{1,60}:\s*(?=[“\"])")
_LINE_LABEL = re.compile(r"^([A-Z][A-Z .’'-]{1,60}|Q|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):\s", re.MULTILINE)
_ROLE_WORDS = re.compile(
    r"\b(?:president|minister|official|moderator|secretary|mr|mrs|ms|dr|senator|governor|ambassador|"
    r"spokes\w*|director|chair\w*|advis[eo]r|operator|representative|speaker|leader|chancellor|king|queen|"
    r"ceo|admiral|general)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(r"([A-Z][A-Z .’'-]{1,60}|Q|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):\s")
_TRAIL_WORDS = frozenset(
    [
        "on",
        "in",
        "ahead",
        "during",
        "at",
        "when",
        "after",
        "last",
        "this",
        "earlier",
        "recently",
        "yesterday",
        "today",
        "on",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "while",
        "before",
        "by",
        "via",
    ]
)
_PERSON_NEXT = re.compile(r"\s+(?:that\s+)?(?:he|she|his|her|him)\b")
_DOCUMENT_BEFORE = re.compile(
    r"\b(?:report|statement|fact ?sheet|filing|release|document|data|figures|study|survey|analysis|"
    r"analyses|research|paper|studies)s?\s+"
    r"(?:released|published|issued|compiled|prepared)?\s*(?:by|from)\s+$",
    re.IGNORECASE,
)
_OBJECTS = frozenset(["reporters", "me", "us", "him", "her", "them", "journalists"])
# Curly, straight, and the doubled apostrophes some archives print for quotation marks.
_QUOTE = re.compile(r"“([^“”]{3,}?)”|\"([^\"]{3,}?)\"|''((?:[^']|'(?!'))[^']{2,}?)''")
# A necessary condition for any frame: a quotation mark, "according to", a speech verb, or the "was told" and
# "has learned" of the outlet's own reporting. Most sentences have none and are settled by this one search.
_ANY_FRAME_CUE = re.compile(rf"[“\"]|''|ccording to|told|learned|{_SPEECH.pattern}")
_WORDS = re.compile(r"[\w’'.-]+")


@dataclass(frozen=True, slots=True)
class Frame:
    """One attributed stretch of a sentence: `content` is what `speaker` asserts."""

    speaker: str | None
    attribution: Attribution
    content_start: int
    content_end: int
    cue: str
    quote: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What is known about the document that changes how its sources are read."""

    outlet: str | None
    background_document: bool  # a transcript given on background: unnamed officials are on background
    issuer: str | None = None  # a fact sheet or release: unattributed statements are this issuer's document


def find_frames(text: str, sentences: list[Sentence], *, context: Context) -> list[list[Frame]]:
    """Frames for each sentence, in sentence order (an empty list where the outlet speaks for itself)."""
    result: list[list[Frame]] = []
    last_person: Antecedent | None = None
    last_group: Antecedent | None = None
    label: tuple[str, Attribution] | None = None
    last_quote: tuple[Frame, int] | None = None
    line_starts = {0} | {m.end() for m in re.finditer(r"\n", text)}
    label_counts = Counter(m.group(1) for m in _LINE_LABEL.finditer(text))
    label_quoted = False
    people = People(text)
    for number, sentence in enumerate(sentences):
        if sentence.after_article:
            result.append(
                [
                    Frame(
                        "a reader",
                        Attribution.READER_COMMENT,
                        sentence.start,
                        sentence.end,
                        "written below the article, where reader comments are",
                    )
                ]
            )
            continue
        body = text[sentence.start : sentence.end]
        offset = sentence.start
        if sentence.start in line_starts:
            label_match = _LABEL.match(body)
            named_label = _NAMED_LABEL.match(body)
            if label_match and _speaker_label(label_match.group(1), label_counts):
                label = _label_source(label_match.group(1), context)
                offset += label_match.end()
                body = body[label_match.end() :]
                label_quoted = body.lstrip().startswith(("“", '"'))
            elif named_label:  # "Chris Cillizza, The Washington Post: “…”": a named commentator's words
                label = (named_label.group(1), Attribution.ON_RECORD)
                offset += named_label.end()
                body = body[named_label.end() :]
                label_quoted = True
            elif label is not None and label_quoted and not body.lstrip().startswith(("“", '"')):
                label = None  # "President Trump: “…”" speaks for its quotations only, not the prose after
        frames = (
            _sentence_frames(body, offset, context, Recent(last_person, last_group, number, label), people)
            if may_hold_frame(body)  # most sentences hold no cue: settled before anything is built
            else []
        )
        if (
            not frames
            and body.startswith(("“", '"', "''"))
            and last_quote
            and last_quote[1] == sentence.paragraph
        ):
            frames = [replace(last_quote[0], content_start=offset + 1, content_end=offset + len(body) - 1)]
        quotes = [f for f in frames if f.quote]
        last_quote = (quotes[-1], sentence.paragraph) if quotes else None
        if label is not None and not any(f.content_start <= offset + 2 for f in frames):
            # A transcript's speaker says the whole sentence, including whatever it reports others saying.
            frames = [Frame(label[0], label[1], offset, sentence.end, f"spoken by {label[0]}"), *frames]
        for frame in frames:
            if not frame.speaker or frame.speaker.lower() in PRONOUNS:
                continue
            if _person_like(frame):
                last_person = Antecedent(frame.speaker, frame.attribution, number)
            else:
                last_group = Antecedent(frame.speaker, frame.attribution, number)
        if (
            result
            and not result[-1]
            and frames
            and (
                frames[0].content_end - frames[0].content_start < 3
                or body.lstrip().startswith(frames[0].speaker or "\0")
            )
            and sentences[number - 1].paragraph == sentence.paragraph
            and text[sentences[number - 1].start : sentences[number - 1].end]
            .lstrip()
            .startswith(("“", '"', "''"))
        ):  # "“…?” ¶ Mr. Clyburn said, echoing …": the attribution opening this sentence closes the quotation
            previous = sentences[number - 1]
            result[-1] = [
                replace(frames[0], content_start=previous.start, content_end=previous.end, quote=True)
            ]
        result.append(frames)
    return _name_spokespeople(sentences, result)


def _name_spokespeople(sentences: list[Sentence], result: list[list[Frame]]) -> list[list[Frame]]:
    """ "Toyota indicated it will …. …, a senior spokesman told the paper": the company spoke through him."""
    for index, frames in enumerate(result[:-1]):
        following = result[index + 1]
        if sentences[index + 1].paragraph != sentences[index].paragraph:
            continue
        spokesperson = next((f for f in following if f.speaker and SPOKES_WORDS.search(f.speaker)), None)
        if spokesperson is None:
            continue
        result[index] = [
            replace(f, speaker=spokesperson.speaker)
            if f.attribution is Attribution.SPOKESPERSON
            and f.speaker
            and not SPOKES_WORDS.search(f.speaker)
            and f.speaker.split()[-1][:1].isupper()  # the organisation itself, not "Clinton aides"
            else f
            for f in frames
        ]
    return result


def _person_like(frame: Frame) -> bool:
    """Whether a later "he" or "she" can refer to this frame's speaker."""
    if not frame.speaker or frame.speaker.lower() in PRONOUNS:
        return False
    if SPOKES_WORDS.search(frame.speaker):
        return True
    return frame.attribution in (Attribution.ON_RECORD, Attribution.ON_BACKGROUND, Attribution.ANONYMOUS)


def _speaker_label(raw: str, counts: Counter[str]) -> bool:
    """Whether "NAME:" at a line start names a speaker: a role or title, or a label that recurs.

    Fact sheets open paragraphs with one-off upper-case headings ("SECURING BILLIONS IN EXPORTS:"),
    which are not speakers; transcripts repeat their speakers' labels.
    """
    return raw.strip() == "Q" or bool(_ROLE_WORDS.search(raw)) or counts[raw] >= 2


def _label_source(raw: str, context: Context) -> tuple[str, Attribution]:
    name = raw.strip()
    if name == "Q":
        return "a reporter", Attribution.ON_RECORD
    if "OFFICIAL" in name.upper() and context.background_document:
        return name.title(), Attribution.ON_BACKGROUND
    return name.title() if name.isupper() else name, Attribution.ON_RECORD


def _sentence_frames(body: str, offset: int, context: Context, recent: Recent, people: People) -> list[Frame]:
    if not may_hold_frame(body):
        return []
    frames: list[Frame] = []
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(body)]
    background, anonymity = ground_rules(body)
    segment_start = 0

    def resolve(
        start: int, end: int, *, according: bool, verb_end: int, cue_start: int
    ) -> tuple[str, Attribution]:
        phrase = body[start:end]
        if phrase.lower() in PRONOUNS:
            return _antecedent(phrase, offset + start, recent, people)
        issued = _ISSUED.search(body, max(0, start - 30), start)
        if issued and _DOCUMENT_NOUN.search(phrase):  # "the Embassy issued a statement saying": the Embassy's
            issuer = speaker_before(body, issued.start())
            if issuer is not None:
                name = body[issuer[0] : issuer[1]]
                if name.lower() in PRONOUNS:
                    name = _antecedent(name, offset + issuer[0], recent, people)[0]
                return name, Attribution.DOCUMENT
        clues = Clues(
            background=background is not None and start - 10 <= background.start() <= verb_end + 80,
            anonymous=anonymity is not None and start - 10 <= anonymity.start() <= verb_end + 80,
            according_to=according,
            apposition=body[end:cue_start],
            reported=reporting(body[cue_start:verb_end]),
            people=people.surnames,
            organisations=frozenset(people.organisations),
        )
        attribution = sourcing(phrase, clues)
        if (
            attribution is Attribution.SPOKESPERSON
            and " " not in phrase
            and _PERSON_NEXT.match(body, verb_end)
        ):
            attribution = Attribution.ON_RECORD  # "Toyoda said he wanted": a person, not a company
        if _DOCUMENT_BEFORE.search(body, max(0, start - 40), start):
            attribution = Attribution.DOCUMENT  # "a factsheet released by the ministry indicated"
        return phrase, attribution

    events: list[tuple[int, str, re.Match[str]]] = [
        (m.start(), "according", m) for m in _ACCORDING.finditer(body)
    ]
    events += [
        (m.start(), "speech", m)
        for m in _SPEECH.finditer(body)
        if is_cue(m.group(0))
        and not _in_quotes(quotes, m.start())
        and not (_INTENTION.match(body, m.end()) and not is_speech_verb(m.group(0)))
        and not (m.group(0).startswith("add") and _AMOUNT_NEXT.match(body, m.end()))
    ]
    events.sort(key=lambda e: e[0])
    verbs: dict[int, int] = {}  # frame index -> where its speech verb starts in `body` (open-ended frames)
    for _, kind, match in events:
        if kind == "according":
            np = _ACCORDING_NP.match(body, match.end())
            if not np or not np.group(0).strip():
                continue
            speaker, attribution = resolve(
                np.start(), np.end(), according=True, verb_end=np.end(), cue_start=np.start()
            )
            before = body[segment_start : match.start()]
            if len(_WORDS.findall(before)) >= 5:
                content_start, content_end = segment_start, match.start()
            elif before.strip():  # "By Sept. 30, according to X, the committee had spent …": all of it is X's
                content_start, content_end = segment_start, len(body)
            else:  # "According to X, …": what follows is X's
                content_start, content_end = np.end(), len(body)
            frames.append(
                Frame(speaker, attribution, offset + content_start, offset + content_end, "“according to”")
            )
            segment_start = np.end()
            continue
        verb_start = match.start()
        if body[max(0, verb_start - 3) : verb_start] == "to ":
            verb_start -= 3
        if match.group(0).endswith("ing"):  # "Clinton is urging", "Wall Street has been watching"
            progressive = _PROGRESSIVE.search(body, max(0, verb_start - 40), verb_start)
            verb_start = progressive.start() if progressive else verb_start
        span = speaker_before(body, _skip_appositive(body, verb_start))
        participle = match.group(0).endswith("ing") and (
            is_speech_verb(match.group(0)) or _PARTICIPLE_OBJECT.match(body, match.end()) is not None
        )
        if span is None and participle and body[:verb_start].rstrip().endswith(","):
            span = _clause_subject(body, verb_start)  # "Mrs. Clinton …, telling reporters that …"
        coordinated = not match.group(0).endswith("ing")
        if span is None and coordinated and _COORDINATED.search(body, max(0, verb_start - 40), verb_start):
            span = _clause_subject(body, verb_start)  # "Trump knocked Clinton's record and said …"
        if span is None and body[:verb_start].rstrip().endswith((",", "”", '"')) and not participle:
            after = speaker_after(body, match.end())  # "…, said Robert Shapiro, a professor at Columbia."
            if after is not None and len(_WORDS.findall(body[segment_start:verb_start])) >= 4:
                speaker, attribution = resolve(
                    after[0], after[1], according=False, verb_end=after[1], cue_start=match.start()
                )
                cue = f"“{body[match.start() : after[1]]}”"
                frames.append(Frame(speaker, attribution, offset + segment_start, offset + verb_start, cue))
                segment_start = after[1]
                continue
        if span is None:
            continue
        np_start, np_end = span
        speaker, attribution = resolve(
            np_start, np_end, according=False, verb_end=match.end(), cue_start=match.start()
        )
        cue = f"“{body[np_start : match.end()]}”"
        if _is_trailing(body, np_start, match.end()):
            frames.append(Frame(speaker, attribution, offset + segment_start, offset + np_start, cue))
            segment_start = match.end()
        else:
            content = match.end()
            that = _CONTENT_LEAD.match(body, content)
            content = that.end() if that else content
            verbs[len(frames)] = verb_start
            frames.append(Frame(speaker, attribution, offset + content, offset + len(body), cue))
    frames = _split_coordinated(body, offset, frames, verbs)
    frames.extend(_quote_frames(body, offset, quotes, frames, people))
    if not frames:
        frames.extend(_outlet_frames(body, offset, context))
    return frames


# What joins two verbs of one subject: "denied the claims, and suggested", "aimed …, saying".
_JOINER = re.compile(r"(?:\s*,)?\s*(?:(?:and|but)\s+(?:(?:also|then|later|again|[a-z]+ly)\s+)?)?$")


def _split_coordinated(body: str, offset: int, frames: list[Frame], verbs: dict[int, int]) -> list[Frame]:
    """One subject, two speech verbs ("Trump has denied the claims, and suggested they are …"): each verb's
    content ends where the next verb of the same speaker begins, so both statements are attributed, not one
    swallowing the other."""
    result = list(frames)
    for index, frame in enumerate(frames):
        if index not in verbs or frame.content_end != offset + len(body):
            continue
        following = [
            verbs[later]
            for later in range(index + 1, len(frames))
            if later in verbs
            and frames[later].speaker == frame.speaker
            and frame.content_start < offset + verbs[later]
        ]
        if not following:
            continue
        joiner = _JOINER.search(body, 0, following[0])
        end = joiner.start() if joiner else following[0]
        if offset + end > frame.content_start:
            result[index] = replace(frame, content_end=offset + end)
    return result


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A speaker a later pronoun may refer to, and the sentence it spoke in."""

    speaker: str
    attribution: Attribution
    sentence: int


@dataclass(frozen=True, slots=True)
class Recent:
    """The last person and the last group or organisation that spoke before sentence `sentence`."""

    person: Antecedent | None
    group: Antecedent | None
    sentence: int
    label: tuple[str, Attribution] | None = None  # a transcript's current speaker label


def _antecedent(pronoun: str, position: int, recent: Recent, people: People) -> tuple[str, Attribution]:
    """Who "he", "she", "they" or "it" is: the speaker of the last two sentences when compatible, else the
    nearest person named before (for "he" and "she"), else the last speaker of the right kind."""
    low = pronoun.lower()
    if low in ("i", "we") and recent.label is not None:
        return recent.label  # "I asked" in a transcript is its speaker
    person, group = recent.person, recent.group
    if low in ("he", "she"):
        if (
            person is not None
            and recent.sentence - person.sentence <= 2
            and people.compatible(person.speaker, low)
        ):
            return person.speaker, person.attribution
        named = people.before(position, low)
        if named is not None:
            return named, Attribution.ON_RECORD
    if low in ("they", "it") and group is not None and recent.sentence - group.sentence <= 3:
        return group.speaker, group.attribution
    if person is not None:
        return person.speaker, person.attribution
    return pronoun, Attribution.ON_RECORD


# "expects to commit", "plans to build": an intention (a commitment's business), not a report of speech.
_INTENTION = re.compile(r"\s+to\s+[a-z]")
# "The economy added 156,000 jobs": adding an amount is arithmetic, not speech.
_AMOUNT_NEXT = re.compile(r"\s+(?:[$€£¥]|\d|(?:about|nearly|more than|another|some)\s+[$€£¥\d])")
# A learned cue hanging from a clause reports when it takes a person, a clause or a quotation as its object
# ("accusing her of", "calling the reports …"), not an amount ("supporting up to 135,000 jobs").
_PARTICIPLE_OBJECT = re.compile(r"\s+(?:that\b|[“\"]|(?:him|her|them|his|their|the|[A-Z][a-z]+)\b)")
_INTRO = re.compile(
    r"(?:On|In|At|For|After|Before|During|With|Without|Despite|Like|Unlike|Since|By|From|Over|Under|As|"
    r"Asked about|Speaking (?:at|to|in|on))\b[^,.;]{0,80},\s*"
)
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:also|then|later|again|[a-z]+ly)\s+)?$")
_POSSESSOR = re.compile(r"[’']s\b")
_PRONOUN_START = re.compile(r"(?:[A-Z]\w+ly,\s+(?:however,\s+)?)?(He|She|They|It|We|I)\b")


def _clause_subject(body: str, position: int) -> tuple[int, int] | None:
    """The subject of the clause a participle cue hangs from: a pronoun opening the sentence, or its first
    named actor before the cue."""
    pronoun = _PRONOUN_START.match(body)
    if pronoun:
        return pronoun.start(1), pronoun.end(1)
    intro = _INTRO.match(body)
    skip = intro.end() if intro else 0  # "On Russia, Trump …": the subject follows the opening phrase
    runs = [run for run in name_runs(body[:position]) if skip <= run[0] and run[1] <= position]
    if runs:
        # "Trump’s campaign manager Kellyanne Conway … said": a possessor names whose the subject is.
        for start, end, _ in runs:
            if not (_POSSESSOR.match(body, end) or body[start:end].endswith(("’s", "'s"))):
                return start, end
        return runs[0][0], runs[0][1]
    return None


def may_hold_frame(body: str) -> bool:
    """Whether a sentence holds any cue a frame needs; False means the outlet speaks for itself there."""
    return _ANY_FRAME_CUE.search(body) is not None


def _skip_appositive(body: str, position: int) -> int:
    """Position before an appositive that separates a speaker from its verb ("Takaichi – the first … – said")."""
    before = _AUX_TAIL.sub("", body[:position]).rstrip()  # "Trump, a billionaire …, has conceded"
    if before.endswith(("–", "—")):
        opening = max(before.rfind("–", 0, len(before) - 1), before.rfind("—", 0, len(before) - 1))
        if opening > 0:
            return opening
    if before.endswith(","):
        opening = before.rfind(",", 0, len(before) - 1)
        inner = before[opening + 1 : -1]
        if opening > 0 and re.match(r"\s*(?:a|an|the|who|which|whose)\b", inner):
            return opening
        # "Chris Weston, chief market strategist at IG Ltd., said": a lower-case description after a name.
        if opening > 0 and _DESCRIPTION.match(inner) and _NAME_END.search(before, 0, opening):
            return opening
    return position


# What sits between a cue and the content it introduces: "told reporters on Friday that …".
_CONTENT_LEAD = re.compile(
    r"\s*(?:(?:reporters|journalists|me|us|him|her|them|the \w+)\s+(?=(?:on \w+\s+)?that\b))?"
    r"(?:(?:on|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*|(?:in a|in an)\s+\w+(?:\s+\w+)?\s+(?=that\b)|"
    r"(?:this|last)\s+(?:week|month|year)\s*)?,?\s*(?:that\b)?\s*"
)
_INVERTED_CUE = re.compile(r"\s*,?\s*([a-z]+)\b")
_APPOSITION_AFTER = re.compile(r"[^.;“”\"]{0,120}")
_PROGRESSIVE = re.compile(
    r"\s(?:is|are|was|were|(?:has|have|had) been|will be)(?:\s+(?:also|still|now|even|[a-z]{3,}ly))*\s+$"
)
_AUX_TAIL = re.compile(r"(?:\s+(?:has|have|had|also|now|since|then|later|again|[a-z]{3,}ly))+\s*$")
_DESCRIPTION = re.compile(r"\s*(?:[a-z]|\d{1,3}\b)[^“”\"]{0,150}$")  # "…, chief economist at X," / "…, 31,"
_ISSUED = re.compile(r"\s(?:issued|released|published|put out|sent|posted|circulated)\s+$")
_DOCUMENT_NOUN = re.compile(r"\b(?:statement|report|letter|memo|release|video|tweet|analysis|study|note)s?$")
_NAME_END = re.compile(r"[A-Z][\w’'.-]*$")


def _in_quotes(quotes: list[tuple[int, int]], position: int) -> bool:
    return any(a < position < b for a, b in quotes)


def _is_trailing(body: str, np_start: int, verb_end: int) -> bool:
    """Whether "…, a senior spokesman told the paper." attributes what comes before it."""
    before = body[:np_start].rstrip()
    if not before or before[-1] not in ',”"–—' or len(_WORDS.findall(before)) < 4:
        return False
    rest = _WORDS.findall(body[verb_end:])
    index = 0
    while index < len(rest) and (rest[index][0].isupper() or rest[index].lower() in _OBJECTS):
        index += 1
    return len(rest) <= 3 or index >= len(rest) or rest[index].lower() in _TRAIL_WORDS


def _quote_frames(
    body: str, offset: int, quotes: list[tuple[int, int]], frames: list[Frame], people: People
) -> list[Frame]:
    """A quotation is asserted by the speaker whose verb sits next to it, or by the sentence's speaker."""
    found = []
    for start, end in quotes:
        inner_start, inner_end = start + 1, end - 1
        owner = next((f for f in frames if f.content_start <= offset + start < f.content_end), None)
        if owner is None:
            owner = next((f for f in frames if f.content_start >= offset + end - 2), None)
        if owner is None:
            after = _INVERTED_CUE.match(body, end)
            if after and (is_cue(after.group(1)) or after.group(1) == "asked"):
                span = speaker_after(body, after.end())
                if span:
                    phrase = body[span[0] : span[1]]
                    apposition = _APPOSITION_AFTER.match(body, span[1])
                    clues = Clues(
                        apposition=apposition.group(0) if apposition else "",
                        reported=reporting(after.group(1)),
                        people=people.surnames,
                        organisations=frozenset(people.organisations),
                    )
                    attribution = sourcing(phrase, clues)
                    owner = Frame(phrase, attribution, 0, 0, "")
        if owner is None or owner.speaker is None:
            continue
        found.append(
            Frame(
                owner.speaker,
                owner.attribution,
                offset + inner_start,
                offset + inner_end,
                owner.cue or "a quotation",
                quote=True,
            )
        )
    return found


def _outlet_frames(body: str, offset: int, context: Context) -> list[Frame]:
    told = _WAS_TOLD.search(body)
    if told:
        return [
            Frame(
                "an unnamed source",
                Attribution.ANONYMOUS,
                offset,
                offset + len(body),
                f"“{told.group(0)}” without naming who told",
            )
        ]
    learned = _LEARNED.search(body)
    if learned:
        return [
            Frame(
                context.outlet,
                Attribution.OUTLET,
                offset,
                offset + len(body),
                "the outlet's own reporting (“has learned”)",
            )
        ]
    return []


def attribution_at(frames: list[Frame], start: int, end: int) -> Frame | None:
    """The innermost frame whose content holds the span; quotations win over the verbs around them."""
    holding = [
        f for f in frames if f.content_start <= start < f.content_end or (start <= f.content_start < end)
    ]
    if not holding:
        return None
    holding.sort(key=lambda f: (not f.quote, f.content_end - f.content_start))
    return holding[0]
