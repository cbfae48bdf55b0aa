"""The SQLite adapter fits the storage port (`core.store`), checked by mypy and at run time, and serves a ledger."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest

from factledger.core import Ledger
from factledger.core import store as port
from factledger.core.store import LedgerStore
from factledger.domain import ClaimLink, Document, EntityAction, Lineage, UserError, WebSource
from factledger.storage.sqlite_store import SqliteStore, sqlite_database

REPO = Path(__file__).resolve().parents[2]

# Each Protocol of the port and the attribute of a SqliteStore that must fit it.
PORTS: list[tuple[type, str | None]] = [
    (port.LedgerStore, None),
    (port.SourceStore, "sources"),
    (port.ClaimStore, "claims"),
    (port.SuggestionStore, "suggestions"),
    (port.EvidenceStore, "evidence"),
    (port.HistoryStore, "history"),
    (port.SettingsStore, "settings"),
    (port.LinkStore, "links"),
    (port.VersionStore, "versions"),
]


def _members(protocol: type) -> dict[str, object]:
    """The public members a Protocol declares itself (methods and properties)."""
    return {name: value for name, value in vars(protocol).items() if not name.startswith("_")}


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[SqliteStore]:
    store = SqliteStore.open(
        tmp_path / "fit.factledger", backups_root=lambda: tmp_path / "backups", newest_backup=lambda _p: None
    )
    yield store
    store.close()


@pytest.mark.parametrize(("protocol", "attribute"), PORTS, ids=[p.__name__ for p, _ in PORTS])
def test_every_port_method_exists_with_the_same_parameters(
    opened: SqliteStore, protocol: type, attribute: str | None
) -> None:
    """Each method the port declares is on the adapter, taking the same parameters in the same way."""
    implementation = opened if attribute is None else getattr(opened, attribute)
    members = _members(protocol)
    assert members, f"{protocol.__name__} declares nothing"
    for name, declared in members.items():
        assert hasattr(implementation, name), f"{type(implementation).__name__} lacks {name}"
        if isinstance(declared, property):
            continue
        actual = getattr(implementation, name)
        assert callable(declared) and callable(actual), (
            f"{type(implementation).__name__}.{name} is not a method"
        )
        wanted = [(p.name, p.kind) for p in inspect.signature(declared).parameters.values()][1:]
        got = [(p.name, p.kind) for p in inspect.signature(actual).parameters.values()]
        assert got == wanted, f"{type(implementation).__name__}.{name}: {got} != {wanted}"


@pytest.mark.slow
def test_mypy_accepts_the_sqlite_store_where_the_port_is_asked_for(tmp_path: Path) -> None:
    """A SqliteStore passed where a LedgerStore is typed passes mypy strict; one missing a method would not."""
    api = pytest.importorskip("mypy.api")
    fits = tmp_path / "fits.py"
    fits.write_text(
        "from factledger.core.store import LedgerStore\n"
        "from factledger.storage.sqlite_store import SqliteStore\n\n\n"
        "def fits(store: SqliteStore) -> LedgerStore:\n"
        "    return store\n"
    )
    misfit = tmp_path / "misfit.py"
    misfit.write_text(
        "from factledger.core.store import LedgerStore\n"
        "from factledger.storage.sqlite_store import SqliteStore\n\n\n"
        "class Partial(SqliteStore):\n"
        "    transaction = None  # type: ignore[assignment]\n\n\n"
        "def misfit(store: Partial) -> LedgerStore:\n"
        "    return store\n"
    )
    common = ["--config-file", str(REPO / "pyproject.toml"), "--cache-dir", str(tmp_path / "cache")]
    out, err, status = api.run([*common, str(fits)])
    assert status == 0, out + err
    out, _err, status = api.run([*common, str(misfit)])
    assert status == 1 and "LedgerStore" in out, out


def test_a_ledger_runs_on_the_store_and_hands_it_out(tmp_path: Path) -> None:
    """`Ledger.store` is the port the ledger writes through; its typed rows read back what the ledger did."""
    ledger = Ledger.open(tmp_path / "l.factledger", actor="Test")
    try:
        store: LedgerStore = ledger.store
        assert isinstance(store, SqliteStore)
        result = ledger.import_document(
            Document(
                text="Exports rose 12% in 2024.",
                title="Trade",
                url="https://example.org/a",
                published="2025-01-02T08:00:00Z",
            ),
            [],
        )
        assert result.source_id is not None
        assert store.versions.lineage(result.source_id) == Lineage(result.source_id, 1)
        assert store.versions.web_sources() == [WebSource(result.source_id, "https://example.org/a", "Trade")]
        assert store.sources.published_days([result.source_id, "src_gone"]) == {
            result.source_id: "2025-01-02"
        }
        first, _ = ledger.log_claim(source_id=result.source_id, start=0, end=12, kind="claim")
        second, _ = ledger.log_claim(source_id=result.source_id, start=13, end=24, kind="claim")
        ledger.link(first, second, kind="restates")
        assert store.links.touching([second]) == [ClaimLink(first, second, "restates")]
        assert store.history.entity_actions([first], entity="finding") == []
        with store.transaction():
            for action in ("dismiss finding", "undo dismiss finding"):
                store.history.append(
                    entity="finding",
                    entity_id="k",
                    action=action,
                    actor="Test",
                    at="2025-01-03",
                    claim_id=first,
                )
        assert store.history.entity_actions([first, "clm_gone"], entity="finding") == [
            EntityAction("k", "dismiss finding"),
            EntityAction("k", "undo dismiss finding"),
        ]
        assert store.history.entity_actions([second], entity="finding") == []
        assert sqlite_database(store).execute("SELECT count(*) FROM claims").fetchone()[0] == 2
    finally:
        ledger.close()


def test_the_open_ledger_file_is_guarded(opened: SqliteStore, tmp_path: Path) -> None:
    """While the store is open, reading or replacing its file with plain file operations is refused."""
    with pytest.raises(UserError, match="open in FactLedger"):
        opened.refuse_if_open(tmp_path / "fit.factledger", doing="importing")
    with pytest.raises(UserError, match="open in FactLedger"):
        opened.refuse_if_open(tmp_path / "fit.factledger-wal", doing="exporting over")
    opened.refuse_if_open(tmp_path / "other.factledger", doing="importing")


def test_sqlite_database_refuses_another_engine() -> None:
    """The SQLite handle is only handed out for a store this adapter opened."""
    with pytest.raises(TypeError, match="not a SQLite ledger store"):
        sqlite_database(object())
