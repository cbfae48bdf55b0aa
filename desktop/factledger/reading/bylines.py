"""Person names out of byline strings: "By X and Y" becomes X and Y; roles, desks and outlets are not people.

A byline string may come from a meta tag, microdata or a page's byline element, so it can carry more than
names: "By Ana Roe, Senior Editor", "Martin Roe (with Ann Lee and Tom Fox)", "Dan Roe - Apr 16, 2015",
"Our Foreign Staff". Names are kept while they look like a person's name; the rest is dropped.
"""

from __future__ import annotations

import re
import unicodedata

_BY = re.compile(r"^\s*(?:by|par|von|por|di|door|av|af)\s*:?\s+", re.IGNORECASE)
# Words that join two names in a byline, in the languages FactLedger meets most.
_AND = r"(?:and|&|et|und|y|e|en|og|och|i)"
_WITH = r"(?:with|avec|mit|con|com|met|med)"
_JOINERS = re.compile(
    rf"\s+{_AND}\s+|\s*,\s*(?:{_AND}\s+)?|\s*;\s*|\s+[|•·–—-]\s+|\s*[|•·]\s*", re.IGNORECASE
)
_WITH_GROUP = re.compile(rf"\(\s*{_WITH}\s+([^)]*)\)|\s+{_WITH}\s+(.*)$", re.IGNORECASE)
_EMAIL_OR_URL = re.compile(r"@|https?:|www\.|\.com\b", re.IGNORECASE)
# Words that make a byline piece a role, a desk or an organisation rather than a person's name.
_NOT_PERSON = frozenset(
    (
        *("staff", "staffs", "reporter", "reporters", "editor", "editors", "editorial", "correspondent"),
        *("correspondents", "writer", "writers", "columnist", "contributor", "contributors", "desk"),
        *("team", "newsroom", "bureau", "agency", "agencies", "wire", "wires", "press", "news", "service"),
        *("services", "media", "associated", "reuters", "afp", "board", "senior", "deputy", "chief"),
        *("managing", "associate", "producer", "photographer", "analyst", "director", "department"),
        *("project", "technologist", "journalist", "journaliste", "redaction", "rédaction", "admin"),
        *("administrator", "username", "guest", "anonymous", "unknown", "author", "updated", "published"),
        *("times", "journal", "tribune", "gazette", "daily", "magazine", "newspaper", "network", "channel"),
        *("inc", "ltd", "llc", "corp", "foundation", "institute", "university", "ministry", "government"),
        *("office", "committee", "council", "association", "organisation", "organization"),
        *("the", "our", "and", "of", "for", "by"),
    )
)
# The words of _NOT_PERSON that credit a newsroom rather than describe a person's role.
_DESK_WORDS = frozenset(
    (
        *("staff", "staffs", "reporters", "editors", "editorial", "correspondents", "writers", "desk"),
        *("team", "newsroom", "bureau", "agency", "agencies", "wire", "wires", "contributors", "board"),
        *("redaction", "rédaction"),
    )
)
_MAX_WORDS = 5
_MAX_CASELESS_LETTERS = 12


def person_names(byline: str, *, not_names: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The people a byline string names, in order, without "By", roles or any of `not_names` (outlets)."""
    text = unicodedata.normalize("NFC", " ".join(byline.split()))
    text = _BY.sub("", text)
    # "X (with Y and Z)" credits Y and Z too: the group becomes a list continuation.
    text = _WITH_GROUP.sub(lambda m: ", " + (m.group(1) or m.group(2) or ""), text)
    excluded = {_key(n) for n in not_names if n}
    names: list[str] = []
    for piece in _JOINERS.split(text):
        piece = _BY.sub("", piece.strip(" .,:;"))
        if not piece:
            continue
        if not is_person_name(piece) or _key(piece) in excluded:
            if names:
                break  # what follows the names is a role or a date line, never another author
            continue
        names.append(_tidy_case(piece))
    return unique_names(names)


def is_person_name(text: str) -> bool:
    """Two to five words, letters only (initials and particles allowed), none of them a role or desk word.

    Scripts without capital letters (Chinese, Japanese, Arabic, ...) write a name without the spaces and
    capitals this relies on; there a short run of letters is taken as given.
    """
    if _EMAIL_OR_URL.search(text) or any(ch.isdigit() for ch in text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if letters and not any(ch.isupper() or ch.islower() for ch in letters):
        return len(letters) <= _MAX_CASELESS_LETTERS
    words = text.replace("(", " ").replace(")", " ").split()
    if not 2 <= len(words) <= _MAX_WORDS:
        return False
    if any(w.strip(".,'’").casefold() in _NOT_PERSON for w in words):
        return False
    # A name starts with a capital (or is written all in capitals): "ben" is not a byline.
    return words[0][0].isupper() and sum(w[0].isupper() for w in words if w[0].isalpha()) >= 2


def is_desk(byline: str) -> bool:
    """A byline crediting a desk, a wire or the staff rather than a person ("Our Foreign Staff", "AP Wire")."""
    return any(word.casefold() in _DESK_WORDS for word in re.findall(r"[^\W\d_]+", byline))


def unique_names(names: list[str]) -> tuple[str, ...]:
    """Names in order, a repeat (by letters only: "Nelson D. Schwartz" = "Nelson D Schwartz") dropped."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(_key(name), name)
    return tuple(seen.values())


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalpha())


def _tidy_case(name: str) -> str:
    """A name written all in capitals ("JEFFREY GETTLEMAN") is shown in title case."""
    return name.title() if name.isupper() else name
