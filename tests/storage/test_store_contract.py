"""The storage port's contract: what any `LedgerStore` must do, written against `core.store` only.

Every test takes a store from `ENGINES` and uses nothing but the Protocols' methods: each runs once on a
ledger file (SQLite) and once on a team ledger made on the tests' throw-away PostgreSQL server (skipped,
with the reason, where no PostgreSQL binaries exist). Where the engines differ by design (backups are the
server's business) the test says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from factledger.core.store import LedgerStore
from factledger.domain import (
    Claim,
    ClaimFilter,
    ClaimKind,
    ClaimLink,
    ClaimOrder,
    DismissedSpan,
    Document,
    EntityAction,
    Lineage,
    LinkKind,
    Stance,
    Status,
    Suggestion,
    UserError,
    WebSource,
)
from factledger.domain.anchors import AnchorRecord, AnchorState
from factledger.storage.sqlite_store import SqliteStore

TEXT = "Exports rose 12% in 2024. Imports fell 3% in 2024. Toyota will invest $10 billion by 2030."
NOW = "2025-11-03T10:00:00Z"


def _sqlite(request: pytest.FixtureRequest, folder: Path) -> LedgerStore:
    return SqliteStore.open(
        folder / "contract.factledger", backups_root=lambda: folder / "backups", newest_backup=lambda _p: None
    )


def _postgresql(request: pytest.FixtureRequest, folder: Path) -> LedgerStore:
    """A fresh team ledger on the tests' throw-away server (skipped, with the reason, without binaries)."""
    from factledger.core.team import init_team_ledger
    from factledger.storage.postgres.store import PostgresStore

    url = request.getfixturevalue("postgres_dsn")
    init_team_ledger(url)
    return PostgresStore.open(url)


ENGINES: dict[str, Callable[[pytest.FixtureRequest, Path], LedgerStore]] = {
    "sqlite": _sqlite,
    "postgresql": _postgresql,
}


@pytest.fixture(params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LedgerStore]:
    opened = ENGINES[engine](request, tmp_path)
    yield opened
    opened.close()


def _source(store: LedgerStore, document: Document | None = None) -> str:
    document = document or Document(text=TEXT)
    source_id = "src_" + document.content_sha256[:16]
    with store.transaction():
        store.sources.insert(source_id, document, imported_at=NOW)
    return source_id


def _claim(store: LedgerStore, source_id: str, quote: str, claim_id: str, **fields: object) -> Claim:
    start = TEXT.index(quote)
    claim = Claim(
        id=claim_id,
        source_id=source_id,
        kind=ClaimKind.STATISTIC,
        quote=quote,
        start=start,
        end=start + len(quote),
        statement=quote,
        created_at=NOW,
        updated_at=NOW,
        **fields,  # type: ignore[arg-type]
    )
    with store.transaction():
        store.claims.insert(claim)
    return claim


def test_a_transaction_is_all_or_nothing_and_an_inner_one_joins_it(store: LedgerStore) -> None:
    """A failure inside undoes every write of the transaction, nested ones included; success keeps them."""
    with pytest.raises(RuntimeError), store.transaction():
        store.settings.set("a", "1")
        with store.transaction():
            store.settings.set("b", "2")
        raise RuntimeError("stop")
    assert store.settings.get("a") is None and store.settings.get("b") is None
    with store.transaction():
        store.settings.set("a", "1")
        with store.transaction():
            store.settings.set("b", "2")
    assert (store.settings.get("a"), store.settings.get("b")) == ("1", "2")


