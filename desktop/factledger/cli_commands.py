"""One function per CLI command: parse nothing, print results, let `UserError` reach `cli.main`.

Commands reach the ledger, readers, extractor and exporters through `factledger.core` only (an
import-linter contract), and import what they use inside the command: importing this module loads
the vocabularies, not storage, so `suggest` needs no SQLite and a query needs no reader.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factledger.core.fields import EDITABLE_BY_NAME, SOURCE_FIELDS, normalize_fields
from factledger.domain import (
    Attribution,
    Changes,
    Claim,
    ClaimFilter,
    ClaimKind,
    ClaimOrder,
    Stance,
    Status,
    UserError,
    parse_enum,
)
from factledger.domain.anchors import Anchor
from factledger.domain.figures import format_figure

if TYPE_CHECKING:
    from factledger.core.edits import EvidenceInput
    from factledger.core.importing import ImportResult
    from factledger.core.ledger import Ledger

# Readers, the extractor, the exporters and storage are imported by the commands that use them, so a
# query command starts without trafilatura, lxml or the extraction patterns (benchmarks/cli_startup.py).
ACCEPT_THRESHOLD = 0.5


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def claim_json(claim: Claim) -> dict[str, Any]:
    data = asdict(claim)
    return {k: (None if v is None else (str(v) if hasattr(v, "value") else v)) for k, v in data.items()}


def anchor_json(anchor: Anchor | None) -> dict[str, Any] | None:
    """A fact's last re-anchoring (null when its source never had a newer version)."""
    if anchor is None:
        return None
    data = asdict(anchor)
    data["state"] = str(anchor.state)
    data.pop("claim_id")
    return data


def _filter(args: argparse.Namespace) -> ClaimFilter:
    statuses = [s for s in getattr(args, "status", []) if s != "all"]
    return ClaimFilter(
        kinds=frozenset(parse_enum(ClaimKind, k, what="kind") for k in getattr(args, "kind", []) or []),
        statuses=frozenset(parse_enum(Status, s, what="status") for s in statuses),
        attributions=frozenset(
            parse_enum(Attribution, a, what="sourcing type") for a in getattr(args, "attribution", []) or []
        ),
        source_ids=frozenset(getattr(args, "source", []) or []),
        subject=getattr(args, "subject", None) or None,
        date_from=_date_bound(getattr(args, "date_from", None)),
        date_to=_date_bound(getattr(args, "date_to", None)),
    )


def _date_bound(text: str | None) -> str | None:
    if not text:
        return None
    return str(normalize_fields({"stated_on": text})["stated_on"])


def _span(text: str) -> tuple[int, int]:
    try:
        start, end = (int(part) for part in text.split("-", 1))
    except ValueError:
        raise UserError(f"'{text}' is not a span; write it as START-END, e.g. 120-164.") from None
    return start, end


def _evidence(args: argparse.Namespace) -> EvidenceInput | None:
    from factledger.core.edits import EvidenceInput

    if not args.evidence and not args.note:
        return None
    stance = Stance(args.stance)
    target = args.evidence or ""
    if target.lower().startswith(("http://", "https://")) or not target:
        return EvidenceInput(stance=stance, url=target or None, quote=args.quote, note=args.note)
    source_id, _, span = target.partition(":")
    if not span:
        return EvidenceInput(stance=stance, source_id=source_id, quote=args.quote, note=args.note)
    start, end = _span(span)
    return EvidenceInput(stance=stance, source_id=source_id, start=start, end=end, note=args.note)


def info(ledger: Ledger, args: argparse.Namespace) -> int:
    data = asdict(ledger.info())
    if args.json:
        _print_json(data)
    else:
        for key, value in data.items():
            print(f"{key}: {value}")
    return 0


def import_(ledger: Ledger, args: argparse.Namespace) -> int:
    from factledger.core.article_inputs import expand_inputs

    items = expand_inputs(args.inputs)
    if not items:
        raise UserError("Nothing to import: no readable files were found in what was given.")
    if args.json:
        results = ledger.import_inputs(items)
        _print_json(
            [
                {
                    "input": r.label,
                    "outcome": r.outcome,
                    "source_id": r.source_id,
                    "title": r.title,
                    "suggestions": r.suggestion_count,
                    "message": r.message,
                    "version": r.version,
                    "anchors": None if r.report is None else r.report.counts,
                }
                for r in results
            ]
        )
    else:
        # One line per input as soon as it is done, so a long batch shows where it is.
        results = ledger.import_inputs(items, progress=lambda _done, _total, result: _print_result(result))
    return 1 if any(r.outcome == "failed" for r in results) else 0


