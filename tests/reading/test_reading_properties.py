"""Property tests: whatever bytes arrive, readers answer with a Document or a UserError, nothing else."""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factledger.domain import UserError
from factledger.reading import decode_drop, read_bytes

NAMES = [None, "x.txt", "x.md", "x.html", "x.pdf", "x.eml", "x.docx", "x.bin"]
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"From: a@b.c\nSubject: s\n\n", b"---\n"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2048), name=st.sampled_from(NAMES))
def test_random_bytes_give_a_document_or_a_user_error(prefix: bytes, data: bytes, name: str | None) -> None:
    """Random bytes behind every format's magic never raise anything but UserError."""
    try:
        document = read_bytes(prefix + data, file_name=name)
    except UserError as error:
        assert str(error)
        return
    assert document.text.strip()
    assert "\r" not in document.text
    assert unicodedata.is_normalized("NFC", document.text)
    assert all(line == line.rstrip() for line in document.text.split("\n"))
    assert "\n\n\n" not in document.text


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400), name=st.sampled_from(["x.txt", "x.md", "x.html"]))
def test_random_text_in_text_formats_never_crashes(text: str, name: str) -> None:
    """Any Unicode text in a text format reads or is refused politely."""
    with contextlib.suppress(UserError):
        read_bytes(text.encode("utf-8", "surrogatepass"), file_name=name)


@settings(max_examples=60, deadline=None)
@given(
    payload=st.dictionaries(
        st.sampled_from(
            ["text/uri-list", "text/html", "text/plain", "text/x-moz-url", "text/x-moz-url-priv"]
        ),
        st.binary(max_size=300),
    )
)
def test_random_drop_payloads_decode_without_crashing(payload: dict[str, bytes]) -> None:
    """Any bytes under the known drop formats decode to a list of inputs."""
    assert isinstance(decode_drop(payload), list)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    which=st.sampled_from(["pdf", "docx"]),
    edits=st.lists(
        st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=20
    ),
    cut=st.floats(0.05, 1),
)
def test_damaged_real_documents_give_a_document_or_a_user_error(
    which: str,
    edits: list[tuple[float, int]],
    cut: float,
    text_pdf: Callable[..., bytes],
    build_docx: Callable[..., bytes],
) -> None:
    """A valid PDF or DOCX with random bytes overwritten and its tail cut never escapes as another error."""
    if which == "pdf":
        original = text_pdf(["Revenue rose 5%.", "Costs fell."], title="T")
    else:
        original = build_docx(lambda document: document.add_paragraph("Revenue rose 5%."))
    data = bytearray(original)
    for where, value in edits:
        data[int(where * len(data))] = value
    damaged = bytes(data[: max(1, int(cut * len(data)))])
    with contextlib.suppress(UserError):
        read_bytes(damaged, file_name=f"damaged.{which}")
