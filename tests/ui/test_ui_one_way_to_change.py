"""The window changes a ledger one way only: `LedgerSession.run` with an edit from `core.operations`.

The source of every module under `factledger/ui` is read (not imported) and searched for the other ways
that used to exist: emitting the session's `failed` signal from outside it, calling the ledger's mutating
methods (or `X_edit` builders) directly, and constructing edit classes by hand.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import factledger.ui
from factledger.core import Edit, edits, operations, related, source_edits, versions
from factledger.domain import Changes, UserError
from factledger.ui.session import LedgerSession

UI = Path(factledger.ui.__file__).parent
SESSION = UI / "session.py"
MUTATIONS = frozenset(
    {
        "apply",
        "revert",
        "accept",
        "accept_all",
        "dismiss",
        "log_claim",
        "edit_claim",
        "set_status",
        "add_evidence",
        "delete_claim",
        "delete_source",
        "edit_source",
        "link",
        "refresh_suggestions",
        "import_document",
    }
)
"""Ledger methods that change data. `import_inputs` and `refresh` are left out: background workers call
them on a ledger of their own, and hand the applied edits to `LedgerSession.push_applied`."""
EDIT_CLASSES = frozenset(
    name
    for module in (edits, related, source_edits, versions)
    for name, value in vars(module).items()
    if isinstance(value, type) and issubclass(value, Edit)
)


def _names(node: ast.expr) -> list[str]:
    """The names along an attribute chain: `self._session.ledger` gives ["self", "_session", "ledger"]."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return names[::-1]


def violations(source: str) -> list[str]:
    """Every other way to change data in one module's source, as "line: what" sentences."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            chain = _names(node)
            if chain[-2:] == ["failed", "emit"] and any("session" in n for n in chain[:-2]):
                found.append(f"{node.lineno}: emits the session's failed signal (use session.tell)")
            if node.attr.endswith("_edit") and any("ledger" in n for n in chain[:-1]):
                found.append(f"{node.lineno}: builds an edit with ledger.{node.attr}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            chain = _names(node.func)
            if node.func.attr in MUTATIONS and len(chain) >= 2 and "ledger" in chain[-2]:
                found.append(f"{node.lineno}: changes the ledger with ledger.{node.func.attr}()")
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("factledger.core"):
            for alias in node.names:
                if alias.name in EDIT_CLASSES:
                    found.append(f"{node.lineno}: imports the edit class {alias.name} (use core.operations)")
    return found


def test_no_ui_module_changes_data_but_through_the_session() -> None:
    """Outside session.py no UI module emits `failed`, calls a ledger mutation or builds an edit by hand."""
    modules = [p for p in sorted(UI.rglob("*.py")) if p != SESSION]
    assert len(modules) > 30
    found = {str(p.relative_to(UI)): v for p in modules if (v := violations(p.read_text(encoding="utf-8")))}
    assert found == {}


@pytest.mark.parametrize(
    ("code", "what"),
    [
        ("self._session.failed.emit('No file chosen.')", "failed signal"),
        ("open_ledger(path, tell=session.failed.emit)", "failed signal"),
        ("changes = self._session.ledger.delete_source(source_id)", "ledger.delete_source()"),
        ("session.try_apply(lambda: session.ledger.link_edit(a, b, kind=k))", "ledger.link_edit"),
        ("self.session.ledger.apply(edit)", "ledger.apply()"),
        ("from factledger.core import AcceptSuggestion, format_figure", "AcceptSuggestion"),
    ],
)
def test_the_check_finds_each_old_way(code: str, what: str) -> None:
    """Each way the window used to change data before `run` is reported by the check above."""
    [found] = violations(code)
    assert what in found


def test_the_check_leaves_the_one_way_and_unrelated_calls_alone() -> None:
    """`session.run`, `session.tell`, a dialog's `accept()` and a worker's own task signal are fine."""
    code = (
        "from factledger.core import format_figure, operations\n"
        "self._session.run(operations.link(from_claim=a, to_claim=b, kind=k), initiator='Link')\n"
        "self._session.tell('Choose a file.')\n"
        "dialog.accept()\n"
        "self.link(item)\n"
        "task.failed.emit(error)\n"
    )
    assert violations(code) == []


def test_run_applies_pushes_and_announces(qtbot, session: LedgerSession) -> None:
    """An edit run through the session is applied, named on the undo stack by its initiator, and announced."""
    source_id = session.ledger.sources()[0].id
    suggestion = session.ledger.suggestions(source_id)[0]
    edit = operations.accept(suggestion_id=suggestion.id)
    with qtbot.waitSignal(session.changed) as announced:
        changes = session.run(edit, initiator="Accept the first suggestion")
    assert changes is not None and edit.claim_id in changes.claims
    assert announced.args == [changes]
    assert session.undo_stack.undoText() == "Accept the first suggestion"
    session.undo_stack.undo()
    assert suggestion.id in {s.id for s in session.ledger.suggestions(source_id)}


def test_run_reports_a_refusal_itself(qtbot, session: LedgerSession) -> None:
    """A refused edit, or a builder that refuses, is told through `failed`; nothing reaches the undo stack."""
    told: list[str] = []
    session.failed.connect(told.append)
    assert session.run(operations.delete_claim(claim_id="clm_gone")) is None
    assert session.run(lambda: operations.edit_source(source_id="src_x", published="soon")) is None
    assert told[0] == "There is no fact with id clm_gone in this ledger."
    assert "not a date" in told[1]
    assert session.undo_stack.count() == 0


def test_run_keeps_work_that_cannot_be_undone_off_the_stack(qtbot, session: LedgerSession) -> None:
    """Deleting a source is applied and announced once; the undo stack keeps only the edits before it."""
    source_id = session.ledger.sources()[0].id
    session.run(operations.accept(suggestion_id=session.ledger.suggestions(source_id)[0].id))
    seen: list[Changes] = []
    session.changed.connect(seen.append)
    changes = session.run(operations.delete_source(source_id=source_id))
    assert changes is not None and source_id in changes.sources and seen == [changes]
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Accept suggestion"
    with pytest.raises(UserError):
        session.ledger.source(source_id)


def test_tell_shows_a_sentence_through_failed(qtbot, session: LedgerSession) -> None:
    """`tell` is how the window says something went wrong outside an edit: the `failed` signal carries it."""
    with qtbot.waitSignal(session.failed) as told:
        session.tell("Choose a file to export to.")
    assert told.args == ["Choose a file to export to."]