def _print_result(r: ImportResult) -> None:
    from factledger.core.article_inputs import printable

    if r.outcome == "imported":
        line = f"imported: {r.label} ({r.suggestion_count} suggestions) [{r.source_id}]"
    elif r.outcome == "duplicate":
        line = f"duplicate: {r.label} (already in the ledger as {r.source_id})"
    elif r.outcome == "new_version" and r.report is not None:
        line = (
            f"new version: {r.label} (version {r.version} of {r.report.lineage}: {r.report.summary()})"
            f" [{r.source_id}]"
        )
    else:
        line = f"failed: {r.message}"
    print(printable(line), flush=True)


def suggest(args: argparse.Namespace) -> int:
    from factledger.core.suggesting import suggest_input

    document, suggestions = suggest_input(args.file)
    if args.json:
        _print_json(
            {
                "document": {
                    "title": document.title,
                    "outlet": document.outlet,
                    "authors": list(document.authors),
                    "published": document.published,
                    "url": document.url,
                    "media_type": document.media_type,
                    "text": document.text,
                },
                "suggestions": [s.to_json() for s in suggestions],
            }
        )
    else:
        print(f"{document.title or document.file_name or 'document'}: {len(suggestions)} suggestions")
        for s in suggestions:
            print(f"  {s.kind:<10} {s.start:>6}-{s.end:<6} {s.quote!r}  ({s.cue})")
    return 0


def sources(ledger: Ledger, args: argparse.Namespace) -> int:
    summaries = ledger.sources()
    if args.json:
        _print_json([asdict(s) for s in summaries])
    else:
        for s in summaries:
            print(
                f"{s.id}  {s.published or '':<10}  {s.claim_count:>4} facts  {s.suggestion_count:>4} open  "
                f"{s.title or s.file_name or ''}"
            )
    return 0


def suggestions(ledger: Ledger, args: argparse.Namespace) -> int:
    ledger.source(args.source_id)
    stored = ledger.suggestions(args.source_id)
    if args.json:
        _print_json([{"id": s.id, "source_id": s.source_id, **s.suggestion.to_json()} for s in stored])
    else:
        for s in stored:
            found = s.suggestion
            figure = found.value if found.value is not None else found.amount
            number = "" if figure is None else f" [{format_figure(figure, found.unit, found.qualifier)}]"
            print(f"{s.id}  {found.kind:<10} {found.quote!r}{number}  ({found.cue})")
    return 0


def accept(ledger: Ledger, args: argparse.Namespace) -> int:
    from factledger.core.edits import AcceptSuggestion

    source_id = None if args.target == "all" else args.target
    if source_id is not None:
        ledger.source(source_id)
        source_id = ledger.versions(source_id)[-1].id  # open suggestions live on the newest version
    kind = ClaimKind(args.kind) if args.kind else None
    group = ledger.accept_all(
        source_id=source_id, kind=kind, min_score=0.0 if args.include_weak else ACCEPT_THRESHOLD
    )
    claim_ids = [edit.claim_id for edit in group.edits if isinstance(edit, AcceptSuggestion)]
    if args.json:
        _print_json({"accepted": len(claim_ids), "claims": claim_ids})
    else:
        print(f"accepted {len(claim_ids)} suggestions as facts")
    return 0


def dismiss(ledger: Ledger, args: argparse.Namespace) -> int:
    ledger.dismiss(args.suggestion_id)
    print(f"dismissed {args.suggestion_id}")
    return 0


def log(ledger: Ledger, args: argparse.Namespace) -> int:
    start, end = _span(args.span)
    claim_id, _ = ledger.log_claim(source_id=args.source_id, start=start, end=end, kind=args.kind)
    if args.json:
        _print_json(claim_json(ledger.claim(claim_id)))
    else:
        print(claim_id)
    return 0


def claims(ledger: Ledger, args: argparse.Namespace) -> int:
    limit = -1 if args.limit is None else max(0, args.limit)  # SQLite reads LIMIT -1 as "no limit"
    claim_filter = _filter(args)
    if claim_filter.source_ids:  # a source's facts are those of all its versions (orphaned ones stay behind)
        every = {v.id for s in claim_filter.source_ids for v in ledger.versions(s)} | claim_filter.source_ids
        claim_filter = replace(claim_filter, source_ids=frozenset(every))
    found = ledger.claims(claim_filter, ClaimOrder(args.sort, descending=not args.asc), limit=limit)
    if args.json:
        anchors = ledger.anchors(c.id for c in found)
        _print_json([claim_json(c) | {"anchor": anchor_json(anchors.get(c.id))} for c in found])
    else:
        for c in found:
            number = "" if c.value is None else f" [{format_figure(c.value, c.unit, c.qualifier)}]"
            print(f"{c.id}  {c.status:<12} {c.kind:<10} {c.statement[:90]}{number}")
    return 0


