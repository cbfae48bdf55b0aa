"""Checking web sources for changes: fetch each URL again and add a version only when its text changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from factledger import extraction
from factledger.domain import Changes, Document, UserError, WebSource

from . import operations
from .context import LedgerContext
from .versions import AddSourceVersion, VersionReport

RefreshOutcome = Literal["unchanged", "new_version", "failed", "skipped"]


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """What checking one source found; `message` is the sentence shown to the person."""

    source_id: str  # the source's newest version before the check
    label: str
    outcome: RefreshOutcome
    message: str
    new_source_id: str | None = None
    report: VersionReport | None = None
    edit: AddSourceVersion | None = None
    changes: Changes = Changes()


def refresh_sources(
    ctx: LedgerContext,
    targets: Iterable[str] | None,
    *,
    fetch: Callable[[str], Document],
    progress: Callable[[int, int, RefreshResult], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[RefreshResult]:
    """Fetch the given sources (None: every source with a web address) and store what changed.

    Each source is fetched outside any transaction, then stored in its own: a page that fails to load
    fails alone with its sentence, and nothing already in the ledger is touched by a failure.
    """
    queue = _resolve(ctx, targets)
    results: list[RefreshResult] = []
    for index, web in enumerate(queue):
        if cancelled is not None and cancelled():
            break
        result = _refresh_one(ctx, web.id, web.url, web.label, fetch)
        results.append(result)
        if progress is not None:
            progress(index + 1, len(queue), result)
    return results


def _resolve(ctx: LedgerContext, targets: Iterable[str] | None) -> list[WebSource]:
    if targets is None:
        return ctx.versions.web_sources()
    resolved: list[WebSource] = []
    for target in targets:
        found = ctx.versions.lineage(target)
        if found is None:
            raise UserError(f"There is no source with id {target} in this ledger.")
        latest = ctx.versions.latest(found.root)
        details = ctx.sources.details(latest, ["url", "title"]) or {}
        resolved.append(
            WebSource(latest, details.get("url"), str(details.get("title") or details.get("url") or latest))
        )
    return resolved


def _refresh_one(
    ctx: LedgerContext, source_id: str, url: str | None, label: str, fetch: Callable[[str], Document]
) -> RefreshResult:
    if not url:
        return RefreshResult(source_id, label, "skipped", f"{label}: has no web address to check.")
    try:
        document = fetch(url)
    except UserError as error:
        return RefreshResult(source_id, label, "failed", f"{label}: {error.message} Nothing was changed.")
    with ctx.store.transaction():
        same = ctx.sources.id_for_hash(document.content_sha256)
        if same is not None:
            found = ctx.versions.lineage(same)
            again = (
                "" if same == source_id else f" (it reads as version {found.version if found else '?'} again)"
            )
            return RefreshResult(source_id, label, "unchanged", f"{label}: unchanged{again}.")
        edit = operations.add_source_version(
            previous=source_id, document=document, suggestions=extraction.suggest(document)
        )
        changes = edit.apply(ctx)
    report = edit.report
    assert report is not None  # apply always reports
    return RefreshResult(
        source_id,
        label,
        "new_version",
        f"{label}: changed; version {report.version} of source {report.lineage} ({report.summary()}).",
        edit.source_id,
        report,
        edit,
        changes,
    )


def web_fetcher(timeout: float) -> Callable[[str], Document]:
    """Fetch a page for `refresh_sources` within `timeout` seconds in all (at least half a second).

    Each read waits at most the reader's own limit, and the whole download at most `timeout`, so one slow
    server cannot hold a refresh of many sources for long.
    """
    from factledger import reading

    limit = max(0.5, float(timeout))
    return lambda url: reading.fetch_url(url, timeout=min(limit, reading.READ_TIMEOUT), deadline=limit)
