"""What kind of document a text is (news, release or fact sheet, transcript), read from the text's own signals,
and the stretches of it that are not the article's own prose: reader comments, link lists and image captions.

Nothing here looks at a site's address scheme or a title's wording. A release labels itself in its text ("FACT
SHEET", "FOR IMMEDIATE RELEASE", "###", a media contact) or is built like one: run-in capitalised headings and
bullet lists with almost no reported speech. A transcript repeats its speakers' line labels. Reader comments are
the trailing paragraphs that talk to the reader ("you", "I", questions) after an article that never does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from factledger.domain import Document

from .names import name_runs, person_name


class Kind(StrEnum):
    """The kinds of document whose sources are read differently."""

    NEWS = "news"
    RELEASE = "release"  # press release, fact sheet, readout, statement: speaks in its issuer's voice
    TRANSCRIPT = "transcript"


@dataclass(frozen=True, slots=True)
class Reading:
    """A document's kind, who issues it (releases), and the stretches that are not its own prose."""

    kind: Kind
    issuer: str | None = None
    background: bool = False  # a briefing given on background: unnamed officials speak on background
    comments_start: int | None = None  # where reader comments begin
    link_lists: list[tuple[int, int]] = field(default_factory=list)  # "More … News" headline lists
    captions: list[tuple[int, int]] = field(default_factory=list)  # image captions and credits


_SELF_LABEL = re.compile(
    r"^\W*(?:fact\s*sheet|press\s+release|news\s+release|for\s+immediate\s+release|readout|joint\s+statement|"
    r"statement\s+(?:by|from|of)|media\s+advisory)\b",
    re.IGNORECASE,
)
_END_MARKER = re.compile(r"^\s*(?:#{3}|-\s*#{3}\s*-|-\s*30\s*-)\s*$", re.MULTILINE)
_CONTACT = re.compile(r"^\s*(?:media|press|news)\s+contacts?\s*:?", re.IGNORECASE | re.MULTILINE)
_RUN_IN_HEADING = re.compile(r"^(?:\*\*)?[A-Z][A-Z0-9 ,.’'&/-]{6,}:(?:\*\*)?\s", re.MULTILINE)
_BULLET = re.compile(r"^\s*(?:[-•*▪◦]|\d+[.)])\s+\S", re.MULTILINE)
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b")
_LINE_LABEL = re.compile(r"^(Q|[A-Z][A-Z .’'-]{1,40}|(?:MR|MS|MRS|DR)\. [A-Z]+):\s", re.MULTILINE)
_BACKGROUND = re.compile(r"background (?:press )?(?:call|briefing)|on background", re.IGNORECASE)
_ORG_LINE = re.compile(
    r"\b(?:House|Office|Department|Ministry|Agency|Commission|Administration|Government|Council|Inc\.?|"
    r"Corp\.?|Corporation|Company|Ltd\.?|Group|Bureau|Embassy|Secretariat|Treasury|Foundation|Association)\b",
    re.IGNORECASE,
)
_ABOUT = re.compile(r"^\s*About\s+([A-Z][\w&.,’' -]{1,60}?)\s*$", re.MULTILINE)
_ANNOUNCES = re.compile(r"\b(?:today\s+)?announced\b|\bannounces\b")
# Names for issuing sites when the text names no issuer: the address says who published it.
_ISSUERS = {
    "whitehouse.gov": "the White House",
    "ustr.gov": "the Office of the U.S. Trade Representative",
    "commerce.gov": "the Department of Commerce",
    "state.gov": "the Department of State",
    "treasury.gov": "the Department of the Treasury",
    "energy.gov": "the Department of Energy",
    "usda.gov": "the Department of Agriculture",
}
_CONVERSATIONAL = re.compile(r"\b(?:I|I’m|I'm)\b|\b(?i:me|my|you|your|you’re|you're|lol)\b|\?\s*$|!\s*$")
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")
_MORE_HEADING = re.compile(
    r"^\s*(?:More\b.{0,40}|Related(?:\s+\w+){0,3}|Read\s+(?:more|next)|Also\s+read|See\s+also|Recommended|"
    r"Top\s+stories|Latest(?:\s+\w+){0,2}|Most\s+(?:read|popular))\s*:?\s*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"\((?:[A-Z][\w.]*\s+)?Photo(?:graph)?(?:\s+by|:|/)[^)]*\)|\b(?:Photo|Image|Picture)s?\s*(?:by|credit)?\s*:|"
    r"\b(?:Photo|Image)\s+credit\b|\bGetty\s+Images\b|\b(?:AP|AFP|Reuters|EPA)\s*/\s*[A-Z]|\bFile\s+photo\b",
)


_CREDIT_WORDS = ("Photo", "Image", "Picture", "Getty", "AP", "AFP", "Reuters", "EPA", "File photo")
# Every credit holds one of these words; a pattern that opens with plain letters is scanned fast, so only the
# lines holding one are read with `_CREDIT` (whose leading `\b` and bracket make a whole-text scan slow).
_CREDIT_HINT = re.compile(r"Photo|Image|Picture|Getty|AP|AFP|Reuters|EPA|File")