def search(ledger: Ledger, args: argparse.Namespace) -> int:
    hits = ledger.search(args.query, limit=args.limit)
    if args.json:
        _print_json([asdict(h) for h in hits])
    else:
        for h in hits:
            print(f"{h.entity:<6} {h.id}  {h.snippet}")
    return 0


def show(ledger: Ledger, args: argparse.Namespace) -> int:
    claim = ledger.claim(args.claim_id)
    data = claim_json(claim)
    data["anchor"] = anchor_json(ledger.anchors([claim.id]).get(claim.id))
    data["evidence"] = [
        {k: (str(v) if hasattr(v, "value") else v) for k, v in asdict(e).items()}
        for e in ledger.evidence(claim.id)
    ]
    data["history"] = [asdict(h) for h in ledger.history(claim.id)]
    if args.json:
        _print_json(data)
    else:
        for key, value in data.items():
            if key in ("value", "amount", "delivered") and isinstance(value, float):
                # The figure as people write it; --json keeps the plain number for scripts.
                print(
                    f"{key}: {format_figure(value, claim.unit, claim.qualifier if key == 'value' else None)}"
                )
            elif key not in ("evidence", "history"):
                print(f"{key}: {value}")
        for e in data["evidence"]:
            print(f"evidence: {e['stance']} {e['url'] or e['source_id']} {e['quote'] or ''}")
        for h in data["history"]:
            print(f"history: {h['at']} {h['actor']} {h['action']} {h['reason'] or ''}")
    return 0


def edit(ledger: Ledger, args: argparse.Namespace) -> int:
    fields = _given(args, EDITABLE_BY_NAME, example="--subject Toyota")
    _report_edit(args.claim_id, ledger.edit_claim(args.claim_id, reason=args.reason, **fields))
    return 0


def edit_source(ledger: Ledger, args: argparse.Namespace) -> int:
    fields = _given(args, SOURCE_FIELDS, example="--published 2025-10-29")
    _report_edit(args.source_id, ledger.edit_source(args.source_id, reason=args.reason, **fields))
    return 0


def _given(args: argparse.Namespace, names: Sequence[str], *, example: str) -> dict[str, Any]:
    """The options of `names` the person gave; none at all is a mistake worth a sentence."""
    fields = {name: getattr(args, name) for name in names if getattr(args, name) is not None}
    if not fields:
        raise UserError(f"Nothing to change: give at least one, e.g. {example}.")
    return fields


def _report_edit(record_id: str, changes: Changes) -> None:
    print(f"edited {record_id}" if not changes.empty else f"{record_id} already had those values")


def status(ledger: Ledger, args: argparse.Namespace) -> int:
    ledger.set_status(args.claim_id, status=args.status, reason=args.reason, evidence=_evidence(args))
    print(f"{args.claim_id}: {parse_enum(Status, args.status, what='status')}")
    return 0


def delete(ledger: Ledger, args: argparse.Namespace) -> int:
    ledger.delete_claim(args.claim_id, reason=args.reason)
    print(f"deleted {args.claim_id}")
    return 0


def link(ledger: Ledger, args: argparse.Namespace) -> int:
    ledger.link(args.from_claim, args.to_claim, kind=args.kind, note=args.note)
    print(f"linked {args.from_claim} -> {args.to_claim} ({args.kind})")
    return 0


def check(ledger: Ledger, args: argparse.Namespace) -> int:
    findings = ledger.check(_filter(args))
    if args.json:
        _print_json([asdict(f) for f in findings])
    else:
        for f in findings:
            print(f"{f.check}: {f.message} [{', '.join(f.claim_ids)}]")
        if not findings:
            print("no contradictions, restatements, inconsistent parts or changed sources found")
    return 0


def export(ledger: Ledger, args: argparse.Namespace) -> int:
    from factledger.core.exports import export_fact_sheet

    output = Path(args.output)
    fmt = args.format or {".json": "json", ".jsonld": "claimreview", ".md": "md"}.get(
        output.suffix.lower(), "csv"
    )
    claim_filter = _filter(args)
    if not args.status:
        claim_filter = replace(claim_filter, statuses=frozenset({Status.VERIFIED}))
    count = export_fact_sheet(ledger, output, fmt=fmt, claim_filter=claim_filter, bom=not args.no_bom)
    print(f"wrote {count} facts to {output}", file=sys.stderr)
    return 0


