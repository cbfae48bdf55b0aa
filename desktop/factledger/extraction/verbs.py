"""Which English words are verbs: lemminflect's lexicon, loaded once on first use.

Commitment grammar needs to tell a pledged act ("slap import fees", "Create a fund") from a noun or an
adjective in the same place ("crude oil", "Agricultural Workers"); a closed verb list would miss the next
document's verbs, so the lexicon that ships with lemminflect (about 70,000 English word forms) decides.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8192)
def is_base_verb(word: str) -> bool:
    """Whether `word` (any case) is the base form of an English verb ("build", "tear", "lower")."""
    from lemminflect import getAllLemmas

    lowered = word.lower()
    return lowered in getAllLemmas(lowered, upos="VERB").get("VERB", ())


@lru_cache(maxsize=8192)
def only_verb(word: str) -> bool:
    """Whether `word` is a verb and nothing else in the lexicon ("modernize", but not "wall" or "black")."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower())
    return bool(lemmas) and set(lemmas) <= {"VERB", "AUX"}


@lru_cache(maxsize=8192)
def common_noun(word: str) -> bool:
    """Whether `word` is an English common noun in the lexicon ("Consolidation"; not "Toyota")."""
    from lemminflect import getAllLemmas

    return "NOUN" in getAllLemmas(word.lower())


@lru_cache(maxsize=8192)
def participle_lemma(word: str) -> str | None:
    """The verb a past participle comes from ("restored" -> "restore", "drawn" -> "draw"), else None."""
    from lemminflect import getAllLemmas, getInflection

    lowered = word.lower()
    for lemma in getAllLemmas(lowered, upos="VERB").get("VERB", ()):
        if lowered in getInflection(lemma, tag="VBN", inflect_oov=False):
            return str(lemma)
    return None


@lru_cache(maxsize=8192)
def word_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """The lexicon's lemmas of `word` by part of speech ({} for a word it does not know, such as a name)."""
    from lemminflect import getAllLemmas

    return {pos: tuple(lemmas) for pos, lemmas in getAllLemmas(word.lower()).items()}