def test_sources_read_back_what_was_stored(store: LedgerStore) -> None:
    """A stored document reads back whole, by hash, by title and date, and goes when deleted."""
    document = Document(
        text=TEXT,
        title="Trade",
        outlet="Wire",
        url="https://example.org/t",
        published="2025-01-02",
        original=b"x",
    )
    assert store.has_work() is False
    source_id = _source(store, document)
    assert store.has_work() is True
    found = store.sources.get(source_id)
    assert found is not None and (found.text, found.title, found.url) == (
        TEXT,
        "Trade",
        "https://example.org/t",
    )
    assert store.sources.id_for_hash(document.content_sha256) == source_id
    assert store.sources.text(source_id) == TEXT and store.sources.original(source_id) == b"x"
    assert store.sources.titles([source_id, "src_gone"]) == {source_id: "Trade"}
    assert store.sources.published_days([source_id]) == {source_id: "2025-01-02"}
    with store.transaction():
        store.sources.update_details(source_id, {"title": "Trade, corrected"})
    assert store.sources.details(source_id, ["title", "outlet"]) == {
        "title": "Trade, corrected",
        "outlet": "Wire",
    }
    [summary] = store.sources.summaries()
    assert (summary.id, summary.title, summary.claim_count, summary.versions) == (
        source_id,
        "Trade, corrected",
        0,
        1,
    )
    assert store.sources.count() == 1
    with store.transaction():
        assert store.sources.delete(source_id) is True
    assert store.sources.get(source_id) is None and store.sources.count() == 0


def test_claims_page_count_position_and_put_back(store: LedgerStore) -> None:
    """Facts come back as `Claim`s in the asked order; a deleted one is restored exactly from its raw row."""
    source_id = _source(store)
    first = _claim(store, source_id, "Exports rose 12%", "clm_b", subject="trade", value=12.0, unit="%")
    second = _claim(store, source_id, "Imports fell 3%", "clm_a", subject="trade", value=3.0, unit="%")
    assert store.claims.get("clm_b") == first
    order = ClaimOrder("statement", descending=False)
    page = store.claims.page(ClaimFilter(), order)
    assert page.ids() == ["clm_b", "clm_a"] and list(page) == [first, second]
    assert store.claims.count() == 2 and store.claims.count(ClaimFilter(subject="other")) == 0
    assert store.claims.position("clm_a", ClaimFilter(), order) == 1
    beside = store.claims.page_beside("clm_b", ClaimFilter(), order, limit=5)
    assert beside is not None and beside.ids() == ["clm_a"]
    assert store.claims.subjects(limit=5) == [("trade", 2)]
    assert [c.id for c in store.claims.for_source(source_id)] == ["clm_b", "clm_a"]
    assert store.claims.spans_for_source(source_id) == {(first.start, first.end), (second.start, second.end)}
    assert store.claims.quote_mismatches() == []
    with store.transaction():
        store.claims.update("clm_a", {"status": str(Status.VERIFIED), "updated_at": "2025-11-04T00:00:00Z"})
    assert store.claims.get("clm_a") is not None and store.claims.get("clm_a").status is Status.VERIFIED  # type: ignore[union-attr]
    row = store.claims.raw("clm_b")
    assert row is not None
    with store.transaction():
        assert store.claims.delete("clm_b") is True
    assert store.claims.get("clm_b") is None
    with store.transaction():
        store.claims.restore(row)
    assert store.claims.get("clm_b") == first