def read_kind(document: Document) -> Reading:
    """The document's kind and the stretches of its text that are not article prose."""
    text = document.text
    head = text[:3000]
    kind = _kind(text)
    issuer = _issuer(text, document) if kind is Kind.RELEASE else None
    return Reading(
        kind=kind,
        issuer=issuer,
        background=bool(_BACKGROUND.search(head + " " + (document.title or ""))),
        comments_start=comments_start(text),
        link_lists=link_lists(text),
        captions=captions(text),
    )


def _kind(text: str) -> Kind:
    labels = [m.group(1) for m in _LINE_LABEL.finditer(text)]
    recurring = {label for label in labels if labels.count(label) >= 2}
    if len(labels) >= 4 and len(recurring) >= 2:
        return Kind.TRANSCRIPT
    opening = "\n".join(line for line in text[:600].splitlines()[:4] if line.strip())
    if any(_SELF_LABEL.match(line) for line in opening.splitlines()):
        return Kind.RELEASE
    if _END_MARKER.search(text) and _CONTACT.search(text):
        return Kind.RELEASE
    headings = len(_RUN_IN_HEADING.findall(text))
    bullets = len(_BULLET.findall(text))
    reported = len(_REPORTED.findall(text))
    words = max(1, len(text) // 6)
    if headings >= 2 and (bullets >= 3 or headings >= 3) and reported * 1000 <= 2 * words:
        return (
            Kind.RELEASE
        )  # built like a fact sheet: run-in headed sections, lists, almost no reported speech
    return Kind.NEWS


def _issuer(text: str, document: Document) -> str | None:
    """Who a release speaks for: a header or footer line naming an organisation, an "About X" section,
    the subject of an opening "X today announced", else the reader's outlet, else its address's site."""
    lines = [line.strip(" *#\t") for line in text.splitlines() if line.strip()]
    for line in lines[:4] + lines[-6:]:
        if len(line.split()) <= 8 and _ORG_LINE.search(line) and not line.endswith((".", ":")):
            name = line.title() if line.isupper() else line
            return name if not name.lower().startswith("the ") else "the" + name[3:]
    about = _ABOUT.search(text[-3000:])
    if about:
        return about.group(1).strip()
    opening = text[:300]
    announces = _ANNOUNCES.search(opening)
    if announces:  # "Acme Corp. today announced": a company's release; a person announcing is not its issuer
        runs = [run for run in name_runs(opening[: announces.start()]) if run[1] <= announces.start()]
        if runs and _ORG_LINE.search(runs[-1][2]) and not person_name(runs[-1][2]):
            return runs[-1][2]
    if document.outlet:
        return document.outlet
    host = (urlsplit(document.url or "").hostname or "").removeprefix("www.")
    for domain, name in _ISSUERS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return host or None


def comments_start(text: str) -> int | None:
    """Where a trailing run of reader comments begins, or None.

    Paragraphs are read from the end: comments address the reader or each other ("you", "I", questions)
    outside quotation marks and report no one's speech. The run counts only when the article before it
    almost never does so, which keeps opinion columns whole.
    """
    paragraphs = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]
    if len(paragraphs) < 4:
        return None
    run = 0
    for _, body in reversed(paragraphs):
        plain = _QUOTATION.sub("", body)
        if _CONVERSATIONAL.search(plain) and not _REPORTED.search(body):
            run += 1
        else:
            break
    if run == 0 or run > len(paragraphs) // 3:
        return None
    article = paragraphs[: len(paragraphs) - run]
    chatty = sum(1 for _, body in article if _CONVERSATIONAL.search(_QUOTATION.sub("", body)))
    if chatty > max(1, len(article) // 10):
        return None
    return paragraphs[len(paragraphs) - run][0]


def link_lists(text: str) -> list[tuple[int, int]]:
    """ "More Business News" (or "Related", "Read more") and the headline lines under it."""
    found = []
    lines = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    index = 0
    while index < len(lines):
        start, _, line = lines[index]
        if _MORE_HEADING.match(line):
            last = index
            while last + 1 < len(lines) and _headline_like(lines[last + 1][2]):
                last += 1
            if last > index:
                found.append((start, lines[last][1]))
                index = last
        index += 1
    return found


def _headline_like(line: str) -> bool:
    """A linked headline: short, and either a list item or without a sentence's closing punctuation."""
    words = line.split()
    if not 1 <= len(words) <= 16:
        return False
    return line.lstrip().startswith(("-", "•", "*")) or not line.rstrip().endswith((".", "”", '"', ":"))


def captions(text: str) -> list[tuple[int, int]]:
    """Lines carrying a photo credit ("(AP Photo/…)", "Photo: …", "Getty Images"): captions, not prose."""
    found: list[tuple[int, int]] = []
    if not any(word in text for word in _CREDIT_WORDS):
        return found  # most texts carry no credit at all: settled by a few substring scans
    position = 0
    while (hint := _CREDIT_HINT.search(text, position)) is not None:
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.end())
        end = len(text) if end < 0 else end
        position = end + 1  # a caption is a line: each line holding a hint is read once, whole
        if _CREDIT.search(text, start, end) and len(text[start:end].split()) <= 60:
            found.append((start, end))
    return found
