"""Check-worthiness: which sentences (or attributed parts of them) state facts worth checking, and how much."""

from __future__ import annotations

import re

_FEATURES: list[tuple[re.Pattern[str], float, str]] = [
    (
        re.compile(r"\d|\b(?:million|billion|trillion|percent|half|twice|double[sd]?|tripled?)\b", re.I),
        0.25,
        "states a figure",
    ),
    (
        re.compile(
            r"\b(?:first|only|largest|biggest|highest|lowest|most|least|best|worst|record|never|ever|"
            r"unprecedented|\w+est)\b",
            re.I,
        ),
        0.2,
        "a superlative or first",
    ),
    (
        re.compile(
            r"\b(?:because|due to|stems? from|led to|leads to|caused?|causing|result(?:ed|s)? (?:of|in)|"
            r"thanks to|blamed?|responsible for|drives?|driven by)\b",
            re.I,
        ),
        0.15,
        "a causal claim",
    ),
    (
        re.compile(
            r"\b(?:increased?|decreased?|rose|risen|fell|fallen|grew|grown|declined?|dropped|cut|raised|"
            r"lowered|more than|less than|fewer|higher|lower|up|down|doubled|tripled)\b",
            re.I,
        ),
        0.1,
        "a change or comparison",
    ),
    (re.compile(r"\b(?:is|are|was|were|has|have|had)\b", re.I), 0.05, "a factual statement"),
    (re.compile(r"\b(?:will|plans? to|pledged?|promised?|committed)\b", re.I), 0.05, "a stated intention"),
    (re.compile(r"\b(?:actually|in fact|truth|false|lie|wrong)\b", re.I), 0.1, "a disputed point"),
    (
        re.compile(r"[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:%|percent|million|billion|trillion|jobs)\b", re.I),
        0.15,
        "an amount or share",
    ),
    (
        re.compile(
            r"\b(?:you|he|she|they|[A-Z][a-z]+)\s+(?:said|called|voted|approved|signed|supported|opposed|"
            r"wanted|started|built|gave|lost|won|took|cut|raised|created|passed|did)\b"
        ),
        0.15,
        "a reported act",
    ),
    (
        re.compile(
            r"\b(?:jobs?|tax(?:es)?|debt|deficit|trade|deals?|economy|tariffs?|investments?|wages?|"
            r"unemployment|exports?|imports?)\b",
            re.I,
        ),
        0.1,
        "an economic topic",
    ),
    (
        re.compile(r"\b(?:we have|we've|we’ve|there are|there is|there were)\b", re.I),
        0.1,
        "a state of affairs",
    ),
]
_PENALTIES: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"\?\s*$"), 0.3),
    (
        re.compile(
            r"^\W*(?:thank|thanks|good (?:evening|morning|night)|hello|welcome|okay|ok|yes|no|well)\b", re.I
        ),
        0.3,
    ),
    (re.compile(r"\b(?:I|we) (?:think|believe|feel|hope|want|wish|love|guess)\b", re.I), 0.15),
    (re.compile(r"\b(?:could|may|might|perhaps|possibly|maybe)\b", re.I), 0.1),
    # A speaker's own promise ("we will", "I'm going to") is a commitment to track, not a fact to check.
    (
        re.compile(
            r"\b(?:I|we)\s*(?:will|[’']ll|am going to|[’']m going to|are going to|[’']re going to)\b", re.I
        ),
        0.1,
    ),
]
_NAMED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")
_WORD = re.compile(r"\w+")