def test_suggestions_leave_out_claimed_and_dismissed_spans(store: LedgerStore) -> None:
    """Extraction's proposals are stored minus spans already logged or dismissed; undismissing frees a span."""
    source_id = _source(store)
    spans = [(0, 16), (26, 41), (51, 90)]
    proposals = [Suggestion(ClaimKind.STATISTIC, a, b, TEXT[a:b], score=0.5) for a, b in spans]
    ids = iter(f"sug_{n}" for n in range(10))
    with store.transaction():
        added = store.suggestions.add_for_source(
            source_id, proposals, claimed={spans[0]}, new_id=lambda: next(ids)
        )
    assert (
        added == 2 and store.suggestions.count_for_source(source_id) == 2 and store.suggestions.count() == 2
    )
    stored = store.suggestions.for_source(source_id)
    assert [s.suggestion.start for s in stored] == [26, 51]
    assert store.suggestions.ids(source_id=source_id, min_score=0.4) == [s.id for s in stored]
    assert store.suggestions.ids(min_score=0.9) == []
    first = stored[0]
    row = store.suggestions.raw(first.id)
    assert row is not None and store.suggestions.get(first.id) == first
    with store.transaction():
        store.suggestions.delete(first.id)
        store.suggestions.dismiss(row, actor="Test", at=NOW)
    assert store.suggestions.dismissed_keys(source_id) == {("statistic", 26, 41)}
    assert store.suggestions.count_dismissed() == 1
    with store.transaction():
        again = store.suggestions.add_for_source(
            source_id, proposals[1:2], claimed=set(), new_id=lambda: "sug_x"
        )
    assert again == 0
    with store.transaction():
        store.suggestions.undismiss(row)
        store.suggestions.insert([row])
    assert store.suggestions.get(first.id) == first and store.suggestions.count_dismissed() == 0


def test_evidence_history_settings_and_links(store: LedgerStore) -> None:
    """Evidence, the change log, a ledger setting and a drawn link each read back as written."""
    source_id = _source(store)
    _claim(store, source_id, "Exports rose 12%", "clm_1")
    _claim(store, source_id, "Imports fell 3%", "clm_2")
    evidence = {
        "id": "evd_1",
        "claim_id": "clm_1",
        "stance": str(Stance.SUPPORTS),
        "url": "https://e.example",
        "quote": "12%",
        "added_by": "Test",
        "added_at": NOW,
    }
    with store.transaction():
        store.evidence.insert(evidence)
        store.history.append(
            entity="claim",
            entity_id="clm_1",
            action="create",
            actor="Test",
            at=NOW,
            claim_id="clm_1",
            after={"a": 1},
        )
        store.history.append(
            entity="finding", entity_id="k", action="dismiss finding", actor="Test", at=NOW, claim_id="clm_1"
        )
        store.settings.set("backup_folder", None)
        assert (
            store.links.add("lnk_1", "clm_1", "clm_2", kind=str(LinkKind.RESTATES), note=None, at=NOW) is True
        )
        assert (
            store.links.add("lnk_2", "clm_1", "clm_2", kind=str(LinkKind.RESTATES), note=None, at=NOW)
            is False
        )
    [found] = store.evidence.for_claim("clm_1")
    assert (found.id, found.stance, found.url, found.quote) == (
        "evd_1",
        Stance.SUPPORTS,
        "https://e.example",
        "12%",
    )
    assert store.evidence.raw("evd_1") == {**dict.fromkeys(("source_id", "start", "end", "note")), **evidence}
    assert (
        store.evidence.raw_for_claim("clm_1") == [store.evidence.raw("evd_1")] and store.evidence.count() == 1
    )
    events = store.history.for_claim("clm_1")
    assert [(e.entity, e.action) for e in events] == [("claim", "create"), ("finding", "dismiss finding")]
    assert store.history.entity_actions(["clm_1"], entity="finding") == [EntityAction("k", "dismiss finding")]
    assert store.history.count() == 2
    assert store.settings.get("backup_folder") is None and store.configured_backup_folder() is None
    assert store.links.touching(["clm_2"]) == [ClaimLink("clm_1", "clm_2", "restates")]
    assert store.links.pairs(kind="restates") == [("clm_1", "clm_2")]
    with store.transaction():
        assert store.links.remove("clm_1", "clm_2", kind="restates") is True
        assert store.evidence.delete("evd_1") is True
    assert store.links.touching(["clm_1"]) == [] and store.evidence.for_claim("clm_1") == []


