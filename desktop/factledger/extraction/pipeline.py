"""The one entry point: read a document's text and return every suggestion, sorted and grouped."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from factledger.domain import Attribution, ClaimKind, Document, Suggestion

from .attribution import Context, Frame, attribution_at, find_frames
from .claims import check_worthiness, strong_reason
from .commitments import Commitment, find_commitments, list_items
from .dates import find_deadline, find_period, non_statistic_spans
from .doc_kind import Kind, Reading, read_kind
from .grouping import Mention, group_keys
from .merging import one_per_fact
from .names import actor_before, name_runs
from .quantities import Quantity, find_quantities
from .sentences import Sentence, split_sentences
from .subjects import figure_subject

_CHINA = re.compile(r"\b(?:China|Chinese|Beijing|yuan|renminbi|RMB)\b")
_JAPAN = re.compile(r"\b(?:Japan|Japanese|Tokyo|yen)\b")
_KIND_SCORE = {"money": 0.75, "percent": 0.7, "count": 0.6, "measure": 0.5, "multiplier": 0.5}
_DASH_PAIR = re.compile(r"\s[–—]\s(.+?)\s[–—]\s")
_HEADLINE = re.compile(r"[.!?”\"’)]$")
_JOINED = re.compile(r"(?:,\s*|\s+)(?:and|&)\s+(?:the\s+)?|,\s+")
_PRONOUNS = frozenset(["he", "she", "they", "it", "their", "its", "his", "her", "our"])
_LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z-]+\b")


def suggest(document: Document) -> list[Suggestion]:
    """Every statistic, commitment and check-worthy claim in `document.text`, sorted by start.

    Pure and deterministic: the same text gives the same suggestions, and for each one
    `document.text[s.start:s.end] == s.quote`.
    """
    text = document.text
    reading = read_kind(document)
    sentences = _mark_comments(split_sentences(text), reading.comments_start)
    context = Context(outlet=document.outlet, background_document=reading.background, issuer=reading.issuer)
    frames = find_frames(text, sentences, context=context)
    china = len(_CHINA.findall(text)) > len(_JAPAN.findall(text))
    quantities = find_quantities(text, excluded=non_statistic_spans(text), china_context=china)
    starts = [s.start for s in sentences]

    def sentence_of(position: int) -> int | None:
        index = bisect.bisect_right(starts, position) - 1
        return index if index >= 0 and position < sentences[index].end else None

    common_words = frozenset(_LOWER_WORD.findall(text))
    statistics = [
        _statistic(text, q, sentences, frames, sentence_of(q.start), context, common_words)
        for q in quantities
    ]
    keys = group_keys([Mention(s.unit, s.value or 0.0, s.subject) for s in statistics])
    statistics = [_with_group(s, key) for s, key in zip(statistics, keys, strict=True)]
    strict = reading.kind is Kind.NEWS  # prose: pledges of effort need a figure, a date or an act
    commitments = _commitments(text, sentences, frames, statistics, context, common_words, strict)
    claims = _claims(text, sentences, frames, context)
    found = _outside_asides(statistics + commitments + one_per_fact(claims, commitments, statistics), reading)
    found.sort(key=lambda s: (s.start, s.end, s.kind.value))
    return found


def _mark_comments(sentences: list[Sentence], start: int | None) -> list[Sentence]:
    """Sentences from where reader comments begin (read from the text's own signals) are comments."""
    if start is None:
        return sentences
    return [
        replace(s, after_article=True) if s.start >= start and not s.after_article else s for s in sentences
    ]


def _outside_asides(found: list[Suggestion], reading: Reading) -> list[Suggestion]:
    """No claims or pledges from a "More … News" headline list or an image caption: they are other articles'
    headlines and picture descriptions. Their figures stay, as the outlet's."""
    asides = reading.link_lists + reading.captions
    if not asides:
        return found
    return [s for s in found if s.kind is ClaimKind.STATISTIC or not any(a <= s.start < b for a, b in asides)]


def _speaker(frame: Frame | None, context: Context) -> tuple[str | None, Attribution]:
    if frame is None:
        if context.issuer:
            return context.issuer, Attribution.DOCUMENT
        return context.outlet, Attribution.OUTLET
    return frame.speaker, frame.attribution


def _statistic(
    text: str,
    quantity: Quantity,
    sentences: list[Sentence],
    frames: list[list[Frame]],
    index: int | None,
    context: Context,
    common_words: frozenset[str],
) -> Suggestion:
    period = subject = None
    frame = None
    if index is not None:
        sentence = sentences[index]
        body = text[sentence.start : sentence.end]
        local = quantity.start - sentence.start
        period = find_period(body, near=local)
        subject = figure_subject(body, local, common_words)
        frame = attribution_at(frames[index], quantity.start, quantity.end)
    speaker, attribution = _speaker(frame, context)
    score = _KIND_SCORE[quantity.kind] + (0.1 if quantity.qualifier else 0.0)
    return Suggestion(
        kind=ClaimKind.STATISTIC,
        start=quantity.start,
        end=quantity.end,
        quote=text[quantity.start : quantity.end],
        value=quantity.value,
        unit=quantity.unit,
        qualifier=quantity.qualifier,
        period=period,
        subject=subject,
        speaker=speaker,
        attribution=attribution,
        cue=quantity.cue,
        score=min(1.0, score),
    )


def _with_group(suggestion: Suggestion, key: str) -> Suggestion:
    return replace(suggestion, group=key)


def _commitments(
    text: str,
    sentences: list[Sentence],
    frames: list[list[Frame]],
    statistics: list[Suggestion],
    context: Context,
    common_words: frozenset[str],
    strict: bool,
) -> list[Suggestion]:
    found: list[Suggestion] = []
    headings: list[Suggestion] = []  # pledges ending in a colon: "Japan will invest:" before a list
    statistic_starts = [s.start for s in statistics]  # statistics come sorted by start
    for index, sentence in enumerate(sentences):
        if sentence.after_article:
            continue
        for commitment in find_commitments(
            text, sentence.start, sentence.end, common_words=common_words, strict=strict
        ):
            frame = attribution_at(frames[index], commitment.start, commitment.end)
            speaker, attribution = _speaker(frame, context)
            committer = _committer(commitment.committer, frame, context)
            if committer in _PRONOUNS:
                committer = _antecedent(text, sentences, index) or (frame.speaker if frame else None)
            if committer is None and index > 0:
                previous = sentences[index - 1]
                committer = actor_before(text[previous.start : previous.end], previous.end - previous.start)
            pledge = _pledge(text, commitment, committer, speaker, attribution, statistics, statistic_starts)
            found.append(pledge)
            if text.startswith(":", commitment.end):
                headings.append(pledge)
    for heading in headings:
        cue = f"an item of a list its heading pledges (“{heading.quote}:”)"
        for start, end in list_items(text, heading.end + 1):
            inside = [i for i, s in enumerate(found) if s.start < end and start < s.end]
            for i in inside:
                if "imperative" in found[i].cue:  # "1. invest $5 billion": the heading's committer acts
                    found[i] = replace(
                        found[i], committer=heading.committer, subject=heading.committer, cue=cue
                    )
            if inside:
                continue  # the item pledges in its own words ("The EU will invest ...")
            item = Commitment(start, end, heading.committer, heading.action or "", None, "")
            found.append(
                _pledge(
                    text,
                    item,
                    heading.committer,
                    heading.speaker,
                    heading.attribution,
                    statistics,
                    statistic_starts,
                    cue=cue,
                )
            )
    found.sort(key=lambda s: s.start)
    return found


def _pledge(
    text: str,
    commitment: Commitment,
    committer: str | None,
    speaker: str | None,
    attribution: Attribution | None,
    statistics: list[Suggestion],
    statistic_starts: list[int],
    *,
    cue: str | None = None,
) -> Suggestion:
    """A commitment suggestion, carrying the first sum (else figure) inside its span as its amount."""
    low = bisect.bisect_left(statistic_starts, commitment.start)
    inside = statistics[low : bisect.bisect_left(statistic_starts, commitment.end, low)]
    money = [s for s in inside if s.unit and len(s.unit) == 3 and s.unit.isupper()]
    candidates = money or inside
    amount = candidates[0] if candidates else None
    return Suggestion(
        kind=ClaimKind.COMMITMENT,
        start=commitment.start,
        end=commitment.end,
        quote=text[commitment.start : commitment.end],
        subject=committer,
        speaker=speaker,
        attribution=attribution,
        committer=committer,
        action=commitment.action,
        amount=amount.value if amount else None,
        unit=amount.unit if amount else None,
        # The figure itself is its own statistic suggestion; the pledge carries it as `amount` only, so one
        # figure is one suggestion with a value.
        qualifier=amount.qualifier if amount else None,
        deadline=commitment.deadline or find_deadline(text[commitment.start : commitment.end]),
        period=amount.period if amount else None,
        cue=cue or commitment.cue,
        score=0.8 if amount else 0.65,
        group=amount.group if amount else None,
    )


def _antecedent(text: str, sentences: list[Sentence], index: int) -> str | None:
    """The named actor a pronoun committer ("they intend to") stands for: the subject of the nearest sentence
    before it that names one, within the two sentences before."""
    for back in range(index - 1, max(-1, index - 3), -1):
        previous = sentences[back]
        body = text[previous.start : previous.end]
        runs = name_runs(body)
        if runs:
            start, end, _ = runs[0]
            for run in runs[1:]:  # "Germany and the Netherlands": names joined by "and" are one subject
                if not _JOINED.fullmatch(body[end : run[0]]):
                    break
                end = run[1]
            return body[start:end]
    return None


def _committer(found: str | None, frame: Frame | None, context: Context) -> str | None:
    """Who commits: the actor the text names, else the speaker ("I"), else a release's issuer.

    None when nobody is named (a passive "will be established" alone): still a pledge, its author unknown.
    """
    if found is not None and found != "I":
        return found
    if frame is not None and frame.speaker:
        return frame.speaker
    return found or context.issuer


def _claims(
    text: str, sentences: list[Sentence], frames: list[list[Frame]], context: Context
) -> list[Suggestion]:
    found: list[Suggestion] = []
    seen: set[tuple[int, int]] = set()

    def add(start: int, end: int, frame: Frame | None, bonus: float, cue: str, *, always: bool) -> None:
        start, end = _trim(text, start, end)
        if end - start < 8 or (start, end) in seen:
            return
        score, reasons = check_worthiness(text[start:end])
        if not always and not reasons:
            return
        seen.add((start, end))
        speaker, attribution = _speaker(frame, context)
        why = cue + (f"; {', '.join(reasons)}" if reasons else "")
        found.append(
            Suggestion(
                kind=ClaimKind.CLAIM,
                start=start,
                end=end,
                quote=text[start:end],
                speaker=speaker,
                attribution=attribution,
                cue=why,
                score=round(min(1.0, score + bonus), 3),
            )
        )

    for index, sentence in enumerate(sentences):
        body = text[sentence.start : sentence.end]
        if not _HEADLINE.search(body) and len(body.split()) < 14:
            continue  # headings and captions are not claims of their own
        sentence_frames = frames[index]
        if sentence.after_article:
            score, _reasons = check_worthiness(body)
            if score >= 0.4:
                add(sentence.start, sentence.end, sentence_frames[0], 0.0, "a reader comment", always=True)
            continue
        for frame in sentence_frames:
            if frame.quote:
                add(
                    frame.content_start,
                    frame.content_end,
                    frame,
                    0.2,
                    f"a quotation of {frame.speaker}",
                    always=True,
                )
            elif frame.speaker and frame.content_end - frame.content_start > 10:
                add(
                    frame.content_start,
                    frame.content_end,
                    frame,
                    0.15,
                    f"attributed to {frame.speaker} ({frame.cue})",
                    always=True,
                )
        for match in _DASH_PAIR.finditer(body) if ("–" in body or "—" in body) else ():
            if strong_reason(check_worthiness(match.group(1))[1]):
                add(
                    sentence.start + match.start(1),
                    sentence.start + match.end(1),
                    None,
                    0.0,
                    "an aside stating a fact",
                    always=False,
                )
        if any(not f.quote for f in sentence_frames):
            continue  # the attributed parts above already carry this sentence's claims
        if strong_reason(check_worthiness(body)[1]):
            add(sentence.start, sentence.end, None, 0.0, "a check-worthy statement", always=False)
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:–—“”\"'"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—“”\"'"):
        end -= 1
    return start, end