def refresh(ledger: Ledger, args: argparse.Namespace) -> int:
    from factledger.core.refresh import web_fetcher

    targets = None if args.target == "all" else [args.target]
    results = ledger.refresh(targets, fetch=web_fetcher(args.timeout))
    if args.json:
        _print_json(
            [
                {
                    "source_id": r.source_id,
                    "title": r.label,
                    "outcome": r.outcome,
                    "new_source_id": r.new_source_id,
                    "version": None if r.report is None else r.report.version,
                    "anchors": None if r.report is None else r.report.counts,
                    "message": r.message,
                }
                for r in results
            ]
        )
    else:
        for r in results:
            if r.outcome == "new_version" and r.report is not None:
                print(
                    f"new version: {r.label} (version {r.report.version} of {r.report.lineage}: "
                    f"{r.report.summary()}) [{r.new_source_id}]"
                )
            elif r.outcome == "failed":
                print(f"failed: {r.message}")
            else:
                print(f"{r.outcome}: {r.message}")
        if not results:
            print("no sources with a web address to check")
    return 1 if any(r.outcome == "failed" for r in results) else 0


def backup(ledger: Ledger, args: argparse.Namespace) -> int:
    made = ledger.backup(reason="manual")
    if args.json:
        _print_json({"backup": str(made)})
    else:
        print(f"backed up {ledger.path} to {made}")
    return 0


def backups(ledger: Ledger, args: argparse.Namespace) -> int:
    if args.folder:
        ledger.set_backup_folder(args.folder)
        print(f"backups of {ledger.path} now go to {ledger.backup_folder}", file=sys.stderr)
    found = ledger.backups()
    if args.json:
        _print_json(
            {
                "folder": str(ledger.backup_folder),
                "backups": [
                    {
                        "path": str(b.path),
                        "name": b.path.name,
                        "taken_at": b.taken_at.isoformat(timespec="seconds"),
                        "reason": b.reason,
                        "size": b.size,
                        "sources": b.sources,
                        "claims": b.claims,
                        "readable": b.readable,
                    }
                    for b in found
                ],
            }
        )
        return 0
    print(f"backups of {ledger.path} in {ledger.backup_folder}:")
    for b in found:
        counts = f"{b.sources} sources, {b.claims} facts" if b.readable else "cannot be read"
        print(f"  {b.taken_at:%Y-%m-%d %H:%M:%S} UTC  {b.reason:<20} {counts:<28} {b.path.name}")
    if not found:
        print("  (none yet: `factledger backup` makes one)")
    return 0


def restore(args: argparse.Namespace) -> int:
    from factledger.core import LedgerDamaged
    from factledger.core.backups import resolve_backup, restore_backup
    from factledger.core.ledger import Ledger
    from factledger.core.paths import default_ledger_path

    path = Path(args.ledger).expanduser() if args.ledger else default_ledger_path()
    chosen = resolve_backup(path, args.backup)
    damaged = False
    if path.exists():
        try:
            Ledger.open(path, create=False).close()
        except LedgerDamaged:
            damaged = True
        except UserError:
            damaged = True  # not a ledger at all any more: it is moved aside all the same
    aside = restore_backup(chosen, path, damaged=damaged)
    print(f"restored {path} from {chosen}")
    if aside is not None:
        print(f"the file it replaced was kept as {aside}")
    return 0


def salvage(args: argparse.Namespace) -> int:
    from factledger.core.backups import salvage_copy
    from factledger.core.paths import default_ledger_path

    path = Path(args.ledger).expanduser() if args.ledger else default_ledger_path()
    if not path.is_file():
        raise UserError(f"There is no ledger at {path}.")
    target = Path(args.output).expanduser() if args.output else None
    if target is not None and target.exists():
        raise UserError(f"{target} already exists; choose a new file name for the salvage copy.")
    made, method = salvage_copy(path, target)
    print(f"salvaged what could be read from {path} into {made} ({method}); {path} was not changed")
    return 0


def verify(ledger: Ledger, args: argparse.Namespace) -> int:
    problems = ledger.integrity_problems()
    if args.json:
        _print_json({"path": ledger.location, "ok": not problems, "problems": problems})
    elif problems:
        print(f"{ledger.location} is damaged:")
        for problem in problems:
            print(f"  {problem}")
    else:
        print(f"{ledger.location}: every page and index checked, ok")
    return 3 if problems else 0
