"""No import cycle anywhere among FactLedger's modules (imports under TYPE_CHECKING are only types, not counted)."""

from __future__ import annotations

import grimp


def _cycles(graph: grimp.ImportGraph) -> list[tuple[str, ...]]:
    """Every direct import a -> b whose target leads back to a, as the cycle a -> b -> ... -> a."""
    found: list[tuple[str, ...]] = []
    seen: set[frozenset[str]] = set()
    for importer in sorted(graph.modules):
        if not importer.startswith("factledger"):
            continue
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if not imported.startswith("factledger") or imported == importer:
                continue
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is None:
                continue
            cycle = (importer, *back)
            key = frozenset(cycle)
            if key not in seen:
                seen.add(key)
                found.append(cycle)
    return found


def test_factledger_modules_import_each_other_without_cycles() -> None:
    """A cycle (the window and its menus importing each other, say) fails with the modules that form it."""
    graph = grimp.build_graph("factledger", exclude_type_checking_imports=True)
    assert _cycles(graph) == []


def test_the_cycle_finder_names_a_cycle_it_is_given() -> None:
    """The check can fail: an import added from the domain back to the UI window is reported as a cycle."""
    graph = grimp.build_graph("factledger", exclude_type_checking_imports=True)
    graph.add_import(
        importer="factledger.domain", imported="factledger.ui.main_window", line_number=1, line_contents=""
    )
    cycles = _cycles(graph)
    assert cycles and any(
        "factledger.ui.main_window" in cycle and "factledger.domain" in cycle for cycle in cycles
    )