def test_a_second_version_joins_its_lineage(store: LedgerStore) -> None:
    """A later version of the same page is matched by URL, numbered, listed, and facts move onto it."""
    first = _source(store, Document(text=TEXT, title="Trade", url="https://example.org/t"))
    _claim(store, first, "Exports rose 12%", "clm_1")
    newer = Document(text=TEXT + " Updated.", title="Trade", url="https://example.org/t#top")
    assert store.versions.match(newer) == first
    second = "src_" + newer.content_sha256[:16]
    with store.transaction():
        store.sources.insert(second, newer, imported_at="2025-11-04T00:00:00Z", lineage=first, version=2)
    assert store.versions.lineage(second) == Lineage(first, 2) and store.versions.lineage(first) == Lineage(
        first, 1
    )
    assert store.versions.latest(first) == second
    assert [v.version for v in store.versions.versions(first)] == [1, 2]
    assert store.versions.web_sources() == [WebSource(second, "https://example.org/t#top", "Trade")]
    [fact] = store.versions.facts([first])
    with store.transaction():
        store.versions.move_fact(
            fact.claim_id, source_id=second, start=fact.start, end=fact.end, quote=fact.quote, at=NOW
        )
    assert [f.source_id for f in store.versions.facts([first, second])] == [second]
    assert store.sources.count() == 1 and store.versions.changed_states() == {}
    record = AnchorRecord(
        fact.claim_id,
        AnchorState.CHANGED,
        first,
        second,
        fact.quote,
        "Exports rose 13%",
        0.9,
        "12% → 13%",
        NOW,
    )
    with store.transaction():
        store.versions.put_anchors([record])
    assert store.versions.anchor_records([fact.claim_id, "clm_gone"]) == [record]
    assert store.versions.changed_states() == {fact.claim_id: AnchorState.CHANGED}
    assert store.versions.changed_claim_ids() == [fact.claim_id]
    anchor = store.versions.anchors([fact.claim_id])[fact.claim_id]
    assert (anchor.from_version, anchor.to_version, anchor.figures) == (1, 2, "12% → 13%")
    rejected = DismissedSpan("statistic", 26, 41, TEXT[26:41], "Test", NOW)
    with store.transaction():
        store.versions.add_dismissed(first, [rejected])
        store.versions.add_dismissed(second, store.versions.dismissed_spans(first))
    assert store.versions.dismissed_spans(second) == [rejected]
    assert store.suggestions.dismissed_keys(second) == {("statistic", 26, 41)}


def test_search_and_checks(store: LedgerStore, tmp_path: Path) -> None:
    """Search finds a fact's words (the last one as a prefix) and a source's; a sound ledger has no
    problems; a file that is no ledger may be read."""
    source_id = _source(store, Document(text=TEXT, title="Carmakers"))
    _claim(store, source_id, "Toyota will invest $10 billion", "clm_1")
    hits = store.search("toyota")
    assert ("claim", "clm_1") in {(h.entity, h.id) for h in hits}
    assert {(h.entity, h.id) for h in store.search("toyo", ranked=False)} == {
        ("claim", "clm_1"),
        ("source", source_id),
    }
    assert [h.entity for h in store.search("carmakers")] == ["source"]
    assert store.search("nothing like it") == [] and store.search("  ,  ") == []
    for typed in ('"$10 billion', "NOT(", "o'neil", "a & b | !c", "\\", "x:*", "toyota AND", "-"):
        store.search(typed)  # half-typed queries and search syntax are words, never an error
        store.claims.count(ClaimFilter(text=typed))
    assert [h.id for h in store.search("$10 billion", ranked=False)][:1] == ["clm_1"]
    filtered = ClaimFilter(text="toyota invest")
    assert store.claims.count(filtered) == 1 and store.claims.page(filtered, ClaimOrder()).ids() == ["clm_1"]
    store.refuse_if_open(tmp_path / "other.txt", doing="importing")
    assert store.integrity_problems() == [] and store.schema_version >= 1