# Each feature's single words, read from one lower-cased tokenization; a feature's regex above runs only when
# one of its trigger words is present (most sentences have none), so a sentence costs one tokenization and a
# few set lookups instead of a dozen case-insensitive scans. The answer is the regex's, by construction.
_WORDS_OF: dict[str, frozenset[str]] = {
    "states a figure": frozenset(
        [
            "million",
            "billion",
            "trillion",
            "percent",
            "half",
            "twice",
            "double",
            "doubled",
            "doubles",
            "triple",
            "tripled",
        ]
    ),
    "a superlative or first": frozenset(
        [
            "first",
            "only",
            "largest",
            "biggest",
            "highest",
            "lowest",
            "most",
            "least",
            "best",
            "worst",
            "record",
            "never",
            "ever",
            "unprecedented",
        ]
    ),
    "a change or comparison": frozenset(
        [
            "increase",
            "increased",
            "decrease",
            "decreased",
            "rose",
            "risen",
            "fell",
            "fallen",
            "grew",
            "grown",
            "decline",
            "declined",
            "dropped",
            "cut",
            "raised",
            "lowered",
            "fewer",
            "higher",
            "lower",
            "up",
            "down",
            "doubled",
            "tripled",
        ]
    ),
    "a factual statement": frozenset(["is", "are", "was", "were", "has", "have", "had"]),
    "a disputed point": frozenset(["actually", "truth", "false", "lie", "wrong"]),
    "an economic topic": frozenset(
        [
            "job",
            "jobs",
            "tax",
            "taxes",
            "debt",
            "deficit",
            "trade",
            "deal",
            "deals",
            "economy",
            "tariff",
            "tariffs",
            "investment",
            "investments",
            "wage",
            "wages",
            "unemployment",
            "export",
            "exports",
            "import",
            "imports",
        ]
    ),
}
# Words that must be present for a feature's phrases to match at all ("due to" needs "due", ...).
_TRIGGERS: dict[str, frozenset[str]] = {
    "a superlative or first": frozenset(),
    "a causal claim": frozenset(
        [
            "because",
            "due",
            "stem",
            "stems",
            "led",
            "leads",
            "cause",
            "caused",
            "causing",
            "result",
            "resulted",
            "results",
            "thanks",
            "blame",
            "blamed",
            "responsible",
            "drive",
            "drives",
            "driven",
        ]
    ),
    "a change or comparison": frozenset(["more", "less"]),
    "a stated intention": frozenset(
        ["will", "plan", "plans", "pledge", "pledged", "promise", "promised", "committed"]
    ),
    "a disputed point": frozenset(["in"]),
    "a state of affairs": frozenset(["we", "there"]),
}
_HEDGES = frozenset(["could", "may", "might", "perhaps", "possibly", "maybe"])
# Substrings without which a first-person penalty ("I think", "we will") cannot match.
_OPINION_WORDS = ("think", "believe", "feel", "hope", "want", "wish", "love", "guess")
_PROMISE_WORDS = ("will", "ll", "going")
# A word of four or more letters ending in "est" (the superlative pattern's `\w+est\b`), in lower case.
_EST_END = re.compile(r"\west\b")
# How each feature of `_FEATURES` is decided, in its order: "figure" and "superlative" from the words, a
# digit or the "-est" ending; "amount" runs its pattern only with a digit; "always" runs it; otherwise the
# feature's single words settle it, else its pattern runs when one of its trigger words is present.
_DECIDE = [
    (
        {
            "states a figure": "figure",
            "a superlative or first": "superlative",
            "an amount or share": "amount",
        }.get(reason, "always" if reason == "a reported act" else "words"),
        _WORDS_OF.get(reason, frozenset()),
        _TRIGGERS.get(reason, frozenset()),
    )
    for _, _, reason in _FEATURES
]


def check_worthiness(sentence: str) -> tuple[float, list[str]]:
    """A score in [0, 1] for how worth checking a sentence is, with the reasons that raised it.

    Check-worthy sentences state figures, superlatives, causes and changes about named actors; greetings,
    questions, opinions and hedges are not.
    """
    tokens = _WORD.findall(sentence)
    words = len(tokens)
    if words < 4:
        return 0.0, []
    low = sentence.lower()
    lowered = {token.lower() for token in tokens}
    digit = any(character.isdecimal() for character in sentence)  # what `\d` matches
    score = 0.1
    reasons: list[str] = []
    for (pattern, weight, reason), (how, singles, triggers) in zip(_FEATURES, _DECIDE, strict=True):
        if how == "words":
            present = not lowered.isdisjoint(singles) or (
                not lowered.isdisjoint(triggers) and pattern.search(sentence) is not None
            )
        elif how == "figure":
            present = digit or not lowered.isdisjoint(singles)
        elif how == "superlative":
            present = not lowered.isdisjoint(singles) or ("est" in low and _EST_END.search(low) is not None)
        elif how == "amount":
            present = digit and pattern.search(sentence) is not None
        else:
            present = pattern.search(sentence) is not None
        if present:
            score += weight
            reasons.append(reason)
    if _NAMED.search(sentence):
        score += 0.05
    for index, (pattern, weight) in enumerate(_PENALTIES):
        if index == 2 and not any(word in low for word in _OPINION_WORDS):
            continue
        if index == 3 and lowered.isdisjoint(_HEDGES):
            continue
        if index == 4 and not any(word in low for word in _PROMISE_WORDS):
            continue
        if pattern.search(sentence):
            score -= weight
    if words < 8:
        score -= 0.1
    return max(0.0, min(1.0, score)), reasons


def strong_reason(reasons: list[str]) -> bool:
    """Whether the reasons alone justify suggesting an unattributed sentence as a claim."""
    return any(r in ("a superlative or first", "a causal claim", "a disputed point") for r in reasons)