def test_a_backup_is_a_file_or_the_servers_business(store: LedgerStore, engine: str, tmp_path: Path) -> None:
    """A ledger file is backed up into the folder given; a team ledger refuses with a sentence naming
    pg_dump (its backups are the server's) and writes nothing."""
    _source(store)
    if engine == "sqlite":
        backup = store.make_backup(tmp_path / "contract.factledger", tmp_path / "saved", reason="manual")
        assert backup.parent == tmp_path / "saved" and backup.is_file()
        return
    with pytest.raises(UserError, match="pg_dump"):
        store.make_backup(tmp_path / "contract.factledger", tmp_path / "saved", reason="manual")
    assert not (tmp_path / "saved").exists() and store.configured_backup_folder() is None


def test_pages_positions_and_neighbours_agree_with_nulls_first(store: LedgerStore) -> None:
    """Missing sort values come first ascending and last descending on every engine, and a fact's position
    and the keyset page beside it agree with the page that lists it."""
    source_id = _source(store)
    _claim(store, source_id, "Exports rose 12%", "clm_1", value=12.0)
    _claim(store, source_id, "Imports fell 3%", "clm_2")
    _claim(store, source_id, "Toyota will invest $10 billion", "clm_3", value=10.0)
    _claim(store, source_id, "in 2024", "clm_4")
    for descending in (False, True):
        order = ClaimOrder("value", descending=descending)
        listed = store.claims.page(ClaimFilter(), order).ids()
        expected = ["clm_2", "clm_4", "clm_3", "clm_1"]
        assert listed == (expected[::-1] if descending else expected)
        for index, claim_id in enumerate(listed):
            assert store.claims.position(claim_id, ClaimFilter(), order) == index
            after = store.claims.page_beside(claim_id, ClaimFilter(), order, limit=10)
            before = store.claims.page_beside(claim_id, ClaimFilter(), order, limit=10, before=True)
            assert after is not None and after.ids() == listed[index + 1 :]
            assert before is not None and before.ids() == listed[:index]
        assert store.claims.page(ClaimFilter(), order, offset=1, limit=2).ids() == listed[1:3]
        assert store.claims.page(ClaimFilter(), order, offset=1, limit=-1).ids() == listed[1:]  # -1: all
    assert store.claims.position("clm_1", ClaimFilter(subject="none"), ClaimOrder()) is None


def test_a_failed_statement_is_a_sentence_and_leaves_nothing(store: LedgerStore) -> None:
    """A write the schema refuses (a quote that is not its source's words) rolls back the whole
    transaction; on a team ledger the refusal is already a sentence."""
    source_id = _source(store)
    start = TEXT.index("Exports")
    bad = Claim(
        id="clm_bad",
        source_id=source_id,
        kind=ClaimKind.STATISTIC,
        quote="Exports fell",
        start=start,
        end=start + len("Exports fell"),
        statement="x",
        created_at=NOW,
        updated_at=NOW,
    )
    with pytest.raises(Exception) as raised, store.transaction():
        store.settings.set("written", "yes")
        store.claims.insert(bad)
    assert "quote" in str(raised.value).lower() or isinstance(raised.value, UserError)
    assert store.settings.get("written") is None and store.claims.get("clm_bad") is None


def test_counts_and_charts(store: LedgerStore) -> None:
    """What `info` reports is counted by the store, and the chart queries count the same facts on both
    engines (a team ledger answers them itself, see tests/postgres/test_charts_agree.py)."""
    source_id = _source(store)
    _claim(store, source_id, "Exports rose 12%", "clm_1")
    _claim(store, source_id, "Imports fell 3%", "clm_2", status=Status.IN_REVIEW)
    counts = store.counts()
    assert (counts.sources, counts.claims, counts.suggestions, counts.evidence) == (1, 2, 0, 0)
    assert counts.by_status == {"unverified": 1, "in_review": 1} and counts.by_kind == {"statistic": 2}
    assert sorted(store.charts.status_kind_counts(ClaimFilter())) == [
        ("in_review", "statistic", 1),
        ("unverified", "statistic", 1),
    ]
